//! The painter: keeps the canvas layers in step with the map state and draws frames.
//!
//! A frame pulls what it draws from the map state (the basemap's and the flows' canvas paths
//! are prepared again only when their memo changed; `PathCache` keeps the flows' paths of
//! recent zoom levels). When it is drawn is `frames`' business: new geometry within the task
//! that caused it, pan, zoom and hover once per animation frame, and a frame like the last
//! one not at all. Canvas objects are not thread-safe, so they live outside the reactive graph.

use std::fmt::Write;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use web_sys::Path2d;

use leptos::prelude::*;

use super::frames::{FrameKey, Frames};
use super::labels::{LabelCache, frame_labels};
use super::layers::{ArcLayer, BaseLayer, path};
use super::palette::Palette;
use super::render;
use super::view_sync::Follow;
use crate::model::geo::basemap::{ProjectedBasemap, inset_wanted};
use crate::model::show::labels::{LabelFrame, LabelPlan, PlacedLabel, label_width};
use crate::model::show::map::{ArcBatch, choice_emphasis, layout_offset};
use crate::model::show::map_draw::{Frame, LABEL_FONT, LABEL_HALO};
use crate::model::show::path_cache::PathCache;
use crate::ui::perf;
use crate::ui::state::{AppState, ExploreState, MapState};

/// Canvas paths with the state they were prepared from.
type Prepared<S, L> = StoredValue<Option<(Arc<S>, L)>, LocalStorage>;

/// The canvas resources of one map panel.
#[derive(Clone, Copy)]
struct Layers {
    /// The basemap's paths and the projected basemap they were prepared from.
    base: Prepared<ProjectedBasemap, Arc<BaseLayer>>,
    /// The flows' paths and the batches they were prepared from.
    arcs: Prepared<Vec<ArcBatch>, ArcLayer>,
    /// The flows' paths of recent layers, by path data.
    paths: StoredValue<PathCache<Path2d>, LocalStorage>,
    palette: StoredValue<Option<Palette>, LocalStorage>,
    painted_once: StoredValue<bool, LocalStorage>,
    /// Label widths as measured in the drawing font, by text: measuring every label of every
    /// frame took a good part of a pan or zoom frame.
    widths: StoredValue<FxHashMap<String, f64>, LocalStorage>,
    /// The labels' plan and the last frame's labels (see [`frame_labels`]).
    labels: StoredValue<Option<LabelCache>, LocalStorage>,
    /// What the last frame was drawn from (`None`: draw the next one whatever it shows).
    last: StoredValue<Option<FrameKey>, LocalStorage>,
}

/// Measured label widths kept at most (names of both languages, clusters' "+N").
const WIDTHS_KEPT: usize = 20_000;

/// Draws the map of `map` on the canvas of `canvas` (inside `frame`, which gets the
/// `data-painted` and `data-basemap` attributes tests and the benchmark wait for).
pub fn paint(
    app: AppState,
    explore: ExploreState,
    map: MapState,
    follow: Follow,
    canvas: NodeRef<leptos::html::Canvas>,
    frame: NodeRef<leptos::html::Div>,
) {
    let layers = Layers {
        base: StoredValue::new_local(None),
        arcs: StoredValue::new_local(None),
        paths: StoredValue::new_local(PathCache::default()),
        palette: StoredValue::new_local(None),
        painted_once: StoredValue::new_local(false),
        widths: StoredValue::new_local(FxHashMap::default()),
        labels: StoredValue::new_local(None),
        last: StoredValue::new_local(None),
    };
    let frames = Frames::new(move || draw(app, explore, map, follow, canvas, frame, layers));
    // Each effect bridges the state to the canvas (outside the reactive graph).
    // New geometry is drawn at once, so a filter change does not wait a frame for its map.
    Effect::new(move |_| {
        map.projected.track();
        map.batches.track();
        frames.now();
    });
    Effect::new(move |_| {
        map.visible.track();
        map.view.track();
        map.viewport.track();
        map.hovered.track();
        map.choropleth.track();
        map.covered.track();
        app.locale.track();
        frames.request();
    });
    // A theme change (host colours, dark mode) re-reads the palette.
    Effect::new(move |_| {
        app.query.styling.track();
        layers.palette.set_value(None);
        layers.last.set_value(None);
        frames.request();
    });
}

/// The canvas paths of `batches`, prepared again only when the batches changed.
fn arc_layer(layers: Layers, batches: &Arc<Vec<ArcBatch>>) {
    if layers.arcs.with_value(|a| a.as_ref().is_some_and(|(b, _)| Arc::ptr_eq(b, batches))) {
        return;
    }
    let layer = layers.paths.try_update_value(|c| c.arc_layer(batches, path));
    layers.arcs.set_value(layer.map(|l| (batches.clone(), l)));
}

/// The basemap's canvas paths, prepared again only when the projected basemap changed.
fn base_layer(layers: Layers, projected: Option<&Arc<ProjectedBasemap>>) -> Option<Arc<BaseLayer>> {
    let Some(projected) = projected else {
        layers.base.set_value(None);
        return None;
    };
    if let Some(base) = layers.base.with_value(|b| {
        b.as_ref().filter(|(p, _)| Arc::ptr_eq(p, projected)).map(|(_, l)| l.clone())
    }) {
        return Some(base);
    }
    let base = Arc::new(BaseLayer::new(projected, path));
    layers.base.set_value(Some((projected.clone(), base.clone())));
    Some(base)
}

