//! The numbers behind the views: headline figures, counts by year, country, continent,
//! province and type, and the official figure that matches the current filters.

use std::collections::BTreeMap;

use super::filter::{Dimension, Filters, ProgrammeTime, active_dimensions, without};
use crate::model::format::dataset::{
    Continent, CountryIdx, Dataset, Kind, PairIdx, PlaceIdx, Programme, ReportedFigure,
    ReportedKind,
};

/// The headline: what the current filter holds, in the style officials use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    /// Partnerships.
    pub pairs: usize,
    /// Distinct partner countries.
    pub countries: usize,
    /// Distinct home-side (Chinese) places.
    pub home_places: usize,
    /// Distinct partner places.
    pub partner_places: usize,
    /// Partnerships whose year is unknown.
    pub undated: usize,
}

/// Computes the headline of a selection.
pub fn headline(dataset: &Dataset, pairs: &[PairIdx]) -> Headline {
    // Seen-flags by index: this runs on every filter change, for up to 100,000 pairs.
    let mut countries = vec![false; dataset.countries().len()];
    let mut places = vec![0u8; dataset.places().len()];
    let (mut n_countries, mut homes, mut partners, mut undated) = (0, 0, 0, 0);
    for &p in pairs {
        let pair = dataset.partnership(p);
        let country = dataset.place(pair.partner).country.0 as usize;
        if !countries[country] {
            countries[country] = true;
            n_countries += 1;
        }
        // Bit 1: counted as a home place; bit 2: counted as a partner place.
        if places[pair.home.0 as usize] & 1 == 0 {
            places[pair.home.0 as usize] |= 1;
            homes += 1;
        }
        if places[pair.partner.0 as usize] & 2 == 0 {
            places[pair.partner.0 as usize] |= 2;
            partners += 1;
        }
        if pair.first_year().is_none() {
            undated += 1;
        }
    }
    Headline {
        pairs: pairs.len(),
        countries: n_countries,
        home_places: homes,
        partner_places: partners,
        undated,
    }
}

/// New and cumulative partnerships per year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Growth {
    /// (year, new pairs that year, cumulative pairs at the year's end), every year from the
    /// first to the last dated one.
    pub years: Vec<(i32, usize, usize)>,
    /// Pairs with no known year (stated, never dropped).
    pub undated: usize,
}

/// Growth over time of a selection (a pair counts from its first known stage).
pub fn growth(dataset: &Dataset, pairs: &[PairIdx]) -> Growth {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut undated = 0;
    for &p in pairs {
        match dataset.partnership(p).first_year() {
            Some(y) => *per_year.entry(y).or_default() += 1,
            None => undated += 1,
        }
    }
    let mut years = Vec::new();
    if let (Some(&first), Some(&last)) = (per_year.keys().next(), per_year.keys().next_back()) {
        let mut total = 0;
        for year in first..=last {
            let n = per_year.get(&year).copied().unwrap_or(0);
            total += n;
            years.push((year, n, total));
        }
    }
    Growth { years, undated }
}

/// A ranked count: a key and how many pairs it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked<K> {
    /// The ranked items, largest first (ties by key).
    pub items: Vec<(K, usize)>,
    /// The sum of everything beyond the top N.
    pub others: usize,
    /// How many keys were folded into `others`.
    pub n_others: usize,
    /// Pairs no key takes (a home place with no known province): said apart, so the bars,
    /// `others` and this add up to every pair.
    pub unassigned: usize,
}

fn rank<K: Ord + Clone>(counts: BTreeMap<K, usize>, top: usize) -> Ranked<K> {
    let mut items: Vec<(K, usize)> = counts.into_iter().collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rest: Vec<(K, usize)> = if items.len() > top { items.split_off(top) } else { Vec::new() };
    Ranked { items, others: rest.iter().map(|(_, n)| n).sum(), n_others: rest.len(), unassigned: 0 }
}

/// Pairs by partner country, top `top` and the rest as "others".
pub fn by_country(dataset: &Dataset, pairs: &[PairIdx], top: usize) -> Ranked<CountryIdx> {
    let mut counts = BTreeMap::new();
    for &p in pairs {
        *counts.entry(dataset.place(dataset.partnership(p).partner).country).or_default() += 1;
    }
    rank(counts, top)
}

