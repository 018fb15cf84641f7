//! Map labels that cannot lie: each label sits at one of eight fixed positions touching its own
//! marker (the cartographers' eight-position model, upper right first), or is not drawn.
//!
//! Rules, each tested here and on the bundled dataset (`tests/map_labels.rs`):
//! - a label's box is [`LABEL_GAP`] px from its own marker's edge, never pushed further away
//!   (a label moved until it sits next to another marker is what made "Japan" name Shandong);
//! - no label overlaps another (with [`LABEL_PAD`] px between them, so names never run
//!   together), comes nearer another marker's disc than [`other_clearance`] of its gap to its
//!   own (the marker plainly nearest a label is the one it names), or leaves the viewport;
//! - a leader line never passes over another marker's disc (it would point there);
//! - labels are placed by priority (the selection, its partners, then the most partnerships);
//!   a label that fits nowhere is dropped, never moved; only the selection's label, when it
//!   fits nowhere beside its marker, is moved out with a leader line to its marker.
//!
//! Widths come from the caller, measured with the font the canvas draws in (the estimate
//! [`label_width`] serves native tests and anyone without a canvas).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::map::{
    ClusterNames, Scene, Symbol, cluster_zoom, layout_at_zoom, layout_offset, layout_symbols,
    node_name,
};
use crate::model::format::dataset::Dataset;
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::i18n::{Locale, fill};

/// A label to place: the text's size and the marker it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelCandidate {
    /// Node index.
    pub node: usize,
    /// Marker centre in screen px.
    pub at: [f64; 2],
    /// Marker radius in px.
    pub radius: f64,
    /// Text width in px (measured by the caller).
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
    /// Width and height of the text box in px.
    pub size: [f64; 2],
    /// A leader line (from the marker's edge to the box) when the label could not touch its
    /// marker: only the selection's label is moved out, along one of the eight directions.
    pub leader: Option<[[f64; 2]; 2]>,
}

impl PlacedLabel {
    /// The text box: left, top, right, bottom in screen px.
    pub fn bounds(&self) -> [f64; 4] {
        let [x, y] = self.top_left;
        [x, y, x + self.size[0], y + self.size[1]]
    }
}

/// Gap between a marker's edge and its label, in px.
pub const LABEL_GAP: f64 = 2.0;
/// Space kept around a label against other labels, in px (twice this between two labels).
pub const LABEL_PAD: f64 = 1.0;
/// How much farther than its own marker every other marker's disc is from a label, in px.
pub const NAME_MARGIN: f64 = 6.0;

/// The rule "a label reads as its own marker's name": the least distance from a label's box to
/// any other marker's disc, for a box `own_gap` px from what joins it to its own marker (the
/// marker's edge, or the end of its leader line): [`NAME_MARGIN`] px more and twice as far.
/// A reader takes a label for the name of the marker nearest to it, and "nearest" must be
/// plain at a glance: 韩国 2 px from its own disc and 4.1 px from North Korea's, 内蒙古自治区
/// 4.1 px from Mongolia's, 甘肃省 7.3 px from Xinjiang's and 四川省 4.1 px from Tibet's read as
/// the wrong place's names (all under the old rule of twice the gap, 4 px); every one of
/// them is nearer than 8 px.
pub fn other_clearance(own_gap: f64) -> f64 {
    (own_gap + NAME_MARGIN).max(2.0 * own_gap)
}
/// A label of this priority or more (the selection's) that fits nowhere beside its marker is
/// moved out along the eight directions, in steps of a few px, with a leader line.
pub const LEADER_FROM_PRIORITY: u32 = 1_000_000;
/// Step of a leader line's length, in px.
const LEADER_STEP: f64 = 12.0;
/// The longest leader line, in steps.
const LEADER_STEPS: usize = 12;
/// The directions a led label is tried in at each length, in degrees clockwise from the
/// right (the screen's y grows down): the eight [`Spot`]s' first, in their order, then every
/// 15° between them (the line threads between markers at world zoom, where the selection
/// sits among many).
const LEADER_ANGLES: [f64; 24] = [
    -45.0, 0.0, 45.0, -135.0, 180.0, 135.0, -90.0, 90.0, -30.0, -15.0, 15.0, 30.0, 60.0, 75.0,
    105.0, 120.0, 150.0, 165.0, -165.0, -150.0, -120.0, -105.0, -75.0, -60.0,
];

/// The box of a `width` × `height` label moved out from a marker at `at` to `out` px in the
/// direction `deg` (see [`LEADER_ANGLES`]): the point there lies on the box's edge facing the
/// marker (a corner on the diagonals), as [`label_box`] places a label beside its marker.
fn led_box(at: [f64; 2], out: f64, width: f64, height: f64, deg: f64) -> [f64; 4] {
    let (sin, cos) = deg.to_radians().sin_cos();
    let [px, py] = [at[0] + out * cos, at[1] + out * sin];
    // Past 67.5° from an axis the box is centred on the point along it.
    const SIDE: f64 = 0.382_683_432_365_089_8;
    let left = if cos > SIDE {
        px
    } else if cos < -SIDE {
        px - width
    } else {
        px - width / 2.0
    };
    let top = if sin > SIDE {
        py
    } else if sin < -SIDE {
        py - height
    } else {
        py - height / 2.0
    };
    [left, top, left + width, top + height]
}

