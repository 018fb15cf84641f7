//! What the map draws, worked out without a browser: nodes (places, or provinces and
//! countries when grouped), arcs batched by style into a few paths, labels placed without
//! overlaps, hit-testing, and choropleth classes.
//!
//! Invariant: the number of arc batches does not grow with the number of partnerships (at
//! most one path per type × emphasis × width class), so 26,000 arcs are a handful of canvas
//! paths, not 26,000 DOM nodes.

use std::collections::HashMap;

use super::counted::counted;
use crate::model::ask::filter::Filters;
use crate::model::ask::query::MapProfile;
use crate::model::ask::scope::{Reach, among_shown, country_count, place_count};
use crate::model::format::dataset::{CountryIdx, Dataset, Kind, PairIdx, PlaceIdx};
use crate::model::format::date::PartialDate;
use crate::model::geo::LonLat;
use crate::model::geo::arc::{arc_pieces, path_data};
use crate::model::geo::projection::{MAX_ZOOM, MIN_ZOOM, Projection, View, Viewport};
use crate::model::i18n::{Locale, country_name, fill, other_name, place_name};
use rustc_hash::FxHashMap;

/// Below this zoom the map groups places into provinces and countries by default.
pub const GROUP_BELOW_ZOOM: f64 = 1.8;

/// Automatic grouping ends this many times closer than the first view.
const UNGROUP_FROM_HOME: f64 = 1.6;

/// The zoom [`Grouping::groups`] decides by: a view's zoom scaled so that the first view
/// (`home_zoom`) is grouped on every screen and places show on their own from
/// 1.6 times closer (and never before [`GROUP_BELOW_ZOOM`]).
pub fn grouping_zoom(zoom: f64, home_zoom: f64) -> f64 {
    zoom * GROUP_BELOW_ZOOM / (UNGROUP_FROM_HOME * home_zoom).max(GROUP_BELOW_ZOOM)
}

/// What a map node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKey {
    /// A place (in grouped mode, a Chinese province).
    Place(PlaceIdx),
    /// A partner country (grouped mode).
    Country(CountryIdx),
}

/// A marker on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What it is.
    pub key: NodeKey,
    /// Where, in map units.
    pub pos: [f64; 2],
    /// Where, on the globe (arcs are computed from it).
    pub lonlat: LonLat,
    /// Number of partnerships it takes part in (within the selection).
    pub weight: u32,
    /// True for home-side (Chinese) nodes.
    pub home: bool,
}

/// One drawn link: a partnership, or in grouped mode all partnerships between a province and a
/// country.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index of the home node.
    pub from: usize,
    /// Index of the partner node.
    pub to: usize,
    /// The partnerships it stands for.
    pub pairs: Vec<PairIdx>,
    /// The type when every pair has the same one.
    pub kind: Option<Kind>,
}

/// The map's content for a selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Markers.
    pub nodes: Vec<Node>,
    /// Links.
    pub edges: Vec<Edge>,
    /// True when places are grouped into provinces and countries.
    pub grouped: bool,
    /// Partnerships not drawn because a side has no coordinates.
    pub unplaced: usize,
}

impl Scene {
    /// The node index of a key.
    pub fn node_of(&self, key: NodeKey) -> Option<usize> {
        self.nodes.iter().position(|n| n.key == key)
    }
}

/// Builds the scene: one node per place (or per province and country when `grouped`), one
/// edge per pair (or per province–country link).
pub fn build_scene(
    dataset: &Dataset,
    pairs: &[PairIdx],
    projection: &Projection,
    grouped: bool,
    country_points: &HashMap<CountryIdx, LonLat>,
) -> Scene {
    let mut scene = Scene { grouped, ..Scene::default() };
    // Node of each place and country, by index (u32::MAX: none yet); faster than a map.
    const NONE: u32 = u32::MAX;
    let mut place_slot = vec![NONE; dataset.places().len()];
    let mut country_slot = vec![NONE; dataset.countries().len()];
    let mut edge_index: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let lonlat_of = |key: NodeKey| match key {
        NodeKey::Place(p) => dataset.place(p).coords,
        NodeKey::Country(c) => country_points.get(&c).copied(),
    };
    let mut node = |scene: &mut Scene, key: NodeKey, lonlat: LonLat, home: bool| -> Option<usize> {
        let slot = match key {
            NodeKey::Place(p) => place_slot.get_mut(p.0 as usize)?,
            NodeKey::Country(c) => country_slot.get_mut(c.0 as usize)?,
        };
        if *slot != NONE {
            return Some(*slot as usize);
        }
        let pos = projection.forward(lonlat.lon_deg(), lonlat.lat_deg());
        scene.nodes.push(Node { key, pos, lonlat, weight: 0, home });
        *slot = (scene.nodes.len() - 1) as u32;
        Some(scene.nodes.len() - 1)
    };
    for &pair_idx in pairs {
        let pair = dataset.partnership(pair_idx);
        let (home_key, partner_key) = if grouped {
            let home = dataset
                .province_of(pair.home)
                .filter(|p| dataset.place(*p).coords.is_some())
                .unwrap_or(pair.home);
            (NodeKey::Place(home), NodeKey::Country(dataset.place(pair.partner).country))
        } else {
            (NodeKey::Place(pair.home), NodeKey::Place(pair.partner))
        };
        // A pair with a side that cannot be placed adds no marker for either side.
        let (Some(home_at), Some(partner_at)) = (lonlat_of(home_key), lonlat_of(partner_key))
        else {
            scene.unplaced += 1;
            continue;
        };
        let (Some(from), Some(to)) = (
            node(&mut scene, home_key, home_at, true),
            node(&mut scene, partner_key, partner_at, false),
        ) else {
            scene.unplaced += 1;
            continue;
        };
        scene.nodes[from].weight += 1;
        scene.nodes[to].weight += 1;
        match edge_index.get(&(from, to)) {
            Some(&e) => {
                let edge = &mut scene.edges[e];
                edge.pairs.push(pair_idx);
                if edge.kind != Some(pair.kind) {
                    edge.kind = None;
                }
            }
            None => {
                edge_index.insert((from, to), scene.edges.len());
                scene.edges.push(Edge { from, to, pairs: vec![pair_idx], kind: Some(pair.kind) });
            }
        }
    }
    scene
}

/// How an arc is emphasised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Emphasis {
    /// Nothing is selected.
    Normal,
    /// It touches the selected node or is the selected pair.
    Selected,
    /// Something else is selected.
    Dimmed,
}

/// One canvas path of arcs sharing a style.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcBatch {
    /// The type, or `None` for grouped links of mixed types.
    pub kind: Option<Kind>,
    /// Emphasis.
    pub emphasis: Emphasis,
    /// Width class: 0 for single pairs up to 4 for the five largest flows (see `flows`).
    pub width_class: u8,
    /// Path data in map units (y down).
    pub path: String,
    /// Number of links in the batch.
    pub count: usize,
}

/// What the user chose, as the map shows it: a marker (a place, or a country's marker when
/// places are grouped), a pair, or a country whose places are drawn one by one (its own places,
/// never the Chinese ones). One rule for the markers and the arcs: a link touches the choice
/// when it joins the chosen marker, carries the chosen pair or has an end among the chosen
/// country's places; with a choice, what does not touch it fades (choosing Japan once faded
/// its places but left every arc at full strength).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choice {
    node: Option<usize>,
    pair: Option<PairIdx>,
    /// A chosen country's nodes, by node (only when no marker or pair is chosen).
    country: Option<Vec<bool>>,
}

