//! The map's geometry as canvas paths: built once per projection, filter or selection change
//! from the model's path strings; a frame then only strokes and fills them.

use web_sys::Path2d;

use crate::model::show::map_draw;

/// The basemap as canvas paths.
pub type BaseLayer = map_draw::BaseLayer<Path2d>;

/// Arc batches as canvas paths.
pub type ArcLayer = map_draw::ArcLayer<Path2d>;

/// A path, or `None` when the browser refuses it (nothing is drawn then).
pub fn path(d: &str) -> Option<Path2d> {
    Path2d::new_with_path_string(d).ok()
}