/// Pairs by partner continent (pairs of countries with no continent are left out).
pub fn by_continent(dataset: &Dataset, pairs: &[PairIdx]) -> Ranked<Continent> {
    let mut counts = BTreeMap::new();
    for &p in pairs {
        if let Some(c) = dataset.country_of(dataset.partnership(p).partner).continent {
            *counts.entry(c).or_default() += 1;
        }
    }
    rank(counts, usize::MAX)
}

/// Pairs by the home side's province.
pub fn by_province(dataset: &Dataset, pairs: &[PairIdx], top: usize) -> Ranked<PlaceIdx> {
    let mut counts = BTreeMap::new();
    let mut unassigned = 0;
    for &p in pairs {
        match dataset.province_of(dataset.partnership(p).home) {
            Some(province) => *counts.entry(province).or_default() += 1,
            None => unassigned += 1,
        }
    }
    Ranked { unassigned, ..rank(counts, top) }
}

/// Pairs by type, in the fixed order sister, friendly, intent, unknown.
pub fn by_kind(dataset: &Dataset, pairs: &[PairIdx]) -> Vec<(Kind, usize)> {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for &p in pairs {
        *counts.entry(dataset.partnership(p).kind).or_default() += 1;
    }
    Kind::ALL.iter().map(|k| (*k, counts.get(k).copied().unwrap_or(0))).collect()
}

/// Number of partnerships of each place (either side), for marker sizes.
pub fn degree(dataset: &Dataset, pairs: &[PairIdx]) -> Vec<u32> {
    let mut out = vec![0u32; dataset.places().len()];
    for &p in pairs {
        let pair = dataset.partnership(p);
        out[pair.home.0 as usize] += 1;
        out[pair.partner.0 as usize] += 1;
    }
    out
}

/// The scope a filter describes, for matching official figures: one place (a single province
/// or a single place filter) or the whole country (no place filter).
pub fn filter_scope(dataset: &Dataset, filters: &Filters) -> Option<Option<PlaceIdx>> {
    match (&filters.place, filters.provinces.len()) {
        (Some(id), 0) => dataset.place_by_id(id).map(Some),
        (None, 1) => {
            filters.provinces.iter().next().and_then(|id| dataset.place_by_id(id)).map(Some)
        }
        (None, 0) => Some(None),
        _ => None,
    }
}

/// The dimensions an official figure can be matched on.
const REPORTED_DIMENSIONS: [Dimension; 7] = [
    Dimension::Province,
    Dimension::Place,
    Dimension::Kind,
    Dimension::Bri,
    Dimension::Sco,
    Dimension::Years,
    Dimension::KnownBy,
];

/// Every kind of established tie: what an official total counts (letters of intent are not
/// ties yet).
const ESTABLISHED: [Kind; 3] = [Kind::Sister, Kind::Friendly, Kind::Unknown];

/// What the headline is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadlineScope {
    /// One partner country and no other filter: the dataset's home country (if it has one)
    /// and that country ("China – Japan"); an unknown code stays as written.
    CountryPair {
        /// The dataset's home country.
        focus: Option<CountryIdx>,
        /// The partner country, or its code when the data does not have it.
        partner: Result<CountryIdx, String>,
    },
    /// One place: a single province or a single place filter.
    Place(PlaceIdx),
    /// No filter: the dataset's home country, or everything when it has none.
    Whole(Option<CountryIdx>),
    /// Any other combination of filters.
    Selection,
}

/// The scope of the headline for a set of filters.
pub fn headline_scope(dataset: &Dataset, filters: &Filters) -> HeadlineScope {
    let focus = dataset.meta().focus.as_deref().and_then(|f| dataset.country_by_iso(f));
    if filters.countries.len() == 1 && without(filters, Dimension::Country).is_empty() {
        let iso = filters.countries.iter().next().cloned().unwrap_or_default();
        let partner = dataset.country_by_iso(&iso).ok_or(iso);
        return HeadlineScope::CountryPair { focus, partner };
    }
    match filter_scope(dataset, filters) {
        Some(Some(place)) => HeadlineScope::Place(place),
        Some(None) if filters.is_empty() => HeadlineScope::Whole(focus),
        _ => HeadlineScope::Selection,
    }
}

