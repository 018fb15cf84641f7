//! What one map frame draws, written once against a small drawing interface ([`MapCanvas`]):
//! the basemap, the flows, the markers, the labels and the South China Sea inset. The browser
//! draws it on a canvas (`ui::map::render`, with the paths prepared once as `Path2d`), the
//! build draws it as SVG ([`SvgCanvas`], the page's static first view), so the two pictures
//! cannot drift apart. Colours are named by their role ([`Ink`]), never as CSS values: the
//! canvas reads them from the page's custom properties, the SVG names them by class (with the
//! default colour as a presentation attribute, so a file stands alone).

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::format::dataset::Kind;
use crate::model::geo::basemap::{ProjectedBasemap, SOUTH_CHINA_SEA_INSET};
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::show::labels::PlacedLabel;
use crate::model::show::map::{ArcBatch, Emphasis, Scene, Symbol, choropleth_class};

/// A colour by its role on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ink {
    /// The sea (the globe's outline filled).
    Sea,
    /// Land abroad.
    Land,
    /// The home country (and the islands of the official view).
    Home,
    /// Country borders.
    Border,
    /// Meridians and parallels.
    Graticule,
    /// Province borders.
    Province,
    /// The dashed line of the official view.
    Dash,
    /// A flow of one type, or of mixed types (`None`).
    Arc(Option<Kind>),
    /// A choropleth class, 1..=7.
    Class(u8),
    /// A marker in the home country.
    HomeMarker,
    /// A marker abroad.
    PartnerMarker,
    /// The ring around a marker.
    MarkerStroke,
    /// Label text and leader lines.
    Label,
    /// The halo around a label's letters.
    LabelHalo,
    /// The ring of the selected or focused marker.
    Focus,
}

impl Ink {
    /// The role's name and its colour when the page says none (the light theme), in one
    /// table so the two cannot drift apart.
    fn spec(self) -> (&'static str, &'static str) {
        match self {
            Ink::Sea => ("map-sea", "#dfe9f2"),
            Ink::Land => ("map-land", "#f4f1ea"),
            Ink::Home => ("map-home", "#f6dcd6"),
            Ink::Border => ("map-border", "#a9a29a"),
            Ink::Graticule => ("map-graticule", "#c9d6e3"),
            Ink::Province => ("map-province", "#c99d94"),
            Ink::Dash => ("map-dash", "#6b2a22"),
            Ink::Arc(Some(Kind::Sister)) => ("arc-sister", "#d55e00"),
            Ink::Arc(Some(Kind::Friendly)) => ("arc-friendly", "#0072b2"),
            Ink::Arc(Some(Kind::Intent)) => ("arc-intent", "#009e73"),
            Ink::Arc(Some(Kind::Unknown)) => ("arc-unknown", "#5b6b7d"),
            Ink::Arc(None) => ("arc-mixed", "#7b4f9d"),
            Ink::Class(c) => match c.clamp(1, 7) {
                1 => ("class-1", "#ffffcc"),
                2 => ("class-2", "#c7e9b4"),
                3 => ("class-3", "#7fcdbb"),
                4 => ("class-4", "#41b6c4"),
                5 => ("class-5", "#1d91c0"),
                6 => ("class-6", "#225ea8"),
                _ => ("class-7", "#0c2c84"),
            },
            Ink::HomeMarker => ("marker-home", "#b3261e"),
            Ink::PartnerMarker => ("marker-partner", "#1f4e79"),
            Ink::MarkerStroke => ("marker-stroke", "#ffffff"),
            Ink::Label => ("map-label", "#1b1f24"),
            Ink::LabelHalo => ("map-label-halo", "#ffffff"),
            Ink::Focus => ("focus", "#0b57d0"),
        }
    }

