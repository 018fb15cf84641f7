//! Reading a user's file into a dataset: a JSON, CSV or spreadsheet file picked, dropped or
//! linked, read entirely in the browser. CSV files that are not UTF-8 are tried as GB 18030
//! (what Chinese spreadsheets save), with a note; workbooks (.xlsx, .xls) are turned into rows
//! by the spreadsheet worker (`ui::sheets`), then read like CSV.

use std::sync::Arc;

use crate::model::format::dataset::Dataset;
use crate::model::format::load::{Loaded, load};
use crate::model::format::problem::{Problem, ProblemKind};
use crate::model::read::csv::rows_to_csv;
use crate::model::read::import_csv::{Mapping, import_csv, import_csv_mapped, looks_like_csv};
use crate::model::read::records::json_records;
use crate::model::read::registry;
use crate::model::read::workbook::workbook_kind;
use crate::model::show::failure::{Failure, ReadNote};

/// A list read from rows of cells (a CSV file, pasted rows, a workbook's sheet), decoded once
/// and kept so its columns can be read again as the user maps them.
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

/// Decodes GB 18030 with the browser's decoder.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// What reading a user's file gave: the dataset (or why not) and, for a list of rows, the
/// rows themselves, so their columns can be mapped by hand.
pub struct Read {
    /// The dataset and how it was read, or why it could not be.
    pub result: Result<(Arc<Loaded>, Option<ReadNote>), Failure>,
    /// The rows of a CSV file, pasted rows or a workbook's sheet.
    pub sheet: Option<SheetText>,
}

/// Decodes a list's bytes: UTF-8, else GB 18030 (what Chinese spreadsheets save), with a note.
fn decode(bytes: &[u8]) -> Option<(String, Option<ReadNote>)> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some((text.to_owned(), None)),
        Err(_) => decode_gb18030(bytes).map(|t| (t, Some(ReadNote::DecodedGb18030))),
    }
}

/// Reads a list's rows with its columns mapped as `sheet` says (recognised when it says
/// nothing); `gazetteer` (the bundled dataset) places the names.
pub fn read_sheet(
    sheet: &SheetText,
    gazetteer: Option<&Dataset>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    let empty = Dataset::default();
    let mapping = sheet.mapping.as_deref();
    import_csv_mapped(sheet.text.as_bytes(), &sheet.name, gazetteer.unwrap_or(&empty), mapping)
        .map(|l| (Arc::new(l), sheet.note))
        .map_err(|e| Failure::File { name: sheet.name.clone(), problem: e.problem })
}

/// Reads any file a user gives: a workbook in the spreadsheet worker, then like CSV; a CSV or
/// pasted rows with their columns mapped (`mapping`, else recognised); a saved registry answer;
/// partnership JSON.
pub async fn read_file(
    name: &str,
    bytes: &[u8],
    gazetteer: Option<&Dataset>,
    mapping: Option<Mapping>,
) -> Read {
    let failed = |problem: Problem| Read {
        result: Err(Failure::File { name: name.to_owned(), problem }),
        sheet: None,
    };
    let rows = if workbook_kind(bytes).is_some() {
        match crate::ui::sheets::workbook_csv(bytes).await {
            Ok(csv) => Some((csv, Some(ReadNote::Workbook))),
            Err(reason) => return failed(Problem::fatal(ProblemKind::Workbook { reason })),
        }
    } else if looks_like_csv(name, bytes) {
        match decode(bytes) {
            Some(decoded) => Some(decoded),
            None => {
                let offset = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
                return failed(Problem::fatal(ProblemKind::NotUtf8 { offset }));
            }
        }
    } else {
        None
    };
    if let Some((text, note)) = rows {
        let sheet = SheetText { name: name.to_owned(), text: text.into(), note, mapping };
        return Read { result: read_sheet(&sheet, gazetteer), sheet: Some(sheet) };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return failed(Problem::fatal(ProblemKind::NotUtf8 { offset: e.valid_up_to() })),
    };
    // A saved answer of the national registry loads like a list kept in a spreadsheet.
    let result = if let Ok(rows) = registry::parse(text) {
        let empty = Dataset::default();
        let csv = registry::to_csv(&rows);
        import_csv(csv.as_bytes(), name, gazetteer.unwrap_or(&empty))
            .map(|l| (Arc::new(l), Some(ReadNote::Registry)))
    } else {
        match load(text) {
            // A JSON array of records is a list of rows, read (and mapped) like a CSV file.
            Err(e) if matches!(e.problem.kind, ProblemKind::NotPartnershipJson) => {
                if let Some(rows) = json_records(text) {
                    let text = rows_to_csv(&rows).into();
                    let sheet = SheetText { name: name.to_owned(), text, note: None, mapping };
                    return Read { result: read_sheet(&sheet, gazetteer), sheet: Some(sheet) };
                }
                Err(e)
            }
            other => other.map(|l| (Arc::new(l), None)),
        }
    };
    Read {
        result: result.map_err(|e| Failure::File { name: name.to_owned(), problem: e.problem }),
        sheet: None,
    }
}
