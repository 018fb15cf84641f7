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

/// Offers a canvas's content as a PNG download, with `text` (keyword, value) written into the
/// file as metadata. The PNG is made asynchronously; `done` gets the outcome (`None`: the
/// browser refused).
pub fn download_canvas_png(
    filename: &str,
    canvas: &web_sys::HtmlCanvasElement,
    text: Vec<(String, String)>,
    done: impl FnOnce(Option<()>) + 'static,
) {
    let name = filename.to_owned();
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |outcome: Option<()>| {
            if let Some(f) = done.borrow_mut().take() {
                f(outcome);
            }
        }
    };
    let on_blob = {
        let finish = finish.clone();
        wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let Some(blob) = blob else { return finish(None) };
            wasm_bindgen_futures::spawn_local(async move {
                let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await;
                let Ok(buffer) = buffer else { return finish(download_blob(&name, &blob)) };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let entries: Vec<(&str, &str)> =
                    text.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                finish(match crate::model::show::png::with_text(&bytes, &entries) {
                    Some(tagged) => download_bytes(&name, "image/png", &tagged),
                    None => download_blob(&name, &blob),
                })
            });
        })
    };
    if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
        finish(None);
    }
}
