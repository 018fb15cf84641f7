//! Decoding basemap geometry: TopoJSON (shared, quantized arcs) and plain GeoJSON.
//!
//! The app ships Natural Earth outlines as TopoJSON (12–15× smaller than GeoJSON) and a few
//! small GeoJSON layers (the dashed line, islands). Both decode to [`Feature`]s holding
//! polygons or lines in longitude/latitude degrees, plus their properties as text.
//!
//! ```
//! use youcheng::model::geo::topo::{decode_topojson, Shape};
//! let topo = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
//!   "arcs":[[[0,0],[10,0],[0,10],[-10,0],[0,-10]]],
//!   "objects":{"countries":{"type":"GeometryCollection","geometries":[
//!     {"type":"Polygon","arcs":[[0]],"properties":{"iso_a2_eh":"XX"}}]}}}"#;
//! let features = decode_topojson(topo, "countries").unwrap();
//! assert_eq!(features[0].prop("iso_a2_eh"), Some("XX"));
//! let Shape::Polygons(polys) = &features[0].shape else { panic!() };
//! assert_eq!(polys[0][0].len(), 5);
//! ```

use std::collections::BTreeMap;

use serde_json::Value;

/// A position: `[longitude, latitude]` in degrees.
pub type Position = [f64; 2];
/// A closed ring of positions (first equals last).
pub type Ring = Vec<Position>;

/// The geometry of a feature.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// Polygons, each an outer ring followed by its holes.
    Polygons(Vec<Vec<Ring>>),
    /// Open lines.
    Lines(Vec<Vec<Position>>),
    /// Nothing drawable.
    Empty,
}

/// A decoded feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// Properties, with numbers and booleans written as text.
    pub props: BTreeMap<String, String>,
    /// The geometry.
    pub shape: Shape,
}

impl Feature {
    /// A property as text.
    pub fn prop(&self, key: &str) -> Option<&str> {
        self.props
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty() && *v != "null" && *v != "-99")
    }

    /// True when `(lon, lat)` lies inside one of the feature's polygons.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        match &self.shape {
            Shape::Polygons(polys) => polys.iter().any(|rings| polygon_contains(rings, lon, lat)),
            _ => false,
        }
    }

    /// A point inside the feature to hang a label or a marker on: the centroid of its largest
    /// polygon when that lies inside it, otherwise the inside point nearest to it.
    pub fn label_point(&self) -> Option<Position> {
        let Shape::Polygons(polys) = &self.shape else { return None };
        let largest = polys.iter().max_by(|a, b| {
            ring_area(&a[0])
                .abs()
                .partial_cmp(&ring_area(&b[0]).abs())
                .unwrap_or(std::cmp::Ordering::Equal)
        })?;
        let centroid = ring_centroid(&largest[0])?;
        if polygon_contains(largest, centroid[0], centroid[1]) {
            return Some(centroid);
        }
        // Scan a grid over the polygon's box; keep the inside point closest to the centroid.
        let (min_x, min_y, max_x, max_y) = bounds(&largest[0]);
        let mut best: Option<(f64, Position)> = None;
        for i in 0..=40 {
            for j in 0..=40 {
                let x = min_x + (max_x - min_x) * i as f64 / 40.0;
                let y = min_y + (max_y - min_y) * j as f64 / 40.0;
                if polygon_contains(largest, x, y) {
                    let d = (x - centroid[0]).powi(2) + (y - centroid[1]).powi(2);
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, [x, y]));
                    }
                }
            }
        }
        best.map(|(_, p)| p)
    }
}

/// Why a basemap could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TopoError {
    /// Not JSON.
    #[error("basemap is not JSON: {0}")]
    Json(String),
    /// JSON, but not the expected structure.
    #[error("basemap has an unexpected structure: {0}")]
    Structure(&'static str),
    /// The named object is not in the topology.
    #[error("basemap has no object “{0}”")]
    MissingObject(String),
}

