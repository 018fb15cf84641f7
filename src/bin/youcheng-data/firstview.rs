//! `youcheng-data firstview [--dist DIR]`: writes the default view into the built page, so a
//! visitor sees the real map, the headline and the tabs before any wasm runs. Run by Trunk's
//! post_build hook (Trunk.toml; the directory is `TRUNK_STAGING_DIR` when `--dist` is not
//! given), before the service worker's list is made. The map is drawn by the core
//! (`show::first_view`, through the same `show::map_draw::draw` as the live canvas) at the map
//! sizes the layout gives a phone (390 × 844) and a laptop (1280 × 720), in both languages;
//! the stylesheet shows the one for the screen, the head script (`first-view.js`) sets the
//! language before the body paints. Everything written is escaped; no style attribute, no
//! inline script (strict CSP).

use std::fmt::Write;
use std::fs;
use std::path::Path;

use youcheng::model::format::dataset::Dataset;
use youcheng::model::format::load::load;
use youcheng::model::geo::basemap::{MapProfile, country_points, decode_basemap, project_basemap};
use youcheng::model::geo::projection::Viewport;
use youcheng::model::i18n::Locale;
use youcheng::model::i18n::messages::Messages;
use youcheng::model::show::first_view::{
    DefaultMap, HeadlineWords, MapSize, SIZES, SvgDefs, default_map, headline_words, inset_part,
    map_svg, path_quantum, svg_base,
};
use youcheng::model::show::labels::label_width;
use youcheng::model::show::map::country_anchors;
use youcheng::model::show::map_draw::escape;

use crate::firstview_panels::{self, lang_class};

/// The bundled dataset and the default basemap (China's official view) read from a folder
/// laid out as `public/` or `dist/` (`data/partnerships.json`, `data/basemap/*`).
pub fn read_inputs(
    dir: &Path,
) -> Result<(Dataset, youcheng::model::geo::basemap::Basemap), String> {
    let read = |rel: &str| {
        fs::read_to_string(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.join(rel).display()))
    };
    let dataset = load(&read("data/partnerships.json")?).map_err(|e| e.to_string())?.dataset;
    let basemap = decode_basemap(
        &read("data/basemap/world-china.topo.json")?,
        &read("data/basemap/provinces-china.topo.json")?,
        Some(&read("data/basemap/china-extras.geojson")?),
    )
    .map_err(|e| format!("basemap: {e:?}"))?;
    Ok((dataset, basemap))
}

/// The static view's markup: the `<div id="yc-static">` the page shows until the app has
/// drawn its own map.
pub fn static_view(dataset: &Dataset, basemap: &youcheng::model::geo::basemap::Basemap) -> String {
    let anchors = country_anchors(dataset, &country_points(basemap), MapProfile::China);
    let maps: Vec<(&MapSize, DefaultMap)> =
        SIZES.iter().map(|s| (s, default_map(dataset, &anchors, s.viewport))).collect();
    // The paths' grid: under half a pixel at the largest scale drawn; the inset's few paths
    // (it is drawn larger) on a grid of their own.
    let scale =
        maps.iter().map(|(_, m)| m.view.scale(&m.projection, m.viewport)).fold(0.0, f64::max);
    let mut defs = SvgDefs::new("ycp", path_quantum(scale));
    let mut inset_defs = SvgDefs::new("yci", path_quantum(scale * 8.0));
    eprintln!("firstview: scale {scale:.3} px per map unit");
    // One projection for both sizes (the default centre): the basemap's paths are shared.
    let projected = project_basemap(basemap, &maps[0].1.projection);
    let base = svg_base(&projected, &mut defs);
    let inset_base = svg_base(&inset_part(&projected, &maps[0].1.projection), &mut inset_defs);
    let mut svgs = String::new();
    for (size, map) in &maps {
        let labels: Vec<(&str, Vec<_>)> = Locale::ALL
            .iter()
            .map(|l| {
                let placed = map.labels(dataset, size.covered(*l), *l, &label_width);
                (if *l == Locale::En { "yc-en" } else { "yc-zh" }, placed)
            })
            .collect();
        let body =
            map_svg(map, &base, &inset_base, &mut defs, MapProfile::China, &labels, size.name);
        let Viewport { width, height } = size.viewport;
        let _ = write!(
            svgs,
            "<svg class=\"map-canvas yc-static-map yc-static-{name}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid slice\" stroke-linecap=\"round\" stroke-linejoin=\"round\" font-size=\"12\" role=\"img\" aria-label=\"{label}\" data-markers=\"{markers}\" data-flows=\"{flows}\">{body}</svg>",
            name = size.name,
            label = escape(Locale::En.messages().tab_map),
            markers = map.symbols.len(),
            flows = map.batches.len(),
        );
    }
    let defs = format!("{}{}", defs.finish(), inset_defs.finish());
    let mut out = String::new();
    out.push_str("<div id=\"yc-static\" class=\"yc-static\" role=\"status\">");
    out.push_str(&header());
    out.push_str("<main class=\"main\"><div class=\"explorer\">");
    out.push_str(&headline(dataset));
    out.push_str(&explore_bar());
    out.push_str("<div class=\"workspace\">");
    out.push_str(&firstview_panels::sidebar(dataset));
    out.push_str("<section class=\"content\">");
    out.push_str(&tabs());
    out.push_str("<div class=\"tab-panel\"><div class=\"map-tab\"><div class=\"map-layout\"><div class=\"map-main\">");
    out.push_str(&map_controls());
    out.push_str(&firstview_panels::map_foot(dataset));
    out.push_str("<div class=\"map-frame yc-static-frame\">");
    // The basemap's paths, defined once for both sizes and the inset.
    let _ = write!(
        out,
        "<svg class=\"yc-static-defs\" aria-hidden=\"true\" width=\"0\" height=\"0\">{defs}</svg>"
    );
    out.push_str(&svgs);
    let _ = write!(out, "<p class=\"yc-static-loading\">{}</p>", both(|m| m.static_loading_view));
    out.push_str("</div></div></div></div></div></div></section></div></div></main>");
    // What a click on a control says until the app is there (shown by first-view.js).
    let _ = write!(
        out,
        "<p class=\"yc-static-wait\" role=\"status\" data-testid=\"static-wait\">{}</p>",
        both(|m| m.static_not_ready)
    );
    out.push_str("<noscript><p>Youcheng needs JavaScript and WebAssembly. 友城需要启用 JavaScript 和 WebAssembly。</p></noscript>");
    out.push_str("</div>");
    out
}

