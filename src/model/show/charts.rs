//! Charts: what each one shows ([`ChartSpec`], built from a selection) and how it is drawn,
//! written once against plotters' `DrawingBackend` — a canvas in the browser, SVG in native
//! tests and for export. Drawing returns the pixel box of every bar, so the UI can turn a
//! pointer position into a bar for hover and click.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::counted::scope_words;
use super::describe::filter_line;
use crate::model::ask::aggregate::{
    Ranked, by_continent, by_country, by_kind, by_province, growth,
};
use crate::model::ask::filter::{
    Dimension, Filters, active_dimensions, apply, cut_at_year, without,
};
use crate::model::ask::query::ChartKind;
use crate::model::ask::scope::selection_scope;
use crate::model::format::dataset::{Continent, Dataset, Kind, PairIdx};
use crate::model::i18n::messages::Plural;
use crate::model::i18n::{Locale, continent_label, country_name, fill, kind_label, place_name};

/// What a bar stands for (clicking it sets the matching filter).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BarKey {
    /// A year (growth chart).
    Year(i32),
    /// A partner country (ISO code).
    Country(String),
    /// A continent.
    Continent(Continent),
    /// A Chinese province (place id).
    Province(String),
    /// A relationship type.
    Kind(Kind),
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What it is.
    pub key: BarKey,
    /// Its label in the UI language.
    pub label: String,
    /// Its value.
    pub value: u32,
    /// True when the current filters select this value.
    pub highlighted: bool,
}

/// Everything needed to draw one chart, in the UI language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Which chart.
    pub kind: ChartKind,
    /// Title (the card's heading; drawn in the image only by exports, in their header).
    pub title: String,
    /// What the bars count ("Counting: all kinds; all years").
    pub counting: String,
    /// The UI language (numbers are written its way, with thousands separators).
    pub locale: Locale,
    /// Value axis label.
    pub value_label: String,
    /// Category axis label.
    pub category_label: String,
    /// The bars, in drawing order.
    pub bars: Vec<Bar>,
    /// A sentence under the chart: how many pairs have no year, or the places beyond the top
    /// ones ("and 124 more countries, with 1,032 partnerships") — never a bar that would
    /// dwarf the others.
    pub note: Option<String>,
    /// A text summary for screen readers.
    pub summary: String,
}

impl ChartSpec {
    /// Total of the bars.
    pub fn total(&self) -> u32 {
        self.bars.iter().map(|b| b.value).sum()
    }
}

impl ChartKind {
    /// Charts that list many categories (top countries, provinces) are drawn taller.
    pub fn is_tall(self) -> bool {
        matches!(self, ChartKind::Countries | ChartKind::Provinces)
    }

    /// Height of the chart on screen, in CSS px.
    pub fn screen_height(self) -> f64 {
        if self.is_tall() { 420.0 } else { 300.0 }
    }

    /// Size of the PNG export, in pixels (drawn at twice the screen scale).
    pub fn png_size(self) -> (u32, u32) {
        (1600, if self.is_tall() { 1100 } else { 900 })
    }

    /// Size of the SVG export.
    pub fn svg_size(self) -> (u32, u32) {
        (900, if self.is_tall() { 620 } else { 500 })
    }
}

/// The lines an exported chart carries: the app's name above; below, the chart's note, the
/// filters in words, the dataset's title, version and licence, and the permalink.
pub fn export_frame(
    dataset: &Dataset,
    spec: &ChartSpec,
    filters: &Filters,
    permalink: &str,
    locale: Locale,
) -> Frame {
    let m = locale.messages();
    let meta = dataset.meta();
    let dataset_title = match locale {
        Locale::Zh => meta.title_zh.clone().unwrap_or(meta.title_en.clone()),
        Locale::En => meta.title_en.clone(),
    };
    let source = fill(
        m.export_source,
        &[
            ("title", &dataset_title),
            ("version", &meta.version),
            ("licence", meta.licence.as_deref().unwrap_or("-")),
        ],
    );
    let mut footer: Vec<String> = spec.note.clone().into_iter().collect();
    footer.extend([
        spec.counting.clone(),
        filter_line(dataset, filters, locale),
        source,
        fill(m.export_permalink, &[("url", permalink)]),
    ]);
    // The title is drawn once: in the card on screen, in the header of an export.
    Frame { header: vec![m.app_name.to_owned(), spec.title.clone()], footer }
}

