//! The one way a user's file is read, wherever it comes from (picked, dropped, pasted or
//! linked with `?data=`): [`read_list`] decides which reader applies, in this order:
//!
//! 1. a workbook (.xlsx, .xls, told by its first bytes) → its first sheet's rows, from the
//!    workbook reader handed in ([`Readers::workbook`]);
//! 2. a CSV file or pasted rows (by name, else by not starting like JSON) → its text, UTF-8 or
//!    else GB 18030 (what Chinese spreadsheets save, from [`Readers::gb18030`]);
//! 3. a saved answer of the CPAFFC registry, found by its field names → its rows;
//! 4. a JSON array of records, wherever it sits → its rows;
//! 5. else partnership JSON.
//!
//! Rows (1, 2, 4) are read with the column mapping given, else with their columns recognised,
//! and come back with the list ([`SheetText`]) so their columns can be mapped again by hand
//! ([`read_sheet`]). The function is synchronous: the browser asks its spreadsheet worker
//! first and hands the answer in, natively [`Readers::NATIVE`] reads workbooks here.
//!
//! ```
//! use youcheng::model::read::list::{Readers, read_list};
//! # let text = include_str!("../../../tests/fixtures/small.json");
//! # let bundled = youcheng::model::format::load::load(text).unwrap().dataset;
//! let csv = "中方城市,外方城市,国别,结好时间\n西安市,奈良市,日本,1974.2.1\n";
//! let read = read_list(csv.as_bytes(), "list.csv", Some(&bundled), None, &Readers::NATIVE);
//! let (loaded, note) = read.result.expect("a list of one pair");
//! assert_eq!((loaded.dataset.partnerships().len(), note), (1, None));
//! assert!(read.sheet.is_some(), "its rows come back, to map their columns by hand");
//!
//! let json = text.as_bytes();
//! let read = read_list(json, "small.json", None, None, &Readers::NATIVE);
//! assert_eq!(read.result.expect("partnership JSON").0.dataset.partnerships().len(), 5);
//! assert!(read.sheet.is_none());
//! ```

use std::sync::Arc;

use super::csv::rows_to_csv;
use super::import_csv::{Mapping, import_csv, import_csv_mapped, looks_like_csv};
use super::records::json_records;
use super::registry;
use super::workbook::{read_first_sheet, workbook_kind};
use crate::model::format::dataset::Dataset;
use crate::model::format::load::{LoadError, Loaded, load};
use crate::model::format::problem::{Problem, ProblemKind};

/// A note about how a user's file was read (its words are in `i18n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadNote {
    /// The file was not UTF-8 and was read as GB 18030.
    DecodedGb18030,
    /// The file was a saved answer of the CPAFFC friendship-city registry.
    Registry,
    /// The file was a spreadsheet workbook (.xlsx, .xls).
    Workbook,
}

/// The readers that differ between the browser and native code, handed to [`read_list`].
#[derive(Clone, Copy)]
pub struct Readers<'a> {
    /// A workbook's first sheet with data as CSV text, or why it could not be read. The
    /// browser hands in its spreadsheet worker's answer, so the first view never carries
    /// calamine; natively, [`first_sheet_csv`].
    pub workbook: &'a dyn Fn(&[u8]) -> Result<String, String>,
    /// Bytes decoded as GB 18030, when they are. The browser uses its `TextDecoder` (no tables
    /// shipped); natively there is none, and such a file is refused as not UTF-8.
    pub gb18030: &'a dyn Fn(&[u8]) -> Option<String>,
}

impl Readers<'static> {
    /// Native code's readers: workbooks read here with calamine, no GB 18030 decoder.
    pub const NATIVE: Readers<'static> =
        Readers { workbook: &first_sheet_csv, gb18030: &no_gb18030 };
}

/// A workbook's first sheet with data as CSV text, or why it could not be read (what the
/// spreadsheet worker answers).
pub fn first_sheet_csv(bytes: &[u8]) -> Result<String, String> {
    read_first_sheet(bytes).map(|sheet| sheet.to_csv()).map_err(|e| e.to_string())
}

fn no_gb18030(_: &[u8]) -> Option<String> {
    None
}

