//! The map view and the address, both ways: a shared link or back/forward moves the map; a
//! pan or zoom is written into the address (`at=`) once the map has been still for 300 ms, as
//! an update of the current history entry.

use leptos::prelude::*;

use crate::model::ask::query::{at_describes, at_for_view};
use crate::model::geo::projection::View;
use crate::ui::state::{AppState, MapState};

/// How long the map must be still before its position is written into the address.
const WRITE_AFTER_MS: u64 = 300;

/// Keeps `map.view` and the address's `at` in step.
pub fn sync_view(app: AppState, map: MapState) {
    // The address changed (a link, back/forward, a story): the map follows, unless the
    // address only repeats what the map shows (a write of ours coming back).
    Effect::new(move |_| {
        let at = app.query.at.get();
        let projection = map.projection.get();
        // Without a position the map shows its first view, refitted when the places on show
        // or the map's size change.
        let home = map.home.get();
        let current = map.view.get_untracked();
        if !at_describes(at, &projection, &current, &home) {
            map.view.set(at.map(|a| a.view(&projection)).unwrap_or(home));
        }
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
}