/// The text metadata of an exported PNG (keyword, value): the title, the software, then the
/// footer lines as descriptions, the source and the URL (the last two footer lines).
pub fn png_text(frame: &Frame) -> Vec<(String, String)> {
    let mut text = vec![
        ("Title".to_owned(), frame.header.join(" – ")),
        ("Software".to_owned(), "Youcheng 友城".to_owned()),
    ];
    let n = frame.footer.len();
    for (i, line) in frame.footer.iter().enumerate() {
        let key = match n - i {
            1 => "URL",
            2 => "Source",
            _ => "Description",
        };
        text.push((key.to_owned(), line.clone()));
    }
    text
}

/// Top N shown in the country and province charts.
pub const TOP_N: usize = 15;

/// The filter a chart's bars set (clicking a bar), which the chart itself does not apply.
pub fn chart_dimension(kind: ChartKind) -> Dimension {
    match kind {
        ChartKind::Growth => Dimension::Years,
        ChartKind::Countries => Dimension::Country,
        ChartKind::Continents => Dimension::Continent,
        ChartKind::Provinces => Dimension::Province,
        ChartKind::Kinds => Dimension::Kind,
    }
}

/// The pairs a chart draws: those on show, except that the chart's own filter is left out, so
/// a chosen bar is highlighted among the others (as OWID does) while the rest of the app
/// filters. `shown` is the selection cut at the playback year.
pub fn chart_pairs(
    dataset: &Dataset,
    kind: ChartKind,
    filters: &Filters,
    shown: &[PairIdx],
    play_year: Option<i32>,
) -> Vec<PairIdx> {
    let own = chart_dimension(kind);
    if !active_dimensions(filters).contains(&own) {
        return shown.to_vec();
    }
    let pairs = apply(dataset, &without(filters, own)).pairs;
    match play_year {
        Some(year) => cut_at_year(dataset, &pairs, year),
        None => pairs,
    }
}

