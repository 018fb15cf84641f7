//! The default view's map, worked out natively as the browser's map state works it out (the
//! same calls in the same order as `ui::state::map`: filters → home view → grouping → scene →
//! markers at the zoom → flows → batches → labels), and drawn as SVG through
//! [`map_draw`]. The build writes it into the page, so a visitor sees the real
//! map before any wasm runs; the tests compare it with the scene.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::ask::filter::{Filters, apply};
use crate::model::format::dataset::{CountryIdx, Dataset};
use crate::model::geo::LonLat;
use crate::model::geo::basemap::{MapProfile, ProjectedBasemap, inset_wanted};
use crate::model::geo::projection::{Centre, Projection, View, Viewport};
use crate::model::i18n::Locale;
use crate::model::show::flows::{flow_batches, flows};
use crate::model::show::labels::{PlacedLabel, frame_labels};
use crate::model::show::map::{
    ArcBatch, ArcCache, Emphasis, Grouping, Scene, Symbol, build_scene, cluster_zoom,
    grouping_zoom, home_view, layout_at_zoom, layout_symbols, node_emphasis, place_symbols,
};
use crate::model::show::map_draw::{self, ArcLayer, BaseLayer, Frame, Layers, SvgCanvas};

/// One map size of the layout: its name (the CSS class), the map's drawing size, and what the
/// controls over the map cover in each language (left, top, right, bottom in the map's px:
/// the zoom buttons, the options button on a phone, the playback and the legend), measured in
/// Chromium on the release build (main at 57ac122), so the labels keep clear of them as the
/// live map's do.
pub struct MapSize {
    /// "phone" or "laptop".
    pub name: &'static str,
    /// The map's drawing size.
    pub viewport: Viewport,
    /// Covered rectangles in English.
    pub covered_en: &'static [[f64; 4]],
    /// Covered rectangles in Chinese.
    pub covered_zh: &'static [[f64; 4]],
}

/// The phone's (390 × 844) and the laptop's (1280 × 720) map.
pub const SIZES: [MapSize; 2] = [
    MapSize {
        name: "phone",
        viewport: Viewport { width: 372.0, height: 580.0 },
        covered_en: &[
            [7.0, 7.0, 197.0, 43.0],
            [7.0, 368.0, 365.0, 453.0],
            [7.0, 458.0, 365.0, 555.0],
            [255.0, 7.0, 365.0, 37.0],
        ],
        covered_zh: &[
            [7.0, 7.0, 148.0, 43.0],
            [7.0, 440.0, 365.0, 487.0],
            [7.0, 492.0, 365.0, 555.0],
            [285.0, 7.0, 365.0, 37.0],
        ],
    },
    MapSize {
        name: "laptop",
        viewport: Viewport { width: 934.0, height: 438.0 },
        covered_en: &[
            [7.0, 7.0, 197.0, 43.0],
            [7.0, 385.0, 443.0, 431.0],
            [467.0, 351.0, 927.0, 431.0],
        ],
        covered_zh: &[
            [7.0, 7.0, 148.0, 43.0],
            [7.0, 385.0, 428.0, 431.0],
            [467.0, 368.0, 927.0, 431.0],
        ],
    },
];

impl MapSize {
    /// The covered rectangles in a language.
    pub fn covered(&self, locale: Locale) -> &'static [[f64; 4]] {
        match locale {
            Locale::En => self.covered_en,
            Locale::Zh => self.covered_zh,
        }
    }
}

/// The default view's map at one size: what the live map draws for an address without
/// filters, selection or position.
#[derive(Debug)]
pub struct DefaultMap {
    /// The projection (the default centre).
    pub projection: Projection,
    /// The map's size.
    pub viewport: Viewport,
    /// The first view.
    pub view: View,
    /// Markers and links of every pair.
    pub scene: Scene,
    /// The markers as drawn.
    pub symbols: Vec<Symbol>,
    /// The flows, batched by style.
    pub batches: Vec<ArcBatch>,
    /// Each node's emphasis (nothing selected: all normal).
    pub emphasis: Vec<Emphasis>,
}

/// Works out the default view at a size (`anchors`: where each country's marker sits, from the
/// default basemap).
pub fn default_map(
    dataset: &Dataset,
    anchors: &HashMap<CountryIdx, LonLat>,
    viewport: Viewport,
) -> DefaultMap {
    let projection = Projection::new(Centre::default());
    let pairs = apply(dataset, &Filters::default()).pairs;
    let view = home_view(dataset, &pairs, &projection, viewport);
    let grouped = Grouping::Auto.groups(grouping_zoom(view.zoom, view.zoom), false);
    let scene = build_scene(dataset, &pairs, &projection, grouped, anchors);
    let layout = layout_symbols(&scene, &projection, cluster_zoom(view.zoom), viewport, None);
    let at_zoom = layout_at_zoom(&layout, &scene, &projection, view.zoom, viewport);
    let symbols = place_symbols(&at_zoom, &projection, &view, viewport);
    let joined = flows(&scene, &layout, None, None);
    let batches = flow_batches(&scene, &joined, &projection, &mut ArcCache::default());
    let emphasis = node_emphasis(&scene, None, None);
    DefaultMap { projection, viewport, view, scene, symbols, batches, emphasis }
}