impl Choice {
    /// A chosen marker and/or pair (no country).
    pub fn of(node: Option<usize>, pair: Option<PairIdx>) -> Choice {
        Choice { node, pair, country: None }
    }

    /// What the user chose: the selected marker (the place's, or the country's when grouped —
    /// [`selected_node`]), the selected pair, and the country whose profile is open, which counts
    /// by its places only when neither a marker nor a pair is chosen.
    pub fn new(
        dataset: &Dataset,
        scene: &Scene,
        node: Option<usize>,
        pair: Option<PairIdx>,
        country: Option<CountryIdx>,
    ) -> Choice {
        let mut out = Choice::of(node, pair);
        if let Some(country) = country.filter(|_| out.is_empty()) {
            let of_country = |n: &Node| match n.key {
                NodeKey::Place(p) => !n.home && dataset.place(p).country == country,
                NodeKey::Country(c) => c == country,
            };
            out.country = Some(scene.nodes.iter().map(of_country).collect());
        }
        out
    }

    /// True when nothing is chosen (nothing fades).
    pub fn is_empty(&self) -> bool {
        self.node.is_none() && self.pair.is_none() && self.country.is_none()
    }

    /// True when `edge` touches the choice (see [`Choice`]).
    pub fn touches(&self, edge: &Edge) -> bool {
        let chosen = |n: usize| {
            self.node == Some(n) || self.country.as_ref().is_some_and(|c| c.get(n) == Some(&true))
        };
        chosen(edge.from) || chosen(edge.to) || self.pair.is_some_and(|p| edge.pairs.contains(&p))
    }

    /// How each node of `scene` is emphasised: with nothing chosen all are normal; else the
    /// chosen marker and the ends of the links that touch the choice stand out and the rest fade.
    pub fn emphasis(&self, scene: &Scene) -> Vec<Emphasis> {
        if self.is_empty() {
            return vec![Emphasis::Normal; scene.nodes.len()];
        }
        let mut out = vec![Emphasis::Dimmed; scene.nodes.len()];
        for e in scene.edges.iter().filter(|e| self.touches(e)) {
            out[e.from] = Emphasis::Selected;
            out[e.to] = Emphasis::Selected;
        }
        if let Some(slot) = self.node.and_then(|n| out.get_mut(n)) {
            *slot = Emphasis::Selected;
        }
        out
    }
}

/// How each node is emphasised: with nothing selected all are normal; else the selected node,
/// its partners and the ends of the selected pair stand out and the rest fade.
pub fn node_emphasis(
    scene: &Scene,
    selected_node: Option<usize>,
    selected_pair: Option<PairIdx>,
) -> Vec<Emphasis> {
    Choice::of(selected_node, selected_pair).emphasis(scene)
}

/// How each node is emphasised for what the user chose ([`Choice::new`]): a place or a pair
/// as [`node_emphasis`]; a country (its profile) by its node when places are grouped, else by
/// its places: they and the places tied to them stand out and the rest fade.
pub fn choice_emphasis(
    dataset: &Dataset,
    scene: &Scene,
    selected_node: Option<usize>,
    selected_pair: Option<PairIdx>,
    country: Option<CountryIdx>,
) -> Vec<Emphasis> {
    Choice::new(dataset, scene, selected_node, selected_pair, country).emphasis(scene)
}

/// Arc paths already worked out, by their end points, so a filter or selection change only
/// computes the arcs it has not seen. Cleared when the projection changes.
#[derive(Debug, Default)]
pub struct ArcCache {
    projection: Option<Projection>,
    paths: FxHashMap<[u64; 4], String>,
}

impl ArcCache {
    /// The path data of the great-circle arc from `a` to `b` (worked out once).
    pub fn path(&mut self, projection: &Projection, a: LonLat, b: LonLat) -> &str {
        if self.projection != Some(*projection) {
            self.paths.clear();
            self.projection = Some(*projection);
        }
        let key = [
            a.lon_deg().to_bits(),
            a.lat_deg().to_bits(),
            b.lon_deg().to_bits(),
            b.lat_deg().to_bits(),
        ];
        self.paths.entry(key).or_insert_with(|| path_data(&arc_pieces(projection, a, b), false))
    }

    /// Number of arcs held.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// Marker radius in px for a node weight: grows with the square root, so area tracks count.
pub fn marker_radius(weight: u32) -> f64 {
    (2.0 + (weight as f64).sqrt() * 1.3).min(20.0)
}

/// A marker as drawn: its node, its centre and radius in screen px, and the nodes it stands
/// for (more than one where crowded markers merged into a cluster).
#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    /// Node index: the heaviest member's, whose place the marker is drawn at.
    pub node: usize,
    /// Centre in screen px.
    pub at: [f64; 2],
    /// Radius in px.
    pub radius: f64,
    /// The summed weight of the members.
    pub weight: u32,
    /// The member nodes, the one it is drawn at first (`members[0] == node`).
    pub members: Vec<usize>,
}

impl Symbol {
    /// A marker for one node alone.
    pub fn single(node: usize, at: [f64; 2], radius: f64, weight: u32) -> Symbol {
        Symbol { node, at, radius, weight, members: vec![node] }
    }

    /// How many places (or countries) other than the named one the marker stands for.
    pub fn others(&self) -> usize {
        self.members.len().saturating_sub(1)
    }
}

/// Who a marker is named after (its label, its tooltip): "Seoul +12" names the cluster by one
/// of its members.
///
/// The rule: the selection when it is a member (it is never merged, so it names only its own
/// marker); else, among the members tied to the selection, the one its sheet lists first
/// (`rows::partner_rows`: the oldest tie, a dated one before an undated one); else the
/// heaviest member, whose place the marker is drawn at. A selection's partners merge only
/// with each other, so the heaviest of them named the cluster: "Obama +3" for Xi'an's
/// partners round Kyoto, where Nara (its partner since 1974, the first its sheet lists) is
/// the story.
pub struct ClusterNames {
    /// Each node tied to the selection, with its oldest tie's sort key (undated last, then
    /// the date, then the pair's id).
    first_tie: FxHashMap<usize, (bool, Option<PartialDate>, String)>,
    selected: Option<usize>,
}

impl ClusterNames {
    /// The names of a scene's markers with `selected` chosen.
    pub fn new(dataset: &Dataset, scene: &Scene, selected: Option<usize>) -> ClusterNames {
        let mut first_tie: FxHashMap<usize, (bool, Option<PartialDate>, String)> =
            FxHashMap::default();
        if let Some(s) = selected {
            for e in scene.edges.iter().filter(|e| e.from == s || e.to == s) {
                let other = if e.from == s { e.to } else { e.from };
                for &p in &e.pairs {
                    let pair = dataset.partnership(p);
                    let date = pair.first_date();
                    let key = (date.is_none(), date, pair.id.clone());
                    match first_tie.get(&other) {
                        Some(k) if *k <= key => {}
                        _ => {
                            first_tie.insert(other, key);
                        }
                    }
                }
            }
        }
        ClusterNames { first_tie, selected }
    }

    /// The node a marker is named after.
    pub fn member(&self, symbol: &Symbol) -> usize {
        if let Some(s) = self.selected.filter(|s| symbol.members.contains(s)) {
            return s;
        }
        symbol
            .members
            .iter()
            .filter_map(|m| self.first_tie.get(m).map(|k| (k, *m)))
            .min()
            .map_or(symbol.node, |(_, m)| m)
    }
}

