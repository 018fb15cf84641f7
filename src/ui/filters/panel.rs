//! The filter panel: the province and country lists, the checkbox groups of every set
//! dimension, the programmes and the years; every value shows how many pairs it would give.

use leptos::prelude::*;

use super::check_group::CheckGroup;
use super::programmes::{BriChoice, ScoFilter};
use super::years::YearFilter;
use crate::model::ask::choices::pick_options;
use crate::model::ask::filter::{Section, SetDim};
use crate::ui::picker::Picker;
use crate::ui::state::{use_app_state, use_explore};

/// The check groups of one panel section, in their order.
fn section_groups(section: Section) -> impl IntoView {
    SetDim::ALL
        .into_iter()
        .filter(move |d| d.section() == section)
        .map(|dim| view! { <CheckGroup dim /> })
        .collect_view()
}

/// The filter panel.
#[component]
pub fn FiltersPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let q = state.query;
    let lists = explore.lists.get_value();
    let province_options = {
        let lists = lists.clone();
        Memo::new(move |_| {
            let counts = explore.selection.with(|s| s.facets.provinces.clone());
            q.filters
                .with(|f| pick_options(&lists.provinces, &counts, &f.provinces, state.locale.get()))
        })
    };
    let country_options = Memo::new(move |_| {
        let counts = explore.selection.with(|s| s.facets.countries.clone());
        q.filters
            .with(|f| pick_options(&lists.countries, &counts, &f.countries, state.locale.get()))
    });
    let toggle = |set: &mut std::collections::BTreeSet<String>, value: String| {
        if !set.remove(&value) {
            set.insert(value);
        }
    };
    view! {
        <div class="filters" data-testid="filters">
            <section class="filter-section" aria-labelledby="filter-home">
                <h3 id="filter-home">{move || state.messages().filter_home_side}</h3>
                <Picker
                    id="province-picker"
                    label=move || state.messages().filter_province
                    placeholder=move || state.messages().choose_province
                    options=province_options
                    on_pick=move |v| state.set_filters(move |f| toggle(&mut f.provinces, v))
                    testid="province-select"
                />
                {section_groups(Section::Home)}
            </section>
            <section class="filter-section" aria-labelledby="filter-partner">
                <h3 id="filter-partner">{move || state.messages().filter_partner_side}</h3>
                <Picker
                    id="country-picker"
                    label=move || state.messages().filter_country
                    placeholder=move || state.messages().choose_country
                    options=country_options
                    on_pick=move |v| state.set_filters(move |f| toggle(&mut f.countries, v))
                    testid="country-select"
                />
                {section_groups(Section::Partner)}
                <BriChoice />
                <ScoFilter />
            </section>
            <section class="filter-section" aria-labelledby="filter-relationship">
                <h3 id="filter-relationship">{move || state.messages().filter_relationship}</h3>
                {section_groups(Section::Relationship)}
            </section>
            <YearFilter />
        </div>
    }
}