impl DefaultMap {
    /// The labels in a language, kept clear of the controls over the map (`covered`), with
    /// widths from `width` (the build has no font: an estimate; the placement rules hold for
    /// the widths given).
    pub fn labels(
        &self,
        dataset: &Dataset,
        covered: &[[f64; 4]],
        locale: Locale,
        width: &dyn Fn(&str) -> f64,
    ) -> Vec<(PlacedLabel, String)> {
        // The live map's own chain (`frame_labels`: the zoom's label plan placed at the view),
        // so the static labels are the live ones for the same widths.
        frame_labels(
            dataset,
            &self.scene,
            &self.projection,
            &self.view,
            self.viewport,
            None,
            covered,
            locale,
            width,
        )
    }
}

/// Shared path data of SVG drawings: each distinct path written once in `<defs>` and drawn by
/// reference (a country is filled and stroked; two map sizes and the inset share the basemap),
/// its points on a grid of `quantum` map units (less than half a pixel at the largest scale
/// drawn: the picture is the same, the page a fraction of the size).
#[derive(Debug, Default)]
pub struct SvgDefs {
    ids: HashMap<String, String>,
    out: String,
    prefix: String,
    quantum: f64,
}

/// The grid step of a drawing's paths: the largest of a few round steps that is at most
/// 0.4 px at scale `scale` (px per map unit).
pub fn path_quantum(scale: f64) -> f64 {
    let limit = 0.4 / scale.max(1e-9);
    [2.0, 1.0, 0.5, 0.25, 0.2, 0.1, 0.05, 0.02, 0.01]
        .into_iter()
        .find(|q| *q <= limit)
        .unwrap_or(0.01)
}

/// Path data (`M x y L x y … Z`, absolute) rewritten with its points on a grid of `quantum`,
/// each line simplified within one grid step (Douglas–Peucker), as relative lines.
pub fn compact_path(d: &str, quantum: f64) -> String {
    // Subpaths: points in grid units and whether each is closed.
    let mut subpaths: Vec<(Vec<[i64; 2]>, bool)> = Vec::new();
    let mut numbers: Vec<f64> = Vec::new();
    let mut token = String::new();
    let grid = |v: f64| (v / quantum).round() as i64;
    let flush = |token: &mut String, numbers: &mut Vec<f64>, subpaths: &mut Vec<_>| {
        if let Ok(v) = token.parse::<f64>() {
            numbers.push(v);
        }
        token.clear();
        if let [x, y] = numbers[..] {
            let p = [grid(x), grid(y)];
            let sub: &mut Vec<(Vec<[i64; 2]>, bool)> = subpaths;
            if let Some((points, false)) = sub.last_mut()
                && points.last() != Some(&p)
            {
                points.push(p);
            }
            numbers.clear();
        }
    };
    for ch in d.chars() {
        match ch {
            'M' | 'm' => {
                flush(&mut token, &mut numbers, &mut subpaths);
                subpaths.push((Vec::new(), false));
            }
            'L' | 'l' | ' ' | ',' => flush(&mut token, &mut numbers, &mut subpaths),
            'Z' | 'z' => {
                flush(&mut token, &mut numbers, &mut subpaths);
                if let Some(last) = subpaths.last_mut() {
                    last.1 = true;
                }
            }
            '-' if !token.is_empty() && !token.ends_with(['e', 'E']) => {
                flush(&mut token, &mut numbers, &mut subpaths);
                token.push(ch);
            }
            c => token.push(c),
        }
    }
    flush(&mut token, &mut numbers, &mut subpaths);
    let mut out = String::with_capacity(d.len() / 4);
    let num = |out: &mut String, n: i64| {
        let v = ((n as f64 * quantum) * 1e4).round() / 1e4;
        if v >= 0.0 && !out.ends_with(['l', 'M', 'Z']) {
            out.push(' ');
        }
        let _ = write!(out, "{v}");
    };
    for (points, closed) in &subpaths {
        let kept = simplify(points, 2.5);
        let Some(first) = kept.first() else { continue };
        out.push('M');
        num(&mut out, first[0]);
        num(&mut out, first[1]);
        if kept.len() > 1 {
            out.push('l');
        }
        for w in kept.windows(2) {
            num(&mut out, w[1][0] - w[0][0]);
            num(&mut out, w[1][1] - w[0][1]);
        }
        if *closed {
            out.push('Z');
        }
    }
    out
}

