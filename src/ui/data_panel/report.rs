//! The validation report of the loaded file: what it holds, and every problem (skipped
//! records and dropped values), in the UI language.

use leptos::prelude::*;

use crate::model::ask::filter::count_disputed;
use crate::model::i18n::{fill, problem_text};
use crate::model::show::describe::report_summary;
use crate::ui::state::{use_app_state, use_explore};

/// Problems listed at first, and added by each "Show more".
const LIST_STEP: usize = 200;

/// The report card.
#[component]
pub fn ValidationReport() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let n_disputed = explore.loaded.with_value(|l| count_disputed(&l.dataset));
    let disputed = move || {
        let l = state.locale.get();
        (n_disputed > 0)
            .then(|| fill(l.messages().report_disputed, &[("n", &l.number(n_disputed as u64))]))
    };
    let problems = explore.loaded.with_value(|l| l.problems.clone());
    let summary = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.loaded.with_value(|l| report_summary(l, locale))
    });
    let list = if problems.is_empty() {
        view! { <p class="muted">{move || state.messages().report_clean}</p> }.into_any()
    } else {
        // A long list is shown a step at a time: 20,000 items at once would stall the page.
        let shown = RwSignal::new(LIST_STEP);
        let total = problems.len();
        let items = move || {
            let l = state.locale.get();
            problems
                .iter()
                .take(shown.get())
                .map(|p| {
                    let class = if p.is_error() { "problem error" } else { "problem" };
                    view! { <li class=class data-code=p.kind.code()>{problem_text(l, p)}</li> }
                })
                .collect_view()
        };
        view! {
            <ul class="problem-list" data-testid="problem-list">{items}</ul>
            <Show when=move || { shown.get() < total }>
                <button type="button" class="button small" on:click=move |_| shown.update(|n| *n += LIST_STEP)>
                    {move || format!("{} ({} / {total})", state.messages().show_more, shown.get())}
                </button>
            </Show>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="report-title" data-testid="validation-report">
            <h2 id="report-title">{move || state.messages().report_title}</h2>
            <p data-testid="report-counts">{move || summary.get().0}</p>
            {move || summary.get().1.map(|t| view! { <p data-testid="report-problems">{t}</p> })}
            {move || disputed().map(|t| view! { <p data-testid="report-disputed">{t}</p> })}
            {list}
        </section>
    }
}
