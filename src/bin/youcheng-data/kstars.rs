//! KStars' Chinese names of world cities (`data/raw/kstars-zh/cities.csv`, the KDE zh_CN
//! translation of the planetarium's city list): the last source a foreign place's Chinese name
//! is taken from, and only where it cannot be mistaken (see [`KstarsNames::name`]).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::countries::Countries;
use crate::util::{Columns, InputError, fold, read_csv};

/// The source's name in the dataset report and `docs/chinese-names.csv`.
pub const SOURCE: &str = "KStars zh_CN";

/// Chinese names by (country ISO code, folded English name): every name KStars gives a city of
/// that name in that country.
pub struct KstarsNames {
    by_place: HashMap<(String, String), BTreeSet<String>>,
}

impl KstarsNames {
    pub fn load(raw: &Path, countries: &Countries) -> Result<KstarsNames, InputError> {
        let file = "cities.csv";
        let table = read_csv(&raw.join("kstars-zh").join(file))?;
        let c = Columns::new(&table, file);
        let (en_i, where_i, zh_i) = (c.index("en")?, c.index("where")?, c.index("zh")?);
        let mut by_place: HashMap<(String, String), BTreeSet<String>> = HashMap::new();
        for row in &table.rows {
            if let Some(iso) = country_of(row.get(where_i), |n| countries.resolve(n)) {
                let key = (iso, fold(row.get(en_i)));
                by_place.entry(key).or_default().insert(row.get(zh_i).to_owned());
            }
        }
        Ok(KstarsNames { by_place })
    }

    /// The Chinese name of a place called `en` in the country `iso`, when KStars lists a city
    /// of exactly that name in that country and every such city has the same Chinese name.
    pub fn name(&self, iso: &str, en: &str) -> Option<(String, String)> {
        let names = self.by_place.get(&(iso.to_owned(), fold(en)))?;
        match (names.first(), names.len()) {
            (Some(zh), 1) if !names_a_province(zh) => Some((zh.clone(), SOURCE.to_owned())),
            _ => None,
        }
    }
}

/// A city's translation that ends in 省 names a province (KStars gives Ontario, California,
/// as 安大略省, the Canadian province): refused.
fn names_a_province(zh: &str) -> bool {
    zh.ends_with('省')
}

/// The country KStars' "where" names last ("Victoria Australia", "Gangwon South Korea",
/// "Italy"): the longest run of final words that is a country's name.
fn country_of(place: &str, resolve: impl Fn(&str) -> Option<String>) -> Option<String> {
    let words: Vec<&str> = place.split_whitespace().collect();
    (1..=words.len().min(4)).rev().find_map(|n| resolve(&words[words.len() - n..].join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_is_the_longest_run_of_final_words_that_names_one() {
        let resolve = |n: &str| {
            [("Australia", "AU"), ("South Korea", "KR"), ("Korea", "KP"), ("Italy", "IT")]
                .iter()
                .find(|(name, _)| *name == n)
                .map(|(_, iso)| (*iso).to_owned())
        };
        assert_eq!(country_of("Victoria Australia", resolve).as_deref(), Some("AU"));
        assert_eq!(country_of("Gangwon South Korea", resolve).as_deref(), Some("KR"));
        assert_eq!(country_of("Italy", resolve).as_deref(), Some("IT"));
        assert_eq!(country_of("Nowhere Land", resolve), None);
    }

    #[test]
    fn a_name_is_taken_only_when_every_city_of_that_name_in_the_country_agrees() {
        let mut by_place = HashMap::new();
        by_place.insert(("IT".to_owned(), fold("Siena")), BTreeSet::from(["锡耶纳".to_owned()]));
        by_place.insert(
            ("US".to_owned(), fold("Springfield")),
            BTreeSet::from(["斯普林菲尔德".to_owned(), "春田".to_owned()]),
        );
        let names = KstarsNames { by_place };
        assert_eq!(names.name("IT", "Siena").map(|n| n.0).as_deref(), Some("锡耶纳"));
        assert_eq!(names.name("US", "Springfield"), None);
        assert_eq!(names.name("FR", "Siena"), None);
        let ontario = KstarsNames {
            by_place: HashMap::from([(
                ("US".to_owned(), fold("Ontario")),
                BTreeSet::from(["安大略省".to_owned()]),
            )]),
        };
        assert_eq!(ontario.name("US", "Ontario"), None, "a city is not named as a province");
    }
}