/// Official figures for the scope and filters, best match first: the figure counting the
/// same relationships (type, programme), and of those the latest dated on or before the end of
/// the year filter.
///
/// With a date cut (`by=`), only a figure of that very day matches, and none under a year range
/// (new ties of a few years are not a total); the headline counts the dataset in the figure's
/// own terms ([`crate::model::ask::official::compare`]), so it compares like with like.
pub fn matching_reported<'a>(dataset: &'a Dataset, filters: &Filters) -> Vec<&'a ReportedFigure> {
    matching_reported_at(dataset, filters, None)
}

/// Official figures for the scope and filters at a playback year (a figure dated after the
/// year shown describes another time): with no kind filter, any figure of established ties
/// (all, formal, friendly); with one, the figure counting those kinds.
pub fn matching_reported_at<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    play_year: Option<i32>,
) -> Vec<&'a ReportedFigure> {
    let Some(scope) = filter_scope(dataset, filters) else { return Vec::new() };
    let kinds: Vec<Kind> = filters.kinds.iter().copied().collect();
    // With no kind chosen any figure of established ties is a candidate, with a date cut or
    // without: `official::compare` counts the dataset in the figure's own terms (its kinds, its
    // day, the undated apart), so a cut on the figure's very day compares like with like. With
    // kinds chosen, only a figure counting the same ties (every established kind for a total).
    let kinds: &[ReportedKind] = match kinds.as_slice() {
        [] => &[ReportedKind::All, ReportedKind::Sister, ReportedKind::Friendly],
        k if k == ESTABLISHED => &[ReportedKind::All],
        [Kind::Sister] => &[ReportedKind::Sister],
        [Kind::Friendly] => &[ReportedKind::Friendly],
        [Kind::Sister, Kind::Friendly] if filters.known_by.is_none() => &[ReportedKind::All],
        [Kind::Intent] => &[ReportedKind::Intent],
        _ => &[],
    };
    let kind = (!kinds.is_empty()).then_some(kinds);
    if filters.known_by.is_some() && filters.years.is_some() {
        return Vec::new();
    }
    let programme = match (filters.bri, filters.sco.is_empty()) {
        (None, true) => None,
        (Some(ProgrammeTime::Now), true) => Some(Programme::Bri),
        (None, false) => Some(Programme::Sco),
        _ => return Vec::new(),
    };
    // Official figures count places, types and programmes over time; any other filter
    // (a country, a continent, a level, a status, or a dimension added later) has none.
    let other_filters = active_dimensions(filters).iter().any(|d| !REPORTED_DIMENSIONS.contains(d));
    if kind.is_none() || other_filters {
        return Vec::new();
    }
    let end = match (filters.years.map(|r| r.to()), play_year) {
        (Some(to), Some(play)) => Some(to.min(play)),
        (to, play) => to.or(play),
    };
    let start = filters.years.map(|r| r.from());
    let mut out: Vec<&ReportedFigure> = dataset
        .reported()
        .iter()
        .filter(|r| {
            r.scope == scope
                && kind.is_some_and(|k| k.contains(&r.kind))
                && r.programme == programme
                && r.partner_country.is_none()
        })
        .filter(|r| r.partner_level.is_none())
        .filter(|r| end.is_none_or(|e| r.as_of.year() <= e))
        .filter(|r| start.is_none_or(|s| r.as_of.year() >= s))
        .filter(|r| filters.known_by.is_none_or(|day| r.as_of == day))
        .collect();
    out.sort_by(|a, b| b.as_of.cmp(&a.as_of).then(a.id.cmp(&b.id)));
    out
}

/// True when the share of an official figure the selection holds means something: always
/// without a date cut (as before), and with one unless the figure counts ties with "SCO
/// countries", which its sources never define (members only, or observers and dialogue
/// partners too).
pub fn share_is_meaningful(r: &ReportedFigure, filters: &Filters) -> bool {
    filters.known_by.is_none() || r.programme != Some(Programme::Sco)
}

