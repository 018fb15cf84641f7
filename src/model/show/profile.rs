//! Profiles: what a place's or a country's page shows, worked out once in the UI language.
//!
//! A place's partnerships are counted the way the place filter counts them
//! ([`involves_place`]): the place and every place under it, plus the ties where it is the
//! partner. A country's are the ties with a partner in it.

use std::collections::BTreeMap;

use super::counted::counted;
use super::describe::reported_line;
use crate::model::ask::aggregate::reported_for;
use crate::model::ask::filter::involves_place;
use crate::model::ask::scope::{Reach, Scope, place_reaches};
use crate::model::format::dataset::{CountryIdx, Dataset, PairIdx, PlaceIdx, SourceIdx};
use crate::model::i18n::{
    Locale, bracketed, continent_label, country_name, fill, kind_label, level_label, place_name,
    sco_label,
};

/// Labels with a count, most first, then by label.
pub type Counts = Vec<(String, usize)>;

/// A place's profile.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceProfile {
    /// Its partnerships (see the module note).
    pub pairs: Vec<PairIdx>,
    /// Its counts with their scope: with the places under it (when it has any), then its own.
    pub counts: Vec<String>,
    /// Level, the places above it, its country, its division code.
    pub facts: String,
    /// Partnerships per partner country.
    pub by_country: Counts,
    /// Partnerships per type.
    pub by_kind: Counts,
    /// Official figures about it, newest first, with their sources.
    pub reported: Vec<(String, SourceIdx)>,
}

/// A country's profile.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryProfile {
    /// Its partnerships with Chinese places.
    pub pairs: Vec<PairIdx>,
    /// Their count with its scope.
    pub count: String,
    /// Continent and its name in the other language.
    pub facts: String,
    /// Belt and Road and SCO status, one line each.
    pub programmes: Vec<String>,
    /// Partnerships per Chinese province.
    pub by_province: Counts,
    /// Partnerships per Chinese place.
    pub by_place: Counts,
}