/// Decodes the named object of a TopoJSON topology.
pub fn decode_topojson(text: &str, object: &str) -> Result<Vec<Feature>, TopoError> {
    let root: Value = serde_json::from_str(text).map_err(|e| TopoError::Json(e.to_string()))?;
    let transform = root.get("transform");
    let scale = transform.and_then(|t| t.get("scale")).and_then(pair).unwrap_or([1.0, 1.0]);
    let translate = transform.and_then(|t| t.get("translate")).and_then(pair).unwrap_or([0.0, 0.0]);
    let quantized = transform.is_some();
    let raw_arcs =
        root.get("arcs").and_then(Value::as_array).ok_or(TopoError::Structure("no arcs"))?;
    let mut arcs: Vec<Vec<Position>> = Vec::with_capacity(raw_arcs.len());
    for arc in raw_arcs {
        let points = arc.as_array().ok_or(TopoError::Structure("arc is not an array"))?;
        let mut out = Vec::with_capacity(points.len());
        let (mut x, mut y) = (0.0, 0.0);
        for p in points {
            let [px, py] = pair(p).ok_or(TopoError::Structure("arc point is not a pair"))?;
            if quantized {
                x += px;
                y += py;
                out.push([x * scale[0] + translate[0], y * scale[1] + translate[1]]);
            } else {
                out.push([px, py]);
            }
        }
        arcs.push(out);
    }
    let obj = root
        .get("objects")
        .and_then(|o| o.get(object))
        .ok_or_else(|| TopoError::MissingObject(object.to_owned()))?;
    let geometries: Vec<&Value> = match obj.get("type").and_then(Value::as_str) {
        Some("GeometryCollection") => obj
            .get("geometries")
            .and_then(Value::as_array)
            .map(|g| g.iter().collect())
            .unwrap_or_default(),
        _ => vec![obj],
    };
    let mut features = Vec::with_capacity(geometries.len());
    for geometry in geometries {
        let props = properties(geometry.get("properties"));
        let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
        let arcs_value = geometry.get("arcs");
        let shape = match (kind, arcs_value) {
            ("Polygon", Some(rings)) => Shape::Polygons(vec![topo_rings(rings, &arcs)?]),
            ("MultiPolygon", Some(Value::Array(polys))) => Shape::Polygons(
                polys.iter().map(|rings| topo_rings(rings, &arcs)).collect::<Result<_, _>>()?,
            ),
            ("LineString", Some(line)) => Shape::Lines(vec![topo_line(line, &arcs)?]),
            ("MultiLineString", Some(Value::Array(lines))) => {
                Shape::Lines(lines.iter().map(|l| topo_line(l, &arcs)).collect::<Result<_, _>>()?)
            }
            _ => Shape::Empty,
        };
        features.push(Feature { props, shape });
    }
    Ok(features)
}

/// Decodes a GeoJSON FeatureCollection (Polygon, MultiPolygon, LineString, MultiLineString).
pub fn decode_geojson(text: &str) -> Result<Vec<Feature>, TopoError> {
    let root: Value = serde_json::from_str(text).map_err(|e| TopoError::Json(e.to_string()))?;
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .ok_or(TopoError::Structure("no features"))?;
    let mut out = Vec::with_capacity(features.len());
    for feature in features {
        let props = properties(feature.get("properties"));
        let geometry = feature.get("geometry");
        let kind = geometry.and_then(|g| g.get("type")).and_then(Value::as_str).unwrap_or("");
        let coords = geometry.and_then(|g| g.get("coordinates"));
        let shape = match (kind, coords) {
            ("Polygon", Some(rings)) => Shape::Polygons(vec![geo_rings(rings)?]),
            ("MultiPolygon", Some(Value::Array(polys))) => {
                Shape::Polygons(polys.iter().map(geo_rings).collect::<Result<_, _>>()?)
            }
            ("LineString", Some(line)) => Shape::Lines(vec![geo_line(line)?]),
            ("MultiLineString", Some(Value::Array(lines))) => {
                Shape::Lines(lines.iter().map(geo_line).collect::<Result<_, _>>()?)
            }
            _ => Shape::Empty,
        };
        out.push(Feature { props, shape });
    }
    Ok(out)
}

fn pair(value: &Value) -> Option<[f64; 2]> {
    let a = value.as_array()?;
    Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?])
}

fn properties(value: Option<&Value>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(Value::Object(map)) = value {
        for (k, v) in map {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => continue,
                other => other.to_string(),
            };
            out.insert(k.clone(), text);
        }
    }
    out
}

