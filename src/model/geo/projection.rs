//! The world map projection and the view (pan and zoom) on top of it.
//!
//! Coordinate spaces, from the globe to the screen:
//! - **lon/lat**: degrees, WGS84;
//! - **map units**: the Natural Earth I projection around a central meridian, scaled so the
//!   whole world is [`MAP_WIDTH`] units wide; x grows east, y grows north;
//! - **screen px**: CSS pixels of the map element; origin top-left, y grows downward.
//!
//! Invariant: inside the map, projecting and inverting returns the input to within 1e-9°, so
//! the URL can store the view as a longitude, latitude and zoom.
//!
//! ```
//! use youcheng::model::geo::projection::{Projection, Centre};
//! let p = Projection::new(Centre::Pacific);
//! let [x, y] = p.forward(121.47, 31.23);
//! let [lon, lat] = p.inverse(x, y).unwrap();
//! assert!((lon - 121.47).abs() < 1e-9 && (lat - 31.23).abs() < 1e-9);
//! ```

use std::f64::consts::PI;

/// Width of the whole world in map units.
pub const MAP_WIDTH: f64 = 1000.0;

/// Where the map is centred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Centre {
    /// Central meridian 150°E, as Chinese world maps draw it: the Pacific in the middle.
    #[default]
    Pacific,
    /// Central meridian 0°: the Atlantic in the middle.
    Atlantic,
}

impl Centre {
    /// The central meridian in degrees.
    pub fn meridian(self) -> f64 {
        match self {
            Centre::Pacific => 150.0,
            Centre::Atlantic => 0.0,
        }
    }

    /// The URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Centre::Pacific => "pacific",
            Centre::Atlantic => "atlantic",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<Centre> {
        match text {
            "pacific" => Some(Centre::Pacific),
            "atlantic" => Some(Centre::Atlantic),
            _ => None,
        }
    }
}

/// Natural Earth I around a central meridian, in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    centre: Centre,
    scale: f64,
}

fn raw_forward(lambda: f64, phi: f64) -> [f64; 2] {
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    [
        lambda
            * (0.8707 - 0.131979 * phi2
                + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
        phi * (1.007226
            + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
    ]
}

fn raw_y_derivative(phi: f64) -> f64 {
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    1.007226
        + phi2
            * (3.0 * 0.015085
                + phi4 * (7.0 * -0.044475 + 9.0 * 0.028874 * phi2 - 11.0 * 0.005916 * phi4))
}

impl Projection {
    /// The projection for a centring.
    pub fn new(centre: Centre) -> Projection {
        let half_width = raw_forward(PI, 0.0)[0];
        Projection { centre, scale: MAP_WIDTH / (2.0 * half_width) }
    }

    /// The centring.
    pub fn centre(&self) -> Centre {
        self.centre
    }

    /// Longitude relative to the central meridian, in (-180, 180].
    pub fn relative_lon(&self, lon: f64) -> f64 {
        let mut d = (lon - self.centre.meridian()) % 360.0;
        if d <= -180.0 {
            d += 360.0;
        } else if d > 180.0 {
            d -= 360.0;
        }
        d
    }

    /// Projects a point given by its longitude relative to the central meridian (may be
    /// outside ±180 for points just past the map edge) and latitude.
    pub fn forward_relative(&self, rel_lon: f64, lat: f64) -> [f64; 2] {
        let [x, y] = raw_forward(rel_lon.to_radians(), lat.clamp(-90.0, 90.0).to_radians());
        [x * self.scale, y * self.scale]
    }

    /// Projects longitude/latitude (degrees) to map units.
    pub fn forward(&self, lon: f64, lat: f64) -> [f64; 2] {
        self.forward_relative(self.relative_lon(lon), lat)
    }

    /// Map units back to longitude/latitude; `None` outside the map.
    pub fn inverse(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        let (x, y) = (x / self.scale, y / self.scale);
        let max_y = raw_forward(0.0, PI / 2.0)[1];
        if !x.is_finite() || !y.is_finite() || y.abs() > max_y + 1e-12 {
            return None;
        }
        // Newton's method on y(phi) = y; y is monotonic in phi on [-pi/2, pi/2].
        let mut phi = y;
        for _ in 0..40 {
            let delta = (raw_forward(0.0, phi)[1] - y) / raw_y_derivative(phi);
            phi = (phi - delta).clamp(-PI / 2.0, PI / 2.0);
            if delta.abs() < 1e-15 {
                break;
            }
        }
        let unit_x = raw_forward(1.0, phi)[0];
        let lambda = x / unit_x;
        if lambda.abs() > PI + 1e-9 {
            return None;
        }
        let mut lon = lambda.to_degrees() + self.centre.meridian();
        if lon > 180.0 {
            lon -= 360.0;
        } else if lon <= -180.0 {
            lon += 360.0;
        }
        Some([lon, phi.to_degrees()])
    }

    /// The map's bounds in map units: (min x, min y, max x, max y).
    pub fn bounds(&self) -> [f64; 4] {
        let half_w = MAP_WIDTH / 2.0;
        let half_h = raw_forward(0.0, PI / 2.0)[1] * self.scale;
        [-half_w, -half_h, half_w, half_h]
    }
}

/// The smallest and largest zoom.
pub const MIN_ZOOM: f64 = 1.0;
/// The largest zoom: a city-level view.
pub const MAX_ZOOM: f64 = 64.0;

/// What part of the map is on screen: the map-unit point at the centre of the screen and the
/// zoom (1 = the whole world fits).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Centre x in map units.
    pub cx: f64,
    /// Centre y in map units.
    pub cy: f64,
    /// Zoom factor, [`MIN_ZOOM`]..=[`MAX_ZOOM`].
    pub zoom: f64,
}

impl Default for View {
    fn default() -> View {
        View { cx: 0.0, cy: 0.0, zoom: 1.0 }
    }
}

/// The size of the map element in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Width in px.
    pub width: f64,
    /// Height in px.
    pub height: f64,
}

