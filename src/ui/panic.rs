//! A panic anywhere shows a readable error panel with a reload link, never a blank page.
//!
//! The panel is built with plain DOM calls (text nodes only, so nothing is interpreted as
//! markup) because after a panic the reactive runtime cannot be trusted. The reload control
//! is an ordinary link to the current address, so it works even though the wasm instance
//! has stopped.

use wasm_bindgen::JsCast;

/// Installs the hook: log to the console, then replace the page with the error panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn show_panel(details: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.body()?;
    let lang = document.document_element()?.get_attribute("lang").unwrap_or_default();
    let m = if lang.starts_with("zh") {
        crate::model::i18n::Locale::Zh.messages()
    } else {
        crate::model::i18n::Locale::En.messages()
    };
    let panel = document.create_element("section").ok()?;
    panel.set_class_name("crash-panel");
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("data-testid", "crash-panel").ok()?;
    let heading = document.create_element("h1").ok()?;
    heading.set_text_content(Some(m.crashed_title));
    let body_text = document.create_element("p").ok()?;
    body_text.set_text_content(Some(m.crashed_body));
    let link = document.create_element("a").ok()?;
    link.set_class_name("button");
    link.set_attribute("href", &window.location().href().ok()?).ok()?;
    link.set_text_content(Some(m.reload));
    let pre = document.create_element("pre").ok()?;
    pre.set_text_content(Some(details));
    for child in [&heading, &body_text, &link, &pre] {
        panel.append_child(child).ok()?;
    }
    // Replace whatever the app had drawn: a half-updated view is worse than none.
    while let Some(child) = body.first_child() {
        body.remove_child(&child).ok()?;
    }
    body.append_child(panel.unchecked_ref()).ok()?;
    Some(())
}
