//! A group of checkboxes: one per value of a set dimension, each with its count.

use leptos::prelude::*;

use crate::model::ask::filter::SetDim;
use crate::model::i18n::Locale;
use crate::ui::state::{use_app_state, use_explore};

/// " (1,234)" / "（1234）" in the UI language (`Locale::count_in_parentheses`).
pub fn count_text(locale: Locale, n: usize) -> String {
    locale.count_in_parentheses(n as u64)
}

/// The checkboxes of one set dimension.
#[component]
pub fn CheckGroup(
    /// The dimension.
    dim: SetDim,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let item = move |value: &'static str| {
        let count = move || explore.selection.with(|s| dim.count(&s.facets, value));
        let selected = move || filters.with(|f| dim.is_selected(f, value));
        view! {
            <label class="check" class:empty=move || count() == 0 && !selected()>
                <input
                    type="checkbox"
                    prop:checked=selected
                    on:change=move |_| state.set_filters(move |f| dim.toggle(f, value))
                />
                <span>{move || dim.label(state.locale.get(), value)}</span>
                <span class="count">{move || count_text(state.locale.get(), count())}</span>
            </label>
        }
    };
    view! {
        <fieldset class="check-group" data-testid=dim.testid()>
            <legend>{move || dim.legend(state.locale.get())}</legend>
            {dim.values().into_iter().map(item).collect_view()}
        </fieldset>
    }
}