/// A list read from rows of cells (a CSV file, pasted rows, a workbook's sheet, a JSON array
/// of records), decoded once and kept so its columns can be read again as the user maps them.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetText {
    /// The file's name or address.
    pub name: String,
    /// Its rows as CSV text.
    pub text: Arc<str>,
    /// How it was read, if worth saying.
    pub note: Option<ReadNote>,
    /// The columns' roles chosen by hand, if any.
    pub mapping: Option<Mapping>,
}

/// What reading a user's file gave: the loaded list (or why not) and, for a list of rows, the
/// rows themselves, so their columns can be mapped by hand.
#[derive(Debug)]
pub struct ListRead {
    /// The dataset and its problems with how the file was read, or the fatal problem.
    pub result: Result<(Loaded, Option<ReadNote>), LoadError>,
    /// The rows of a CSV file, pasted rows, a workbook's sheet or a JSON array of records.
    pub sheet: Option<SheetText>,
}

/// Reads a list's rows with its columns mapped as `sheet` says (recognised when it says
/// nothing); `gazetteer` (the bundled dataset, when it loaded) places the names.
pub fn read_sheet(
    sheet: &SheetText,
    gazetteer: Option<&Dataset>,
) -> Result<(Loaded, Option<ReadNote>), LoadError> {
    let empty = Dataset::default();
    let mapping = sheet.mapping.as_deref();
    import_csv_mapped(sheet.text.as_bytes(), &sheet.name, gazetteer.unwrap_or(&empty), mapping)
        .map(|loaded| (loaded, sheet.note))
}

/// Reads any file a user gives (`bytes`, named `name`), deciding which reader applies (see
/// the module's documentation): `gazetteer` is the bundled dataset that places a list's names
/// (`None` when it did not load), `mapping` the columns' roles chosen by hand (recognised
/// when `None`), `readers` the workbook reader and GB 18030 decoder of the platform.
pub fn read_list(
    bytes: &[u8],
    name: &str,
    gazetteer: Option<&Dataset>,
    mapping: Option<Mapping>,
    readers: &Readers<'_>,
) -> ListRead {
    let failed = |problem: Problem| ListRead { result: Err(LoadError { problem }), sheet: None };
    let not_utf8 = |offset: usize| failed(Problem::fatal(ProblemKind::NotUtf8 { offset }));
    let rows = if workbook_kind(bytes).is_some() {
        match (readers.workbook)(bytes) {
            Ok(csv) => Some((csv, Some(ReadNote::Workbook))),
            Err(reason) => return failed(Problem::fatal(ProblemKind::Workbook { reason })),
        }
    } else if looks_like_csv(name, bytes) {
        match std::str::from_utf8(bytes) {
            Ok(text) => Some((text.to_owned(), None)),
            Err(e) => match (readers.gb18030)(bytes) {
                Some(text) => Some((text, Some(ReadNote::DecodedGb18030))),
                None => return not_utf8(e.valid_up_to()),
            },
        }
    } else {
        None
    };
    if let Some((text, note)) = rows {
        let sheet = SheetText { name: name.to_owned(), text: text.into(), note, mapping };
        return ListRead { result: read_sheet(&sheet, gazetteer), sheet: Some(sheet) };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return not_utf8(e.valid_up_to()),
    };
    // A saved answer of the national registry loads like a list kept in a spreadsheet.
    if let Ok(rows) = registry::parse(text) {
        let empty = Dataset::default();
        let csv = registry::to_csv(&rows);
        let result = import_csv(csv.as_bytes(), name, gazetteer.unwrap_or(&empty))
            .map(|loaded| (loaded, Some(ReadNote::Registry)));
        return ListRead { result, sheet: None };
    }
    let result = match load(text) {
        // A JSON array of records is a list of rows, read (and mapped) like a CSV file.
        Err(e) if matches!(e.problem.kind, ProblemKind::NotPartnershipJson) => {
            if let Some(rows) = json_records(text) {
                let text = rows_to_csv(&rows).into();
                let sheet = SheetText { name: name.to_owned(), text, note: None, mapping };
                return ListRead { result: read_sheet(&sheet, gazetteer), sheet: Some(sheet) };
            }
            Err(e)
        }
        other => other.map(|loaded| (loaded, None)),
    };
    ListRead { result, sheet: None }
}