/// How far past the viewport's edge a marker is still drawn, in px (part of it shows).
const SYMBOL_MARGIN_PX: f64 = 30.0;
/// The largest marker radius in map units (about 200 km): a marker is never much larger than
/// the place it stands for, so at world zoom a province's disc does not cover half of China.
const SYMBOL_CAP_UNITS: f64 = 5.0;
/// The cap never goes below this many px: a marker stays big enough to see and to hit.
const SYMBOL_MIN_CAP_PX: f64 = 3.5;
/// Rounds of merging clusters that grew into each other.
const MERGE_ROUNDS: usize = 16;

/// The radius a node's marker is drawn with in a view: by its count (area tracks the count),
/// capped by the map's scale at that zoom.
pub fn symbol_radius(weight: u32, projection: &Projection, view: &View, viewport: Viewport) -> f64 {
    let cap = (SYMBOL_CAP_UNITS * view.scale(projection, viewport)).max(SYMBOL_MIN_CAP_PX);
    marker_radius(weight).min(cap)
}

/// Whether two markers crowd each other so much that they merge: their discs overlap by more
/// than half the smaller one's radius (so the centres are closer than the larger radius plus
/// half the smaller). Markers that stay apart each show at least about half their disc.
fn crowded(a: &Symbol, b: &Symbol) -> bool {
    let d = ((a.at[0] - b.at[0]).powi(2) + (a.at[1] - b.at[1]).powi(2)).sqrt();
    d < a.radius.max(b.radius) + a.radius.min(b.radius) / 2.0
}

/// Zoom levels per doubling of the scale at which markers (and so flows) merge again.
const LEVELS_PER_DOUBLING: f64 = 4.0;

/// The zoom level a view's markers merge at: the zoom rounded down to a quarter of a doubling
/// (a step of about 19 %). A wheel or pinch changes the zoom every frame; which markers merge
/// (worked out by [`layout_symbols`], a few milliseconds on the bundled data) changes only when
/// the zoom crosses a level, and each frame only places the level's markers at its own zoom
/// ([`layout_at_zoom`]). Rounded down, so a view's markers are merged as in a view a little
/// farther out.
pub fn cluster_zoom(zoom: f64) -> f64 {
    if !(zoom.is_finite() && zoom > 0.0) {
        return zoom;
    }
    let level = (zoom.log2() * LEVELS_PER_DOUBLING + 1e-9).floor();
    (level / LEVELS_PER_DOUBLING).exp2()
}

/// A [`layout_symbols`] worked out at a level ([`cluster_zoom`]) as drawn at a zoom of that
/// level: each marker at its head's place and with the radius its weight has at `zoom`. From
/// the level to the zoom, distances grow by the zoom's ratio and a radius by at most that
/// ratio, so markers that did not crowd each other at the level do not at the zoom.
pub fn layout_at_zoom(
    layout: &[Symbol],
    scene: &Scene,
    projection: &Projection,
    zoom: f64,
    viewport: Viewport,
) -> Vec<Symbol> {
    let view = View { cx: 0.0, cy: 0.0, zoom };
    layout
        .iter()
        .filter_map(|sym| {
            let node = scene.nodes.get(sym.node)?;
            Some(Symbol {
                at: view.to_screen(projection, viewport, node.pos),
                radius: symbol_radius(sym.weight, projection, &view, viewport),
                ..sym.clone()
            })
        })
        .collect()
}

/// The markers of a frame in drawing order (the most partnerships first, so small markers
/// stay on top), those off screen left out. Crowded markers merge into one cluster marker
/// (see [`layout_symbols`]), as at the view's level ([`cluster_zoom`]). The one geometry the
/// canvas draws, the pointer hits and the labels sit beside, so a label can only be where its
/// marker is drawn. `keep` (the selected node) is never merged.
pub fn frame_symbols(
    scene: &Scene,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    keep: Option<usize>,
) -> Vec<Symbol> {
    let level = layout_symbols(scene, projection, cluster_zoom(view.zoom), viewport, keep);
    place_symbols(
        &layout_at_zoom(&level, scene, projection, view.zoom, viewport),
        projection,
        view,
        viewport,
    )
}

/// Every marker of a scene as drawn at a zoom, centred on the map's origin: what
/// [`frame_symbols`] moves to the view's centre. A pan only moves it, so the browser works it
/// out once per zoom.
///
/// Markers never move off their place: markers that crowd each other (their discs overlap by
/// more than half the smaller radius) merge greedily, heaviest first, into one cluster marker
/// drawn at its heaviest member's own place (not a weighted centre, which could fall in the
/// sea or on a place not in the data), its radius by the summed weight under the same cap.
/// The `keep` node (the selection) stays a marker of its own.
pub fn layout_symbols(
    scene: &Scene,
    projection: &Projection,
    zoom: f64,
    viewport: Viewport,
    keep: Option<usize>,
) -> Vec<Symbol> {
    let view = View { cx: 0.0, cy: 0.0, zoom };
    let radius = |w: u32| symbol_radius(w, projection, &view, viewport);
    let total: u32 = scene.nodes.iter().map(|n| n.weight).fold(0, u32::saturating_add);
    // No marker is larger than the one for every node together: a grid of that size finds
    // every marker a marker can crowd among the 3 × 3 cells around it.
    let cell = (2.0 * radius(total.max(1))).max(1.0);
    let key = |at: [f64; 2]| ((at[0] / cell).floor() as i64, (at[1] / cell).floor() as i64);
    let mut clusters: Vec<Symbol> = Vec::new();
    let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    // With a selection, its partners merge only with each other and the rest only with the
    // rest: a cluster of faded places never swallows a partner (Xi'an's Nara was drawn inside
    // "Matsue +102").
    let mut linked = vec![false; scene.nodes.len()];
    if let Some(k) = keep {
        for e in scene.edges.iter().filter(|e| e.from == k || e.to == k) {
            linked[e.from] = true;
            linked[e.to] = true;
        }
    }
    for i in scene.by_weight() {
        let node = &scene.nodes[i];
        let at = view.to_screen(projection, viewport, node.pos);
        let own = Symbol::single(i, at, radius(node.weight), node.weight);
        let (cx, cy) = key(at);
        let mut into: Option<(f64, usize)> = None;
        if keep != Some(i) {
            for dx in -1..=1 {
                for dy in -1..=1 {
                    for &c in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                        let other = &clusters[c];
                        if keep == Some(other.node)
                            || linked[other.node] != linked[i]
                            || !crowded(other, &own)
                        {
                            continue;
                        }
                        let d = (other.at[0] - at[0]).hypot(other.at[1] - at[1]);
                        if into.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
                            into = Some((d, c));
                        }
                    }
                }
            }
        }
        match into {
            Some((_, c)) => {
                let cluster = &mut clusters[c];
                cluster.weight = cluster.weight.saturating_add(node.weight);
                cluster.radius = radius(cluster.weight);
                cluster.members.push(i);
            }
            None => {
                grid.entry(key(at)).or_default().push(clusters.len());
                clusters.push(own);
            }
        }
    }
    merge_grown(&mut clusters, keep, &linked, cell, &radius);
    clusters.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.node.cmp(&b.node)));
    clusters
}