/// Douglas–Peucker: the points of a line kept within `tolerance` (grid units) of it.
fn simplify(points: &[[i64; 2]], tolerance: f64) -> Vec<[i64; 2]> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let ([ax, ay], [bx, by]) = (points[a].map(|v| v as f64), points[b].map(|v| v as f64));
        let (dx, dy) = (bx - ax, by - ay);
        let len = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, a);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let [px, py] = p.map(|v| v as f64);
            let dist = if len == 0.0 {
                ((px - ax).powi(2) + (py - ay).powi(2)).sqrt()
            } else {
                ((px - ax) * dy - (py - ay) * dx).abs() / len
            };
            if dist > far.0 {
                far = (dist, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

impl SvgDefs {
    /// Empty; ids start with `prefix`, points on a grid of `quantum` map units (see
    /// [`path_quantum`]).
    pub fn new(prefix: &str, quantum: f64) -> SvgDefs {
        SvgDefs { prefix: prefix.to_owned(), quantum, ..SvgDefs::default() }
    }

    /// The reference of a path (`#id`), adding it when new; `None` for an empty path.
    pub fn path(&mut self, d: &str) -> Option<String> {
        if d.trim().is_empty() {
            return None;
        }
        if let Some(id) = self.ids.get(d) {
            return Some(id.clone());
        }
        let id = format!("{}{}", self.prefix, self.ids.len());
        let compact = compact_path(d, self.quantum);
        let _ = write!(self.out, "<path id=\"{id}\" d=\"{}\"/>", map_draw::escape(&compact));
        self.ids.insert(d.to_owned(), id.clone());
        Some(id)
    }

    /// The `<defs>` element.
    pub fn finish(self) -> String {
        format!("<defs>{}</defs>", self.out)
    }
}

/// The SVG elements of the default view's map at one size, with the basemap `base` (and the
/// inset's, `inset_base`) prepared against `defs`: what the live map draws, through the same
/// [`map_draw::draw_layers`]: the map once, then the labels of each language in a group of
/// class `yc-en` / `yc-zh` (the page shows one), then the inset.
pub fn map_svg(
    map: &DefaultMap,
    base: &BaseLayer<String>,
    inset_base: &BaseLayer<String>,
    defs: &mut SvgDefs,
    profile: MapProfile,
    labels: &[(&str, Vec<(PlacedLabel, String)>)],
    id_prefix: &str,
) -> String {
    let arcs = ArcLayer::new(&map.batches, |d| defs.path(d));
    let inset = inset_wanted(profile, &map.projection, &map.view, map.viewport);
    let frame = |labels| Frame {
        projection: &map.projection,
        view: map.view,
        viewport: map.viewport,
        base: Some(base),
        arcs: Some(&arcs),
        scene: &map.scene,
        symbols: &map.symbols,
        emphasis: &map.emphasis,
        choropleth: None,
        selected: None,
        hovered: None,
        labels,
        inset: inset.then_some(inset_base),
    };
    let mut svg = SvgCanvas::new(id_prefix);
    let only = |map, labels, inset| Layers { map, labels, inset };
    map_draw::draw_layers(&mut svg, &frame(&[]), only(true, false, false));
    for (class, placed) in labels {
        svg.push_raw(&format!("<g class=\"{}\">", map_draw::escape(class)));
        map_draw::draw_layers(&mut svg, &frame(placed), only(false, true, false));
        svg.push_raw("</g>");
    }
    map_draw::draw_layers(&mut svg, &frame(&[]), only(false, false, true));
    svg.finish()
}

/// The part of a projected basemap the South China Sea inset shows: the paths with a point
/// in its box (map units), the rest left out (the inset clips them away anyway).
pub fn inset_part(projected: &ProjectedBasemap, projection: &Projection) -> ProjectedBasemap {
    let [west, south, east, north] = crate::model::geo::basemap::SOUTH_CHINA_SEA_INSET;
    let a = projection.forward(west - 5.0, north + 5.0);
    let b = projection.forward(east + 5.0, south - 5.0);
    let (x0, y0, x1, y1) = (a[0].min(b[0]), a[1].min(b[1]), a[0].max(b[0]), a[1].max(b[1]));
    // Path data is y down (the projection's y negated).
    let inside = |d: &str| {
        let numbers: Vec<f64> = d
            .split(|c: char| c.is_ascii_alphabetic() || c == ' ' || c == ',')
            .filter_map(|t| t.parse().ok())
            .collect();
        numbers.chunks_exact(2).any(|p| p[0] >= x0 && p[0] <= x1 && -p[1] >= y0 && -p[1] <= y1)
    };
    let keep = |d: &String| if inside(d) { d.clone() } else { String::new() };
    ProjectedBasemap {
        countries: projected.countries.iter().map(|(k, h, d)| (k.clone(), *h, keep(d))).collect(),
        provinces: projected.provinces.iter().map(|(k, d)| (k.clone(), keep(d))).collect(),
        dashes: keep(&projected.dashes),
        islands: keep(&projected.islands),
        graticule: keep(&projected.graticule),
        outline: keep(&projected.outline),
    }
}

/// The basemap's paths for SVG drawings sharing `defs`.
pub fn svg_base(projected: &ProjectedBasemap, defs: &mut SvgDefs) -> BaseLayer<String> {
    BaseLayer::new(projected, |d| defs.path(d))
}

/// A standalone SVG document of a drawing (its `<defs>` and elements) at a size.
pub fn svg_document(viewport: Viewport, defs: &str, body: &str, title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>{}</title>{defs}{body}</svg>",
        viewport.width,
        viewport.height,
        viewport.width,
        viewport.height,
        map_draw::escape(title)
    );
    out
}

/// The circles of a drawing, as (cx, cy, r) in px: what the tests compare with the scene.
pub fn svg_circles(svg: &str) -> Vec<[f64; 3]> {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = &tag[start..];
        rest[..rest.find('"')?].parse().ok()
    };
    svg.split("<circle")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find("/>")?];
            Some([attr(tag, "cx")?, attr(tag, "cy")?, attr(tag, "r")?])
        })
        .collect()
}

