//! Filters: which partnerships the user is looking at.
//!
//! Dimensions combine with AND; values within a dimension with OR. Every dimension also
//! reports how many pairs each of its values would give with the *other* filters applied
//! (the counts beside each choice), computed in one pass.
//!
//! ```
//! use youcheng::model::filter::{Filters, apply};
//! use youcheng::model::load::load;
//! # let text = include_str!("../../tests/fixtures/small.json");
//! let loaded = load(text).unwrap();
//! let mut filters = Filters::default();
//! filters.countries.insert("JP".to_owned());
//! assert_eq!(apply(&loaded.dataset, &filters).pairs.len(), 1); // Xi'an–Nara
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::dataset::{Continent, Dataset, Kind, Level, PairIdx, Partnership, ScoStatus, Status};

/// When a programme's membership is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgrammeTime {
    /// The partner country is a member today.
    Now,
    /// The partner country was a member in the year the partnership began (undated pairs
    /// cannot be placed, so they do not match).
    AtSigning,
}

impl ProgrammeTime {
    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ProgrammeTime::Now => "now",
            ProgrammeTime::AtSigning => "signing",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<ProgrammeTime> {
        match text {
            "now" => Some(ProgrammeTime::Now),
            "signing" => Some(ProgrammeTime::AtSigning),
            _ => None,
        }
    }
}

/// An inclusive range of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YearRange {
    from: i32,
    to: i32,
}

impl YearRange {
    /// A range, or `None` when `from` is after `to`.
    pub fn new(from: i32, to: i32) -> Option<YearRange> {
        (from <= to).then_some(YearRange { from, to })
    }

    /// First year.
    pub fn from(self) -> i32 {
        self.from
    }

    /// Last year.
    pub fn to(self) -> i32 {
        self.to
    }

    /// True when `year` is inside.
    pub fn contains(self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

/// Every filter the user can set. The default shows everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Province-level home places (ids).
    pub provinces: BTreeSet<String>,
    /// One home place (id).
    pub place: Option<String>,
    /// With `place`: also every place under it.
    pub place_with_children: bool,
    /// Home-side levels.
    pub levels: BTreeSet<Level>,
    /// Partner countries (ISO codes).
    pub countries: BTreeSet<String>,
    /// Partner continents.
    pub continents: BTreeSet<Continent>,
    /// Partner is a Belt and Road country (now or at signing).
    pub bri: Option<ProgrammeTime>,
    /// Partner country's SCO status (any of these).
    pub sco: BTreeSet<ScoStatus>,
    /// When the SCO status is checked.
    pub sco_time: ProgrammeTime,
    /// Relationship types.
    pub kinds: BTreeSet<Kind>,
    /// Statuses.
    pub statuses: BTreeSet<Status>,
    /// Years the relationship began.
    pub years: Option<YearRange>,
    /// With `years`: keep pairs whose year is unknown.
    pub include_undated: bool,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            provinces: BTreeSet::new(),
            place: None,
            place_with_children: true,
            levels: BTreeSet::new(),
            countries: BTreeSet::new(),
            continents: BTreeSet::new(),
            bri: None,
            sco: BTreeSet::new(),
            sco_time: ProgrammeTime::Now,
            kinds: BTreeSet::new(),
            statuses: BTreeSet::new(),
            years: None,
            include_undated: true,
        }
    }
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A filter dimension, for facet counts and removable chips.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// Home province.
    Province,
    /// Home place.
    Place,
    /// Home level.
    Level,
    /// Partner country.
    Country,
    /// Partner continent.
    Continent,
    /// Belt and Road.
    Bri,
    /// SCO.
    Sco,
    /// Type.
    Kind,
    /// Status.
    Status,
    /// Years.
    Years,
}

const DIMENSIONS: [Dimension; 10] = [
    Dimension::Province,
    Dimension::Place,
    Dimension::Level,
    Dimension::Country,
    Dimension::Continent,
    Dimension::Bri,
    Dimension::Sco,
    Dimension::Kind,
    Dimension::Status,
    Dimension::Years,
];