/// The eight positions around a marker, in the order they are tried: upper right first, then
/// right, lower right, upper left, left, lower left, above, below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// Above right (the box's lower-left corner touches the marker).
    UpperRight,
    /// Right, centred vertically.
    Right,
    /// Below right.
    LowerRight,
    /// Above left.
    UpperLeft,
    /// Left, centred vertically.
    Left,
    /// Below left.
    LowerLeft,
    /// Above, centred.
    Above,
    /// Below, centred.
    Below,
}

impl Spot {
    /// Every position, in the order they are tried.
    pub const ORDER: [Spot; 8] = [
        Spot::UpperRight,
        Spot::Right,
        Spot::LowerRight,
        Spot::UpperLeft,
        Spot::Left,
        Spot::LowerLeft,
        Spot::Above,
        Spot::Below,
    ];
}

/// The box (left, top, right, bottom) of a `width` × `height` label at `spot` beside a marker
/// at `at` of `radius`: its nearest point is [`LABEL_GAP`] px from the marker's edge.
pub fn label_box(at: [f64; 2], radius: f64, width: f64, height: f64, spot: Spot) -> [f64; 4] {
    let d = radius + LABEL_GAP;
    let c = d * std::f64::consts::FRAC_1_SQRT_2;
    let [x, y] = at;
    let [left, top] = match spot {
        Spot::UpperRight => [x + c, y - c - height],
        Spot::Right => [x + d, y - height / 2.0],
        Spot::LowerRight => [x + c, y + c],
        Spot::UpperLeft => [x - c - width, y - c - height],
        Spot::Left => [x - d - width, y - height / 2.0],
        Spot::LowerLeft => [x - c - width, y + c],
        Spot::Above => [x - width / 2.0, y - d - height],
        Spot::Below => [x - width / 2.0, y + d],
    };
    [left, top, left + width, top + height]
}

/// The leader line of a box moved out from a marker: from the marker's edge towards the box's
/// nearest point, to that point.
fn leader(at: [f64; 2], radius: f64, b: [f64; 4]) -> [[f64; 2]; 2] {
    let end = [at[0].clamp(b[0], b[2]), at[1].clamp(b[1], b[3])];
    let (dx, dy) = (end[0] - at[0], end[1] - at[1]);
    let d = (dx * dx + dy * dy).sqrt().max(1e-9);
    [[at[0] + dx / d * radius, at[1] + dy / d * radius], end]
}

/// Distance in px from a point to a box (0 inside it).
pub fn box_distance(b: [f64; 4], p: [f64; 2]) -> f64 {
    let dx = (b[0] - p[0]).max(0.0).max(p[0] - b[2]);
    let dy = (b[1] - p[1]).max(0.0).max(p[1] - b[3]);
    (dx * dx + dy * dy).sqrt()
}

/// Distance in px from the segment `a`–`b` to the point `p`.
pub fn segment_distance(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((p[0] - a[0] - t * dx).powi(2) + (p[1] - a[1] - t * dy).powi(2)).sqrt()
}

/// True when two boxes overlap (touching is not overlapping).
pub fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn grow(b: [f64; 4], by: f64) -> [f64; 4] {
    [b[0] - by, b[1] - by, b[2] + by, b[3] + by]
}

/// A coarse grid of screen px, so each test looks only at what is near.
struct Grid<T> {
    cells: FxHashMap<(i64, i64), Vec<T>>,
}

const CELL: f64 = 32.0;

fn cell_range(b: [f64; 4]) -> impl Iterator<Item = (i64, i64)> {
    let (x0, y0, x1, y1) = (
        (b[0] / CELL).floor() as i64,
        (b[1] / CELL).floor() as i64,
        (b[2] / CELL).floor() as i64,
        (b[3] / CELL).floor() as i64,
    );
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

impl<T> Grid<T> {
    fn new() -> Grid<T> {
        Grid { cells: FxHashMap::default() }
    }

    fn insert(&mut self, b: [f64; 4], item: T)
    where
        T: Clone,
    {
        for cell in cell_range(b) {
            self.cells.entry(cell).or_default().push(item.clone());
        }
    }

    fn any(&self, b: [f64; 4], mut hit: impl FnMut(&T) -> bool) -> bool {
        cell_range(b)
            .any(|cell| self.cells.get(&cell).is_some_and(|items| items.iter().any(&mut hit)))
    }
}

/// Places labels by priority at the first of the eight [`Spot`]s that is inside the viewport,
/// clear of every placed label, of every other marker's disc by twice the gap to its own
/// (`symbols`; so the nearest marker is the one it names) and of the parts of
/// the map a control covers (`covered`: left, top, right, bottom in the map's px — the zoom
/// buttons, the options, the legend, the playback); a label with no such spot is dropped.
/// More labels fit as the user zooms in, because markers move apart.
pub fn place_labels(
    candidates: &[LabelCandidate],
    symbols: &[Symbol],
    viewport: Viewport,
    covered: &[[f64; 4]],
    max_labels: usize,
) -> Vec<PlacedLabel> {
    let mut order: Vec<&LabelCandidate> = candidates.iter().collect();
    order.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.node.cmp(&b.node)));
    let discs = disc_grid(symbols, &|_| false);
    let mut labels: Grid<[f64; 4]> = Grid::new();
    let mut placed = Vec::new();
    let area = Area { bounds: [0.0, 0.0, viewport.width, viewport.height], covered };
    place_into(order.into_iter(), &discs, &area, &mut labels, &mut placed, max_labels);
    placed
}

