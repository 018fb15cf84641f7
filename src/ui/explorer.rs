//! The loaded app: builds the explorer state for the dataset and picks the layout.

use std::sync::Arc;

use leptos::prelude::*;

use super::layout::{EmbedLayout, FullLayout};
use super::messages::LiveRegion;
use super::state::{ExploreState, use_app_state};
use crate::model::ask::aggregate::headline_scope;
use crate::model::ask::query::EmbedPreset;
use crate::model::format::load::Loaded;
use crate::model::i18n::{fill, place_name};
use crate::model::show::describe::scope_text;

/// The app once the data has loaded.
#[component]
pub fn Explorer(
    /// The loaded dataset.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = use_app_state();
    let explore = ExploreState::new(state, loaded);
    provide_context(explore);
    // Titles the page after the view, so a bookmark or a shared tab says what it shows
    // (outside the reactive graph).
    Effect::new(move |_| {
        let locale = state.locale.get();
        let scope = explore.with_data(|d| match explore.selected_place.get() {
            Some(place) => place_name(locale, d.place(place)).to_owned(),
            None => state.query.filters.with(|f| scope_text(d, &headline_scope(d, f), locale)),
        });
        document().set_title(&fill(locale.messages().title_with_scope, &[("scope", &scope)]));
    });
    let layout = state.query.embed;
    view! {
        {move || match layout.get() {
            None | Some(EmbedPreset::Full) => view! { <FullLayout /> }.into_any(),
            Some(preset) => view! { <EmbedLayout preset /> }.into_any(),
        }}
        <LiveRegion />
    }
}