/// The default view's headline in one language, in the words and pieces the app's headline
/// shows (`ui::headline`), worked out by the same functions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeadlineWords {
    /// What the figures are about ("China").
    pub scope: String,
    /// The colon after it.
    pub colon: String,
    /// The figures ("3,316 pairs with 140 countries").
    pub figures: String,
    /// What they count ("Counting: all kinds; all years").
    pub counting: String,
    /// The details after it (places, undated pairs).
    pub details: String,
    /// The official figure matching the view, when there is one.
    pub reported: Option<ReportedWords>,
}

/// The official figure's line of the headline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportedWords {
    /// "Officially reported: ".
    pub label: String,
    /// The figure ("3,054 pairs").
    pub figure: String,
    /// Its date in words.
    pub date: String,
    /// The source's title as cited (empty when it has none).
    pub source_title: String,
    /// The project's note on the source, bracketed.
    pub source_note: Option<String>,
    /// The dataset's count in the figure's terms.
    pub ours: String,
    /// The same in short (a phone).
    pub short: String,
    /// What was counted apart, in a word.
    pub left_out: Option<String>,
}

/// The default view's headline words in a language.
pub fn headline_words(dataset: &Dataset, locale: Locale) -> HeadlineWords {
    use crate::model::ask::aggregate::{headline, headline_scope};
    use crate::model::ask::official::compare;
    use crate::model::ask::scope::{kinds_of, selection_scope};
    use crate::model::i18n::{bracketed, cited_title, fill, source_note};
    use crate::model::show::counted::{pairs_with_countries, scope_words};
    use crate::model::show::describe::{
        comparison_short, comparison_text, headline_details, left_out_total, reported_headline,
        scope_text,
    };
    let m = locale.messages();
    let filters = Filters::default();
    let pairs = apply(dataset, &filters).pairs;
    let h = headline(dataset, &pairs);
    let words = scope_words(dataset, &selection_scope(dataset, &filters, None), locale);
    let reported = compare(dataset, &filters, None).and_then(|c| {
        let figure = reported_headline(c.figure, locale)?;
        let (ours, _) = comparison_text(dataset, &c, locale);
        let source = dataset.source(c.figure.source);
        let untitled = source.title.is_empty();
        Some(ReportedWords {
            label: m.reported_label.to_owned(),
            figure,
            date: fill(m.reported_date, &[("date", &locale.date(c.figure.as_of))]),
            source_title: if untitled { String::new() } else { cited_title(locale, &source.title) },
            source_note: source_note(locale, source)
                .map(|n| if untitled { n } else { bracketed(locale, "", &n) }),
            ours,
            short: comparison_short(&c, locale),
            left_out: left_out_total(dataset, &c, h.pairs, locale),
        })
    });
    HeadlineWords {
        scope: scope_text(dataset, &headline_scope(dataset, &filters), locale),
        colon: m.headline_colon.to_owned(),
        figures: pairs_with_countries(kinds_of(&filters), h.pairs, h.countries, locale),
        counting: fill(m.headline_counting, &[("scope", &words)]),
        details: headline_details(&h, locale),
        reported,
    }
}
