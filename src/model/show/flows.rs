//! Flows aggregated by zoom (issue 23, item 3): the arcs of a frame are drawn between the
//! markers as drawn at its zoom, not place by place. Where markers merged into a cluster
//! ([`layout_symbols`](super::map::layout_symbols)), their links merge too: one stroke per pair
//! of drawn markers, its width and strength by the number of partnerships it carries, as
//! FlowmapBlue draws flows between clustered locations.
//!
//! Rules, each tested here and on the bundled dataset (`tests/map_flows.rs`):
//! - every partnership drawn is in exactly one flow (the flows' counts add up to the scene's
//!   pairs; a link inside one cluster is a flow from a marker to itself, counted, not drawn);
//! - no two flows join the same two markers;
//! - the five largest flows (of two pairs or more) are the five in the strongest width class;
//!   the others are classed by their count, below it ([`flow_class`]);
//! - the selection's own links are drawn one by one, at full strength, to each partner's own
//!   place; the other flows are aggregated and faded.
//!
//! Worked out once per zoom level ([`flow_zoom`]), filters and selection, never per frame: the
//! state layer keeps the flows in a memo of the markers laid out at the level's zoom.

use rustc_hash::FxHashMap;

use std::collections::BTreeMap;

use super::map::{
    ArcBatch, ArcCache, Choice, Emphasis, MapPick, Scene, Symbol, cluster_zoom, hit_symbol,
    nearest_arc,
};
use crate::model::format::dataset::{Kind, PairIdx};
use crate::model::geo::projection::{Projection, View, Viewport};

/// One stroke of the map: the partnerships between two drawn markers (or one link of the
/// selection).
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// The nodes the stroke joins: the heads of the two markers (for a link of the selection,
    /// its own two places). The first is the end of the first home-side place met.
    pub ends: [usize; 2],
    /// The partnerships it carries.
    pub pairs: usize,
    /// The type when every pair has the same one.
    pub kind: Option<Kind>,
    /// How it is emphasised.
    pub emphasis: Emphasis,
    /// Width class (0 thinnest … [`TOP_CLASS`]).
    pub width_class: u8,
    /// The scene's edges it stands for.
    pub edges: Vec<usize>,
}

impl Flow {
    /// True for a flow inside one marker (both ends merged): counted, not drawn.
    pub fn is_loop(&self) -> bool {
        self.ends[0] == self.ends[1]
    }
}

/// The strongest width class: only the five largest flows of a view get it.
pub const TOP_CLASS: u8 = 4;
/// How many flows the strongest class holds.
pub const TOP_FLOWS: usize = 5;

/// The width class of a flow of `n` pairs below the top class: one pair, 2–4, 5–14, 15 and
/// more. The top class is given by rank ([`flows`]), so the five largest flows of a view are
/// its five strongest strokes whatever their counts.
pub fn flow_class(n: usize) -> u8 {
    match n {
        0..=1 => 0,
        2..=4 => 1,
        5..=14 => 2,
        _ => 3,
    }
}

/// The zoom level the flows of a view are aggregated at: the level its markers merge at
/// ([`cluster_zoom`]), so a flow joins two markers as drawn. A wheel or pinch changes the zoom
/// every frame; the flows (and their canvas paths) change only when it crosses a level.
pub fn flow_zoom(zoom: f64) -> f64 {
    cluster_zoom(zoom)
}

/// One marker per node, each at its node's place: the layout when nothing merges (and the
/// flows are then the scene's edges).
pub fn one_marker_each(scene: &Scene) -> Vec<Symbol> {
    scene.nodes.iter().enumerate().map(|(i, n)| Symbol::single(i, n.pos, 0.0, n.weight)).collect()
}

