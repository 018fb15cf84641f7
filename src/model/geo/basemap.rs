//! The basemap: country and province outlines of one map profile, decoded once, projected to
//! path strings per centring.
//!
//! Names on the map come from the dataset's country table (by ISO code), never from Natural
//! Earth's own name fields, which use other conventions for Taiwan, Hong Kong and Macao.

use std::collections::HashMap;

use super::arc::{cut_ring, path_data, project_line};
use super::projection::{Projection, View, Viewport};
use super::topo::{Feature, Ring, Shape, TopoError, decode_geojson, decode_topojson};

/// Which borders the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum MapProfile {
    /// China's official view: Taiwan part of China, South China Sea islands and dashed line,
    /// China's claimed border with India.
    #[default]
    China,
    /// Natural Earth's de-facto lines.
    Neutral,
}

impl MapProfile {
    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            MapProfile::China => "china",
            MapProfile::Neutral => "neutral",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<MapProfile> {
        match text {
            "china" => Some(MapProfile::China),
            "neutral" => Some(MapProfile::Neutral),
            _ => None,
        }
    }
}

/// The files of a profile's basemap, relative to the page: world, provinces and (China's
/// official view) the South China Sea islands, the dashed line and the claimed borders.
pub fn basemap_files(profile: MapProfile) -> [Option<&'static str>; 3] {
    match profile {
        MapProfile::China => [
            Some("data/basemap/world-china.topo.json"),
            Some("data/basemap/provinces-china.topo.json"),
            Some("data/basemap/china-extras.geojson"),
        ],
        MapProfile::Neutral => [
            Some("data/basemap/world-neutral.topo.json"),
            Some("data/basemap/provinces-neutral.topo.json"),
            None,
        ],
    }
}

/// One outline: a country (keyed by ISO code, or Natural Earth's code when it has none) or a
/// Chinese province (keyed by its division code).
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    /// ISO 3166-1 alpha-2 code for countries, GB/T 2260 code for provinces.
    pub key: String,
    /// True for China (and, in the China view, the SARs shown as part of it).
    pub home: bool,
    /// Polygons, each an outer ring and its holes, in longitude/latitude.
    pub polygons: Vec<Vec<Ring>>,
}

/// A decoded basemap of one profile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Countries.
    pub countries: Vec<Outline>,
    /// China's provinces.
    pub provinces: Vec<Outline>,
    /// The dashed line (thin polygons), China view only.
    pub dashes: Vec<Vec<Ring>>,
    /// Islands and islets drawn at atlas scale (South China Sea, Diaoyu Dao), China view only.
    pub islands: Vec<Vec<Ring>>,
}

fn polygons(feature: &Feature) -> Vec<Vec<Ring>> {
    match &feature.shape {
        Shape::Polygons(p) => p.clone(),
        _ => Vec::new(),
    }
}

/// Decodes the world and province TopoJSON files and, for the China view, the extras GeoJSON.
pub fn decode_basemap(
    world: &str,
    provinces: &str,
    extras: Option<&str>,
) -> Result<Basemap, TopoError> {
    let mut map = Basemap::default();
    for feature in decode_topojson(world, "countries")? {
        let key = feature
            .prop("iso_a2_eh")
            .filter(|k| k.len() == 2)
            .or_else(|| feature.prop("adm0_a3"))
            .unwrap_or("??")
            .to_owned();
        let home = key == "CN"
            || feature.prop("pov_part_of_china") == Some("true")
            || feature.prop("adm0_a3") == Some("CHN");
        map.countries.push(Outline { key, home, polygons: polygons(&feature) });
    }
    for feature in decode_topojson(provinces, "provinces")? {
        // In the neutral profile Taiwan has no division code and is not drawn as a province.
        let Some(code) = feature.prop("adcode") else { continue };
        map.provinces.push(Outline {
            key: code.to_owned(),
            home: true,
            polygons: polygons(&feature),
        });
    }
    if let Some(extras) = extras {
        for feature in decode_geojson(extras)? {
            match feature.prop("kind") {
                Some("dash") => map.dashes.extend(polygons(&feature)),
                _ => map.islands.extend(polygons(&feature)),
            }
        }
    }
    Ok(map)
}

