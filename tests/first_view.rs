//! The page's static first view (issue 26, item 2): the default view's map drawn natively as
//! SVG shows the same markers and flows as the live map's scene for that view, at the phone's
//! and the laptop's map size, in both languages; the SVG is well formed, its text escaped, and
//! it carries no style attribute (strict CSP).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use youcheng::model::ask::filter::{Filters, apply};
use youcheng::model::ask::query::MapProfile;
use youcheng::model::geo::basemap::{decode_basemap, project_basemap};
use youcheng::model::geo::projection::{Centre, Projection};
use youcheng::model::i18n::Locale;
use youcheng::model::show::first_view::{
    SIZES, SvgDefs, compact_path, default_map, headline_words, inset_part, map_svg, svg_base,
    svg_circles,
};
use youcheng::model::show::flows::{flow_batches, flows};
use youcheng::model::show::labels::{frame_labels, label_width, overlaps};
use youcheng::model::show::map::{
    ArcCache, Grouping, build_scene, frame_symbols, grouping_zoom, home_view, layout_symbols,
};

// The map sizes here are the static view's own (`first_view::SIZES`).
#[allow(dead_code)]
mod bundled;
use bundled::{anchors, dataset};

fn basemap() -> youcheng::model::geo::basemap::Basemap {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/basemap");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    decode_basemap(
        &read("world-china.topo.json"),
        &read("provinces-china.topo.json"),
        Some(&read("china-extras.geojson")),
    )
    .unwrap()
}

