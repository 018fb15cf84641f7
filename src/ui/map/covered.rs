//! What the controls drawn over the map cover: the zoom buttons, the options (their button on
//! a phone, and the options when open), the playback, the legend and the selection sheet (at
//! the side on a laptop, at the bottom on a phone). A bridge from the page's layout to
//! `MapState::covered`, which the labels and the fit keep clear of; measured again whenever a
//! control, the foot or the map changes size (a language, the playback playing, the options
//! opening, the side sheet narrowing the foot), the sheet opens, closes or grows, or the page
//! scrolls (the foot sticks to the screen's bottom), never per frame.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::dom::ResizeWatch;
use crate::ui::state::{MapState, use_app_state, use_explore};

/// The controls over the map, found inside the map's panel.
const CONTROLS: [&str; 5] = [
    ".map-zoom",
    ".map-foot > .playback",
    ".map-foot > .legend",
    ".map-options-toggle",
    ".map-options",
];

/// The selection sheet, outside the map's panel (fixed over the page; below the map when
/// embedded, where it covers nothing of it).
const SHEET: &str = "[data-testid=\"selection-sheet\"]";

/// The rectangles (left, top, right, bottom in the map's px, whole px outward) the controls
/// inside `panel` and the selection sheet cover on `frame`; those off the map or not shown are
/// left out.
fn measure(panel: &web_sys::Element, frame: &web_sys::Element) -> Vec<[f64; 4]> {
    let f = frame.get_bounding_client_rect();
    let (w, h) = (f.width(), f.height());
    let sheet = document().query_selector(SHEET).ok().flatten();
    CONTROLS
        .iter()
        .filter_map(|selector| panel.query_selector(selector).ok().flatten())
        .chain(sheet)
        .filter_map(|el| {
            let r = el.get_bounding_client_rect();
            let b = [
                (r.left() - f.left()).floor().max(0.0),
                (r.top() - f.top()).floor().max(0.0),
                (r.right() - f.left()).ceil().min(w),
                (r.bottom() - f.top()).ceil().min(h),
            ];
            (b[2] > b[0] && b[3] > b[1]).then_some(b)
        })
        .collect()
}

/// Keeps `map.covered` in step with the controls inside `panel` over `frame`.
pub fn watch_covered(
    map: MapState,
    panel: NodeRef<leptos::html::Div>,
    frame: NodeRef<leptos::html::Div>,
) {
    let (app, explore) = (use_app_state(), use_explore());
    let watches: StoredValue<Vec<ResizeWatch>, LocalStorage> = StoredValue::new_local(Vec::new());
    let update = move || {
        let (Some(panel), Some(frame)) = (panel.get_untracked(), frame.get_untracked()) else {
            return;
        };
        let next = measure(&panel, &frame);
        if map.covered.try_with_untracked(|c| **c != next) == Some(true) {
            map.covered.set(Arc::new(next));
        }
    };
    // A bridge from the layout to the state: each control watched for its size, and the map's
    // size (the controls sit at its corners) tracked.
    Effect::new(move |_| {
        map.viewport.track();
        let Some(panel) = panel.get() else { return };
        if watches.with_value(Vec::is_empty) {
            let el: &web_sys::Element = panel.unchecked_ref();
            // The foot too: a side sheet opening narrows it and moves the legend without
            // resizing it.
            let found: Vec<ResizeWatch> = CONTROLS
                .iter()
                .chain(&[".map-foot"])
                .filter_map(|selector| el.query_selector(selector).ok().flatten())
                .filter_map(|control| ResizeWatch::new(&control, update))
                .collect();
            watches.set_value(found);
        }
        update();
    });
    // The sheet opens, closes, changes or grows (a phone's expanded sheet): measured once it is
    // laid out (a bridge from the choice to the state, through the page's layout).
    Effect::new(move |_| {
        app.query.profile.track();
        explore.selected_place.track();
        explore.selected_pair.track();
        app.layout.sheet_expanded.track();
        request_animation_frame(update);
    });
    // The foot sticks to the screen's bottom while the map's bottom is below it: a scroll
    // moves it over the map (a bridge from the page's scrolling to the state).
    let scrolling = window_event_listener(leptos::ev::scroll, move |_| update());
    on_cleanup(move || {
        scrolling.remove();
        _ = watches.try_update_value(std::mem::take);
    });
}
