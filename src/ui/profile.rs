//! Profiles: a place (its partners on a timeline, by country, by type, with official figures)
//! or a country (its Chinese partners by province and over time, its Belt and Road and SCO
//! status). Reachable from the search, the map and the table; linkable (`?profile=`).

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::explorer::use_explore;
use super::sources::SourceLink;
use super::state::use_app_state;
use crate::model::aggregate::reported_for;
use crate::model::dataset::{Dataset, PairIdx};
use crate::model::i18n::{
    Locale, continent_label, country_name, fill, kind_label, level_label, place_name, sco_label,
};
use crate::model::query::ProfileRef;

/// The profile drawer; shown when the URL names a profile.
#[component]
pub fn ProfilePanel() -> impl IntoView {
    let state = use_app_state();
    let profile = Memo::new(move |_| state.url.with(|u| u.profile.clone()));
    let close = move || state.navigate(|u| u.profile = None);
    // Opening a profile moves the focus to its title, so Escape and Tab work from there.
    Effect::new(move |previous: Option<Option<ProfileRef>>| {
        let now = profile.get();
        if now.is_some() && previous.flatten() != now {
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("profile-title")
                    && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
                {
                    let _ = el.focus();
                }
            });
        }
        now
    });
    view! {
        <Show when=move || profile.get().is_some()>
            <aside
                class="profile-drawer"
                role="dialog"
                aria-modal="false"
                aria-labelledby="profile-title"
                data-testid="profile"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <div class="details-head">
                    <h2 id="profile-title" tabindex="-1">{move || profile_title(profile.get())}</h2>
                    <button type="button" class="icon-button" aria-label=move || state.messages().close title=move || state.messages().close on:click=move |_| close()>
                        "×"
                    </button>
                </div>
                {move || match profile.get() {
                    Some(ProfileRef::Place(id)) => view! { <PlaceProfile id /> }.into_any(),
                    Some(ProfileRef::Country(iso)) => view! { <CountryProfile iso /> }.into_any(),
                    None => ().into_any(),
                }}
            </aside>
        </Show>
    }
}

fn profile_title(profile: Option<ProfileRef>) -> String {
    let state = use_app_state();
    let explore = use_explore();
    let locale = state.locale.get();
    explore.with_data(|d| match profile {
        Some(ProfileRef::Place(id)) => {
            d.place_by_id(&id).map(|p| place_name(locale, d.place(p)).to_owned()).unwrap_or(id)
        }
        Some(ProfileRef::Country(iso)) => d
            .country_by_iso(&iso)
            .map(|c| country_name(locale, d.country(c)).to_owned())
            .unwrap_or(iso),
        None => String::new(),
    })
}

/// Pairs per year (first stage) and the undated count.
fn per_year(dataset: &Dataset, pairs: &[PairIdx]) -> (BTreeMap<i32, Vec<PairIdx>>, usize) {
    let mut years: BTreeMap<i32, Vec<PairIdx>> = BTreeMap::new();
    let mut undated = 0;
    for &p in pairs {
        match dataset.partnership(p).first_year() {
            Some(y) => years.entry(y).or_default().push(p),
            None => undated += 1,
        }
    }
    (years, undated)
}

