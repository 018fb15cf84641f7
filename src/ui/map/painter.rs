//! The painter: keeps the canvas layers in step with the map state and draws frames.
//!
//! New geometry (data, selection, basemap) is drawn at once, so a filter change does not wait
//! a frame for its map; pan, zoom and hover draw once per animation frame however many events
//! arrive. Canvas objects are not thread-safe, so they live outside the reactive graph.

use std::fmt::Write;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use leptos::prelude::*;

use super::labels::{LabelCache, frame_labels};
use super::layers::{ArcLayer, BaseLayer, path};
use super::palette::Palette;
use super::render;
use crate::model::geo::basemap::inset_wanted;
use crate::model::show::labels::{LabelFrame, LabelPlan, PlacedLabel, label_width};
use crate::model::show::map::{choice_emphasis, layout_offset};
use crate::model::show::map_draw::{Frame, LABEL_FONT, LABEL_HALO};
use crate::ui::perf;
use crate::ui::state::{AppState, ExploreState, MapState};

/// The canvas resources of one map panel.
#[derive(Clone, Copy)]
struct Layers {
    base: StoredValue<Option<Arc<BaseLayer>>, LocalStorage>,
    arcs: StoredValue<Option<ArcLayer>, LocalStorage>,
    palette: StoredValue<Option<Palette>, LocalStorage>,
    painted_once: StoredValue<bool, LocalStorage>,
    /// Label widths as measured in the drawing font, by text: measuring every label of every
    /// frame took a good part of a pan or zoom frame.
    widths: StoredValue<FxHashMap<String, f64>, LocalStorage>,
    /// The labels' plan and the last frame's labels (see [`frame_labels`]).
    labels: StoredValue<Option<LabelCache>, LocalStorage>,
}

/// Measured label widths kept at most (names of both languages, clusters' "+N").
const WIDTHS_KEPT: usize = 20_000;

/// Draws the map of `map` on the canvas of `canvas` (inside `frame`, which gets the
/// `data-painted` and `data-basemap` attributes tests and the benchmark wait for).
pub fn paint(
    app: AppState,
    explore: ExploreState,
    map: MapState,
    canvas: NodeRef<leptos::html::Canvas>,
    frame: NodeRef<leptos::html::Div>,
) {
    let layers = Layers {
        base: StoredValue::new_local(None),
        arcs: StoredValue::new_local(None),
        palette: StoredValue::new_local(None),
        painted_once: StoredValue::new_local(false),
        widths: StoredValue::new_local(FxHashMap::default()),
        labels: StoredValue::new_local(None),
    };
    let frames = Frames::new(move || draw(app, explore, map, canvas, frame, layers));
    // Each effect bridges a memo to the canvas (outside the reactive graph).
    Effect::new(move |_| {
        let layer = map.projected.get().map(|p| Arc::new(BaseLayer::new(&p, path)));
        layers.base.set_value(layer);
        frames.draw_now();
    });
    Effect::new(move |_| {
        layers.arcs.set_value(Some(ArcLayer::new(&map.batches.get(), path)));
        frames.draw_now();
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
        frames.request();
    });
}

/// Frame scheduling: [`Frames::request`] draws at the next animation frame (once, however
/// often it is called before); [`Frames::draw_now`] draws at once and makes a pending frame
/// a no-op.
#[derive(Clone, Copy)]
struct Frames<F: Fn() + Copy + 'static> {
    draw: F,
    pending: StoredValue<bool, LocalStorage>,
    dirty: StoredValue<bool, LocalStorage>,
}

impl<F: Fn() + Copy + 'static> Frames<F> {
    fn new(draw: F) -> Frames<F> {
        Frames {
            draw,
            pending: StoredValue::new_local(false),
            dirty: StoredValue::new_local(false),
        }
    }

    fn draw_now(self) {
        self.dirty.set_value(false);
        (self.draw)();
    }

    fn request(self) {
        self.dirty.set_value(true);
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        request_animation_frame(move || {
            // The panel may have gone since (another tab, a new dataset).
            if self.pending.try_set_value(false).is_some() {
                return;
            }
            if self.dirty.try_get_value() == Some(true) {
                self.draw_now();
            }
        });
    }
}

fn draw(
    app: AppState,
    explore: ExploreState,
    map: MapState,
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
        return;
    }
    perf::mark("yc-draw-start");
    let dpr = window().device_pixel_ratio().max(1.0);
    let Some(ctx) = render::prepare(&canvas, viewport, dpr) else { return };
    if layers.palette.with_value(Option::is_none) {
        layers.palette.set_value(Some(Palette::read(&canvas)));
    }
    let projection = map.projection.get_untracked();
    let view = map.view.get_untracked();
    let scene = map.scene.get_untracked();
    let selected = map.selected_node.get_untracked();
    let locale = app.locale.get_untracked();
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
    let symbols = map.symbols.get_untracked();
    let layout = map.layout.get_untracked();
    let offset = layout_offset(&projection, &view, viewport);
    let labels = frame_labels(
        layers.labels,
        &layout,
        offset,
        viewport,
        selected,
        &map.covered.get_untracked(),
        locale,
        &|plan_for| {
            let label_frame = LabelFrame { zoom: view.zoom, viewport, selected, covered: &[] };
            explore.with_data(|d| {
                LabelPlan::new(d, &scene, &layout, &label_frame, locale, &measure, plan_for)
            })
        },
    );
    let (pair, country) =
        (explore.selected_pair.get_untracked(), explore.profile_country.get_untracked());
    let emphasis = explore.with_data(|d| choice_emphasis(d, &scene, selected, pair, country));
    let choropleth = map.choropleth.get_untracked();
    let base = layers.base.with_value(|b| b.clone());
    let profile = app.query.map_profile.get_untracked();
    let show_inset = inset_wanted(profile, &projection, &view, viewport);
    layers.palette.with_value(|palette| {
        let Some(palette) = palette else { return };
        layers.arcs.with_value(|arcs| {
            let frame = Frame {
                projection: &projection,
                view,
                viewport,
                base: base.as_deref(),
                arcs: arcs.as_ref(),
                scene: &scene,
                symbols: &symbols,
                emphasis: &emphasis,
                choropleth: choropleth.as_deref(),
                selected,
                hovered: map.hovered.get_untracked(),
                labels: &labels,
                inset: if show_inset { base.as_deref() } else { None },
            };
            render::draw(&ctx, dpr, palette, &frame);
        });
    });
    let complete = base.is_some();
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
