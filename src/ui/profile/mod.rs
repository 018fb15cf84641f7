//! Profiles: a place (its partners on a timeline, by country, by type, with official figures)
//! or a country (its Chinese partners by province and over time, its Belt and Road and SCO
//! status). Reachable from the search, the map and the table; linkable (`?profile=`). Every
//! text follows the language, also while the profile is open.

mod country;
mod place;
mod timeline;

use leptos::prelude::*;

use self::country::CountryProfile;
use self::place::PlaceProfile;
use super::state::{use_app_state, use_explore};
use crate::model::ask::query::ProfileRef;
use crate::model::i18n::{country_name, place_name};

/// A profile (place or country) with its title and close button; shown in the selection
/// sheet.
#[component]
pub fn ProfileBody(
    /// Which profile.
    profile: ProfileRef,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let title = {
        let profile = profile.clone();
        move || {
            let locale = state.locale.get();
            explore.with_data(|d| match &profile {
                ProfileRef::Place(id) => d
                    .place_by_id(id)
                    .map(|p| place_name(locale, d.place(p)).to_owned())
                    .unwrap_or(id.clone()),
                ProfileRef::Country(iso) => d
                    .country_by_iso(iso)
                    .map(|c| country_name(locale, d.country(c)).to_owned())
                    .unwrap_or(iso.clone()),
            })
        }
    };
    let body = match profile {
        ProfileRef::Place(id) => view! { <PlaceProfile id /> }.into_any(),
        ProfileRef::Country(iso) => view! { <CountryProfile iso /> }.into_any(),
    };
    view! {
        <div class="profile" data-testid="profile">
            <div class="details-head">
                <h2 id="sheet-title" tabindex="-1">{title}</h2>
                <button type="button" class="icon-button" aria-label=move || state.messages().close title=move || state.messages().close on:click=move |_| state.open_profile(None)>
                    "×"
                </button>
            </div>
            {body}
        </div>
    }
}
