//! A chart's PNG and SVG exports, each carrying the title, the filters, the source and the
//! permalink (drawn below the chart, and as PNG text metadata).

use leptos::prelude::*;
use plotters::prelude::*;
use wasm_bindgen::JsCast;

use super::canvas::MeasuredCanvas;
use super::style::chart_style;
use crate::model::show::charts::{ChartSpec, draw, export_frame, png_text, to_svg};
use crate::ui::download::{download_bytes, download_canvas_png};
use crate::ui::state::{AppState, ExploreState, use_app_state, use_explore};

/// The export lines of a chart for the current filters and address.
fn frame(
    app: AppState,
    explore: ExploreState,
    spec: &ChartSpec,
) -> crate::model::show::charts::Frame {
    let locale = app.locale.get_untracked();
    let link = window().location().href().unwrap_or_default();
    app.query
        .filters
        .with_untracked(|f| explore.with_data(|d| export_frame(d, spec, f, &link, locale)))
}

/// Draws the chart at export size on a new canvas and offers it as a PNG.
fn export_png(app: AppState, explore: ExploreState, spec: &ChartSpec, source: &web_sys::Element) {
    let name = format!("youcheng-{}.png", spec.kind.as_str());
    let frame = frame(app, explore, spec);
    let canvas = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    let Some(canvas) = canvas else { return app.downloaded(&name, None) };
    let (w, h) = spec.kind.png_size();
    canvas.set_width(w);
    canvas.set_height(h);
    let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
        return app.downloaded(&name, None);
    };
    let root = backend.into_drawing_area();
    let drawn =
        draw(&root, spec, &chart_style(source, 2.0), &frame).is_ok() && root.present().is_ok();
    if !drawn {
        return app.downloaded(&name, None);
    }
    let text = png_text(&frame);
    let file = name.clone();
    download_canvas_png(&name, &canvas, text, move |outcome| app.downloaded(&file, outcome));
}

/// Offers the chart as an SVG at export size.
fn export_svg(app: AppState, explore: ExploreState, spec: &ChartSpec, source: &web_sys::Element) {
    let name = format!("youcheng-{}.svg", spec.kind.as_str());
    let svg =
        to_svg(spec, &chart_style(source, 1.0), &frame(app, explore, spec), spec.kind.svg_size());
    app.downloaded(&name, download_bytes(&name, "image/svg+xml", svg.as_bytes()));
}

/// The PNG and SVG buttons of a chart.
#[component]
pub fn ExportButtons(
    /// The chart.
    chart: Memo<ChartSpec>,
    /// Its canvas (its colours are the export's).
    canvas: NodeRef<leptos::html::Canvas>,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let run = move |f: fn(AppState, ExploreState, &ChartSpec, &web_sys::Element)| {
        if let Some(source) = canvas.get_untracked() {
            chart.with_untracked(|spec| f(state, explore, spec, &source));
        }
    };
    view! {
        <div class="button-row">
            <button type="button" class="button small" on:click=move |_| run(export_png) data-testid="export-png">
                {move || state.messages().export_png}
            </button>
            <button type="button" class="button small" on:click=move |_| run(export_svg) data-testid="export-svg">
                {move || state.messages().export_svg}
            </button>
        </div>
    }
}
