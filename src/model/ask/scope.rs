//! What a count counts, defined once. Every number of partnerships the app shows (a search
//! suggestion, the sheet, a profile, a map tooltip, the table, a chart, a story, the headline)
//! has a [`Scope`]: whose ties ([`Reach`]: a place's own, or with the places under it, or a
//! country's), which kinds ([`Kinds`]: every kind, formal friendship cities only, …), which
//! years ([`Period`]: all years, up to the playback year, a year filter, known by an official
//! figure's date) and whether other filters narrow it. The words for a scope are in
//! `show::counted`; the same scope always gives the same number.

use super::filter::{Dimension, Filters, active_dimensions, involves_place};
use crate::model::format::dataset::{CountryIdx, Dataset, Kind, PairIdx, Partnership, PlaceIdx};
use crate::model::format::date::PartialDate;

/// Whose partnerships a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reach {
    /// The place's own ties: it is the Chinese side or the partner.
    Own,
    /// The place's own ties and those of every place under it (a province with its cities and
    /// counties): what the place filter and the profile count.
    WithPlacesUnder,
    /// Ties with a partner in this country.
    InCountry(CountryIdx),
    /// Every tie of the dataset (under the filters).
    Everything,
}

/// Which kinds of tie a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kinds {
    /// Every kind: formal friendship cities, friendly exchange, letters of intent, unstated.
    Every,
    /// Formal friendship cities (友好城市) only: what most official figures count.
    Formal,
    /// Every established tie: formal friendship cities, friendly-cooperation partners and ties
    /// of unstated type; no letters of intent (not ties yet). What a figure of "sister and
    /// friendly cities" or "friendship with 31 cities" counts.
    Established,
    /// One other kind only.
    One(Kind),
    /// Several chosen kinds.
    Several,
}

/// Which years a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Every pair, dated or not.
    AllYears,
    /// Pairs that began by the end of this year (playback); undated pairs are left out.
    UpTo(i32),
    /// Pairs that began in these years (the year filter), and the undated ones when kept.
    Between {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
        /// Pairs with no known year are kept.
        undated: bool,
    },
    /// Pairs known to exist on this date (an official figure's date, or the date cut of
    /// `by=`); `undated`: the pairs with no known year are kept beside them (the date cut
    /// with the year filter's "include undated" on), else counted apart.
    KnownBy {
        /// The day of the cut.
        date: PartialDate,
        /// Pairs with no known year are kept.
        undated: bool,
    },
    /// Pairs begun in or after `from` and known to exist on `date` (a year filter under a
    /// date cut: "new since 2015" in a report of 2018).
    SinceKnownBy {
        /// First year.
        from: i32,
        /// The day of the cut.
        date: PartialDate,
    },
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope {
    /// Whose ties.
    pub reach: Reach,
    /// Which kinds.
    pub kinds: Kinds,
    /// Which years.
    pub period: Period,
    /// Other filters narrow it further (a country, a level, a status, a programme…).
    pub narrowed: bool,
}

impl Scope {
    /// Every kind, all years, no filter: what search suggestions and profiles count.
    pub const fn whole(reach: Reach) -> Scope {
        Scope { reach, kinds: Kinds::Every, period: Period::AllYears, narrowed: false }
    }

    /// The same scope for another reach.
    pub const fn with_reach(self, reach: Reach) -> Scope {
        Scope { reach, ..self }
    }
}

/// True when `pair` is among `place`'s ties under `reach` (a country reach ignores `place`).
pub fn reaches(dataset: &Dataset, pair: &Partnership, place: PlaceIdx, reach: Reach) -> bool {
    match reach {
        Reach::Own => pair.home == place || pair.partner == place,
        Reach::WithPlacesUnder => involves_place(dataset, pair, place, true),
        Reach::InCountry(c) => dataset.place(pair.partner).country == c,
        Reach::Everything => true,
    }
}

