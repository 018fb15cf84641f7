//! Drawing one map frame on a canvas. Pan and zoom only change the canvas transform, so a
//! frame redraws a few cached paths (see `layers`) and the markers and labels.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use super::layers::{ArcLayer, BaseLayer, fill, stroke};
use super::palette::Palette;
use crate::model::format::dataset::Kind;
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::show::labels::PlacedLabel;
use crate::model::show::map::{Emphasis, Scene, Symbol, choropleth_class};
use crate::ui::state::map::Choropleth;

/// Everything one frame needs.
pub struct Frame<'a> {
    /// The projection.
    pub projection: &'a Projection,
    /// The view.
    pub view: View,
    /// The element size.
    pub viewport: Viewport,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    /// The basemap.
    pub base: Option<&'a BaseLayer>,
    /// The arcs.
    pub arcs: Option<&'a ArcLayer>,
    /// Markers.
    pub scene: &'a Scene,
    /// The markers as drawn this frame (`frame_symbols`), in drawing order.
    pub symbols: &'a [Symbol],
    /// Each node's emphasis: a selection fades what it does not touch.
    pub emphasis: &'a [Emphasis],
    /// Choropleth counts by country ISO and province code, when shading.
    pub choropleth: Option<&'a Choropleth>,
    /// Selected node.
    pub selected: Option<usize>,
    /// Hovered or keyboard-focused node.
    pub hovered: Option<usize>,
    /// Labels to draw: node index, position and text.
    pub labels: &'a [(PlacedLabel, String)],
    /// Colours.
    pub palette: &'a Palette,
    /// Draw the South China Sea inset (China view, zoomed on China).
    pub inset: Option<&'a BaseLayer>,
}

