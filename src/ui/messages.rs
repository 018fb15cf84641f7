//! Messages outside the panels: the screen-reader live region that announces each change of
//! the figures, and the notice of a download the browser refused.

use leptos::prelude::*;

use super::state::{use_app_state, use_explore};

/// The live region: "312 pairs with 41 countries" after each change (silent at load).
#[component]
pub fn LiveRegion() -> impl IntoView {
    let explore = use_explore();
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
            {move || explore.announcement.get()}
        </div>
    }
}

/// Says when a download (an export, the template) could not be started.
#[component]
pub fn DownloadFailure() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.download_failure.get().map(|failure| {
            view! {
                <div class="notice warning toast" role="alert" data-testid="download-failed">
                    <p>{move || failure.message(state.locale.get())}</p>
                    <button type="button" class="button small" on:click=move |_| state.download_failure.set(None)>
                        {move || state.messages().dismiss_message}
                    </button>
                </div>
            }
        })
    }
}