/// A marker's disc as the labels see it.
#[derive(Clone, Copy, Debug)]
struct Disc {
    node: usize,
    at: [f64; 2],
    r: f64,
    /// Drawn faded (a selection fades the places not tied to it).
    faded: bool,
}

/// The markers' discs on a grid (`faded`: which nodes are drawn faded).
fn disc_grid(symbols: &[Symbol], faded: &dyn Fn(usize) -> bool) -> Grid<Disc> {
    let mut discs = Grid::new();
    for s in symbols {
        let r = s.radius;
        let disc = Disc { node: s.node, at: s.at, r, faded: faded(s.node) };
        discs.insert([s.at[0] - r, s.at[1] - r, s.at[0] + r, s.at[1] + r], disc);
    }
    discs
}

/// The faded markers' discs a leader line passes over, or `None` when it passes over a disc
/// drawn at full strength (the selection's partners): a line never seems to point at one.
fn line_crossings(discs: &Grid<Disc>, own: usize, [from, to]: [[f64; 2]; 2]) -> Option<usize> {
    let span = grow(
        [from[0].min(to[0]), from[1].min(to[1]), from[0].max(to[0]), from[1].max(to[1])],
        LABEL_PAD,
    );
    let mut crossed: Vec<usize> = Vec::new();
    let mut strong = false;
    discs.any(span, |d| {
        if d.node != own && segment_distance(from, to, d.at) < d.r + LABEL_PAD {
            strong |= !d.faded;
            if !crossed.contains(&d.node) {
                crossed.push(d.node);
            }
        }
        strong
    });
    (!strong).then_some(crossed.len())
}

/// Where labels may go: inside `bounds`, clear of `covered` (same coordinates).
struct Area<'a> {
    bounds: [f64; 4],
    covered: &'a [[f64; 4]],
}

impl Area<'_> {
    fn allows(&self, b: [f64; 4]) -> bool {
        let [x0, y0, x1, y1] = self.bounds;
        b[0] >= x0
            && b[1] >= y0
            && b[2] <= x1
            && b[3] <= y1
            && !self.covered.iter().any(|c| overlaps(*c, b))
    }
}

/// The rule of [`place_labels`] for candidates in priority order, beside the labels already
/// in `labels` (and `placed`), until `placed` holds `max_labels`.
fn place_into<'c>(
    order: impl Iterator<Item = &'c LabelCandidate>,
    discs: &Grid<Disc>,
    area: &Area<'_>,
    labels: &mut Grid<[f64; 4]>,
    placed: &mut Vec<PlacedLabel>,
    max_labels: usize,
) {
    for c in order {
        if placed.len() >= max_labels {
            break;
        }
        // Beside its marker a box is LABEL_GAP from it; a led box touches its leader's end
        // and keeps the same clearance (the stricter of the two).
        let clearance = other_clearance(LABEL_GAP);
        let free = |b: [f64; 4]| {
            let padded = grow(b, LABEL_PAD);
            let clear_of_discs = grow(b, clearance);
            area.allows(b)
                && !labels.any(padded, |o| overlaps(grow(*o, LABEL_PAD), padded))
                && !discs.any(clear_of_discs, |d| {
                    d.node != c.node && box_distance(b, d.at) - d.r < clearance
                })
        };
        let beside = Spot::ORDER
            .iter()
            .map(|spot| label_box(c.at, c.radius, c.width, c.height, *spot))
            .find(|b| free(*b))
            .map(|b| (b, None));
        // Moved out: the first box (shortest line first) whose line passes over no other
        // marker; where every line must pass over faded ones (the selection ringed by the
        // faded places around it at world zoom), the line over the fewest; never one over a
        // marker drawn at full strength.
        let led = || {
            let steps = if c.priority >= LEADER_FROM_PRIORITY { LEADER_STEPS } else { 0 };
            let mut best: Option<(usize, [f64; 4], [[f64; 2]; 2])> = None;
            'out: for k in 1..=steps {
                let out = c.radius + k as f64 * LEADER_STEP;
                for deg in LEADER_ANGLES {
                    let b = led_box(c.at, out, c.width, c.height, deg);
                    if !free(b) {
                        continue;
                    }
                    let line = leader(c.at, c.radius, b);
                    match line_crossings(discs, c.node, line) {
                        Some(n) if best.is_none_or(|(m, ..)| n < m) => best = Some((n, b, line)),
                        _ => {}
                    }
                    if best.is_some_and(|(n, ..)| n == 0) {
                        break 'out;
                    }
                }
            }
            best.map(|(_, b, line)| (b, Some(line)))
        };
        let Some((b, leader)) = beside.or_else(led) else { continue };
        labels.insert(b, b);
        placed.push(PlacedLabel {
            node: c.node,
            top_left: [b[0], b[1]],
            size: [c.width, c.height],
            leader,
        });
    }
}

