//! The map's toolbar: zoom, borders (China's official view or neutral), centring, shading and
//! grouping.

use leptos::prelude::*;

use crate::model::ask::query::{MapProfile, Shading, UrlState};
use crate::model::geo::projection::{Centre, KEY_ZOOM_STEP};
use crate::model::i18n::messages::Messages;
use crate::model::show::map::Grouping;
use crate::ui::state::{use_app_state, use_map};

/// A toggle button of a group: pressed when its value is the current one.
#[component]
fn Toggle(
    /// True when this is the current value.
    #[prop(into)]
    pressed: Signal<bool>,
    /// The label.
    label: fn(&Messages) -> &'static str,
    /// What choosing it does.
    on: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <button type="button" class="toggle" aria-pressed=move || pressed.get().to_string() on:click=move |_| on()>
            {move || label(state.messages())}
        </button>
    }
}

/// The label of a grouping choice.
fn grouping_label(m: &Messages, grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Auto => m.grouping_auto,
        Grouping::Grouped => m.grouping_grouped,
        Grouping::Places => m.grouping_places,
    }
}

/// The zoom buttons, drawn over the map's top left corner so they take no row of the page.
#[component]
pub fn MapZoom(
    /// Zoom about the centre by a factor.
    zoom_by: impl Fn(f64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let map = use_map();
    view! {
        <div class="map-zoom button-group" role="group" aria-label=move || state.messages().zoom>
                <button type="button" class="icon-button" on:click=move |_| zoom_by(KEY_ZOOM_STEP) aria-label=move || state.messages().zoom_in title=move || state.messages().zoom_in>
                    "+"
                </button>
                <button type="button" class="icon-button" on:click=move |_| zoom_by(1.0 / KEY_ZOOM_STEP) aria-label=move || state.messages().zoom_out title=move || state.messages().zoom_out>
                    "−"
                </button>
                <button type="button" class="button small" on:click=move |_| map.view.set(map.home.get_untracked())>
                    {move || state.messages().reset_view}
                </button>
        </div>
    }
}

/// The map options (borders, centring, shading, grouping) in one row above the map; on a phone
/// they fold behind one button drawn over the map's top right corner.
#[component]
pub fn MapToolbar() -> impl IntoView {
    let state = use_app_state();
    let map = use_map();
    let q = state.query;
    let set_centre = move |centre: Centre| {
        map.view.set(map.home.get_untracked());
        state.navigate(move |u| {
            u.centre = Some(centre);
            u.at = None;
        });
    };
    let set = move |change: fn(&mut UrlState)| state.navigate(change);
    // On narrow screens the options fold behind one button (CSS shows them on wide ones).
    let options_open = RwSignal::new(false);
    view! {
        <div class="map-toolbar" role="toolbar" aria-label=move || state.messages().map_controls>
            <button
                type="button"
                class="button small map-options-toggle"
                aria-expanded=move || options_open.get().to_string()
                aria-controls="map-options"
                on:click=move |_| options_open.update(|o| *o = !*o)
            >
                {move || state.messages().map_options}
            </button>
            <div class="map-options" id="map-options" class:open=move || options_open.get()>
            <div class="button-group" role="group" aria-label=move || state.messages().borders_label>
                <Toggle pressed=Signal::derive(move || q.map_profile.get() == MapProfile::China) label=|m| m.profile_china on=move || set(|u| u.map_profile = Some(MapProfile::China)) />
                <Toggle pressed=Signal::derive(move || q.map_profile.get() == MapProfile::Neutral) label=|m| m.profile_neutral on=move || set(|u| u.map_profile = Some(MapProfile::Neutral)) />
            </div>
            <div class="button-group" role="group" aria-label=move || state.messages().centre_label>
                <Toggle pressed=Signal::derive(move || q.centre.get() == Centre::Pacific) label=|m| m.centre_pacific on=move || set_centre(Centre::Pacific) />
                <Toggle pressed=Signal::derive(move || q.centre.get() == Centre::Atlantic) label=|m| m.centre_atlantic on=move || set_centre(Centre::Atlantic) />
            </div>
            <div class="button-group" role="group" aria-label=move || state.messages().shading_label>
                <Toggle pressed=Signal::derive(move || q.shading.get() == Shading::Arcs) label=|m| m.shading_arcs on=move || set(|u| u.shading = Shading::Arcs) />
                <Toggle pressed=Signal::derive(move || q.shading.get() == Shading::Choropleth) label=|m| m.shading_choropleth on=move || set(|u| u.shading = Shading::Choropleth) />
            </div>
            <label class="field inline">
                <span>{move || state.messages().grouping_label}</span>
                <select on:change=move |ev| map.grouping.set(Grouping::parse(&event_target_value(&ev)))>
                    {Grouping::ALL
                        .into_iter()
                        .map(|g| {
                            view! {
                                <option value=g.as_str() selected=move || map.grouping.get() == g>
                                    {move || grouping_label(state.messages(), g)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            </div>
        </div>
    }
}
