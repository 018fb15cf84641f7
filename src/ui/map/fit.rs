//! Fitting the map to what the user just chose (a place and its partners, a pair, a country's
//! ties): an eased move to the view that shows it beside or above the selection sheet; instant
//! when the user prefers reduced motion. A new gesture stops a move under way.

use leptos::prelude::*;

use crate::model::ask::query::ProfileRef;
use crate::model::geo::projection::{Insets, View};
use crate::model::show::map::{Focus, focus_points};
use crate::ui::state::layout::{SHEET_WIDTH_PX, prefers_reduced_motion, sheet_height_share};
use crate::ui::state::{AppState, ExploreState, MapState};

/// How long an eased move takes.
const MOVE_MS: f64 = 450.0;
/// Padding around the fitted points, in px.
const FIT_PADDING_PX: f64 = 36.0;
/// The closest a fit zooms in (a place with a near partner stays in its region).
const FIT_MAX_ZOOM: f64 = 10.0;
/// The gap between the sheet and the window's edge, in px (as in CSS).
const SHEET_MARGIN_PX: f64 = 12.0;

/// What the selection is, for the fit: a pair, else a place, else an open profile.
fn focus(app: AppState, explore: ExploreState) -> Option<Focus> {
    if let Some(pair) = explore.selected_pair.get_untracked() {
        return Some(Focus::Pair(pair));
    }
    if let Some(place) = explore.selected_place.get_untracked() {
        return Some(Focus::Place(place));
    }
    match app.query.profile.get_untracked()? {
        ProfileRef::Country(_) => explore.profile_country.get_untracked().map(Focus::Country),
        ProfileRef::Place(id) => explore.with_data(|d| d.place_by_id(&id)).map(Focus::Place),
    }
}

/// The part of the map the selection sheet covers (nothing when embedded: the sheet is then
/// below the map).
fn sheet_insets(app: AppState, frame: &web_sys::Element) -> Insets {
    if app.query.embed.get_untracked().is_some() {
        return Insets::default();
    }
    let rect = frame.get_bounding_client_rect();
    let (w, h) = (
        window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(rect.right()),
        window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(rect.bottom()),
    );
    if app.layout.narrow.get_untracked() {
        let sheet_top = h * (1.0 - sheet_height_share(h));
        Insets {
            bottom: (rect.bottom() - sheet_top).clamp(0.0, rect.height()),
            ..Insets::default()
        }
    } else {
        let sheet_left = w - SHEET_WIDTH_PX - SHEET_MARGIN_PX;
        Insets { right: (rect.right() - sheet_left).clamp(0.0, rect.width()), ..Insets::default() }
    }
}

/// The view that shows the selection beside the sheet, if something is selected.
fn fitted_view(
    app: AppState,
    explore: ExploreState,
    map: MapState,
    frame: &web_sys::Element,
) -> Option<View> {
    let focus = focus(app, explore)?;
    let shown = explore.shown.get_untracked();
    let points = explore.with_data(|d| focus_points(d, focus, &shown));
    let projection = map.projection.get_untracked();
    let points: Vec<[f64; 2]> =
        points.iter().map(|p| projection.forward(p.lon_deg(), p.lat_deg())).collect();
    let viewport = map.viewport.get_untracked();
    // Nothing chosen is fitted under the zoom buttons, the options, the legend or the playback.
    let insets = sheet_insets(app, frame).clear_of(viewport, &map.covered.get_untracked());
    View::fit_nearest(&projection, viewport, &points, insets, FIT_PADDING_PX, FIT_MAX_ZOOM)
}

/// Fits the map whenever the user chooses something (not on back/forward), and once at load
/// when the address names a selection but no map position (a shared link to a place).
pub fn fit_on_request(
    app: AppState,
    explore: ExploreState,
    map: MapState,
    frame: NodeRef<leptos::html::Div>,
) {
    // A bridge from a request to a timed move of the view.
    Effect::new(move |previous: Option<u32>| {
        let request = app.layout.fit_request.get();
        if previous.is_none() {
            return request;
        }
        if let Some(el) = frame.get_untracked()
            && let Some(target) = fitted_view(app, explore, map, &el)
        {
            ease_to(map, target);
        }
        request
    });
    // At load, once the map's size is known (a bridge from the layout to the view).
    let done = StoredValue::new_local(false);
    Effect::new(move |_| {
        if !map.measured.get() || done.get_value() {
            return;
        }
        done.set_value(true);
        if app.query.at.get_untracked().is_none()
            && let Some(el) = frame.get_untracked()
            && let Some(target) = fitted_view(app, explore, map, &el)
        {
            map.view.set(target);
        }
    });
}

/// Moves the view to `target` over [`MOVE_MS`] (ease-out), or at once.
fn ease_to(map: MapState, target: View) {
    let token = map.motion.get_value().wrapping_add(1);
    map.motion.set_value(token);
    if prefers_reduced_motion() {
        map.view.set(target);
        return;
    }
    let start = map.view.get_untracked();
    let began = now();
    step(map, start, target, began, token);
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

fn step(map: MapState, start: View, target: View, began: f64, token: u32) {
    request_animation_frame(move || {
        // Another move, a gesture, or the panel gone: stop.
        if map.motion.try_get_value() != Some(token) {
            return;
        }
        let t = ((now() - began) / MOVE_MS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        map.view.set(start.towards(target, eased));
        if t < 1.0 {
            step(map, start, target, began, token);
        }
    });
}
