//! The headline figures, in the style officials use, with the matching official figure beside
//! them so the gap between the dataset and the published number is visible.

use leptos::prelude::*;

use super::explorer::use_explore;
use super::sources::SourceLink;
use super::state::use_app_state;
use crate::model::aggregate::{filter_scope, headline, matching_reported};
use crate::model::dataset::{Qualifier, ReportedKind};
use crate::model::i18n::{country_name, fill, pairs_with_countries, place_name};

/// The headline block.
#[component]
pub fn Headline() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let figures = Memo::new(move |_| {
        let pairs = explore.shown.get();
        explore.with_data(|d| headline(d, &pairs))
    });
    let scope = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let filters = state.url.with(|u| u.filters.clone());
        if filters.countries.len() == 1
            && crate::model::filter::without(&filters, crate::model::filter::Dimension::Country)
                .is_empty()
        {
            let iso = filters.countries.iter().next().cloned().unwrap_or_default();
            return explore.with_data(|d| {
                let focus = d
                    .meta()
                    .focus
                    .as_deref()
                    .and_then(|f| d.country_by_iso(f))
                    .map(|c| country_name(locale, d.country(c)).to_owned());
                let partner = d
                    .country_by_iso(&iso)
                    .map(|c| country_name(locale, d.country(c)).to_owned())
                    .unwrap_or(iso);
                match focus {
                    Some(f) => format!("{f} – {partner}"),
                    None => partner,
                }
            });
        }
        explore.with_data(|d| match filter_scope(d, &filters) {
            Some(Some(place)) => place_name(locale, d.place(place)).to_owned(),
            Some(None) if filters.is_empty() => {
                match d.meta().focus.as_deref().and_then(|f| d.country_by_iso(f)) {
                    Some(c) => country_name(locale, d.country(c)).to_owned(),
                    None => m.scope_all.to_owned(),
                }
            }
            _ => m.scope_selection.to_owned(),
        })
    };
    let numbers = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let h = figures.get();
        let main = pairs_with_countries(locale, h.pairs as u64, h.countries as u64);
        let play = state.url.with(|u| u.play_year);
        match play {
            Some(year) => {
                format!("{main} {}", fill(m.as_of_year_end, &[("year", &year.to_string())]))
            }
            None => main,
        }
    };
    let details = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let h = figures.get();
        fill(
            m.headline_details,
            &[
                ("home", &locale.number(h.home_places as u64)),
                ("partners", &locale.number(h.partner_places as u64)),
                ("undated", &locale.number(h.undated as u64)),
            ],
        )
    };
    let reported = move || {
        let filters = state.url.with(|u| u.filters.clone());
        let locale = state.locale.get();
        let m = locale.messages();
        let h = figures.get();
        explore.with_data(|d| {
            let figures = matching_reported(d, &filters);
            let primary =
                figures.into_iter().find(|r| r.pairs.is_some() || r.countries.is_some())?;
            let more = if primary.qualifier == Qualifier::MoreThan { m.more_than } else { "" };
            let pairs_text = primary.pairs.map(|n| format!("{more}{}", locale.number(n as u64)));
            let countries_text =
                primary.countries.map(|n| format!("{more}{}", locale.number(n as u64)));
            let text = match (&pairs_text, &countries_text) {
                (Some(_), Some(_)) => fill(
                    m.headline_pairs_countries,
                    &[
                        (
                            "pairs",
                            &fill(
                                m.reported_pairs_only,
                                &[("pairs", pairs_text.as_deref().unwrap_or_default())],
                            ),
                        ),
                        (
                            "countries",
                            &fill(
                                m.n_countries_phrase.other,
                                &[("n", countries_text.as_deref().unwrap_or_default())],
                            ),
                        ),
                    ],
                ),
                (Some(p), None) => fill(m.reported_pairs_only, &[("pairs", p)]),
                (None, Some(c)) => fill(m.reported_countries_only, &[("countries", c)]),
                (None, None) => return None,
            };
            let coverage =
                primary.pairs.filter(|n| *n > 0 && primary.kind == ReportedKind::All).map(|n| {
                    fill(
                        m.reported_coverage,
                        &[("percent", &format!("{:.0}", 100.0 * h.pairs as f64 / n as f64))],
                    )
                });
            let date = locale.date(primary.as_of);
            let source = primary.source;
            let note = primary.note.clone().unwrap_or_default();
            Some(view! {
                <p class="reported" data-testid="reported-figure">
                    <span class="reported-label">{m.reported_label}</span>
                    " "
                    <strong>{text}</strong>
                    " ("
                    {date}
                    ") "
                    <SourceLink source />
                    {coverage.map(|c| view! { <span class="coverage">" · " {c}</span> })}
                    <span class="visually-hidden">" " {note}</span>
                </p>
            })
        })
    };
    view! {
        <section class="headline" aria-labelledby="headline-title" data-testid="headline">
            <h2 id="headline-title" class="headline-title">
                <span class="headline-scope" data-testid="headline-scope">{scope}</span>
                {move || state.messages().headline_colon}
                <span data-testid="headline-figures">{numbers}</span>
            </h2>
            <p class="headline-details" data-testid="headline-details">{details}</p>
            {reported}
        </section>
    }
}
