//! Bringing your own data: a JSON, CSV or spreadsheet file picked, dropped or linked, read
//! entirely in the browser (nothing is uploaded). CSV files that are not UTF-8 are tried as
//! GB 18030 (what Chinese spreadsheets save), with a note; workbooks (.xlsx, .xls) are turned
//! into rows by the spreadsheet worker (`super::sheets`), then read like CSV.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::state::{AppState, UserFile};
use crate::model::dataset::Dataset;
use crate::model::failure::{Failure, ReadNote};
use crate::model::import_csv::{import_csv, looks_like_csv};
use crate::model::load::{Loaded, load};
use crate::model::problem::{Problem, ProblemKind};
use crate::model::query::Tab;
use crate::model::registry;
use crate::model::workbook::workbook_kind;

/// Decodes GB 18030 with the browser's decoder.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Reads a user file's bytes into a dataset; a spreadsheet's places are looked up in
/// `gazetteer` (the bundled dataset).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    gazetteer: Option<&Dataset>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    let failed = |problem: Problem| Failure::File { name: name.to_owned(), problem };
    if looks_like_csv(name, bytes) {
        return read_csv(name, bytes, gazetteer);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| failed(Problem::fatal(ProblemKind::NotUtf8 { offset: e.valid_up_to() })))?;
    // A saved answer of the national registry loads like a list kept in a spreadsheet.
    if let Ok(rows) = registry::parse(text) {
        let empty = Dataset::default();
        let csv = registry::to_csv(&rows);
        return import_csv(csv.as_bytes(), name, gazetteer.unwrap_or(&empty))
            .map(|l| (Arc::new(l), Some(ReadNote::Registry)))
            .map_err(|e| failed(e.problem));
    }
    load(text).map(|l| (Arc::new(l), None)).map_err(|e| failed(e.problem))
}

/// Reads rows of cells as CSV text, GB 18030 tried when the bytes are not UTF-8.
fn read_csv(
    name: &str,
    bytes: &[u8],
    gazetteer: Option<&Dataset>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    let empty = Dataset::default();
    let gazetteer = gazetteer.unwrap_or(&empty);
    let (result, note) = match import_csv(bytes, name, gazetteer) {
        Err(e) if matches!(e.problem.kind, ProblemKind::NotUtf8 { .. }) => {
            match decode_gb18030(bytes) {
                Some(text) => {
                    (import_csv(text.as_bytes(), name, gazetteer), Some(ReadNote::DecodedGb18030))
                }
                None => (Err(e), None),
            }
        }
        other => (other, None),
    };
    result
        .map(|l| (Arc::new(l), note))
        .map_err(|e| Failure::File { name: name.to_owned(), problem: e.problem })
}

/// Reads any file a user gives: a workbook in the spreadsheet worker, anything else at once
/// ([`read_bytes`]).
pub async fn read_file(
    name: &str,
    bytes: &[u8],
    gazetteer: Option<&Dataset>,
) -> Result<(Arc<Loaded>, Option<ReadNote>), Failure> {
    if workbook_kind(bytes).is_none() {
        return read_bytes(name, bytes, gazetteer);
    }
    match super::sheets::workbook_csv(bytes).await {
        Ok(csv) => read_csv(name, csv.as_bytes(), gazetteer)
            .map(|(loaded, _)| (loaded, Some(ReadNote::Workbook))),
        Err(reason) => Err(Failure::File {
            name: name.to_owned(),
            problem: Problem::fatal(ProblemKind::Workbook { reason }),
        }),
    }
}

/// Reads a File and, when it loads, shows it (filters and selection cleared, on the data tab).
/// A file that cannot be read leaves the current data in place and says why.
pub fn load_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let Ok(buffer) = buffer else {
            state.data.import_failure.set(Some(Failure::Unreadable { name }));
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        show_bytes(state, name, bytes).await;
    });
}

/// Reads rows pasted from a spreadsheet (tab-separated, as spreadsheets copy them) like a file.
pub fn load_pasted(state: AppState, name: String, text: String) {
    spawn_local(show_bytes(state, name, text.into_bytes()));
}

async fn show_bytes(state: AppState, name: String, bytes: Vec<u8>) {
    let gazetteer = state.data.gazetteer().await;
    match read_file(&name, &bytes, gazetteer.as_deref().map(|l| &l.dataset)).await {
        Ok((loaded, note)) => {
            state.data.show_file(UserFile { name, loaded, note });
            state.navigate(|u| {
                u.data = None;
                u.filters = Default::default();
                u.selected = None;
                u.pair = None;
                u.profile = None;
                u.tab = Tab::Data;
            });
        }
        Err(failure) => state.data.import_failure.set(Some(failure)),
    }
}

/// The first file of a drop, if any.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// Accepts a file dropped anywhere on the page.
pub fn install_page_drop(state: AppState) {
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        let Some(file) = dropped_file(&ev) else { return };
        ev.prevent_default();
        // A drop on the drop zone is handled there.
        let on_zone = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".drop-zone").ok().flatten().is_some());
        if !on_zone {
            load_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