    /// The role's name: the CSS custom property is `--yc-{name}`, the SVG classes are
    /// `f-{name}` (fill) and `s-{name}` (stroke).
    pub fn name(self) -> &'static str {
        self.spec().0
    }

    /// The colour when the page says none (the light theme).
    pub fn default_colour(self) -> &'static str {
        self.spec().1
    }

    /// The role's place in [`Ink::ALL`] (a class out of 1..=7 counts as the nearest).
    pub fn index(self) -> usize {
        let ink = match self {
            Ink::Class(c) => Ink::Class(c.clamp(1, 7)),
            other => other,
        };
        Ink::ALL.iter().position(|i| *i == ink).unwrap_or(0)
    }

    /// Every role (the palette reads each once).
    pub const ALL: [Ink; 25] = [
        Ink::Sea,
        Ink::Land,
        Ink::Home,
        Ink::Border,
        Ink::Graticule,
        Ink::Province,
        Ink::Dash,
        Ink::Arc(Some(Kind::Sister)),
        Ink::Arc(Some(Kind::Friendly)),
        Ink::Arc(Some(Kind::Intent)),
        Ink::Arc(Some(Kind::Unknown)),
        Ink::Arc(None),
        Ink::Class(1),
        Ink::Class(2),
        Ink::Class(3),
        Ink::Class(4),
        Ink::Class(5),
        Ink::Class(6),
        Ink::Class(7),
        Ink::HomeMarker,
        Ink::PartnerMarker,
        Ink::MarkerStroke,
        Ink::Label,
        Ink::LabelHalo,
        Ink::Focus,
    ];
}

/// How a line is stroked. Widths and dashes are in the units of the current space; every
/// line has round caps and joins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub ink: Ink,
    /// Width.
    pub width: f64,
    /// Opacity, 0..=1.
    pub alpha: f64,
    /// Dash and gap lengths, or solid.
    pub dash: Option<[f64; 2]>,
}

impl Stroke {
    /// A solid, opaque stroke.
    pub fn solid(ink: Ink, width: f64) -> Stroke {
        Stroke { ink, width, alpha: 1.0, dash: None }
    }
}

/// The drawing interface a frame is drawn through. `Path` is a prepared path in map units
/// (the canvas's cached `Path2d`, the SVG's path data).
pub trait MapCanvas {
    /// A prepared path.
    type Path;
    /// From now on coordinates are map units: screen = `s` × map + (`e`, `f`).
    fn map_space(&mut self, s: f64, e: f64, f: f64);
    /// From now on coordinates are screen px.
    fn screen_space(&mut self);
    /// Fills a path.
    fn fill(&mut self, path: &Self::Path, ink: Ink);
    /// Strokes a path.
    fn stroke(&mut self, path: &Self::Path, stroke: &Stroke);
    /// A circle, filled (with an opacity) and/or stroked.
    fn circle(&mut self, at: [f64; 2], r: f64, fill: Option<(Ink, f64)>, stroke: Option<&Stroke>);
    /// A straight line.
    fn line(&mut self, from: [f64; 2], to: [f64; 2], stroke: &Stroke);
    /// A label: text with its top left at `at`, a halo stroked under the letters.
    fn text(&mut self, at: [f64; 2], text: &str, ink: Ink, halo: &Stroke);
    /// A rectangle (left, top, width, height), filled and/or stroked.
    fn rect(&mut self, rect: [f64; 4], fill: Option<Ink>, stroke: Option<&Stroke>);
    /// Starts clipping to a rectangle (until [`MapCanvas::end_clip`]).
    fn begin_clip(&mut self, rect: [f64; 4]);
    /// Ends the clip (and restores the space before it).
    fn end_clip(&mut self);
}

/// The basemap as prepared paths (`None`: a path the backend could not prepare, not drawn).
pub struct BaseLayer<P> {
    /// The globe's outline (the sea).
    pub outline: Option<P>,
    /// Meridians and parallels.
    pub graticule: Option<P>,
    /// Countries: key, home country, outline.
    pub countries: Vec<(String, bool, Option<P>)>,
    /// Chinese provinces: division code, outline.
    pub provinces: Vec<(String, Option<P>)>,
    /// The dashed line (China's official view).
    pub dashes: Option<P>,
    /// The South China Sea islands (China's official view).
    pub islands: Option<P>,
}

impl<P> BaseLayer<P> {
    /// Prepares the paths of a projected basemap.
    pub fn new(
        projected: &ProjectedBasemap,
        mut path: impl FnMut(&str) -> Option<P>,
    ) -> BaseLayer<P> {
        BaseLayer {
            outline: path(&projected.outline),
            graticule: path(&projected.graticule),
            countries: projected
                .countries
                .iter()
                .map(|(k, home, d)| (k.clone(), *home, path(d)))
                .collect(),
            provinces: projected.provinces.iter().map(|(k, d)| (k.clone(), path(d))).collect(),
            dashes: path(&projected.dashes),
            islands: path(&projected.islands),
        }
    }
}

