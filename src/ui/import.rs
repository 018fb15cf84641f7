//! Bringing your own data: a JSON or CSV file picked or dropped, read entirely in the browser
//! (nothing is uploaded). CSV files that are not UTF-8 are tried as GB 18030 (what Chinese
//! spreadsheets save), with a notice.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::state::{AppState, DataOrigin, LoadState};
use crate::model::dataset::Dataset;
use crate::model::i18n::{fill, problem_text};
use crate::model::import_csv::import_csv;
use crate::model::load::{Loaded, load};

/// What reading a user file gave.
pub enum Imported {
    /// Loaded (maybe with problems); a notice about the encoding if it was converted.
    Ready(Arc<Loaded>, Option<String>),
    /// Nothing could be loaded; the message.
    Failed(String),
}

/// True when the file looks like CSV rather than JSON.
pub fn is_csv(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        return true;
    }
    if lower.ends_with(".json") {
        return false;
    }
    let first = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    first != Some(b'{')
}

/// Decodes GB 18030 with the browser's decoder.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Reads a user file's bytes into a dataset.
pub fn read_bytes(name: &str, bytes: &[u8], gazetteer: &Dataset, state: &AppState) -> Imported {
    let locale = state.locale.get_untracked();
    let m = locale.messages();
    if is_csv(name, bytes) {
        let (result, notice) = match import_csv(bytes, name, gazetteer) {
            Err(e)
                if matches!(e.problem.kind, crate::model::problem::ProblemKind::NotUtf8 { .. }) =>
            {
                match decode_gb18030(bytes) {
                    Some(text) => (
                        import_csv(text.as_bytes(), name, gazetteer),
                        Some(m.decoded_gb18030.to_owned()),
                    ),
                    None => (Err(e), None),
                }
            }
            other => (other, None),
        };
        match result {
            Ok(loaded) => Imported::Ready(Arc::new(loaded), notice),
            Err(e) => Imported::Failed(fill(
                m.file_problem,
                &[("url", name), ("problem", &problem_text(locale, &e.problem))],
            )),
        }
    } else {
        let text = match String::from_utf8(bytes.to_vec()) {
            Ok(t) => t,
            Err(e) => {
                let problem = crate::model::problem::Problem::fatal(
                    crate::model::problem::ProblemKind::NotUtf8 {
                        offset: e.utf8_error().valid_up_to(),
                    },
                );
                return Imported::Failed(fill(
                    m.file_problem,
                    &[("url", name), ("problem", &problem_text(locale, &problem))],
                ));
            }
        };
        match load(&text) {
            Ok(loaded) => Imported::Ready(Arc::new(loaded), None),
            Err(e) => Imported::Failed(fill(
                m.file_problem,
                &[("url", name), ("problem", &problem_text(locale, &e.problem))],
            )),
        }
    }
}

/// Reads a File and, when it loads, shows it. Problems go to the data report; a file that
/// cannot be read leaves the current data in place and says why.
pub fn load_file(
    state: AppState,
    file: web_sys::File,
    gazetteer: Arc<Dataset>,
    on_error: impl Fn(String) + 'static,
) {
    let name = file.name();
    spawn_local(async move {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let Ok(buffer) = buffer else {
            on_error(fill(
                state.locale.get_untracked().messages().file_unreadable,
                &[("name", &name)],
            ));
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        match read_bytes(&name, &bytes, &gazetteer, &state) {
            Imported::Ready(loaded, notice) => {
                state.data_notice.set(notice);
                state.origin.set(DataOrigin::File(name));
                state.navigate(|u| {
                    u.data = None;
                    u.filters = Default::default();
                    u.selected = None;
                    u.pair = None;
                    u.profile = None;
                    u.tab = crate::model::query::Tab::Data;
                });
                state.load.set(LoadState::Ready(loaded));
            }
            Imported::Failed(message) => on_error(message),
        }
    });
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
        if ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".drop-zone").ok().flatten().is_some())
        {
            return;
        }
        load_file(state, file, state.gazetteer(), move |message| {
            state.data_error.set(Some(message))
        });
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