/// The labels of one zoom, worked out once: every candidate of a layout (its markers as drawn
/// at the zoom, the map's origin at the view's centre; see `map::layout_at_zoom`) with its
/// name, width and priority, in the order they are placed, and the markers' discs. A pan
/// only moves the layout, so it places these again without naming or measuring anything.
pub struct LabelPlan {
    /// Candidates in layout px, in priority order, each with its name.
    candidates: Vec<(LabelCandidate, String)>,
    /// Every marker of the layout near the region.
    discs: Grid<Disc>,
    /// The part of the layout planned for (left, top, right, bottom in layout px).
    region: [f64; 4],
}

/// Labels placed in a frame: where (in the frame's px) and the offset of the layout they were
/// placed at, so the next frame of a pan can keep them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacedFrame {
    /// The layout's offset in the frame (where its origin is drawn), in px.
    pub offset: [f64; 2],
    /// The labels and their names, in the frame's px.
    pub labels: Vec<(PlacedLabel, String)>,
}

/// How far past the viewport's edge a marker's centre may be for its label to show (as
/// `map::place_symbols` keeps markers).
pub const CANDIDATE_MARGIN_PX: f64 = 30.0;
/// How far past a region's edge a marker's disc may reach a label inside it: the largest
/// marker radius and the clearance kept from another marker, rounded up.
const DISC_REACH_PX: f64 = 30.0;

/// The part of a layout a frame shows (the viewport with the layout at `offset`), grown by
/// `margin` px on each side, in layout px: what a [`LabelPlan`] is worked out for.
pub fn plan_region(offset: [f64; 2], viewport: Viewport, margin: f64) -> [f64; 4] {
    let [ox, oy] = offset;
    [-ox - margin, -oy - margin, viewport.width - ox + margin, viewport.height - oy + margin]
}

fn within(region: [f64; 4], p: [f64; 2], by: f64) -> bool {
    p[0] >= region[0] - by
        && p[1] >= region[1] - by
        && p[0] <= region[2] + by
        && p[1] <= region[3] + by
}

impl LabelPlan {
    /// The plan of a layout's labels in `region` (see [`plan_region`]; only the markers
    /// there are named and measured): with a selection only it and its partners are named;
    /// without one the places with several partnerships (every place from a zoom of 4).
    pub fn new(
        dataset: &Dataset,
        scene: &Scene,
        layout: &[Symbol],
        frame: &LabelFrame<'_>,
        locale: Locale,
        width: &dyn Fn(&str) -> f64,
        region: [f64; 4],
    ) -> LabelPlan {
        let (zoom, selected) = (frame.zoom, frame.selected);
        let mut partner = vec![false; scene.nodes.len()];
        if let Some(s) = selected {
            for e in scene.edges.iter().filter(|e| e.from == s || e.to == s) {
                partner[e.from] = true;
                partner[e.to] = true;
            }
        }
        let names = ClusterNames::new(dataset, scene, selected);
        let mut candidates: Vec<(LabelCandidate, String)> = layout
            .iter()
            .filter(|s| within(region, s.at, 0.0))
            .filter_map(|s| {
                let n = scene.nodes.get(s.node)?;
                let boost = if Some(s.node) == selected {
                    SELECTED_FIRST
                } else if partner[s.node] {
                    PARTNER_NEXT
                } else {
                    0
                };
                if boost == 0
                    && (selected.is_some() || (s.weight < 2 && zoom < LABEL_ALL_FROM_ZOOM))
                {
                    return None;
                }
                let named = scene.nodes.get(names.member(s)).unwrap_or(n);
                let name = cluster_name(&node_name(dataset, named.key, locale), s.others(), locale);
                let candidate = LabelCandidate {
                    node: s.node,
                    at: s.at,
                    radius: s.radius,
                    width: width(&name),
                    height: LABEL_HEIGHT,
                    priority: s.weight.saturating_add(boost),
                };
                Some((candidate, name))
            })
            .collect();
        candidates.sort_by(|(a, _), (b, _)| b.priority.cmp(&a.priority).then(a.node.cmp(&b.node)));
        let near: Vec<Symbol> =
            layout.iter().filter(|s| within(region, s.at, DISC_REACH_PX)).cloned().collect();
        // With a selection the places not tied to it are drawn faded (`map::node_emphasis`).
        let faded = |n: usize| selected.is_some_and(|s| n != s && !partner[n]);
        LabelPlan { candidates, discs: disc_grid(&near, &faded), region }
    }