impl View {
    /// Pixels per map unit at zoom 1, so the whole map fits the viewport.
    pub fn base_scale(projection: &Projection, viewport: Viewport) -> f64 {
        let [x0, y0, x1, y1] = projection.bounds();
        (viewport.width / (x1 - x0)).min(viewport.height / (y1 - y0)).max(1e-6)
    }

    /// Pixels per map unit.
    pub fn scale(&self, projection: &Projection, viewport: Viewport) -> f64 {
        View::base_scale(projection, viewport) * self.zoom
    }

    /// Map units to screen pixels.
    pub fn to_screen(&self, projection: &Projection, viewport: Viewport, p: [f64; 2]) -> [f64; 2] {
        let s = self.scale(projection, viewport);
        [viewport.width / 2.0 + (p[0] - self.cx) * s, viewport.height / 2.0 - (p[1] - self.cy) * s]
    }

    /// Screen pixels to map units.
    pub fn to_map(&self, projection: &Projection, viewport: Viewport, px: [f64; 2]) -> [f64; 2] {
        let s = self.scale(projection, viewport);
        [
            self.cx + (px[0] - viewport.width / 2.0) / s,
            self.cy - (px[1] - viewport.height / 2.0) / s,
        ]
    }

    /// The same view with its centre kept inside the map and its zoom within limits.
    pub fn clamped(self, projection: &Projection) -> View {
        let [x0, y0, x1, y1] = projection.bounds();
        View {
            cx: self.cx.clamp(x0, x1),
            cy: self.cy.clamp(y0, y1),
            zoom: if self.zoom.is_finite() {
                self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
            } else {
                MIN_ZOOM
            },
        }
    }