/// How many of `among` (every pair when `None`) are `place`'s ties under `reach`.
pub fn place_count(
    dataset: &Dataset,
    place: PlaceIdx,
    reach: Reach,
    among: Option<&[PairIdx]>,
) -> usize {
    match (reach, among) {
        (Reach::Own, None) => dataset.pairs_of(place).len(),
        (Reach::Own, Some(among)) => {
            dataset.pairs_of(place).iter().filter(|p| among.binary_search(p).is_ok()).count()
        }
        (_, None) => dataset
            .pair_indices()
            .filter(|p| reaches(dataset, dataset.partnership(*p), place, reach))
            .count(),
        (_, Some(among)) => among
            .iter()
            .filter(|p| reaches(dataset, dataset.partnership(**p), place, reach))
            .count(),
    }
}

/// How many of `among` (every pair when `None`) have a partner in `country`.
pub fn country_count(dataset: &Dataset, country: CountryIdx, among: Option<&[PairIdx]>) -> usize {
    let in_country =
        |p: &PairIdx| dataset.place(dataset.partnership(*p).partner).country == country;
    match among {
        None => dataset.pair_indices().filter(in_country).count(),
        Some(among) => among.iter().filter(|p| in_country(p)).count(),
    }
}

/// A place's counts, each with its reach: its own ties, then (when places under it have ties
/// of their own) the ties with the places under it.
pub fn place_reaches(
    dataset: &Dataset,
    place: PlaceIdx,
    among: Option<&[PairIdx]>,
) -> Vec<(Reach, usize)> {
    let mut out = vec![(Reach::Own, place_count(dataset, place, Reach::Own, among))];
    if has_places_under(dataset, place) {
        out.push((
            Reach::WithPlacesUnder,
            place_count(dataset, place, Reach::WithPlacesUnder, among),
        ));
    }
    out
}

/// True when a place under `place` is the Chinese side of some tie (a province with cities
/// that have partners; never a city whose districts have none).
pub fn has_places_under(dataset: &Dataset, place: PlaceIdx) -> bool {
    dataset.pair_indices().any(|p| {
        let home = dataset.partnership(p).home;
        home != place && dataset.is_within(home, place)
    })
}

/// The reach a place's headline count takes: with the places under it when it has any, else
/// its own (the same number).
pub fn main_reach(dataset: &Dataset, place: PlaceIdx) -> Reach {
    if has_places_under(dataset, place) { Reach::WithPlacesUnder } else { Reach::Own }
}

/// The kinds a kind filter keeps.
pub fn kinds_of(filters: &Filters) -> Kinds {
    let kinds: Vec<Kind> = filters.kinds.iter().copied().collect();
    match kinds.as_slice() {
        [] => Kinds::Every,
        [Kind::Sister] => Kinds::Formal,
        [Kind::Sister, Kind::Friendly, Kind::Unknown] => Kinds::Established,
        [one] => Kinds::One(*one),
        _ if kinds.len() == Kind::ALL.len() => Kinds::Every,
        _ => Kinds::Several,
    }
}

/// The years the year filter, the date cut (`by=`) and the playback keep. A date cut names
/// its day (never "all years": the ties after it are not counted).
pub fn period_of(filters: &Filters, play_year: Option<i32>) -> Period {
    if let Some(date) = filters.known_by {
        return match (filters.years, play_year) {
            (Some(r), _) => Period::SinceKnownBy { from: r.from(), date },
            (None, Some(year)) if year < date.year() => Period::UpTo(year),
            (None, _) => Period::KnownBy { date, undated: filters.include_undated },
        };
    }
    match (filters.years, play_year) {
        (None, None) => Period::AllYears,
        (None, Some(year)) => Period::UpTo(year),
        (Some(r), None) => {
            Period::Between { from: r.from(), to: r.to(), undated: filters.include_undated }
        }
        (Some(r), Some(year)) => {
            Period::Between { from: r.from(), to: r.to().min(year), undated: false }
        }
    }
}

