//! The page's static first view (`#yc-static`, written into index.html by `youcheng-data
//! firstview`): the default view's map, headline and tabs, shown before any wasm runs. The app
//! mounts under it and it goes only once the app shows its own picture: its map painted, or a
//! view without a map (`UrlState::shows_map`), or a failure. A bridge to the page outside the
//! reactive graph.

use leptos::prelude::document;

const ID: &str = "yc-static";

/// The app has mounted under the static view: screen readers read the app from now on.
pub fn app_mounted() {
    if let Some(el) = document().get_element_by_id(ID) {
        let _ = el.set_attribute("aria-hidden", "true");
        let _ = el.remove_attribute("role");
    }
}

/// The app shows its own picture: the static view goes (nothing happens when it has gone).
pub fn take_over() {
    if let Some(el) = document().get_element_by_id(ID) {
        el.remove();
    }
}
