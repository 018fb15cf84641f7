//! The panel beside the map: the selected place (its partners with year, type and sources)
//! or the selected partnership (every fact the sources give, conflicts included).

mod pair;
mod place;

use leptos::prelude::*;

pub use self::pair::PairDetails;
pub use self::place::PlaceDetails;
use crate::ui::state::{use_app_state, use_explore};

/// The panel; a hint when nothing is selected. As a place card (`card`), it shows the place
/// of the card (the selected place, else the place filter).
#[component]
pub fn PlacePanel(
    /// Show the card's place rather than the selection.
    #[prop(optional)]
    card: bool,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let place = if card { explore.card_place } else { explore.selected_place };
    let pair = explore.selected_pair;
    view! {
        <aside class="place-panel" class:open=move || place.get().is_some() || pair.get().is_some() aria-live="polite">
            {move || match (pair.get(), place.get()) {
                (Some(p), _) => view! { <PairDetails pair=p /> }.into_any(),
                (None, Some(p)) => view! { <PlaceDetails place=p /> }.into_any(),
                (None, None) => view! { <p class="panel-hint">{move || state.messages().select_hint}</p> }.into_any(),
            }}
        </aside>
    }
}
