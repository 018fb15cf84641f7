//! A place's profile.

use leptos::prelude::*;

use super::timeline::{Timeline, counts_list};
use crate::model::show::profile::place_profile;
use crate::ui::sources::SourceLink;
use crate::ui::state::{use_app_state, use_explore};

/// A place's profile: facts, partnerships, timeline, by country, by type, official figures.
#[component]
pub fn PlaceProfile(
    /// Place id.
    id: String,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let Some(place) = explore.with_data(|d| d.place_by_id(&id)) else {
        return view! { <p>{move || state.messages().not_in_data}</p> }.into_any();
    };
    let profile = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.with_data(|d| place_profile(d, place, locale))
    });
    let filter_to_place = move |_| {
        let id = id.clone();
        state.navigate(move |u| {
            u.filters.place = Some(id.clone());
            u.selected = Some(id);
            u.profile = None;
        });
        state.request_fit();
    };
    let pairs = profile.with_untracked(|p| p.pairs.clone());
    (move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let p = profile.get();
        view! {
            <div class="profile-body" data-testid="place-profile">
                <p class="muted">{p.facts}</p>
                <ul class="counts" data-testid="profile-counts">
                    {p.counts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
                <div class="button-row">
                    <button type="button" class="button small" on:click=filter_to_place.clone()>
                        {m.filter_to_place}
                    </button>
                </div>
                <h3>{m.profile_timeline}</h3>
                <Timeline pairs=pairs.clone() name_partner=true />
                <h3>{m.profile_by_country}</h3>
                {counts_list(p.by_country, locale)}
                <h3>{m.profile_by_type}</h3>
                {counts_list(p.by_kind, locale)}
                {(!p.reported.is_empty()).then(|| view! {
                    <h3>{m.profile_reported}</h3>
                    <ul class="reported-list">
                        {p.reported.into_iter().map(|(text, source)| view! { <li>{text} " " <SourceLink source /></li> }).collect_view()}
                    </ul>
                })}
            </div>
        }
    })
    .into_any()
}