/// Sets the canvas's pixel size for its CSS size and the device pixel ratio; returns the
/// 2D context.
pub fn prepare(
    canvas: &HtmlCanvasElement,
    viewport: Viewport,
    dpr: f64,
) -> Option<CanvasRenderingContext2d> {
    let (w, h) = ((viewport.width * dpr).round() as u32, (viewport.height * dpr).round() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    canvas.get_context("2d").ok().flatten()?.dyn_into::<CanvasRenderingContext2d>().ok()
}

/// Draws one frame.
pub fn draw(ctx: &CanvasRenderingContext2d, frame: &Frame<'_>) {
    let Frame { projection, view, viewport, dpr, palette, .. } = frame;
    let _ = ctx.reset_transform();
    ctx.clear_rect(0.0, 0.0, viewport.width * dpr, viewport.height * dpr);
    let s = view.scale(projection, *viewport);
    let e = viewport.width / 2.0 - view.cx * s;
    let f = viewport.height / 2.0 + view.cy * s;
    let _ = ctx.set_transform(dpr * s, 0.0, 0.0, dpr * s, dpr * e, dpr * f);
    let px = 1.0 / s;
    if let Some(base) = frame.base {
        draw_base(ctx, base, frame.choropleth, palette, px);
    }
    if let Some(arcs) = frame.arcs {
        draw_arcs(ctx, arcs, palette, px);
    }
    let _ = ctx.set_transform(*dpr, 0.0, 0.0, *dpr, 0.0, 0.0);
    draw_markers(ctx, frame);
    draw_labels(ctx, frame);
    if let Some(inset) = frame.inset {
        draw_inset(ctx, inset, frame);
    }
}

fn draw_base(
    ctx: &CanvasRenderingContext2d,
    base: &BaseLayer,
    choropleth: Option<&Choropleth>,
    palette: &Palette,
    px: f64,
) {
    ctx.set_fill_style_str(&palette.sea);
    fill(ctx, &base.outline);
    ctx.set_stroke_style_str(&palette.graticule);
    ctx.set_line_width(0.6 * px);
    stroke(ctx, &base.graticule);
    ctx.set_line_join("round");
    for (key, home, p) in &base.countries {
        let fill_colour = match choropleth {
            Some((countries, _)) if !home => {
                match countries.get(key).copied().map(choropleth_class).unwrap_or(0) {
                    0 => palette.land.as_str(),
                    class => palette.class(class),
                }
            }
            _ if *home => palette.home.as_str(),
            _ => palette.land.as_str(),
        };
        ctx.set_fill_style_str(fill_colour);
        fill(ctx, p);
    }
    if let Some((_, provinces)) = choropleth {
        for (code, p) in &base.provinces {
            if let Some(class) =
                provinces.get(code).copied().map(choropleth_class).filter(|c| *c > 0)
            {
                ctx.set_fill_style_str(palette.class(class));
                fill(ctx, p);
            }
        }
    }
    ctx.set_stroke_style_str(&palette.province);
    ctx.set_line_width(0.5 * px);
    for (_, p) in &base.provinces {
        stroke(ctx, p);
    }
    ctx.set_stroke_style_str(&palette.border);
    ctx.set_line_width(0.6 * px);
    for (_, _, p) in &base.countries {
        stroke(ctx, p);
    }
    ctx.set_fill_style_str(&palette.dash);
    fill(ctx, &base.dashes);
    ctx.set_stroke_style_str(&palette.dash);
    ctx.set_line_width(1.2 * px);
    stroke(ctx, &base.dashes);
    ctx.set_fill_style_str(&palette.home);
    fill(ctx, &base.islands);
    ctx.set_line_width(0.6 * px);
    stroke(ctx, &base.islands);
}

fn draw_arcs(ctx: &CanvasRenderingContext2d, arcs: &ArcLayer, palette: &Palette, px: f64) {
    let dash_array = |dashes: &[f64]| {
        let array = js_sys::Array::new();
        for d in dashes {
            array.push(&(d * px).into());
        }
        array
    };
    let solid = js_sys::Array::new();
    // Dimmed first, then normal, then the selection on top.
    let mut order: Vec<&(Option<Kind>, Emphasis, u8, Option<Path2d>)> =
        arcs.batches.iter().collect();
    order.sort_by_key(|b| match b.1 {
        Emphasis::Dimmed => 0,
        Emphasis::Normal => 1,
        Emphasis::Selected => 2,
    });
    ctx.set_line_cap("round");
    for (kind, emphasis, width_class, p) in order {
        // Width and strength by the number of pairs a flow stands for.
        let (base_width, strength) = match width_class {
            0 => (1.0, 0.35),
            1 => (1.4, 0.4),
            2 => (2.0, 0.5),
            3 => (3.0, 0.6),
            _ => (4.5, 0.75),
        };
        let (alpha, width) = match emphasis {
            Emphasis::Normal => (strength, base_width),
            Emphasis::Selected => (0.95, base_width * 2.0),
            Emphasis::Dimmed => (0.07, base_width),
        };
        ctx.set_global_alpha(alpha);
        ctx.set_stroke_style_str(palette.arc(*kind));
        ctx.set_line_width(width * px);
        // Types differ by pattern as well as colour.
        let dashes = match kind {
            Some(Kind::Intent) => dash_array(&[2.0, 3.0]),
            Some(Kind::Friendly) => dash_array(&[8.0, 3.0]),
            _ => solid.clone(),
        };
        let _ = ctx.set_line_dash(&dashes);
        stroke(ctx, p);
    }
    let _ = ctx.set_line_dash(&solid);
    ctx.set_global_alpha(1.0);
}

fn draw_markers(ctx: &CanvasRenderingContext2d, frame: &Frame<'_>) {
    let Frame { scene, symbols, palette, .. } = frame;
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str(&palette.marker_stroke);
    for s in symbols.iter() {
        let node = &scene.nodes[s.node];
        ctx.begin_path();
        let _ = ctx.arc(s.at[0], s.at[1], s.radius, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(if node.home {
            &palette.home_marker
        } else {
            &palette.partner_marker
        });
        let dimmed = frame.emphasis.get(s.node) == Some(&Emphasis::Dimmed);
        ctx.set_global_alpha(if dimmed { 0.25 } else { 0.9 });
        ctx.fill();
        ctx.set_global_alpha(if dimmed { 0.3 } else { 1.0 });
        ctx.stroke();
        ctx.set_global_alpha(1.0);
    }
    for (index, width) in [(frame.selected, 3.0), (frame.hovered, 2.0)] {
        if let Some(s) = index.and_then(|i| symbols.iter().find(|s| s.node == i)) {
            ctx.begin_path();
            let _ = ctx.arc(s.at[0], s.at[1], s.radius + 4.0, 0.0, std::f64::consts::TAU);
            ctx.set_line_width(width);
            ctx.set_stroke_style_str(&palette.focus);
            ctx.stroke();
        }
    }
}

/// The halo around a label's letters, in px on each side (its box includes it).
pub const LABEL_HALO: f64 = 1.5;

/// The font of map labels.
pub const LABEL_FONT: &str = "12px system-ui, -apple-system, \"Segoe UI\", \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif";

fn draw_labels(ctx: &CanvasRenderingContext2d, frame: &Frame<'_>) {
    ctx.set_font(LABEL_FONT);
    ctx.set_text_baseline("top");
    ctx.set_line_join("round");
    for (label, text) in frame.labels {
        let [x, y] = label.top_left;
        if let Some([from, to]) = label.leader {
            ctx.begin_path();
            ctx.move_to(from[0], from[1]);
            ctx.line_to(to[0], to[1]);
            ctx.set_line_width(1.0);
            ctx.set_stroke_style_str(&frame.palette.label);
            ctx.stroke();
        }
        ctx.set_line_width(2.0 * LABEL_HALO);
        ctx.set_stroke_style_str(&frame.palette.label_halo);
        let _ = ctx.stroke_text(text, x + LABEL_HALO, y + 1.0);
        ctx.set_fill_style_str(&frame.palette.label);
        let _ = ctx.fill_text(text, x + LABEL_HALO, y + 1.0);
    }
}

/// The inset's frame in screen px: right, bottom, width, height.
pub fn inset_box(viewport: Viewport) -> [f64; 4] {
    let w = (viewport.width * 0.18).clamp(70.0, 150.0);
    let h = w * 1.3;
    [viewport.width - w - 10.0, viewport.height - h - 10.0, w, h]
}

fn draw_inset(ctx: &CanvasRenderingContext2d, inset: &BaseLayer, frame: &Frame<'_>) {
    let [x, y, w, h] = inset_box(frame.viewport);
    let p = frame.projection;
    let [west, south, east, north] = crate::model::geo::basemap::SOUTH_CHINA_SEA_INSET;
    let a = p.forward(west, north);
    let b = p.forward(east, south);
    let (mx0, my0, mx1, my1) = (a[0].min(b[0]), a[1].min(b[1]), a[0].max(b[0]), a[1].max(b[1]));
    let s = (w / (mx1 - mx0)).min(h / (my1 - my0));
    ctx.save();
    ctx.set_fill_style_str(&frame.palette.sea);
    ctx.fill_rect(x, y, w, h);
    ctx.begin_path();
    ctx.rect(x, y, w, h);
    ctx.clip();
    let dpr = frame.dpr;
    let _ = ctx.set_transform(dpr * s, 0.0, 0.0, dpr * s, dpr * (x - mx0 * s), dpr * (y + my1 * s));
    draw_base(ctx, inset, None, frame.palette, 1.0 / s);
    ctx.restore();
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_stroke_style_str(&frame.palette.border);
    ctx.set_line_width(1.0);
    ctx.stroke_rect(x, y, w, h);
}