    /// True when the plan holds every label a frame with the layout at `offset` can show
    /// (the frame is inside its region): a pan within it needs no new plan.
    pub fn covers(&self, offset: [f64; 2], viewport: Viewport) -> bool {
        let [l, t, r, b] = plan_region(offset, viewport, CANDIDATE_MARGIN_PX);
        let [rl, rt, rr, rb] = self.region;
        l >= rl && t >= rt && r <= rr && b <= rb
    }

    /// The candidates whose marker shows in a frame of `viewport` with the layout at `offset`.
    fn shown(
        &self,
        offset: [f64; 2],
        viewport: Viewport,
    ) -> impl Iterator<Item = &(LabelCandidate, String)> {
        let m = CANDIDATE_MARGIN_PX;
        self.candidates.iter().filter(move |(c, _)| {
            let [x, y] = [c.at[0] + offset[0], c.at[1] + offset[1]];
            x >= -m && y >= -m && x <= viewport.width + m && y <= viewport.height + m
        })
    }

    /// The labels of a frame with the layout at `offset` (where its origin is drawn), placed
    /// afresh by the rules of [`place_labels`].
    pub fn place(&self, offset: [f64; 2], viewport: Viewport, covered: &[[f64; 4]]) -> PlacedFrame {
        self.place_after(None, offset, viewport, covered)
    }

    /// The labels of a frame of a pan: those of the `previous` frame (of this plan) that stay
    /// wholly in view and clear of the controls keep their place on their markers (a label
    /// does not jump round its marker while the map moves); then the other candidates are
    /// placed beside them by the rules of [`place_labels`]. The rules hold as in a fresh
    /// placement; only which labels win may differ (the ones already shown stay).
    pub fn place_after(
        &self,
        previous: Option<&PlacedFrame>,
        offset: [f64; 2],
        viewport: Viewport,
        covered: &[[f64; 4]],
    ) -> PlacedFrame {
        let [ox, oy] = offset;
        // Worked out in layout px: the frame and the controls moved by the offset.
        let moved: Vec<[f64; 4]> =
            covered.iter().map(|c| [c[0] - ox, c[1] - oy, c[2] - ox, c[3] - oy]).collect();
        let area =
            Area { bounds: [-ox, -oy, viewport.width - ox, viewport.height - oy], covered: &moved };
        let mut labels: Grid<[f64; 4]> = Grid::new();
        let mut placed: Vec<PlacedLabel> = Vec::new();
        if let Some(previous) = previous {
            let [px, py] = previous.offset;
            let by_node: HashMap<usize, &PlacedLabel> =
                previous.labels.iter().map(|(l, _)| (l.node, l)).collect();
            for (c, _) in &self.candidates {
                let Some(l) = by_node.get(&c.node) else { continue };
                let b = l.bounds();
                let b = [b[0] - px, b[1] - py, b[2] - px, b[3] - py];
                if placed.len() >= MAX_LABELS || !area.allows(b) {
                    continue;
                }
                let leader =
                    l.leader.map(|[a, e]| [[a[0] - px, a[1] - py], [e[0] - px, e[1] - py]]);
                labels.insert(b, b);
                placed.push(PlacedLabel {
                    node: c.node,
                    top_left: [b[0], b[1]],
                    size: l.size,
                    leader,
                });
            }
        }
        let done: Vec<usize> = placed.iter().map(|l| l.node).collect();
        let rest =
            self.shown(offset, viewport).filter(|(c, _)| !done.contains(&c.node)).map(|(c, _)| c);
        place_into(rest, &self.discs, &area, &mut labels, &mut placed, MAX_LABELS);
        let names: HashMap<usize, &str> =
            self.candidates.iter().map(|(c, n)| (c.node, n.as_str())).collect();
        let labels = placed
            .into_iter()
            .filter_map(|l| {
                let name = names.get(&l.node)?.to_string();
                let shift = |p: [f64; 2]| [p[0] + ox, p[1] + oy];
                let label = PlacedLabel {
                    top_left: shift(l.top_left),
                    leader: l.leader.map(|[a, e]| [shift(a), shift(e)]),
                    ..l
                };
                Some((label, name))
            })
            .collect();
        PlacedFrame { offset, labels }
    }
}

/// Width of a label in px, estimated without measuring (CJK characters are about twice as
/// wide as Latin ones at the map's 12 px font). The browser measures instead.
pub fn label_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 6.6 } else { 12.5 }).sum::<f64>() + 2.0
}

/// Height of a map label box in px.
pub const LABEL_HEIGHT: f64 = 15.0;
/// At most this many labels are drawn at once.
pub const MAX_LABELS: usize = 60;
/// From this zoom on, places with a single partnership get a label too.
const LABEL_ALL_FROM_ZOOM: f64 = 4.0;

/// Priority of the selected marker's label, and (less) of its partners'.
const SELECTED_FIRST: u32 = LEADER_FROM_PRIORITY;
const PARTNER_NEXT: u32 = 500_000;