/// Builds a chart's content from the pairs it draws ([`chart_pairs`]).
pub fn spec(
    kind: ChartKind,
    dataset: &Dataset,
    pairs: &[PairIdx],
    filters: &Filters,
    play_year: Option<i32>,
    locale: Locale,
) -> ChartSpec {
    let m = locale.messages();
    let number = |n: usize| locale.number(n as u64);
    let scope = selection_scope(dataset, &without(filters, chart_dimension(kind)), play_year);
    let mut spec = ChartSpec {
        kind,
        title: String::new(),
        counting: fill(m.headline_counting, &[("scope", &scope_words(dataset, &scope, locale))]),
        locale,
        value_label: m.chart_pairs.to_owned(),
        category_label: String::new(),
        bars: Vec::new(),
        note: None,
        summary: String::new(),
    };
    match kind {
        ChartKind::Growth => {
            let g = growth(dataset, pairs);
            spec.title = m.chart_growth_title.to_owned();
            spec.category_label = m.chart_year.to_owned();
            spec.value_label = m.chart_new_pairs.to_owned();
            spec.bars = g
                .years
                .iter()
                .map(|(year, n, _)| Bar {
                    key: BarKey::Year(*year),
                    label: year.to_string(),
                    value: *n as u32,
                    highlighted: filters.years.is_some_and(|r| r.contains(*year)),
                })
                .collect();
            // The undated are said only when there are some: never "0 partnerships with no
            // known year".
            spec.note =
                (g.undated > 0).then(|| m.chart_undated_note.format(locale, g.undated as u64));
            let peak = g.years.iter().max_by_key(|(_, n, _)| *n);
            spec.summary = match (g.years.first(), g.years.last(), peak) {
                (Some(first), Some(last), Some(peak)) => fill(
                    m.chart_growth_summary,
                    &[
                        ("first", &first.0.to_string()),
                        ("last", &last.0.to_string()),
                        ("total", &number(last.2)),
                        ("peak_year", &peak.0.to_string()),
                        ("peak", &number(peak.1)),
                    ],
                ),
                _ => m.chart_empty_summary.to_owned(),
            };
        }
        ChartKind::Countries => {
            let ranked = by_country(dataset, pairs, TOP_N);
            spec.title = m.chart_countries_title.to_owned();
            spec.category_label = m.chart_country.to_owned();
            spec.bars = ranked
                .items
                .iter()
                .map(|(c, n)| {
                    let country = dataset.country(*c);
                    Bar {
                        key: BarKey::Country(country.iso.clone()),
                        label: country_name(locale, country).to_owned(),
                        value: *n as u32,
                        highlighted: filters.countries.contains(&country.iso),
                    }
                })
                .collect();
            spec.note = rest_note(locale, &ranked, m.n_more_countries);
        }
        ChartKind::Continents => {
            spec.title = m.chart_continents_title.to_owned();
            spec.category_label = m.filter_continent.to_owned();
            spec.bars = by_continent(dataset, pairs)
                .items
                .into_iter()
                .map(|(c, n)| Bar {
                    key: BarKey::Continent(c),
                    label: continent_label(locale, c).to_owned(),
                    value: n as u32,
                    highlighted: filters.continents.contains(&c),
                })
                .collect();
        }
        ChartKind::Provinces => {
            let ranked = by_province(dataset, pairs, TOP_N);
            spec.title = m.chart_provinces_title.to_owned();
            spec.category_label = m.filter_province.to_owned();
            spec.bars = ranked
                .items
                .iter()
                .map(|(p, n)| {
                    let place = dataset.place(*p);
                    Bar {
                        key: BarKey::Province(place.id.clone()),
                        label: place_name(locale, place).to_owned(),
                        value: *n as u32,
                        highlighted: filters.provinces.contains(&place.id),
                    }
                })
                .collect();
            let no_province = (ranked.unassigned > 0)
                .then(|| m.chart_no_province.format(locale, ranked.unassigned as u64));
            spec.note = match (rest_note(locale, &ranked, m.n_more_provinces), no_province) {
                (Some(rest), Some(apart)) => Some(format!("{rest}{}{apart}", m.clause_separator)),
                (rest, apart) => rest.or(apart),
            };
        }
        ChartKind::Kinds => {
            spec.title = m.chart_kinds_title.to_owned();
            spec.category_label = m.filter_type.to_owned();
            spec.bars = by_kind(dataset, pairs)
                .into_iter()
                .map(|(k, n)| Bar {
                    key: BarKey::Kind(k),
                    label: kind_label(locale, k).to_owned(),
                    value: n as u32,
                    highlighted: filters.kinds.contains(&k),
                })
                .collect();
        }
    }
    if kind != ChartKind::Growth {
        let top: Vec<String> = spec
            .bars
            .iter()
            .take(3)
            .map(|b| {
                fill(m.chart_bar_item, &[("label", &b.label), ("n", &number(b.value as usize))])
            })
            .collect();
        spec.summary = fill(
            m.chart_bars_summary,
            &[
                ("title", &spec.title),
                ("n", &number(spec.bars.len())),
                ("top", &top.join(m.list_comma)),
                ("total", &number(spec.total() as usize)),
            ],
        );
    }
    spec
}

/// Colours and sizes for drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// Background.
    pub background: RGBColor,
    /// Text.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Bars.
    pub bar: RGBColor,
    /// Highlighted bars.
    pub highlight: RGBColor,
    /// Font family.
    pub font: String,
    /// Multiplier for every size (device pixel ratio).
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> ChartStyle {
        ChartStyle {
            background: RGBColor(255, 255, 255),
            text: RGBColor(27, 31, 36),
            grid: RGBColor(220, 224, 228),
            bar: RGBColor(0, 114, 178),
            highlight: RGBColor(213, 94, 0),
            font: "sans-serif".to_owned(),
            scale: 1.0,
        }
    }
}

/// Where a bar was drawn, in backend pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct BarHit {
    /// Index into the spec's bars.
    pub index: usize,
    /// Left, top, right, bottom.
    pub rect: [i32; 4],
}

impl BarHit {
    /// The box between two corners, whichever way the axes run.
    fn new(index: usize, a: (i32, i32), b: (i32, i32)) -> BarHit {
        BarHit { index, rect: [a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)] }
    }
}

/// Text drawn above and below the chart in exports: title lines and footer lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Lines above the chart (beyond its own title).
    pub header: Vec<String>,
    /// Lines below the chart (filters, source, permalink).
    pub footer: Vec<String>,
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// What a top-N ranking leaves out, as a sentence under the chart ("and 124 more countries,
/// with 1,032 partnerships"); a bar would dwarf the ones it follows.
fn rest_note<K>(locale: Locale, ranked: &Ranked<K>, more: Plural) -> Option<String> {
    let m = locale.messages();
    (ranked.n_others > 0).then(|| {
        fill(
            m.chart_rest,
            &[
                ("more", &more.format(locale, ranked.n_others as u64)),
                ("pairs", &m.n_partnerships.format(locale, ranked.others as u64)),
            ],
        )
    })
}

