//! The side panel of the selected place (its partners with year, type and sources) or of the
//! selected partnership (every fact the sources give, conflicts included).

use leptos::prelude::*;

use super::super::explorer::use_explore;
use super::super::sources::{SourceLink, SourceRefs};
use super::super::state::use_app_state;
use crate::model::dataset::{PairIdx, PlaceIdx};
use crate::model::i18n::{country_name, fill, kind_label, level_label, place_name, status_label};
use crate::model::query::ProfileRef;

/// The panel beside the map; empty when nothing is selected.
#[component]
pub fn PlacePanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let place = Memo::new(move |_| {
        state
            .url
            .with(|u| u.selected.clone())
            .and_then(|id| explore.with_data(|d| d.place_by_id(&id)))
    });
    let pair = Memo::new(move |_| {
        state.url.with(|u| u.pair.clone()).and_then(|id| explore.with_data(|d| d.pair_by_id(&id)))
    });
    view! {
        <aside class="place-panel" class:open=move || place.get().is_some() || pair.get().is_some() aria-live="polite">
            {move || match (pair.get(), place.get()) {
                (Some(p), _) => view! { <PairDetails pair=p /> }.into_any(),
                (None, Some(p)) => view! { <PlaceDetails place=p /> }.into_any(),
                (None, None) => view! { <p class="panel-hint">{move || state.messages().select_hint}</p> }.into_any(),
            }}
        </aside>
    }
}