/// The labels of a frame beside the markers of [`frame_symbols`](super::map::frame_symbols): the selected node first,
/// then its partners, then the largest places; places with one partnership only when zoomed
/// in far. `width` measures a name as it will be drawn.
#[allow(clippy::too_many_arguments)]
pub fn frame_labels(
    dataset: &Dataset,
    scene: &Scene,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
    selected: Option<usize>,
    covered: &[[f64; 4]],
    locale: Locale,
    width: &dyn Fn(&str) -> f64,
) -> Vec<(PlacedLabel, String)> {
    let level = layout_symbols(scene, projection, cluster_zoom(view.zoom), viewport, selected);
    let layout = layout_at_zoom(&level, scene, projection, view.zoom, viewport);
    let frame = LabelFrame { zoom: view.zoom, viewport, selected, covered };
    let offset = layout_offset(projection, view, viewport);
    let region = plan_region(offset, viewport, CANDIDATE_MARGIN_PX);
    let plan = LabelPlan::new(dataset, scene, &layout, &frame, locale, width, region);
    plan.place(offset, viewport, covered).labels
}

/// What the labels of a frame are placed in: its zoom and size, the selected node, and the
/// parts of the map that controls cover.
#[derive(Clone, Copy, Debug)]
pub struct LabelFrame<'a> {
    /// The view's zoom.
    pub zoom: f64,
    /// The map's size.
    pub viewport: Viewport,
    /// The selected node.
    pub selected: Option<usize>,
    /// Rectangles (left, top, right, bottom, in the map's px) no label may overlap.
    pub covered: &'a [[f64; 4]],
}

/// The labels of a frame beside its markers (`symbols`, from [`frame_symbols`](super::map::frame_symbols) for the view
/// at the frame's zoom), as [`frame_labels`] places them.
///
/// With a selection only the selection and its partners are named: the selection is the
/// story, and a name on a faded marker ("Isaac +2") reads as one of its partners and takes the
/// room their names need. Without one, the largest places are named.
pub fn labels_beside(
    dataset: &Dataset,
    scene: &Scene,
    symbols: &[Symbol],
    frame: &LabelFrame<'_>,
    locale: Locale,
    width: &dyn Fn(&str) -> f64,
) -> Vec<(PlacedLabel, String)> {
    let everywhere = [f64::NEG_INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::INFINITY];
    let plan = LabelPlan::new(dataset, scene, symbols, frame, locale, width, everywhere);
    plan.place([0.0, 0.0], frame.viewport, frame.covered).labels
}

