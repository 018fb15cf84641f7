//! "Download the map as SVG": the map as the visitor sees it (its view, selection, filters,
//! shading and language: the frame the canvas draws, through the same [`map_draw::draw`]),
//! drawn by the core's SVG backend into a standalone document with a title above and, below,
//! the filters in words, the data's source and licence, the basemap's attribution and the
//! link back. Colours are the default theme's (presentation attributes beside the classes),
//! no script, no style attribute, every text escaped.

use std::fmt::Write;

use crate::model::ask::filter::Filters;
use crate::model::format::dataset::Dataset;
use crate::model::geo::basemap::ProjectedBasemap;
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::i18n::{Locale, fill};
use crate::model::show::describe::filter_line;
use crate::model::show::first_view::{SvgDefs, inset_part, path_quantum, svg_base};
use crate::model::show::labels::{PlacedLabel, label_width};
use crate::model::show::map::{ArcBatch, Emphasis, Scene, Symbol};
use crate::model::show::map_draw::{self, ArcLayer, Choropleth, Frame, SvgCanvas, escape};

/// Everything of the map on screen a download draws.
pub struct MapView<'a> {
    /// The projection.
    pub projection: &'a Projection,
    /// The view.
    pub view: View,
    /// The map's size.
    pub viewport: Viewport,
    /// The basemap, projected.
    pub projected: &'a ProjectedBasemap,
    /// The flows' batches.
    pub batches: &'a [ArcBatch],
    /// The scene.
    pub scene: &'a Scene,
    /// The markers as drawn.
    pub symbols: &'a [Symbol],
    /// Each node's emphasis.
    pub emphasis: &'a [Emphasis],
    /// Choropleth counts, when shading.
    pub choropleth: Option<&'a Choropleth>,
    /// The selected node.
    pub selected: Option<usize>,
    /// The labels as placed on screen.
    pub labels: &'a [(PlacedLabel, String)],
    /// Whether the South China Sea inset is drawn.
    pub inset: bool,
}

/// Height of the title band above the map, px.
const HEAD: f64 = 30.0;
/// Font size and line height of the lines below the map, px.
const FOOT_FONT: f64 = 11.0;
const FOOT_LINE: f64 = 15.0;

/// The lines under a downloaded map: the filters in words, the data's title, version and
/// licence, the basemap's attribution, the link back.
pub fn export_lines(
    dataset: &Dataset,
    filters: &Filters,
    permalink: &str,
    locale: Locale,
) -> Vec<String> {
    let m = locale.messages();
    let meta = dataset.meta();
    let title = match locale {
        Locale::Zh => meta.title_zh.clone().unwrap_or(meta.title_en.clone()),
        Locale::En => meta.title_en.clone(),
    };
    vec![
        filter_line(dataset, filters, locale),
        fill(
            m.export_source,
            &[
                ("title", &title),
                ("version", &meta.version),
                ("licence", meta.licence.as_deref().unwrap_or("-")),
            ],
        ),
        m.basemap_attribution.to_owned(),
        fill(m.export_permalink, &[("url", permalink)]),
    ]
}

/// A line broken into lines at most `width` px wide (by the labels' width estimate scaled to
/// `font` px), at spaces where it has them, else between characters (Chinese).
pub fn wrap(text: &str, width: f64, font: f64) -> Vec<String> {
    let w = |t: &str| label_width(t) * font / 12.0;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for ch in text.chars() {
        line.push(ch);
        if w(&line) > width && line.chars().count() > 1 {
            // Back to the last space, if there is one worth breaking at.
            let cut = line.rfind(' ').filter(|i| *i > 0);
            let rest = match cut {
                Some(i) => {
                    let rest = line[i + 1..].to_owned();
                    line.truncate(i);
                    rest
                }
                None => line.pop().map(String::from).unwrap_or_default(),
            };
            lines.push(std::mem::take(&mut line));
            line = rest;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// The standalone SVG document of the map on screen, with `title` above and `lines` below.
pub fn map_svg_document(map: &MapView<'_>, title: &str, lines: &[String]) -> String {
    let Viewport { width, height } = map.viewport;
    let scale = map.view.scale(map.projection, map.viewport);
    let mut defs = SvgDefs::new("p", path_quantum(scale));
    let mut inset_defs = SvgDefs::new("i", path_quantum(scale * 8.0));
    let base = svg_base(map.projected, &mut defs);
    let inset_base =
        map.inset.then(|| svg_base(&inset_part(map.projected, map.projection), &mut inset_defs));
    let arcs = ArcLayer::new(map.batches, |d| defs.path(d));
    let frame = Frame {
        projection: map.projection,
        view: map.view,
        viewport: map.viewport,
        base: Some(&base),
        arcs: Some(&arcs),
        scene: map.scene,
        symbols: map.symbols,
        emphasis: map.emphasis,
        choropleth: map.choropleth,
        selected: map.selected,
        hovered: None,
        labels: map.labels,
        inset: inset_base.as_ref(),
    };
    // The map in a nested `<svg>`: clipped to the frame as the canvas is.
    let mut canvas = SvgCanvas::new("c");
    map_draw::draw(&mut canvas, &frame);
    let body = canvas.finish();
    let wrapped: Vec<String> =
        lines.iter().flat_map(|l| wrap(l, width - 16.0, FOOT_FONT)).collect();
    let total = HEAD + height + 8.0 + wrapped.len() as f64 * FOOT_LINE;
    let mut out = String::with_capacity(body.len() + 4096);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {total}\" width=\"{width}\" height=\"{total}\" stroke-linecap=\"round\" stroke-linejoin=\"round\" font-family=\"system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif\" font-size=\"12\"><title>{t}</title>{}{}<rect width=\"{width}\" height=\"{total}\" fill=\"#ffffff\"/><text x=\"8\" y=\"21\" font-size=\"16\" font-weight=\"600\" fill=\"#1b1f24\">{t}</text><svg class=\"yc-map\" x=\"0\" y=\"{HEAD}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" overflow=\"hidden\">{body}</svg><g class=\"yc-map-foot\" font-size=\"{FOOT_FONT}\" fill=\"#565e68\">",
        defs.finish(),
        inset_defs.finish(),
        t = escape(title),
    );
    for (i, line) in wrapped.iter().enumerate() {
        let y = HEAD + height + 4.0 + FOOT_LINE * (i as f64 + 1.0) - 3.0;
        let _ = write!(out, "<text x=\"8\" y=\"{y}\">{}</text>", escape(line));
    }
    out.push_str("</g></svg>");
    out
}
