//! The map panel: the canvas with its toolbar, playback, tooltip, legend, the keyboard list of
//! places and the selected place's panel. The parts:
//!
//! - `painter` draws frames from the map state (`crate::ui::state::map`);
//! - `view_sync` keeps the view and the address in step;
//! - `gestures` turns pointer, wheel and keys into view changes and selections;
//! - `covered` measures what the controls over the map cover (labels and fits keep clear);
//! - `toolbar`, `tooltip`, `legend`, `playback`, `places_list`, `place_panel` are what they say;
//! - `layers`, `palette` and `render` are the canvas drawing itself;
//! - `download_svg` offers the map as shown as an SVG file (drawn by the core).

mod covered;
mod download_svg;
mod fit;
mod frames;
mod gestures;
mod labels;
mod layers;
mod legend;
mod painter;
mod palette;
mod place_panel;
mod places_list;
mod playback;
mod render;
mod toolbar;
mod tooltip;
mod view_sync;

use leptos::prelude::*;

use self::gestures::Gestures;
use self::legend::Legend;
pub use self::place_panel::{PairDetails, PlaceDetails, PlacePanel};
use self::places_list::PlacesList;
use self::playback::Playback;
use self::toolbar::{MapToolbar, MapZoom};
use self::tooltip::MapTooltip;
use crate::model::show::map::summary_text;
use crate::ui::dom::element_size;
use crate::ui::state::{MapState, use_app_state, use_explore};

/// The map tab (and the map of the embeds that show one).
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    let main_ref = NodeRef::<leptos::html::Div>::new();
    let map = MapState::new(state, explore, element_size(frame_ref));
    provide_context(map);
    let follow = view_sync::sync_view(state, map);
    painter::paint(state, explore, map, follow, canvas_ref, frame_ref);
    fit::fit_on_request(state, explore, map, frame_ref);
    covered::watch_covered(map, main_ref, frame_ref);
    let gestures = Gestures::new(state, explore, map, frame_ref);

    let summary = move || map.scene.with(|s| summary_text(s, state.locale.get()));
    let drawn_pairs = move || map.scene.with(|s| s.counts().drawn.to_string());
    let failure = state.basemap.failure;
    view! {
        <div class="map-layout">
            <div class="map-main" node_ref=main_ref>
                <MapToolbar />
                // The zoom, the playback and the legend are drawn over the map's corners, so the
                // map keeps most of the first screen (issue 23); they come before it in the
                // keyboard's order, and the list of places right after it.
                <div class="map-stage">
                <MapZoom zoom_by=move |f| gestures.zoom_by(f) />
                <div class="map-foot">
                    <Playback />
                    <Legend />
                </div>
                <div
                    class="map-frame"
                    node_ref=frame_ref
                    tabindex="0"
                    role="region"
                    aria-label=move || state.messages().map_label
                    aria-describedby="map-help map-summary"
                    data-testid="map"
                    data-profile=move || state.query.map_profile.get().as_str()
                    data-centre=move || state.query.centre.get().as_str()
                    data-zoom=move || format!("{:.2}", map.view.get().zoom)
                    data-pairs=drawn_pairs
                    data-grouped=move || map.grouped.get().to_string()
                    on:keydown=move |ev| gestures.key(ev)
                    on:wheel=move |ev| gestures.wheel(ev)
                >
                    <canvas
                        node_ref=canvas_ref
                        class="map-canvas"
                        role="img"
                        aria-label=summary
                        on:pointerdown=move |ev| gestures.pointer_down(ev)
                        on:pointermove=move |ev| gestures.pointer_move(ev)
                        on:pointerup=move |ev| gestures.pointer_up(ev)
                        on:pointercancel=move |ev| gestures.pointer_cancel(ev)
                        on:pointerleave=move |_| map.hovered.set(None)
                    ></canvas>
                    <MapTooltip />
                    {move || failure.get().map(|f| view! {
                        <p class="map-error" role="alert">
                            {move || state.messages().basemap_failed} " " {move || f.message(state.locale.get())}
                        </p>
                    })}
                </div>
                </div>
                // The keyboard's way through the markers comes right after the map.
                <PlacesList />
                <p id="map-help" class="map-help">{move || state.messages().map_help}</p>
                <p id="map-summary" class="map-summary" data-testid="map-summary">{summary}</p>
                <p class="map-download">
                    <button type="button" class="button small" data-testid="download-map-svg" on:click=move |_| download_svg::download_map_svg(state, explore, map)>
                        {move || state.messages().download_map_svg}
                    </button>
                </p>
            </div>
        </div>
    }
}