/// One batch of flows: type, emphasis, width class, prepared path.
pub type ArcBatchPath<P> = (Option<Kind>, Emphasis, u8, Option<P>);

/// The flows' batches as prepared paths.
pub struct ArcLayer<P> {
    /// Type, emphasis, width class, path.
    pub batches: Vec<ArcBatchPath<P>>,
}

impl<P> ArcLayer<P> {
    /// Prepares the paths of the arc batches.
    pub fn new(batches: &[ArcBatch], mut path: impl FnMut(&str) -> Option<P>) -> ArcLayer<P> {
        ArcLayer {
            batches: batches
                .iter()
                .map(|b| (b.kind, b.emphasis, b.width_class, path(&b.path)))
                .collect(),
        }
    }
}

/// Partnerships per country ISO code and per province division code, when shading.
pub type Choropleth = (HashMap<String, u32>, HashMap<String, u32>);

/// Everything one frame draws.
pub struct Frame<'a, P> {
    /// The projection.
    pub projection: &'a Projection,
    /// The view.
    pub view: View,
    /// The map's size.
    pub viewport: Viewport,
    /// The basemap.
    pub base: Option<&'a BaseLayer<P>>,
    /// The flows.
    pub arcs: Option<&'a ArcLayer<P>>,
    /// Markers.
    pub scene: &'a Scene,
    /// The markers as drawn this frame (`frame_symbols`), in drawing order.
    pub symbols: &'a [Symbol],
    /// Each node's emphasis: a selection fades what it does not touch.
    pub emphasis: &'a [Emphasis],
    /// Choropleth counts, when shading.
    pub choropleth: Option<&'a Choropleth>,
    /// Selected node.
    pub selected: Option<usize>,
    /// Hovered or keyboard-focused node.
    pub hovered: Option<usize>,
    /// Labels to draw: position and text.
    pub labels: &'a [(PlacedLabel, String)],
    /// Draw the South China Sea inset (China view, zoomed on China).
    pub inset: Option<&'a BaseLayer<P>>,
}

/// The halo around a label's letters, in px on each side (its box includes it).
pub const LABEL_HALO: f64 = 1.5;

/// The font of map labels.
pub const LABEL_FONT: &str = "12px system-ui, -apple-system, \"Segoe UI\", \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif";

/// Which layers of a frame to draw (a frame is all of them, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    /// Basemap, flows and markers.
    pub map: bool,
    /// Labels (the only words of the map).
    pub labels: bool,
    /// The South China Sea inset, over everything.
    pub inset: bool,
}

impl Layers {
    /// Every layer.
    pub const ALL: Layers = Layers { map: true, labels: true, inset: true };
}

/// Draws one frame: the basemap and flows in map units, then markers, labels and the inset
/// in screen px.
pub fn draw<C: MapCanvas>(c: &mut C, frame: &Frame<'_, C::Path>) {
    draw_layers(c, frame, Layers::ALL);
}

/// Draws some layers of a frame, in the frame's order (the SVG of the page draws the map once
/// and the labels once per language).
pub fn draw_layers<C: MapCanvas>(c: &mut C, frame: &Frame<'_, C::Path>, layers: Layers) {
    let Frame { projection, view, viewport, .. } = frame;
    if layers.map {
        let s = view.scale(projection, *viewport);
        let e = viewport.width / 2.0 - view.cx * s;
        let f = viewport.height / 2.0 + view.cy * s;
        c.map_space(s, e, f);
        let px = 1.0 / s;
        if let Some(base) = frame.base {
            draw_base(c, base, frame.choropleth, px);
        }
        if let Some(arcs) = frame.arcs {
            draw_arcs(c, arcs, px);
        }
        c.screen_space();
        draw_markers(c, frame);
    }
    if layers.labels {
        c.screen_space();
        draw_labels(c, frame);
    }
    if let (true, Some(inset)) = (layers.inset, frame.inset) {
        c.screen_space();
        draw_inset(c, inset, frame);
    }
}

