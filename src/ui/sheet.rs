//! The selection sheet: what the user chose — a profile, a partnership or a place — in a panel
//! over the map (a side sheet on wide screens, an expandable bottom sheet on phones; below the
//! map when embedded). Escape, its close button and Back close it; the keyboard focus moves
//! into it and returns where it was on close.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::map::{PairDetails, PlaceDetails};
use super::profile::ProfileBody;
use super::state::{use_app_state, use_explore};
use crate::model::ask::query::ProfileRef;
use crate::model::format::dataset::{PairIdx, PlaceIdx};

/// What the sheet shows: an open profile first, then a pair, then a place.
#[derive(Clone, Debug, PartialEq)]
enum Content {
    Profile(ProfileRef),
    Pair(PairIdx),
    Place(PlaceIdx),
}

/// The element with the keyboard focus.
fn focused() -> Option<web_sys::HtmlElement> {
    document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The sheet.
#[component]
pub fn SelectionSheet(
    /// Show profiles only (the place card embed shows its place itself).
    #[prop(optional)]
    profiles_only: bool,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let layout = state.layout;
    let content = Memo::new(move |_| {
        if let Some(profile) = state.query.profile.get() {
            return Some(Content::Profile(profile));
        }
        if profiles_only {
            return None;
        }
        if let Some(pair) = explore.selected_pair.get() {
            return Some(Content::Pair(pair));
        }
        explore.selected_place.get().map(Content::Place)
    });
    let sheet_ref = NodeRef::<leptos::html::Aside>::new();
    let return_to: StoredValue<Option<web_sys::HtmlElement>, LocalStorage> =
        StoredValue::new_local(None);
    // Moves the keyboard focus into the sheet when it opens or changes, and back where it was
    // when it closes (a bridge to the DOM's focus).
    Effect::new(move |previous: Option<Option<Content>>| {
        let now = content.get();
        let was_open = previous.as_ref().is_some_and(Option::is_some);
        match (&now, was_open) {
            (Some(_), _) if previous.as_ref() != Some(&now) => {
                let inside = |el: &web_sys::HtmlElement| {
                    sheet_ref.get_untracked().is_some_and(|s| s.contains(Some(el)))
                };
                if !was_open && let Some(el) = focused().filter(|el| !inside(el)) {
                    return_to.set_value(Some(el));
                }
                request_animation_frame(|| {
                    if let Some(title) = document().get_element_by_id("sheet-title")
                        && let Ok(title) = title.dyn_into::<web_sys::HtmlElement>()
                    {
                        let _ = title.focus();
                    }
                });
            }
            (None, true) => {
                layout.sheet_expanded.set(false);
                if let Some(el) = return_to.get_value().filter(|el| el.is_connected()) {
                    let _ = el.focus();
                }
                return_to.set_value(None);
            }
            _ => {}
        }
        now
    });
    let close = move || match content.get_untracked() {
        Some(Content::Profile(_)) => state.open_profile(None),
        Some(Content::Pair(_)) => state.navigate(|u| u.pair = None),
        Some(Content::Place(_)) => state.navigate(|u| u.selected = None),
        None => {}
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            close();
        }
    };
    let expanded = layout.sheet_expanded;
    view! {
        <Show when=move || content.with(Option::is_some)>
            <aside
                class="selection-sheet"
                class:expanded=move || expanded.get()
                node_ref=sheet_ref
                role="dialog"
                aria-modal="false"
                aria-labelledby="sheet-title"
                data-testid="selection-sheet"
                on:keydown=on_key
            >
                <div class="sheet-bar">
                    <button
                        type="button"
                        class="sheet-handle"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { state.messages().sheet_collapse } else { state.messages().sheet_expand }}
                    </button>
                    <button type="button" class="button small print-button" on:click=move |_| _ = window().print()>
                        {move || state.messages().print}
                    </button>
                </div>
                {move || match content.get() {
                    Some(Content::Profile(profile)) => view! { <ProfileBody profile /> }.into_any(),
                    Some(Content::Pair(pair)) => view! { <PairDetails pair /> }.into_any(),
                    Some(Content::Place(place)) => view! { <PlaceDetails place /> }.into_any(),
                    None => ().into_any(),
                }}
            </aside>
        </Show>
    }
}