/// An axis tick as the locale writes a whole number ("1,400"); nothing between whole numbers.
fn whole(locale: Locale, value: f64) -> String {
    if value.fract().abs() < 1e-9 && value >= 0.0 {
        locale.number(value.round() as u64)
    } else {
        String::new()
    }
}

/// How many ticks an axis `axis_px` wide can label without their labels running together:
/// each label `label_px` wide (measured by the backend) with at least half a label of space
/// between two; never fewer than 2 nor more than 10 (plotters' default).
pub fn ticks_that_fit(axis_px: u32, label_px: u32) -> usize {
    let slot = f64::from(label_px.max(1)) * 1.5;
    ((f64::from(axis_px) / slot).floor() as usize).clamp(2, 10)
}

fn estimate_text_px(text: &str, size: f64) -> u32 {
    text.chars().map(|c| if c.is_ascii() { size * 0.58 } else { size }).sum::<f64>().ceil() as u32
}

/// Draws a chart (and, for exports, its header and footer lines) on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    style: &ChartStyle,
    frame: &Frame,
) -> DrawResult<Vec<BarHit>, DB> {
    let s = style.scale;
    let px = |v: f64| (v * s).round() as i32;
    let font = |size: f64| (style.font.as_str(), size * s).into_font().color(&style.text);
    root.fill(&style.background)?;
    let (_, height) = root.dim_in_pixel();
    let line_h = px(18.0);
    let header_h = frame.header.len() as i32 * line_h;
    let footer_h =
        frame.footer.len() as i32 * line_h + if frame.footer.is_empty() { 0 } else { px(6.0) };
    for (i, line) in frame.header.iter().enumerate() {
        root.draw(&Text::new(line.clone(), (px(10.0), px(6.0) + i as i32 * line_h), font(13.0)))?;
    }
    let footer_top = height as i32 - footer_h;
    for (i, line) in frame.footer.iter().enumerate() {
        root.draw(&Text::new(
            (*line).clone(),
            (px(10.0), footer_top + px(3.0) + i as i32 * line_h),
            font(12.0),
        ))?;
    }
    let area = root.margin(header_h.max(0) as u32, footer_h.max(0) as u32, 0, 0);
    let (width, _) = area.dim_in_pixel();
    // A label's width as the backend measures it (the canvas's measureText in the browser).
    let measure = |text: &str| {
        root.estimate_text_size(text, &font(11.0))
            .map(|(w, _)| w)
            .unwrap_or_else(|_| (f64::from(estimate_text_px(text, 11.0)) * s) as u32)
    };
    let max = spec.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let mut hits = Vec::with_capacity(spec.bars.len());
    if spec.kind == ChartKind::Growth {
        let first = spec
            .bars
            .first()
            .and_then(|b| if let BarKey::Year(y) = b.key { Some(y) } else { None })
            .unwrap_or(1970);
        let last = spec
            .bars
            .last()
            .and_then(|b| if let BarKey::Year(y) = b.key { Some(y) } else { None })
            .unwrap_or(first);
        let axis = width.saturating_sub((px(44.0) + 2 * px(8.0)) as u32);
        let years = ticks_that_fit(axis, measure(&last.to_string()));
        let mut chart = ChartBuilder::on(&area)
            .margin(px(8.0))
            .x_label_area_size(px(34.0))
            .y_label_area_size(px(44.0))
            .build_cartesian_2d(first as f64 - 0.5..last as f64 + 0.5, 0.0..max as f64 * 1.1)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(style.grid)
            .bold_line_style(style.grid)
            .axis_style(style.text)
            .x_desc(spec.category_label.clone())
            .y_desc(spec.value_label.clone())
            .max_light_lines(0)
            .x_labels(years)
            .x_label_formatter(&|x| {
                if x.fract().abs() < 1e-9 { format!("{:.0}", x) } else { String::new() }
            })
            .y_label_formatter(&|y| whole(spec.locale, *y))
            .label_style(font(11.0))
            .axis_desc_style(font(12.0))
            .draw()?;
        for (i, bar) in spec.bars.iter().enumerate() {
            let BarKey::Year(year) = bar.key else { continue };
            let (x0, x1) = (year as f64 - 0.4, year as f64 + 0.4);
            let colour = if bar.highlighted { style.highlight } else { style.bar };
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, bar.value as f64)],
                colour.filled(),
            )))?;
            // A year with no pair has nothing to point at; small bars get a taller target.
            if bar.value > 0 {
                let (l, t) = chart.backend_coord(&(x0, bar.value.max(max / 40) as f64));
                let (r, b) = chart.backend_coord(&(x1, 0.0));
                hits.push(BarHit::new(i, (l, t), (r, b)));
            }
        }
        return Ok(hits);
    }
    // Horizontal bars: categories down the side, values along the bottom.
    let n = spec.bars.len().max(1);
    let label_width = spec
        .bars
        .iter()
        .map(|b| estimate_text_px(&b.label, 11.0))
        .max()
        .unwrap_or(40)
        .clamp(40, 200);
    let label_area = (label_width as f64 * s) as u32 + px(12.0) as u32;
    let axis = width.saturating_sub(label_area + 2 * px(8.0) as u32);
    let widest = spec.locale.number((f64::from(max) * 1.12).ceil() as u64);
    let values = ticks_that_fit(axis, measure(&widest));
    let mut chart = ChartBuilder::on(&area)
        .margin(px(8.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(label_area)
        .build_cartesian_2d(0.0..max as f64 * 1.12, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(style.grid)
        .bold_line_style(style.grid)
        .axis_style(style.text)
        .x_desc(spec.value_label.clone())
        .y_labels(0)
        .x_labels(values)
        .max_light_lines(0)
        .x_label_formatter(&|x| whole(spec.locale, *x))
        .label_style(font(11.0))
        .axis_desc_style(font(12.0))
        .draw()?;
    for (i, bar) in spec.bars.iter().enumerate() {
        let (y0, y1) = ((n - 1 - i) as f64 + 0.15, (n - i) as f64 - 0.15);
        let colour = if bar.highlighted { style.highlight } else { style.bar };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y0), (bar.value as f64, y1)],
            colour.filled(),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            spec.locale.number(u64::from(bar.value)),
            (bar.value as f64 + max as f64 * 0.01, (y0 + y1) / 2.0),
            font(11.0).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            )),
        )))?;
        let (l, t) = chart.backend_coord(&(0.0, y1));
        let (r, b) = chart.backend_coord(&(bar.value.max(max / 30).max(1) as f64, y0));
        hits.push(BarHit::new(i, (l, t), (r, b)));
        // The category label, right-aligned against the axis.
        root.draw(&Text::new(
            bar.label.clone(),
            (l - px(6.0), (t + b) / 2),
            font(11.0).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Right,
                plotters::style::text_anchor::VPos::Center,
            )),
        ))?;
    }
    Ok(hits)
}

