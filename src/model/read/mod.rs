//! Reading a user's list. A file's bytes and name, the bundled dataset as gazetteer and an
//! optional column mapping enter [`list::read_list`], which decides which reader applies (a
//! workbook's first sheet, CSV or pasted rows, a saved CPAFFC registry answer, a JSON array of
//! records, partnership JSON); a loaded list leaves (a dataset with its problems, how it was
//! read, and its rows so that their columns can be mapped by hand), or the fatal problem that
//! stopped it. The workbook reader and the GB 18030 decoder are handed in
//! ([`list::Readers`]): natively the core reads workbooks itself, the browser hands in its
//! worker's answer and its `TextDecoder`. It imports `format` and `geo`; it must never import
//! `i18n` (problems and notes stay typed until displayed), `ask` or `show`.

pub mod compare;
pub mod country_names;
pub mod csv;
pub mod import_csv;
pub mod list;
pub mod officials;
pub mod records;
pub mod registry;
pub mod workbook;