fn draw_base<C: MapCanvas>(
    c: &mut C,
    base: &BaseLayer<C::Path>,
    choropleth: Option<&Choropleth>,
    px: f64,
) {
    if let Some(p) = &base.outline {
        c.fill(p, Ink::Sea);
    }
    if let Some(p) = &base.graticule {
        c.stroke(p, &Stroke::solid(Ink::Graticule, 0.6 * px));
    }
    for (key, home, p) in &base.countries {
        let ink = match choropleth {
            Some((countries, _)) if !home => {
                match countries.get(key).copied().map(choropleth_class).unwrap_or(0) {
                    0 => Ink::Land,
                    class => Ink::Class(class),
                }
            }
            _ if *home => Ink::Home,
            _ => Ink::Land,
        };
        if let Some(p) = p {
            c.fill(p, ink);
        }
    }
    if let Some((_, provinces)) = choropleth {
        for (code, p) in &base.provinces {
            let class = provinces.get(code).copied().map(choropleth_class).filter(|c| *c > 0);
            if let (Some(class), Some(p)) = (class, p) {
                c.fill(p, Ink::Class(class));
            }
        }
    }
    let province = Stroke::solid(Ink::Province, 0.5 * px);
    for p in base.provinces.iter().filter_map(|(_, p)| p.as_ref()) {
        c.stroke(p, &province);
    }
    let border = Stroke::solid(Ink::Border, 0.6 * px);
    for p in base.countries.iter().filter_map(|(_, _, p)| p.as_ref()) {
        c.stroke(p, &border);
    }
    if let Some(p) = &base.dashes {
        c.fill(p, Ink::Dash);
        c.stroke(p, &Stroke::solid(Ink::Dash, 1.2 * px));
    }
    if let Some(p) = &base.islands {
        c.fill(p, Ink::Home);
        c.stroke(p, &Stroke::solid(Ink::Dash, 0.6 * px));
    }
}

/// A flow batch's stroke: width and strength by its width class (the number of pairs it
/// stands for), emphasis, and a pattern by type as well as a colour. Widths in px.
pub fn arc_stroke(kind: Option<Kind>, emphasis: Emphasis, width_class: u8) -> Stroke {
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
    let dash = match kind {
        Some(Kind::Intent) => Some([2.0, 3.0]),
        Some(Kind::Friendly) => Some([8.0, 3.0]),
        _ => None,
    };
    Stroke { ink: Ink::Arc(kind), width, alpha, dash }
}

fn draw_arcs<C: MapCanvas>(c: &mut C, arcs: &ArcLayer<C::Path>, px: f64) {
    // Dimmed first, then normal, then the selection on top.
    let mut order: Vec<&ArcBatchPath<C::Path>> = arcs.batches.iter().collect();
    order.sort_by_key(|b| match b.1 {
        Emphasis::Dimmed => 0,
        Emphasis::Normal => 1,
        Emphasis::Selected => 2,
    });
    for (kind, emphasis, width_class, p) in order {
        let Some(p) = p else { continue };
        let mut stroke = arc_stroke(*kind, *emphasis, *width_class);
        stroke.width *= px;
        stroke.dash = stroke.dash.map(|d| d.map(|v| v * px));
        c.stroke(p, &stroke);
    }
}

fn draw_markers<C: MapCanvas>(c: &mut C, frame: &Frame<'_, C::Path>) {
    let Frame { scene, symbols, .. } = frame;
    for s in symbols.iter() {
        let Some(node) = scene.nodes.get(s.node) else { continue };
        let ink = if node.home { Ink::HomeMarker } else { Ink::PartnerMarker };
        let dimmed = frame.emphasis.get(s.node) == Some(&Emphasis::Dimmed);
        let ring = Stroke {
            alpha: if dimmed { 0.3 } else { 1.0 },
            ..Stroke::solid(Ink::MarkerStroke, 1.0)
        };
        c.circle(s.at, s.radius, Some((ink, if dimmed { 0.25 } else { 0.9 })), Some(&ring));
    }
    for (index, width) in [(frame.selected, 3.0), (frame.hovered, 2.0)] {
        if let Some(s) = index.and_then(|i| symbols.iter().find(|s| s.node == i)) {
            c.circle(s.at, s.radius + 4.0, None, Some(&Stroke::solid(Ink::Focus, width)));
        }
    }
}

