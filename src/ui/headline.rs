//! The headline figures, in the style officials use, with the matching official figure beside
//! them so the gap between the dataset and the published number is visible.

use leptos::prelude::*;

use super::sources::SourceLink;
use super::state::{use_app_state, use_explore};
use crate::model::ask::aggregate::headline_scope;
use crate::model::ask::official::compare;
use crate::model::ask::scope::kinds_of;
use crate::model::ask::scope::selection_scope;
use crate::model::i18n::fill;
use crate::model::show::counted::{pairs_with_countries, scope_words};
use crate::model::show::describe::{
    comparison_short, comparison_text, headline_details, left_out_total, reported_headline,
    scope_text,
};

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
        let kinds = filters.with(kinds_of);
        let main = pairs_with_countries(kinds, h.pairs, h.countries, locale);
        match state.query.play_year.get() {
            Some(year) => {
                let at = fill(locale.messages().as_of_year_end, &[("year", &year.to_string())]);
                format!("{main} {at}")
            }
            None => main,
        }
    };
    let details = move || headline_details(&figures.get(), state.locale.get());
    // What the figures count: the place's reach, the kinds and the years.
    let counting = move || {
        let (locale, play) = (state.locale.get(), state.query.play_year.get());
        let words = filters
            .with(|f| explore.with_data(|d| scope_words(d, &selection_scope(d, f, play), locale)));
        fill(locale.messages().headline_counting, &[("scope", &words)])
    };
    view! {
        <section class="headline" aria-labelledby="headline-title" data-testid="headline">
            <h2 id="headline-title" class="headline-title">
                <span class="headline-scope" data-testid="headline-scope">{scope}</span>
                {move || state.messages().headline_colon}
                <span data-testid="headline-figures">{numbers}</span>
            </h2>
            // What the figures count is shown at every size (a phone hides only the details).
            <p class="headline-details" data-testid="headline-details">
                <span data-testid="headline-counting">{counting}</span>
                <span class="headline-more">" · " {details}</span>
            </p>
            <Reported />
        </section>
    }
}

/// The official figure that matches the filters (and the playback year), with its date and
/// source, and the dataset's count in the figure's own terms beside it.
#[component]
fn Reported() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    move || {
        let (locale, play) = (state.locale.get(), state.query.play_year.get());
        let m = locale.messages();
        filters.with(|f| {
            explore.with_data(|d| {
                let c = compare(d, f, play)?;
                let text = reported_headline(c.figure, locale)?;
                let (ours, left_out) = comparison_text(d, &c, locale);
                let short = comparison_short(&c, locale);
                let shown = explore.headline.with(|h| h.pairs);
                let left_out_total = left_out_total(d, &c, shown, locale);
                let r = c.figure;
                let (date, source, note) =
                    (locale.date(r.as_of), r.source, r.note.clone().unwrap_or_default());
                Some(view! {
                    <div class="reported" data-testid="reported-figure">
                        <span class="reported-label">{m.reported_label}</span>
                        <strong>{text}</strong>
                        {fill(m.reported_date, &[("date", &date)])}
                        <SourceLink source />
                        <span class="coverage coverage-full" data-testid="reported-comparison">" · " {ours}</span>
                        // A phone shows the same side in short (the full words stay for screen
                        // readers, which read them instead).
                        <span class="coverage-short" aria-hidden="true" data-testid="reported-comparison-short">" · " {short}</span>
                        {left_out.map(|l| view! {
                            <span class="coverage">
                                " · "
                                <details class="left-out" data-testid="left-out">
                                    <summary>{left_out_total}</summary>
                                    {l}
                                </details>
                            </span>
                        })}
                        <span class="visually-hidden">" " {note}</span>
                    </div>
                })
            })
        })
    }
}
