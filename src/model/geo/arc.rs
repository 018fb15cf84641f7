//! Great-circle arcs and outlines, cut cleanly at the edge of the map.
//!
//! A partnership is drawn along the great circle between its two places, sampled more densely
//! the longer it is. Where the circle crosses the map's edge (the meridian opposite the
//! central one) the line is split, so Shanghai–San Francisco crosses the Pacific on a
//! Pacific-centred map and leaves at one edge and re-enters at the other on an Atlantic-
//! centred one, and never runs across the whole map. Country outlines are cut the same way.
//!
//! ```
//! use youcheng::model::geo::LonLat;
//! use youcheng::model::geo::arc::arc_pieces;
//! use youcheng::model::geo::projection::{Centre, Projection};
//! let shanghai = LonLat::new(121.47, 31.23).unwrap();
//! let sf = LonLat::new(-122.42, 37.77).unwrap();
//! assert_eq!(arc_pieces(&Projection::new(Centre::Pacific), shanghai, sf).len(), 1);
//! assert_eq!(arc_pieces(&Projection::new(Centre::Atlantic), shanghai, sf).len(), 2);
//! ```

use super::LonLat;
use super::projection::Projection;

/// Degrees of arc per segment; an arc of 1° gets one segment, half the globe 72.
pub const DEGREES_PER_SEGMENT: f64 = 2.5;
/// The most segments one arc gets.
pub const MAX_SEGMENTS: usize = 72;

