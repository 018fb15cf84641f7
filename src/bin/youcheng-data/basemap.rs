//! The basemaps the app ships: the reviewed Natural Earth TopoJSON files in a compact form
//! (coordinates on a grid five times coarser, only the properties the app reads), and one small
//! GeoJSON of the China-view extras (dashed line, islets, South China Sea islands).
//!
//! The grid: the world files come quantised to 10⁵ steps (0.0036° of longitude, 400 m), the
//! province files to 70 m; Natural Earth's 1:50 million outlines are not that precise (half a
//! millimetre at that scale is 25 km), so a grid of 2 × 10⁴ steps (2 km; 350 m for provinces)
//! loses nothing the source knows and ships 20 KB (brotli) less in the first view. (Ten times
//! coarser collapsed the smallest islands — Tuvalu, Ashmore and Cartier — to lines.)

use std::path::Path;

use serde_json::{Value, json};

use crate::util::{InputError, read_text};

/// (source under data/raw/basemaps, file name under public/data/basemap).
pub const TOPOJSON_FILES: &[(&str, &str)] = &[
    ("simplified/world_50m_de_facto.topo.json", "world-neutral.topo.json"),
    ("simplified/world_50m_chn_view.topo.json", "world-china.topo.json"),
    ("simplified/china_provinces_50m_de_facto.topo.json", "provinces-neutral.topo.json"),
    ("simplified/china_provinces_50m_chn_view.topo.json", "provinces-china.topo.json"),
];

/// The output files (name, contents), in a fixed order.
pub fn build(raw: &Path) -> Result<Vec<(String, String)>, InputError> {
    let dir = raw.join("basemaps");
    let mut out = Vec::new();
    for (from, to) in TOPOJSON_FILES {
        out.push(((*to).to_owned(), compact_topology(&read_text(&dir.join(from))?, from)?));
    }
    out.push(("china-extras.geojson".to_owned(), china_extras(&dir)?));
    Ok(out)
}

/// How much coarser the shipped grid is than the reviewed files' (ten collapses Tuvalu).
pub const GRID_FACTOR: i64 = 5;

/// The feature properties the app reads (`model::geo::basemap`); the rest is not shipped.
pub const KEPT_PROPERTIES: &[&str] = &["iso_a2_eh", "adm0_a3", "pov_part_of_china", "adcode"];

/// A quantised TopoJSON on a grid [`GRID_FACTOR`] times coarser (consecutive points that fall
/// on one grid point merged; every arc keeps its two ends, so shared borders stay shared), with
/// only the [`KEPT_PROPERTIES`].
pub fn compact_topology(text: &str, name: &str) -> Result<String, InputError> {
    let bad = |what: &str| InputError(format!("{name}: {what}"));
    let mut topo: Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    let coarse = |v: i64| (v as f64 / GRID_FACTOR as f64).round() as i64;
    let arcs = topo.get("arcs").and_then(Value::as_array).ok_or_else(|| bad("no arcs"))?;
    let mut compact = Vec::with_capacity(arcs.len());
    for arc in arcs {
        let (mut x, mut y) = (0i64, 0i64);
        let mut points: Vec<(i64, i64)> = Vec::new();
        for step in arc.as_array().ok_or_else(|| bad("an arc is not a list"))? {
            let dx =
                step.get(0).and_then(Value::as_i64).ok_or_else(|| bad("a point is not whole"))?;
            let dy =
                step.get(1).and_then(Value::as_i64).ok_or_else(|| bad("a point is not whole"))?;
            (x, y) = (x + dx, y + dy);
            let point = (coarse(x), coarse(y));
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
        if points.len() == 1 {
            points.push(points[0]);
        }
        let mut deltas = Vec::with_capacity(points.len());
        let mut previous = (0, 0);
        for (i, p) in points.iter().enumerate() {
            let d = if i == 0 { *p } else { (p.0 - previous.0, p.1 - previous.1) };
            deltas.push(json!([d.0, d.1]));
            previous = *p;
        }
        compact.push(Value::Array(deltas));
    }
    topo["arcs"] = Value::Array(compact);
    let scale = topo.pointer_mut("/transform/scale").and_then(Value::as_array_mut);
    for s in scale.ok_or_else(|| bad("not quantised"))? {
        *s = json!(s.as_f64().unwrap_or(1.0) * GRID_FACTOR as f64);
    }
    if let Some(objects) = topo.get_mut("objects").and_then(Value::as_object_mut) {
        for object in objects.values_mut() {
            for g in
                object.get_mut("geometries").and_then(Value::as_array_mut).into_iter().flatten()
            {
                if let Some(props) = g.get_mut("properties").and_then(Value::as_object_mut) {
                    let has_iso = props
                        .get("iso_a2_eh")
                        .and_then(Value::as_str)
                        .is_some_and(|k| k.len() == 2);
                    // Each kept only where it tells the app something: the A3 code where there
                    // is no ISO code (or it is China's), the China-view flag where it is set.
                    props.retain(|k, v| match k.as_str() {
                        "adm0_a3" => !has_iso || v.as_str() == Some("CHN"),
                        "pov_part_of_china" => {
                            v.as_bool() == Some(true) || v.as_str() == Some("true")
                        }
                        k => KEPT_PROPERTIES.contains(&k),
                    });
                }
            }
        }
    }
    serde_json::to_string(&topo).map_err(|e| bad(&e.to_string()))
}

/// A GeoJSON geometry with its coordinates rounded to four decimals.
fn rounded(geometry: &Value) -> Value {
    match geometry {
        Value::Number(n) => n.as_f64().map_or(geometry.clone(), |x| json!((x * 1e4).round() / 1e4)),
        Value::Array(items) => Value::Array(items.iter().map(rounded).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), rounded(v))).collect())
        }
        other => other.clone(),
    }
}