fn ranked(counts: BTreeMap<String, usize>) -> Counts {
    let mut out: Counts = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The profile of a place.
pub fn place_profile(dataset: &Dataset, place: PlaceIdx, locale: Locale) -> PlaceProfile {
    let m = locale.messages();
    let pairs: Vec<PairIdx> = dataset
        .pair_indices()
        .filter(|p| involves_place(dataset, dataset.partnership(*p), place, true))
        .collect();
    let p = dataset.place(place);
    let mut facts = vec![level_label(locale, p.level).to_owned()];
    facts.extend(dataset.ancestors(place).map(|a| place_name(locale, dataset.place(a)).to_owned()));
    facts.push(country_name(locale, dataset.country(p.country)).to_owned());
    if let Some(code) = &p.admin_code {
        facts.push(fill(m.division_code, &[("code", code)]));
    }
    let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for q in &pairs {
        let pair = dataset.partnership(*q);
        let other = if pair.partner == place { pair.home } else { pair.partner };
        let country = dataset.country(dataset.place(other).country);
        *by_country.entry(country_name(locale, country).to_owned()).or_default() += 1;
        *by_kind.entry(kind_label(locale, pair.kind).to_owned()).or_default() += 1;
    }
    let reported = reported_for(dataset, Some(place))
        .into_iter()
        .map(|r| (reported_line(r, locale), r.source))
        .collect();
    let mut counts: Vec<String> = place_reaches(dataset, place, None)
        .into_iter()
        .map(|(reach, n)| counted(dataset, n, &Scope::whole(reach), locale))
        .collect();
    counts.reverse();
    PlaceProfile {
        pairs,
        counts,
        facts: facts.join(" · "),
        by_country: ranked(by_country),
        by_kind: by_kind.into_iter().collect(),
        reported,
    }
}

/// The profile of a country.
pub fn country_profile(dataset: &Dataset, country: CountryIdx, locale: Locale) -> CountryProfile {
    let m = locale.messages();
    let c = dataset.country(country);
    let pairs: Vec<PairIdx> = dataset
        .pair_indices()
        .filter(|p| dataset.place(dataset.partnership(*p).partner).country == country)
        .collect();
    let mut facts = Vec::new();
    if let Some(continent) = c.continent {
        facts.push(continent_label(locale, continent).to_owned());
    }
    let other = match locale {
        Locale::Zh => Some(c.name_en.clone()),
        Locale::En => c.name_zh.clone(),
    };
    facts.extend(other.filter(|o| !o.is_empty()));
    let bri = match (c.bri_since, c.bri_exit) {
        (Some(since), None) => fill(m.bri_since, &[("year", &since.to_string())]),
        (Some(since), Some(exit)) => {
            fill(m.bri_since_exit, &[("year", &since.to_string()), ("exit", &exit.to_string())])
        }
        _ => m.bri_none.to_owned(),
    };
    let sco = if c.sco.is_empty() {
        m.sco_none.to_owned()
    } else {
        let steps: Vec<String> = c
            .sco
            .iter()
            .map(|(s, y)| bracketed(locale, sco_label(locale, *s), &y.to_string()))
            .collect();
        steps.join(" → ")
    };
    let mut by_province: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_place: BTreeMap<String, usize> = BTreeMap::new();
    for p in &pairs {
        let home = dataset.partnership(*p).home;
        let province = dataset
            .province_of(home)
            .map(|pr| place_name(locale, dataset.place(pr)).to_owned())
            .unwrap_or_else(|| m.unknown_province.to_owned());
        *by_province.entry(province).or_default() += 1;
        *by_place.entry(place_name(locale, dataset.place(home)).to_owned()).or_default() += 1;
    }
    CountryProfile {
        count: counted(dataset, pairs.len(), &Scope::whole(Reach::InCountry(country)), locale),
        pairs,
        facts: facts.join(" · "),
        programmes: vec![bri, sco],
        by_province: ranked(by_province),
        by_place: ranked(by_place),
    }
}

/// Width of the timeline drawing in its own units (an SVG `viewBox` of 300 × 46).
pub const TIMELINE_WIDTH: f64 = 300.0;
/// Height of the tallest bar.
const TIMELINE_BAR_HEIGHT: f64 = 40.0;
/// Baseline of the bars.
const TIMELINE_BASELINE: f64 = 44.0;

/// One bar of a timeline: a year with partnerships, in drawing units.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (at least 2).
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A small timeline of partnerships: one bar per year, the years as text, and how many have
/// no known year.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The bars.
    pub bars: Vec<TimelineBar>,
    /// "1974–2018" / "1974—2018年" ([`year_span`]), empty when no pair is dated.
    pub span: String,
    /// The undated note ("3 partnerships without a known year"), when some are.
    pub undated_note: Option<String>,
    /// Per year: the year and the other side's names with the type.
    pub entries: Vec<(i32, String)>,
}

/// A span of years as the language writes it (the words of a year filter's chip): "1974–2018"
/// / "1974—2018年".
pub fn year_span(first: i32, last: i32, locale: Locale) -> String {
    let (first, last) = (first.to_string(), last.to_string());
    crate::model::i18n::fill(locale.messages().chip_years, &[("from", &first), ("to", &last)])
}