fn draw_labels<C: MapCanvas>(c: &mut C, frame: &Frame<'_, C::Path>) {
    let halo = Stroke::solid(Ink::LabelHalo, 2.0 * LABEL_HALO);
    for (label, text) in frame.labels {
        let [x, y] = label.top_left;
        if let Some([from, to]) = label.leader {
            c.line(from, to, &Stroke::solid(Ink::Label, 1.0));
        }
        c.text([x + LABEL_HALO, y + 1.0], text, Ink::Label, &halo);
    }
}

/// The inset's frame in screen px: left, top, width, height.
pub fn inset_box(viewport: Viewport) -> [f64; 4] {
    let w = (viewport.width * 0.18).clamp(70.0, 150.0);
    let h = w * 1.3;
    [viewport.width - w - 10.0, viewport.height - h - 10.0, w, h]
}

fn draw_inset<C: MapCanvas>(c: &mut C, inset: &BaseLayer<C::Path>, frame: &Frame<'_, C::Path>) {
    let [x, y, w, h] = inset_box(frame.viewport);
    let p = frame.projection;
    let [west, south, east, north] = SOUTH_CHINA_SEA_INSET;
    let a = p.forward(west, north);
    let b = p.forward(east, south);
    let (mx0, my0, mx1, my1) = (a[0].min(b[0]), a[1].min(b[1]), a[0].max(b[0]), a[1].max(b[1]));
    let s = (w / (mx1 - mx0)).min(h / (my1 - my0));
    c.rect([x, y, w, h], Some(Ink::Sea), None);
    c.begin_clip([x, y, w, h]);
    c.map_space(s, x - mx0 * s, y + my1 * s);
    draw_base(c, inset, None, 1.0 / s);
    c.end_clip();
    c.screen_space();
    c.rect([x, y, w, h], None, Some(&Stroke::solid(Ink::Border, 1.0)));
}

/// Draws a frame as SVG: a path is the id of a `<path>` defined once in the document's
/// `<defs>` (`first_view::SvgDefs`) and drawn by `<use>`; colours as classes (`f-map-sea`, `s-arc-sister`:
/// the page's stylesheet gives them its theme's colours) with the default colour beside as a
/// presentation attribute, no `style` attribute anywhere (strict CSP), text escaped.
#[derive(Debug, Default)]
pub struct SvgCanvas {
    out: String,
    /// Open `<g>` elements of the current space and clips.
    open_spaces: usize,
    clip_stack: Vec<usize>,
    clips: usize,
    /// Prefix of clip ids (several maps in one page).
    id_prefix: String,
}

/// A number written short: two decimals for screen px, four significant digits below 1 (line
/// widths in map units), no trailing zeros.
fn num(out: &mut String, v: f64) {
    let places = if v.abs() >= 1.0 || v == 0.0 {
        2
    } else {
        (3.0 - v.abs().log10().floor()).clamp(2.0, 10.0) as i32
    };
    let k = 10f64.powi(places);
    let r = (v * k).round() / k;
    let r = if r == 0.0 { 0.0 } else { r };
    let _ = write!(out, "{r}");
}

/// Text with `&`, `<`, `>`, `"` and `'` escaped (for text nodes and attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

impl SvgCanvas {
    /// An empty drawing; `id_prefix` keeps its clip ids apart from another drawing's.
    pub fn new(id_prefix: &str) -> SvgCanvas {
        SvgCanvas { id_prefix: id_prefix.to_owned(), ..SvgCanvas::default() }
    }

    /// The elements drawn, with every group closed.
    pub fn finish(mut self) -> String {
        self.close_space();
        while self.clip_stack.pop().is_some() {
            self.out.push_str("</g>");
        }
        self.out
    }

    /// Raw markup appended as is (the caller escapes it).
    pub fn push_raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    fn close_space(&mut self) {
        let floor = self.clip_stack.last().copied().unwrap_or(0);
        while self.open_spaces > floor {
            self.out.push_str("</g>");
            self.open_spaces -= 1;
        }
    }

    fn fill_attrs(&mut self, ink: Ink, alpha: f64) {
        let _ = write!(self.out, " class=\"f-{}\" fill=\"{}\"", ink.name(), ink.default_colour());
        if alpha < 1.0 {
            self.out.push_str(" fill-opacity=\"");
            num(&mut self.out, alpha);
            self.out.push('"');
        }
    }

    fn stroke_attrs(&mut self, stroke: &Stroke) {
        let _ = write!(self.out, " class=\"s-{}\"", stroke.ink.name());
        self.stroke_rest(stroke);
    }

