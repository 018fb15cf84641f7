//! What the loaded file holds: the partnership count and any problems.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::use_app_state;
use crate::model::i18n::problem_text;
use crate::model::load::Loaded;

/// The count of partnerships and the list of problems found while loading.
#[component]
pub fn Summary(
    /// The loaded dataset.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = use_app_state();
    let n_pairs = loaded.dataset.partnerships().len() as u64;
    let problems = loaded.problems.clone();
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" data-testid="pair-count">
                {move || state.messages().n_partnerships.format(state.locale.get(), n_pairs)}
            </h2>
            <ul class="problems" data-testid="problems">
                {move || {
                    let locale = state.locale.get();
                    problems.iter().map(|p| view! { <li>{problem_text(locale, p)}</li> }).collect_view()
                }}
            </ul>
        </section>
    }
}