/// A small timeline: one bar per year with partners, then the years as a list.
#[component]
fn Timeline(
    /// Pairs to place on it.
    pairs: Vec<PairIdx>,
    /// Label each entry with the partner of this side (true: partner; false: Chinese side).
    name_partner: bool,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let (years, undated) = explore.with_data(|d| per_year(d, &pairs));
    let locale = state.locale.get_untracked();
    let m = locale.messages();
    let (first, last) = (years.keys().next().copied(), years.keys().next_back().copied());
    let max = years.values().map(Vec::len).max().unwrap_or(1).max(1);
    let bars = match (first, last) {
        (Some(first), Some(last)) => {
            let span = (last - first + 1).max(1) as f64;
            years
                .iter()
                .map(|(y, list)| {
                    let x = (*y - first) as f64 / span * 300.0;
                    let h = list.len() as f64 / max as f64 * 40.0;
                    view! { <rect x=format!("{x:.1}") y=format!("{:.1}", 44.0 - h) width=format!("{:.1}", (300.0 / span).max(2.0)) height=format!("{h:.1}") class="timeline-bar"></rect> }
                })
                .collect_view()
                .into_any()
        }
        _ => ().into_any(),
    };
    let axis = match (first, last) {
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => String::new(),
    };
    let entries = explore.with_data(|d| {
        years
            .iter()
            .map(|(y, list)| {
                let names: Vec<String> = list
                    .iter()
                    .map(|p| {
                        let pair = d.partnership(*p);
                        let other = if name_partner { pair.partner } else { pair.home };
                        format!(
                            "{} ({})",
                            place_name(locale, d.place(other)),
                            kind_label(locale, pair.kind)
                        )
                    })
                    .collect();
                (*y, names.join(", "))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <div class="timeline">
            <svg viewBox="0 0 300 46" class="timeline-svg" role="img" aria-label=fill(m.timeline_label, &[("span", &axis)])>
                {bars}
            </svg>
            <p class="muted">{axis} {(undated > 0).then(|| format!(" · {}", m.chart_undated_note.format(locale, undated as u64)))}</p>
            <details>
                <summary>{m.timeline_list}</summary>
                <ul class="timeline-list">
                    {entries.into_iter().map(|(y, names)| view! { <li><strong>{y}</strong> ": " {names}</li> }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

fn counts_list(items: Vec<(String, usize)>, locale: Locale) -> impl IntoView {
    view! {
        <ul class="count-list">
            {items
                .into_iter()
                .map(|(label, n)| view! { <li><span>{label}</span> <span class="count">{locale.number(n as u64)}</span></li> })
                .collect_view()}
        </ul>
    }
}

/// A place's profile.
#[component]
fn PlaceProfile(
    /// Place id.
    id: String,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let Some(place) = explore.with_data(|d| d.place_by_id(&id)) else {
        return view! { <p>{state.messages().not_in_data}</p> }.into_any();
    };
    let locale = state.locale.get_untracked();
    let m = locale.messages();
    let (pairs, facts, by_country, by_kind, reported) = explore.with_data(|d| {
        // The place and every place under it.
        let pairs: Vec<PairIdx> = d
            .pair_indices()
            .filter(|p| {
                let pair = d.partnership(*p);
                d.is_within(pair.home, place) || pair.partner == place
            })
            .collect();
        let p = d.place(place);
        let mut facts = vec![level_label(locale, p.level).to_owned()];
        facts.extend(d.ancestors(place).map(|a| place_name(locale, d.place(a)).to_owned()));
        facts.push(country_name(locale, d.country(p.country)).to_owned());
        if let Some(code) = &p.admin_code {
            facts.push(fill(m.division_code, &[("code", code)]));
        }
        let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
        for q in &pairs {
            let pair = d.partnership(*q);
            let other = if pair.partner == place { pair.home } else { pair.partner };
            *by_country
                .entry(country_name(locale, d.country(d.place(other).country)).to_owned())
                .or_default() += 1;
            *by_kind.entry(kind_label(locale, pair.kind).to_owned()).or_default() += 1;
        }
        let mut by_country: Vec<(String, usize)> = by_country.into_iter().collect();
        by_country.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let reported: Vec<(String, crate::model::dataset::SourceIdx)> =
            reported_for(d, Some(place))
                .into_iter()
                .map(|r| {
                    let numbers = [
                        r.pairs.map(|n| m.n_partnerships.format(locale, n as u64)),
                        r.countries.map(|n| {
                            fill(m.reported_countries_only, &[("countries", &n.to_string())])
                        }),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                    (
                        format!(
                            "{} ({}, {}): {numbers}",
                            locale.date(r.as_of),
                            r.kind.as_str(),
                            r.note.clone().unwrap_or_default()
                        ),
                        r.source,
                    )
                })
                .collect();
        (pairs, facts.join(" · "), by_country, by_kind.into_iter().collect::<Vec<_>>(), reported)
    });
    let id_filter = id.clone();
    view! {
        <div class="profile-body" data-testid="place-profile">
            <p class="muted">{facts}</p>
            <p>{m.n_partnerships.format(locale, pairs.len() as u64)}</p>
            <div class="button-row">
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        let id = id_filter.clone();
                        state.navigate(move |u| {
                            u.filters.place = Some(id.clone());
                            u.selected = Some(id);
                            u.profile = None;
                        })
                    }
                >
                    {m.filter_to_place}
                </button>
            </div>
            <h3>{m.profile_timeline}</h3>
            <Timeline pairs=pairs.clone() name_partner=true />
            <h3>{m.profile_by_country}</h3>
            {counts_list(by_country, locale)}
            <h3>{m.profile_by_type}</h3>
            {counts_list(by_kind, locale)}
            {(!reported.is_empty())
                .then(|| {
                    view! {
                        <h3>{m.profile_reported}</h3>
                        <ul class="reported-list">
                            {reported.into_iter().map(|(text, source)| view! { <li>{text} " " <SourceLink source /></li> }).collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
    .into_any()
}

/// A country's profile.
#[component]
fn CountryProfile(
    /// ISO code.
    iso: String,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let Some(country) = explore.with_data(|d| d.country_by_iso(&iso)) else {
        return view! { <p>{state.messages().not_in_data}</p> }.into_any();
    };
    let locale = state.locale.get_untracked();
    let m = locale.messages();
    let (pairs, facts, programmes, by_province, places) = explore.with_data(|d| {
        let c = d.country(country);
        let pairs: Vec<PairIdx> = d
            .pair_indices()
            .filter(|p| d.place(d.partnership(*p).partner).country == country)
            .collect();
        let mut facts = Vec::new();
        if let Some(continent) = c.continent {
            facts.push(continent_label(locale, continent).to_owned());
        }
        let other = match locale {
            Locale::Zh => c.name_en.clone(),
            Locale::En => c.name_zh.clone().unwrap_or_default(),
        };
        if !other.is_empty() {
            facts.push(other);
        }
        let mut programmes = Vec::new();
        match (c.bri_since, c.bri_exit) {
            (Some(since), None) => {
                programmes.push(fill(m.bri_since, &[("year", &since.to_string())]))
            }
            (Some(since), Some(exit)) => programmes.push(fill(
                m.bri_since_exit,
                &[("year", &since.to_string()), ("exit", &exit.to_string())],
            )),
            _ => programmes.push(m.bri_none.to_owned()),
        }
        if c.sco.is_empty() {
            programmes.push(m.sco_none.to_owned());
        } else {
            let steps: Vec<String> =
                c.sco.iter().map(|(s, y)| format!("{} ({y})", sco_label(locale, *s))).collect();
            programmes.push(steps.join(" → "));
        }
        let mut by_province: BTreeMap<String, usize> = BTreeMap::new();
        let mut places: BTreeMap<String, usize> = BTreeMap::new();
        for p in &pairs {
            let pair = d.partnership(*p);
            let province = d
                .province_of(pair.home)
                .map(|pr| place_name(locale, d.place(pr)).to_owned())
                .unwrap_or_else(|| m.unknown_province.to_owned());
            *by_province.entry(province).or_default() += 1;
            *places.entry(place_name(locale, d.place(pair.home)).to_owned()).or_default() += 1;
        }
        let mut by_province: Vec<(String, usize)> = by_province.into_iter().collect();
        by_province.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut places: Vec<(String, usize)> = places.into_iter().collect();
        places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        (pairs, facts.join(" · "), programmes, by_province, places)
    });
    let iso_filter = iso.clone();
    view! {
        <div class="profile-body" data-testid="country-profile">
            <p class="muted">{facts}</p>
            <ul class="programmes">{programmes.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <p>{m.n_partnerships.format(locale, pairs.len() as u64)}</p>
            <div class="button-row">
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        let iso = iso_filter.clone();
                        state.navigate(move |u| {
                            u.filters.countries = [iso].into_iter().collect();
                            u.profile = None;
                        })
                    }
                >
                    {m.filter_to_country}
                </button>
            </div>
            <h3>{m.profile_timeline}</h3>
            <Timeline pairs=pairs.clone() name_partner=false />
            <h3>{m.profile_by_province}</h3>
            {counts_list(by_province, locale)}
            <h3>{m.profile_places}</h3>
            {counts_list(places, locale)}
        </div>
    }
    .into_any()
}
