//! Reading a user's file in the browser: the core decides which reader applies
//! ([`read_list`]); this file holds only what the browser does for it. A workbook's rows come
//! from the spreadsheet worker (`ui::sheets`), which is asynchronous, so the worker is asked
//! first and its answer handed in; GB 18030 is decoded by the browser's `TextDecoder`, so the
//! first view ships no encoding tables. Results are shared (`Arc`) and a fatal problem becomes
//! the file's [`Failure`].

use std::cell::Cell;
use std::sync::Arc;

use crate::model::format::dataset::Dataset;
use crate::model::format::load::{LoadError, Loaded};
use crate::model::read::import_csv::Mapping;
use crate::model::read::list::{self, ReadNote, Readers, SheetText, read_list};
use crate::model::read::workbook::workbook_kind;
use crate::model::show::failure::Failure;

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

/// The core's answer as the UI keeps it: the dataset shared, a fatal problem as the failure
/// of the file `name`.
fn shared(
    name: &str,
    result: Result<(Loaded, Option<ReadNote>), LoadError>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    result
        .map(|(loaded, note)| (Arc::new(loaded), note))
        .map_err(|e| Failure::File { name: name.to_owned(), problem: e.problem })
}

/// Reads a list's rows again with its columns mapped as `sheet` says (recognised when it says
/// nothing); `gazetteer` (the bundled dataset) places the names.
pub fn read_sheet(
    sheet: &SheetText,
    gazetteer: Option<&Dataset>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    shared(&sheet.name, list::read_sheet(sheet, gazetteer))
}

/// Reads any file a user gives with the core's [`read_list`], a workbook's rows asked of the
/// spreadsheet worker first.
pub async fn read_file(
    name: &str,
    bytes: &[u8],
    gazetteer: Option<&Dataset>,
    mapping: Option<Mapping>,
) -> Read {
    // The core tells a workbook by the same first bytes, and takes this answer for it.
    let worker_answer = match workbook_kind(bytes) {
        Some(_) => Some(crate::ui::sheets::workbook_csv(bytes).await),
        None => None,
    };
    let worker_answer = Cell::new(worker_answer);
    let workbook = |_: &[u8]| worker_answer.take().unwrap_or_else(|| Err("no answer".to_owned()));
    let readers = Readers { workbook: &workbook, gb18030: &decode_gb18030 };
    let read = read_list(bytes, name, gazetteer, mapping, &readers);
    Read { result: shared(name, read.result), sheet: read.sheet }
}
