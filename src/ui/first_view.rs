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
        hand_on_focus();
    }
}

/// While the static view was over it the app was hidden, so a sheet that opened meanwhile (a
/// link with `profile=`, `sel=` or `pair=`) could not take the keyboard focus: it gets it now,
/// unless the visitor has put the focus somewhere already.
fn hand_on_focus() {
    let doc = document();
    let on_body = match (doc.active_element(), doc.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    };
    if on_body
        && let Some(title) = doc.get_element_by_id("sheet-title")
        && let Ok(title) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title)
    {
        let _ = title.focus();
    }
}