fn to_vec(p: LonLat) -> [f64; 3] {
    let (lon, lat) = (p.lon_deg().to_radians(), p.lat_deg().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn to_lonlat(v: [f64; 3]) -> [f64; 2] {
    let lat = v[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = v[1].atan2(v[0]).to_degrees();
    [lon, lat]
}

/// The angle between two places, in degrees.
pub fn angular_distance(a: LonLat, b: LonLat) -> f64 {
    let (va, vb) = (to_vec(a), to_vec(b));
    let dot = (va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]).clamp(-1.0, 1.0);
    dot.acos().to_degrees()
}

/// The great circle from `a` to `b` as longitude/latitude points, with a number of segments
/// that grows with its length (at least one, at most [`MAX_SEGMENTS`]).
pub fn great_circle(a: LonLat, b: LonLat) -> Vec<[f64; 2]> {
    let (va, vb) = (to_vec(a), to_vec(b));
    let omega = angular_distance(a, b).to_radians();
    let sin_omega = omega.sin();
    if sin_omega.abs() < 1e-9 {
        // The same place or antipodes: no unique great circle; draw the chord.
        return vec![[a.lon_deg(), a.lat_deg()], [b.lon_deg(), b.lat_deg()]];
    }
    let n = ((omega.to_degrees() / DEGREES_PER_SEGMENT).ceil() as usize).clamp(1, MAX_SEGMENTS);
    (0..=n)
        .map(|i| {
            let t = i as f64 / n as f64;
            let wa = ((1.0 - t) * omega).sin() / sin_omega;
            let wb = (t * omega).sin() / sin_omega;
            to_lonlat([wa * va[0] + wb * vb[0], wa * va[1] + wb * vb[1], wa * va[2] + wb * vb[2]])
        })
        .collect()
}

/// Projects a line of longitude/latitude points to map units, split where it crosses the edge
/// of the map. Each piece has at least two points.
pub fn project_line(projection: &Projection, points: &[[f64; 2]]) -> Vec<Vec<[f64; 2]>> {
    let mut pieces: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for &[lon, lat] in points {
        let rel = projection.relative_lon(lon);
        if let Some((prev_rel, prev_lat)) = previous {
            let jump = rel - prev_rel;
            if jump.abs() > 180.0 {
                // Crossing the edge: +180 → -180 when jumping down, and the reverse.
                let (edge_out, unwrapped) =
                    if jump < 0.0 { (180.0, rel + 360.0) } else { (-180.0, rel - 360.0) };
                let f = (edge_out - prev_rel) / (unwrapped - prev_rel);
                let crossing_lat = prev_lat + f * (lat - prev_lat);
                current.push(projection.forward_relative(edge_out, crossing_lat));
                if current.len() >= 2 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
                current.push(projection.forward_relative(-edge_out, crossing_lat));
            }
        }
        current.push(projection.forward_relative(rel, lat));
        previous = Some((rel, lat));
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces
}

/// The arc of a partnership, in map units, as one piece or two split at the map edge.
pub fn arc_pieces(projection: &Projection, a: LonLat, b: LonLat) -> Vec<Vec<[f64; 2]>> {
    project_line(projection, &great_circle(a, b))
}

/// Cuts a closed ring (longitude/latitude) at the edge of the map and projects the parts:
/// each returned ring is closed along the edge. A ring around a pole (Antarctica) is closed
/// through the pole first.
pub fn cut_ring(projection: &Projection, ring: &[[f64; 2]]) -> Vec<Vec<[f64; 2]>> {
    if ring.len() < 3 {
        return Vec::new();
    }
    // Unwrap longitudes relative to the central meridian so the ring is continuous.
    let unwrap = |points: &[[f64; 2]]| -> Vec<[f64; 2]> {
        let mut out: Vec<[f64; 2]> = Vec::with_capacity(points.len() + 4);
        let mut offset = 0.0;
        let mut prev: Option<f64> = None;
        for &[lon, lat] in points {
            let rel = projection.relative_lon(lon);
            if let Some(p) = prev {
                let d = rel + offset - p;
                if d > 180.0 {
                    offset -= 360.0;
                } else if d < -180.0 {
                    offset += 360.0;
                }
            }
            let x = rel + offset;
            out.push([x, lat]);
            prev = Some(x);
        }
        out
    };
    let mut unwrapped = unwrap(ring);
    let winds_around_pole = |u: &[[f64; 2]]| (u[u.len() - 1][0] - u[0][0]).abs() > 180.0;
    if winds_around_pole(&unwrapped) {
        // Start the ring where it is nearest the map edge, so it spans the map exactly once
        // and the only seam lies on the edge; then close it through the pole.
        let open = if ring.first() == ring.last() { &ring[..ring.len() - 1] } else { ring };
        let start = (0..open.len())
            .min_by(|a, b| {
                let ra = projection.relative_lon(open[*a][0]);
                let rb = projection.relative_lon(open[*b][0]);
                ra.partial_cmp(&rb).unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(0);
        let rotated: Vec<[f64; 2]> = open[start..].iter().chain(&open[..start]).copied().collect();
        unwrapped = unwrap(&rotated);
        let (first_x, last_x) = (unwrapped[0][0], unwrapped[unwrapped.len() - 1][0]);
        let mean_lat = ring.iter().map(|p| p[1]).sum::<f64>() / ring.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        // Finish the last step back to the start meridian, one turn further on.
        let closing_x = first_x + if last_x > first_x { 360.0 } else { -360.0 };
        unwrapped.push([closing_x, unwrapped[0][1]]);
        unwrapped.push([closing_x, pole]);
        unwrapped.push([first_x, pole]);
        unwrapped.push(unwrapped[0]);
    }
    let (min_x, max_x) =
        unwrapped.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p[0]), hi.max(p[0])));
    let mut out = Vec::new();
    for k in [-1.0f64, 0.0, 1.0] {
        let shift = k * 360.0;
        if max_x + shift < -180.0 || min_x + shift > 180.0 {
            continue;
        }
        let shifted: Vec<[f64; 2]> = unwrapped.iter().map(|p| [p[0] + shift, p[1]]).collect();
        let clipped = clip_x(&clip_x(&shifted, -180.0, true), 180.0, false);
        // Slivers left by rounding at the edge are dropped.
        if clipped.len() >= 3 && super::topo::ring_area(&clipped).abs() > 1e-6 {
            out.push(clipped.iter().map(|p| projection.forward_relative(p[0], p[1])).collect());
        }
    }
    out
}

/// Sutherland–Hodgman against one vertical line: keeps x ≥ edge (`keep_right`) or x ≤ edge.
fn clip_x(ring: &[[f64; 2]], edge: f64, keep_right: bool) -> Vec<[f64; 2]> {
    let inside = |p: &[f64; 2]| if keep_right { p[0] >= edge } else { p[0] <= edge };
    let mut out = Vec::with_capacity(ring.len());
    for i in 0..ring.len() {
        let current = ring[i];
        let prev = ring[(i + ring.len() - 1) % ring.len()];
        let crossing = |a: [f64; 2], b: [f64; 2]| {
            let f = (edge - a[0]) / (b[0] - a[0]);
            [edge, a[1] + f * (b[1] - a[1])]
        };
        match (inside(&prev), inside(&current)) {
            (true, true) => out.push(current),
            (true, false) => out.push(crossing(prev, current)),
            (false, true) => {
                out.push(crossing(prev, current));
                out.push(current);
            }
            (false, false) => {}
        }
    }
    out
}

/// An SVG/canvas path string for lines (`closed` = false) or rings (`closed` = true), with
/// two decimals in map units (a fraction of a pixel even at the largest zoom).
pub fn path_data(lines: &[Vec<[f64; 2]>], closed: bool) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() * 14).sum());
    for line in lines {
        for (i, p) in line.iter().enumerate() {
            out.push(if i == 0 { 'M' } else { 'L' });
            push_number(&mut out, p[0]);
            out.push(' ');
            // SVG and canvas y grows downward; map units grow north.
            push_number(&mut out, -p[1]);
        }
        if closed {
            out.push('Z');
        }
    }
    out
}

