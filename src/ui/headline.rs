//! The headline figures, in the style officials use, with the matching official figure beside
//! them so the gap between the dataset and the published number is visible.

use leptos::prelude::*;

use super::sources::SourceLink;
use super::state::{use_app_state, use_explore};
use crate::model::ask::aggregate::{headline_scope, matching_reported};
use crate::model::i18n::{fill, pairs_with_countries};
use crate::model::show::describe::{coverage_text, reported_headline, scope_text};

/// The headline block.
#[component]
pub fn Headline() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let figures = explore.headline;
    let scope = move || {
        let locale = state.locale.get();
        filters.with(|f| explore.with_data(|d| scope_text(d, &headline_scope(d, f), locale)))
    };
    let numbers = move || {
        let locale = state.locale.get();
        let h = figures.get();
        let main = pairs_with_countries(locale, h.pairs as u64, h.countries as u64);
        match state.query.play_year.get() {
            Some(year) => {
                let at = fill(locale.messages().as_of_year_end, &[("year", &year.to_string())]);
                format!("{main} {at}")
            }
            None => main,
        }
    };
    let details = move || {
        let locale = state.locale.get();
        let h = figures.get();
        fill(
            locale.messages().headline_details,
            &[
                ("home", &locale.number(h.home_places as u64)),
                ("partners", &locale.number(h.partner_places as u64)),
                ("undated", &locale.number(h.undated as u64)),
            ],
        )
    };
    view! {
        <section class="headline" aria-labelledby="headline-title" data-testid="headline">
            <h2 id="headline-title" class="headline-title">
                <span class="headline-scope" data-testid="headline-scope">{scope}</span>
                {move || state.messages().headline_colon}
                <span data-testid="headline-figures">{numbers}</span>
            </h2>
            <p class="headline-details" data-testid="headline-details">{details}</p>
            <Reported />
        </section>
    }
}

/// The official figure that matches the filters, with its date, source and how much of it
/// the dataset documents.
#[component]
fn Reported() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let pairs = explore.headline.with(|h| h.pairs);
        filters.with(|f| {
            explore.with_data(|d| {
                let r = matching_reported(d, f)
                    .into_iter()
                    .find(|r| r.pairs.is_some() || r.countries.is_some())?;
                let text = reported_headline(r, locale)?;
                let coverage = coverage_text(r, f, pairs, locale);
                let (date, source) = (locale.date(r.as_of), r.source);
                Some(view! {
                    <p class="reported" data-testid="reported-figure">
                        <span class="reported-label">{m.reported_label}</span>
                        " "
                        <strong>{text}</strong>
                        " (" {date} ") "
                        <SourceLink source />
                        {coverage.map(|c| view! { <span class="coverage">" · " {c}</span> })}
                    </p>
                })
            })
        })
    }
}
