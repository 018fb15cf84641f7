//! The charts tab: growth over time, top partner countries, continents, provinces and types,
//! drawn with plotters on canvas. Every chart follows the filters; clicking a bar sets the
//! matching filter (clicking it again clears it); each chart has a text summary, a data table
//! with keyboard-operable filter buttons, and PNG and SVG exports with title, filters, source
//! and permalink.

use leptos::prelude::*;
use plotters::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::chart_canvas::MeasuredCanvas;
use super::download::{download_bytes, download_canvas_png};
use super::explorer::use_explore;
use super::state::use_app_state;
use crate::model::charts::{BarHit, ChartStyle, Frame, bar_at, draw, spec, to_svg, toggle_filter};
use crate::model::describe::filter_line;
use crate::model::i18n::fill;
use crate::model::query::ChartKind;

/// Parses `#rrggbb` (or `#rgb`) into a colour.
fn parse_colour(text: &str, fallback: RGBColor) -> RGBColor {
    let hex = text.trim().trim_start_matches('#');
    let expand: String =
        if hex.len() == 3 { hex.chars().flat_map(|c| [c, c]).collect() } else { hex.to_owned() };
    if expand.len() != 6 {
        return fallback;
    }
    let channel = |i: usize| u8::from_str_radix(&expand[i..i + 2], 16).ok();
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) => RGBColor(r, g, b),
        _ => fallback,
    }
}

/// Chart colours from the page's CSS custom properties.
fn chart_style(element: &web_sys::Element, scale: f64) -> ChartStyle {
    let defaults = ChartStyle::default();
    let computed = window().get_computed_style(element).ok().flatten();
    let get = |name: &str| {
        computed.as_ref().and_then(|s| s.get_property_value(name).ok()).unwrap_or_default()
    };
    ChartStyle {
        background: parse_colour(&get("--yc-chart-background"), defaults.background),
        text: parse_colour(&get("--yc-chart-text"), defaults.text),
        grid: parse_colour(&get("--yc-chart-grid"), defaults.grid),
        bar: parse_colour(&get("--yc-chart-bar"), defaults.bar),
        highlight: parse_colour(&get("--yc-chart-highlight"), defaults.highlight),
        line: parse_colour(&get("--yc-chart-line"), defaults.line),
        font: "sans-serif".to_owned(),
        scale,
    }
}