    /// Fill and stroke attributes: one class attribute holding both classes.
    fn paint(&mut self, fill: Option<(Ink, f64)>, stroke: Option<&Stroke>) {
        match (fill, stroke) {
            (Some((ink, alpha)), Some(stroke)) => {
                let _ = write!(
                    self.out,
                    " class=\"f-{} s-{}\" fill=\"{}\"",
                    ink.name(),
                    stroke.ink.name(),
                    ink.default_colour()
                );
                if alpha < 1.0 {
                    self.out.push_str(" fill-opacity=\"");
                    num(&mut self.out, alpha);
                    self.out.push('"');
                }
                self.stroke_rest(stroke);
            }
            (Some((ink, alpha)), None) => self.fill_attrs(ink, alpha),
            (None, Some(stroke)) => {
                self.out.push_str(" fill=\"none\"");
                self.stroke_attrs(stroke);
            }
            (None, None) => self.out.push_str(" fill=\"none\""),
        }
    }

    fn stroke_rest(&mut self, stroke: &Stroke) {
        let _ = write!(self.out, " stroke=\"{}\" stroke-width=\"", stroke.ink.default_colour());
        num(&mut self.out, stroke.width);
        self.out.push('"');
        if stroke.alpha < 1.0 {
            self.out.push_str(" stroke-opacity=\"");
            num(&mut self.out, stroke.alpha);
            self.out.push('"');
        }
        if let Some([a, b]) = stroke.dash {
            self.out.push_str(" stroke-dasharray=\"");
            num(&mut self.out, a);
            self.out.push(' ');
            num(&mut self.out, b);
            self.out.push('"');
        }
    }
}

impl MapCanvas for SvgCanvas {
    type Path = String;

    fn map_space(&mut self, s: f64, e: f64, f: f64) {
        self.close_space();
        self.out.push_str("<g transform=\"matrix(");
        let precise = |out: &mut String, v: f64| {
            let _ = write!(out, "{}", (v * 1e6).round() / 1e6);
        };
        precise(&mut self.out, s);
        self.out.push_str(" 0 0 ");
        precise(&mut self.out, s);
        self.out.push(' ');
        precise(&mut self.out, e);
        self.out.push(' ');
        precise(&mut self.out, f);
        self.out.push_str(")\">");
        self.open_spaces += 1;
    }

    fn screen_space(&mut self) {
        self.close_space();
    }

    fn fill(&mut self, path: &String, ink: Ink) {
        self.out.push_str("<use href=\"#");
        self.out.push_str(&escape(path));
        self.out.push('"');
        self.fill_attrs(ink, 1.0);
        self.out.push_str("/>");
    }

    fn stroke(&mut self, path: &String, stroke: &Stroke) {
        self.out.push_str("<use href=\"#");
        self.out.push_str(&escape(path));
        self.out.push_str("\" fill=\"none\"");
        self.stroke_attrs(stroke);
        self.out.push_str("/>");
    }

    fn circle(&mut self, at: [f64; 2], r: f64, fill: Option<(Ink, f64)>, stroke: Option<&Stroke>) {
        self.out.push_str("<circle cx=\"");
        num(&mut self.out, at[0]);
        self.out.push_str("\" cy=\"");
        num(&mut self.out, at[1]);
        self.out.push_str("\" r=\"");
        num(&mut self.out, r);
        self.out.push('"');
        self.paint(fill, stroke);
        self.out.push_str("/>");
    }

    fn line(&mut self, from: [f64; 2], to: [f64; 2], stroke: &Stroke) {
        self.out.push_str("<line x1=\"");
        num(&mut self.out, from[0]);
        self.out.push_str("\" y1=\"");
        num(&mut self.out, from[1]);
        self.out.push_str("\" x2=\"");
        num(&mut self.out, to[0]);
        self.out.push_str("\" y2=\"");
        num(&mut self.out, to[1]);
        self.out.push('"');
        self.stroke_attrs(stroke);
        self.out.push_str("/>");
    }

