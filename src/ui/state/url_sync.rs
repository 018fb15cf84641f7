//! Keeps the address bar and the URL state in step, both ways (a bridge to the browser's
//! history: the only place that reads or writes `location` and `history`).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::app::{AppState, HistoryMode};
use crate::model::query::{parse, to_query};

/// The current query string of the page.
pub fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

fn write_history(wanted: &str, push: bool) {
    if current_search() == wanted {
        return;
    }
    let Ok(history) = window().history() else { return };
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{wanted}{hash}");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Writes URL-state changes to the history, and reads back/forward navigation into the state.
pub fn sync(state: AppState) {
    let pending = StoredValue::new(None::<(String, bool)>);
    // Writes to the browser's history (outside the reactive graph); the mode is reset here.
    Effect::new(move |_| {
        let query = state.url.with(to_query);
        let mode = state.history_mode.get_untracked();
        state.history_mode.update_untracked(|m| *m = HistoryMode::Replace);
        if mode == HistoryMode::Skip {
            return;
        }
        let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
        // The history write costs a few ms: it waits until the change has been painted.
        // Changes before then are written together, as one entry if any of them pushes.
        let first = pending.with_value(Option::is_none);
        pending.update_value(|p| {
            let push = mode == HistoryMode::Push || p.as_ref().is_some_and(|(_, push)| *push);
            *p = Some((wanted, push));
        });
        if first {
            crate::ui::dom::after_next_paint(move || {
                if let Some(Some((wanted, push))) = pending.try_update_value(Option::take) {
                    write_history(&wanted, push);
                }
            });
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (url, notices) = parse(&current_search());
        // A write still waiting for its frame is older than this navigation.
        pending.set_value(None);
        state.history_mode.set(HistoryMode::Skip);
        state.url.set(url);
        state.notices.set(notices);
    });
    on_cleanup(move || handle.remove());
}