/// The charts tab (or, embedded with `embed=chart`, one chart; or the charts of a preset).
#[component]
pub fn ChartsPanel(
    /// Which charts; all of them (or the `chart=` one when embedded) by default.
    #[prop(optional)]
    kinds: Option<Vec<ChartKind>>,
) -> impl IntoView {
    let state = use_app_state();
    let single = state
        .url
        .with_untracked(|u| u.embed.is_some_and(|e| e == crate::model::query::EmbedPreset::Chart));
    let kinds: Vec<ChartKind> = match kinds {
        Some(kinds) => kinds,
        None if single => vec![state.url.with_untracked(|u| u.chart.unwrap_or_default())],
        None => ChartKind::ALL.to_vec(),
    };
    view! {
        <div class="charts" data-testid="charts">
            {kinds.into_iter().map(|kind| view! { <ChartCard kind /> }).collect_view()}
        </div>
    }
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
    let width = RwSignal::new(600.0f64);
    let chart = Memo::new(move |_| {
        let pairs = explore.shown.get();
        let filters = state.url.with(|u| u.filters.clone());
        let locale = state.locale.get();
        explore.with_data(|d| spec(kind, d, &pairs, &filters, locale))
    });
    let hits: StoredValue<Vec<BarHit>, LocalStorage> = StoredValue::new_local(Vec::new());
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let height =
        if matches!(kind, ChartKind::Countries | ChartKind::Provinces) { 420.0 } else { 300.0 };

    Effect::new(move |_| {
        let spec = chart.get();
        let css_width = width.get();
        let Some(canvas) = canvas_ref.get() else { return };
        let dpr = window().device_pixel_ratio().max(1.0);
        canvas.set_width((css_width * dpr).round() as u32);
        canvas.set_height((height * dpr).round() as u32);
        let style = chart_style(&canvas, dpr);
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else { return };
        let root = backend.into_drawing_area();
        match draw(&root, &spec, &style, &Frame::default()) {
            Ok(h) => {
                let _ = root.present();
                hits.set_value(h);
            }
            Err(e) => web_sys::console::warn_1(&format!("chart {kind:?}: {e}").into()),
        }
        super::perf::mark("yc-chart-paint");
    });

    // Follow the container's width.
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(parent) = canvas.parent_element() else { return };
        let measure = move || {
            let Some(canvas) = canvas_ref.try_get_untracked().flatten() else { return };
            let Some(parent) = canvas.parent_element() else { return };
            let w = parent.get_bounding_client_rect().width();
            if w >= 1.0 && width.try_get_untracked().is_some_and(|old| (old - w).abs() > 1.0) {
                width.set(w);
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&parent);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        callback.forget();
    });

    let bar_under = move |ev: &web_sys::MouseEvent| -> Option<(usize, f64, f64)> {
        let canvas = canvas_ref.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        let dpr = window().device_pixel_ratio().max(1.0);
        let (x, y) = (ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top());
        let index =
            hits.with_value(|h| bar_at(h, (x * dpr).round() as i32, (y * dpr).round() as i32))?;
        Some((index, x, y))
    };
    let on_move = move |ev: leptos::ev::PointerEvent| hover.set(bar_under(&ev));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((index, _, _)) = bar_under(&ev) else { return };
        let Some(key) = chart.with_untracked(|c| c.bars.get(index).map(|b| b.key.clone())) else {
            return;
        };
        state.navigate(move |u| u.filters = toggle_filter(&u.filters, &key));
    };
    let tooltip = move || {
        let (index, x, y) = hover.get()?;
        let locale = state.locale.get();
        let (label, value) =
            chart.with(|c| c.bars.get(index).map(|b| (b.label.clone(), b.value)))?;
        Some(view! {
            <div class="chart-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{y:.0}px")>
                <strong>{label}</strong>
                ": "
                {locale.number(value as u64)}
            </div>
        })
    };

    let export_frame = move || -> Frame {
        let locale = state.locale.get_untracked();
        let m = locale.messages();
        let filters = state.url.with_untracked(|u| u.filters.clone());
        let filter_text = explore.with_data(|d| filter_line(d, &filters, locale));
        let source = explore.with_data(|d| {
            let meta = d.meta();
            let title = match locale {
                crate::model::i18n::Locale::Zh => {
                    meta.title_zh.clone().unwrap_or(meta.title_en.clone())
                }
                crate::model::i18n::Locale::En => meta.title_en.clone(),
            };
            fill(
                m.export_source,
                &[
                    ("title", &title),
                    ("version", &meta.version),
                    ("licence", meta.licence.as_deref().unwrap_or("-")),
                ],
            )
        });
        let link = window().location().href().unwrap_or_default();
        let mut footer: Vec<String> =
            chart.with_untracked(|c| c.note.clone()).into_iter().collect();
        footer.extend([filter_text, source, fill(m.export_permalink, &[("url", &link)])]);
        Frame { header: vec![m.app_name.to_owned()], footer }
    };
    let file_base = move || format!("youcheng-{}", kind.as_str());
    let export_png = move |_| {
        let spec = chart.get_untracked();
        let frame = export_frame();
        let Some(document) = window().document() else { return };
        let Ok(canvas) = document.create_element("canvas") else { return };
        let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else { return };
        canvas.set_width(1600);
        canvas.set_height(if matches!(kind, ChartKind::Countries | ChartKind::Provinces) {
            1100
        } else {
            900
        });
        let Some(source) = canvas_ref.get_untracked() else { return };
        let style = chart_style(&source, 2.0);
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else { return };
        let root = backend.into_drawing_area();
        if draw(&root, &spec, &style, &frame).is_ok() {
            let _ = root.present();
            let mut text = vec![
                ("Title".to_owned(), format!("{} – {}", frame.header.join(" "), spec.title)),
                ("Software".to_owned(), "Youcheng 友城".to_owned()),
            ];
            // Footer lines: the note, the filters, the source, the permalink (last two always).
            let n = frame.footer.len();
            for (i, line) in frame.footer.iter().enumerate() {
                let key = match n - i {
                    1 => "URL",
                    2 => "Source",
                    _ => "Description",
                };
                text.push((key.to_owned(), line.clone()));
            }
            download_canvas_png(&format!("{}.png", file_base()), &canvas, text);
        }
    };
    let export_svg = move |_| {
        let spec = chart.get_untracked();
        let frame = export_frame();
        let Some(source) = canvas_ref.get_untracked() else { return };
        let style = chart_style(&source, 1.0);
        let size = if matches!(kind, ChartKind::Countries | ChartKind::Provinces) {
            (900, 620)
        } else {
            (900, 500)
        };
        let svg = to_svg(&spec, &style, &frame, size);
        let _ = download_bytes(&format!("{}.svg", file_base()), "image/svg+xml", svg.as_bytes());
    };

    let tall = height > 300.0;
    view! {
        <figure class="chart-card" data-testid=format!("chart-{}", kind.as_str())>
            <figcaption class="chart-head">
                <h2 class="chart-title">{move || chart.with(|c| c.title.clone())}</h2>
                <div class="button-row">
                    <button type="button" class="button small" on:click=export_png data-testid="export-png">
                        {move || state.messages().export_png}
                    </button>
                    <button type="button" class="button small" on:click=export_svg data-testid="export-svg">
                        {move || state.messages().export_svg}
                    </button>
                </div>
            </figcaption>
            <div class="chart-canvas-wrap">
                <canvas
                    node_ref=canvas_ref
                    class="chart-canvas"
                    class:tall=tall
                    role="img"
                    aria-label=move || chart.with(|c| c.summary.clone())
                    on:pointermove=on_move
                    on:pointerleave=move |_| hover.set(None)
                    on:click=on_click
                ></canvas>
                {tooltip}
            </div>
            <p class="chart-summary" data-testid="chart-summary">{move || chart.with(|c| c.summary.clone())}</p>
            {move || chart.with(|c| c.note.clone()).map(|n| view! { <p class="muted chart-note">{n}</p> })}
            <details class="chart-data">
                <summary>{move || state.messages().chart_data}</summary>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || chart.with(|c| c.category_label.clone())}</th>
                            <th scope="col">{move || chart.with(|c| c.value_label.clone())}</th>
                            <th scope="col">
                                <span class="visually-hidden">{move || state.messages().filter_action}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let locale = state.locale.get();
                            chart
                                .get()
                                .bars
                                .into_iter()
                                .filter(|b| b.value > 0 || b.highlighted)
                                .map(|bar| {
                                    let key = bar.key.clone();
                                    let pressed = bar.highlighted;
                                    let label = bar.label.clone();
                                    let others = key == crate::model::charts::BarKey::Others;
                                    view! {
                                        <tr>
                                            <th scope="row">{bar.label}</th>
                                            <td>{locale.number(bar.value as u64)}</td>
                                            <td>
                                                {(!others)
                                                    .then(|| {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="button small"
                                                                aria-pressed=pressed.to_string()
                                                                aria-label=fill(state.messages().filter_by, &[("value", &label)])
                                                                on:click=move |_| {
                                                                    let key = key.clone();
                                                                    state.navigate(move |u| u.filters = toggle_filter(&u.filters, &key))
                                                                }
                                                            >
                                                                {state.messages().filter_action}
                                                            </button>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