    /// Moves the view by a screen distance (a drag of `dx, dy` px moves the map with it).
    pub fn panned(self, projection: &Projection, viewport: Viewport, dx: f64, dy: f64) -> View {
        let s = self.scale(projection, viewport);
        View { cx: self.cx - dx / s, cy: self.cy + dy / s, ..self }.clamped(projection)
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (screen px) where it is.
    pub fn zoomed_at(
        self,
        projection: &Projection,
        viewport: Viewport,
        factor: f64,
        anchor: [f64; 2],
    ) -> View {
        let before = self.to_map(projection, viewport, anchor);
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let next = View { zoom, ..self };
        let after = next.to_map(projection, viewport, anchor);
        View { cx: self.cx + before[0] - after[0], cy: self.cy + before[1] - after[1], zoom }
            .clamped(projection)
    }
}

/// Screen space a view should keep clear, in px (a panel over the map).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Insets {
    /// From the top edge.
    pub top: f64,
    /// From the right edge.
    pub right: f64,
    /// From the bottom edge.
    pub bottom: f64,
    /// From the left edge.
    pub left: f64,
}

impl Insets {
    /// These insets grown so that the part of the map they leave free overlaps none of the
    /// `covered` rectangles (left, top, right, bottom in px: the controls drawn over the map).
    /// Each rectangle still inside the free part is left out by the side that costs the least
    /// of it: the zoom buttons in a corner by a strip along the shorter way, the legend along
    /// the bottom by the bottom.
    pub fn clear_of(self, viewport: Viewport, covered: &[[f64; 4]]) -> Insets {
        let mut out = self;
        for &[l, t, r, b] in covered {
            let (x0, y0) = (out.left, out.top);
            let (x1, y1) = (viewport.width - out.right, viewport.height - out.bottom);
            if r <= x0 || l >= x1 || b <= y0 || t >= y1 || r <= l || b <= t {
                continue;
            }
            let (w, h) = (x1 - x0, y1 - y0);
            let options = [
                ((b - y0) * w, Insets { top: b, ..out }),
                ((y1 - t) * w, Insets { bottom: viewport.height - t, ..out }),
                ((r - x0) * h, Insets { left: r, ..out }),
                ((x1 - l) * h, Insets { right: viewport.width - l, ..out }),
            ];
            if let Some((_, least)) = options.into_iter().min_by(|a, b| a.0.total_cmp(&b.0)) {
                out = least;
            }
        }
        out
    }
}

/// The least free space (px) a fitted view keeps, whatever covers the map.
const MIN_FREE_PX: f64 = 80.0;