/// Path strings of a basemap for one centring, in map units (y down).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectedBasemap {
    /// One path per country, with its key and whether it is the home country.
    pub countries: Vec<(String, bool, String)>,
    /// One path per Chinese province, with its code.
    pub provinces: Vec<(String, String)>,
    /// The dashed line.
    pub dashes: String,
    /// Islands and islets.
    pub islands: String,
    /// Meridians and parallels every 30°.
    pub graticule: String,
    /// The edge of the map (the globe's outline), to fill the sea.
    pub outline: String,
}

fn polygons_path(projection: &Projection, polys: &[Vec<Ring>]) -> String {
    let mut rings = Vec::new();
    for poly in polys {
        for ring in poly {
            rings.extend(cut_ring(projection, ring));
        }
    }
    path_data(&rings, true)
}

/// Projects every outline (cutting rings at the map edge).
pub fn project_basemap(map: &Basemap, projection: &Projection) -> ProjectedBasemap {
    let countries = map
        .countries
        .iter()
        .map(|c| (c.key.clone(), c.home, polygons_path(projection, &c.polygons)))
        .collect();
    let provinces = map
        .provinces
        .iter()
        .map(|p| (p.key.clone(), polygons_path(projection, &p.polygons)))
        .collect();
    let mut graticule = Vec::new();
    let meridian = projection.centre().meridian();
    for step in -5..=6 {
        let lon = meridian + 30.0 * step as f64;
        let line: Vec<[f64; 2]> = (-90..=90).step_by(5).map(|lat| [lon, lat as f64]).collect();
        graticule.extend(project_line(projection, &line));
    }
    for lat in [-60.0, -30.0, 0.0, 30.0, 60.0] {
        let line: Vec<[f64; 2]> = (0..=72).map(|i| [-180.0 + 5.0 * i as f64 - 1e-9, lat]).collect();
        let mut rel: Vec<[f64; 2]> =
            line.iter().map(|p| [projection.relative_lon(p[0]), p[1]]).collect();
        rel.sort_by(|a, b| a[0].partial_cmp(&b[0]).unwrap_or(std::cmp::Ordering::Equal));
        graticule.push(rel.iter().map(|p| projection.forward_relative(p[0], p[1])).collect());
    }
    let mut outline: Vec<[f64; 2]> =
        (-90..=90).map(|lat| projection.forward_relative(-180.0, lat as f64)).collect();
    outline.extend((-90..=90).rev().map(|lat| projection.forward_relative(180.0, lat as f64)));
    ProjectedBasemap {
        countries,
        provinces,
        dashes: polygons_path(projection, &map.dashes),
        islands: polygons_path(projection, &map.islands),
        graticule: path_data(&graticule, false),
        outline: path_data(&[outline], true),
    }
}

/// A point inside each country (its largest polygon), for grouped arcs: ISO code → lon/lat.
pub fn country_points(map: &Basemap) -> HashMap<String, [f64; 2]> {
    map.countries
        .iter()
        .filter_map(|c| {
            let feature =
                Feature { props: Default::default(), shape: Shape::Polygons(c.polygons.clone()) };
            feature.label_point().map(|p| (c.key.clone(), p))
        })
        .collect()
}

/// The country key (ISO code) at a longitude/latitude, for hover and click on the map.
pub fn country_at(map: &Basemap, lon: f64, lat: f64) -> Option<&str> {
    map.countries
        .iter()
        .find(|c| c.polygons.iter().any(|rings| super::topo::polygon_contains(rings, lon, lat)))
        .map(|c| c.key.as_str())
}

/// The China view's South China Sea inset frame, in longitude/latitude: west, south, east, north.
pub const SOUTH_CHINA_SEA_INSET: [f64; 4] = [105.0, 2.0, 125.0, 26.0];

/// Below this zoom the whole South China Sea is on screen with China, so no inset is needed.
const INSET_MIN_ZOOM: f64 = 2.5;