/// The bar under a pixel, from the hit boxes `draw` returned.
pub fn bar_at(hits: &[BarHit], x: i32, y: i32) -> Option<usize> {
    hits.iter()
        .find(|h| x >= h.rect[0] && x <= h.rect[2] && y >= h.rect[1] && y <= h.rect[3])
        .map(|h| h.index)
}

/// Renders a chart to an SVG string (native tests, SVG export).
pub fn to_svg(spec: &ChartSpec, style: &ChartStyle, frame: &Frame, size: (u32, u32)) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        if draw(&root, spec, style, frame).is_ok() {
            let _ = root.present();
        }
    }
    out
}

/// Applies a click on a bar to the filters: sets the matching filter, or clears it when that
/// bar was already the selection.
pub fn toggle_filter(filters: &Filters, key: &BarKey) -> Filters {
    let mut f = filters.clone();
    match key {
        BarKey::Year(y) => {
            let only = crate::model::ask::filter::YearRange::new(*y, *y);
            f.years = if f.years == only { None } else { only };
            f.include_undated = f.years.is_none();
        }
        BarKey::Country(iso) => {
            let only = f.countries.len() == 1 && f.countries.contains(iso);
            f.countries.clear();
            if !only {
                f.countries.insert(iso.clone());
            }
        }
        BarKey::Continent(c) => {
            let only = f.continents.len() == 1 && f.continents.contains(c);
            f.continents.clear();
            if !only {
                f.continents.insert(*c);
            }
        }
        BarKey::Province(id) => {
            let only = f.provinces.len() == 1 && f.provinces.contains(id);
            f.provinces.clear();
            if !only {
                f.provinces.insert(id.clone());
            }
        }
        BarKey::Kind(k) => {
            let only = f.kinds.len() == 1 && f.kinds.contains(k);
            f.kinds.clear();
            if !only {
                f.kinds.insert(*k);
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ask::filter::apply;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn render(kind: ChartKind, filters: &Filters, locale: Locale) -> (ChartSpec, String) {
        let d = fixture();
        let shown = apply(&d, filters).pairs;
        let pairs = chart_pairs(&d, kind, filters, &shown, None);
        let spec = spec(kind, &d, &pairs, filters, None, locale);
        let text = to_svg(&spec, &ChartStyle::default(), &Frame::default(), (640, 360));
        (spec, text)
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    /// The axis labels of an SVG chart, row by row: (y, [(x, text)]) for rows of numbers.
    fn axis_rows(svg: &str) -> Vec<(String, Vec<(f64, String)>)> {
        let mut rows: std::collections::BTreeMap<String, Vec<(f64, String)>> = Default::default();
        for piece in svg.split("<text").skip(1) {
            let attr = |name: &str| {
                piece.split(&format!(" {name}=\"")).nth(1).and_then(|r| r.split('"').next())
            };
            let text =
                piece.split('>').nth(1).and_then(|r| r.split('<').next()).unwrap_or("").trim();
            let numeric = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == ',');
            if let (true, Some(x), Some(y)) = (numeric, attr("x"), attr("y")) {
                let x: f64 = x.parse().unwrap_or(f64::NAN);
                rows.entry(y.to_owned()).or_default().push((x, text.to_owned()));
            }
        }
        rows.into_iter().filter(|(_, r)| r.len() > 1).collect()
    }

    #[test]
    fn axis_labels_on_a_phone_never_run_together() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
        )
        .expect("the bundled dataset");
        let d = crate::model::format::load::load(&text).expect("loads").dataset;
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let f = Filters::default();
        for kind in [ChartKind::Growth, ChartKind::Countries, ChartKind::Provinces] {
            for locale in [Locale::En, Locale::Zh] {
                let spec = spec(kind, &d, &pairs, &f, None, locale);
                // A phone's chart card: 340 px wide.
                let svg = to_svg(&spec, &ChartStyle::default(), &Frame::default(), (340, 300));
                let rows = axis_rows(&svg);
                assert!(!rows.is_empty(), "{kind:?}: an axis with labels");
                for (y, mut labels) in rows {
                    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
                    for pair in labels.windows(2) {
                        let ((x0, a), (x1, b)) = (&pair[0], &pair[1]);
                        // Centred labels: half of each, and a gap of a few pixels.
                        let room = f64::from(estimate_text_px(a, 11.0) + estimate_text_px(b, 11.0))
                            / 2.0
                            + 4.0;
                        assert!(
                            x1 - x0 >= room,
                            "{kind:?} {locale:?} at y={y}: {a} and {b} overlap"
                        );
                    }
                }
            }
        }
        assert_eq!(ticks_that_fit(300, 30), 6);
        assert_eq!(ticks_that_fit(40, 30), 2);
        assert_eq!(ticks_that_fit(2000, 30), 10);
    }

    #[test]
    fn the_province_chart_accounts_for_every_pair_of_the_bundled_dataset() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
        )
        .expect("the bundled dataset");
        let d = crate::model::format::load::load(&text).expect("loads").dataset;
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let ranked = by_province(&d, &pairs, TOP_N);
        let bars: usize = ranked.items.iter().map(|(_, n)| n).sum();
        // The fresh review added the bars and the note to 3,313 of 3,316: the three pairs whose
        // Chinese place has no known province were said nowhere.
        assert_eq!(bars + ranked.others + ranked.unassigned, pairs.len());
        assert!(ranked.unassigned > 0, "the bundled data has homes of unknown province");
        for (locale, said) in [
            (
                Locale::En,
                format!(
                    "{} partnerships whose Chinese place has no known province",
                    ranked.unassigned
                ),
            ),
            (Locale::Zh, format!("另有{}对友好关系的中方地点省份不详", ranked.unassigned)),
        ] {
            let spec = spec(ChartKind::Provinces, &d, &pairs, &Filters::default(), None, locale);
            let note = spec.note.unwrap_or_default();
            assert!(note.contains(&said), "{locale:?}: {note}");
        }
    }

    #[test]
    fn growth_draws_a_bar_per_year_on_one_axis_and_states_the_undated() {
        let (spec, svg) = render(ChartKind::Growth, &Filters::default(), Locale::En);
        assert_eq!(spec.bars.len(), 2021 - 1974 + 1);
        assert_eq!(spec.total(), 4, "the dated pairs");
        // The title is the card's heading: not drawn again inside the plot.
        assert!(!svg.contains("Partnerships per year"), "title drawn once");
        assert_eq!(
            spec.note.as_deref(),
            Some("1 partnership with no known year is not shown"),
            "undated note"
        );
        // The undated are said once: in the note, not again in the summary above it.
        assert!(!spec.summary.contains("no known year"), "{}", spec.summary);
        // One value axis: no second scale up to the running total (4), no line's legend.
        assert!(!svg.contains(">4<"), "no second axis up to the cumulative total");
        assert!(!svg.contains("Cumulative"), "no cumulative line");
        assert_eq!(spec.counting, "Counting: all kinds; all years");
        // One filled rectangle per non-empty year (plus the background).
        assert!(count(&svg, "<rect") >= 4);
    }

    #[test]
    fn growth_says_nothing_of_undated_ties_when_there_are_none() {
        // Shanghai–San Francisco, the fixture's one undated tie, given a year.
        let text = include_str!("../../../tests/fixtures/small.json").replace(
            r#""partner": "us-san-francisco", "type": "sister", "status": "active","#,
            r#""partner": "us-san-francisco", "type": "sister", "status": "active", "est": "1980","#,
        );
        let d = crate::model::format::load::load(&text).expect("fixture").dataset;
        let filters = Filters::default();
        let shown = apply(&d, &filters).pairs;
        for &locale in Locale::ALL {
            let pairs = chart_pairs(&d, ChartKind::Growth, &filters, &shown, None);
            let spec = spec(ChartKind::Growth, &d, &pairs, &filters, None, locale);
            assert_eq!(spec.total(), 5, "every pair is dated");
            assert_eq!(spec.note, None, "{locale:?}: no note of 0 undated ties");
        }
    }

    #[test]
    fn countries_beyond_the_top_fifteen_are_said_under_the_chart_not_drawn_as_a_bar() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
        )
        .expect("the bundled dataset");
        let d = crate::model::format::load::load(&text).expect("loads").dataset;
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let countries: std::collections::BTreeSet<_> =
            pairs.iter().map(|p| d.place(d.partnership(*p).partner).country).collect();
        let f = Filters::default();
        let spec = spec(ChartKind::Countries, &d, &pairs, &f, None, Locale::En);
        assert_eq!(spec.bars.len(), TOP_N, "no bar for the rest: it would dwarf the others");
        let rest = pairs.len() - spec.total() as usize;
        assert_eq!(
            spec.note.as_deref(),
            Some(
                format!(
                    "and {} more countries, with {} partnerships",
                    countries.len() - TOP_N,
                    Locale::En.number(rest as u64)
                )
                .as_str()
            )
        );
        let zh = super::spec(ChartKind::Countries, &d, &pairs, &f, None, Locale::Zh);
        assert!(zh.note.is_some_and(|n| n.contains(&(countries.len() - TOP_N).to_string())));
        // Numbers inside the chart carry thousands separators, as the text does.
        let svg = to_svg(&spec, &ChartStyle::default(), &Frame::default(), (640, 420));
        let big = spec.bars.iter().map(|b| b.value).max().unwrap_or(0);
        if big >= 1000 {
            assert!(
                svg.contains(&Locale::En.number(u64::from(big))),
                "{big} written with a separator"
            );
        }
        assert!(!svg.contains(">1000<") && !svg.contains(">1200<"), "axis ticks with separators");
    }

    #[test]
    fn bar_charts_label_their_categories_and_sum_to_the_selection() {
        let (spec, svg) = render(ChartKind::Countries, &Filters::default(), Locale::En);
        assert_eq!(spec.total(), 5);
        assert_eq!(spec.bars[0].label, "United States");
        assert_eq!(spec.bars[0].value, 2);
        for label in ["United States", "Japan", "Germany", "Belarus"] {
            assert!(svg.contains(label), "{label} on the axis");
        }
        let (zh, zh_svg) = render(ChartKind::Countries, &Filters::default(), Locale::Zh);
        assert_eq!(zh.title, "友好关系最多的伙伴国家");
        assert!(zh_svg.contains("美国") && zh_svg.contains("日本"), "labels in the UI language");
    }

    #[test]
    fn a_chosen_country_is_highlighted_among_the_others_while_the_rest_filters() {
        let mut filters = Filters::default();
        filters.countries.insert("JP".into());
        let (spec, _) = render(ChartKind::Countries, &filters, Locale::En);
        // The chart keeps every country (it was one full-width bar), Japan highlighted.
        assert_eq!(spec.bars.len(), 4);
        let highlighted: Vec<&str> =
            spec.bars.iter().filter(|b| b.highlighted).map(|b| b.label.as_str()).collect();
        assert_eq!(highlighted, ["Japan"]);
        // The other charts follow the filter: the growth chart holds the one Japanese pair.
        let (growth, _) = render(ChartKind::Growth, &filters, Locale::En);
        assert_eq!(growth.total(), 1, "the growth chart's total is the one Japanese pair");
    }

    #[test]
    fn hits_cover_the_bars_and_clicks_toggle_filters() {
        let d = fixture();
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        // Vertical (growth) and horizontal (the others) bars: a point inside each drawn box
        // finds that bar and no other.
        for kind in ChartKind::ALL {
            let spec = spec(kind, &d, &pairs, &Filters::default(), None, Locale::En);
            let mut out = String::new();
            let hits = {
                let root = SVGBackend::with_string(&mut out, (600, 300)).into_drawing_area();
                draw(&root, &spec, &ChartStyle::default(), &Frame::default()).expect("draws")
            };
            assert!(!hits.is_empty(), "{kind:?}");
            for hit in &hits {
                let [l, t, r, b] = hit.rect;
                assert!(l < r && t < b, "{kind:?}: an empty box {:?}", hit.rect);
                assert_eq!(bar_at(&hits, (l + r) / 2, (t + b) / 2), Some(hit.index), "{kind:?}");
            }
            assert_eq!(bar_at(&hits, -5, -5), None);
        }
        let spec = spec(ChartKind::Kinds, &d, &pairs, &Filters::default(), None, Locale::En);
        let once = toggle_filter(&Filters::default(), &spec.bars[0].key);
        assert!(once.kinds.contains(&Kind::Sister));
        assert!(toggle_filter(&once, &spec.bars[0].key).is_empty(), "clicking again clears it");
    }

    #[test]
    fn exports_carry_the_header_and_footer() {
        let d = fixture();
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let spec = spec(ChartKind::Continents, &d, &pairs, &Filters::default(), None, Locale::En);
        let frame = Frame {
            header: vec!["Youcheng 友城".into()],
            footer: vec![
                "Filters: none".into(),
                "Source: Wikipedia (CC BY-SA 4.0)".into(),
                "https://example.org/?tab=charts".into(),
            ],
        };
        let svg = to_svg(&spec, &ChartStyle::default(), &frame, (800, 500));
        for line in frame.header.iter().chain(&frame.footer) {
            assert!(svg.contains(line.as_str()), "{line}");
        }
    }

    #[test]
    fn long_lists_are_drawn_taller_on_screen_and_in_every_export() {
        for kind in ChartKind::ALL {
            let tall = matches!(kind, ChartKind::Countries | ChartKind::Provinces);
            assert_eq!(kind.is_tall(), tall, "{kind:?}");
            assert!(kind.screen_height() >= 300.0);
            assert_eq!(kind.screen_height() > 300.0, tall);
            assert_eq!(kind.png_size().1 > 900, tall);
            assert_eq!(kind.svg_size().1 > 500, tall);
        }
    }

    #[test]
    fn an_export_names_the_filters_the_source_and_the_permalink() {
        let d = fixture();
        let mut filters = Filters::default();
        filters.countries.insert("JP".into());
        let pairs = apply(&d, &filters).pairs;
        let spec = spec(ChartKind::Countries, &d, &pairs, &filters, None, Locale::En);
        let frame = export_frame(&d, &spec, &filters, "https://example.org/?cty=JP", Locale::En);
        // The title moved out of the plot into the export's header: drawn once.
        assert_eq!(frame.header, ["Youcheng 友城", "Top partner countries"]);
        let n = frame.footer.len();
        assert_eq!(frame.footer[n - 3], "Filters: Japan");
        assert!(frame.footer[n - 2].contains("Test fixture: five partnerships"));
        assert!(frame.footer[n - 1].contains("https://example.org/?cty=JP"));
        let text = png_text(&frame);
        let keys: Vec<&str> = text.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(&keys[..2], ["Title", "Software"]);
        assert_eq!(&keys[keys.len() - 2..], ["Source", "URL"]);
    }
}