/// Merges the clusters that grew into each other (their radius grows with each member), the
/// one headed by the lighter place into the other, until none crowd another. `clusters` are
/// in the order of their heads' weight (heaviest first). Clusters of the selection's partners
/// (`linked`) and of the other places stay apart.
fn merge_grown(
    clusters: &mut Vec<Symbol>,
    keep: Option<usize>,
    linked: &[bool],
    cell: f64,
    radius: &dyn Fn(u32) -> f64,
) {
    let key = |at: [f64; 2]| ((at[0] / cell).floor() as i64, (at[1] / cell).floor() as i64);
    // The clusters that grew in the last round (every one before the first). Two clusters
    // that did not grow since they were last compared still do not crowd each other (a
    // cluster never moves), so only pairs with one that grew are compared again: the same
    // merges as comparing every pair every round, a few times faster (2,946 places at city
    // zoom took 15 ms).
    let mut grew = vec![true; clusters.len()];
    for _ in 0..MERGE_ROUNDS {
        let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
        for (i, c) in clusters.iter().enumerate() {
            grid.entry(key(c.at)).or_default().push(i);
        }
        let mut gone = vec![false; clusters.len()];
        let mut grows = vec![false; clusters.len()];
        let mut merged = false;
        for i in 0..clusters.len() {
            if gone[i] || keep == Some(clusters[i].node) {
                continue;
            }
            let (cx, cy) = key(clusters[i].at);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(near) = grid.get(&(cx + dx, cy + dy)) else { continue };
                    for &j in near {
                        if !(grew[i] || grew[j] || grows[i] || grows[j]) {
                            continue;
                        }
                        if j == i || gone[j] || gone[i] || keep == Some(clusters[j].node) {
                            continue;
                        }
                        if linked[clusters[i].node] != linked[clusters[j].node] {
                            continue;
                        }
                        if !crowded(&clusters[i], &clusters[j]) {
                            continue;
                        }
                        // Clusters are in their heads' weight order: the one headed by the
                        // heavier place keeps its place and name.
                        let (heavy, light) = (i.min(j), i.max(j));
                        let moved = std::mem::take(&mut clusters[light].members);
                        let w = clusters[light].weight;
                        let h = &mut clusters[heavy];
                        h.members.extend(moved);
                        h.weight = h.weight.saturating_add(w);
                        h.radius = radius(h.weight);
                        gone[light] = true;
                        grows[heavy] = true;
                        merged = true;
                    }
                }
            }
        }
        let mut k = 0;
        clusters.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
        grew = grows.iter().zip(&gone).filter(|(_, g)| !**g).map(|(grows, _)| *grows).collect();
        if !merged {
            break;
        }
    }
}

/// Where a layout's origin (the map's origin at the view's centre; see [`layout_at_zoom`]) is
/// drawn in a view of the layout's zoom: what a pan adds to each marker.
pub fn layout_offset(projection: &Projection, view: &View, viewport: Viewport) -> [f64; 2] {
    let s = view.scale(projection, viewport);
    [-view.cx * s, view.cy * s]
}

/// The markers of a [`layout_symbols`] moved to a view (of the same zoom), those off screen
/// left out.
pub fn place_symbols(
    layout: &[Symbol],
    projection: &Projection,
    view: &View,
    viewport: Viewport,
) -> Vec<Symbol> {
    let [dx, dy] = layout_offset(projection, view, viewport);
    let m = SYMBOL_MARGIN_PX;
    layout
        .iter()
        .map(|sym| Symbol { at: [sym.at[0] + dx, sym.at[1] + dy], ..sym.clone() })
        .filter(|sym| {
            sym.at[0] >= -m
                && sym.at[1] >= -m
                && sym.at[0] <= viewport.width + m
                && sym.at[1] <= viewport.height + m
        })
        .collect()
}

/// The node under a screen point: the nearest marker within its radius plus `slop` px
/// (larger markers win ties, as they are drawn below smaller ones).
pub fn hit_test(
    scene: &Scene,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    point: [f64; 2],
    slop: f64,
) -> Option<usize> {
    hit_symbol(&frame_symbols(scene, projection, view, viewport, None), point, slop)
}

/// The node under a screen point among a frame's markers (see [`hit_test`]).
pub fn hit_symbol(symbols: &[Symbol], point: [f64; 2], slop: f64) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for s in symbols {
        let d = ((s.at[0] - point[0]).powi(2) + (s.at[1] - point[1]).powi(2)).sqrt();
        if d <= s.radius + slop && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, s.node));
        }
    }
    best.map(|(_, i)| i)
}

/// The link under a screen point: the edge whose drawn arc passes within `tolerance` px,
/// nearest first. Used when the pointer is not on a marker.
pub fn arc_hit_test(
    scene: &Scene,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    point: [f64; 2],
    tolerance: f64,
) -> Option<usize> {
    let ends = scene.edges.iter().map(|e| [e.from, e.to]);
    nearest_arc(scene, ends, projection, view, viewport, point, tolerance)
}

/// The index of the arc (between the places of two nodes, `ends`) nearest a point within
/// `tolerance` px; ends that are one node give no arc.
pub fn nearest_arc(
    scene: &Scene,
    ends: impl Iterator<Item = [usize; 2]>,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    point: [f64; 2],
    tolerance: f64,
) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (i, [from, to]) in ends.enumerate() {
        if from == to {
            continue;
        }
        let (Some(a), Some(b)) = (scene.nodes.get(from), scene.nodes.get(to)) else { continue };
        let (a, b) = (a.pos, b.pos);
        let (Some([la, pa]), Some([lb, pb])) =
            (projection.inverse(a[0], a[1]), projection.inverse(b[0], b[1]))
        else {
            continue;
        };
        let (Some(from), Some(to)) = (LonLat::new(la, pa), LonLat::new(lb, pb)) else { continue };
        for piece in arc_pieces(projection, from, to) {
            let screen: Vec<[f64; 2]> =
                piece.iter().map(|p| view.to_screen(projection, viewport, *p)).collect();
            for w in screen.windows(2) {
                let d = segment_distance(point, w[0], w[1]);
                if d <= tolerance && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, i));
                }
            }
        }
    }
    best.map(|(_, i)| i)
}

fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - x).powi(2) + (p[1] - y).powi(2)).sqrt()
}

/// Class breaks for the choropleth, upper bounds inclusive: 1, 2–4, 5–9, 10–24, 25–49,
/// 50–99, 100+. Fixed "nice" numbers read well in a legend and compare across filters.
pub const CHOROPLETH_BREAKS: [u32; 6] = [1, 4, 9, 24, 49, 99];

/// The class of a count: 0 for none, 1..=7 upward.
pub fn choropleth_class(count: u32) -> u8 {
    if count == 0 {
        return 0;
    }
    CHOROPLETH_BREAKS.iter().position(|b| count <= *b).map(|i| i as u8 + 1).unwrap_or(7)
}

/// Partnerships per partner country and per Chinese province in a selection.
pub fn choropleth_counts(
    dataset: &Dataset,
    pairs: &[PairIdx],
) -> (HashMap<String, u32>, HashMap<String, u32>) {
    let mut countries: HashMap<String, u32> = HashMap::new();
    let mut provinces: HashMap<String, u32> = HashMap::new();
    for &p in pairs {
        let pair = dataset.partnership(p);
        *countries.entry(dataset.country_of(pair.partner).iso.clone()).or_default() += 1;
        if let Some(code) =
            dataset.province_of(pair.home).and_then(|pr| dataset.place(pr).admin_code.clone())
        {
            *provinces.entry(code).or_default() += 1;
        }
    }
    (countries, provinces)
}

/// What a view is fitted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A place and its partners.
    Place(PlaceIdx),
    /// Both ends of a partnership.
    Pair(PairIdx),
    /// A country's partner places and their Chinese partners.
    Country(CountryIdx),
}