/// The scope of the pairs on show (the filters and the playback year): the reach a single
/// place, province or country filter gives (else everything), the kinds and years kept, and
/// whether any other filter narrows them.
pub fn selection_scope(dataset: &Dataset, filters: &Filters, play_year: Option<i32>) -> Scope {
    let place = filters.place.as_deref().and_then(|id| dataset.place_by_id(id));
    let province = match filters.provinces.len() {
        1 => filters.provinces.iter().next().and_then(|id| dataset.place_by_id(id)),
        _ => None,
    };
    let country = match filters.countries.len() {
        1 => filters.countries.iter().next().and_then(|iso| dataset.country_by_iso(iso)),
        _ => None,
    };
    // A place with no place under it that has ties counts its own ties either way.
    let (reach, used): (Reach, &[Dimension]) = match (place, province, country) {
        (Some(p), _, _) if filters.provinces.is_empty() => {
            let reach =
                if filters.place_with_children { main_reach(dataset, p) } else { Reach::Own };
            (reach, &[Dimension::Place])
        }
        (None, Some(p), _) => (main_reach(dataset, p), &[Dimension::Province]),
        (None, None, Some(c)) if filters.provinces.is_empty() => {
            (Reach::InCountry(c), &[Dimension::Country])
        }
        _ => (Reach::Everything, &[]),
    };
    Scope {
        reach,
        kinds: kinds_of(filters),
        period: period_of(filters, play_year),
        narrowed: narrowed_by(filters, used),
    }
}

/// The scope of one place's or country's ties among the pairs on show: `reach`, with the
/// kinds and years of the filters, narrowed by any other filter (a place or country filter
/// included).
pub fn among_shown(reach: Reach, filters: &Filters, play_year: Option<i32>) -> Scope {
    Scope {
        reach,
        kinds: kinds_of(filters),
        period: period_of(filters, play_year),
        narrowed: narrowed_by(filters, &[]),
    }
}

/// True when a filter other than the kinds, the years, the date cut (the period names them)
/// and `used` is set.
fn narrowed_by(filters: &Filters, used: &[Dimension]) -> bool {
    active_dimensions(filters).iter().any(|d| {
        !matches!(d, Dimension::Kind | Dimension::Years | Dimension::KnownBy) && !used.contains(d)
    })
}

/// True when a pair of this kind falls under `kinds`.
pub fn kind_counts(kinds: Kinds, kind: Kind) -> bool {
    match kinds {
        Kinds::Every | Kinds::Several => true,
        Kinds::Formal => kind == Kind::Sister,
        Kinds::Established => kind != Kind::Intent,
        Kinds::One(k) => kind == k,
    }
}

