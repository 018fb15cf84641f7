//! Performance marks the benchmark reads (`make bench`, scripts/bench.mjs):
//!
//! - `yc-data-loaded`: the dataset is parsed and about to be shown;
//! - `yc-data-parse` (a measure): how long `format::load` took on the bundled dataset's text;
//! - `yc-first-map-paint`: the first complete map (basemap, arcs, markers);
//! - `yc-paint` (each map frame) and `yc-chart-paint` (each chart drawn);
//! - `yc-draw` (a measure): how long one map frame took to draw.
//!
//! Repeated marks replace the previous one, so the browser's buffer stays small however long
//! the page is used; the benchmark collects them as they happen with a PerformanceObserver.

use leptos::prelude::window;

/// Sets `name`, replacing an earlier mark of the same name.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}

/// Sets `name` once (the first time only).
pub fn mark_once(name: &str) {
    if let Some(performance) = window().performance()
        && performance.get_entries_by_name(name).length() == 0
    {
        let _ = performance.mark(name);
    }
}

/// Records the time since the mark `start` as the measure `name` (replacing the last one).
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = window().performance() {
        performance.clear_measures_with_measure_name(name);
        let _ = performance.measure_with_start_mark(name, start);
    }
}
