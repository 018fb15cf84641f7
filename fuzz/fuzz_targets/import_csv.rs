//! Any bytes given to the list importer (against the small fixture as gazetteer): no panic,
//! and whatever imports can be exported as partnership JSON that loads with the same pairs.
//! Covers every stage after the format: an .xlsx (bytes starting like a zip) read into rows;
//! the columns read for the mapping step; and, when the first byte is odd, a mapping chosen by
//! hand taken from the first line (as `cols=` carries it). An .xls is not fuzzed here: calamine
//! lays out its sheets densely when it opens the file, so a damaged file claiming a far cell
//! asks for more memory than any machine has (found by this target; in the app it only stops
//! the spreadsheet worker, see `model::read::workbook::read_first_sheet`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use youcheng::model::format::dataset::Dataset;
use youcheng::model::format::load::load;
use youcheng::model::read::import_csv::{import_csv_mapped, mapping_from_param, read_columns};
use youcheng::model::read::workbook::{WorkbookKind, read_first_sheet, workbook_kind};
use youcheng::model::show::export::to_json;

fn gazetteer() -> &'static Dataset {
    static GAZETTEER: OnceLock<Dataset> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        load(include_str!("../../tests/fixtures/small.json")).expect("the fixture loads").dataset
    })
}

fuzz_target!(|data: &[u8]| {
    let (bytes, mapping): (Vec<u8>, _) = if workbook_kind(data) == Some(WorkbookKind::Ole) {
        return;
    } else if workbook_kind(data) == Some(WorkbookKind::Zip) {
        let Ok(sheet) = read_first_sheet(data) else { return };
        (sheet.to_csv().into_bytes(), None)
    } else if data.first().is_some_and(|b| b & 1 == 1) {
        let text = String::from_utf8_lossy(&data[1..]);
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        (rest.as_bytes().to_vec(), Some(mapping_from_param(first)))
    } else {
        (data.to_vec(), None)
    };
    if let Ok(text) = std::str::from_utf8(&bytes) {
        let columns = read_columns(text, gazetteer(), mapping.as_deref());
        assert_eq!(columns.roles.len(), columns.header.len());
    }
    let Ok(loaded) = import_csv_mapped(&bytes, "fuzz.csv", gazetteer(), mapping.as_deref()) else {
        return;
    };
    let d = &loaded.dataset;
    let pairs: Vec<_> = d.pair_indices().collect();
    let again = load(&to_json(d, &pairs)).expect("an export loads");
    assert_eq!(again.dataset.partnerships().len(), pairs.len());
});
