//! Prepared arc paths kept by their path data from one arc layer to the next (`PathCache`).
//!
//! A backend prepares each batch's path data once (the canvas parses it into a `Path2d`: on a
//! phone the largest part of a zoom step that changes the flows). The flows of a zoom level
//! are the same whenever the map comes back to that level (a zoom out after a zoom in, a
//! reset), and a batch that did not change keeps its data, so a path is prepared again only
//! when its data is new. Paths not used by the last [`KEPT_LAYERS`] layers are let go, so the
//! cache stays as small as a few layers.

use std::collections::HashMap;

use crate::model::show::map::ArcBatch;
use crate::model::show::map_draw::ArcLayer;

/// How many layers a path is kept for after its last use (a few zoom levels back and forth).
pub const KEPT_LAYERS: u32 = 8;

/// Prepared paths by their path data, each with the layer that last used it.
pub struct PathCache<P> {
    paths: HashMap<String, (P, u32)>,
    layer: u32,
}

impl<P> Default for PathCache<P> {
    fn default() -> PathCache<P> {
        PathCache { paths: HashMap::new(), layer: 0 }
    }
}

impl<P: Clone> PathCache<P> {
    /// The arc layer of `batches`: a path whose data a recent layer had is reused, the others
    /// are prepared by `path` (`None`: the backend refused it; not kept, not drawn).
    pub fn arc_layer(
        &mut self,
        batches: &[ArcBatch],
        mut path: impl FnMut(&str) -> Option<P>,
    ) -> ArcLayer<P> {
        self.layer = self.layer.wrapping_add(1);
        let layer = self.layer;
        let paths = &mut self.paths;
        let out = ArcLayer::new(batches, |d| {
            if let Some((p, used)) = paths.get_mut(d) {
                *used = layer;
                return Some(p.clone());
            }
            let p = path(d)?;
            paths.insert(d.to_owned(), (p.clone(), layer));
            Some(p)
        });
        paths.retain(|_, (_, used)| layer.wrapping_sub(*used) < KEPT_LAYERS);
        out
    }

    /// How many prepared paths are kept.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// True when no path is kept.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::model::show::map::Emphasis;

    fn batch(path: &str) -> ArcBatch {
        ArcBatch {
            kind: None,
            emphasis: Emphasis::Normal,
            width_class: 0,
            path: path.to_owned(),
            count: 1,
        }
    }

    #[test]
    fn a_layer_seen_again_prepares_no_path() {
        let prepared = Cell::new(0);
        let prepare = |d: &str| {
            prepared.set(prepared.get() + 1);
            Some(d.len())
        };
        let mut cache = PathCache::default();
        let level_a = [batch("M0 0L1 1"), batch("M2 2L3 3")];
        let level_b = [batch("M0 0L1 1"), batch("M5 5L6 6"), batch("M7 7L8 8")];
        let a = cache.arc_layer(&level_a, prepare);
        assert_eq!(prepared.get(), 2);
        // The next level: only its new path is prepared.
        cache.arc_layer(&level_b, prepare);
        assert_eq!(prepared.get(), 4);
        // Back at the first level (a zoom out, a reset): nothing is prepared.
        let again = cache.arc_layer(&level_a, prepare);
        assert_eq!(prepared.get(), 4);
        let paths = |l: &ArcLayer<usize>| l.batches.iter().map(|b| b.3).collect::<Vec<_>>();
        assert_eq!(paths(&again), paths(&a));
    }

    #[test]
    fn paths_unused_for_the_kept_layers_are_let_go() {
        let mut cache = PathCache::default();
        cache.arc_layer(&[batch("M0 0L1 1")], |d| Some(d.len()));
        for i in 0..KEPT_LAYERS {
            cache.arc_layer(&[batch(&format!("M{i} 0L9 9"))], |d| Some(d.len()));
        }
        // The first layer's path is gone; the last KEPT_LAYERS layers' are kept.
        assert_eq!(cache.len(), KEPT_LAYERS as usize);
        let prepared = Cell::new(0);
        cache.arc_layer(&[batch("M0 0L1 1")], |d| {
            prepared.set(prepared.get() + 1);
            Some(d.len())
        });
        assert_eq!(prepared.get(), 1);
    }

    #[test]
    fn a_refused_path_is_not_kept() {
        let mut cache: PathCache<usize> = PathCache::default();
        let layer = cache.arc_layer(&[batch("bad")], |_| None);
        assert!(layer.batches[0].3.is_none());
        assert!(cache.is_empty());
    }
}
