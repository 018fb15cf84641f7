//! Fetching text and bytes with gloo-net, with a timeout and readable errors.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

pub use crate::model::show::failure::FetchError;

/// The text of a file built into the page (the single-file build puts the app's data files
/// in `window.__youchengFiles`, so it opens from `file://` with no server).
fn built_in_file(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let files = js_sys::Reflect::get(&window, &"__youchengFiles".into()).ok()?;
    if files.is_undefined() || files.is_null() {
        return None;
    }
    js_sys::Reflect::get(&files, &url.into()).ok()?.as_string()
}

/// Fetches `url` as text (UTF-8, a leading byte-order mark dropped, as `Response.text()`
/// reads it), giving up after `timeout_seconds`.
pub async fn fetch_text(url: &str, timeout_seconds: u32) -> Result<String, FetchError> {
    let bytes = fetch_bytes(url, timeout_seconds).await?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Fetches `url` as bytes (a user's file: a workbook, or a CSV in GB 18030), giving up after
/// `timeout_seconds`.
pub async fn fetch_bytes(url: &str, timeout_seconds: u32) -> Result<Vec<u8>, FetchError> {
    if let Some(text) = built_in_file(url) {
        return Ok(text.into_bytes());
    }
    let controller = web_sys::AbortController::new().ok();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.as_ref().and_then(|controller| {
        let controller = controller.clone();
        let flag = timed_out.clone();
        let on_timeout = Closure::once(move || {
            flag.set(true);
            controller.abort();
        });
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                (timeout_seconds as i32).saturating_mul(1000),
            )
            .ok()?;
        Some((id, on_timeout))
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = async {
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| FetchError::Network { url: url.to_owned(), reason: e.to_string() })?;
        if !response.ok() {
            return Err(FetchError::Status { url: url.to_owned(), status: response.status() });
        }
        response
            .binary()
            .await
            .map_err(|e| FetchError::Network { url: url.to_owned(), reason: e.to_string() })
    }
    .await;
    if let (Some((id, _closure)), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(id);
    }
    match result {
        Err(FetchError::Network { .. }) if timed_out.get() => {
            Err(FetchError::Timeout { url: url.to_owned(), seconds: timeout_seconds })
        }
        other => other,
    }
}
