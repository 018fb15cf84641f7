//! Flows aggregated by zoom on the bundled dataset (issue 23, item 3), at the map sizes the
//! layout gives on a phone and a laptop, both map profiles, at the first view, two zoom steps
//! in, close in on China, and with Xi'an selected: the flows carry every pair drawn once, no two
//! flows join the same two markers, the five largest are the five in the strongest class, and
//! the selection's links are drawn one by one; a chosen country fades the flows with no end in
//! it, as a chosen place does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};

use youcheng::model::ask::query::MapProfile;
use youcheng::model::format::dataset::PairIdx;
use youcheng::model::geo::projection::{Centre, KEY_ZOOM_STEP, Projection, View, ViewKey};
use youcheng::model::show::flows::{
    Flow, TOP_CLASS, TOP_FLOWS, chosen_flows, flow_batches, flow_zoom, flows,
};
use youcheng::model::show::map::{
    ArcCache, Choice, Emphasis, Grouping, NodeKey, Scene, Symbol, build_scene, grouping_zoom,
    home_view, layout_symbols, selected_node,
};

// The shared module's data-file helpers are not used here.
#[allow(dead_code)]
mod bundled;
use bundled::{LAPTOP, PHONE, anchors, dataset};

/// Every fault of the flows of one layout, in words.
fn faults(
    scene: &Scene,
    layout: &[Symbol],
    flows: &[Flow],
    selected: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    // Every edge in exactly one flow, and the counts add up to the pairs drawn.
    let mut seen = vec![0; scene.edges.len()];
    for f in flows {
        for &e in &f.edges {
            seen[e] += 1;
        }
        let carried: usize = f.edges.iter().map(|&e| scene.edges[e].pairs.len()).sum();
        if carried != f.pairs {
            out.push(format!("a flow says {} pairs and carries {carried}", f.pairs));
        }
    }
    if let Some(e) = seen.iter().position(|n| *n != 1) {
        out.push(format!("edge {e} is in {} flows", seen[e]));
    }
    let total: usize = flows.iter().map(|f| f.pairs).sum();
    if total != scene.counts().drawn {
        out.push(format!("flows carry {total} pairs, the scene draws {}", scene.counts().drawn));
    }
    // No two drawn flows join the same two markers (the selection's links each join its own
    // two places).
    let marker: HashMap<usize, usize> = layout
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.members.iter().map(move |&m| (m, k)))
        .collect();
    let mut joined = HashSet::new();
    for f in flows.iter().filter(|f| !f.is_loop()) {
        let key = if f.emphasis == Emphasis::Selected {
            (usize::MAX, f.ends[0].min(f.ends[1]), f.ends[0].max(f.ends[1]))
        } else {
            let (a, b) = (marker[&f.ends[0]], marker[&f.ends[1]]);
            if layout[a].node != f.ends[0] || layout[b].node != f.ends[1] {
                out.push("a flow is not drawn between its markers' own places".to_owned());
            }
            (0, a.min(b), a.max(b))
        };
        if !joined.insert(key) {
            out.push(format!("two flows join {key:?}"));
        }
    }
    // The five largest flows (two pairs or more) are the strongest class, and only they are.
    let mut drawn: Vec<&Flow> = flows.iter().filter(|f| !f.is_loop()).collect();
    drawn.sort_by_key(|f| std::cmp::Reverse(f.pairs));
    let top: Vec<&&Flow> = drawn.iter().filter(|f| f.width_class == TOP_CLASS).collect();
    let wanted = drawn.iter().take(TOP_FLOWS).filter(|f| f.pairs >= 2).count();
    if top.len() != wanted {
        out.push(format!("{} flows in the top class, {wanted} wanted", top.len()));
    }
    if let (Some(least_top), Some(fifth)) =
        (top.iter().map(|f| f.pairs).min(), drawn.get(wanted.saturating_sub(1)))
        && least_top < fifth.pairs
    {
        out.push(format!("a flow of {least_top} is top, the fifth largest has {}", fifth.pairs));
    }
    if let Some(s) = selected {
        for f in flows {
            let touches =
                f.edges.iter().any(|&e| scene.edges[e].from == s || scene.edges[e].to == s);
            if touches && (f.emphasis != Emphasis::Selected || f.edges.len() != 1) {
                out.push("a link of the selection is merged or not emphasised".to_owned());
            }
            if !touches && f.emphasis != Emphasis::Dimmed {
                out.push("a flow away from the selection is not faded".to_owned());
            }
        }
    }
    out
}

#[test]
fn flows_merge_with_their_markers_and_lose_nothing() {
    let d = dataset();
    let p = Projection::new(Centre::Pacific);
    let all: Vec<PairIdx> = d.pair_indices().collect();
    let xian = d.place_by_id("cn-xian").expect("Xi'an");
    let mut report = Vec::new();
    for profile in [MapProfile::China, MapProfile::Neutral] {
        let anchors = anchors(&d, profile);
        for (size, viewport) in [("phone", PHONE), ("laptop", LAPTOP)] {
            let first = home_view(&d, &all, &p, viewport);
            let zoom = ViewKey::Zoom(KEY_ZOOM_STEP);
            let two_in = first.after_key(&p, viewport, zoom).after_key(&p, viewport, zoom);
            let close = View { zoom: 12.0, ..two_in };
            for (what, view, chosen) in [
                ("first view", first, None),
                ("two steps in", two_in, None),
                ("close in", close, None),
                ("Xi'an", two_in, Some(xian)),
            ] {
                let grouped =
                    Grouping::Auto.groups(grouping_zoom(view.zoom, first.zoom), chosen.is_some());
                let scene = build_scene(&d, &all, &p, grouped, &anchors);
                let selected = chosen.and_then(|c| scene.node_of(NodeKey::Place(c)));
                // As the map lays them out: at the view's zoom level.
                let layout = layout_symbols(&scene, &p, flow_zoom(view.zoom), viewport, selected);
                let f = flows(&scene, &layout, selected, None);
                for fault in faults(&scene, &layout, &f, selected) {
                    report.push(format!("{profile:?} {size} {what}: {fault}"));
                }
            }
        }
    }
    assert!(report.is_empty(), "{} faults:\n{}", report.len(), report.join("\n"));
}

