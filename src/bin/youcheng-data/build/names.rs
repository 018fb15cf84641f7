//! Names of foreign places: a Chinese name and where it comes from (the pair sources, GeoNames,
//! iso-codes, countrystatecity; see [`crate::naming`]), and the level the words of a name say.

use std::collections::BTreeSet;

use crate::countries::Countries;
use crate::mainland::{FormOutcomes, Mainland};
use crate::naming::{GnCity, RegionNames, full_width_brackets, simplify};
use crate::placing::{Placement, Placer};
use crate::util::fold;

/// What the naming step needs beside a place: the gazetteers, the country names, the
/// region names, the mainland forms and `zh-names/` lists.
pub struct Namers<'a> {
    pub placer: &'a Placer,
    pub countries: &'a Countries,
    pub regions: &'a RegionNames,
    pub mainland: &'a Mainland,
    pub kstars: &'a crate::kstars::KstarsNames,
}

/// A foreign place's Chinese name and its source (see [`crate::naming`]), in its mainland
/// form ([`crate::mainland`]); `outcomes` records what became of its mainland-form row.
pub fn chinese_name(
    iso: &str,
    name: &str,
    sources: (Option<String>, Option<String>),
    placement: &Placement,
    namers: &Namers,
    outcomes: &mut FormOutcomes,
) -> Option<(String, String)> {
    let japanese = iso == "JP";
    let city = placement
        .geonames
        .as_deref()
        .and_then(|id| namers.placer.han.by_id(id))
        .or_else(|| placement.point.and_then(|p| namers.placer.han.matching(iso, name, p)));
    let own: Vec<String> =
        city.map(|c| c.han.iter().map(|h| simplify(h, japanese)).collect()).unwrap_or_default();
    let (zh, source) = first_name(iso, name, sources, placement, city, namers)?;
    let country = namers.countries.by_iso.get(iso);
    let country_zh = country.and_then(|c| c.zh.as_deref()).unwrap_or("");
    let country_en = country.map_or("", |c| c.en.as_str());
    let zh = namers.mainland.form((iso, name), &zh, (country_zh, country_en), &own, outcomes);
    Some((full_width_brackets(&zh), source))
}

/// The first source's Chinese name, as the source writes it: the pair sources (their rows, then
/// a report's own Chinese text), their Japanese kanji, GeoNames, iso-codes, countrystatecity, the `zh-names/` lists, then KStars ([`crate::kstars`]).
fn first_name(
    iso: &str,
    name: &str,
    (from_sources, local): (Option<String>, Option<String>),
    placement: &Placement,
    city: Option<&GnCity>,
    namers: &Namers,
) -> Option<(String, String)> {
    let japanese = iso == "JP";
    if let Some(zh) = from_sources
        && let Some(word) = place_word(&zh, |w| namers.countries.is_chinese_name(w))
    {
        return Some((word.to_owned(), "pair sources".to_owned()));
    }
    // A pair's source that writes the partner in its own Chinese text (issue 27's forum report).
    if let Some(found) = namers.mainland.in_report(iso, name) {
        return Some(found);
    }
    // Chinese lists write a Japanese place in its kanji, in simplified characters.
    let local =
        local.as_deref().and_then(|l| place_word(l, |w| namers.countries.is_chinese_name(w)));
    if let Some(kanji) = local.filter(|l| japanese && crate::naming::all_han(l)) {
        return Some((simplify(kanji, true), "pair sources (Japanese)".to_owned()));
    }
    if let Some(c) = city
        && let Some(zh) = crate::naming::pick(&c.han, japanese)
    {
        return Some((zh, format!("GeoNames {}", c.id)));
    }
    if placement.region {
        let csc = namers.placer.csc.region(iso, name);
        let coded = csc.and_then(|r| namers.regions.by_code(&format!("{iso}-{}", r.state)));
        if let Some(zh) = coded.or_else(|| namers.regions.by_name(iso, name)) {
            return Some((zh.to_owned(), "iso-codes".to_owned()));
        }
        if let Some(native) = csc.map(|r| r.native.clone())
            && japanese
            && crate::naming::all_han(&native)
        {
            return Some((simplify(&native, true), "countrystatecity".to_owned()));
        }
    }
    namers.mainland.listed(iso, name).or_else(|| namers.kstars.name(iso, name))
}

/// The place's own word in a source's text that writes it with its country and region as
/// separate words, in either order ("巴西 巴拉那州 库里蒂巴", "迪拜市 阿联酋"): the last word
/// that is not a country's name nor a bare word for a kind of unit (a row that wrote Okinawa
/// as "県 (沖縄県)" named it 县); none when no word is left.
pub fn place_word(text: &str, is_country: impl Fn(&str) -> bool) -> Option<&str> {
    const UNIT_WORDS: &[&str] =
        &["県", "县", "市", "町", "村", "区", "區", "府", "道", "都", "州", "省", "郡"];
    text.split_whitespace().filter(|w| !is_country(w) && !UNIT_WORDS.contains(w)).last()
}

/// `docs/chinese-names.csv`: every foreign place's Chinese name and its source.
pub fn chinese_names_csv(rows: &[(String, String, String, String)]) -> String {
    let mut out = String::from("id,en,zh,source,sources tried\n");
    for (id, en, zh, source) in rows {
        let tried = if zh.is_empty() { crate::mainland::SOURCES_TRIED } else { "" };
        youcheng::model::read::csv::push_row(&mut out, &[id, en, zh, source, tried]);
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
    fn a_source_text_with_country_and_region_words_names_the_place() {
        let countries = ["巴西", "阿联酋", "澳大利亚", "斯里兰卡"];
        let is_country = |w: &str| countries.contains(&w);
        let cases = [
            ("巴西 巴拉那州 库里蒂巴", Some("库里蒂巴")),
            ("迪拜市 阿联酋", Some("迪拜市")),
            ("澳大利亚 宾士镇市", Some("宾士镇市")),
            ("科伦坡市 斯里兰卡", Some("科伦坡市")),
            ("奈良市", Some("奈良市")),
            ("巴西", None),
            // A bare word for a kind of unit is not a name (Okinawa was named 县).
            ("県", None),
            ("沖縄県 県", Some("沖縄県")),
        ];
        for (text, want) in cases {
            assert_eq!(place_word(text, is_country), want, "{text}");
        }
    }

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
