//! A timing harness (not a test): how long the map's per-frame and per-filter work takes on
//! the bundled dataset at the laptop's map size, natively.
//!
//!     cargo run --release --example map_timing
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use youcheng::model::ask::query::MapProfile;
use youcheng::model::format::dataset::{Dataset, PairIdx};
use youcheng::model::format::load::load;
use youcheng::model::geo::basemap::{country_points, decode_basemap};
use youcheng::model::geo::projection::{Centre, Projection, View, Viewport};
use youcheng::model::i18n::Locale;
use youcheng::model::show::flows::{flow_batches, flows};
use youcheng::model::show::labels::{
    LabelFrame, LabelPlan, label_width, labels_beside, plan_region,
};
use youcheng::model::show::map::{
    ArcCache, build_scene, cluster_zoom, home_view, layout_at_zoom, layout_offset, layout_symbols,
    place_symbols,
};

const LAPTOP: Viewport = Viewport { width: 934.0, height: 491.0 };

fn time<T>(what: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let t = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    println!("{what:<44} {:>8.3} ms", t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("public/data/partnerships.json")).unwrap();
    let d: Dataset = load(&text).unwrap().dataset;
    let dir = root.join("public/data/basemap");
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let map = decode_basemap(
        &read("world-china.topo.json"),
        &read("provinces-china.topo.json"),
        Some(&read("china-extras.geojson")),
    )
    .unwrap();
    let anchors =
        youcheng::model::show::map::country_anchors(&d, &country_points(&map), MapProfile::China);
    let p = Projection::new(Centre::Pacific);
    let vp = LAPTOP;
    let all: Vec<PairIdx> = d.pair_indices().collect();
    let home = home_view(&d, &all, &p, vp);
    let half: Vec<PairIdx> = all.iter().copied().step_by(2).collect();
    for (what, zoom, grouped) in
        [("first view", home.zoom, true), ("city zoom", home.zoom * 3.0, false)]
    {
        println!("-- {what} (zoom {:.2}, grouped {grouped})", zoom);
        let view = View { zoom, ..home };
        let scene =
            time("build_scene (all pairs)", 20, || build_scene(&d, &all, &p, grouped, &anchors));
        let nodes = scene.nodes.len();
        let level = cluster_zoom(zoom);
        let layout = time(&format!("layout_symbols ({nodes} nodes)"), 20, || {
            layout_symbols(&scene, &p, level, vp, None)
        });
        let at = time("layout_at_zoom", 50, || layout_at_zoom(&layout, &scene, &p, zoom, vp));
        let symbols = time("place_symbols", 50, || place_symbols(&at, &p, &view, vp));
        let frame = LabelFrame { zoom, viewport: vp, selected: None, covered: &[] };
        let labels = time("labels_beside (per frame)", 50, || {
            labels_beside(&d, &scene, &symbols, &frame, Locale::En, &label_width)
        });
        println!("   {} symbols on screen, {} labels", symbols.len(), labels.len());
        let offset = layout_offset(&p, &view, vp);
        let region = plan_region(offset, vp, 0.25 * vp.width.max(vp.height));
        let plan = time("LabelPlan::new (once per zoom)", 50, || {
            LabelPlan::new(&d, &scene, &at, &frame, Locale::En, &label_width, region)
        });
        let first = time("LabelPlan::place (fresh)", 50, || plan.place(offset, vp, &[]));
        let mut k = 0.0;
        let mut prev = first.clone();
        time("LabelPlan::place_after (a pan of 3 px)", 50, || {
            k += 3.0;
            prev = plan.place_after(Some(&prev), [offset[0] + k, offset[1] + k / 2.0], vp, &[]);
        });
        println!("   {} labels after the pan", prev.labels.len());
        let fl = time("flows", 20, || flows(&scene, &layout, None, None));
        let mut cache = ArcCache::default();
        time("flow_batches (warm arc cache)", 20, || flow_batches(&scene, &fl, &p, &mut cache));
        // A filter change: half the pairs.
        let scene2 = build_scene(&d, &half, &p, grouped, &anchors);
        let layout2 = time("layout_symbols after a filter (half)", 20, || {
            layout_symbols(&scene2, &p, level, vp, None)
        });
        let fl2 = flows(&scene2, &layout2, None, None);
        time("flow_batches after a filter", 20, || flow_batches(&scene2, &fl2, &p, &mut cache));
    }
}
