//! wasm-bindgen tests in headless Chromium: mount the app with a fixture and check what a
//! person would see. The test runner serves the crate root, so fixtures load by path.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test (clippy does not see wasm_bindgen_test as a test).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use youcheng::model::i18n::Locale;
use youcheng::ui::{AppConfig, AppRoot};

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = "tests/fixtures/small.json";

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts the app in a fresh element and returns it.
fn mount(config: AppConfig) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle =
        leptos::mount::mount_to(host.clone(), move || view! { <AppRoot config=config.clone() /> });
    handle.forget();
    host
}

/// Polls until `selector` inside `host` has text containing `needle`, or fails after 10 s.
async fn wait_for_text(host: &web_sys::HtmlElement, selector: &str, needle: &str) -> String {
    for _ in 0..200 {
        if let Ok(Some(el)) = host.query_selector(selector) {
            let text = el.text_content().unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
        }
        sleep_ms(50).await;
    }
    panic!("`{selector}` never showed {needle:?}; page: {}", host.inner_text());
}

#[wasm_bindgen_test]
async fn the_headline_counts_the_fixture() {
    let host = mount(AppConfig::with_bundled(SMALL, Locale::En));
    // Five pairs; partner countries Japan, the United States, Germany and Belarus.
    let text = wait_for_text(&host, "[data-testid=headline-figures]", "pairs").await;
    assert_eq!(text, "5 pairs with 4 countries");
    assert!(host.inner_text().contains("Youcheng"));
}

#[wasm_bindgen_test]
async fn the_headline_speaks_chinese_when_asked() {
    let host = mount(AppConfig::with_bundled(SMALL, Locale::Zh));
    // Ties of every kind are 友好关系 (友城 names the formal kind only).
    let text = wait_for_text(&host, "[data-testid=headline-figures]", "对友好关系").await;
    assert_eq!(text, "5对友好关系，涉及4个国家");
}

#[wasm_bindgen_test]
async fn a_missing_bundled_file_shows_the_failed_state_with_a_retry_button() {
    let host = mount(AppConfig::with_bundled("tests/fixtures/does-not-exist.json", Locale::En));
    let text = wait_for_text(&host, "[data-testid=load-failed]", "HTTP 404").await;
    assert!(text.contains("could not be loaded"), "{text}");
    let button =
        host.query_selector("[data-testid=load-failed] button").unwrap().expect("a retry button");
    assert_eq!(button.text_content().unwrap(), "Try again");
}

#[wasm_bindgen_test]
async fn a_broken_user_file_names_the_problem_and_the_bundled_data_is_shown() {
    let config = AppConfig::with_bundled(SMALL, Locale::En)
        .with_user_data("tests/fixtures/load/truncated.json");
    let host = mount(config);
    let text = wait_for_text(&host, "[data-testid=data-error-notice]", "not valid JSON").await;
    assert!(text.contains("line 1"), "{text}");
    let shown = wait_for_text(&host, "[data-testid=headline-figures]", "pairs").await;
    assert_eq!(shown, "5 pairs with 4 countries");
}