/// Strokes drawn at the first view before (one per province–country link) and after (one per
/// pair of drawn markers), and that the arcs' paths stay a handful.
#[test]
fn the_first_view_draws_far_fewer_strokes() {
    let d = dataset();
    let p = Projection::new(Centre::Pacific);
    let all: Vec<PairIdx> = d.pair_indices().collect();
    let anchors = anchors(&d, MapProfile::China);
    for (size, viewport) in [("phone", PHONE), ("laptop", LAPTOP)] {
        let first = home_view(&d, &all, &p, viewport);
        let grouped = Grouping::Auto.groups(grouping_zoom(first.zoom, first.zoom), false);
        assert!(grouped, "the first view is grouped");
        let scene = build_scene(&d, &all, &p, grouped, &anchors);
        let layout = layout_symbols(&scene, &p, flow_zoom(first.zoom), viewport, None);
        let f = flows(&scene, &layout, None, None);
        let strokes = f.iter().filter(|f| !f.is_loop()).count();
        let loops: usize = f.iter().filter(|f| f.is_loop()).map(|f| f.pairs).sum();
        println!(
            "{size}: {} links before, {strokes} strokes after ({} markers, {loops} pairs inside one marker)",
            scene.edges.len(),
            layout.len()
        );
        assert!(strokes < scene.edges.len(), "{size}: {strokes} of {}", scene.edges.len());
        let batches = flow_batches(&scene, &f, &p, &mut ArcCache::default());
        assert!(batches.len() <= 4 * 3 * 5, "{} paths", batches.len());
        assert_eq!(batches.iter().map(|b| b.count).sum::<usize>(), strokes);
    }
}

/// Choosing a country (its profile: `?profile=JP`, or Japan from the search) fades every flow
/// with no end in it, as choosing a place does, at the first view (Japan one grouped marker) and
/// where the fit zooms in (Japan's places one by one): its own links are drawn one by one at full
/// strength. Which node is Japanese is read here from the dataset, not from the rule.
#[test]
fn choosing_a_country_fades_the_flows_with_no_end_in_it() {
    let d = dataset();
    let p = Projection::new(Centre::Pacific);
    let all: Vec<PairIdx> = d.pair_indices().collect();
    let jp = d.country_by_iso("JP").expect("Japan");
    let mut report = Vec::new();
    for profile in [MapProfile::China, MapProfile::Neutral] {
        let anchors = anchors(&d, profile);
        for (size, viewport) in [("phone", PHONE), ("laptop", LAPTOP)] {
            let first = home_view(&d, &all, &p, viewport);
            let close = View { zoom: 4.0 * first.zoom, ..first };
            for (what, view) in [("first view", first), ("zoomed in", close)] {
                let grouped = Grouping::Auto.groups(grouping_zoom(view.zoom, first.zoom), false);
                let scene = build_scene(&d, &all, &p, grouped, &anchors);
                let japanese = |n: usize| match scene.nodes[n].key {
                    NodeKey::Country(c) => c == jp,
                    NodeKey::Place(place) => !scene.nodes[n].home && d.place(place).country == jp,
                };
                let keep = selected_node(&scene, None, Some(jp));
                let layout = layout_symbols(&scene, &p, flow_zoom(view.zoom), viewport, keep);
                let choice = Choice::new(&d, &scene, keep, None, Some(jp));
                let f = chosen_flows(&scene, &layout, &choice);
                let at = format!("{profile:?} {size} {what} (grouped {grouped})");
                if grouped == (what == "zoomed in") {
                    report.push(format!("{at}: grouped as not meant"));
                }
                let (mut own, mut faded) = (0, 0);
                for flow in &f {
                    let touches = flow
                        .edges
                        .iter()
                        .any(|&e| japanese(scene.edges[e].from) || japanese(scene.edges[e].to));
                    match (touches, flow.emphasis) {
                        (true, Emphasis::Selected) if flow.edges.len() == 1 => own += 1,
                        (false, Emphasis::Dimmed) => faded += 1,
                        (true, e) => report.push(format!(
                            "{at}: a link of Japan is {e:?} in a flow of {} links",
                            flow.edges.len()
                        )),
                        (false, e) => report.push(format!("{at}: a flow away from Japan is {e:?}")),
                    }
                }
                if own == 0 || faded == 0 {
                    report.push(format!("{at}: {own} links of Japan, {faded} faded flows"));
                }
                for fault in faults(&scene, &layout, &f, None) {
                    report.push(format!("{at}: {fault}"));
                }
            }
        }
    }
    assert!(report.is_empty(), "{} faults:\n{}", report.len(), report.join("\n"));
}
