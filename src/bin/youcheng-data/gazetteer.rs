//! A gazetteer of foreign places from the pair sources themselves: every (name, country) that
//! the Wikipedia scrape or Wikidata geocoded, with its coordinates and Wikidata id. Used to
//! place partners that only the dated facts name.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::countries::Countries;
use crate::util::{Columns, InputError, fold, read_csv};

/// Known coordinates by (ISO code, folded name).
#[derive(Default)]
pub struct Gazetteer {
    points: HashMap<(String, String), Vec<(f64, f64)>>,
    qids: HashMap<(String, String), BTreeSet<String>>,
}

impl Gazetteer {
    /// Reads the Hekman geocoded pairs and the Wikidata edges.
    pub fn load(raw: &Path, countries: &Countries) -> Result<Gazetteer, InputError> {
        let mut g = Gazetteer::default();
        let hekman = read_csv(&raw.join("hekman-twincities/twin_cities_geocoded.csv"))?;
        let c = Columns::new(&hekman, "twin_cities_geocoded.csv");
        let sides = [
            (c.index("city1")?, c.index("country1")?, c.index("lat1")?, c.index("lng1")?),
            (c.index("city2")?, c.index("country2")?, c.index("lat2")?, c.index("lng2")?),
        ];
        for row in &hekman.rows {
            for (name_i, country_i, lat_i, lon_i) in sides {
                let Some(iso) = countries.resolve(row.get(country_i)) else { continue };
                if let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) {
                    g.add(&iso, row.get(name_i), lat, lon, None);
                }
            }
        }
        let wikidata = read_csv(&raw.join("wikidata-albertoursino/sister_cities_edges.csv"))?;
        let c = Columns::new(&wikidata, "sister_cities_edges.csv");
        let sides = [
            (
                c.index("label1")?,
                c.index("country1")?,
                c.index("lat1")?,
                c.index("lon1")?,
                c.index("qid1")?,
            ),
            (
                c.index("label2")?,
                c.index("country2")?,
                c.index("lat2")?,
                c.index("lon2")?,
                c.index("qid2")?,
            ),
        ];
        for row in &wikidata.rows {
            for (name_i, country_i, lat_i, lon_i, qid_i) in sides {
                let Some(iso) = countries.resolve(row.get(country_i)) else { continue };
                if let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) {
                    g.add(&iso, row.get(name_i), lat, lon, Some(row.get(qid_i)));
                }
            }
        }
        Ok(g)
    }

    fn add(&mut self, iso: &str, name: &str, lat: f64, lon: f64, qid: Option<&str>) {
        let key = (iso.to_owned(), fold(name));
        self.points.entry(key.clone()).or_default().push((lat, lon));
        if let Some(qid) = qid.filter(|q| !q.is_empty()) {
            self.qids.entry(key).or_default().insert(qid.to_owned());
        }
    }

    /// Every point recorded for a name in a country (names compared folded: case, accents and
    /// punctuation ignored). A qualifier is never dropped, so "Springfield, Illinois" never
    /// borrows the coordinates of another Springfield.
    pub fn lookup(&self, iso: &str, name: &str) -> Vec<(f64, f64)> {
        self.points.get(&(iso.to_owned(), fold(name))).cloned().unwrap_or_default()
    }
}

/// First-level divisions (states, provinces, oblasts) of the eight countries Natural Earth's
/// 50m admin-1 layer covers besides China, with their label points.
pub struct Admin1 {
    units: Vec<(String, Vec<String>, f64, f64)>,
}

/// Words that mark a first-level division in a partner's name.
const STATE_SUFFIXES: &[&str] =
    &[" Oblast", " Krai", " State", " Province", " Region", " Territory", " Republic"];

impl Admin1 {
    /// Reads the label points (a property extract of `ne_50m_admin_1_states_provinces`).
    pub fn load(raw: &Path) -> Result<Admin1, InputError> {
        let table = read_csv(&raw.join("natural-earth-admin1/ne_50m_admin1_label_points.csv"))?;
        let c = Columns::new(&table, "ne_50m_admin1_label_points.csv");
        let iso_i = c.index("iso_a2")?;
        let name_cols = [
            c.index("name")?,
            c.index("name_en")?,
            c.index("woe_name")?,
            c.index("gn_name")?,
            c.index("name_alt")?,
        ];
        let (lat_i, lon_i) = (c.index("latitude")?, c.index("longitude")?);
        let mut units = Vec::new();
        for row in &table.rows {
            let mut names: Vec<String> = Vec::new();
            for i in name_cols {
                for n in row.get(i).split('|').filter(|n| !n.is_empty()) {
                    names.push(fold(n));
                    names.push(fold(strip_state_suffix(n).unwrap_or(n)));
                }
            }
            names.sort();
            names.dedup();
            if let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) {
                units.push((row.get(iso_i).to_owned(), names, lat, lon));
            }
        }
        Ok(Admin1 { units })
    }

    /// The label point of the division a partner names, when its name says it is one
    /// ("Amur Oblast", "Chita Oblast (Zabaykalsky Krai)"), or when it is exactly a
    /// division's name and no source geocoded it (`exact_ok`: "Maryland").
    pub fn lookup(&self, iso: &str, name: &str, exact_ok: bool) -> Option<(f64, f64)> {
        let mut candidates = Vec::new();
        let (main, inner) = match name.split_once(" (") {
            Some((main, rest)) => (main, Some(rest.trim_end_matches(')'))),
            None => (name, None),
        };
        // A parenthesis only renames a division ("Chita Oblast (Zabaykalsky Krai)"); after a
        // district it says where the district is ("Pogranichny District (Primorsky Krai)").
        match strip_state_suffix(main) {
            Some(stem) => {
                candidates.push(fold(stem));
                candidates.push(fold(main));
                if let Some(inner) = inner {
                    candidates.push(fold(strip_state_suffix(inner).unwrap_or(inner)));
                }
            }
            None if exact_ok && inner.is_none() => candidates.push(fold(main)),
            None => {}
        }
        self.units
            .iter()
            .find(|(unit_iso, names, _, _)| {
                unit_iso == iso && candidates.iter().any(|c| names.contains(c))
            })
            .map(|(_, _, lat, lon)| (*lat, *lon))
    }
}

fn strip_state_suffix(name: &str) -> Option<&str> {
    STATE_SUFFIXES.iter().find_map(|s| name.strip_suffix(s))
}