/// True when the map should draw the South China Sea inset: China's official view, zoomed in on
/// China (the centre of the view is over China), with the South China Sea off screen. Official
/// maps of China show the islands whenever China is shown.
pub fn inset_wanted(
    profile: MapProfile,
    projection: &Projection,
    view: &View,
    viewport: Viewport,
) -> bool {
    if profile != MapProfile::China || view.zoom < INSET_MIN_ZOOM {
        return false;
    }
    let Some([lon, lat]) = projection.inverse(view.cx, view.cy) else { return false };
    let on_china = (73.0..=135.0).contains(&lon) && (18.0..=54.0).contains(&lat);
    let [west, south, east, north] = SOUTH_CHINA_SEA_INSET;
    let corners = [[west, south], [east, north]]
        .map(|[lo, la]| view.to_screen(projection, viewport, projection.forward(lo, la)));
    let visible = corners
        .iter()
        .all(|[x, y]| *x >= 0.0 && *y >= 0.0 && *x <= viewport.width && *y <= viewport.height);
    on_china && !visible
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geo::projection::Centre;

    fn world(view: &str) -> Basemap {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/basemap");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("basemap file");
        match view {
            "china" => decode_basemap(
                &read("world-china.topo.json"),
                &read("provinces-china.topo.json"),
                Some(&read("china-extras.geojson")),
            ),
            _ => decode_basemap(
                &read("world-neutral.topo.json"),
                &read("provinces-neutral.topo.json"),
                None,
            ),
        }
        .expect("decodes")
    }

    const TAIPEI: (f64, f64) = (121.56, 25.03);

    #[test]
    fn the_china_view_draws_taiwan_as_part_of_china_with_the_dashed_line() {
        let china = world("china");
        assert_eq!(country_at(&china, TAIPEI.0, TAIPEI.1), Some("CN"));
        assert_eq!(china.dashes.len(), 10, "ten dashes, including the one east of Taiwan");
        assert!(!china.islands.is_empty());
        assert!(china.provinces.iter().any(|p| p.key == "710000"), "台湾省 among the provinces");
        // Zangnan (Tawang, 27.59 N 91.86 E) is inside China in this view.
        assert_eq!(country_at(&china, 91.86, 27.59), Some("CN"));
    }

    #[test]
    fn the_neutral_view_draws_natural_earths_de_facto_lines() {
        let neutral = world("neutral");
        assert_eq!(country_at(&neutral, TAIPEI.0, TAIPEI.1), Some("TW"));
        assert!(neutral.dashes.is_empty() && neutral.islands.is_empty());
        assert!(!neutral.provinces.iter().any(|p| p.key == "710000"));
        assert_eq!(country_at(&neutral, 91.86, 27.59), Some("IN"));
        assert_eq!(
            country_at(&neutral, 2.35, 48.86),
            Some("FR"),
            "France keyed by ISO code despite iso_a3 -99"
        );
    }

    #[test]
    fn every_country_projects_to_a_path_on_both_centrings() {
        let map = world("neutral");
        for centre in [Centre::Pacific, Centre::Atlantic] {
            let projected = project_basemap(&map, &Projection::new(centre));
            assert_eq!(projected.countries.len(), map.countries.len());
            let empty: Vec<&str> = projected
                .countries
                .iter()
                .filter(|c| c.2.is_empty())
                .map(|c| c.0.as_str())
                .collect();
            assert!(empty.is_empty(), "{centre:?}: no path for {empty:?}");
            assert!(projected.outline.starts_with('M') && projected.outline.ends_with('Z'));
        }
        let points = country_points(&map);
        let [lon, lat] = points["JP"];
        assert!(
            (128.0..146.0).contains(&lon) && (30.0..46.0).contains(&lat),
            "Japan at {lon}, {lat}"
        );
    }

    #[test]
    fn the_inset_shows_when_zoomed_on_china_with_the_south_china_sea_off_screen() {
        use crate::model::geo::projection::Centre;
        let p = Projection::new(Centre::Pacific);
        let viewport = Viewport { width: 800.0, height: 500.0 };
        let [cx, cy] = p.forward(116.4, 39.9); // Beijing
        let close = View { cx, cy, zoom: 8.0 };
        assert!(inset_wanted(MapProfile::China, &p, &close, viewport));
        assert!(
            !inset_wanted(MapProfile::Neutral, &p, &close, viewport),
            "the neutral view has no inset"
        );
        assert!(
            !inset_wanted(MapProfile::China, &p, &View::default(), viewport),
            "the world view shows it"
        );
        let [cx, cy] = p.forward(2.35, 48.85); // Paris
        assert!(!inset_wanted(MapProfile::China, &p, &View { cx, cy, zoom: 8.0 }, viewport));
        let [cx, cy] = p.forward(110.0, 22.0); // southern China, the sea in view
        let sea = View { cx, cy, zoom: 3.0 };
        assert!(!inset_wanted(MapProfile::China, &p, &sea, viewport), "the sea is on screen");
    }
}
