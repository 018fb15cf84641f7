//! The programme filters: Belt and Road (now or at the signing date) and SCO status.

use leptos::prelude::*;

use super::check_group::count_text;
use crate::model::ask::filter::ProgrammeTime;
use crate::model::format::dataset::ScoStatus;
use crate::model::i18n::sco_label;
use crate::ui::state::{use_app_state, use_explore};

/// Belt and Road: any partner, members now, or members when the tie was signed.
#[component]
pub fn BriChoice() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let choice = move |choice: Option<ProgrammeTime>| {
        let label = move || {
            let m = state.messages();
            match choice {
                None => m.bri_any,
                Some(ProgrammeTime::Now) => m.bri_now,
                Some(ProgrammeTime::AtSigning) => m.bri_at_signing,
            }
        };
        let chosen = move || filters.with(|f| f.bri == choice);
        view! {
            <label class="check">
                <input type="radio" name="bri" prop:checked=chosen on:change=move |_| state.set_filters(move |f| f.bri = choice) />
                <span>{label}</span>
                {move || (choice.is_some() && chosen())
                    .then(|| count_text(state.locale.get(), explore.selection.with(|s| s.facets.bri)))}
            </label>
        }
    };
    view! {
        <fieldset class="check-group" data-testid="bri-filter">
            <legend>{move || state.messages().filter_bri}</legend>
            {[None, Some(ProgrammeTime::Now), Some(ProgrammeTime::AtSigning)].into_iter().map(choice).collect_view()}
        </fieldset>
    }
}

/// SCO status (member, observer, dialogue partner), today or when the tie was signed.
#[component]
pub fn ScoFilter() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let item = move |status: ScoStatus| {
        let count =
            move || explore.selection.with(|s| s.facets.sco.get(&status).copied().unwrap_or(0));
        let selected = move || filters.with(|f| f.sco.contains(&status));
        let toggle = move |_| {
            state.set_filters(move |f| {
                if !f.sco.remove(&status) {
                    f.sco.insert(status);
                }
            })
        };
        view! {
            <label class="check" class:empty=move || count() == 0 && !selected()>
                <input type="checkbox" prop:checked=selected on:change=toggle />
                <span>{move || sco_label(state.locale.get(), status)}</span>
                <span class="count">{move || count_text(state.locale.get(), count())}</span>
            </label>
        }
    };
    let at_signing = move || filters.with(|f| f.sco_time == ProgrammeTime::AtSigning);
    let flip_time = move |_| {
        state.set_filters(|f| {
            f.sco_time = match f.sco_time {
                ProgrammeTime::Now => ProgrammeTime::AtSigning,
                ProgrammeTime::AtSigning => ProgrammeTime::Now,
            }
        })
    };
    view! {
        <fieldset class="check-group" data-testid="sco-filter">
            <legend>{move || state.messages().filter_sco}</legend>
            {[ScoStatus::Member, ScoStatus::Observer, ScoStatus::DialoguePartner].into_iter().map(item).collect_view()}
        </fieldset>
        <label class="check small">
            <input type="checkbox" prop:checked=at_signing on:change=flip_time />
            <span>{move || state.messages().sco_at_signing}</span>
        </label>
    }
}