/// True when a pair is known to exist on `date`: it began on or before it (a date known only
/// to the year or month counts when that year or month is not after `date`'s).
pub fn known_by(pair: &Partnership, date: PartialDate) -> bool {
    pair.first_date().is_some_and(|d| d <= date)
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
    fn a_province_counts_its_own_ties_and_with_the_places_under_it() {
        let d = fixture();
        let shaanxi = d.place_by_id("cn-shaanxi").expect("Shaanxi");
        // The province has no tie of its own; Xi'an and Yan'an under it have three.
        assert_eq!(
            place_reaches(&d, shaanxi, None),
            [(Reach::Own, 0), (Reach::WithPlacesUnder, 3)]
        );
        assert_eq!(main_reach(&d, shaanxi), Reach::WithPlacesUnder);
        // A city with no place under it has one count: its own.
        let xian = d.place_by_id("cn-xian").expect("Xi'an");
        assert_eq!(place_reaches(&d, xian, None), [(Reach::Own, 1)]);
        assert_eq!(main_reach(&d, xian), Reach::Own);
        // A partner place counts the ties where it is the partner.
        let nara = d.place_by_id("jp-nara").expect("Nara");
        assert_eq!(place_reaches(&d, nara, None), [(Reach::Own, 1)]);
        let japan = d.country_by_iso("JP").expect("Japan");
        assert_eq!(country_count(&d, japan, None), 1);
    }

    #[test]
    fn counts_among_the_pairs_on_show_agree_with_the_filters() {
        let d = fixture();
        let shaanxi = d.place_by_id("cn-shaanxi").expect("Shaanxi");
        let mut f = Filters { place: Some("cn-shaanxi".into()), ..Filters::default() };
        let selection = apply(&d, &f);
        // The place filter keeps exactly the province's ties with the places under it.
        assert_eq!(
            place_count(&d, shaanxi, Reach::WithPlacesUnder, Some(&selection.pairs)),
            selection.pairs.len()
        );
        assert_eq!(selection_scope(&d, &f, None).reach, Reach::WithPlacesUnder);
        // Xi'an has no place under it with ties: its filter counts its own ties.
        let xian = Filters { place: Some("cn-xian".into()), ..Filters::default() };
        assert_eq!(selection_scope(&d, &xian, None).reach, Reach::Own);
        f.place_with_children = false;
        assert_eq!(selection_scope(&d, &f, None).reach, Reach::Own);
        let selection = apply(&d, &f);
        assert_eq!(
            place_count(&d, shaanxi, Reach::Own, Some(&selection.pairs)),
            selection.pairs.len()
        );
    }

    #[test]
    fn the_scope_of_a_selection_names_its_kinds_years_and_other_filters() {
        let d = fixture();
        let none = selection_scope(&d, &Filters::default(), None);
        assert_eq!(none, Scope::whole(Reach::Everything));
        let mut f = Filters::default();
        f.kinds.insert(Kind::Sister);
        f.countries.insert("JP".into());
        let japan = d.country_by_iso("JP").expect("Japan");
        let s = selection_scope(&d, &f, Some(1990));
        assert_eq!(
            s,
            Scope {
                reach: Reach::InCountry(japan),
                kinds: Kinds::Formal,
                period: Period::UpTo(1990),
                narrowed: false
            }
        );
        // Counted among the pairs on show, a place's ties are narrowed by the country filter.
        assert!(among_shown(Reach::Own, &f, None).narrowed);
        f.years = YearRange::new(1980, 2000);
        assert_eq!(
            selection_scope(&d, &f, None).period,
            Period::Between { from: 1980, to: 2000, undated: true }
        );
        assert_eq!(
            selection_scope(&d, &f, Some(1990)).period,
            Period::Between { from: 1980, to: 1990, undated: false }
        );
        // A date cut names its day, with or without a year filter.
        let day: PartialDate = "2018-05-29".parse().expect("date");
        f.known_by = Some(day);
        assert_eq!(
            selection_scope(&d, &f, None).period,
            Period::SinceKnownBy { from: 1980, date: day }
        );
        f.years = None;
        // The cut keeps the undated pairs while the year filter keeps them, and says so.
        assert_eq!(
            selection_scope(&d, &f, None).period,
            Period::KnownBy { date: day, undated: true }
        );
        f.include_undated = false;
        assert_eq!(
            selection_scope(&d, &f, None).period,
            Period::KnownBy { date: day, undated: false }
        );
        f.include_undated = true;
        assert_eq!(selection_scope(&d, &f, Some(2010)).period, Period::UpTo(2010));
        f.known_by = None;
        f.statuses.insert(crate::model::format::dataset::Status::Active);
        assert!(selection_scope(&d, &f, None).narrowed);
        f.kinds.insert(Kind::Intent);
        assert_eq!(kinds_of(&f), Kinds::Several);
    }

    #[test]
    fn a_pair_is_known_by_a_date_when_it_began_on_or_before_it() {
        let d = fixture();
        let nara = d.partnership(d.pair_by_id("p-xian-nara").expect("pair"));
        let date = |s: &str| s.parse::<PartialDate>().expect("date");
        assert!(known_by(nara, date("1974")));
        assert!(known_by(nara, date("2018-05-29")));
        assert!(!known_by(nara, date("1973-12-31")));
        assert!(kind_counts(Kinds::Formal, Kind::Sister));
        assert!(!kind_counts(Kinds::Formal, Kind::Unknown));
    }
}