fn features(text: &str, name: &str) -> Result<Vec<Value>, InputError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| InputError(format!("{name}: {e}")))?;
    Ok(value.get("features").and_then(Value::as_array).cloned().unwrap_or_default())
}

/// The ten dashes and the Diaoyu and Dongsha islets (Surbowl, Unlicense) and the Paracel,
/// Spratly and Scarborough polygons (Natural Earth 10m), each tagged with `kind` (the app's
/// attribution names both sources), coordinates to four decimals (11 m).
fn china_extras(dir: &Path) -> Result<String, InputError> {
    let mut out = Vec::new();
    let surbowl = features(
        &read_text(&dir.join("derived/surbowl_ten_dash_line_and_islets.geojson"))?,
        "surbowl_ten_dash_line_and_islets.geojson",
    )?;
    for f in surbowl {
        let kind = f.pointer("/properties/kind").and_then(Value::as_str).unwrap_or("islet");
        out.push(json!({
            "type": "Feature",
            "properties": {"kind": if kind == "dash" { "dash" } else { "islet" }},
            "geometry": f.get("geometry").map(rounded).unwrap_or(Value::Null),
        }));
    }
    let islands = features(
        &read_text(&dir.join("derived/ne_10m_south_china_sea_islands.geojson"))?,
        "ne_10m_south_china_sea_islands.geojson",
    )?;
    for f in islands {
        out.push(json!({
            "type": "Feature",
            "properties": {"kind": "island"},
            "geometry": f.get("geometry").map(rounded).unwrap_or(Value::Null),
        }));
    }
    let collection = json!({"type": "FeatureCollection", "features": out});
    serde_json::to_string(&collection).map_err(|e| InputError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topology_moves_to_the_coarser_grid_keeping_shared_ends_and_read_properties() {
        // Two arcs sharing the point (1000, 2000); the second ends where the first began.
        let text = r#"{"type":"Topology","transform":{"scale":[0.001,0.002],"translate":[10,20]},
            "arcs":[[[1000,2000],[2,2],[998,-2]],[[2000,2000],[-1000,0],[-1000,0]]],
            "objects":{"c":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"iso_a2_eh":"XX","name_en":"X","adcode":1,"adm0_a3":"XXX","pov_part_of_china":false}},
              {"type":"Polygon","arcs":[[0,1]],"properties":{"iso_a2_eh":"-99","adm0_a3":"KOS","pov_part_of_china":true}}]}}}"#;
        let out: Value = serde_json::from_str(&compact_topology(text, "t").unwrap()).unwrap();
        // (1000,2000) → (200,400); (1002,2002) → (200,400) merged; (2000,2000) → (400,400).
        assert_eq!(GRID_FACTOR, 5);
        assert_eq!(
            out["arcs"],
            json!([[[200, 400], [200, 0]], [[400, 400], [-200, 0], [-200, 0]]])
        );
        assert_eq!(out["transform"]["scale"], json!([0.005, 0.01]));
        assert_eq!(out["transform"]["translate"], json!([10, 20]));
        let props = |i: usize| out["objects"]["c"]["geometries"][i]["properties"].clone();
        assert_eq!(props(0), json!({"iso_a2_eh": "XX", "adcode": 1}));
        assert_eq!(
            props(1),
            json!({"iso_a2_eh": "-99", "adm0_a3": "KOS", "pov_part_of_china": true})
        );
    }
}