fn bit(d: Dimension) -> u16 {
    1 << DIMENSIONS.iter().position(|x| *x == d).unwrap_or(0)
}

/// The result of filtering.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The partnerships that pass every filter, in dataset order.
    pub pairs: Vec<PairIdx>,
    /// For each dimension, how many pairs each value would give with the other filters.
    pub facets: Facets,
}

/// Counts per value, per dimension.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    /// By home province id.
    pub provinces: BTreeMap<String, usize>,
    /// By home level.
    pub levels: BTreeMap<Level, usize>,
    /// By partner country ISO code.
    pub countries: BTreeMap<String, usize>,
    /// By partner continent.
    pub continents: BTreeMap<Continent, usize>,
    /// Belt and Road countries (with the current "now / at signing" choice).
    pub bri: usize,
    /// By SCO status (with the current time choice).
    pub sco: BTreeMap<ScoStatus, usize>,
    /// By type.
    pub kinds: BTreeMap<Kind, usize>,
    /// By status.
    pub statuses: BTreeMap<Status, usize>,
    /// With the year filter removed: how many have no known year.
    pub undated: usize,
}

struct Evaluated {
    failed: u16,
}

fn evaluate(dataset: &Dataset, filters: &Filters, pair: &Partnership) -> Evaluated {
    let mut failed = 0u16;
    let home = pair.home;
    let partner_country = dataset.country_of(pair.partner);
    if !filters.provinces.is_empty() {
        let province = dataset.province_of(home).map(|p| dataset.place(p).id.as_str());
        if !province.is_some_and(|p| filters.provinces.contains(p)) {
            failed |= bit(Dimension::Province);
        }
    }
    if let Some(place_id) = &filters.place {
        let ok = match dataset.place_by_id(place_id) {
            Some(root) if filters.place_with_children => {
                dataset.is_within(home, root) || pair.partner == root
            }
            Some(root) => home == root || pair.partner == root,
            None => false,
        };
        if !ok {
            failed |= bit(Dimension::Place);
        }
    }
    if !filters.levels.is_empty() && !filters.levels.contains(&dataset.place(home).level) {
        failed |= bit(Dimension::Level);
    }
    if !filters.countries.is_empty() && !filters.countries.contains(&partner_country.iso) {
        failed |= bit(Dimension::Country);
    }
    if !filters.continents.is_empty()
        && !partner_country.continent.is_some_and(|c| filters.continents.contains(&c))
    {
        failed |= bit(Dimension::Continent);
    }
    let year = pair.first_year();
    if let Some(time) = filters.bri {
        let ok = match time {
            ProgrammeTime::Now => partner_country.bri_now(),
            ProgrammeTime::AtSigning => year.is_some_and(|y| partner_country.bri_in(y)),
        };
        if !ok {
            failed |= bit(Dimension::Bri);
        }
    }
    if !filters.sco.is_empty() {
        let status = match filters.sco_time {
            ProgrammeTime::Now => partner_country.sco_status_now(),
            ProgrammeTime::AtSigning => year.and_then(|y| partner_country.sco_status_in(y)),
        };
        if !status.is_some_and(|s| filters.sco.contains(&s)) {
            failed |= bit(Dimension::Sco);
        }
    }
    if !filters.kinds.is_empty() && !filters.kinds.contains(&pair.kind) {
        failed |= bit(Dimension::Kind);
    }
    if !filters.statuses.is_empty() && !filters.statuses.contains(&pair.status) {
        failed |= bit(Dimension::Status);
    }
    if let Some(range) = filters.years {
        let ok = match year {
            Some(y) => range.contains(y),
            None => filters.include_undated,
        };
        if !ok {
            failed |= bit(Dimension::Years);
        }
    }
    Evaluated { failed }
}

