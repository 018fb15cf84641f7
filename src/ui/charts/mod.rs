//! The charts tab: growth over time, top partner countries, continents, provinces and types,
//! drawn with plotters on canvas. Every chart follows the filters but its own: clicking a bar
//! sets the matching filter (clicking it again clears it) and the bar is highlighted among the
//! others while the rest of the app filters; each chart says what it counts, has a text
//! summary, a data table
//! with keyboard-operable filter buttons, and PNG and SVG exports with title, filters, source
//! and permalink.

mod canvas;
mod data_table;
mod export;
mod style;

use leptos::prelude::*;
use plotters::prelude::*;

use self::canvas::MeasuredCanvas;
use self::data_table::ChartData;
use self::export::ExportButtons;
use self::style::chart_style;
use super::dom::element_size;
use super::state::{use_app_state, use_explore};
use crate::model::ask::query::{ChartKind, EmbedPreset};
use crate::model::show::charts::{
    BarHit, ChartSpec, Frame, bar_at, chart_pairs, draw, spec, toggle_filter,
};

/// The charts tab (or, embedded with `embed=chart`, one chart; or the charts of a preset).
#[component]
pub fn ChartsPanel(
    /// Which charts; all of them (or the `chart=` one when embedded) by default.
    #[prop(optional)]
    kinds: Option<Vec<ChartKind>>,
) -> impl IntoView {
    let state = use_app_state();
    let single = state.query.embed.get_untracked() == Some(EmbedPreset::Chart);
    let kinds: Vec<ChartKind> = match kinds {
        Some(kinds) => kinds,
        None if single => vec![state.query.chart.get_untracked()],
        None => ChartKind::ALL.to_vec(),
    };
    view! {
        <div class="charts" data-testid="charts">
            {kinds.into_iter().map(|kind| view! { <ChartCard kind /> }).collect_view()}
        </div>
    }
}

/// Draws `spec` on `canvas` at `width` CSS px; returns where the bars went.
fn paint(canvas: &web_sys::HtmlCanvasElement, spec: &ChartSpec, width: f64) -> Vec<BarHit> {
    let dpr = window().device_pixel_ratio().max(1.0);
    canvas.set_width((width * dpr).round() as u32);
    canvas.set_height((spec.kind.screen_height() * dpr).round() as u32);
    let style = chart_style(canvas, dpr);
    let Some(backend) = MeasuredCanvas::new(canvas.clone()) else { return Vec::new() };
    let root = backend.into_drawing_area();
    let hits = match draw(&root, spec, &style, &Frame::default()) {
        Ok(hits) => {
            let _ = root.present();
            hits
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("chart {:?}: {e}", spec.kind).into());
            Vec::new()
        }
    };
    super::perf::mark("yc-chart-paint");
    hits
}

/// One chart with its tooltip, summary, data table and exports.
#[component]
fn ChartCard(
    /// Which chart.
    kind: ChartKind,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let size = element_size(wrap_ref);
    // The chart's own filter is left out of its bars (the chosen bar is highlighted among
    // the others); every other filter and the playback apply.
    let chart = Memo::new(move |_| {
        let (shown, locale, play) =
            (explore.shown.get(), state.locale.get(), state.query.play_year.get());
        state.query.filters.with(|f| {
            explore.with_data(|d| {
                let pairs = chart_pairs(d, kind, f, &shown, play);
                spec(kind, d, &pairs, f, play, locale)
            })
        })
    });
    let hits: StoredValue<Vec<BarHit>, LocalStorage> = StoredValue::new_local(Vec::new());
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    // Draws on the canvas (outside the reactive graph) when the chart or its width changes.
    Effect::new(move |_| {
        let (spec, width) = (chart.get(), size.get().map_or(600.0, |s| s.width));
        if let Some(canvas) = canvas_ref.get() {
            hits.set_value(paint(&canvas, &spec, width));
        }
    });
    let bar_under = move |ev: &web_sys::MouseEvent| -> Option<(usize, f64, f64)> {
        let canvas = canvas_ref.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        let dpr = window().device_pixel_ratio().max(1.0);
        let (x, y) = (ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top());
        let (px, py) = ((x * dpr).round() as i32, (y * dpr).round() as i32);
        hits.with_value(|h| bar_at(h, px, py)).map(|index| (index, x, y))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((index, _, _)) = bar_under(&ev) else { return };
        if let Some(key) = chart.with_untracked(|c| c.bars.get(index).map(|b| b.key.clone())) {
            state.navigate(move |u| u.filters = toggle_filter(&u.filters, &key));
        }
    };
    let tooltip = move || {
        let (index, x, y) = hover.get()?;
        let (label, value) =
            chart.with(|c| c.bars.get(index).map(|b| (b.label.clone(), b.value)))?;
        let value = state.locale.get().number(value as u64);
        Some(view! {
            <div class="chart-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{y:.0}px")>
                <strong>{label}</strong> ": " {value}
            </div>
        })
    };
    view! {
        <figure class="chart-card" data-testid=format!("chart-{}", kind.as_str())>
            <figcaption class="chart-head">
                <h2 class="chart-title">{move || chart.with(|c| c.title.clone())}</h2>
                <ExportButtons chart canvas=canvas_ref />
                <p class="muted chart-counting">{move || chart.with(|c| c.counting.clone())}</p>
            </figcaption>
            <div class="chart-canvas-wrap" node_ref=wrap_ref>
                <canvas
                    node_ref=canvas_ref
                    class="chart-canvas"
                    class:tall=kind.is_tall()
                    role="img"
                    aria-label=move || chart.with(|c| c.summary.clone())
                    on:pointermove=move |ev| hover.set(bar_under(&ev))
                    on:pointerleave=move |_| hover.set(None)
                    on:click=on_click
                ></canvas>
                {tooltip}
            </div>
            <p class="chart-summary" data-testid="chart-summary">{move || chart.with(|c| c.summary.clone())}</p>
            {move || chart.with(|c| c.note.clone()).map(|n| view! { <p class="muted chart-note">{n}</p> })}
            <ChartData chart />
        </figure>
    }
}
