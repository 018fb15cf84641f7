//! Notices: address parameters that were ignored, a summary of what loading skipped, a user's
//! file that failed (the bundled data is shown instead), and a synthetic dataset's warning.

use leptos::prelude::*;

use super::state::{use_app_state, use_explore};
use crate::model::ask::query::{NoticeReason, Tab};
use crate::model::i18n::fill;

/// The notice bar under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let problems = explore.loaded.with_value(|l| (l.problems.len(), l.n_skipped()));
    let synthetic = explore.with_data(|d| d.meta().synthetic);
    view! {
        <UrlNotices />
        {(problems.0 > 0).then(|| view! {
            <div class="notice" role="status" data-testid="load-notice">
                <p>
                    {move || {
                        let locale = state.locale.get();
                        let n = |v: usize| locale.number(v as u64);
                        fill(locale.messages().load_problems_summary, &[("problems", &n(problems.0)), ("skipped", &n(problems.1))])
                    }}
                    " "
                    <button type="button" class="link-button" on:click=move |_| state.show_tab(Tab::Data)>
                        {move || state.messages().see_report}
                    </button>
                </p>
            </div>
        })}
        <FileFailures />
        {synthetic.then(|| view! {
            <div class="notice warning" role="status" data-testid="synthetic-notice">
                <p>{move || state.messages().synthetic_warning}</p>
            </div>
        })}
    }
}

/// Address parameters the app ignored, with the reason; dismissable.
#[component]
fn UrlNotices() -> impl IntoView {
    let state = use_app_state();
    let dismissed = RwSignal::new(false);
    let items = move || {
        let m = state.messages();
        state
            .notices
            .get()
            .into_iter()
            .map(|n| {
                let why = match n.reason {
                    NoticeReason::Unknown => m.notice_unknown_param.to_owned(),
                    NoticeReason::Malformed(expected) => {
                        fill(m.notice_malformed, &[("expected", expected)])
                    }
                    NoticeReason::NotInData => m.notice_not_in_data.to_owned(),
                };
                view! { <li><code>{format!("{}={}", n.param, n.value)}</code> ": " {why}</li> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !state.notices.with(Vec::is_empty) && !dismissed.get()>
            <div class="notice warning" role="status" data-testid="url-notices">
                <p>{move || state.messages().url_notices_title}</p>
                <ul>{items}</ul>
                <button type="button" class="button small" on:click=move |_| dismissed.set(true)>
                    {move || state.messages().dismiss}
                </button>
            </div>
        </Show>
    }
}

/// A user's `?data=` file that failed (the bundled data is shown), or a dropped file that
/// could not be read (the data shown stays).
#[component]
fn FileFailures() -> impl IntoView {
    let state = use_app_state();
    let data = state.data;
    view! {
        {move || data.user_failure.get().map(|f| view! {
            <div class="notice warning" role="alert" data-testid="data-error-notice">
                <p>{move || f.message(state.locale.get())}</p>
                <p>
                    {move || state.messages().showing_bundled}
                    " "
                    <button type="button" class="link-button" on:click=move |_| data.reload()>
                        {move || state.messages().retry}
                    </button>
                </p>
            </div>
        })}
        // On the data tab the card that took the file says it.
        {move || data.import_failure.get().filter(|_| state.query.tab.get() != Tab::Data).map(|f| view! {
            <div class="notice warning" role="alert" data-testid="import-error-notice">
                <p>{move || f.message(state.locale.get())}</p>
            </div>
        })}
    }
}
