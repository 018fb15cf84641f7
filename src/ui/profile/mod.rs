//! Profiles: a place (its partners on a timeline, by country, by type, with official figures)
//! or a country (its Chinese partners by province and over time, its Belt and Road and SCO
//! status). Reachable from the search, the map and the table; linkable (`?profile=`). Every
//! text follows the language, also while the profile is open.

mod country;
mod place;
mod timeline;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::country::CountryProfile;
use self::place::PlaceProfile;
use super::state::{use_app_state, use_explore};
use crate::model::i18n::{country_name, place_name};
use crate::model::query::ProfileRef;

/// The profile drawer; shown when the URL names a profile.
#[component]
pub fn ProfilePanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let profile = state.query.profile;
    let close = move || state.open_profile(None);
    // Opening a profile moves the focus to its title, so Escape and Tab work from there (a
    // bridge to the DOM's focus).
    Effect::new(move |previous: Option<Option<ProfileRef>>| {
        let now = profile.get();
        if now.is_some() && previous.flatten() != now {
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("profile-title")
                    && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
                {
                    let _ = el.focus();
                }
            });
        }
        now
    });
    let title = move || {
        let locale = state.locale.get();
        explore.with_data(|d| match profile.get() {
            Some(ProfileRef::Place(id)) => {
                d.place_by_id(&id).map(|p| place_name(locale, d.place(p)).to_owned()).unwrap_or(id)
            }
            Some(ProfileRef::Country(iso)) => d
                .country_by_iso(&iso)
                .map(|c| country_name(locale, d.country(c)).to_owned())
                .unwrap_or(iso),
            None => String::new(),
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    view! {
        <Show when=move || profile.with(Option::is_some)>
            <aside class="profile-drawer" role="dialog" aria-modal="false" aria-labelledby="profile-title" data-testid="profile" on:keydown=on_key>
                <div class="details-head">
                    <h2 id="profile-title" tabindex="-1">{title}</h2>
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
