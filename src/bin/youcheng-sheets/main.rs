//! The spreadsheet reader: a web worker that turns a workbook (.xlsx, .xls) into CSV
//! text with [`youcheng::model::read::workbook`]. Trunk builds it as its own wasm module beside the
//! app (index.html, `data-type="worker"`); the app starts it only when a workbook is given
//! (`src/ui/sheets.rs`), so the reader costs the first view nothing.
//!
//! Protocol: the worker posts `"ready"` once started; the app then posts the file's bytes (a
//! `Uint8Array`); the worker answers once with a JSON string, `{"sheet": name, "csv": text}` or `{"error": reason}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use youcheng::model::read::workbook::read_first_sheet;

    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            let answer = match read_first_sheet(&bytes) {
                Ok(sheet) => serde_json::json!({ "sheet": sheet.name, "csv": sheet.to_csv() }),
                Err(error) => serde_json::json!({ "error": error.to_string() }),
            };
            let _ = reply_to.post_message(&answer.to_string().into());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Ready: the app sends the file only now (a message sent before the handler is lost).
    let _ = scope.post_message(&"ready".into());
    // The worker lives as long as its handler: the app terminates it after one answer.
    on_message.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("youcheng-sheets is a web worker: Trunk builds it for the browser (see index.html).");
    std::process::exit(2);
}