/// Writes a whole number's digits (no `core::fmt`: it is slow in WebAssembly).
fn push_digits(out: &mut String, mut n: u64) {
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &buffer[at..] {
        out.push(char::from(digit));
    }
}

/// Writes `value` with at most two decimals and no trailing zeros ("12.5", "-3", "0.07"),
/// with integer arithmetic: paths hold tens of thousands of numbers, and float formatting
/// was most of the time spent building them.
fn push_number(out: &mut String, value: f64) {
    let hundredths = (value * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() > 9.0e15 {
        out.push('0');
        return;
    }
    let hundredths = hundredths as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let abs = hundredths.unsigned_abs();
    push_digits(out, abs / 100);
    let frac = abs % 100;
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if !frac.is_multiple_of(10) {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::projection::{Centre, MAP_WIDTH};
    use super::*;

    #[test]
    fn numbers_are_written_with_at_most_two_decimals() {
        let write = |v: f64| {
            let mut out = String::new();
            push_number(&mut out, v);
            out
        };
        assert_eq!(write(12.5), "12.5");
        assert_eq!(write(-3.0), "-3");
        assert_eq!(write(0.07), "0.07");
        assert_eq!(write(-0.001), "0");
        assert_eq!(write(123.456), "123.46");
        assert_eq!(write(-7.1049), "-7.1");
        assert_eq!(write(f64::NAN), "0");
        // Agrees with float formatting over a sweep.
        for i in -20000..20000 {
            let v = i as f64 * 0.37;
            let expected = format!("{}", (v * 100.0).round() / 100.0);
            let expected = if expected == "-0" { "0".to_owned() } else { expected };
            assert_eq!(write(v), expected, "{v}");
        }
    }

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat).unwrap()
    }

    const SHANGHAI: (f64, f64) = (121.47, 31.23);
    const SAN_FRANCISCO: (f64, f64) = (-122.42, 37.77);

    #[test]
    fn shanghai_san_francisco_stays_over_the_pacific_on_a_pacific_centred_map() {
        let p = Projection::new(Centre::Pacific);
        let pieces =
            arc_pieces(&p, ll(SHANGHAI.0, SHANGHAI.1), ll(SAN_FRANCISCO.0, SAN_FRANCISCO.1));
        assert_eq!(pieces.len(), 1, "no split");
        let xs: Vec<f64> = pieces[0].iter().map(|q| q[0]).collect();
        let (x_shanghai, x_sf) =
            (p.forward(SHANGHAI.0, SHANGHAI.1)[0], p.forward(SAN_FRANCISCO.0, SAN_FRANCISCO.1)[0]);
        // Every point lies between the two cities: the arc never runs west over Asia and
        // Europe, and never across the map.
        for x in &xs {
            assert!(
                *x >= x_shanghai - 1e-6 && *x <= x_sf + 1e-6,
                "x {x} outside [{x_shanghai}, {x_sf}]"
            );
        }
        // It bows north, as a great circle from Shanghai to California does (Aleutians).
        let max_lat =
            great_circle(ll(SHANGHAI.0, SHANGHAI.1), ll(SAN_FRANCISCO.0, SAN_FRANCISCO.1))
                .iter()
                .map(|q| q[1])
                .fold(f64::MIN, f64::max);
        assert!(max_lat > 45.0, "highest latitude {max_lat}");
    }

    #[test]
    fn shanghai_san_francisco_splits_at_the_edge_of_an_atlantic_centred_map() {
        let p = Projection::new(Centre::Atlantic);
        let pieces =
            arc_pieces(&p, ll(SHANGHAI.0, SHANGHAI.1), ll(SAN_FRANCISCO.0, SAN_FRANCISCO.1));
        assert_eq!(pieces.len(), 2);
        let half = MAP_WIDTH / 2.0;
        // The first piece runs east from Shanghai to the right edge, the second from the left
        // edge to San Francisco, both at the same latitude where they meet the edge.
        let end_of_first = *pieces[0].last().unwrap();
        let start_of_second = pieces[1][0];
        assert!(end_of_first[0] > 0.0 && start_of_second[0] < 0.0);
        assert!((end_of_first[1] - start_of_second[1]).abs() < 1e-9);
        let edge_x = p.forward_relative(180.0, p.inverse(0.0, end_of_first[1]).unwrap()[1])[0];
        assert!((end_of_first[0] - edge_x).abs() < 1e-6);
        for piece in &pieces {
            for q in piece {
                assert!(q[0].abs() <= half + 1e-6);
            }
            // No segment jumps across the map.
            for w in piece.windows(2) {
                assert!((w[1][0] - w[0][0]).abs() < half / 4.0, "segment {w:?}");
            }
        }
    }

    #[test]
    fn arcs_are_sampled_by_length() {
        let short = great_circle(ll(116.4, 39.9), ll(117.2, 39.1)); // Beijing–Tianjin
        let long = great_circle(ll(116.4, 39.9), ll(-58.4, -34.6)); // Beijing–Buenos Aires
        assert_eq!(short.len(), 2);
        assert!(long.len() > 50 && long.len() <= MAX_SEGMENTS + 1, "{}", long.len());
        assert_eq!(great_circle(ll(10.0, 10.0), ll(10.0, 10.0)).len(), 2);
    }

    #[test]
    fn a_ring_across_the_edge_becomes_two_closed_parts() {
        // A square from 170°E to 170°W, cut by the edge of an Atlantic-centred map.
        let p = Projection::new(Centre::Atlantic);
        let ring = [[170.0, -10.0], [-170.0, -10.0], [-170.0, 10.0], [170.0, 10.0], [170.0, -10.0]];
        let parts = cut_ring(&p, &ring);
        assert_eq!(parts.len(), 2);
        let half = MAP_WIDTH / 2.0;
        for part in &parts {
            assert!(part.iter().all(|q| q[0].abs() <= half + 1e-6));
            let on_edge = part.iter().any(|q| {
                p.inverse(q[0], q[1])
                    .is_some_and(|[lon, _]| (p.relative_lon(lon).abs() - 180.0).abs() < 1e-6)
            });
            assert!(on_edge, "each part is closed along the edge");
        }
        // On a Pacific-centred map the same square is whole.
        assert_eq!(cut_ring(&Projection::new(Centre::Pacific), &ring).len(), 1);
    }

    #[test]
    fn a_ring_around_the_south_pole_is_closed_through_the_pole() {
        for centre in [Centre::Pacific, Centre::Atlantic] {
            let p = Projection::new(centre);
            let ring: Vec<[f64; 2]> = (0..=36).map(|i| [-180.0 + 10.0 * i as f64, -70.0]).collect();
            let parts = cut_ring(&p, &ring);
            assert!(!parts.is_empty() && parts.len() <= 2, "{centre:?}: {} parts", parts.len());
            let half = MAP_WIDTH / 2.0;
            let all: Vec<[f64; 2]> = parts.iter().flatten().copied().collect();
            let min_y = all.iter().map(|q| q[1]).fold(f64::MAX, f64::min);
            assert!(
                (min_y - p.bounds()[1]).abs() < 1e-6,
                "{centre:?}: reaches the bottom of the map"
            );
            let (min_x, max_x) =
                all.iter().fold((f64::MAX, f64::MIN), |(a, b), q| (a.min(q[0]), b.max(q[0])));
            assert!(
                min_x < -half * 0.3 && max_x > half * 0.3,
                "{centre:?}: spans the map ({min_x}, {max_x})"
            );
            // Where the band is cut, it is cut at the edge of the map: every part that does
            // not span the whole width touches an edge.
            for part in &parts {
                let touches = part.iter().any(|q| {
                    p.inverse(q[0], q[1])
                        .is_some_and(|[lon, _]| (p.relative_lon(lon).abs() - 180.0).abs() < 1e-6)
                });
                assert!(
                    touches || parts.len() == 1,
                    "{centre:?}: a part is cut away from the edge"
                );
            }
        }
    }

    #[test]
    fn path_data_is_compact_and_flips_y() {
        assert_eq!(path_data(&[vec![[1.234, 5.678], [2.0, -3.0]]], false), "M1.23 -5.68L2 3");
        assert_eq!(path_data(&[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]], true), "M0 0L1 0L1 -1Z");
    }
}
