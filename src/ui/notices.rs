//! Notices: address parameters that were ignored, and a summary of what loading skipped.

use leptos::prelude::*;

use super::explorer::use_explore;
use super::state::use_app_state;
use crate::model::i18n::fill;
use crate::model::query::{NoticeReason, Tab};

/// The notice bar under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let problems = explore.loaded.with_value(|l| (l.problems.len(), l.n_skipped()));
    let synthetic = explore.with_data(|d| d.meta().synthetic);
    let dismissed = RwSignal::new(false);
    view! {
        <Show when=move || !state.notices.with(Vec::is_empty) && !dismissed.get()>
            <div class="notice warning" role="status" data-testid="url-notices">
                <p>{move || state.messages().url_notices_title}</p>
                <ul>
                    {move || {
                        let m = state.messages();
                        state
                            .notices
                            .get()
                            .into_iter()
                            .map(|n| {
                                let why = match n.reason {
                                    NoticeReason::Unknown => m.notice_unknown_param.to_owned(),
                                    NoticeReason::Malformed(expected) => fill(m.notice_malformed, &[("expected", expected)]),
                                    NoticeReason::NotInData => m.notice_not_in_data.to_owned(),
                                };
                                view! {
                                    <li>
                                        <code>{format!("{}={}", n.param, n.value)}</code>
                                        ": "
                                        {why}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button type="button" class="button small" on:click=move |_| dismissed.set(true)>
                    {move || state.messages().dismiss}
                </button>
            </div>
        </Show>
        {(problems.0 > 0)
            .then(|| {
                view! {
                    <div class="notice" role="status" data-testid="load-notice">
                        <p>
                            {move || {
                                let locale = state.locale.get();
                                fill(
                                    locale.messages().load_problems_summary,
                                    &[
                                        ("problems", &locale.number(problems.0 as u64)),
                                        ("skipped", &locale.number(problems.1 as u64)),
                                    ],
                                )
                            }}
                            " "
                            <button type="button" class="link-button" on:click=move |_| state.navigate(|u| u.tab = Tab::Data)>
                                {move || state.messages().see_report}
                            </button>
                        </p>
                    </div>
                }
            })}
        {move || {
            state
                .data_error
                .get()
                .map(|e| {
                    view! {
                        <div class="notice warning" role="alert" data-testid="data-error-notice">
                            <p>{e}</p>
                            <p>
                                {move || state.messages().showing_bundled}
                                " "
                                <button type="button" class="link-button" on:click=move |_| state.reload.update(|n| *n += 1)>
                                    {move || state.messages().retry}
                                </button>
                            </p>
                        </div>
                    }
                })
        }}
        {synthetic
            .then(|| {
                view! {
                    <div class="notice warning" role="status" data-testid="synthetic-notice">
                        <p>{move || state.messages().synthetic_warning}</p>
                    </div>
                }
            })}
    }
}