/// The timeline of `pairs`, each named by its partner (`name_partner`) or its Chinese side.
pub fn timeline(
    dataset: &Dataset,
    pairs: &[PairIdx],
    name_partner: bool,
    locale: Locale,
) -> Timeline {
    let mut years: BTreeMap<i32, Vec<PairIdx>> = BTreeMap::new();
    let mut undated = 0;
    for &p in pairs {
        match dataset.partnership(p).first_year() {
            Some(y) => years.entry(y).or_default().push(p),
            None => undated += 1,
        }
    }
    let (first, last) = (years.keys().next().copied(), years.keys().next_back().copied());
    let tallest = years.values().map(Vec::len).max().unwrap_or(1).max(1);
    let (bars, span) = match (first, last) {
        (Some(first), Some(last)) => {
            let n_years = (last - first + 1).max(1) as f64;
            let bars = years
                .iter()
                .map(|(y, list)| {
                    let height = list.len() as f64 / tallest as f64 * TIMELINE_BAR_HEIGHT;
                    TimelineBar {
                        x: (*y - first) as f64 / n_years * TIMELINE_WIDTH,
                        y: TIMELINE_BASELINE - height,
                        width: (TIMELINE_WIDTH / n_years).max(2.0),
                        height,
                    }
                })
                .collect();
            (bars, year_span(first, last, locale))
        }
        _ => (Vec::new(), String::new()),
    };
    let entries = years
        .iter()
        .map(|(y, list)| {
            let names: Vec<String> = list
                .iter()
                .map(|p| {
                    let pair = dataset.partnership(*p);
                    let other = if name_partner { pair.partner } else { pair.home };
                    bracketed(
                        locale,
                        place_name(locale, dataset.place(other)),
                        kind_label(locale, pair.kind),
                    )
                })
                .collect();
            (*y, names.join(locale.messages().list_comma))
        })
        .collect();
    let undated_note =
        (undated > 0).then(|| locale.messages().chart_undated_note.format(locale, undated as u64));
    Timeline { bars, span, undated_note, entries }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    fn ids(d: &Dataset, pairs: &[PairIdx]) -> Vec<String> {
        pairs.iter().map(|p| d.partnership(*p).id.clone()).collect()
    }

    #[test]
    fn a_province_profile_counts_the_places_under_it() {
        let d = fixture();
        let shaanxi = d.place_by_id("cn-shaanxi").expect("Shaanxi");
        let profile = place_profile(&d, shaanxi, Locale::En);
        // Xi'an and Yan'an are in Shaanxi; the province itself has no tie of its own.
        assert_eq!(ids(&d, &profile.pairs), ["p-xian-nara", "p-yanan-kc", "p-yanan-trier"]);
        assert_eq!(
            profile.by_country,
            [("Germany".to_owned(), 1), ("Japan".to_owned(), 1), ("United States".to_owned(), 1)]
        );
        assert!(profile.facts.starts_with("Province"), "{}", profile.facts);
        // Each count says whose ties it takes; the first is the one the breakdowns below count.
        assert_eq!(
            profile.counts,
            [
                "3 partnerships (with the places under it; all kinds; all years)",
                "no partnerships (the place's own ties; all kinds; all years)"
            ]
        );
        assert!(profile.facts.contains("China"), "{}", profile.facts);
    }

    #[test]
    fn a_partner_place_profile_counts_the_ties_where_it_is_the_partner() {
        let d = fixture();
        let nara = d.place_by_id("jp-nara").expect("Nara");
        let profile = place_profile(&d, nara, Locale::Zh);
        assert_eq!(ids(&d, &profile.pairs), ["p-xian-nara"]);
        // Counted by the other side's country: China.
        assert_eq!(profile.by_country, [("中国".to_owned(), 1)]);
    }

    #[test]
    fn a_country_profile_groups_by_province_and_names_its_programmes() {
        let d = fixture();
        let us = d.country_by_iso("US").expect("US");
        let profile = country_profile(&d, us, Locale::En);
        assert_eq!(ids(&d, &profile.pairs), ["p-yanan-kc", "p-shanghai-sf"]);
        assert_eq!(profile.by_province.len(), 2);
        assert_eq!(profile.programmes.len(), 2);
        assert_eq!(profile.programmes[1], "No SCO status");
    }

    #[test]
    fn reported_figures_in_a_profile_name_their_kind_in_words_not_the_file_spelling() {
        let d = fixture();
        let r = d.reported().first().expect("the fixture has official figures");
        let line = reported_line(r, Locale::Zh);
        assert!(!line.contains(&format!("({},", r.kind.as_str())), "{line}");
    }

    #[test]
    fn a_timeline_has_a_bar_per_dated_year_and_counts_the_undated() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let t = timeline(&d, &all, true, Locale::En);
        let years: Vec<i32> = t.entries.iter().map(|(y, _)| *y).collect();
        let dated = all.iter().filter(|p| d.partnership(**p).first_year().is_some()).count();
        assert_eq!(t.bars.len(), years.len());
        assert_eq!(t.undated_note.is_some(), dated < all.len());
        for bar in &t.bars {
            assert!(bar.x >= 0.0 && bar.x + bar.width <= TIMELINE_WIDTH + 2.0 && bar.height > 0.0);
        }
        assert_eq!(timeline(&d, &[], true, Locale::En).span, "");
    }

    #[test]
    fn a_span_of_years_is_written_as_the_language_writes_it() {
        assert_eq!(year_span(1973, 2022, Locale::En), "1973–2022");
        assert_eq!(year_span(1973, 2022, Locale::Zh), "1973—2022年");
    }
}
