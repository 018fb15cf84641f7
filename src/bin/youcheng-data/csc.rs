//! The countrystatecity gazetteer (`data/raw/countrystatecity/`, ODbL): first-level regions
//! and cities with coordinates, used after the sources' own geocodes to place partners. A name
//! with several candidates in one country is not guessed: it needs its region (a qualifier in
//! the name, or a reviewed choice in `data/curated/place_fixes.csv`).

use std::collections::HashMap;
use std::path::Path;

use crate::util::{Columns, InputError, fold, read_csv};

/// A region or a city.
#[derive(Clone, Debug, PartialEq)]
pub struct CscPlace {
    /// ISO country code.
    pub iso: String,
    /// The region's code (a city's region).
    pub state: String,
    /// The region's English name (a city's region).
    pub state_name: String,
    /// English name.
    pub name: String,
    /// Local-script name, if given.
    pub native: String,
    /// A region's kind ("prefecture", "city"); empty for cities.
    pub kind: String,
    /// Latitude, longitude.
    pub point: (f64, f64),
}

/// Words that name a kind of first-level region, dropped when comparing names.
const REGION_WORDS: &[&str] = &[
    " prefecture",
    " province",
    " state",
    " oblast",
    " krai",
    " region",
    " voivodeship",
    " county",
    " governorate",
    " department",
    " district",
    " territory",
    " republic",
    "-do",
    " aimag",
    " canton",
    " autonomous community",
    "-ken",
    "-fu",
];

/// A region's name without its kind ("Miyagi Prefecture" → "miyagi", "Gyeonggi-do" →
/// "gyeonggi"), folded; Korean -buk/-nam provinces are also written North/South
/// ("Chungcheongbuk-do" → "northchungcheong").
pub fn region_keys(name: &str) -> Vec<String> {
    let mut base = name.split(" (").next().unwrap_or(name).trim().to_lowercase();
    for word in REGION_WORDS {
        if let Some(stem) = base.strip_suffix(word) {
            base = stem.trim_end().to_owned();
        }
    }
    // Indonesian names put the compass word after the island, in Indonesian, and spell two
    // islands their own way: "Jawa Barat" is West Java, "Sumatera Utara" North Sumatra.
    let indonesian = [
        (" barat", "west"),
        (" timur", "east"),
        (" utara", "north"),
        (" selatan", "south"),
        (" tengah", "central"),
        (" tenggara", "southeast"),
    ]
    .into_iter()
    .find_map(|(word, side)| {
        let stem = fold(base.strip_suffix(word)?);
        Some(format!("{side}{}", stem.replace("jawa", "java").replace("sumatera", "sumatra")))
    });
    let base = fold(&base);
    let mut keys = vec![base.clone()];
    keys.extend(indonesian);
    for (suffix, side) in [("buk", "north"), ("nam", "south")] {
        if let Some(stem) = base.strip_suffix(suffix).filter(|s| s.len() > 3) {
            keys.push(format!("{side}{stem}"));
        }
    }
    keys
}

/// The gazetteer.
pub struct Csc {
    states: HashMap<(String, String), Vec<CscPlace>>,
    state_natives: HashMap<(String, String), String>,
    cities: HashMap<(String, String), Vec<CscPlace>>,
}