fn topo_line(indices: &Value, arcs: &[Vec<Position>]) -> Result<Vec<Position>, TopoError> {
    let list = indices.as_array().ok_or(TopoError::Structure("arc list is not an array"))?;
    let mut out: Vec<Position> = Vec::new();
    for index in list {
        let i = index.as_i64().ok_or(TopoError::Structure("arc index is not an integer"))?;
        let (arc_index, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
        let arc = arcs.get(arc_index).ok_or(TopoError::Structure("arc index out of range"))?;
        let start = if out.is_empty() { 0 } else { 1 };
        if reversed {
            out.extend(arc.iter().rev().skip(start));
        } else {
            out.extend(arc.iter().skip(start));
        }
    }
    Ok(out)
}

fn topo_rings(rings: &Value, arcs: &[Vec<Position>]) -> Result<Vec<Ring>, TopoError> {
    rings
        .as_array()
        .ok_or(TopoError::Structure("rings are not an array"))?
        .iter()
        .map(|ring| topo_line(ring, arcs))
        .collect()
}

fn geo_line(coords: &Value) -> Result<Vec<Position>, TopoError> {
    coords
        .as_array()
        .ok_or(TopoError::Structure("coordinates are not an array"))?
        .iter()
        .map(|p| pair(p).ok_or(TopoError::Structure("position is not a pair")))
        .collect()
}

fn geo_rings(rings: &Value) -> Result<Vec<Ring>, TopoError> {
    rings
        .as_array()
        .ok_or(TopoError::Structure("rings are not an array"))?
        .iter()
        .map(geo_line)
        .collect()
}

/// Signed area of a ring in square degrees (positive when counter-clockwise).
pub fn ring_area(ring: &[Position]) -> f64 {
    let mut sum = 0.0;
    for w in ring.windows(2) {
        sum += w[0][0] * w[1][1] - w[1][0] * w[0][1];
    }
    sum / 2.0
}

fn ring_centroid(ring: &[Position]) -> Option<Position> {
    let area = ring_area(ring);
    if area.abs() < 1e-12 {
        return None;
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        cx += (w[0][0] + w[1][0]) * cross;
        cy += (w[0][1] + w[1][1]) * cross;
    }
    Some([cx / (6.0 * area), cy / (6.0 * area)])
}

fn bounds(ring: &[Position]) -> (f64, f64, f64, f64) {
    ring.iter().fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |(a, b, c, d), p| {
        (a.min(p[0]), b.min(p[1]), c.max(p[0]), d.max(p[1]))
    })
}

fn ring_contains(ring: &[Position], x: f64, y: f64) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// True when the point is inside the outer ring and outside every hole.
pub fn polygon_contains(rings: &[Ring], x: f64, y: f64) -> bool {
    match rings.split_first() {
        Some((outer, holes)) => {
            ring_contains(outer, x, y) && !holes.iter().any(|h| ring_contains(h, x, y))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARES: &str = r#"{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[100,20]},
      "arcs":[[[0,0],[20,0],[0,20]],[[20,20],[-20,0],[0,-20]],[[4,4],[0,4],[4,0],[0,-4],[-4,0]]],
      "objects":{"provinces":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1],[2]],"properties":{"name":"holed","adcode":610000}},
        {"type":"MultiPolygon","arcs":[[[0,1]],[[2]]],"properties":{"name":"two"}},
        {"type":"LineString","arcs":[-1],"properties":{"name":"line"}}
      ]}}}"#;

    #[test]
    fn decodes_quantized_arcs_and_joins_them_into_rings() {
        let features = decode_topojson(SQUARES, "provinces").unwrap();
        assert_eq!(features.len(), 3);
        assert_eq!(features[0].prop("adcode"), Some("610000"));
        let Shape::Polygons(polys) = &features[0].shape else { panic!("polygon expected") };
        // Arc 0 then arc 1 share the corner: 3 + 3 - 1 points, closed.
        assert_eq!(
            polys[0][0],
            vec![[100.0, 20.0], [110.0, 20.0], [110.0, 30.0], [100.0, 30.0], [100.0, 20.0]]
        );
        assert_eq!(polys[0][1].len(), 5, "the hole");
    }

    #[test]
    fn negative_arc_indices_reverse_the_arc() {
        let features = decode_topojson(SQUARES, "provinces").unwrap();
        let Shape::Lines(lines) = &features[2].shape else { panic!("line expected") };
        assert_eq!(lines[0], vec![[110.0, 30.0], [110.0, 20.0], [100.0, 20.0]]);
    }

    #[test]
    fn point_in_polygon_respects_holes() {
        let features = decode_topojson(SQUARES, "provinces").unwrap();
        assert!(features[0].contains(101.0, 21.0));
        assert!(!features[0].contains(103.0, 23.0), "inside the hole");
        assert!(!features[0].contains(120.0, 25.0));
        assert!(features[1].contains(103.0, 23.0), "second polygon of the multipolygon");
    }

    #[test]
    fn label_point_lies_inside_even_for_a_u_shape() {
        let u = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
          "coordinates":[[[0,0],[10,0],[10,10],[8,10],[8,2],[2,2],[2,10],[0,10],[0,0]]]}}]}"#;
        let features = decode_geojson(u).unwrap();
        let [x, y] = features[0].label_point().unwrap();
        assert!(features[0].contains(x, y), "({x}, {y}) is outside the U");
    }

    #[test]
    fn reports_structural_errors() {
        assert!(matches!(decode_topojson("[", "x"), Err(TopoError::Json(_))));
        assert_eq!(
            decode_topojson(r#"{"arcs":[]}"#, "x"),
            Err(TopoError::MissingObject("x".into()))
        );
        assert_eq!(decode_topojson(r#"{"objects":{}}"#, "x"), Err(TopoError::Structure("no arcs")));
    }
}
