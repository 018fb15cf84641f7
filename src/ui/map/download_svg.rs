//! "Download map (SVG)": the map as shown (view, selection, filters, shading, language) drawn
//! by the core's SVG backend (`show::map_export`, through the same `show::map_draw` as the
//! canvas) and offered as a file. The labels are placed by the core's chain for this frame
//! with widths measured in the drawing font, as the painter measures them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::geo::basemap::inset_wanted;
use crate::model::show::labels::{frame_labels, label_width};
use crate::model::show::map::choice_emphasis;
use crate::model::show::map_draw::{LABEL_FONT, LABEL_HALO};
use crate::model::show::map_export::{MapView, export_lines, map_svg_document};
use crate::ui::download::download_bytes;
use crate::ui::state::{AppState, ExploreState, MapState};

/// The file's name.
const NAME: &str = "youcheng-map.svg";

/// A 2D context in the labels' font, to measure them.
fn measuring_context() -> Option<web_sys::CanvasRenderingContext2d> {
    let canvas = document().create_element("canvas").ok()?;
    let canvas: web_sys::HtmlCanvasElement = canvas.dyn_into().ok()?;
    let ctx = canvas.get_context("2d").ok()??;
    let ctx: web_sys::CanvasRenderingContext2d = ctx.dyn_into().ok()?;
    ctx.set_font(LABEL_FONT);
    Some(ctx)
}

/// Offers the map as shown as an SVG file (the refusal reported as any download's).
pub fn download_map_svg(app: AppState, explore: ExploreState, map: MapState) {
    let svg = map_svg(app, explore, map);
    let outcome = svg.and_then(|svg| download_bytes(NAME, "image/svg+xml", svg.as_bytes()));
    app.downloaded(NAME, outcome);
}

/// The map as shown, as an SVG document; `None` before the basemap has arrived.
fn map_svg(app: AppState, explore: ExploreState, map: MapState) -> Option<String> {
    let projected = map.projected.get_untracked()?;
    let projection = map.projection.get_untracked();
    let view = map.view.get_untracked();
    let viewport = map.viewport.get_untracked();
    let scene = map.scene.get_untracked();
    let symbols = map.symbols.get_untracked();
    let batches = map.batches.get_untracked();
    let choropleth = map.choropleth.get_untracked();
    let selected = map.selected_node.get_untracked();
    let locale = app.locale.get_untracked();
    let ctx = measuring_context();
    let measure = |text: &str| match ctx.as_ref().and_then(|c| c.measure_text(text).ok()) {
        Some(m) => m.width() + 2.0 * LABEL_HALO,
        None => label_width(text),
    };
    let (pair, country) =
        (explore.selected_pair.get_untracked(), explore.profile_country.get_untracked());
    let covered = map.covered.get_untracked();
    let profile = app.query.map_profile.get_untracked();
    let link = window().location().href().unwrap_or_default();
    let title = document().title();
    explore.with_data(|d| {
        let emphasis = choice_emphasis(d, &scene, selected, pair, country);
        let labels = frame_labels(
            d,
            &scene,
            &projection,
            &view,
            viewport,
            selected,
            &covered,
            locale,
            &measure,
        );
        let lines = app.query.filters.with_untracked(|f| export_lines(d, f, &link, locale));
        let shown = MapView {
            projection: &projection,
            view,
            viewport,
            projected: &projected,
            batches: &batches,
            scene: &scene,
            symbols: &symbols,
            emphasis: &emphasis,
            choropleth: choropleth.as_deref(),
            selected,
            labels: &labels,
            inset: inset_wanted(profile, &projection, &view, viewport),
        };
        Some(map_svg_document(&shown, &title, &lines))
    })
}