/// The flows of a scene between the markers of `layout` (every node a member of one marker,
/// as [`layout_symbols`](super::map::layout_symbols) gives), with a selected node or pair (see
/// [`chosen_flows`]).
pub fn flows(
    scene: &Scene,
    layout: &[Symbol],
    selected_node: Option<usize>,
    selected_pair: Option<PairIdx>,
) -> Vec<Flow> {
    chosen_flows(scene, layout, &Choice::of(selected_node, selected_pair))
}

/// The flows of a scene between the markers of `layout` for what the user chose: the links
/// that touch the choice ([`Choice::touches`]: a place, a pair, a country's places) are flows
/// of their own ([`Emphasis::Selected`]) and the rest are aggregated and [`Emphasis::Dimmed`];
/// with nothing chosen all are [`Emphasis::Normal`]. Flows come in a stable order (by their
/// first edge).
pub fn chosen_flows(scene: &Scene, layout: &[Symbol], choice: &Choice) -> Vec<Flow> {
    let mut marker = vec![usize::MAX; scene.nodes.len()];
    for (k, s) in layout.iter().enumerate() {
        for &m in &s.members {
            if let Some(slot) = marker.get_mut(m) {
                *slot = k;
            }
        }
    }
    let anything_selected = !choice.is_empty();
    let mut out: Vec<Flow> = Vec::new();
    let mut index: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (e, edge) in scene.edges.iter().enumerate() {
        let touches = choice.touches(edge);
        let (a, b) = (marker[edge.from], marker[edge.to]);
        // A node in no marker (a layout of another scene) is drawn at its own place.
        let head = |k: usize, node: usize| layout.get(k).map_or(node, |s| s.node);
        if touches || a == usize::MAX || b == usize::MAX {
            out.push(Flow {
                ends: [edge.from, edge.to],
                pairs: edge.pairs.len(),
                kind: edge.kind,
                emphasis: match (touches, anything_selected) {
                    (true, _) => Emphasis::Selected,
                    (false, true) => Emphasis::Dimmed,
                    (false, false) => Emphasis::Normal,
                },
                width_class: 0,
                edges: vec![e],
            });
            continue;
        }
        let key = (a.min(b), a.max(b));
        match index.get(&key) {
            Some(&f) => {
                let flow = &mut out[f];
                flow.pairs += edge.pairs.len();
                if flow.kind != edge.kind {
                    flow.kind = None;
                }
                flow.edges.push(e);
            }
            None => {
                index.insert(key, out.len());
                out.push(Flow {
                    ends: [head(a, edge.from), head(b, edge.to)],
                    pairs: edge.pairs.len(),
                    kind: edge.kind,
                    emphasis: if anything_selected { Emphasis::Dimmed } else { Emphasis::Normal },
                    width_class: 0,
                    edges: vec![e],
                });
            }
        }
    }
    classify(&mut out);
    out
}

/// Gives each drawn flow its width class: the [`TOP_FLOWS`] largest (of two pairs or more;
/// ties by order) the top class, the rest by [`flow_class`].
fn classify(flows: &mut [Flow]) {
    let mut order: Vec<usize> = (0..flows.len()).filter(|&f| !flows[f].is_loop()).collect();
    order.sort_by(|&a, &b| flows[b].pairs.cmp(&flows[a].pairs).then(a.cmp(&b)));
    for (rank, &f) in order.iter().enumerate() {
        let n = flows[f].pairs;
        flows[f].width_class = if rank < TOP_FLOWS && n >= 2 { TOP_CLASS } else { flow_class(n) };
    }
}

/// The arcs of a scene as a few batched paths, one per style (type, emphasis, width class),
/// each link its own flow (see [`flow_batches`] for flows between the markers of a zoom).
/// `selected_node` emphasises its links; `selected_pair` emphasises one partnership.
pub fn arc_batches(
    scene: &Scene,
    projection: &Projection,
    selected_node: Option<usize>,
    selected_pair: Option<PairIdx>,
    cache: &mut ArcCache,
) -> Vec<ArcBatch> {
    let flows = flows(scene, &one_marker_each(scene), selected_node, selected_pair);
    flow_batches(scene, &flows, projection, cache)
}