/// Applies the filters and counts the facets.
pub fn apply(dataset: &Dataset, filters: &Filters) -> Selection {
    let mut selection = Selection::default();
    let facets = &mut selection.facets;
    for (i, pair) in dataset.partnerships().iter().enumerate() {
        let Evaluated { failed } = evaluate(dataset, filters, pair);
        if failed == 0 {
            selection.pairs.push(PairIdx(i as u32));
        }
        // A pair counts towards a dimension's values when it passes every other dimension.
        let passes_except = |d: Dimension| failed & !bit(d) == 0;
        let country = dataset.country_of(pair.partner);
        let year = pair.first_year();
        if passes_except(Dimension::Province)
            && let Some(p) = dataset.province_of(pair.home)
        {
            *facets.provinces.entry(dataset.place(p).id.clone()).or_default() += 1;
        }
        if passes_except(Dimension::Level) {
            *facets.levels.entry(dataset.place(pair.home).level).or_default() += 1;
        }
        if passes_except(Dimension::Country) {
            *facets.countries.entry(country.iso.clone()).or_default() += 1;
        }
        if passes_except(Dimension::Continent)
            && let Some(c) = country.continent
        {
            *facets.continents.entry(c).or_default() += 1;
        }
        if passes_except(Dimension::Bri) {
            let time = filters.bri.unwrap_or(ProgrammeTime::Now);
            let member = match time {
                ProgrammeTime::Now => country.bri_now(),
                ProgrammeTime::AtSigning => year.is_some_and(|y| country.bri_in(y)),
            };
            if member {
                facets.bri += 1;
            }
        }
        if passes_except(Dimension::Sco) {
            let status = match filters.sco_time {
                ProgrammeTime::Now => country.sco_status_now(),
                ProgrammeTime::AtSigning => year.and_then(|y| country.sco_status_in(y)),
            };
            if let Some(s) = status {
                *facets.sco.entry(s).or_default() += 1;
            }
        }
        if passes_except(Dimension::Kind) {
            *facets.kinds.entry(pair.kind).or_default() += 1;
        }
        if passes_except(Dimension::Status) {
            *facets.statuses.entry(pair.status).or_default() += 1;
        }
        if passes_except(Dimension::Years) && year.is_none() {
            facets.undated += 1;
        }
    }
    selection
}

/// The filters with one dimension cleared (for a chip's remove button and for chart clicks).
pub fn without(filters: &Filters, dimension: Dimension) -> Filters {
    let mut f = filters.clone();
    let d = Filters::default();
    match dimension {
        Dimension::Province => f.provinces = d.provinces,
        Dimension::Place => {
            f.place = None;
            f.place_with_children = true;
        }
        Dimension::Level => f.levels = d.levels,
        Dimension::Country => f.countries = d.countries,
        Dimension::Continent => f.continents = d.continents,
        Dimension::Bri => f.bri = None,
        Dimension::Sco => {
            f.sco = d.sco;
            f.sco_time = d.sco_time;
        }
        Dimension::Kind => f.kinds = d.kinds,
        Dimension::Status => f.statuses = d.statuses,
        Dimension::Years => {
            f.years = None;
            f.include_undated = true;
        }
    }
    f
}