impl View {
    /// The view that shows every point (map units) inside the part of the viewport `insets`
    /// leave free, `padding` px from its edges, zoomed in no further than `max_zoom` (a single
    /// point is shown at `max_zoom`). `None` without points.
    pub fn fit(
        projection: &Projection,
        viewport: Viewport,
        points: &[[f64; 2]],
        insets: Insets,
        padding: f64,
        max_zoom: f64,
    ) -> Option<View> {
        let first = points.first()?;
        let [mut x0, mut y0, mut x1, mut y1] = [first[0], first[1], first[0], first[1]];
        for [x, y] in points {
            (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
        }
        let free_w = (viewport.width - insets.left - insets.right).max(MIN_FREE_PX);
        let free_h = (viewport.height - insets.top - insets.bottom).max(MIN_FREE_PX);
        let (room_w, room_h) = (
            (free_w - 2.0 * padding).max(MIN_FREE_PX / 2.0),
            (free_h - 2.0 * padding).max(MIN_FREE_PX / 2.0),
        );
        let base = View::base_scale(projection, viewport);
        let wanted = (room_w / (x1 - x0).max(1e-9)).min(room_h / (y1 - y0).max(1e-9)) / base;
        let zoom = wanted.clamp(MIN_ZOOM, max_zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        let s = base * zoom;
        // The points' middle goes to the middle of the free space.
        let (mid_x, mid_y) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (free_cx, free_cy) = (insets.left + free_w / 2.0, insets.top + free_h / 2.0);
        let cx = mid_x - (free_cx - viewport.width / 2.0) / s;
        let cy = mid_y + (free_cy - viewport.height / 2.0) / s;
        Some(View { cx, cy, zoom }.clamped(projection))
    }

    /// True when every point (map units) is drawn inside the part of the viewport `insets`
    /// leave free.
    pub fn shows_all(
        &self,
        projection: &Projection,
        viewport: Viewport,
        points: &[[f64; 2]],
        insets: Insets,
    ) -> bool {
        let (x0, x1) = (insets.left - 0.5, viewport.width - insets.right + 0.5);
        let (y0, y1) = (insets.top - 0.5, viewport.height - insets.bottom + 0.5);
        points.iter().all(|p| {
            let [x, y] = self.to_screen(projection, viewport, *p);
            (x0..=x1).contains(&x) && (y0..=y1).contains(&y)
        })
    }

    /// The view of the first point (a chosen place) and as many of the others as can be shown
    /// together in the free space, nearest first: [`View::fit`] of them all when it shows them
    /// all, else of fewer, the farthest left out (issue 23: on a phone, the strip of map above
    /// the sheet could not show Xi'an's partners worldwide at the least zoom, and showed the
    /// South Pole; beside a laptop's sheet the same). A far partner is a pan or zoom away.
    pub fn fit_nearest(
        projection: &Projection,
        viewport: Viewport,
        points: &[[f64; 2]],
        insets: Insets,
        padding: f64,
        max_zoom: f64,
    ) -> Option<View> {
        let (first, rest) = points.split_first()?;
        let distance = |p: &[f64; 2]| (p[0] - first[0]).powi(2) + (p[1] - first[1]).powi(2);
        let mut near: Vec<[f64; 2]> = rest.to_vec();
        near.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        near.insert(0, *first);
        for keep in (1..=near.len()).rev() {
            let subset = &near[..keep];
            let view = View::fit(projection, viewport, subset, insets, padding, max_zoom)?;
            if keep == 1 || view.shows_all(projection, viewport, subset, insets) {
                return Some(view);
            }
        }
        None
    }

    /// A view part of the way (`t` from 0 to 1) from `self` to `to`, for an eased move: the
    /// zoom moves geometrically, so the scale changes evenly.
    pub fn towards(self, to: View, t: f64) -> View {
        let t = t.clamp(0.0, 1.0);
        View {
            cx: self.cx + (to.cx - self.cx) * t,
            cy: self.cy + (to.cy - self.cy) * t,
            zoom: self.zoom * (to.zoom / self.zoom).powf(t),
        }
    }
}

/// The zoom factor of one mouse-wheel event: `delta_y` in lines (`in_lines`) or pixels;
/// scrolling down zooms out.
pub fn wheel_zoom_factor(delta_y: f64, in_lines: bool) -> f64 {
    (-delta_y * if in_lines { 0.05 } else { 0.0018 }).exp()
}

/// A two-finger pinch step: one touch point moved from `before` to `after` while the other is
/// at `other`. Returns the zoom factor (the change of distance between the fingers) and the
/// point to zoom about (between them); `None` when the fingers were too close to tell.
pub fn pinch_step(before: [f64; 2], after: [f64; 2], other: [f64; 2]) -> Option<(f64, [f64; 2])> {
    let distance =
        |a: [f64; 2], b: [f64; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
    let (was, is) = (distance(before, other), distance(after, other));
    (was > 1.0).then(|| (is / was, [(after[0] + other[0]) / 2.0, (after[1] + other[1]) / 2.0]))
}

/// What a key does to the map view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewKey {
    /// Moves the map by this many px (the arrow keys move it by a step).
    Pan(f64, f64),
    /// Zooms about the centre by this factor.
    Zoom(f64),
    /// Back to the whole world.
    Reset,
}

/// How far one arrow key moves the map, in px.
pub const KEY_PAN_STEP: f64 = 60.0;
/// How much one `+` or `-` zooms.
pub const KEY_ZOOM_STEP: f64 = 1.5;

/// The view change of a key (its `KeyboardEvent.key`), if it has one.
pub fn view_key(key: &str) -> Option<ViewKey> {
    Some(match key {
        "ArrowLeft" => ViewKey::Pan(KEY_PAN_STEP, 0.0),
        "ArrowRight" => ViewKey::Pan(-KEY_PAN_STEP, 0.0),
        "ArrowUp" => ViewKey::Pan(0.0, KEY_PAN_STEP),
        "ArrowDown" => ViewKey::Pan(0.0, -KEY_PAN_STEP),
        "+" | "=" => ViewKey::Zoom(KEY_ZOOM_STEP),
        "-" | "_" => ViewKey::Zoom(1.0 / KEY_ZOOM_STEP),
        "0" => ViewKey::Reset,
        _ => return None,
    })
}

impl View {
    /// The view after a key's change.
    pub fn after_key(self, projection: &Projection, viewport: Viewport, key: ViewKey) -> View {
        match key {
            ViewKey::Pan(dx, dy) => self.panned(projection, viewport, dx, dy),
            ViewKey::Zoom(factor) => {
                let centre = [viewport.width / 2.0, viewport.height / 2.0];
                self.zoomed_at(projection, viewport, factor, centre)
            }
            ViewKey::Reset => View::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn round_trip(centre: Centre, lon: f64, lat: f64) {
        let p = Projection::new(centre);
        let [x, y] = p.forward(lon, lat);
        let [lon2, lat2] = p.inverse(x, y).expect("inside the map");
        let dlon = (lon2 - lon + 540.0) % 360.0 - 180.0;
        assert!(
            dlon.abs() < 1e-9 && (lat2 - lat).abs() < 1e-9,
            "{centre:?} ({lon}, {lat}) came back as ({lon2}, {lat2})"
        );
    }

    #[test]
    fn forward_and_inverse_round_trip_everywhere() {
        for centre in [Centre::Pacific, Centre::Atlantic] {
            for lon in (-179..=180).step_by(7) {
                for lat in (-89..=89).step_by(4) {
                    round_trip(centre, lon as f64 + 0.25, lat as f64 + 0.5);
                }
            }
            round_trip(centre, 108.93, 34.26); // Xi'an
            round_trip(centre, -122.42, 37.77); // San Francisco
        }
    }

    #[test]
    fn the_central_meridian_is_in_the_middle() {
        let pacific = Projection::new(Centre::Pacific);
        assert!(pacific.forward(150.0, 0.0)[0].abs() < 1e-9);
        let atlantic = Projection::new(Centre::Atlantic);
        assert!(atlantic.forward(0.0, 0.0)[0].abs() < 1e-9);
        // Beijing is left of the middle on a Pacific-centred map, right of it on an Atlantic one.
        assert!(pacific.forward(116.4, 39.9)[0] < 0.0);
        assert!(atlantic.forward(116.4, 39.9)[0] > 0.0);
        let [x0, _, x1, _] = pacific.bounds();
        assert!((x1 - x0 - MAP_WIDTH).abs() < 1e-9);
    }

    #[test]
    fn inverse_refuses_points_outside_the_map() {
        let p = Projection::new(Centre::Pacific);
        let [_, _, x1, y1] = p.bounds();
        assert!(p.inverse(x1 * 1.01, 0.0).is_none());
        assert!(p.inverse(0.0, y1 * 1.01).is_none());
        assert!(p.inverse(f64::NAN, 0.0).is_none());
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 500.0 };
        let view = View::default();
        let anchor = [600.0, 120.0];
        let before = view.to_map(&p, viewport, anchor);
        let zoomed = view.zoomed_at(&p, viewport, 2.0, anchor);
        let after = zoomed.to_map(&p, viewport, anchor);
        assert!((before[0] - after[0]).abs() < 1e-9 && (before[1] - after[1]).abs() < 1e-9);
        assert_eq!(zoomed.zoom, 2.0);
        assert_eq!(view.zoomed_at(&p, viewport, 1e6, anchor).zoom, MAX_ZOOM);
        assert_eq!(view.zoomed_at(&p, viewport, 1e-6, anchor).zoom, MIN_ZOOM);
    }

    #[test]
    fn screen_and_map_units_are_inverse() {
        let p = Projection::new(Centre::Atlantic);
        let viewport = Viewport { width: 360.0, height: 640.0 };
        let view = View { cx: 120.0, cy: -40.0, zoom: 3.5 };
        let m = [133.3, 21.7];
        let s = view.to_screen(&p, viewport, m);
        let back = view.to_map(&p, viewport, s);
        assert!((back[0] - m[0]).abs() < 1e-9 && (back[1] - m[1]).abs() < 1e-9);
        let panned = view.panned(&p, viewport, 10.0, -5.0);
        let s2 = panned.to_screen(&p, viewport, m);
        assert!((s2[0] - s[0] - 10.0).abs() < 1e-9 && (s2[1] - s[1] + 5.0).abs() < 1e-9);
    }

    #[test]
    fn wheel_pinch_and_keys_change_the_view_as_expected() {
        assert!(wheel_zoom_factor(100.0, false) < 1.0, "scrolling down zooms out");
        assert!(wheel_zoom_factor(-3.0, true) > 1.0);
        assert!((wheel_zoom_factor(0.0, false) - 1.0).abs() < 1e-12);
        let (factor, mid) = pinch_step([0.0, 0.0], [-50.0, 0.0], [100.0, 0.0]).expect("a pinch");
        assert!((factor - 1.5).abs() < 1e-12, "fingers 100 px → 150 px apart");
        assert_eq!(mid, [25.0, 0.0]);
        assert_eq!(pinch_step([0.0, 0.0], [5.0, 0.0], [0.5, 0.0]), None, "too close to tell");
        let p = Projection::new(Centre::Pacific);
        let vp = Viewport { width: 800.0, height: 400.0 };
        let v = View::default();
        assert_eq!(view_key("Tab"), None);
        let zoomed = v.after_key(&p, vp, view_key("+").expect("zoom key"));
        assert!((zoomed.zoom - KEY_ZOOM_STEP).abs() < 1e-12);
        let moved = zoomed.after_key(&p, vp, view_key("ArrowLeft").expect("pan key"));
        assert!(moved.cx < zoomed.cx, "the left arrow shows what is to the west");
        assert_eq!(moved.after_key(&p, vp, ViewKey::Reset), View::default());
    }

    #[test]
    fn a_fitted_view_shows_every_point_in_the_free_part_of_the_screen() {
        let p = Projection::new(Centre::Pacific);
        let vp = Viewport { width: 1000.0, height: 600.0 };
        // Xi'an, Nara, Kansas City.
        let points: Vec<[f64; 2]> = [(108.9, 34.3), (135.8, 34.7), (-94.6, 39.1)]
            .iter()
            .map(|(lo, la)| p.forward(*lo, *la))
            .collect();
        let insets = Insets { right: 380.0, ..Insets::default() };
        let v = View::fit(&p, vp, &points, insets, 40.0, 12.0).expect("points");
        for pt in &points {
            let [x, y] = v.to_screen(&p, vp, *pt);
            assert!((39.0..=1000.0 - 380.0 - 39.0).contains(&x), "x {x} in the free part");
            assert!((39.0..=600.0 - 39.0).contains(&y), "y {y}");
        }
        assert!(v.zoom > 1.0, "closer than the whole world");
        // One point: centred in the free part at the largest zoom.
        let one = View::fit(&p, vp, &points[..1], insets, 40.0, 8.0).expect("a point");
        assert!((one.zoom - 8.0).abs() < 1e-9);
        let [x, _] = one.to_screen(&p, vp, points[0]);
        assert!((x - 310.0).abs() < 1e-6, "the middle of the free 620 px");
        assert_eq!(View::fit(&p, vp, &[], insets, 40.0, 8.0), None);
    }

    #[test]
    fn a_fit_keeps_the_points_out_from_under_the_controls() {
        let p = Projection::new(Centre::Pacific);
        // A laptop's map with the sheet on the right, the zoom buttons in the top left corner
        // and the playback and legend along the bottom (as measured in the app).
        let vp = Viewport { width: 934.0, height: 491.0 };
        let sheet = Insets { right: 392.0, ..Insets::default() };
        let zoom = [8.0, 8.0, 150.0, 44.0];
        let foot = [8.0, 420.0, 926.0, 483.0];
        let insets = sheet.clear_of(vp, &[zoom, foot]);
        assert_eq!(insets, Insets { top: 44.0, right: 392.0, bottom: 71.0, left: 0.0 });
        // A rectangle already under the sheet changes nothing.
        assert_eq!(sheet.clear_of(vp, &[[600.0, 0.0, 900.0, 100.0]]), sheet);
        // Xi'an and its partners from Nara to Edinburgh: none drawn under a control.
        let points: Vec<[f64; 2]> =
            [(108.9, 34.3), (135.8, 34.7), (-3.2, 56.0), (151.2, -33.9), (116.4, 39.9)]
                .iter()
                .map(|(lo, la)| p.forward(*lo, *la))
                .collect();
        let inside =
            |r: [f64; 4], [x, y]: [f64; 2]| x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3];
        let v = View::fit(&p, vp, &points, insets, 36.0, 10.0).expect("points");
        for pt in &points {
            let at = v.to_screen(&p, vp, *pt);
            assert!(!inside(zoom, at) && !inside(foot, at), "{at:?} under a control");
        }
        // The plain fit beside the sheet put some under the controls (what this fixes).
        let plain = View::fit(&p, vp, &points, sheet, 10.0, 10.0).expect("points");
        assert!(points.iter().any(|pt| {
            let at = plain.to_screen(&p, vp, *pt);
            inside(zoom, at) || inside(foot, at)
        }));
    }

    #[test]
    fn a_strip_above_a_phone_sheet_shows_the_place_and_its_nearest_partners() {
        let p = Projection::new(Centre::Pacific);
        // A phone's map, 374 × 524 px, its lower 325 px under the sheet.
        let vp = Viewport { width: 374.0, height: 524.0 };
        let insets = Insets { bottom: 325.0, ..Insets::default() };
        let place = |lo: f64, la: f64| p.forward(lo, la);
        // Xi'an first, then Rome, Nara, Buenos Aires, Seoul, Sydney.
        let points = [
            place(108.9, 34.3),
            place(12.5, 41.9),
            place(135.8, 34.7),
            place(-58.4, -34.6),
            place(127.0, 37.6),
            place(151.2, -33.9),
        ];
        // All of them cannot be shown in the strip: the plain fit leaves some out of it.
        let all = View::fit(&p, vp, &points, insets, 36.0, 10.0).expect("points");
        let shown = |v: &View| points.map(|q| v.to_screen(&p, vp, q));
        assert!(!all.shows_all(&p, vp, &points, insets), "{:?}", shown(&all));
        let v = View::fit_nearest(&p, vp, &points, insets, 36.0, 10.0).expect("points");
        // Xi'an, Nara and Seoul are in the strip; Buenos Aires, the farthest, is not kept.
        let near = [points[0], points[2], points[4]];
        assert!(v.shows_all(&p, vp, &near, insets), "{v:?} {:?}", shown(&v));
        assert!(!v.shows_all(&p, vp, &[points[3]], insets), "{v:?} {:?}", shown(&v));
        // When everything fits, it is the plain fit.
        let wide = Viewport { width: 1000.0, height: 600.0 };
        let east = [points[0], points[2], points[4]];
        assert_eq!(
            View::fit_nearest(&p, wide, &east, Insets::default(), 36.0, 10.0),
            View::fit(&p, wide, &east, Insets::default(), 36.0, 10.0)
        );
        assert_eq!(View::fit_nearest(&p, wide, &[], Insets::default(), 36.0, 10.0), None);
    }

    #[test]
    fn an_eased_move_starts_and_ends_where_it_should() {
        let a = View { cx: 0.0, cy: 0.0, zoom: 1.0 };
        let b = View { cx: 100.0, cy: -50.0, zoom: 16.0 };
        assert_eq!(a.towards(b, 0.0), a);
        assert_eq!(a.towards(b, 1.0), b);
        let mid = a.towards(b, 0.5);
        assert!((mid.zoom - 4.0).abs() < 1e-9, "the zoom moves geometrically");
        assert!((mid.cx - 50.0).abs() < 1e-9);
    }
}
