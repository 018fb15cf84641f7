//! The loaded app: builds the explorer state for the dataset and picks the layout.

use std::sync::Arc;

use leptos::prelude::*;

use super::layout::{EmbedLayout, FullLayout};
use super::messages::LiveRegion;
use super::state::{ExploreState, use_app_state};
use crate::model::load::Loaded;
use crate::model::query::EmbedPreset;

/// The app once the data has loaded.
#[component]
pub fn Explorer(
    /// The loaded dataset.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = use_app_state();
    provide_context(ExploreState::new(state, loaded));
    let layout = state.query.embed;
    view! {
        {move || match layout.get() {
            None | Some(EmbedPreset::Full) => view! { <FullLayout /> }.into_any(),
            Some(preset) => view! { <EmbedLayout preset /> }.into_any(),
        }}
        <LiveRegion />
    }
}
