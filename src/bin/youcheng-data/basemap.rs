//! The basemaps the app ships: the reviewed Natural Earth TopoJSON files, copied, and one
//! small GeoJSON of the China-view extras (dashed line, islets, South China Sea islands).

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
        out.push(((*to).to_owned(), read_text(&dir.join(from))?));
    }
    out.push(("china-extras.geojson".to_owned(), china_extras(&dir)?));
    Ok(out)
}

fn features(text: &str, name: &str) -> Result<Vec<Value>, InputError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| InputError(format!("{name}: {e}")))?;
    Ok(value.get("features").and_then(Value::as_array).cloned().unwrap_or_default())
}

/// The ten dashes and the Diaoyu and Dongsha islets (Surbowl, Unlicense) and the Paracel,
/// Spratly and Scarborough polygons (Natural Earth 10m), each tagged with `kind`.
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
            "properties": {"kind": if kind == "dash" { "dash" } else { "islet" }, "source": "Surbowl world-geo-json-zh (Unlicense)"},
            "geometry": f.get("geometry").cloned().unwrap_or(Value::Null),
        }));
    }
    let islands = features(
        &read_text(&dir.join("derived/ne_10m_south_china_sea_islands.geojson"))?,
        "ne_10m_south_china_sea_islands.geojson",
    )?;
    for f in islands {
        out.push(json!({
            "type": "Feature",
            "properties": {"kind": "island", "source": "Natural Earth 10m (public domain)"},
            "geometry": f.get("geometry").cloned().unwrap_or(Value::Null),
        }));
    }
    let collection = json!({"type": "FeatureCollection", "features": out});
    serde_json::to_string(&collection).map_err(|e| InputError(e.to_string()))
}