/// The places a view of `focus` should show, among the pairs on show (`shown`, sorted):
/// the place and its partners, both ends of a pair, or both ends of every tie with the country.
/// Places without coordinates are left out.
pub fn focus_points(dataset: &Dataset, focus: Focus, shown: &[PairIdx]) -> Vec<LonLat> {
    let ends = |p: PairIdx| {
        let pair = dataset.partnership(p);
        [pair.home, pair.partner]
    };
    let places: Vec<PlaceIdx> = match focus {
        Focus::Place(place) => std::iter::once(place)
            .chain(
                dataset
                    .pairs_of(place)
                    .iter()
                    .filter(|p| shown.binary_search(p).is_ok())
                    .flat_map(|p| ends(*p)),
            )
            .collect(),
        Focus::Pair(pair) => ends(pair).to_vec(),
        Focus::Country(country) => shown
            .iter()
            .filter(|p| dataset.place(dataset.partnership(**p).partner).country == country)
            .flat_map(|p| ends(*p))
            .collect(),
    };
    places.into_iter().filter_map(|p| dataset.place(p).coords).collect()
}

/// The least share of the map's height the places fill in the first view (issue 23: a phone
/// showed 62 % empty sea above and below the world).
pub const HOME_FILL: f64 = 0.85;
/// Room left around the places in the first view, in px.
const HOME_PADDING_PX: f64 = 10.0;

/// The first view of the places of the pairs on show: the least zoom that shows their whole
/// extent, or more until (a) no more than 1 − [`HOME_FILL`] of the height is empty above and
/// below them and (b) the median of their ends, north to south, is within a quarter of the
/// half-height of the centre, so zooming in about the centre (the `+` key) stays where the ties
/// are (China) instead of the equator. Across, the view is centred on the extent, or on the
/// Chinese ends when the extent is wider than the map. What is cut (on a phone, the far south
/// and the Americas; on a laptop the far south) is a pan away. The whole world without places.
pub fn home_view(
    dataset: &Dataset,
    pairs: &[PairIdx],
    projection: &Projection,
    viewport: Viewport,
) -> View {
    let mut ys = Vec::with_capacity(pairs.len() * 2);
    let mut extent: Option<[f64; 4]> = None;
    let (mut home_x, mut homes) = (0.0, 0.0);
    for &p in pairs {
        let pair = dataset.partnership(p);
        for (place, home) in [(pair.home, true), (pair.partner, false)] {
            let Some(at) = dataset.place(place).coords else { continue };
            let [x, y] = projection.forward(at.lon_deg(), at.lat_deg());
            let e = extent.get_or_insert([x, y, x, y]);
            *e = [e[0].min(x), e[1].min(y), e[2].max(x), e[3].max(y)];
            ys.push(y);
            if home {
                home_x += x;
                homes += 1.0;
            }
        }
    }
    let Some([x0, y0, x1, y1]) = extent else { return View::default() };
    ys.sort_by(f64::total_cmp);
    let median_y = ys[ys.len() / 2];
    let base = View::base_scale(projection, viewport);
    let room = |px: f64| (px - 2.0 * HOME_PADDING_PX).max(1.0);
    let (w, h) = ((x1 - x0).max(1.0), (y1 - y0).max(1.0));
    let fit = (room(viewport.width) / (w * base)).min(room(viewport.height) / (h * base));
    // The view is centred on the median, moved when it would pass the places' extent while
    // shorter than it; rows above and below the places are a share of the height.
    let centre_y = |zoom: f64| {
        let half = viewport.height / 2.0 / (base * zoom);
        if 2.0 * half >= h { (y0 + y1) / 2.0 } else { median_y.clamp(y0 + half, y1 - half) }
    };
    // The median within a quarter of the half-height of the centre: two steps in keep it.
    let off_centre = |zoom: f64| {
        let half = viewport.height / 2.0 / (base * zoom);
        (centre_y(zoom) - median_y).abs() > half / 4.0
    };
    let empty = |zoom: f64| {
        let half = viewport.height / 2.0 / (base * zoom);
        let cy = centre_y(zoom);
        ((cy + half - y1).max(0.0) + (y0 - (cy - half)).max(0.0)) / (2.0 * half)
    };
    let mut zoom = fit.clamp(MIN_ZOOM, MAX_ZOOM);
    while (empty(zoom) > 1.0 - HOME_FILL || off_centre(zoom)) && zoom < MAX_ZOOM {
        zoom *= 1.02;
    }
    let half_w = viewport.width / 2.0 / (base * zoom);
    let cx = if 2.0 * half_w >= w || homes == 0.0 {
        (x0 + x1) / 2.0
    } else {
        (home_x / homes).clamp(x0 + half_w, x1 - half_w)
    };
    View { cx, cy: centre_y(zoom), zoom }.clamped(projection)
}

/// How places are grouped on the map: by zoom (the default), always, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Grouped into provinces and countries below [`GROUP_BELOW_ZOOM`], unless something is
    /// selected.
    #[default]
    Auto,
    /// Always grouped.
    Grouped,
    /// Never grouped.
    Places,
}

impl Grouping {
    /// Every choice, in menu order.
    pub const ALL: [Grouping; 3] = [Grouping::Auto, Grouping::Grouped, Grouping::Places];

    /// The menu value.
    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Auto => "auto",
            Grouping::Grouped => "grouped",
            Grouping::Places => "places",
        }
    }

    /// Reads a menu value (anything else is `Auto`).
    pub fn parse(text: &str) -> Grouping {
        Grouping::ALL.into_iter().find(|g| g.as_str() == text).unwrap_or_default()
    }

    /// True when the map groups places at this zoom (see [`grouping_zoom`]). A selected place
    /// or pair is shown on its own, so automatic grouping stops while something is selected.
    pub fn groups(self, zoom: f64, something_selected: bool) -> bool {
        match self {
            Grouping::Grouped => true,
            Grouping::Places => false,
            Grouping::Auto => zoom < GROUP_BELOW_ZOOM && !something_selected,
        }
    }
}

/// The marker to emphasise: the selected place's, else the country whose profile is open
/// (grouped mode has a marker per country).
pub fn selected_node(
    scene: &Scene,
    place: Option<PlaceIdx>,
    profile_country: Option<CountryIdx>,
) -> Option<usize> {
    match place {
        Some(p) => scene.node_of(NodeKey::Place(p)),
        None => profile_country.and_then(|c| scene.node_of(NodeKey::Country(c))),
    }
}

/// What a click on the map chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPick {
    /// A marker: a place to select, or a country to open.
    Node(NodeKey),
    /// An arc of one partnership.
    Pair(PairIdx),
    /// Empty map: clear the selection.
    Nothing,
}

/// The choropleth legend: each class with its range of counts ("1", "2–4", … "100+").
pub fn choropleth_legend() -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut low = 1;
    for (i, high) in CHOROPLETH_BREAKS.iter().enumerate() {
        let text = if low == *high { low.to_string() } else { format!("{low}–{high}") };
        out.push((i as u8 + 1, text));
        low = high + 1;
    }
    out.push((CHOROPLETH_BREAKS.len() as u8 + 1, format!("{low}+")));
    out
}

/// Where each partner country's grouped marker sits: the label point of its outline on the
/// basemap (`points` by ISO code). Under China's official view Taiwan is drawn as part of China
/// and has no outline of its own, so its partners are grouped at China's point.
pub fn country_anchors(
    dataset: &Dataset,
    points: &HashMap<String, [f64; 2]>,
    profile: MapProfile,
) -> HashMap<CountryIdx, LonLat> {
    dataset
        .countries()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let key = match (c.iso.as_str(), profile) {
                ("TW", MapProfile::China) => "CN",
                (iso, _) => iso,
            };
            let [lon, lat] = points.get(key)?;
            Some((CountryIdx(i as u16), LonLat::new(*lon, *lat)?))
        })
        .collect()
}