    fn text(&mut self, at: [f64; 2], text: &str, ink: Ink, halo: &Stroke) {
        self.out.push_str("<text x=\"");
        num(&mut self.out, at[0]);
        self.out.push_str("\" y=\"");
        num(&mut self.out, at[1]);
        // The canvas draws from the top of the em box; paint-order puts the halo under.
        let _ = write!(
            self.out,
            "\" dominant-baseline=\"text-before-edge\" paint-order=\"stroke\" class=\"yc-map-label f-{} s-{}\" fill=\"{}\"",
            ink.name(),
            halo.ink.name(),
            ink.default_colour()
        );
        self.stroke_rest(halo);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</text>");
    }

    fn rect(&mut self, rect: [f64; 4], fill: Option<Ink>, stroke: Option<&Stroke>) {
        self.out.push_str("<rect x=\"");
        num(&mut self.out, rect[0]);
        self.out.push_str("\" y=\"");
        num(&mut self.out, rect[1]);
        self.out.push_str("\" width=\"");
        num(&mut self.out, rect[2]);
        self.out.push_str("\" height=\"");
        num(&mut self.out, rect[3]);
        self.out.push('"');
        self.paint(fill.map(|i| (i, 1.0)), stroke);
        self.out.push_str("/>");
    }

    fn begin_clip(&mut self, rect: [f64; 4]) {
        self.close_space();
        self.clips += 1;
        let id = format!("{}clip{}", escape(&self.id_prefix), self.clips);
        let _ = write!(self.out, "<clipPath id=\"{id}\"><rect x=\"");
        num(&mut self.out, rect[0]);
        self.out.push_str("\" y=\"");
        num(&mut self.out, rect[1]);
        self.out.push_str("\" width=\"");
        num(&mut self.out, rect[2]);
        self.out.push_str("\" height=\"");
        num(&mut self.out, rect[3]);
        let _ = write!(self.out, "\"/></clipPath><g clip-path=\"url(#{id})\">");
        self.clip_stack.push(self.open_spaces);
    }

