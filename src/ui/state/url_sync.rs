//! Keeps the address bar and the URL state in step, both ways (a bridge to the browser's
//! history: the only place that reads or writes `location` and `history`).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::app::{AppState, HistoryMode};
use crate::model::ask::query::{parse, to_query};

/// The current query string of the page.
pub fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Writes URL-state changes to the history, and reads back/forward navigation into the state.
pub fn sync(state: AppState) {
    // Writes to the browser's history (outside the reactive graph); the mode is reset here.
    Effect::new(move |_| {
        let query = state.url.with(to_query);
        let mode = state.history_mode.get_untracked();
        state.history_mode.update_untracked(|m| *m = HistoryMode::Replace);
        if mode == HistoryMode::Skip {
            return;
        }
        let current = current_search();
        let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
        if current == wanted {
            return;
        }
        let Ok(history) = window().history() else { return };
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let url = format!("{path}{wanted}{hash}");
        let _ = match mode {
            HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (url, notices) = parse(&current_search());
        state.history_mode.set(HistoryMode::Skip);
        state.url.set(url);
        state.notices.set(notices);
    });
    on_cleanup(move || handle.remove());
}