/// A node's name in the UI language (a place, or a country when grouped).
pub fn node_name(dataset: &Dataset, key: NodeKey, locale: Locale) -> String {
    match key {
        NodeKey::Place(p) => place_name(locale, dataset.place(p)).to_owned(),
        NodeKey::Country(c) => country_name(locale, dataset.country(c)).to_owned(),
    }
}

/// What the map shows, counted: pairs drawn, Chinese and partner markers, pairs not placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneCounts {
    /// Partnerships drawn as arcs.
    pub drawn: usize,
    /// Chinese-side markers.
    pub homes: usize,
    /// Partner-side markers.
    pub partners: usize,
    /// Partnerships not drawn because a side has no coordinates.
    pub unplaced: usize,
}

impl Scene {
    /// Node indices, the most partnerships first (ties in scene order): the order of the
    /// list of places and of drawing (big markers first, so small ones stay on top).
    pub fn by_weight(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by(|a, b| self.nodes[*b].weight.cmp(&self.nodes[*a].weight).then(a.cmp(b)));
        order
    }

    /// The scene's counts.
    pub fn counts(&self) -> SceneCounts {
        let homes = self.nodes.iter().filter(|n| n.home).count();
        SceneCounts {
            drawn: self.edges.iter().map(|e| e.pairs.len()).sum(),
            homes,
            partners: self.nodes.len() - homes,
            unplaced: self.unplaced,
        }
    }
}

/// The map in words, for screen readers ("312 pairs drawn between 40 Chinese places and …").
pub fn summary_text(scene: &Scene, locale: Locale) -> String {
    let (c, m) = (scene.counts(), locale.messages());
    let n = |v: usize| v as u64;
    // Grouped, a marker is a province or a country, and is named so: the fresh review read
    // "1 Chinese place and 39 partner places" beside a headline of 12 and 84 places.
    let (homes, partners) = match scene.grouped {
        true => (m.n_home_provinces, m.n_partner_countries),
        false => (m.n_home_places, m.n_partner_places),
    };
    let drawn = fill(
        m.map_summary,
        &[
            ("pairs", &m.n_partnerships.format(locale, n(c.drawn))),
            ("homes", &homes.format(locale, n(c.homes))),
            ("partners", &partners.format(locale, n(c.partners))),
        ],
    );
    // Pairs that cannot be drawn are mentioned only when there are some.
    match c.unplaced {
        0 => drawn,
        unplaced => format!("{drawn} {}", m.map_unplaced.format(locale, n(unplaced))),
    }
}

/// The heading of the list of the map's markers: places, or provinces and countries when
/// grouped.
pub fn markers_heading(scene: &Scene, locale: Locale) -> String {
    let m = locale.messages();
    let words = if scene.grouped { m.groups_on_map } else { m.places_on_map };
    words.format(locale, scene.nodes.len() as u64)
}

/// The tooltip of a marker: its name, its name in the other language, its country, and how
/// many partnerships it has in the selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tooltip {
    /// The name in the UI language.
    pub title: String,
    /// The name in the other language (or the local script), if known.
    pub other: Option<String>,
    /// The country of a place.
    pub detail: Option<String>,
    /// "3 partnerships (the place's own ties; all kinds; all years)".
    pub count: String,
    /// How many of them are not drawn (a side has no coordinates), when some are not.
    pub not_drawn: Option<String>,
}

/// Whose ties a marker stands for, and how many of `shown` they are (drawn or not): a place's
/// own ties, a province's with the places under it when grouped, a country's.
pub fn node_count(
    dataset: &Dataset,
    key: NodeKey,
    grouped: bool,
    shown: &[PairIdx],
) -> (Reach, usize) {
    let reach = match key {
        NodeKey::Country(c) => Reach::InCountry(c),
        NodeKey::Place(p) if grouped && dataset.province_of(p) == Some(p) => Reach::WithPlacesUnder,
        NodeKey::Place(_) => Reach::Own,
    };
    let n = match key {
        NodeKey::Country(c) => country_count(dataset, c, Some(shown)),
        NodeKey::Place(p) => place_count(dataset, p, reach, Some(shown)),
    };
    (reach, n)
}

/// A marker's count with what it counts, and how many of those pairs are not drawn.
pub fn node_count_text(
    dataset: &Dataset,
    node: &Node,
    grouped: bool,
    shown: &[PairIdx],
    filters: &Filters,
    play_year: Option<i32>,
    locale: Locale,
) -> (String, Option<String>) {
    let (reach, n) = node_count(dataset, node.key, grouped, shown);
    let text = counted(dataset, n, &among_shown(reach, filters, play_year), locale);
    let hidden = n.saturating_sub(node.weight as usize);
    (text, (hidden > 0).then(|| locale.messages().not_drawn.format(locale, hidden as u64)))
}

/// The tooltip of a node among the pairs on show.
pub fn tooltip(
    dataset: &Dataset,
    node: &Node,
    grouped: bool,
    shown: &[PairIdx],
    filters: &Filters,
    play_year: Option<i32>,
    locale: Locale,
) -> Tooltip {
    let (title, other, detail) = match node.key {
        NodeKey::Place(p) => {
            let place = dataset.place(p);
            let name = place_name(locale, place);
            let other =
                other_name(locale, place).or(place.name_local.as_deref()).filter(|o| *o != name);
            let country = country_name(locale, dataset.country(place.country));
            (name.to_owned(), other.map(str::to_owned), Some(country.to_owned()))
        }
        NodeKey::Country(c) => (country_name(locale, dataset.country(c)).to_owned(), None, None),
    };
    let (count, not_drawn) =
        node_count_text(dataset, node, grouped, shown, filters, play_year, locale);
    Tooltip { title, other: other.filter(|o| !o.is_empty()), detail, count, not_drawn }
}