/// Elements balanced, attributes quoted, no raw `<` or stray `&` in text: enough of XML's
/// well-formedness for a drawing made of `<g>`, `<use>`, `<circle>`, `<text>`… (checked on
/// itself below).
fn well_formed(svg: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        check_text(text)?;
        let end = rest[open..].find('>').ok_or("a tag is not closed")? + open;
        let tag = &rest[open + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
            // Attributes: name="value" with no '<' or '"' inside the value.
            let mut attrs = body[name.len()..].trim();
            while !attrs.is_empty() {
                let eq = attrs.find("=\"").ok_or(format!("an unquoted attribute in <{name}>"))?;
                let close = attrs[eq + 2..].find('"').ok_or("an attribute is not closed")?;
                check_text(&attrs[eq + 2..eq + 2 + close])?;
                attrs = attrs[eq + 2 + close + 1..].trim_start();
            }
            if !self_closing {
                stack.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    check_text(rest)?;
    match stack.is_empty() {
        true => Ok(()),
        false => Err(format!("unclosed: {stack:?}")),
    }
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('<') || text.contains('>') {
        return Err(format!("raw angle bracket in {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| entity.starts_with(e)) {
            return Err(format!("a bare & in {text:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_well_formedness_check_rejects_broken_markup() {
    assert!(well_formed("<svg><g><circle r=\"1\"/></g><text>a &amp; b</text></svg>").is_ok());
    assert!(well_formed("<svg><g></svg>").is_err());
    assert!(well_formed("<svg><text>a & b</text></svg>").is_err());
    assert!(well_formed("<svg><text>a < b</text></svg>").is_err());
    assert!(well_formed("<svg><g class=x></g></svg>").is_err());
}

#[test]
fn the_static_map_shows_the_live_scenes_markers_and_flows() {
    let d = dataset();
    let anchors = anchors(&d, MapProfile::China);
    let basemap = basemap();
    for size in &SIZES {
        let map = default_map(&d, &anchors, size.viewport);
        // The live map's chain for an address without filters, selection or position, as
        // `ui::state::map` runs it.
        let p = Projection::new(Centre::Pacific);
        let pairs = apply(&d, &Filters::default()).pairs;
        let home = home_view(&d, &pairs, &p, size.viewport);
        let grouped = Grouping::Auto.groups(grouping_zoom(home.zoom, home.zoom), false);
        let scene = build_scene(&d, &pairs, &p, grouped, &anchors);
        let live = frame_symbols(&scene, &p, &home, size.viewport, None);
        let layout = layout_symbols(
            &scene,
            &p,
            youcheng::model::show::map::cluster_zoom(home.zoom),
            size.viewport,
            None,
        );
        let batches =
            flow_batches(&scene, &flows(&scene, &layout, None, None), &p, &mut ArcCache::default());
        assert!(live.len() > 20, "{}: {} markers", size.name, live.len());

        let projected = project_basemap(&basemap, &map.projection);
        let mut defs = SvgDefs::new("t", 0.1);
        let base = svg_base(&projected, &mut defs);
        let mut inset_defs = SvgDefs::new("ti", 0.01);
        let inset = svg_base(&inset_part(&projected, &map.projection), &mut inset_defs);
        for locale in [Locale::En, Locale::Zh] {
            let labels = map.labels(&d, size.covered(locale), locale, &label_width);
            let svg = map_svg(
                &map,
                &base,
                &inset,
                &mut defs,
                MapProfile::China,
                &[("yc-x", labels.clone())],
                size.name,
            );
            // Markers: every live marker drawn once, where and as large as the live map draws it
            // (the SVG writes px to two decimals).
            let circles = svg_circles(&svg);
            assert_eq!(circles.len(), live.len(), "{} {locale:?}: markers", size.name);
            for (c, s) in circles.iter().zip(&live) {
                let near = |a: f64, b: f64| (a - b).abs() <= 0.006;
                assert!(
                    near(c[0], s.at[0]) && near(c[1], s.at[1]) && near(c[2], s.radius),
                    "{} {locale:?}: circle {c:?} for marker at {:?} r {}",
                    size.name,
                    s.at,
                    s.radius
                );
            }
            // Flows: one stroke per live batch, each of the batch's own path.
            let strokes = svg.matches("class=\"s-arc-").count();
            let live_batches = batches.iter().filter(|b| !b.path.trim().is_empty()).count();
            assert_eq!(strokes, live_batches, "{} {locale:?}: flow batches", size.name);
            for b in batches.iter().filter(|b| !b.path.trim().is_empty()) {
                let id = defs.path(&b.path).unwrap();
                assert!(svg.contains(&format!("href=\"#{id}\"")), "a batch is not drawn");
            }
            // The labels are the live map's placement for the widths given.
            let live_labels = frame_labels(
                &d,
                &scene,
                &p,
                &home,
                size.viewport,
                None,
                size.covered(locale),
                locale,
                &label_width,
            );
            assert_eq!(labels, live_labels, "{} {locale:?}: labels", size.name);
            for (i, (a, _)) in labels.iter().enumerate() {
                for (b, _) in &labels[i + 1..] {
                    assert!(!overlaps(a.bounds(), b.bounds()), "two labels overlap");
                }
                for c in size.covered(locale) {
                    assert!(!overlaps(a.bounds(), *c), "a label under a control");
                }
            }
            assert_eq!(svg.matches("<text").count(), labels.len());
            // Well formed inside its document, and no style attribute anywhere.
            well_formed(&format!("<svg>{svg}</svg>")).unwrap();
            assert!(!svg.contains(" style="), "a style attribute");
        }
        well_formed(&format!("<svg>{}</svg>", defs.finish())).unwrap();
    }
}

#[test]
fn paths_are_compacted_on_their_grid_without_moving_a_point_off_it() {
    // On a grid of 0.5: points rounded, repeats dropped, points within the tolerance of a line
    // left out, relative lines; the rings kept closed.
    assert_eq!(
        compact_path("M0 0L1.1 0.1L2 0L2 0L4 0Z M10 -10L10.2 -12.6", 0.5),
        "M0 0l4 0ZM10-10l0-2.5"
    );
}

#[test]
fn the_headline_words_are_the_apps_for_the_default_view() {
    let d = dataset();
    let en = headline_words(&d, Locale::En);
    let zh = headline_words(&d, Locale::Zh);
    let pairs = d.partnerships().len();
    // The default view counts every pair (no filter leaves one out).
    assert!(en.figures.starts_with(&Locale::En.number(pairs as u64)), "{}", en.figures);
    assert!(zh.figures.contains(&Locale::Zh.number(pairs as u64)), "{}", zh.figures);
    assert_eq!(en.scope, "China");
    assert_eq!(zh.scope, "中国");
    assert!(en.reported.is_some() && zh.reported.is_some());
}

/// The static view's filter column (issue 26, the fresh review: it was an empty box) shows the
/// app's groups in the app's order, and each value's count is the number of pairs having it,
/// counted here straight from the pairs (the default view filters none out).
#[test]
fn the_static_filter_column_counts_every_value_as_the_pairs_give_it() {
    use youcheng::model::ask::filter::{Section, SetDim, filter_level};
    use youcheng::model::format::dataset::{Kind, Level};
    use youcheng::model::show::first_view_panels::filter_panel;
    let d = dataset();
    let by_level = |level: Level| {
        d.partnerships().iter().filter(|p| filter_level(d.place(p.home).level) == level).count()
    };
    let by_kind = |kind: Kind| d.partnerships().iter().filter(|p| p.kind == kind).count();
    for locale in [Locale::En, Locale::Zh] {
        let m = locale.messages();
        let panel = filter_panel(&d, locale);
        let headings: Vec<&str> = panel.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, [m.filter_home_side, m.filter_partner_side, m.filter_relationship]);
        assert_eq!(panel.years.heading, m.filter_years);
        // Every set dimension's group in its section, then Belt and Road and the SCO.
        for (section, which) in
            panel.sections.iter().zip([Section::Home, Section::Partner, Section::Relationship])
        {
            let mut expected: Vec<&str> = SetDim::ALL
                .into_iter()
                .filter(|dim| dim.section() == which)
                .map(|dim| dim.testid())
                .collect();
            if which == Section::Partner {
                expected.extend(["bri-filter", "sco-filter"]);
            }
            let ids: Vec<&str> = section.groups.iter().map(|g| g.testid).collect();
            assert_eq!(ids, expected);
        }
        let levels = &panel.sections[0].groups[0];
        assert_eq!(levels.legend, m.filter_level);
        let province = &levels.values[0];
        assert_eq!(province.label, m.level_province);
        let n = by_level(Level::Province);
        assert!(n > 0);
        assert_eq!(province.count.as_deref(), Some(locale.count_in_parentheses(n as u64).as_str()));
        let kinds = &panel.sections[2].groups[0];
        for (value, kind) in kinds.values.iter().zip(Kind::ALL) {
            let n = by_kind(*kind) as u64;
            assert_eq!(value.count.as_deref(), Some(locale.count_in_parentheses(n).as_str()));
            assert_eq!(value.empty, n == 0);
        }
        // The values of each group add up to every pair (each pair has one level, one kind).
        let sum = |g: &youcheng::model::show::first_view_panels::FilterGroup| -> usize {
            g.values
                .iter()
                .filter_map(|v| v.count.as_deref())
                .map(|c| c.chars().filter(char::is_ascii_digit).collect::<String>())
                .map(|c| c.parse::<usize>().unwrap())
                .sum()
        };
        assert_eq!(sum(levels), d.partnerships().len());
        assert_eq!(sum(kinds), d.partnerships().len());
    }
    // Chinese writes the parentheses full width.
    let zh = filter_panel(&d, Locale::Zh);
    assert!(zh.sections[0].groups[0].values[0].count.as_deref().unwrap().starts_with('（'));
}

/// The static legend and playback (the fresh review: on a phone they appeared only at the
/// takeover, over the map's bottom) carry the app's words in each language.
#[test]
fn the_static_legend_and_playback_say_what_the_apps_say() {
    use youcheng::model::ask::filter::year_span;
    use youcheng::model::show::first_view_panels::{legend_items, playback_words};
    let d = dataset();
    for locale in [Locale::En, Locale::Zh] {
        let m = locale.messages();
        let (items, size) = legend_items(locale);
        // Four kinds of tie, the merged lines, the two kinds of marker.
        assert_eq!(items.len(), 7);
        assert_eq!(items[4].1, m.legend_mixed);
        assert_eq!(items[5], ("swatch dot home".to_owned(), m.legend_chinese_place.to_owned()));
        assert_eq!(size, m.legend_marker_size);
        let p = playback_words(&d, locale);
        assert_eq!(p.play, m.play);
        assert_eq!(p.shown, m.all_years);
        let span = year_span(&d);
        assert_eq!(p.span, (span.first, span.last));
    }
}

/// "Download the map as SVG" (issue 26, item 2): the map on screen as a standalone document
/// drawn by the same backend: every marker and flow batch of the view, its labels, a title and
/// the source lines, well formed, text escaped, no script and no style attribute.
#[test]
fn the_downloaded_map_is_the_view_as_a_well_formed_svg_with_its_sources() {
    use youcheng::model::show::map::choice_emphasis;
    use youcheng::model::show::map_export::{MapView, export_lines, map_svg_document, wrap};
    let d = dataset();
    let anchors = anchors(&d, MapProfile::China);
    let size = &SIZES[1];
    let map = default_map(&d, &anchors, size.viewport);
    let projected = project_basemap(&basemap(), &map.projection);
    let emphasis = choice_emphasis(&d, &map.scene, None, None, None);
    for locale in [Locale::En, Locale::Zh] {
        let labels = map.labels(&d, size.covered(locale), locale, &label_width);
        let view = MapView {
            projection: &map.projection,
            view: map.view,
            viewport: map.viewport,
            projected: &projected,
            batches: &map.batches,
            scene: &map.scene,
            symbols: &map.symbols,
            emphasis: &emphasis,
            choropleth: None,
            selected: None,
            labels: &labels,
            inset: false,
        };
        let link = "https://example.org/?a=1&b=<2>";
        let lines = export_lines(&d, &Filters::default(), link, locale);
        let svg = map_svg_document(&view, "China & <friends> · Youcheng", &lines);
        well_formed(&svg).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains(" style=") && !svg.contains("<script"), "style or script");
        assert!(svg.contains("<title>China &amp; &lt;friends&gt; · Youcheng</title>"));
        assert_eq!(svg_circles(&svg).len(), map.symbols.len(), "{locale:?}: markers");
        let live_batches = map.batches.iter().filter(|b| !b.path.trim().is_empty()).count();
        assert_eq!(svg.matches("class=\"s-arc-").count(), live_batches, "{locale:?}: flows");
        for (_, text) in &labels {
            assert!(svg.contains(&format!(">{}</text>", escape_text(text))), "label {text}");
        }
        // The source and the basemap's attribution, and the link escaped.
        let m = locale.messages();
        let attribution = &m.basemap_attribution[..20];
        assert!(svg.contains(attribution), "{locale:?}: no basemap attribution");
        assert!(svg.contains("a=1&amp;b=&lt;2&gt;"), "{locale:?}: the link");
        // Text lines under the map: the four lines (wrapped), inside the picture.
        let wrapped: usize =
            lines.iter().map(|l| wrap(l, size.viewport.width - 16.0, 11.0).len()).sum();
        let foot = svg.split("class=\"yc-map-foot\"").nth(1).unwrap();
        assert_eq!(foot.matches("<text").count(), wrapped, "{locale:?}: the lines");
    }
    // Wrapping keeps every character, breaks English at spaces and Chinese anywhere.
    let en = wrap("one two three four five six seven", 60.0, 12.0);
    assert!(en.len() > 1 && en.iter().all(|l| !l.starts_with(' ')), "{en:?}");
    assert_eq!(en.join(" "), "one two three four five six seven");
    let zh = wrap("地图轮廓：自然地球（公有领域）。中国视角：自然地球观点线", 60.0, 12.0);
    assert!(zh.len() > 1);
    assert_eq!(zh.concat(), "地图轮廓：自然地球（公有领域）。中国视角：自然地球观点线");
}

fn escape_text(text: &str) -> String {
    youcheng::model::show::map_draw::escape(text)
}