fn draw(
    app: AppState,
    explore: ExploreState,
    map: MapState,
    follow: Follow,
    canvas: NodeRef<leptos::html::Canvas>,
    frame_el: NodeRef<leptos::html::Div>,
    layers: Layers,
) {
    // This may run after the panel has gone (a queued frame): read everything with try_.
    let Some(canvas) = canvas.try_get_untracked().flatten() else { return };
    let Some(viewport) = map.viewport.try_get_untracked() else { return };
    // Not drawn while another tab hides the map (it is redrawn when the tab comes back);
    // decided from the state, not the layout, so a frame never forces a layout.
    if !map.visible.try_get_untracked().unwrap_or(false) {
        layers.last.set_value(None);
        return;
    }
    // A change of the address or of the first view (a filter's refit) is drawn in this frame.
    follow.settle();
    let dpr = window().device_pixel_ratio().max(1.0);
    let key = FrameKey {
        viewport,
        dpr,
        projection: map.projection.get_untracked(),
        view: map.view.get_untracked(),
        scene: map.scene.get_untracked(),
        layout: map.layout.get_untracked(),
        symbols: map.symbols.get_untracked(),
        batches: map.batches.get_untracked(),
        projected: map.projected.get_untracked(),
        covered: map.covered.get_untracked(),
        choropleth: map.choropleth.get_untracked(),
        selected: map.selected_node.get_untracked(),
        pair: explore.selected_pair.get_untracked(),
        country: explore.profile_country.get_untracked(),
        hovered: map.hovered.get_untracked(),
        locale: app.locale.get_untracked(),
        profile: app.query.map_profile.get_untracked(),
    };
    if layers.last.with_value(|last| last.as_ref().is_some_and(|l| l.draws_as(&key))) {
        return;
    }
    perf::mark("yc-draw-start");
    let Some(ctx) = render::prepare(&canvas, viewport, dpr) else { return };
    if layers.palette.with_value(Option::is_none) {
        layers.palette.set_value(Some(Palette::read(&canvas)));
    }
    arc_layer(layers, &key.batches);
    let base = base_layer(layers, key.projected.as_ref());
    let (projection, view, selected, locale) = (key.projection, key.view, key.selected, key.locale);
    let scene = key.scene.clone();
    // Names are measured in the font they are drawn in (plus the halo on both sides).
    ctx.set_font(LABEL_FONT);
    let measure = |text: &str| {
        if let Some(w) = layers.widths.with_value(|w| w.get(text).copied()) {
            return w;
        }
        let width = match ctx.measure_text(text) {
            Ok(m) => m.width() + 2.0 * LABEL_HALO,
            Err(_) => return label_width(text),
        };
        layers.widths.update_value(|w| {
            if w.len() >= WIDTHS_KEPT {
                w.clear();
            }
            w.insert(text.to_owned(), width);
        });
        width
    };
    let (symbols, layout) = (key.symbols.clone(), key.layout.clone());
    let offset = layout_offset(&projection, &view, viewport);
    let labels = frame_labels(
        layers.labels,
        &layout,
        offset,
        viewport,
        selected,
        &key.covered,
        locale,
        &|plan_for| {
            let label_frame = LabelFrame { zoom: view.zoom, viewport, selected, covered: &[] };
            explore.with_data(|d| {
                LabelPlan::new(d, &scene, &layout, &label_frame, locale, &measure, plan_for)
            })
        },
    );
    let (pair, country) = (key.pair, key.country);
    let emphasis = explore.with_data(|d| choice_emphasis(d, &scene, selected, pair, country));
    let choropleth = key.choropleth.clone();
    let profile = key.profile;
    let show_inset = inset_wanted(profile, &projection, &view, viewport);
    layers.palette.with_value(|palette| {
        let Some(palette) = palette else { return };
        layers.arcs.with_value(|arcs| {
            let frame = Frame {
                projection: &projection,
                view,
                viewport,
                base: base.as_deref(),
                arcs: arcs.as_ref().map(|(_, layer)| layer),
                scene: &scene,
                symbols: &symbols,
                emphasis: &emphasis,
                choropleth: choropleth.as_deref(),
                selected,
                hovered: key.hovered,
                labels: &labels,
                inset: if show_inset { base.as_deref() } else { None },
            };
            render::draw(&ctx, dpr, palette, &frame);
        });
    });
    let complete = base.is_some();
    layers.last.set_value(Some(key));
    perf::mark("yc-paint");
    perf::measure_since("yc-draw", "yc-draw-start");
    if complete && !layers.painted_once.get_value() {
        layers.painted_once.set_value(true);
        perf::mark_once("yc-first-map-paint");
        crate::ui::first_view::take_over();
        // The sources' details are fetched once the page is idle after the first map.
        explore.sources.want_when_idle();
    }
    if let Some(el) = frame_el.get_untracked() {
        // A printed map keeps the drawn map's proportions (CSS reads this).
        let aspect = format!("{:.4}", viewport.width / viewport.height);
        let _ = web_sys::HtmlElement::style(&el).set_property("--yc-map-aspect", &aspect);
        let _ = el.set_attribute("data-painted", if complete { "full" } else { "partial" });
        // Which borders the painted frame shows (tests wait for a profile switch).
        let _ = el.set_attribute("data-basemap", if complete { profile.as_str() } else { "" });
        // The labels' boxes as drawn (tests check that none is under a control).
        let _ = el.set_attribute("data-labels", &label_boxes(&labels));
    }
}

/// The boxes of a frame's labels, "left,top,right,bottom" in whole px, separated by ";".
fn label_boxes(labels: &[(PlacedLabel, String)]) -> String {
    let mut out = String::with_capacity(labels.len() * 16);
    for (label, _) in labels {
        let [l, t, r, b] = label.bounds().map(|v| v.round() as i64);
        if !out.is_empty() {
            out.push(';');
        }
        let _ = write!(out, "{l},{t},{r},{b}");
    }
    out
}