impl Csc {
    /// Reads `states.csv` and `cities.csv`.
    pub fn load(raw: &Path) -> Result<Csc, InputError> {
        let dir = raw.join("countrystatecity");
        let t = read_csv(&dir.join("states.csv"))?;
        let c = Columns::new(&t, "states.csv");
        let (iso_i, code_i, name_i, native_i) = (
            c.index("country_iso2")?,
            c.index("state_code")?,
            c.index("name")?,
            c.index("native")?,
        );
        let (lat_i, lon_i, type_i) =
            (c.index("latitude")?, c.index("longitude")?, c.index("type")?);
        let mut states: HashMap<(String, String), Vec<CscPlace>> = HashMap::new();
        let mut state_names: HashMap<(String, String), String> = HashMap::new();
        let mut state_natives: HashMap<(String, String), String> = HashMap::new();
        for row in &t.rows {
            let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) else {
                continue;
            };
            let iso = row.get(iso_i).to_owned();
            state_names
                .insert((iso.clone(), row.get(code_i).to_owned()), row.get(name_i).to_owned());
            state_natives
                .insert((iso.clone(), row.get(code_i).to_owned()), row.get(native_i).to_owned());
            let place = CscPlace {
                iso: iso.clone(),
                state: row.get(code_i).to_owned(),
                state_name: row.get(name_i).to_owned(),
                name: row.get(name_i).to_owned(),
                native: row.get(native_i).to_owned(),
                kind: row.get(type_i).to_owned(),
                point: (lat, lon),
            };
            let mut keys = region_keys(row.get(name_i));
            keys.push(fold(row.get(name_i)));
            if !row.get(native_i).is_empty() {
                keys.extend(region_keys(row.get(native_i)));
            }
            keys.sort();
            keys.dedup();
            for key in keys {
                states.entry((iso.clone(), key)).or_default().push(place.clone());
            }
        }
        let t = read_csv(&dir.join("cities.csv"))?;
        let c = Columns::new(&t, "cities.csv");
        let (iso_i, code_i, name_i, native_i) = (
            c.index("country_iso2")?,
            c.index("state_code")?,
            c.index("name")?,
            c.index("native")?,
        );
        let (lat_i, lon_i) = (c.index("latitude")?, c.index("longitude")?);
        let mut cities: HashMap<(String, String), Vec<CscPlace>> = HashMap::new();
        for row in &t.rows {
            let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) else {
                continue;
            };
            let iso = row.get(iso_i).to_owned();
            let state = row.get(code_i).to_owned();
            let place = CscPlace {
                state_name: state_names
                    .get(&(iso.clone(), state.clone()))
                    .cloned()
                    .unwrap_or_default(),
                iso: iso.clone(),
                state,
                name: row.get(name_i).to_owned(),
                native: row.get(native_i).to_owned(),
                kind: String::new(),
                point: (lat, lon),
            };
            // Japanese municipalities are listed with and without their kind ("Maniwa-shi").
            let name = row.get(name_i);
            let lower = name.to_lowercase();
            let stem = [" shi", "-shi", " machi", "-machi", " cho", "-cho", " mura", "-mura"]
                .iter()
                .find_map(|s| lower.strip_suffix(s))
                .filter(|_| iso == "JP");
            if let Some(stem) = stem {
                cities.entry((iso.clone(), fold(stem))).or_default().push(place.clone());
            }
            cities.entry((iso, fold(name))).or_default().push(place);
        }
        Ok(Csc { states, state_natives, cities })
    }

    /// The region a name stands for, if exactly one region of the country has it (a city
    /// with region status, "Almaty" the city beside Almaty Region, gives way to the region).
    pub fn region(&self, iso: &str, name: &str) -> Option<&CscPlace> {
        let mut found: Vec<&CscPlace> = region_keys(name)
            .into_iter()
            .chain(std::iter::once(fold(name)))
            .filter_map(|k| self.states.get(&(iso.to_owned(), k)))
            .flatten()
            .collect();
        found.dedup_by(|a, b| a.state == b.state);
        if found.len() > 1 {
            found.retain(|p| !p.kind.contains("city"));
        }
        let first = found.first()?;
        found.iter().all(|p| p.state == first.state).then_some(*first)
    }

    /// A region's local-script name by its code (`CN`, `GD` → 广东省).
    pub fn state_native(&self, iso: &str, code: &str) -> Option<&str> {
        self.state_natives.get(&(iso.to_owned(), code.to_owned())).map(String::as_str)
    }

    /// Every city of a country with this name (no qualifier).
    pub fn cities_named(&self, iso: &str, name: &str) -> impl Iterator<Item = &CscPlace> {
        self.cities.get(&(iso.to_owned(), fold(name))).into_iter().flatten()
    }

    /// The city a name stands for: the name's qualifier ("Gwangju (Gyeonggi)", "Richmond,
    /// California") picks among same-named cities by their region; towns listed twice a few km
    /// apart count as one. `Err` lists the candidates when the name alone cannot tell.
    pub fn city(&self, iso: &str, name: &str) -> Result<Option<&CscPlace>, Vec<&CscPlace>> {
        let (main, qualifier) = split_qualifier(name);
        let Some(all) = self.cities.get(&(iso.to_owned(), fold(main))) else { return Ok(None) };
        let candidates: Vec<&CscPlace> = match qualifier {
            Some(q) => {
                let keys = region_keys(q);
                all.iter()
                    .filter(|c| region_keys(&c.state_name).iter().any(|k| keys.contains(k)))
                    .collect()
            }
            None => all.iter().collect(),
        };
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many if many
                .iter()
                .all(|c| crate::util::distance_km(c.point, many[0].point) < 15.0) =>
            {
                Ok(Some(many[0]))
            }
            many => Err(many.to_vec()),
        }
    }
}

/// A name and the qualifier after a comma or in brackets.
pub fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    // "Halle (Saale), Saxony-Anhalt": the parenthesis is part of the name.
    if let Some((main, rest)) = name.rsplit_once(", ").filter(|(m, _)| m.ends_with(')')) {
        return (main.trim(), Some(rest.trim()));
    }
    if let Some((main, rest)) = name.split_once(" (") {
        return (main.trim(), Some(rest.trim_end_matches(')').trim()));
    }
    if let Some((main, rest)) = name.split_once(", ") {
        return (main.trim(), Some(rest.trim()));
    }
    (name.trim(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csc() -> Csc {
        Csc::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw")).expect("gazetteer")
    }

    #[test]
    fn regions_are_found_by_name_with_or_without_their_kind() {
        let g = csc();
        assert_eq!(g.region("JP", "Miyagi Prefecture").map(|r| r.state.as_str()), Some("04"));
        assert!(g.region("DE", "Lower Saxony").is_some());
        assert!(g.region("KR", "Chungcheongbuk-do").is_some(), "North Chungcheong");
        assert!(g.region("US", "Maryland").is_some());
        // The gazetteer writes Indonesia's provinces in Indonesian (Jawa Barat).
        assert_eq!(g.region("ID", "West Java").map(|r| r.state.as_str()), Some("JB"));
        assert_eq!(g.region("ID", "North Sumatra").map(|r| r.state.as_str()), Some("SU"));
    }

    #[test]
    fn same_named_cities_need_their_region() {
        let g = csc();
        assert!(g.city("US", "Richmond").is_err(), "several Richmonds");
        let va = g.city("US", "Richmond, Virginia").expect("one").expect("found");
        assert_eq!(va.state, "VA");
        let ca = g.city("US", "Richmond, California").expect("one").expect("found");
        assert_eq!(ca.state, "CA");
        assert_eq!(g.city("FI", "Lahti").map(|c| c.is_some()), Ok(true));
        assert_eq!(g.city("FI", "Nowhere-upon-Nothing").map(|c| c.is_some()), Ok(false));
    }
}
