//! When the map draws a frame. Pan, zoom and hover ask for the next animation frame
//! ([`Frames::request`]); new geometry (a filter, a selection, the basemap) is drawn at once
//! ([`Frames::now`]), so a filter change does not wait a frame for its map. A frame whose
//! inputs are those of the last frame drawn is not drawn again ([`FrameKey`]), so however many
//! of these ask, a change is drawn once.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::format::dataset::{CountryIdx, PairIdx};
use crate::model::geo::basemap::{MapProfile, ProjectedBasemap};
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::i18n::Locale;
use crate::model::show::map::{ArcBatch, Scene, Symbol};
use crate::model::show::map_draw::Choropleth;

/// Frame scheduling: `request` draws at the next animation frame (once, however often it is
/// called before), `now` at once.
#[derive(Clone, Copy)]
pub struct Frames<F: Fn() + Copy + 'static> {
    draw: F,
    pending: StoredValue<bool, LocalStorage>,
}

impl<F: Fn() + Copy + 'static> Frames<F> {
    pub fn new(draw: F) -> Frames<F> {
        Frames { draw, pending: StoredValue::new_local(false) }
    }

    /// Draws at once.
    pub fn now(self) {
        (self.draw)();
    }

    /// Draws at the next animation frame.
    pub fn request(self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        request_animation_frame(move || {
            if self.pending.try_set_value(false).is_some() {
                return;
            }
            (self.draw)();
        });
    }
}

/// Everything a frame is drawn from: shared geometry by identity (a memo's new value is a new
/// `Arc`), the rest by value. Holding the `Arc`s keeps an address from being reused by a
/// later value.
pub struct FrameKey {
    pub viewport: Viewport,
    pub dpr: f64,
    pub projection: Projection,
    pub view: View,
    pub scene: Arc<Scene>,
    pub layout: Arc<Vec<Symbol>>,
    pub symbols: Arc<Vec<Symbol>>,
    pub batches: Arc<Vec<ArcBatch>>,
    pub projected: Option<Arc<ProjectedBasemap>>,
    pub covered: Arc<Vec<[f64; 4]>>,
    pub choropleth: Option<Arc<Choropleth>>,
    pub selected: Option<usize>,
    pub pair: Option<PairIdx>,
    pub country: Option<CountryIdx>,
    pub hovered: Option<usize>,
    pub locale: Locale,
    pub profile: MapProfile,
}

fn same<T>(a: &Arc<T>, b: &Arc<T>) -> bool {
    Arc::ptr_eq(a, b)
}

fn same_opt<T>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

impl FrameKey {
    /// True when a frame drawn from `self` would be the frame drawn from `other`.
    pub fn draws_as(&self, other: &FrameKey) -> bool {
        self.viewport == other.viewport
            && self.dpr == other.dpr
            && self.projection == other.projection
            && self.view == other.view
            && same(&self.scene, &other.scene)
            && same(&self.layout, &other.layout)
            && same(&self.symbols, &other.symbols)
            && same(&self.batches, &other.batches)
            && same_opt(&self.projected, &other.projected)
            && same(&self.covered, &other.covered)
            && same_opt(&self.choropleth, &other.choropleth)
            && self.selected == other.selected
            && self.pair == other.pair
            && self.country == other.country
            && self.hovered == other.hovered
            && self.locale == other.locale
            && self.profile == other.profile
    }
}