/// A place and its partners.
#[component]
fn PlaceDetails(
    /// The selected place.
    place: PlaceIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let rows = Memo::new(move |_| {
        let shown = explore.shown.get();
        explore.with_data(|d| {
            let mut rows: Vec<PairIdx> = d
                .pairs_of(place)
                .iter()
                .copied()
                .filter(|p| shown.binary_search(p).is_ok())
                .collect();
            // Oldest first; pairs with no known date after the dated ones.
            rows.sort_by_key(|p| {
                let date = d.partnership(*p).first_date();
                (date.is_none(), date, d.partnership(*p).id.clone())
            });
            rows
        })
    });
    let total = explore.with_data(|d| d.pairs_of(place).len());
    let heading = move || {
        let locale = state.locale.get();
        explore.with_data(|d| {
            let p = d.place(place);
            let other = match locale {
                crate::model::i18n::Locale::Zh => Some(p.name_en.clone()),
                crate::model::i18n::Locale::En => p.name_zh.clone(),
            };
            (place_name(locale, p).to_owned(), other, p.name_local.clone())
        })
    };
    let facts = move || {
        let locale = state.locale.get();
        explore.with_data(|d| {
            let p = d.place(place);
            let mut parts = vec![level_label(locale, p.level).to_owned()];
            for a in d.ancestors(place) {
                parts.push(place_name(locale, d.place(a)).to_owned());
            }
            parts.push(country_name(locale, d.country(p.country)).to_owned());
            parts.join(" · ")
        })
    };
    let id = explore.with_data(|d| d.place(place).id.clone());
    let id_filter = id.clone();
    let id_profile = id.clone();
    view! {
        <div class="details" data-testid="place-panel">
            <div class="details-head">
                <h2 data-testid="place-name">{move || heading().0}</h2>
                <button
                    type="button"
                    class="icon-button"
                    aria-label=move || state.messages().close
                    title=move || state.messages().close
                    on:click=move |_| state.navigate(|u| u.selected = None)
                >
                    "×"
                </button>
            </div>
            <p class="other-names">
                {move || heading().1} {move || heading().2.map(|l| view! { <span lang="">" · " {l}</span> })}
            </p>
            <p class="muted">{facts}</p>
            <p>
                {move || {
                    let locale = state.locale.get();
                    let shown = rows.with(Vec::len);
                    let text = locale.messages().n_partners.format(locale, shown as u64);
                    if shown == total { text } else { fill(locale.messages().n_of_total, &[("shown", &text), ("total", &total.to_string())]) }
                }}
            </p>
            <div class="button-row">
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        let id = id_filter.clone();
                        state.navigate(move |u| u.filters.place = Some(id))
                    }
                >
                    {move || state.messages().filter_to_place}
                </button>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        let id = id_profile.clone();
                        state.navigate(move |u| u.profile = Some(ProfileRef::Place(id)))
                    }
                >
                    {move || state.messages().open_profile}
                </button>
            </div>
            <table class="partner-table" data-testid="partner-list">
                <caption class="visually-hidden">{move || state.messages().partners_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || state.messages().col_partner}</th>
                        <th scope="col">
                            {move || state.messages().col_established} " · " {move || state.messages().col_type}
                        </th>
                        <th scope="col">{move || state.messages().col_sources}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let locale = state.locale.get();
                        rows.get()
                            .into_iter()
                            .map(|pair_idx| {
                                let (other, country, date, kind, sources, pair_id) = explore.with_data(|d| {
                                    let pair = d.partnership(pair_idx);
                                    let other = if pair.home == place { pair.partner } else { pair.home };
                                    (
                                        place_name(locale, d.place(other)).to_owned(),
                                        country_name(locale, d.country(d.place(other).country)).to_owned(),
                                        pair.first_date().map(|dt| locale.date(dt)).unwrap_or_else(|| locale.messages().unknown_year.to_owned()),
                                        kind_label(locale, pair.kind),
                                        pair.sources.clone(),
                                        pair.id.clone(),
                                    )
                                });
                                view! {
                                    <tr>
                                        <td>
                                            <button
                                                type="button"
                                                class="link-button"
                                                on:click=move |_| {
                                                    let id = pair_id.clone();
                                                    state.navigate(move |u| u.pair = Some(id))
                                                }
                                            >
                                                {other}
                                            </button>
                                            <span class="muted">" · " {country}</span>
                                        </td>
                                        <td>
                                            <span class="nowrap">{date}</span>
                                            <br />
                                            <span class="muted">{kind}</span>
                                        </td>
                                        <td class="sources-cell">
                                            <SourceRefs sources />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// One partnership with every fact the sources give.
#[component]
fn PairDetails(
    /// The selected partnership.
    pair: PairIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let body = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        explore.with_data(|d| {
            let p = d.partnership(pair);
            let title = format!("{} – {}", place_name(locale, d.place(p.home)), place_name(locale, d.place(p.partner)));
            let country = country_name(locale, d.country(d.place(p.partner).country)).to_owned();
            let established = p.established.map(|dt| locale.date(dt)).unwrap_or_else(|| m.unknown_year.to_owned());
            let ended = p.ended.map(|dt| locale.date(dt));
            let history: Vec<String> = p
                .history
                .iter()
                .map(|s| format!("{}: {}", kind_label(locale, s.kind), s.date.map(|dt| locale.date(dt)).unwrap_or_else(|| m.unknown_year.to_owned())))
                .collect();
            let alternatives: Vec<(String, Vec<crate::model::dataset::SourceIdx>)> = p
                .alternatives
                .iter()
                .map(|a| {
                    let value = match a.field.as_str() {
                        "est" | "ended" => a.value.parse().map(|dt| locale.date(dt)).unwrap_or(a.value.clone()),
                        "type" => crate::model::dataset::Kind::parse(&a.value).map(|k| kind_label(locale, k).to_owned()).unwrap_or(a.value.clone()),
                        _ => a.value.clone(),
                    };
                    (value, a.sources.clone())
                })
                .collect();
            let home_id = d.place(p.home).id.clone();
            let partner_id = d.place(p.partner).id.clone();
            view! {
                <div class="details" data-testid="pair-panel">
                    <div class="details-head">
                        <h2>{title}</h2>
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=m.close
                            title=m.close
                            on:click=move |_| state.navigate(|u| u.pair = None)
                        >
                            "×"
                        </button>
                    </div>
                    <p class="muted">{country}</p>
                    <dl class="facts">
                        <dt>{m.col_type}</dt>
                        <dd>{kind_label(locale, p.kind)}</dd>
                        <dt>{m.col_status}</dt>
                        <dd>{status_label(locale, p.status)}</dd>
                        <dt>{m.col_established}</dt>
                        <dd>{established}</dd>
                        {ended.map(|e| view! { <dt>{m.col_ended}</dt> <dd>{e}</dd> })}
                        {(!history.is_empty()).then(|| view! { <dt>{m.earlier_stages}</dt> <dd>{history.join("; ")}</dd> })}
                        {p.note.clone().map(|n| view! { <dt>{m.note}</dt> <dd>{n}</dd> })}
                    </dl>
                    {(!alternatives.is_empty())
                        .then(|| {
                            view! {
                                <div class="notice" data-testid="sources-differ">
                                    <p>{m.sources_differ}</p>
                                    <ul>
                                        {alternatives
                                            .into_iter()
                                            .map(|(value, sources)| {
                                                view! {
                                                    <li>
                                                        {value} ": "
                                                        {sources.into_iter().map(|s| view! { <SourceLink source=s /> }).collect_view()}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })}
                    <h3>{m.col_sources}</h3>
                    <ul class="source-list">
                        {p.sources.iter().map(|s| view! { <li><SourceLink source=*s /></li> }).collect_view()}
                    </ul>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                let id = home_id.clone();
                                state.navigate(move |u| {
                                    u.selected = Some(id);
                                    u.pair = None;
                                })
                            }
                        >
                            {m.show_home_partners}
                        </button>
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                let id = partner_id.clone();
                                state.navigate(move |u| {
                                    u.selected = Some(id);
                                    u.pair = None;
                                })
                            }
                        >
                            {m.show_partner_partners}
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! { {body} }
}
