//! Workbooks (.xlsx, .xls) read in the spreadsheet worker (`src/bin/youcheng-sheets`),
//! a wasm module of its own that the browser fetches only here, when a workbook is given. The
//! worker answers with the first sheet as CSV text, which the CSV importer reads like any list.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, beside index.html (Trunk writes it for `data-loader-shim`).
const WORKER_URL: &str = "./youcheng-sheets_loader.js";

/// The next message of `worker` (or its error event).
async fn next_message(worker: &web_sys::Worker) -> Result<web_sys::MessageEvent, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    let event = JsFuture::from(promise).await.map_err(|error| {
        error
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(web_sys::ErrorEvent::message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the spreadsheet reader could not start".to_owned())
    })?;
    event.dyn_into::<web_sys::MessageEvent>().map_err(|_| "no answer".to_owned())
}

/// The workbook's first sheet with data, as CSV text; or why it could not be read.
pub async fn workbook_csv(bytes: &[u8]) -> Result<String, String> {
    let worker = web_sys::Worker::new(WORKER_URL)
        .map_err(|_| "the spreadsheet reader could not start".to_owned())?;
    let answer = async {
        // The worker says it is ready once its wasm has started; a message sent earlier
        // would be lost.
        next_message(&worker).await?;
        worker
            .post_message(&js_sys::Uint8Array::from(bytes))
            .map_err(|_| "the file could not be handed to the spreadsheet reader".to_owned())?;
        let event = next_message(&worker).await?;
        event.data().as_string().ok_or_else(|| "no answer".to_owned())
    }
    .await;
    worker.terminate();
    let answer: serde_json::Value = serde_json::from_str(&answer?).map_err(|e| e.to_string())?;
    match (answer["csv"].as_str(), answer["error"].as_str()) {
        (Some(csv), _) => Ok(csv.to_owned()),
        (None, Some(error)) => Err(error.to_owned()),
        (None, None) => Err("no answer".to_owned()),
    }
}
