//! What the map draws, worked out without a browser: nodes (places, or provinces and
//! countries when grouped), arcs batched by style into a few paths, labels placed without
//! overlaps, hit-testing, and choropleth classes.
//!
//! Invariant: the number of arc batches does not grow with the number of partnerships (at
//! most one path per type × emphasis × width class), so 26,000 arcs are a handful of canvas
//! paths, not 26,000 DOM nodes.

use std::collections::{BTreeMap, HashMap};

use super::dataset::{CountryIdx, Dataset, Kind, PairIdx, PlaceIdx};
use super::fasthash::FxHashMap;
use super::geo::LonLat;
use super::geo::arc::{arc_pieces, path_data};
use super::geo::projection::{Projection, View, Viewport};

/// Below this zoom the map groups places into provinces and countries by default.
pub const GROUP_BELOW_ZOOM: f64 = 1.8;

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
    let mut node = |scene: &mut Scene, key: NodeKey, home: bool| -> Option<usize> {
        let slot = match key {
            NodeKey::Place(p) => place_slot.get_mut(p.0 as usize)?,
            NodeKey::Country(c) => country_slot.get_mut(c.0 as usize)?,
        };
        if *slot != NONE {
            return Some(*slot as usize);
        }
        let lonlat = match key {
            NodeKey::Place(p) => dataset.place(p).coords?,
            NodeKey::Country(c) => *country_points.get(&c)?,
        };
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
        let (Some(from), Some(to)) =
            (node(&mut scene, home_key, true), node(&mut scene, partner_key, false))
        else {
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
    /// Width class: 0 for single pairs, 1–3 for grouped links of growing weight.
    pub width_class: u8,
    /// Path data in map units (y down).
    pub path: String,
    /// Number of links in the batch.
    pub count: usize,
}

/// Width class of a grouped link by its number of pairs.
pub fn width_class(n_pairs: usize) -> u8 {
    match n_pairs {
        0..=1 => 0,
        2..=4 => 1,
        5..=14 => 2,
        _ => 3,
    }
}

/// Arc paths already worked out, by their end points, so a filter or selection change only
/// computes the arcs it has not seen. Cleared when the projection changes.
#[derive(Debug, Default)]
pub struct ArcCache {
    projection: Option<Projection>,
    paths: FxHashMap<[u64; 4], String>,
}

impl ArcCache {
    /// The path data of the great-circle arc from `a` to `b`.
    fn path(&mut self, projection: &Projection, a: LonLat, b: LonLat) -> &str {
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

/// The arcs of a scene as a few batched paths, one per style (type, emphasis, width class).
/// `selected_node` emphasises its links; `selected_pair` emphasises one partnership. Arc
/// geometry comes from (and goes into) `cache`.
pub fn arc_batches(
    scene: &Scene,
    projection: &Projection,
    selected_node: Option<usize>,
    selected_pair: Option<PairIdx>,
    cache: &mut ArcCache,
) -> Vec<ArcBatch> {
    let anything_selected = selected_node.is_some() || selected_pair.is_some();
    type Style = (Option<Kind>, Emphasis, u8);
    let mut groups: BTreeMap<Style, (String, usize)> = BTreeMap::new();
    for edge in &scene.edges {
        let touches = selected_node.is_some_and(|n| edge.from == n || edge.to == n)
            || selected_pair.is_some_and(|p| edge.pairs.contains(&p));
        let emphasis = match (anything_selected, touches) {
            (false, _) => Emphasis::Normal,
            (true, true) => Emphasis::Selected,
            (true, false) => Emphasis::Dimmed,
        };
        let (from, to) = (scene.nodes[edge.from].lonlat, scene.nodes[edge.to].lonlat);
        let key =
            (edge.kind, emphasis, if scene.grouped { width_class(edge.pairs.len()) } else { 0 });
        let entry = groups.entry(key).or_default();
        entry.0.push_str(cache.path(projection, from, to));
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

/// Marker radius in px for a node weight: grows with the square root, so area tracks count.
pub fn marker_radius(weight: u32) -> f64 {
    (2.0 + (weight as f64).sqrt() * 1.3).min(20.0)
}

/// A label to place: the text's size and the marker it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelCandidate {
    /// Node index.
    pub node: usize,
    /// Marker centre in screen px.
    pub at: [f64; 2],
    /// Marker radius in px.
    pub radius: f64,
    /// Text width in px (estimated by the caller).
    pub width: f64,
    /// Text height in px.
    pub height: f64,
    /// Higher is placed first.
    pub priority: u32,
}

/// Where a label went.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Node index.
    pub node: usize,
    /// Top-left of the text box in screen px.
    pub top_left: [f64; 2],
}

fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Places labels greedily by priority, trying right, left, above and below each marker, and
/// skipping a label that would overlap a placed label or leave the viewport. More labels fit
/// as the user zooms in, because markers move apart.
pub fn place_labels(
    candidates: &[LabelCandidate],
    viewport: Viewport,
    max_labels: usize,
) -> Vec<PlacedLabel> {
    let mut order: Vec<&LabelCandidate> = candidates.iter().collect();
    order.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.node.cmp(&b.node)));
    // A coarse grid of placed boxes keeps the overlap test fast.
    const CELL: f64 = 64.0;
    let mut grid: HashMap<(i64, i64), Vec<[f64; 4]>> = HashMap::new();
    let mut placed = Vec::new();
    let cells = |b: [f64; 4]| {
        let (x0, y0, x1, y1) = (
            (b[0] / CELL).floor() as i64,
            (b[1] / CELL).floor() as i64,
            (b[2] / CELL).floor() as i64,
            (b[3] / CELL).floor() as i64,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    };
    for c in order {
        if placed.len() >= max_labels {
            break;
        }
        let gap = c.radius + 3.0;
        let options = [
            [c.at[0] + gap, c.at[1] - c.height / 2.0],
            [c.at[0] - gap - c.width, c.at[1] - c.height / 2.0],
            [c.at[0] - c.width / 2.0, c.at[1] - gap - c.height],
            [c.at[0] - c.width / 2.0, c.at[1] + gap],
        ];
        for [x, y] in options {
            let b = [x, y, x + c.width, y + c.height];
            if b[0] < 0.0 || b[1] < 0.0 || b[2] > viewport.width || b[3] > viewport.height {
                continue;
            }
            let clash = cells(b).any(|cell| {
                grid.get(&cell).is_some_and(|boxes| boxes.iter().any(|o| overlaps(*o, b)))
            });
            if clash {
                continue;
            }
            for cell in cells(b) {
                grid.entry(cell).or_default().push(b);
            }
            placed.push(PlacedLabel { node: c.node, top_left: [x, y] });
            break;
        }
    }
    placed
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
    let mut best: Option<(f64, usize)> = None;
    for (i, node) in scene.nodes.iter().enumerate() {
        let s = view.to_screen(projection, viewport, node.pos);
        let d = ((s[0] - point[0]).powi(2) + (s[1] - point[1]).powi(2)).sqrt();
        if d <= marker_radius(node.weight) + slop && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, i));
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
    let mut best: Option<(f64, usize)> = None;
    for (i, edge) in scene.edges.iter().enumerate() {
        let (a, b) = (scene.nodes[edge.from].pos, scene.nodes[edge.to].pos);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geo::projection::Centre;
    use crate::model::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn all(d: &Dataset) -> Vec<PairIdx> {
        d.pair_indices().collect()
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
    fn labels_never_overlap_and_stay_inside() {
        let viewport = Viewport { width: 300.0, height: 200.0 };
        // A dense cluster: 30 markers 20 px apart cannot all carry a 50 px label.
        let candidates: Vec<LabelCandidate> = (0..30)
            .map(|i| LabelCandidate {
                node: i,
                at: [100.0 + (i % 6) as f64 * 20.0, 60.0 + (i / 6) as f64 * 16.0],
                radius: 4.0,
                width: 50.0,
                height: 14.0,
                priority: 100 - i as u32,
            })
            .collect();
        let placed = place_labels(&candidates, viewport, 100);
        assert!(!placed.is_empty() && placed.len() < 30, "{} placed", placed.len());
        assert_eq!(placed[0].node, 0, "the highest priority is placed first");
        let boxes: Vec<[f64; 4]> = placed
            .iter()
            .map(|l| [l.top_left[0], l.top_left[1], l.top_left[0] + 50.0, l.top_left[1] + 14.0])
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(a[0] >= 0.0 && a[1] >= 0.0 && a[2] <= 300.0 && a[3] <= 200.0);
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
        // Spread out (as after zooming in), every label fits.
        let spread: Vec<LabelCandidate> = candidates
            .iter()
            .map(|c| LabelCandidate { at: [c.at[0] * 4.0, c.at[1] * 4.0], ..c.clone() })
            .collect();
        let big = Viewport { width: 1200.0, height: 800.0 };
        assert!(place_labels(&spread, big, 100).len() > placed.len());
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
}
