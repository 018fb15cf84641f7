//! The filter panel (every control shows how many pairs each value would give) and the chips
//! of active filters.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::explorer::use_explore;
use super::picker::{PickOption, Picker};
use super::state::use_app_state;
use crate::model::dataset::{Continent, Kind, Level, ScoStatus, Status};
use crate::model::filter::{Dimension, ProgrammeTime, YearRange, active_dimensions, without};
use crate::model::i18n::{
    Locale, continent_label, country_name, fill, kind_label, level_label, place_name, sco_label,
    status_label,
};
use crate::model::text::fold;

fn count_text(locale: Locale, n: usize) -> String {
    format!(" ({})", locale.number(n as u64))
}

/// A group of checkboxes for one filter dimension.
#[component]
fn CheckGroup<T, L, C, S, G>(
    /// The group's legend.
    legend: L,
    /// The values, in display order.
    values: Vec<T>,
    /// The label of a value.
    label: fn(Locale, T) -> &'static str,
    /// How many pairs a value would give.
    count: C,
    /// Whether a value is selected.
    selected: S,
    /// Toggle a value.
    toggle: G,
    /// Test id of the group.
    testid: &'static str,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
    L: Fn() -> &'static str + Send + Sync + Copy + 'static,
    C: Fn(T) -> usize + Send + Sync + Copy + 'static,
    S: Fn(T) -> bool + Send + Sync + Copy + 'static,
    G: Fn(T) + Send + Sync + Copy + 'static,
{
    let state = use_app_state();
    view! {
        <fieldset class="check-group" data-testid=testid>
            <legend>{legend}</legend>
            {values
                .into_iter()
                .map(|value| {
                    view! {
                        <label class="check" class:empty=move || count(value) == 0 && !selected(value)>
                            <input
                                type="checkbox"
                                prop:checked=move || selected(value)
                                on:change=move |_| toggle(value)
                            />
                            <span>{move || label(state.locale.get(), value)}</span>
                            <span class="count">{move || count_text(state.locale.get(), count(value))}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

fn toggle_in<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// The filter panel.
#[component]
pub fn FiltersPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let facets = Memo::new(move |_| explore.selection.get().facets.clone());
    let filters = move || state.url.with(|u| u.filters.clone());
    let (first_year, last_year) = explore.with_data(|d| {
        let years: Vec<i32> = d.partnerships().iter().filter_map(|p| p.first_year()).collect();
        (
            years.iter().copied().min().unwrap_or(1970),
            years.iter().copied().max().unwrap_or(2025).max(2025),
        )
    });
    // (id, English, Chinese, folded names to match typing against), computed once.
    let provinces: Vec<(String, String, String, String)> = explore.with_data(|d| {
        let mut list: Vec<(String, String, String, String)> = d
            .places()
            .iter()
            .filter(|p| {
                p.level == Level::Province
                    && d.meta().focus.as_deref().is_none_or(|f| d.country(p.country).iso == f)
            })
            .map(|p| {
                let zh = p.name_zh.clone().unwrap_or_else(|| p.name_en.clone());
                let search = format!(
                    "{} {} {}",
                    fold(&p.name_en),
                    fold(&zh),
                    p.pinyin.as_deref().map(fold).unwrap_or_default()
                );
                (p.id.clone(), p.name_en.clone(), zh, search)
            })
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    });
    let countries: Vec<(String, String, String, String)> = explore.with_data(|d| {
        let used: BTreeSet<_> =
            d.partnerships().iter().map(|p| d.place(p.partner).country).collect();
        let mut list: Vec<(String, String, String, String)> = used
            .into_iter()
            .map(|c| {
                let c = d.country(c);
                let zh = c.name_zh.clone().unwrap_or_else(|| c.name_en.clone());
                let search =
                    format!("{} {} {}", fold(&c.name_en), fold(&zh), c.iso.to_ascii_lowercase());
                (c.iso.clone(), c.name_en.clone(), zh, search)
            })
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    });
    let provinces = StoredValue::new(provinces);
    let countries = StoredValue::new(countries);

    let province_options = Memo::new(move |_| {
        let locale = state.locale.get();
        let counts = facets.with(|f| f.provinces.clone());
        let chosen = state.url.with(|u| u.filters.provinces.clone());
        provinces.with_value(|list| {
            list.iter()
                .map(|(id, en, zh, search)| PickOption {
                    value: id.clone(),
                    label: if locale == Locale::Zh { zh.clone() } else { en.clone() },
                    search: search.clone(),
                    count: counts.get(id).copied().unwrap_or(0),
                    chosen: chosen.contains(id),
                })
                .collect::<Vec<_>>()
        })
    });
    let country_options = Memo::new(move |_| {
        let locale = state.locale.get();
        let counts = facets.with(|f| f.countries.clone());
        let chosen = state.url.with(|u| u.filters.countries.clone());
        countries.with_value(|list| {
            let mut options: Vec<PickOption> = list
                .iter()
                .map(|(iso, en, zh, search)| PickOption {
                    value: iso.clone(),
                    label: if locale == Locale::Zh { zh.clone() } else { en.clone() },
                    search: search.clone(),
                    count: counts.get(iso).copied().unwrap_or(0),
                    chosen: chosen.contains(iso),
                })
                .collect();
            if locale == Locale::Zh {
                options.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
            }
            options
        })
    });
    let pick_province = move |value: String| {
        state.navigate(move |u| toggle_in(&mut u.filters.provinces, value));
    };
    let pick_country = move |value: String| {
        state.navigate(move |u| toggle_in(&mut u.filters.countries, value));
    };

    let year_from = move || filters().years.map(|r| r.from()).unwrap_or(first_year);
    let year_to = move || filters().years.map(|r| r.to()).unwrap_or(last_year);
    let set_years = move |from: i32, to: i32, push: bool| {
        let (from, to) = (from.clamp(first_year, last_year), to.clamp(first_year, last_year));
        let (from, to) = if from > to { (to, from) } else { (from, to) };
        let range =
            if from == first_year && to == last_year { None } else { YearRange::new(from, to) };
        let change = move |u: &mut crate::model::query::UrlState| u.filters.years = range;
        if push { state.navigate(change) } else { state.replace(change) }
    };

    view! {
        <div class="filters" data-testid="filters">
            <h2 class="panel-title">{move || state.messages().filters_title}</h2>

            <section class="filter-section" aria-labelledby="filter-home">
                <h3 id="filter-home">{move || state.messages().filter_home_side}</h3>
                <Picker
                    id="province-picker"
                    label=move || state.messages().filter_province
                    placeholder=move || state.messages().choose_province
                    options=province_options
                    on_pick=pick_province
                    testid="province-select"
                />
                <CheckGroup
                    legend=move || state.messages().filter_level
                    values=vec![Level::Province, Level::Prefecture, Level::County, Level::District]
                    label=level_label
                    count=move |l| facets.with(|f| f.levels.get(&l).copied().unwrap_or(0))
                    selected=move |l| state.url.with(|u| u.filters.levels.contains(&l))
                    toggle=move |l| state.navigate(|u| toggle_in(&mut u.filters.levels, l))
                    testid="level-filter"
                />
            </section>

            <section class="filter-section" aria-labelledby="filter-partner">
                <h3 id="filter-partner">{move || state.messages().filter_partner_side}</h3>
                <Picker
                    id="country-picker"
                    label=move || state.messages().filter_country
                    placeholder=move || state.messages().choose_country
                    options=country_options
                    on_pick=pick_country
                    testid="country-select"
                />
                <CheckGroup
                    legend=move || state.messages().filter_continent
                    values=vec![
                        Continent::Asia,
                        Continent::Europe,
                        Continent::Africa,
                        Continent::NorthAmerica,
                        Continent::SouthAmerica,
                        Continent::Oceania,
                    ]
                    label=continent_label
                    count=move |c| facets.with(|f| f.continents.get(&c).copied().unwrap_or(0))
                    selected=move |c| state.url.with(|u| u.filters.continents.contains(&c))
                    toggle=move |c| state.navigate(|u| toggle_in(&mut u.filters.continents, c))
                    testid="continent-filter"
                />
                <fieldset class="check-group" data-testid="bri-filter">
                    <legend>{move || state.messages().filter_bri}</legend>
                    {[None, Some(ProgrammeTime::Now), Some(ProgrammeTime::AtSigning)]
                        .into_iter()
                        .map(|choice| {
                            let label = move || {
                                let m = state.messages();
                                match choice {
                                    None => m.bri_any,
                                    Some(ProgrammeTime::Now) => m.bri_now,
                                    Some(ProgrammeTime::AtSigning) => m.bri_at_signing,
                                }
                            };
                            view! {
                                <label class="check">
                                    <input
                                        type="radio"
                                        name="bri"
                                        prop:checked=move || state.url.with(|u| u.filters.bri == choice)
                                        on:change=move |_| state.navigate(|u| u.filters.bri = choice)
                                    />
                                    <span>{label}</span>
                                    {move || {
                                        (choice.is_some() && state.url.with(|u| u.filters.bri) == choice)
                                            .then(|| count_text(state.locale.get(), facets.with(|f| f.bri)))
                                    }}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <CheckGroup
                    legend=move || state.messages().filter_sco
                    values=vec![ScoStatus::Member, ScoStatus::Observer, ScoStatus::DialoguePartner]
                    label=sco_label
                    count=move |s| facets.with(|f| f.sco.get(&s).copied().unwrap_or(0))
                    selected=move |s| state.url.with(|u| u.filters.sco.contains(&s))
                    toggle=move |s| state.navigate(|u| toggle_in(&mut u.filters.sco, s))
                    testid="sco-filter"
                />
                <label class="check small">
                    <input
                        type="checkbox"
                        prop:checked=move || state.url.with(|u| u.filters.sco_time == ProgrammeTime::AtSigning)
                        on:change=move |_| {
                            state
                                .navigate(|u| {
                                    u.filters.sco_time = match u.filters.sco_time {
                                        ProgrammeTime::Now => ProgrammeTime::AtSigning,
                                        ProgrammeTime::AtSigning => ProgrammeTime::Now,
                                    };
                                })
                        }
                    />
                    <span>{move || state.messages().sco_at_signing}</span>
                </label>
            </section>

            <section class="filter-section" aria-labelledby="filter-relationship">
                <h3 id="filter-relationship">{move || state.messages().filter_relationship}</h3>
                <CheckGroup
                    legend=move || state.messages().filter_type
                    values=Kind::ALL.to_vec()
                    label=kind_label
                    count=move |k| facets.with(|f| f.kinds.get(&k).copied().unwrap_or(0))
                    selected=move |k| state.url.with(|u| u.filters.kinds.contains(&k))
                    toggle=move |k| state.navigate(|u| toggle_in(&mut u.filters.kinds, k))
                    testid="type-filter"
                />
                <CheckGroup
                    legend=move || state.messages().filter_status
                    values=Status::ALL.to_vec()
                    label=status_label
                    count=move |s| facets.with(|f| f.statuses.get(&s).copied().unwrap_or(0))
                    selected=move |s| state.url.with(|u| u.filters.statuses.contains(&s))
                    toggle=move |s| state.navigate(|u| toggle_in(&mut u.filters.statuses, s))
                    testid="status-filter"
                />
            </section>

            <section class="filter-section" aria-labelledby="filter-time">
                <h3 id="filter-time">{move || state.messages().filter_years}</h3>
                <div class="year-range" data-testid="year-range">
                    <label class="field inline">
                        <span>{move || state.messages().year_from}</span>
                        <input
                            type="number"
                            min=first_year
                            max=last_year
                            prop:value=move || year_from().to_string()
                            on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse() {
                                    set_years(y, year_to(), true);
                                }
                            }
                            data-testid="year-from"
                        />
                    </label>
                    <label class="field inline">
                        <span>{move || state.messages().year_to}</span>
                        <input
                            type="number"
                            min=first_year
                            max=last_year
                            prop:value=move || year_to().to_string()
                            on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse() {
                                    set_years(year_from(), y, true);
                                }
                            }
                            data-testid="year-to"
                        />
                    </label>
                    <div class="dual-slider">
                        <input
                            type="range"
                            min=first_year
                            max=last_year
                            aria-label=move || state.messages().year_from
                            prop:value=move || year_from().to_string()
                            on:input=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                    set_years(y.min(year_to()), year_to(), false);
                                }
                            }
                        />
                        <input
                            type="range"
                            min=first_year
                            max=last_year
                            aria-label=move || state.messages().year_to
                            prop:value=move || year_to().to_string()
                            on:input=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                    set_years(year_from(), y.max(year_from()), false);
                                }
                            }
                        />
                    </div>
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || state.url.with(|u| u.filters.include_undated)
                        on:change=move |_| state.navigate(|u| u.filters.include_undated = !u.filters.include_undated)
                        data-testid="include-undated"
                    />
                    <span>
                        {move || {
                            let locale = state.locale.get();
                            fill(locale.messages().include_undated, &[("n", &locale.number(facets.with(|f| f.undated) as u64))])
                        }}
                    </span>
                </label>
            </section>
        </div>
    }
}

/// One removable chip: its label and how removing it edits the filters.
type Chip = (String, Box<dyn Fn(&mut crate::model::filter::Filters) + Send + Sync>);

/// The active filters as removable chips, with "clear all".
#[component]
pub fn FilterChips() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let chips = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let filters = state.url.with(|u| u.filters.clone());
        let mut out: Vec<Chip> = Vec::new();
        explore.with_data(|d| {
            for id in &filters.provinces {
                let name = d
                    .place_by_id(id)
                    .map(|p| place_name(locale, d.place(p)).to_owned())
                    .unwrap_or(id.clone());
                let id = id.clone();
                out.push((name, Box::new(move |f| _ = f.provinces.remove(&id))));
            }
            if let Some(id) = &filters.place {
                let name = d
                    .place_by_id(id)
                    .map(|p| place_name(locale, d.place(p)).to_owned())
                    .unwrap_or(id.clone());
                let text = if filters.place_with_children {
                    fill(m.chip_place_and_below, &[("place", &name)])
                } else {
                    name
                };
                out.push((text, Box::new(|f| *f = without(f, Dimension::Place))));
            }
            for level in &filters.levels {
                let level = *level;
                out.push((
                    level_label(locale, level).to_owned(),
                    Box::new(move |f| _ = f.levels.remove(&level)),
                ));
            }
            for iso in &filters.countries {
                let name = d
                    .country_by_iso(iso)
                    .map(|c| country_name(locale, d.country(c)).to_owned())
                    .unwrap_or(iso.clone());
                let iso = iso.clone();
                out.push((name, Box::new(move |f| _ = f.countries.remove(&iso))));
            }
            for c in &filters.continents {
                let c = *c;
                out.push((
                    continent_label(locale, c).to_owned(),
                    Box::new(move |f| _ = f.continents.remove(&c)),
                ));
            }
            if let Some(t) = filters.bri {
                let text = match t {
                    ProgrammeTime::Now => m.bri_now,
                    ProgrammeTime::AtSigning => m.bri_at_signing,
                };
                out.push((text.to_owned(), Box::new(|f| f.bri = None)));
            }
            for s in &filters.sco {
                let s = *s;
                let text = format!("{} {}", m.sco_short, sco_label(locale, s));
                out.push((text, Box::new(move |f| _ = f.sco.remove(&s))));
            }
            for k in &filters.kinds {
                let k = *k;
                out.push((
                    kind_label(locale, k).to_owned(),
                    Box::new(move |f| _ = f.kinds.remove(&k)),
                ));
            }
            for s in &filters.statuses {
                let s = *s;
                out.push((
                    status_label(locale, s).to_owned(),
                    Box::new(move |f| _ = f.statuses.remove(&s)),
                ));
            }
            if let Some(r) = filters.years {
                let text = fill(
                    m.chip_years,
                    &[("from", &r.from().to_string()), ("to", &r.to().to_string())],
                );
                out.push((text, Box::new(|f| f.years = None)));
            }
            if filters.years.is_some() && !filters.include_undated {
                out.push((m.chip_no_undated.to_owned(), Box::new(|f| f.include_undated = true)));
            }
        });
        out
    };
    let any = move || !active_dimensions(&state.url.with(|u| u.filters.clone())).is_empty();
    view! {
        <Show when=any>
            <div class="chips" data-testid="filter-chips">
                <ul class="chip-list" aria-label=move || state.messages().active_filters>
                    {move || {
                        chips()
                            .into_iter()
                            .map(|(text, remove)| {
                                let remove = std::sync::Arc::new(remove);
                                let label = fill(state.messages().remove_filter, &[("filter", &text)]);
                                view! {
                                    <li class="chip">
                                        <span>{text}</span>
                                        <button
                                            type="button"
                                            class="chip-remove"
                                            aria-label=label.clone()
                                            title=label
                                            on:click=move |_| {
                                                let remove = remove.clone();
                                                state.navigate(move |u| remove(&mut u.filters));
                                            }
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| state.navigate(|u| u.filters = Default::default())
                    data-testid="clear-filters"
                >
                    {move || state.messages().clear_all}
                </button>
            </div>
        </Show>
    }
}
