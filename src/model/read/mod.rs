//! Reading a user's list. A file's bytes and name enter, with the bundled dataset as gazetteer
//! and an optional column mapping; a loaded list leaves (a dataset with its problems) or the
//! fatal problem that stopped it: workbooks ([`workbook`]), CSV and pasted rows ([`csv`],
//! [`import_csv`], with how officials write a list in [`officials`]), saved CPAFFC registry
//! answers ([`registry`]), JSON arrays of records ([`records`]), and a list beside the public
//! dataset ([`compare`]). It imports `format` (and `geo` through it); it must never import
//! `i18n` (problems stay typed until displayed), `ask` or `show`.

pub mod compare;
pub mod csv;
pub mod import_csv;
pub mod officials;
pub mod records;
pub mod registry;
pub mod workbook;
