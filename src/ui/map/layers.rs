//! The map's geometry as canvas paths: built once per projection, filter or selection change
//! from the model's path strings; a frame then only strokes and fills them.

use web_sys::{CanvasRenderingContext2d, Path2d};

use crate::model::format::dataset::Kind;
use crate::model::geo::basemap::ProjectedBasemap;
use crate::model::show::map::{ArcBatch, Emphasis};

/// The basemap as canvas paths.
pub struct BaseLayer {
    /// The globe's outline (the sea).
    pub outline: Option<Path2d>,
    /// Meridians and parallels.
    pub graticule: Option<Path2d>,
    /// Countries: key, home country, outline.
    pub countries: Vec<(String, bool, Option<Path2d>)>,
    /// Chinese provinces: division code, outline.
    pub provinces: Vec<(String, Option<Path2d>)>,
    /// The dashed line (China's official view).
    pub dashes: Option<Path2d>,
    /// The South China Sea islands (China's official view).
    pub islands: Option<Path2d>,
}

/// A path, or `None` when the browser refuses it (nothing is drawn then).
pub fn path(d: &str) -> Option<Path2d> {
    Path2d::new_with_path_string(d).ok()
}

/// Fills a path if there is one.
pub fn fill(ctx: &CanvasRenderingContext2d, p: &Option<Path2d>) {
    if let Some(p) = p {
        ctx.fill_with_path_2d(p);
    }
}

/// Strokes a path if there is one.
pub fn stroke(ctx: &CanvasRenderingContext2d, p: &Option<Path2d>) {
    if let Some(p) = p {
        ctx.stroke_with_path(p);
    }
}

impl BaseLayer {
    /// Builds the canvas paths of a projected basemap.
    pub fn new(projected: &ProjectedBasemap) -> BaseLayer {
        BaseLayer {
            outline: path(&projected.outline),
            graticule: path(&projected.graticule),
            countries: projected
                .countries
                .iter()
                .map(|(k, home, d)| (k.clone(), *home, path(d)))
                .collect(),
            provinces: projected.provinces.iter().map(|(k, d)| (k.clone(), path(d))).collect(),
            dashes: path(&projected.dashes),
            islands: path(&projected.islands),
        }
    }
}

/// Arc batches as canvas paths.
pub struct ArcLayer {
    /// Type, emphasis, width class, path.
    pub batches: Vec<(Option<Kind>, Emphasis, u8, Option<Path2d>)>,
}

impl ArcLayer {
    /// Builds the canvas paths of the arc batches.
    pub fn new(batches: &[ArcBatch]) -> ArcLayer {
        ArcLayer {
            batches: batches
                .iter()
                .map(|b| (b.kind, b.emphasis, b.width_class, path(&b.path)))
                .collect(),
        }
    }
}