/// The flows of a frame  as a few batched paths, one per style (type,
/// emphasis, width class): each flow an arc between the places of its two ends; a flow inside
/// one marker is not drawn. Arc geometry comes from (and goes into) `cache`.
pub fn flow_batches(
    scene: &Scene,
    flows: &[Flow],
    projection: &Projection,
    cache: &mut ArcCache,
) -> Vec<ArcBatch> {
    type Style = (Option<Kind>, Emphasis, u8);
    let mut groups: BTreeMap<Style, (String, usize)> = BTreeMap::new();
    for flow in flows.iter().filter(|f| !f.is_loop()) {
        let (Some(a), Some(b)) = (scene.nodes.get(flow.ends[0]), scene.nodes.get(flow.ends[1]))
        else {
            continue;
        };
        let entry = groups.entry((flow.kind, flow.emphasis, flow.width_class)).or_default();
        entry.0.push_str(cache.path(projection, a.lonlat, b.lonlat));
        entry.1 += 1;
    }
    groups
        .into_iter()
        .map(|((kind, emphasis, width_class), (path, count))| ArcBatch {
            kind,
            emphasis,
            width_class,
            path,
            count,
        })
        .collect()
}

/// The flow under a screen point (see [`super::map::arc_hit_test`]): the arcs as drawn at this zoom.
pub fn flow_hit_test(
    scene: &Scene,
    flows: &[Flow],
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    point: [f64; 2],
    tolerance: f64,
) -> Option<usize> {
    // A flow inside one marker is not drawn: its ends give no arc to hit.
    let ends = flows.iter().map(|f| f.ends);
    nearest_arc(scene, ends, projection, view, viewport, point, tolerance)
}

