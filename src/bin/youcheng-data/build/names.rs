//! Names of foreign places: a Chinese name and where it comes from (the pair sources, GeoNames,
//! iso-codes, countrystatecity; see [`crate::naming`]), and the level the words of a name say.

use std::collections::BTreeSet;

use crate::countries::Countries;
use crate::naming::{RegionNames, full_width_brackets, simplify, without_country};
use crate::placing::{Placement, Placer};
use crate::util::fold;

/// A foreign place's Chinese name and its source (see [`crate::naming`]).
pub fn chinese_name(
    iso: &str,
    name: &str,
    (from_sources, local): (Option<String>, Option<String>),
    placement: &Placement,
    placer: &Placer,
    countries: &Countries,
    regions: &RegionNames,
) -> Option<(String, String)> {
    let japanese = iso == "JP";
    let city = placement
        .geonames
        .as_deref()
        .and_then(|id| placer.han.by_id(id))
        .or_else(|| placement.point.and_then(|p| placer.han.matching(iso, name, p)));
    if let Some(zh) = from_sources {
        let prefixes: Vec<&str> =
            countries.by_iso.get(iso).and_then(|c| c.zh.as_deref()).into_iter().collect();
        let own: Vec<String> =
            city.map(|c| c.han.iter().map(|h| simplify(h, japanese)).collect()).unwrap_or_default();
        let zh = full_width_brackets(without_country(&zh, &prefixes, &own));
        return Some((zh, "pair sources".to_owned()));
    }
    // Chinese lists write a Japanese place in its kanji, in simplified characters.
    if let Some(kanji) = local.filter(|l| japanese && crate::naming::all_han(l)) {
        return Some((simplify(&kanji, true), "pair sources (Japanese)".to_owned()));
    }
    if let Some(c) = city
        && let Some(zh) = crate::naming::pick(&c.han, japanese)
    {
        return Some((zh, format!("GeoNames {}", c.id)));
    }
    if placement.region {
        let csc = placer.csc.region(iso, name);
        let coded = csc.and_then(|r| regions.by_code(&format!("{iso}-{}", r.state)));
        if let Some(zh) = coded.or_else(|| regions.by_name(iso, name)) {
            return Some((zh.to_owned(), "iso-codes".to_owned()));
        }
        let native = csc.map(|r| r.native.clone())?;
        if japanese && crate::naming::all_han(&native) {
            return Some((simplify(&native, true), "countrystatecity".to_owned()));
        }
    }
    None
}

/// `docs/chinese-names.csv`: every foreign place's Chinese name and its source.
pub fn chinese_names_csv(rows: &[(String, String, String, String)]) -> String {
    let mut out = String::from("id,en,zh,source\n");
    for (id, en, zh, source) in rows {
        youcheng::model::read::csv::push_row(&mut out, &[id, en, zh, source]);
    }
    out
}

/// The level of a foreign place, from the reviewed list of first-level units and the words
/// its name ends with; a plain name is a city (the sources are lists of towns and cities).
pub fn foreign_level(name: &str, iso: &str, states: &BTreeSet<(String, String)>) -> &'static str {
    if states.contains(&(iso.to_owned(), fold(name))) {
        return "state";
    }
    if name.contains(" – ")
        || (name.contains(" (") && name.contains("District"))
        || name.contains(". District")
    {
        return "district";
    }
    const STATE_WORDS: &[&str] = &[
        " Prefecture",
        " Province",
        " Oblast",
        " Krai",
        " Voivodeship",
        " Governorate",
        " State",
        " Territory",
        " Region",
        " Canton",
        " Autonomous Community",
        " Republic",
        "-do",
    ];
    const REGION_WORDS: &[&str] = &[
        " County",
        " District Municipality",
        " Municipal District",
        " District",
        " Shire",
        " Regency",
        " Department",
        " Borough",
    ];
    let trimmed = name.split(" (").next().unwrap_or(name);
    if STATE_WORDS.iter().any(|w| trimmed.ends_with(w)) || trimmed.starts_with("Province of") {
        return "state";
    }
    if REGION_WORDS.iter().any(|w| trimmed.ends_with(w)) {
        return "region";
    }
    // A plain name: the lists are of towns and cities, but the level is not stated.
    "other"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_levels_follow_the_reviewed_list_and_name_endings() {
        let states: BTreeSet<(String, String)> =
            [("US".to_owned(), fold("Maryland"))].into_iter().collect();
        assert_eq!(foreign_level("Maryland", "US", &states), "state");
        assert_eq!(foreign_level("Miyagi Prefecture", "JP", &states), "state");
        assert_eq!(foreign_level("Jeollabuk-do", "KR", &states), "state");
        assert_eq!(foreign_level("Sarah Baartman District Municipality", "ZA", &states), "region");
        assert_eq!(foreign_level("Seoul – Gangnam", "KR", &states), "district");
        assert_eq!(foreign_level("Sovetsky District (Minsk)", "BY", &states), "district");
        assert_eq!(foreign_level("Nara", "JP", &states), "other", "not stated, so not claimed");
    }
}
