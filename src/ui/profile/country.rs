//! A country's profile.

use leptos::prelude::*;

use super::timeline::{Timeline, counts_list};
use crate::model::show::profile::country_profile;
use crate::ui::state::{use_app_state, use_explore};

/// A country's profile: facts, programmes, partnerships, timeline, by province, by place.
#[component]
pub fn CountryProfile(
    /// ISO code.
    iso: String,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let Some(country) = explore.with_data(|d| d.country_by_iso(&iso)) else {
        return view! { <p>{move || state.messages().not_in_data}</p> }.into_any();
    };
    let profile = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.with_data(|d| country_profile(d, country, locale))
    });
    let filter_to_country = move |_| {
        let iso = iso.clone();
        state.navigate(move |u| {
            u.filters.countries = [iso].into_iter().collect();
            u.profile = None;
        })
    };
    let pairs = profile.with_untracked(|p| p.pairs.clone());
    (move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let p = profile.get();
        view! {
            <div class="profile-body" data-testid="country-profile">
                <p class="muted">{p.facts}</p>
                <ul class="programmes">{p.programmes.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                <p data-testid="profile-counts">{p.count}</p>
                <div class="button-row">
                    <button type="button" class="button small" on:click=filter_to_country.clone()>
                        {m.filter_to_country}
                    </button>
                </div>
                <h3>{m.profile_timeline}</h3>
                <Timeline pairs=pairs.clone() name_partner=false />
                <h3>{m.profile_by_province}</h3>
                {counts_list(p.by_province, locale)}
                <h3>{m.profile_places}</h3>
                {counts_list(p.by_place, locale)}
            </div>
        }
    })
    .into_any()
}