/// What a click at a screen point chooses: the marker under it among the frame's `symbols`
/// (a cluster's heaviest member, the place it is drawn at and named after); else the arc under
/// it among the frame's `flows` (one partnership, or, for a flow of several, its first end,
/// the Chinese side's marker); else nothing.
pub fn pick_at(
    scene: &Scene,
    flows: &[Flow],
    symbols: &[Symbol],
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    point: [f64; 2],
) -> MapPick {
    const SLOP_PX: f64 = 4.0;
    if let Some(i) = hit_symbol(symbols, point, SLOP_PX) {
        return MapPick::Node(scene.nodes[i].key);
    }
    let Some(f) = flow_hit_test(scene, flows, projection, view, viewport, point, SLOP_PX)
        .and_then(|f| flows.get(f))
    else {
        return MapPick::Nothing;
    };
    let only = match f.edges.as_slice() {
        [e] => scene.edges.get(*e).and_then(|e| match e.pairs.as_slice() {
            [only] => Some(*only),
            _ => None,
        }),
        _ => None,
    };
    match (only, scene.nodes.get(f.ends[0])) {
        (Some(pair), _) => MapPick::Pair(pair),
        (None, Some(node)) => MapPick::Node(node.key),
        (None, None) => MapPick::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::model::format::dataset::Dataset;
    use crate::model::format::load::load;
    use crate::model::geo::projection::{Centre, Projection};
    use crate::model::show::map::{NodeKey, build_scene, frame_symbols, selected_node};

    fn all(d: &Dataset) -> Vec<PairIdx> {
        d.pair_indices().collect()
    }

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn scene(d: &Dataset) -> Scene {
        let p = Projection::new(Centre::Pacific);
        build_scene(d, &d.pair_indices().collect::<Vec<_>>(), &p, false, &HashMap::new())
    }

    #[test]
    fn with_every_marker_apart_a_flow_is_an_edge() {
        let d = fixture();
        let s = scene(&d);
        let f = flows(&s, &one_marker_each(&s), None, None);
        assert_eq!(f.len(), s.edges.len());
        assert!(f.iter().all(|f| f.emphasis == Emphasis::Normal && f.edges.len() == 1));
    }

    #[test]
    fn merged_markers_merge_their_flows_and_nothing_is_lost() {
        let d = fixture();
        let s = scene(&d);
        // Every home place in one marker, every partner in another: one flow carries all.
        let homes: Vec<usize> = (0..s.nodes.len()).filter(|&n| s.nodes[n].home).collect();
        let partners: Vec<usize> = (0..s.nodes.len()).filter(|&n| !s.nodes[n].home).collect();
        let layout = vec![
            Symbol { members: homes.clone(), ..Symbol::single(homes[0], [0.0, 0.0], 1.0, 0) },
            Symbol { members: partners.clone(), ..Symbol::single(partners[0], [9.0, 0.0], 1.0, 0) },
        ];
        let f = flows(&s, &layout, None, None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].pairs, s.counts().drawn);
        assert_eq!(f[0].ends, [homes[0], partners[0]], "drawn between the markers' heads");
        assert_eq!(f[0].width_class, TOP_CLASS, "the largest flow, of several pairs");
        assert_eq!(f[0].kind, None, "sister and intent together");
        // Everything in one marker: a loop, counted but not a stroke.
        let all: Vec<usize> = (0..s.nodes.len()).collect();
        let one = vec![Symbol { members: all, ..Symbol::single(0, [0.0, 0.0], 1.0, 0) }];
        let f = flows(&s, &one, None, None);
        assert!(f.len() == 1 && f[0].is_loop() && f[0].pairs == s.counts().drawn);
    }

    #[test]
    fn the_selections_links_stay_apart_and_the_rest_fade() {
        let d = fixture();
        let s = scene(&d);
        let yanan = s.node_of(NodeKey::Place(d.place_by_id("cn-yanan").expect("Yan'an")));
        let all: Vec<usize> = (0..s.nodes.len()).filter(|n| Some(*n) != yanan).collect();
        // Every other node in one marker; Yan'an's two links are drawn one by one.
        let layout = vec![
            Symbol::single(yanan.expect("node"), [0.0, 0.0], 1.0, 0),
            Symbol { members: all.clone(), ..Symbol::single(all[0], [0.0, 0.0], 1.0, 0) },
        ];
        let f = flows(&s, &layout, yanan, None);
        let selected: Vec<&Flow> = f.iter().filter(|f| f.emphasis == Emphasis::Selected).collect();
        assert_eq!(selected.len(), 2);
        assert!(
            selected.iter().all(|f| f.edges.len() == 1 && f.ends.contains(&yanan.unwrap_or(0)))
        );
        assert!(
            f.iter()
                .filter(|f| f.emphasis != Emphasis::Selected)
                .all(|f| f.emphasis == Emphasis::Dimmed)
        );
        assert_eq!(f.iter().map(|f| f.pairs).sum::<usize>(), s.counts().drawn);
    }

    #[test]
    fn a_chosen_country_keeps_its_links_and_fades_the_rest() {
        let d = fixture();
        let s = scene(&d);
        let jp = d.country_by_iso("JP").expect("JP");
        let node = |id: &str| s.node_of(NodeKey::Place(d.place_by_id(id).expect("place")));
        // Places one by one (no Japan marker): Xi'an–Nara is Japan's only link.
        let choice = Choice::new(&d, &s, None, None, Some(jp));
        let f = chosen_flows(&s, &one_marker_each(&s), &choice);
        let selected: Vec<&Flow> = f.iter().filter(|f| f.emphasis == Emphasis::Selected).collect();
        assert_eq!(selected.len(), 1, "{f:?}");
        let ends = selected[0].ends;
        assert!(ends.contains(&node("jp-nara").expect("Nara")), "{ends:?}");
        assert!(ends.contains(&node("cn-xian").expect("Xi'an")), "{ends:?}");
        assert_eq!(f.iter().filter(|f| f.emphasis == Emphasis::Dimmed).count(), f.len() - 1);
        // No country: as before, nothing fades.
        let none = chosen_flows(&s, &one_marker_each(&s), &Choice::new(&d, &s, None, None, None));
        assert!(none.iter().all(|f| f.emphasis == Emphasis::Normal));
    }

    #[test]
    fn flows_change_only_at_a_zoom_level() {
        assert_eq!(flow_zoom(1.0), 1.0);
        assert_eq!(flow_zoom(2.0), 2.0);
        let level = flow_zoom(1.1);
        for zoom in [1.0, 1.05, 1.1, 1.15, 1.18] {
            assert_eq!(flow_zoom(zoom), level, "{zoom}");
        }
        assert!(flow_zoom(1.2) > level, "the next level from 2^(1/4)");
        for zoom in [0.7, 1.3, 3.7, 12.0, 40.0] {
            let z = flow_zoom(zoom);
            assert!(z <= zoom && z > zoom / 2f64.powf(0.25) - 1e-9, "{zoom} → {z}");
        }
    }

    #[test]
    fn only_the_five_largest_flows_are_in_the_top_class() {
        let flow = |pairs: usize| Flow {
            ends: [pairs, pairs + 100],
            pairs,
            kind: None,
            emphasis: Emphasis::Normal,
            width_class: 0,
            edges: vec![],
        };
        let mut f: Vec<Flow> = [60, 50, 40, 3, 90, 70, 45, 1, 2].map(flow).to_vec();
        classify(&mut f);
        let top: Vec<usize> =
            f.iter().filter(|f| f.width_class == TOP_CLASS).map(|f| f.pairs).collect();
        assert_eq!(top, [60, 50, 90, 70, 45], "40 has the class of its count, below");
        assert_eq!(f[2].width_class, 3);
        // A single pair is never a top flow, even among few.
        let mut few: Vec<Flow> = [1, 1, 2].map(flow).to_vec();
        classify(&mut few);
        assert_eq!(few.iter().map(|f| f.width_class).collect::<Vec<_>>(), [0, 0, TOP_CLASS]);
    }
    #[test]
    fn arcs_are_batched_by_style_not_one_path_per_pair() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let batches = arc_batches(&scene, &p, None, None, &mut ArcCache::default());
        assert_eq!(batches.iter().map(|b| b.count).sum::<usize>(), 4);
        assert_eq!(batches.len(), 2, "sister and intent");
        let xian = scene.node_of(NodeKey::Place(d.place_by_id("cn-xian").unwrap()));
        let selected = arc_batches(&scene, &p, xian, None, &mut ArcCache::default());
        let emphasised: usize =
            selected.iter().filter(|b| b.emphasis == Emphasis::Selected).map(|b| b.count).sum();
        let dimmed: usize =
            selected.iter().filter(|b| b.emphasis == Emphasis::Dimmed).map(|b| b.count).sum();
        assert_eq!((emphasised, dimmed), (1, 3));
    }

    #[test]
    fn clicks_pick_markers_then_arcs_then_nothing() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 400.0 };
        let view = View::default();
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let nara = d.place_by_id("jp-nara").expect("Nara");
        let node = scene.node_of(NodeKey::Place(nara)).expect("a marker");
        let at = view.to_screen(&p, viewport, scene.nodes[node].pos);
        let symbols = frame_symbols(&scene, &p, &view, viewport, None);
        let flows = flows(&scene, &one_marker_each(&scene), None, None);
        let pick = |at| pick_at(&scene, &flows, &symbols, &p, &view, viewport, at);
        assert_eq!(pick(at), MapPick::Node(NodeKey::Place(nara)));
        assert_eq!(pick([2.0, 398.0]), MapPick::Nothing);
        assert_eq!(selected_node(&scene, Some(nara), None), Some(node));
        let us = d.country_by_iso("US").expect("US");
        assert_eq!(selected_node(&scene, None, Some(us)), None, "no country markers ungrouped");
    }
}
