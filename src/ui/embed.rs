//! Embedding: the host's styling parameters (theme, accent, font) applied to the page, and
//! the content height posted to the parent frame so a host can size its iframe
//! (docs/embedding.md has the host snippet).
//!
//! Styling goes through the CSS object model (`style.setProperty`) and class names, which a
//! strict Content-Security-Policy allows; no style attribute or element is written.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::ResizeWatch;
use super::state::AppState;
use super::state::app::Styling;
use crate::model::ask::query::Theme;
use crate::model::show::theme::text_on;

/// The message a host receives: `{ source: "youcheng", type: "height", height }`.
pub const MESSAGE_SOURCE: &str = "youcheng";

/// Keeps the root element's classes and custom properties in step with the address.
pub fn apply_host_styling(state: AppState) {
    // Writes classes and properties on the root element (outside the reactive graph).
    Effect::new(move |_| {
        let Styling { theme, accent, font, embedded } = state.query.styling.get();
        let Some(root) = document().document_element() else { return };
        let classes = root.class_list();
        let _ = classes.toggle_with_force("theme-dark", theme == Some(Theme::Dark));
        let _ = classes.toggle_with_force("theme-light", theme == Some(Theme::Light));
        let _ = classes.toggle_with_force("embedded", embedded);
        let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
        let style = root.style();
        match &accent {
            Some(colour) => {
                let _ = style.set_property("--yc-accent", colour);
                let _ = style.set_property("--yc-accent-text", text_on(colour));
            }
            None => {
                let _ = style.remove_property("--yc-accent");
                let _ = style.remove_property("--yc-accent-text");
            }
        }
        match &font {
            Some(family) => _ = style.set_property("--yc-font", family),
            None => _ = style.remove_property("--yc-font"),
        }
    });
}

/// When embedded in a frame, posts the document's height to the parent whenever it changes.
pub fn post_height_to_parent(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) || state.query.embed.get_untracked().is_none() {
        return;
    }
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let post = move || {
        let Some(root) = document().document_element() else { return };
        let height = root.scroll_height();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"source".into(), &MESSAGE_SOURCE.into());
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Only a height is sent: nothing private, so any embedding origin may read it.
        let _ = parent.post_message(&message, "*");
    };
    post();
    // Lives as long as the app: dropped (and disconnected) when it is unmounted.
    let watch = document().body().and_then(|body| ResizeWatch::new(&body, post.clone()));
    let watch: StoredValue<Option<ResizeWatch>, LocalStorage> = StoredValue::new_local(watch);
    on_cleanup(move || _ = watch.try_update_value(Option::take));
    // Chrome holds back resize notifications in cross-origin frames that are off screen, so a
    // frame below the fold would keep its initial height until scrolled to; a cheap check
    // twice a second (one layout read, no message unless the height changed) covers that.
    if let Ok(handle) = set_interval_with_handle(post, std::time::Duration::from_millis(500)) {
        on_cleanup(move || handle.clear());
    }
}
