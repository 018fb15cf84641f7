//! The map view and the address, both ways: a shared link or back/forward moves the map; a
//! pan or zoom is written into the address (`at=`) once the map has been still for 300 ms, as
//! an update of the current history entry.

use leptos::prelude::*;

use crate::model::ask::query::{MapAt, at_describes, at_for_view};
use crate::model::geo::projection::{Projection, View};
use crate::ui::state::{AppState, MapState};

/// How long the map must be still before its position is written into the address.
const WRITE_AFTER_MS: u64 = 300;

/// The view follows the address: when the address's position, the centring or the first
/// view (the places on show fitted) change, the view becomes what the address describes.
/// Settled by an effect, and by the painter before it draws new geometry, so a filter's
/// refit is drawn in the frame of the filter (not the old view first).
#[derive(Clone, Copy)]
pub struct Follow {
    app: AppState,
    map: MapState,
    /// The address's position, the projection and the first view last followed.
    seen: StoredValue<Option<(Option<MapAt>, Projection, View)>, LocalStorage>,
}

impl Follow {
    /// Moves the view to the address's, if the address or the first view changed since the
    /// last call (untracked: a pan in between is kept until the address changes).
    pub fn settle(self) {
        let (Some(at), Some(projection), Some(home)) = (
            self.app.query.at.try_get_untracked(),
            self.map.projection.try_get_untracked(),
            self.map.home.try_get_untracked(),
        ) else {
            return;
        };
        let now = Some((at, projection, home));
        if self.seen.try_with_value(|seen| *seen == now) != Some(false) {
            return;
        }
        self.seen.set_value(now);
        // Unless the address only repeats what the map shows (a write of ours coming back).
        let current = self.map.view.get_untracked();
        if !at_describes(at, &projection, &current, &home) {
            // Without a position the map shows its first view, refitted when the places on
            // show or the map's size change.
            self.map.view.set(at.map(|a| a.view(&projection)).unwrap_or(home));
        }
    }
}

/// Keeps `map.view` and the address's `at` in step; returns the rule the painter settles too.
pub fn sync_view(app: AppState, map: MapState) -> Follow {
    let follow = Follow { app, map, seen: StoredValue::new_local(None) };
    // The address changed (a link, back/forward, a story): the map follows.
    Effect::new(move |_| {
        app.query.at.track();
        map.projection.track();
        map.home.track();
        follow.settle();
    });
    // The map moved: write its position once it is still (a timer, outside the graph).
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<View>| {
        let view = map.view.get();
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        if previous.is_some_and(|p| p != view) {
            let write = move || {
                let Some(projection) = map.projection.try_get_untracked() else { return };
                let Some(home) = map.home.try_get_untracked() else { return };
                let at = at_for_view(&projection, &view, &home);
                if app.url.try_with_untracked(|u| u.at) != Some(at) {
                    app.replace(|u| u.at = at);
                }
            };
            let handle =
                set_timeout_with_handle(write, std::time::Duration::from_millis(WRITE_AFTER_MS));
            timer.set_value(handle.ok());
        }
        view
    });
    follow
}
