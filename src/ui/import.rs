//! Bringing your own data: a JSON, CSV or spreadsheet file picked, dropped or pasted, read
//! entirely in the browser (nothing is uploaded; how: `state::reading`), and its columns
//! mapped by hand.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::dom::after_paint;
use super::state::reading::{read_file, read_sheet};
use super::state::{AppState, UserFile};
use crate::model::ask::query::Tab;
use crate::model::format::load::Loaded;
use crate::model::read::import_csv::{mapping_to_param, with_role};
use crate::model::read::list::{ReadNote, SheetText};
use crate::model::show::failure::Failure;

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
    // A long list takes a while to read and to show: say so first, and let each step paint.
    state.data.reading.set(Some(name.clone()));
    after_paint().await;
    let gazetteer = state.data.gazetteer().await;
    let read = read_file(&name, &bytes, gazetteer.as_deref().map(|l| &l.dataset), None).await;
    after_paint().await;
    state.data.reading.set(None);
    state.data.picked_sheet.set(read.sheet);
    show_result(state, name, read.result);
}

/// Reads the list shown (or refused) again with column `column` read as `role`: a picked list
/// at once, a linked one through the address (`cols=`), so a copied link reproduces it.
pub fn choose_role(state: AppState, column: usize, role: Option<&'static str>) {
    let (Some(sheet), Some(columns)) =
        (state.data.sheet.get_untracked(), state.data.columns.get_untracked())
    else {
        return;
    };
    let mapping = with_role(&columns.roles, column, role);
    if state.data.picked_sheet.with_untracked(Option::is_some) {
        remap_picked(state, SheetText { mapping: Some(mapping), ..sheet });
    } else {
        state.navigate(|u| u.cols = Some(mapping_to_param(&mapping)));
    }
}

/// Reads the picked list again with its columns mapped by hand.
fn remap_picked(state: AppState, sheet: SheetText) {
    let gazetteer = state.data.gazetteer_now();
    let result = read_sheet(&sheet, gazetteer.as_deref().map(|l| &l.dataset));
    let name = sheet.name.clone();
    state.data.picked_sheet.set(Some(sheet));
    show_result(state, name, result);
}

/// Shows a picked list that loaded; says why one did not (the data shown stays).
fn show_result(
    state: AppState,
    name: String,
    result: Result<(Arc<Loaded>, Option<ReadNote>), Failure>,
) {
    match result {
        Ok((loaded, note)) => {
            state.data.show_file(UserFile { name, loaded, note });
            state.navigate(|u| {
                u.data = None;
                u.cols = None;
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
