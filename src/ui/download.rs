//! Saving a file the app made (exports): a Blob and a temporary link, all in the browser.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    download_blob(filename, &blob)
}

/// Offers a Blob as a download.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(filename);
    link.set_class_name("visually-hidden");
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Revoke once the browser has started the download.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .ok()?;
    Some(())
}

/// Offers a canvas's content as a PNG download.
pub fn download_canvas_png(filename: &str, canvas: &web_sys::HtmlCanvasElement) {
    let name = filename.to_owned();
    let callback =
        wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let _ = download_blob(&name, &blob);
            }
        });
    let _ = canvas.to_blob(callback.unchecked_ref());
}