/// A UI string, by its field.
type Words = fn(&Messages) -> &str;

/// A text in both languages, each in a span the stylesheet shows for its language.
fn both(text: impl Fn(&Messages) -> &str) -> String {
    Locale::ALL
        .iter()
        .map(|l| {
            format!("<span class=\"yc-{}\">{}</span>", lang_class(*l), escape(text(l.messages())))
        })
        .collect()
}

/// Two texts, one per language, in spans the stylesheet shows for their language.
fn both_owned(en: &str, zh: &str) -> String {
    format!(
        "<span class=\"yc-en\">{}</span><span class=\"yc-zh\">{}</span>",
        escape(en),
        escape(zh)
    )
}

fn header() -> String {
    let mut out = String::from("<header class=\"app-header\"><div class=\"brand\">");
    let _ = write!(out, "<h1 class=\"app-name\">{}</h1>", both(|m| m.app_name));
    let _ = write!(out, "<p class=\"tagline\">{}</p></div>", both(|m| m.tagline));
    // The switch as the app draws it, once per language (the current one pressed).
    for current in Locale::ALL.iter().copied() {
        let _ = write!(out, "<div class=\"lang-switch yc-{}\">", lang_class(current));
        for locale in Locale::ALL.iter().copied() {
            let _ = write!(
                out,
                "<button type=\"button\" class=\"lang-button\" lang=\"{}\" aria-pressed=\"{}\" tabindex=\"-1\" aria-disabled=\"true\">{}</button>",
                locale.html_lang(),
                locale == current,
                escape(locale.native_name())
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</header>");
    out
}

fn headline(dataset: &Dataset) -> String {
    let [en, zh] = [Locale::En, Locale::Zh].map(|l| headline_words(dataset, l));
    let pick = |f: fn(&HeadlineWords) -> &str| both_owned(f(&en), f(&zh));
    let mut out = String::from("<section class=\"headline\"><h2 class=\"headline-title\">");
    let _ = write!(
        out,
        "<span class=\"headline-scope\">{}</span>{}<span class=\"yc-static-figures\">{}</span></h2>",
        pick(|h| &h.scope),
        pick(|h| &h.colon),
        pick(|h| &h.figures)
    );
    let _ = write!(
        out,
        "<p class=\"headline-details\"><span>{}</span><span class=\"headline-more\">{}</span></p>",
        pick(|h| &h.counting),
        both_owned(&format!(" · {}", en.details), &format!(" · {}", zh.details))
    );
    for (r, lang) in [(&en.reported, "en"), (&zh.reported, "zh")] {
        let Some(r) = r else { continue };
        let _ = write!(
            out,
            "<div class=\"reported yc-{lang}\"><span class=\"reported-label\">{}</span><strong>{}</strong>{}<span class=\"source-text\"><span translate=\"no\">{}</span><span class=\"source-note\">{}</span></span><span class=\"coverage coverage-full\"> · {}</span><span class=\"coverage-short\"> · {}</span>{}</div>",
            escape(&r.label),
            escape(&r.figure),
            escape(&r.date),
            escape(&r.source_title),
            escape(r.source_note.as_deref().unwrap_or_default()),
            escape(&r.ours),
            escape(&r.short),
            r.left_out
                .as_deref()
                .map(|l| format!(
                    "<span class=\"coverage\"> · <details class=\"left-out\"><summary>{}</summary></details></span>",
                    escape(l)
                ))
                .unwrap_or_default(),
        );
    }
    // A link to another view: this, not the default figures, where its headline will be.
    let _ = write!(
        out,
        "<p class=\"yc-static-headline-loading\">{}</p>",
        both(|m| m.static_loading_view)
    );
    out.push_str("</section>");
    out
}

fn explore_bar() -> String {
    let mut out = String::from("<div class=\"explore-bar\">");
    for locale in Locale::ALL.iter().copied() {
        let m = locale.messages();
        let _ = write!(
            out,
            "<div class=\"search yc-{}\"><label class=\"field\"><span>{}</span></label><input type=\"search\" disabled placeholder=\"{}\"></div>",
            lang_class(locale),
            escape(m.search_label),
            escape(m.search_placeholder)
        );
    }
    let _ = write!(
        out,
        "<button type=\"button\" class=\"button filters-button\" tabindex=\"-1\" aria-disabled=\"true\">{}</button></div>",
        both(|m| m.filters_title)
    );
    out
}

/// The map's options row (the options folded behind one button on a phone, as the app's CSS
/// does) with the default view's choices pressed, and the zoom buttons over the map (the
/// `map-stage` opened here is closed by the caller).
fn map_controls() -> String {
    let toggle = |pressed: bool, label: Words| {
        format!(
            "<button type=\"button\" class=\"toggle\" aria-pressed=\"{pressed}\" tabindex=\"-1\" aria-disabled=\"true\">{}</button>",
            both(label)
        )
    };
    let mut out = String::from("<div class=\"map-toolbar\">");
    let _ = write!(
        out,
        "<button type=\"button\" class=\"button small map-options-toggle\" tabindex=\"-1\" aria-disabled=\"true\">{}</button><div class=\"map-options\">",
        both(|m| m.map_options)
    );
    let groups: [[(bool, Words); 2]; 3] = [
        [(true, |m| m.profile_china), (false, |m| m.profile_neutral)],
        [(true, |m| m.centre_pacific), (false, |m| m.centre_atlantic)],
        [(true, |m| m.shading_arcs), (false, |m| m.shading_choropleth)],
    ];
    for group in groups {
        out.push_str("<div class=\"button-group\">");
        for (pressed, label) in group {
            out.push_str(&toggle(pressed, label));
        }
        out.push_str("</div>");
    }
    // The grouping's select, once per language (its option is text the CSS cannot switch).
    out.push_str("<label class=\"field inline\">");
    let _ = write!(out, "<span>{}</span>", both(|m| m.grouping_label));
    for locale in Locale::ALL.iter().copied() {
        let _ = write!(
            out,
            "<select class=\"yc-{}\" disabled><option>{}</option></select>",
            lang_class(locale),
            escape(locale.messages().grouping_auto)
        );
    }
    out.push_str("</label></div></div><div class=\"map-stage\">");
    let _ = write!(
        out,
        "<div class=\"map-zoom button-group\"><button type=\"button\" class=\"icon-button\" tabindex=\"-1\" aria-disabled=\"true\">+</button><button type=\"button\" class=\"icon-button\" tabindex=\"-1\" aria-disabled=\"true\">−</button><button type=\"button\" class=\"button small\" tabindex=\"-1\" aria-disabled=\"true\">{}</button></div>",
        both(|m| m.reset_view)
    );
    out
}

fn tabs() -> String {
    let mut out = String::from("<div class=\"tabs\">");
    let labels: [Words; 5] =
        [|m| m.tab_map, |m| m.tab_charts, |m| m.tab_table, |m| m.tab_stories, |m| m.tab_data];
    for (i, label) in labels.iter().enumerate() {
        let current = if i == 0 { " yc-current" } else { "" };
        let _ = write!(
            out,
            "<button type=\"button\" class=\"tab{current}\" tabindex=\"-1\" aria-disabled=\"true\">{}</button>",
            both(label)
        );
    }
    out.push_str("</div>");
    out
}

/// Replaces the page's `<div id="yc-static">…</div>` with `view`; `None` when the page has
/// no such element.
pub fn replace_static(page: &str, view: &str) -> Option<String> {
    // The minifier may reorder attributes and drop quotes: find the id, then its tag.
    let id = page.find("id=\"yc-static\"").or_else(|| page.find("id=yc-static "))?;
    let start = page[..id].rfind("<div")?;
    // The matching end tag: count the divs opened and closed after the start.
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let open = page[at..].find("<div").map(|i| i + at);
        let close = page[at..].find("</div>").map(|i| i + at)?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                at = o + 4;
            }
            _ => {
                depth = depth.checked_sub(1)?;
                at = close + 6;
                if depth == 0 {
                    return Some(format!("{}{view}{}", &page[..start], &page[at..]));
                }
            }
        }
    }
}

/// Writes the static view into `dist/index.html`.
pub fn run(dist: &Path) -> Result<(), String> {
    let (dataset, basemap) = read_inputs(dist)?;
    let view = static_view(&dataset, &basemap);
    let index = dist.join("index.html");
    let page = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let page = replace_static(&page, &view)
        .ok_or_else(|| format!("{}: no <div id=\"yc-static\"> to replace", index.display()))?;
    fs::write(&index, page).map_err(|e| format!("{}: {e}", index.display()))?;
    eprintln!("firstview: {} bytes of static view in {}", view.len(), index.display());
    Ok(())
}