/// Every official figure about a place (for its profile), newest first.
pub fn reported_for(dataset: &Dataset, place: Option<PlaceIdx>) -> Vec<&ReportedFigure> {
    let mut out: Vec<&ReportedFigure> =
        dataset.reported().iter().filter(|r| r.scope == place).collect();
    out.sort_by(|a, b| b.as_of.cmp(&a.as_of).then(a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ask::filter::{YearRange, apply};
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[test]
    fn headline_counts_distinct_countries_and_places() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let h = headline(&d, &all);
        assert_eq!(
            h,
            Headline { pairs: 5, countries: 4, home_places: 4, partner_places: 5, undated: 1 }
        );
    }

    #[test]
    fn growth_fills_every_year_and_states_the_undated() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let g = growth(&d, &all);
        assert_eq!(g.undated, 1);
        assert_eq!(g.years.first(), Some(&(1974, 1, 1)));
        assert_eq!(g.years.last(), Some(&(2021, 1, 4)));
        assert_eq!(g.years.len(), 2021 - 1974 + 1);
        let total: usize = g.years.iter().map(|(_, n, _)| n).sum();
        assert_eq!(total + g.undated, all.len());
    }

    #[test]
    fn ranked_counts_fold_the_tail_into_others() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let r = by_country(&d, &all, 1);
        assert_eq!(d.country(r.items[0].0).iso, "US");
        assert_eq!(r.items[0].1, 2);
        assert_eq!((r.others, r.n_others), (3, 3));
        let kinds = by_kind(&d, &all);
        assert_eq!(
            kinds,
            vec![(Kind::Sister, 4), (Kind::Friendly, 0), (Kind::Intent, 1), (Kind::Unknown, 0)]
        );
    }

    #[test]
    fn reported_figures_match_the_scope_and_the_years() {
        let d = fixture();
        let mut f = Filters::default();
        f.provinces.insert("cn-shaanxi".into());
        let ids =
            |f: &Filters| matching_reported(&d, f).iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&f), vec!["r-shaanxi-2018"]);
        f.years = YearRange::new(1970, 2018);
        assert_eq!(ids(&f), vec!["r-shaanxi-2018"]);
        f.years = YearRange::new(1970, 2010);
        assert!(ids(&f).is_empty(), "a 2018 figure does not describe 1970–2010");
        assert_eq!(ids(&Filters::default()), vec!["r-china-2021"]);
        let mut japan = Filters::default();
        japan.countries.insert("JP".into());
        assert!(ids(&japan).is_empty(), "no figure counts Japan only");
        let selection = apply(&d, &f);
        assert!(selection.pairs.len() <= 3);
    }

    #[test]
    fn with_a_date_cut_only_a_figure_of_that_day_counting_the_same_ties_matches() {
        let d = fixture();
        let ids =
            |f: &Filters| matching_reported(&d, f).iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let mut f = Filters::default();
        f.provinces.insert("cn-shaanxi".into());
        f.known_by = "2018-05-29".parse().ok();
        f.include_undated = false;
        f.kinds = ESTABLISHED.into();
        assert_eq!(ids(&f), vec!["r-shaanxi-2018"], "the same day, place and ties");
        let share = matching_reported(&d, &f)[0];
        assert!(share_is_meaningful(share, &f));
        let mut other_day = f.clone();
        other_day.known_by = "2018-05-30".parse().ok();
        assert!(ids(&other_day).is_empty(), "a figure of 29 May does not describe 30 May");
        // No kind chosen, the undated kept (the page's own filters at ?prov=…&by=2018-05-29):
        // the figure of that day still matches, and `official::compare` counts the dataset in
        // its terms (the undated and the letters of intent apart).
        let mut every_kind = f.clone();
        every_kind.kinds.clear();
        every_kind.include_undated = true;
        assert_eq!(ids(&every_kind), vec!["r-shaanxi-2018"], "the figure's own day");
        let mut intents = f.clone();
        intents.kinds = [Kind::Intent].into();
        assert!(ids(&intents).is_empty(), "letters of intent are not in a total of ties");
        let mut window = f.clone();
        window.years = YearRange::new(2015, 2018);
        assert!(ids(&window).is_empty(), "new ties of a few years are not the total");
        let mut pair = Filters::default();
        pair.only.insert("p-xian-nara".into());
        assert!(ids(&pair).is_empty(), "a named pair has no official figure");
    }
}