/// A marker's label: its place's name, and for a cluster "+N" for the others it stands for
/// ("Seoul +12", "首尔+12").
pub fn cluster_name(name: &str, others: usize, locale: Locale) -> String {
    if others == 0 {
        return name.to_owned();
    }
    fill(
        locale.messages().map_cluster_label,
        &[("name", name), ("n", &locale.number(others as u64))],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::model::format::dataset::PairIdx;
    use crate::model::format::load::load;
    use crate::model::geo::projection::Centre;
    use crate::model::show::map::build_scene;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn all(d: &Dataset) -> Vec<PairIdx> {
        d.pair_indices().collect()
    }

    fn candidate(node: usize, at: [f64; 2], priority: u32) -> LabelCandidate {
        LabelCandidate { node, at, radius: 5.0, width: 40.0, height: 15.0, priority }
    }

    #[test]
    fn a_cluster_is_named_by_its_place_and_how_many_more() {
        assert_eq!(cluster_name("Seoul", 0, Locale::En), "Seoul");
        assert_eq!(cluster_name("Seoul", 12, Locale::En), "Seoul +12");
        assert_eq!(cluster_name("首尔", 12, Locale::Zh), "首尔+12");
    }

    fn symbol(c: &LabelCandidate) -> Symbol {
        Symbol::single(c.node, c.at, c.radius, 1)
    }

    #[test]
    fn every_spot_touches_its_marker_and_upper_right_comes_first() {
        for spot in Spot::ORDER {
            let b = label_box([100.0, 100.0], 6.0, 40.0, 15.0, spot);
            let edge = box_distance(b, [100.0, 100.0]) - 6.0;
            assert!((edge - LABEL_GAP).abs() < 1e-9, "{spot:?}: {edge} px from the edge");
        }
        let c = candidate(0, [100.0, 100.0], 1);
        let placed = place_labels(
            std::slice::from_ref(&c),
            &[symbol(&c)],
            Viewport { width: 300.0, height: 200.0 },
            &[],
            9,
        );
        let b = placed[0].bounds();
        assert!(b[0] > 100.0 && b[3] < 100.0, "upper right of the marker: {b:?}");
    }

    #[test]
    fn a_label_moves_round_its_marker_but_never_away_from_it() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        // A marker to the upper right and one to the right: the label goes lower right. (The
        // one to the right sits a little high: a lower-right label must keep
        // `other_clearance` from another marker's disc, so it is not read as its name.)
        let own = candidate(0, [100.0, 100.0], 10);
        let others =
            [Symbol::single(1, [120.0, 88.0], 3.0, 1), Symbol::single(2, [140.0, 92.0], 3.0, 1)];
        let mut symbols = vec![symbol(&own)];
        symbols.extend(others);
        let placed = place_labels(std::slice::from_ref(&own), &symbols, vp, &[], 9);
        assert_eq!(placed.len(), 1);
        let b = placed[0].bounds();
        assert!(b[1] > 100.0 && b[0] > 100.0, "lower right: {b:?}");
        // Surrounded on every side: no label rather than a label somewhere else.
        let ring: Vec<Symbol> = (0..16)
            .map(|i| {
                let a = i as f64 * std::f64::consts::TAU / 16.0;
                Symbol::single(10 + i, [100.0 + 18.0 * a.cos(), 100.0 + 12.0 * a.sin()], 2.0, 1)
            })
            .chain([symbol(&own)])
            .collect();
        assert!(place_labels(&[own], &ring, vp, &[], 9).is_empty());
    }

    #[test]
    fn a_label_is_plainly_nearer_its_own_marker_than_any_other() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        let own = candidate(0, [100.0, 100.0], 10);
        // Another small disc 5 px right of the upper right spot's box (as North Korea's beside
        // 韩国): that spot would read as its name, so the label goes to the next one clear.
        let upper_right = label_box(own.at, own.radius, own.width, own.height, Spot::UpperRight);
        let near = Symbol::single(1, [upper_right[2] + 5.0 + 2.0, upper_right[1] + 7.0], 2.0, 1);
        let placed =
            place_labels(std::slice::from_ref(&own), &[symbol(&own), near.clone()], vp, &[], 9);
        assert_eq!(placed.len(), 1);
        let b = placed[0].bounds();
        assert_ne!(b, upper_right, "not beside the other disc");
        for (at, r) in [(own.at, own.radius), (near.at, near.radius)] {
            let gap = box_distance(b, at) - r;
            let own_gap = box_distance(b, own.at) - own.radius;
            if at != own.at {
                assert!(gap >= own_gap + 6.0 && gap >= 2.0 * own_gap, "{gap} vs {own_gap}");
            }
        }
        assert!(
            (other_clearance(2.0) - 8.0).abs() < 1e-9
                && (other_clearance(10.0) - 20.0).abs() < 1e-9
        );
    }

    #[test]
    fn a_leader_line_never_crosses_another_marker() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        // The selection under a control reaching 50 px round it: its label is moved out with
        // a leader line. The first box clear of it (right, 53 px out) has a marker on its
        // line: that box is not used, another is.
        let own = candidate(0, [200.0, 150.0], LEADER_FROM_PRIORITY);
        let on_the_way = Symbol::single(1, [230.0, 150.0], 3.0, 1);
        let control = [[150.0, 100.0, 250.0, 200.0]];
        let symbols = [symbol(&own), on_the_way.clone()];
        let placed = place_labels(std::slice::from_ref(&own), &symbols, vp, &control, 9);
        assert_eq!(placed.len(), 1, "the selection keeps its label");
        let [from, to] = placed[0].leader.expect("led out");
        let d = segment_distance(from, to, on_the_way.at);
        assert!(d >= on_the_way.radius, "the line passes {d} px from the marker's centre");
        assert!(!overlaps(placed[0].bounds(), control[0]));
        // Without the marker the label goes there.
        let alone = place_labels(std::slice::from_ref(&own), &[symbol(&own)], vp, &control, 9);
        assert!(alone[0].leader.is_some_and(|[_, to]| to[1] == 150.0), "{:?}", alone[0]);
        assert!((segment_distance([0.0, 0.0], [10.0, 0.0], [5.0, 3.0]) - 3.0).abs() < 1e-9);
        assert!((segment_distance([0.0, 0.0], [10.0, 0.0], [13.0, 4.0]) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn the_lower_priority_label_is_dropped_and_names_never_run_together() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        let big = candidate(0, [100.0, 100.0], 50);
        let small = candidate(1, [100.0, 110.0], 3);
        let symbols = [symbol(&big), symbol(&small)];
        let placed = place_labels(&[small.clone(), big.clone()], &symbols, vp, &[], 9);
        assert_eq!(placed[0].node, 0, "the larger place first");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                let (a, b) = (a.bounds(), b.bounds());
                let gap = (b[0] - a[2]).max(a[0] - b[2]).max(b[1] - a[3]).max(a[1] - b[3]);
                assert!(gap >= 2.0 * LABEL_PAD, "{a:?} and {b:?} {gap} px apart");
            }
        }
    }

    #[test]
    fn a_pan_keeps_the_labels_that_stay_in_view_where_they_are() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        // H (more ties) near the right edge, A to its left; both labelled upper right.
        let h = candidate(0, [350.0, 100.0], 50);
        let a = candidate(1, [270.0, 110.0], 10);
        let symbols = [symbol(&h), symbol(&a)];
        let everywhere = [f64::NEG_INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::INFINITY];
        let plan = LabelPlan {
            candidates: vec![(h.clone(), "H".into()), (a.clone(), "A".into())],
            discs: disc_grid(&symbols, &|_| false),
            region: everywhere,
        };
        let first = plan.place([0.0, 0.0], vp, &[]);
        let box_of = |f: &PlacedFrame, node: usize| {
            f.labels.iter().find(|(l, _)| l.node == node).map(|(l, _)| l.bounds())
        };
        let a_before = box_of(&first, 1).expect("A labelled");
        assert!(box_of(&first, 0).is_some_and(|b| b[0] > 350.0 && b[3] < 100.0), "H upper right");
        // 20 px to the right: H's upper right leaves the map, and its next spot (upper left)
        // is where A's label is. A's label stays where it was on its marker; H finds another.
        let panned = plan.place_after(Some(&first), [20.0, 0.0], vp, &[]);
        let a_after = box_of(&panned, 1).expect("A still labelled");
        assert_eq!(a_after, [a_before[0] + 20.0, a_before[1], a_before[2] + 20.0, a_before[3]]);
        let h_after = box_of(&panned, 0).expect("H still labelled");
        assert!(!overlaps(grow(h_after, LABEL_PAD), grow(a_after, LABEL_PAD)));
        assert!(h_after[2] <= vp.width, "inside: {h_after:?}");
        // Placed afresh, the same frame keeps every rule too.
        let fresh = plan.place([20.0, 0.0], vp, &[]);
        assert_eq!(fresh.labels.len(), 2);
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
        let symbols: Vec<Symbol> =
            candidates.iter().map(|c| Symbol::single(c.node, c.at, c.radius, 1)).collect();
        let placed = place_labels(&candidates, &symbols, viewport, &[], 100);
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
        let spread_symbols: Vec<Symbol> =
            spread.iter().map(|c| Symbol::single(c.node, c.at, c.radius, 1)).collect();
        assert!(place_labels(&spread, &spread_symbols, big, &[], 100).len() > placed.len());
    }

    #[test]
    fn labels_go_to_places_with_several_ties_until_zoomed_in() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 1600.0, height: 900.0 };
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let labels = frame_labels(
            &d,
            &scene,
            &p,
            &View::default(),
            viewport,
            None,
            &[],
            Locale::En,
            &label_width,
        );
        let names: Vec<&str> = labels.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Yan'an"], "only Yan'an has two partnerships");
        let [cx, cy] = p.forward(120.0, 35.0);
        let close = View { cx, cy, zoom: 5.0 };
        let labels =
            frame_labels(&d, &scene, &p, &close, viewport, None, &[], Locale::Zh, &label_width);
        assert!(labels.iter().any(|(_, n)| n == "西安"), "{labels:?}");
        assert!((label_width("ab") - 15.2).abs() < 1e-9);
        assert!((label_width("西安") - 27.0).abs() < 1e-9);
    }

    #[test]
    fn no_label_goes_under_a_control() {
        let vp = Viewport { width: 400.0, height: 300.0 };
        let c = candidate(0, [100.0, 100.0], 10);
        // The zoom buttons over the upper right spot: the label takes the next free one.
        let zoom_buttons = [[100.0, 60.0, 200.0, 99.0]];
        let placed = place_labels(std::slice::from_ref(&c), &[symbol(&c)], vp, &zoom_buttons, 9);
        assert_eq!(placed.len(), 1);
        assert!(!overlaps(placed[0].bounds(), zoom_buttons[0]), "{:?}", placed[0].bounds());
        // A control over the whole marker and around it: no label rather than one under it.
        let legend = [[0.0, 0.0, 400.0, 300.0]];
        assert!(
            place_labels(&[c], &[symbol(&candidate(0, [100.0, 100.0], 10))], vp, &legend, 9)
                .is_empty()
        );
    }

    #[test]
    fn with_a_selection_only_it_and_its_partners_are_named() {
        let d = fixture();
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 1600.0, height: 900.0 };
        let scene = build_scene(&d, &all(&d), &p, false, &HashMap::new());
        let [cx, cy] = p.forward(120.0, 35.0);
        let close = View { cx, cy, zoom: 5.0 };
        let name = |id: &str| {
            let n = scene.node_of(crate::model::show::map::NodeKey::Place(
                d.place_by_id(id).expect("place"),
            ));
            n.expect("node")
        };
        let label = |selected| {
            let labels = frame_labels(
                &d,
                &scene,
                &p,
                &close,
                viewport,
                selected,
                &[],
                Locale::En,
                &label_width,
            );
            labels.into_iter().map(|(l, _)| l.node).collect::<Vec<_>>()
        };
        // Nothing selected: Yan'an and Xi'an (close in, every place) are named.
        let open = label(None);
        assert!(open.contains(&name("cn-yanan")) && open.contains(&name("cn-xian")), "{open:?}");
        // Xi'an selected: Xi'an and Nara, its partner; not Yan'an, which is faded.
        let xian = name("cn-xian");
        let chosen = label(Some(xian));
        assert!(chosen.contains(&xian), "{chosen:?}");
        assert!(!chosen.contains(&name("cn-yanan")), "a faded place is not named: {chosen:?}");
    }
}