/// The tooltip of a cluster marker: "Seoul and 12 more places" / "首尔等13个地点" (named as
/// its label, by [`ClusterNames`]), with the partnerships its members have together
/// (`symbol.weight`).
pub fn cluster_tooltip(
    dataset: &Dataset,
    scene: &Scene,
    symbol: &Symbol,
    names: &ClusterNames,
    locale: Locale,
) -> Tooltip {
    let m = locale.messages();
    let name = scene.nodes.get(names.member(symbol)).map(|n| node_name(dataset, n.key, locale));
    let title = fill(
        &m.map_cluster_title.format(locale, symbol.others() as u64),
        &[("name", name.as_deref().unwrap_or_default())],
    );
    let count = m.n_partnerships.format(locale, u64::from(symbol.weight));
    Tooltip { title, other: None, detail: None, count, not_drawn: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;
    use crate::model::geo::projection::Centre;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn all(d: &Dataset) -> Vec<PairIdx> {
        d.pair_indices().collect()
    }

    fn pairs_of(d: &Dataset, ids: &[&str]) -> Vec<PairIdx> {
        ids.iter().map(|id| d.pair_by_id(id).expect("pair")).collect()
    }

    #[test]
    fn a_scene_has_one_node_per_placed_place_and_counts_the_unplaced() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        // Sovetsky District has no coordinates: that pair is not drawn but counted.
        assert_eq!(scene.unplaced, 1);
        assert_eq!(scene.edges.len(), 4);
        let yanan = scene.node_of(NodeKey::Place(d.place_by_id("cn-yanan").unwrap())).unwrap();
        assert_eq!(scene.nodes[yanan].weight, 2);
        assert!(scene.nodes[yanan].home);
    }

    #[test]
    fn choosing_a_country_fades_the_places_with_no_tie_to_it() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let jp = d.country_by_iso("JP").expect("JP");
        let node = |scene: &Scene, id: &str| {
            scene.node_of(NodeKey::Place(d.place_by_id(id).expect("place"))).expect("node")
        };
        // Places shown one by one (the fit to Japan zooms in): Japan has no node of its own.
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        assert_eq!(selected_node(&scene, None, Some(jp)), None);
        let e = choice_emphasis(&d, &scene, None, None, Some(jp));
        assert_eq!(e[node(&scene, "jp-nara")], Emphasis::Selected, "Japan's own place");
        assert_eq!(e[node(&scene, "cn-xian")], Emphasis::Selected, "tied to Japan");
        for id in ["cn-yanan", "us-kansas-city-mo", "de-trier", "cn-shanghai"] {
            assert_eq!(e[node(&scene, id)], Emphasis::Dimmed, "{id} has no tie with Japan");
        }
        // Nothing chosen: nothing fades; a place chosen: as node_emphasis.
        let none = choice_emphasis(&d, &scene, None, None, None);
        assert!(none.iter().all(|e| *e == Emphasis::Normal));
        let xian = node(&scene, "cn-xian");
        assert_eq!(
            choice_emphasis(&d, &scene, Some(xian), None, Some(jp)),
            node_emphasis(&scene, Some(xian), None)
        );
    }

    #[test]
    fn grouping_rolls_places_up_to_provinces_and_countries() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let us = d.country_by_iso("US").unwrap();
        let points: HashMap<CountryIdx, LonLat> = d
            .countries()
            .iter()
            .enumerate()
            .map(|(i, _)| (CountryIdx(i as u16), LonLat::new(10.0 * i as f64, 20.0).unwrap()))
            .collect();
        let scene = build_scene(&d, &all(&d), &p, true, &points);
        let shaanxi = scene.node_of(NodeKey::Place(d.place_by_id("cn-shaanxi").unwrap())).unwrap();
        assert_eq!(scene.nodes[shaanxi].weight, 3, "Xi'an and Yan'an roll up to Shaanxi");
        let usa = scene.node_of(NodeKey::Country(us)).unwrap();
        assert_eq!(scene.nodes[usa].weight, 2);
        assert_eq!(scene.unplaced, 0, "a country node needs no place coordinates");
        assert_eq!(scene.edges.len(), 5);
    }

    #[test]
    fn markers_at_one_point_merge_unless_selected() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 400.0 };
        let mut scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        assert!(scene.nodes.len() >= 3);
        // Every node put on the first node's point: one marker, every weight kept, drawn where
        // the heaviest place is and named after it.
        let at = scene.nodes[0].pos;
        for n in &mut scene.nodes {
            n.pos = at;
        }
        let total: u32 = scene.nodes.iter().map(|n| n.weight).sum();
        let heaviest = scene.by_weight()[0];
        let layout = layout_symbols(&scene, &p, 1.0, viewport, None);
        assert_eq!(layout.len(), 1, "{layout:?}");
        assert_eq!(layout[0].weight, total);
        assert_eq!(layout[0].node, heaviest);
        assert_eq!(layout[0].members.len(), scene.nodes.len());
        let single = View { cx: 0.0, cy: 0.0, zoom: 1.0 }.to_screen(&p, viewport, at);
        assert_eq!(layout[0].at, single, "a cluster is drawn at its place, not moved");
        // The selected place keeps its own marker; its partners merge only with each other,
        // the other places only among themselves (never a partner inside a faded cluster).
        let lightest = *scene.by_weight().last().expect("nodes");
        let layout = layout_symbols(&scene, &p, 1.0, viewport, Some(lightest));
        let linked: Vec<bool> = (0..scene.nodes.len())
            .map(|n| {
                scene
                    .edges
                    .iter()
                    .any(|e| (e.from == lightest && e.to == n) || (e.to == lightest && e.from == n))
            })
            .collect();
        let partners = (0..scene.nodes.len()).filter(|&n| linked[n]).count();
        let rest = scene.nodes.len() - 1 - partners;
        assert_eq!(layout.len(), 1 + usize::from(partners > 0) + usize::from(rest > 0));
        assert!(layout.iter().any(|s| s.members == vec![lightest]));
        for s in &layout {
            assert!(s.members.iter().all(|&m| m == lightest || linked[m] == linked[s.node]));
        }
        // Its tooltip says how many places a cluster stands for.
        let c = layout.iter().find(|s| s.node == heaviest).expect("the cluster");
        let others = (c.members.len() - 1) as u64;
        let en =
            cluster_tooltip(&d, &scene, c, &ClusterNames::new(&d, &scene, None), Locale::En).title;
        let word = if others == 1 { "place" } else { "places" };
        assert!(en.ends_with(&format!(" and {others} more {word}")), "{en}");
        let zh =
            cluster_tooltip(&d, &scene, c, &ClusterNames::new(&d, &scene, None), Locale::Zh).title;
        assert!(zh.ends_with(&format!("及其他{others}个地点")), "{zh}");
    }

    #[test]
    fn hit_testing_finds_the_marker_under_the_pointer() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 400.0 };
        let view = View::default();
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let nara = scene.node_of(NodeKey::Place(d.place_by_id("jp-nara").unwrap())).unwrap();
        let at = view.to_screen(&p, viewport, scene.nodes[nara].pos);
        assert_eq!(hit_test(&scene, &p, &view, viewport, [at[0] + 1.0, at[1]], 3.0), Some(nara));
        assert_eq!(hit_test(&scene, &p, &view, viewport, [5.0, 5.0], 3.0), None);
    }

    #[test]
    fn clicking_on_an_arc_finds_its_link() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 400.0 };
        let view = View::default();
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let xian = scene.node_of(NodeKey::Place(d.place_by_id("cn-xian").unwrap())).unwrap();
        let edge = scene.edges.iter().position(|e| e.from == xian).unwrap();
        // A point halfway along the Xi'an–Nara arc.
        let e = &scene.edges[edge];
        let (a, b) = (
            p.inverse(scene.nodes[e.from].pos[0], scene.nodes[e.from].pos[1]).unwrap(),
            p.inverse(scene.nodes[e.to].pos[0], scene.nodes[e.to].pos[1]).unwrap(),
        );
        let line = crate::model::geo::arc::great_circle(
            LonLat::new(a[0], a[1]).unwrap(),
            LonLat::new(b[0], b[1]).unwrap(),
        );
        let mid = line[line.len() / 2];
        let at = view.to_screen(&p, viewport, p.forward(mid[0], mid[1]));
        assert_eq!(arc_hit_test(&scene, &p, &view, viewport, at, 3.0), Some(edge));
        assert_eq!(arc_hit_test(&scene, &p, &view, viewport, [2.0, 398.0], 3.0), None);
    }

    #[test]
    fn choropleth_classes_follow_the_breaks() {
        assert_eq!(
            [0, 1, 2, 4, 5, 9, 10, 24, 25, 49, 50, 99, 100, 500].map(choropleth_class),
            [0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7]
        );
        let d = fixture();
        let (countries, provinces) = choropleth_counts(&d, &all(&d));
        assert_eq!(countries.get("US"), Some(&2));
        assert_eq!(provinces.get("610000"), Some(&3));
    }

    #[test]
    fn taiwan_is_grouped_with_china_under_the_official_view_only() {
        let mut d = fixture();
        let tw = CountryIdx(d.countries().len() as u16);
        d = with_country(d, "TW");
        let points: HashMap<String, [f64; 2]> =
            [("CN".to_owned(), [104.0, 35.0]), ("TW".to_owned(), [121.0, 23.7])].into();
        let official = country_anchors(&d, &points, MapProfile::China);
        let neutral = country_anchors(&d, &points, MapProfile::Neutral);
        assert_eq!(official.get(&tw).map(|p| p.lon_deg()), Some(104.0));
        assert_eq!(neutral.get(&tw).map(|p| p.lon_deg()), Some(121.0));
        let jp = d.country_by_iso("JP").expect("JP");
        assert!(!official.contains_key(&jp), "no outline, no anchor");
    }

    fn with_country(d: Dataset, iso: &str) -> Dataset {
        let mut countries = d.countries().to_vec();
        countries.push(crate::model::format::dataset::Country {
            iso: iso.to_owned(),
            name_en: iso.to_owned(),
            ..countries[0].clone()
        });
        Dataset::from_parts(crate::model::format::dataset::Parts {
            meta: d.meta().clone(),
            places: d.places().to_vec(),
            partnerships: d.partnerships().to_vec(),
            countries,
            sources: d.sources().to_vec(),
            reported: d.reported().to_vec(),
        })
    }

    #[test]
    fn the_summary_and_tooltips_say_what_is_drawn() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let c = scene.counts();
        // Changning's only partner has no coordinates: neither side gets a marker.
        assert_eq!((c.drawn, c.homes, c.partners, c.unplaced), (4, 3, 4, 1));
        assert_eq!(
            summary_text(&scene, Locale::En),
            "Map of 4 partnerships between 3 Chinese places and 4 partner places. 1 partnership without coordinates is listed but not drawn."
        );
        let one = build_scene(&d, &pairs_of(&d, &["p-xian-nara"]), &p, false, &HashMap::new());
        assert_eq!(
            summary_text(&one, Locale::En),
            "Map of 1 partnership between 1 Chinese place and 1 partner place.",
            "singular forms, and nothing said of pairs not drawn when there are none"
        );
        assert_eq!(
            summary_text(&one, Locale::Zh),
            "地图显示1对友好关系，涉及1个中方地点和1个外方地点。"
        );
        assert_eq!(markers_heading(&scene, Locale::En), "7 places on the map");
        // Grouped, the markers are provinces and countries, and are called so.
        let points: HashMap<CountryIdx, LonLat> = d
            .countries()
            .iter()
            .enumerate()
            .map(|(i, _)| (CountryIdx(i as u16), LonLat::new(10.0 * i as f64, 20.0).unwrap()))
            .collect();
        let grouped = build_scene(&d, &all(&d), &p, true, &points);
        let g = grouped.counts();
        assert!(grouped.grouped && g.homes > 0 && g.partners > 0);
        let said = summary_text(&grouped, Locale::En);
        assert!(said.contains(&format!("{} Chinese province", g.homes)), "{said}");
        assert!(said.contains(&format!("{} partner countr", g.partners)), "{said}");
        assert!(!said.contains("place"), "{said}");
        assert!(summary_text(&grouped, Locale::Zh).contains(&format!("{}个外方国家", g.partners)));
        assert_eq!(
            markers_heading(&grouped, Locale::Zh),
            format!("地图上{}个省份和国家", grouped.nodes.len())
        );
        let order = scene.by_weight();
        let yanan = scene.node_of(NodeKey::Place(d.place_by_id("cn-yanan").expect("Yan'an")));
        assert_eq!(order.first().copied(), yanan, "two partnerships, the most");
        let nara = scene.node_of(NodeKey::Place(d.place_by_id("jp-nara").expect("Nara")));
        let (pairs, f) = (all(&d), Filters::default());
        let tip =
            tooltip(&d, &scene.nodes[nara.expect("a node")], false, &pairs, &f, None, Locale::En);
        assert_eq!(tip.title, "Nara");
        assert_eq!(tip.other.as_deref(), Some("奈良市"), "no Chinese name: the local one");
        assert_eq!(tip.detail.as_deref(), Some("Japan"));
        // The count says what it counts (it was "1 partnership", with no scope).
        assert_eq!(tip.count, "1 partnership (the place's own ties; all kinds; all years)");
        assert_eq!(tip.not_drawn, None);
    }

    #[test]
    fn a_grouped_marker_counts_every_pair_of_its_scope_and_says_which_are_not_drawn() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let belarus = d.country_by_iso("BY").expect("Belarus");
        // Every country has a point but Belarus: the pair with Minsk's district is not drawn.
        let points: HashMap<CountryIdx, LonLat> = (0..d.countries().len())
            .map(|i| CountryIdx(i as u16))
            .filter(|c| *c != belarus)
            .map(|c| (c, LonLat::new(10.0, 20.0).expect("point")))
            .collect();
        let pairs = all(&d);
        let scene = build_scene(&d, &pairs, &p, true, &points);
        let shanghai = d.place_by_id("cn-shanghai").expect("Shanghai");
        let node =
            &scene.nodes[scene.node_of(NodeKey::Place(shanghai)).expect("Shanghai's marker")];
        let (reach, n) = node_count(&d, node.key, true, &pairs);
        assert_eq!(
            reach,
            Reach::WithPlacesUnder,
            "a province marker stands for the places under it"
        );
        assert_eq!((n, node.weight), (2, 1));
        let (text, hidden) =
            node_count_text(&d, node, true, &pairs, &Filters::default(), None, Locale::En);
        assert_eq!(text, "2 partnerships (with the places under it; all kinds; all years)");
        assert_eq!(hidden.as_deref(), Some("1 of them is not on the map (no coordinates)"));
    }

    #[test]
    fn grouping_follows_the_zoom_unless_something_is_selected_or_forced() {
        assert!(Grouping::Auto.groups(1.0, false));
        assert!(!Grouping::Auto.groups(1.0, true), "a selection is shown place by place");
        assert!(!Grouping::Auto.groups(GROUP_BELOW_ZOOM, false));
        assert!(Grouping::Grouped.groups(20.0, true));
        assert!(!Grouping::Places.groups(1.0, false));
        assert_eq!(Grouping::parse("places"), Grouping::Places);
        assert_eq!(Grouping::parse("nonsense"), Grouping::Auto);
    }

    #[test]
    fn the_legend_names_every_class() {
        let legend = choropleth_legend();
        assert_eq!(legend.len(), 7);
        assert_eq!(legend[0], (1, "1".to_owned()));
        assert_eq!(legend[1], (2, "2–4".to_owned()));
        assert_eq!(legend[6], (7, "100+".to_owned()));
    }

    #[test]
    fn a_focus_covers_the_place_and_its_partners_on_show() {
        let d = fixture();
        let all = all(&d);
        let yanan = d.place_by_id("cn-yanan").expect("Yan'an");
        let lons = |pts: Vec<LonLat>| -> Vec<i64> {
            pts.iter().map(|p| p.lon_deg().round() as i64).collect()
        };
        // Yan'an, then Kansas City and Trier (each pair gives both ends; Yan'an repeats).
        let points = focus_points(&d, Focus::Place(yanan), &all);
        assert!(lons(points.clone()).contains(&-95) && lons(points).contains(&7));
        // Filtered to Japan: only Yan'an itself (its partners are not on show).
        let shown: Vec<PairIdx> = vec![d.pair_by_id("p-xian-nara").expect("pair")];
        assert_eq!(lons(focus_points(&d, Focus::Place(yanan), &shown)), [109]);
        let by = d.country_by_iso("BY").expect("BY");
        // Changning's partner in Belarus has no coordinates: only Changning is placed.
        assert_eq!(lons(focus_points(&d, Focus::Country(by), &all)), [121]);
    }
}