    fn end_clip(&mut self) {
        self.close_space();
        if self.clip_stack.pop().is_some() {
            self.out.push_str("</g>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geo::projection::Centre;

    /// Records what a frame draws, in order.
    #[derive(Default)]
    struct Log(Vec<String>);

    impl MapCanvas for Log {
        type Path = &'static str;
        fn map_space(&mut self, s: f64, _: f64, _: f64) {
            self.0.push(format!("map {s:.3}"));
        }
        fn screen_space(&mut self) {
            self.0.push("screen".into());
        }
        fn fill(&mut self, p: &&'static str, ink: Ink) {
            self.0.push(format!("fill {p} {}", ink.name()));
        }
        fn stroke(&mut self, p: &&'static str, s: &Stroke) {
            self.0.push(format!("stroke {p} {} {:?}", s.ink.name(), s.dash.is_some()));
        }
        fn circle(&mut self, _: [f64; 2], r: f64, fill: Option<(Ink, f64)>, _: Option<&Stroke>) {
            self.0.push(format!("circle {r} {:?}", fill.map(|f| f.0.name())));
        }
        fn line(&mut self, _: [f64; 2], _: [f64; 2], _: &Stroke) {
            self.0.push("line".into());
        }
        fn text(&mut self, _: [f64; 2], text: &str, _: Ink, _: &Stroke) {
            self.0.push(format!("text {text}"));
        }
        fn rect(&mut self, _: [f64; 4], fill: Option<Ink>, _: Option<&Stroke>) {
            self.0.push(format!("rect {:?}", fill.map(Ink::name)));
        }
        fn begin_clip(&mut self, _: [f64; 4]) {
            self.0.push("clip".into());
        }
        fn end_clip(&mut self) {
            self.0.push("unclip".into());
        }
    }

    #[test]
    fn a_frame_draws_sea_land_borders_flows_markers_then_labels_with_flows_by_emphasis() {
        let projection = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 400.0, height: 300.0 };
        let view = View { cx: 0.0, cy: 0.0, zoom: 1.0 };
        let base = BaseLayer {
            outline: Some("sea"),
            graticule: Some("grid"),
            countries: vec![("CN".into(), true, Some("cn")), ("JP".into(), false, Some("jp"))],
            provinces: vec![("110000".into(), Some("bj"))],
            dashes: None,
            islands: None,
        };
        let arcs = ArcLayer {
            batches: vec![
                (Some(Kind::Sister), Emphasis::Selected, 0, Some("sel")),
                (Some(Kind::Friendly), Emphasis::Dimmed, 0, Some("dim")),
                (None, Emphasis::Normal, 4, Some("norm")),
            ],
        };
        let frame = Frame {
            projection: &projection,
            view,
            viewport,
            base: Some(&base),
            arcs: Some(&arcs),
            scene: &Scene::default(),
            symbols: &[],
            emphasis: &[],
            choropleth: None,
            selected: None,
            hovered: None,
            labels: &[(
                PlacedLabel { node: 0, top_left: [1.0, 1.0], size: [10.0, 15.0], leader: None },
                "Xi'an".into(),
            )],
            inset: None,
        };
        let mut log = Log::default();
        draw(&mut log, &frame);
        let s = view.scale(&projection, viewport);
        let want = [
            format!("map {s:.3}"),
            "fill sea map-sea".into(),
            "stroke grid map-graticule false".into(),
            "fill cn map-home".into(),
            "fill jp map-land".into(),
            "stroke bj map-province false".into(),
            "stroke cn map-border false".into(),
            "stroke jp map-border false".into(),
            // Dimmed first, the selection on top; friendly ties dashed.
            "stroke dim arc-friendly true".into(),
            "stroke norm arc-mixed false".into(),
            "stroke sel arc-sister false".into(),
            "screen".into(),
            "screen".into(),
            "text Xi'an".into(),
        ];
        assert_eq!(log.0, want);
        // Widths and strengths by class and emphasis, as the canvas always drew them.
        assert_eq!(arc_stroke(None, Emphasis::Normal, 4).width, 4.5);
        assert_eq!(arc_stroke(None, Emphasis::Selected, 1).width, 2.8);
        assert_eq!(arc_stroke(Some(Kind::Intent), Emphasis::Dimmed, 0).alpha, 0.07);
        assert_eq!(arc_stroke(Some(Kind::Intent), Emphasis::Dimmed, 0).dash, Some([2.0, 3.0]));
        // Only some layers: the labels alone.
        let mut labels = Log::default();
        draw_layers(&mut labels, &frame, Layers { map: false, labels: true, inset: false });
        assert_eq!(labels.0, ["screen", "text Xi'an"]);
    }

    #[test]
    fn every_ink_has_its_own_name_and_place() {
        for (i, ink) in Ink::ALL.iter().enumerate() {
            assert_eq!(ink.index(), i);
            assert!(ink.default_colour().starts_with('#'));
        }
        let names: std::collections::HashSet<&str> = Ink::ALL.iter().map(|i| i.name()).collect();
        assert_eq!(names.len(), Ink::ALL.len());
        assert_eq!(Ink::Class(0).index(), Ink::Class(1).index());
        assert_eq!(Ink::Class(9).index(), Ink::Class(7).index());
    }

    #[test]
    fn svg_text_and_ids_are_escaped_and_no_style_attribute_is_written() {
        let mut svg = SvgCanvas::new("x\"<");
        svg.text([1.0, 2.0], "A<B & \"C\" 'd'", Ink::Label, &Stroke::solid(Ink::LabelHalo, 3.0));
        svg.begin_clip([0.0, 0.0, 5.0, 5.0]);
        svg.map_space(2.0, 1.0, 1.0);
        svg.stroke(&"p1".to_owned(), &arc_stroke(Some(Kind::Friendly), Emphasis::Normal, 0));
        svg.end_clip();
        svg.circle(
            [1.0, 1.0],
            2.0,
            Some((Ink::HomeMarker, 0.9)),
            Some(&Stroke::solid(Ink::MarkerStroke, 1.0)),
        );
        let out = svg.finish();
        assert!(out.contains(">A&lt;B &amp; &quot;C&quot; &#39;d&#39;</text>"), "{out}");
        assert!(out.contains("id=\"x&quot;&lt;clip1\""), "{out}");
        assert!(out.contains("<use href=\"#p1\" fill=\"none\" class=\"s-arc-friendly\""), "{out}");
        assert!(out.contains("stroke-dasharray=\"8 3\""), "{out}");
        assert!(out.contains("class=\"f-marker-home s-marker-stroke\""), "{out}");
        assert!(!out.contains("style="), "{out}");
        // Every group opened is closed.
        assert_eq!(out.matches("<g").count(), out.matches("</g>").count(), "{out}");
    }
}
