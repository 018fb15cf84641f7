//! The canvas backend of the map's drawing (`model::show::map_draw`): what a frame draws is
//! decided in the core; here it becomes canvas calls. Pan and zoom only change the canvas
//! transform, so a frame redraws a few cached paths (see `layers`) and the markers and labels.
//! The context's style is set only when it changes (a frame strokes hundreds of borders in
//! one style).

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use super::palette::Palette;
use crate::model::geo::projection::Viewport;
use crate::model::show::map_draw::{self, Frame, Ink, LABEL_FONT, MapCanvas, Stroke};

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

/// Draws one frame on the canvas.
pub fn draw(
    ctx: &CanvasRenderingContext2d,
    dpr: f64,
    palette: &Palette,
    frame: &Frame<'_, Path2d>,
) {
    let _ = ctx.reset_transform();
    ctx.clear_rect(0.0, 0.0, frame.viewport.width * dpr, frame.viewport.height * dpr);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.set_font(LABEL_FONT);
    ctx.set_text_baseline("top");
    let mut canvas = CanvasMap { ctx, palette, dpr, style: Style::default() };
    map_draw::draw(&mut canvas, frame);
    ctx.set_global_alpha(1.0);
    let _ = ctx.set_line_dash(&js_sys::Array::new());
}

/// The context's style as last set (`None`: unknown, set it next time).
#[derive(Default)]
struct Style {
    fill: Option<Ink>,
    stroke: Option<Ink>,
    alpha: Option<f64>,
    width: Option<f64>,
    dash: Option<Option<[f64; 2]>>,
}

struct CanvasMap<'a> {
    ctx: &'a CanvasRenderingContext2d,
    palette: &'a Palette,
    dpr: f64,
    style: Style,
}

impl CanvasMap<'_> {
    fn fill_style(&mut self, ink: Ink, alpha: f64) {
        if self.style.fill != Some(ink) {
            self.ctx.set_fill_style_str(self.palette.colour(ink));
            self.style.fill = Some(ink);
        }
        self.alpha(alpha);
    }

    fn alpha(&mut self, alpha: f64) {
        if self.style.alpha != Some(alpha) {
            self.ctx.set_global_alpha(alpha);
            self.style.alpha = Some(alpha);
        }
    }

    fn stroke_style(&mut self, stroke: &Stroke) {
        if self.style.stroke != Some(stroke.ink) {
            self.ctx.set_stroke_style_str(self.palette.colour(stroke.ink));
            self.style.stroke = Some(stroke.ink);
        }
        if self.style.width != Some(stroke.width) {
            self.ctx.set_line_width(stroke.width);
            self.style.width = Some(stroke.width);
        }
        if self.style.dash != Some(stroke.dash) {
            let array = js_sys::Array::new();
            for d in stroke.dash.iter().flatten() {
                array.push(&(*d).into());
            }
            let _ = self.ctx.set_line_dash(&array);
            self.style.dash = Some(stroke.dash);
        }
        self.alpha(stroke.alpha);
    }
}

impl MapCanvas for CanvasMap<'_> {
    type Path = Path2d;

    fn map_space(&mut self, s: f64, e: f64, f: f64) {
        let d = self.dpr;
        let _ = self.ctx.set_transform(d * s, 0.0, 0.0, d * s, d * e, d * f);
    }

    fn screen_space(&mut self) {
        let d = self.dpr;
        let _ = self.ctx.set_transform(d, 0.0, 0.0, d, 0.0, 0.0);
    }

    fn fill(&mut self, path: &Path2d, ink: Ink) {
        self.fill_style(ink, 1.0);
        self.ctx.fill_with_path_2d(path);
    }

    fn stroke(&mut self, path: &Path2d, stroke: &Stroke) {
        self.stroke_style(stroke);
        self.ctx.stroke_with_path(path);
    }

    fn circle(&mut self, at: [f64; 2], r: f64, fill: Option<(Ink, f64)>, stroke: Option<&Stroke>) {
        self.ctx.begin_path();
        let _ = self.ctx.arc(at[0], at[1], r, 0.0, std::f64::consts::TAU);
        if let Some((ink, alpha)) = fill {
            self.fill_style(ink, alpha);
            self.ctx.fill();
        }
        if let Some(stroke) = stroke {
            self.stroke_style(stroke);
            self.ctx.stroke();
        }
    }

    fn line(&mut self, from: [f64; 2], to: [f64; 2], stroke: &Stroke) {
        self.ctx.begin_path();
        self.ctx.move_to(from[0], from[1]);
        self.ctx.line_to(to[0], to[1]);
        self.stroke_style(stroke);
        self.ctx.stroke();
    }

    fn text(&mut self, at: [f64; 2], text: &str, ink: Ink, halo: &Stroke) {
        self.stroke_style(halo);
        let _ = self.ctx.stroke_text(text, at[0], at[1]);
        self.fill_style(ink, 1.0);
        let _ = self.ctx.fill_text(text, at[0], at[1]);
    }

    fn rect(&mut self, rect: [f64; 4], fill: Option<Ink>, stroke: Option<&Stroke>) {
        let [x, y, w, h] = rect;
        if let Some(ink) = fill {
            self.fill_style(ink, 1.0);
            self.ctx.fill_rect(x, y, w, h);
        }
        if let Some(stroke) = stroke {
            self.stroke_style(stroke);
            self.ctx.stroke_rect(x, y, w, h);
        }
    }

    fn begin_clip(&mut self, rect: [f64; 4]) {
        let [x, y, w, h] = rect;
        self.ctx.save();
        self.ctx.begin_path();
        self.ctx.rect(x, y, w, h);
        self.ctx.clip();
    }

    fn end_clip(&mut self) {
        self.ctx.restore();
        // The restored style is the one before the clip: set it again when next needed.
        self.style = Style::default();
    }
}