/// The dimensions that are set, in display order.
pub fn active_dimensions(filters: &Filters) -> Vec<Dimension> {
    DIMENSIONS.iter().copied().filter(|d| without(filters, *d) != *filters).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[track_caller]
    fn check(filters: &Filters, expect: &[&str]) {
        let d = fixture();
        let got: Vec<&str> =
            apply(&d, filters).pairs.iter().map(|p| d.partnership(*p).id.as_str()).collect();
        assert_eq!(got, expect);
    }

    fn with(f: impl FnOnce(&mut Filters)) -> Filters {
        let mut filters = Filters::default();
        f(&mut filters);
        filters
    }

    #[test]
    fn no_filter_keeps_everything() {
        check(
            &Filters::default(),
            &[
                "p-xian-nara",
                "p-yanan-kc",
                "p-yanan-trier",
                "p-changning-sovetsky",
                "p-shanghai-sf",
            ],
        );
    }

    #[test]
    fn province_and_place_filters_include_places_under_them() {
        check(
            &with(|f| _ = f.provinces.insert("cn-shaanxi".into())),
            &["p-xian-nara", "p-yanan-kc", "p-yanan-trier"],
        );
        check(
            &with(|f| _ = f.provinces.insert("cn-shanghai".into())),
            &["p-changning-sovetsky", "p-shanghai-sf"],
        );
        check(
            &with(|f| f.place = Some("cn-shanghai".into())),
            &["p-changning-sovetsky", "p-shanghai-sf"],
        );
        check(
            &with(|f| {
                f.place = Some("cn-shanghai".into());
                f.place_with_children = false;
            }),
            &["p-shanghai-sf"],
        );
        check(&with(|f| f.place = Some("cn-nowhere".into())), &[]);
    }

    #[test]
    fn partner_side_filters() {
        check(&with(|f| _ = f.countries.insert("US".into())), &["p-yanan-kc", "p-shanghai-sf"]);
        check(
            &with(|f| _ = f.continents.insert(Continent::Europe)),
            &["p-yanan-trier", "p-changning-sovetsky"],
        );
        check(&with(|f| f.bri = Some(ProgrammeTime::Now)), &["p-changning-sovetsky"]);
        // Belarus signed its BRI document in 2014; the pair of 2021 was signed after it.
        check(&with(|f| f.bri = Some(ProgrammeTime::AtSigning)), &["p-changning-sovetsky"]);
        // Belarus is an SCO member now, but was an observer in 2021.
        check(&with(|f| _ = f.sco.insert(ScoStatus::Member)), &["p-changning-sovetsky"]);
        check(
            &with(|f| {
                f.sco.insert(ScoStatus::Member);
                f.sco_time = ProgrammeTime::AtSigning;
            }),
            &[],
        );
        check(
            &with(|f| {
                f.sco.insert(ScoStatus::Observer);
                f.sco_time = ProgrammeTime::AtSigning;
            }),
            &["p-changning-sovetsky"],
        );
    }

    #[test]
    fn relationship_and_time_filters() {
        check(&with(|f| _ = f.kinds.insert(Kind::Intent)), &["p-yanan-trier"]);
        check(&with(|f| _ = f.statuses.insert(Status::Pending)), &["p-yanan-trier"]);
        check(
            &with(|f| f.years = YearRange::new(2017, 2021)),
            &["p-yanan-kc", "p-yanan-trier", "p-changning-sovetsky", "p-shanghai-sf"],
        );
        check(
            &with(|f| {
                f.years = YearRange::new(2017, 2021);
                f.include_undated = false;
            }),
            &["p-yanan-kc", "p-yanan-trier", "p-changning-sovetsky"],
        );
        check(&with(|f| f.years = YearRange::new(1970, 1980)), &["p-xian-nara", "p-shanghai-sf"]);
        assert!(YearRange::new(2030, 1990).is_none());
    }

    #[test]
    fn facets_count_each_value_with_the_other_filters() {
        let d = fixture();
        let filters = with(|f| _ = f.countries.insert("US".into()));
        let s = apply(&d, &filters);
        // The country facet ignores the country filter itself: every country keeps its count.
        assert_eq!(s.facets.countries.get("JP"), Some(&1));
        assert_eq!(s.facets.countries.get("US"), Some(&2));
        // Other facets are restricted to the US pairs.
        assert_eq!(s.facets.provinces.get("cn-shaanxi"), Some(&1));
        assert_eq!(s.facets.provinces.get("cn-shanghai"), Some(&1));
        assert_eq!(s.facets.kinds.get(&Kind::Sister), Some(&2));
        assert_eq!(s.facets.undated, 1);
    }

    #[test]
    fn chips_remove_one_dimension() {
        let filters = with(|f| {
            f.countries.insert("US".into());
            f.years = YearRange::new(2000, 2020);
        });
        assert_eq!(active_dimensions(&filters), vec![Dimension::Country, Dimension::Years]);
        assert_eq!(
            active_dimensions(&without(&filters, Dimension::Years)),
            vec![Dimension::Country]
        );
        assert!(without(&without(&filters, Dimension::Years), Dimension::Country).is_empty());
    }
}
