//! Filters: which partnerships the user is looking at.
//!
//! Dimensions combine with AND; values within a dimension with OR. Every dimension also
//! reports how many pairs each of its values would give with the *other* filters applied
//! (the counts beside each choice), computed in one pass.
//!
//! ```
//! use youcheng::model::ask::filter::{Filters, apply};
//! use youcheng::model::format::load::load;
//! # let text = include_str!("../../../tests/fixtures/small.json");
//! let loaded = load(text).unwrap();
//! let mut filters = Filters::default();
//! filters.countries.insert("JP".to_owned());
//! assert_eq!(apply(&loaded.dataset, &filters).pairs.len(), 1); // Xi'an–Nara
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::on_date::{Standing, bri_on, sco_on, standing_on};
use crate::model::format::dataset::{
    Continent, Country, Dataset, Kind, Level, PairIdx, Partnership, PlaceIdx, ScoStatus, Status,
};
use crate::model::format::date::PartialDate;
use crate::model::format::iso::is_country_code;
use crate::model::format::text::{is_id, is_pair_id};
use crate::model::i18n::{Locale, continent_label, fill, kind_label, level_label, status_label};

/// When a programme's membership is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgrammeTime {
    /// The partner country is a member today, or on the day of the date cut when one is set
    /// ([`Filters::known_by`]: everything is then read as it stood on that day).
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
    /// Keep pairs whose year is unknown (with or without a year range or a date cut).
    pub include_undated: bool,
    /// Keep pairs a reviewed source contradicts (`disputed`); `disputed=0` hides them.
    pub include_disputed: bool,
    /// The date cut: only ties known to have been in force on this day (or on the last day of
    /// this month or year), with their kind and programmes as they stood then
    /// ([`crate::model::ask::on_date`]). Undated pairs follow `include_undated`.
    pub known_by: Option<PartialDate>,
    /// Only these partnerships (ids): a single pair or a named set, such as the pairs signed at
    /// one forum. Empty: no such filter.
    pub only: BTreeSet<String>,
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
            include_disputed: true,
            known_by: None,
            only: BTreeSet::new(),
        }
    }
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Reads one URL parameter into the filters: `None` when `key` is not a filter's,
    /// `Some(Err(expected))` when the value is malformed (the text says what was expected).
    pub fn read_param(&mut self, key: &str, value: &str) -> Option<Result<(), &'static str>> {
        if let Some(dim) = SetDim::ALL.into_iter().find(|d| d.key() == key) {
            return Some(dim.read(self, value).ok_or(dim.expected()));
        }
        let result = match key {
            "prov" => parse_list(value, |s| is_id(s).then(|| s.to_owned()))
                .map(|list| self.provinces = list.into_iter().collect())
                .ok_or("province ids"),
            "in" => is_id(value).then(|| self.place = Some(value.to_owned())).ok_or("a place id"),
            "sub" => parse_flag(value).map(|v| self.place_with_children = v).ok_or("0 or 1"),
            "cty" => parse_list(value, |s| is_country_code(s).then(|| s.to_owned()))
                .map(|list| self.countries = list.into_iter().collect())
                .ok_or("ISO country codes"),
            "bri" => {
                ProgrammeTime::parse(value).map(|t| self.bri = Some(t)).ok_or("now or signing")
            }
            "sco" => parse_list(value, ScoStatus::parse)
                .map(|list| self.sco = list.into_iter().collect())
                .ok_or("member, observer or dialogue_partner"),
            "scot" => {
                ProgrammeTime::parse(value).map(|t| self.sco_time = t).ok_or("now or signing")
            }
            "yr" => parse_year_range(value)
                .map(|r| self.years = Some(r))
                .ok_or("a year range such as 1990-2018 (first year not after the last)"),
            "undated" => parse_flag(value).map(|v| self.include_undated = v).ok_or("0 or 1"),
            "disputed" => parse_flag(value).map(|v| self.include_disputed = v).ok_or("0 or 1"),
            "by" => parse_day(value)
                .map(|d| self.known_by = Some(d))
                .ok_or("a date such as 2018-05-29 (or 2018-05, 2018)"),
            "only" => parse_list(value, |s| is_pair_id(s).then(|| s.to_owned()))
                .filter(|list| !list.is_empty() && list.len() <= MAX_ONLY)
                .map(|list| self.only = list.into_iter().collect())
                .ok_or("partnership ids separated by commas"),
            _ => return None,
        };
        Some(result)
    }

    /// The filters as URL parameters in canonical order (the order of [`Dimension`]), with
    /// defaults left out. Values are not yet percent-encoded.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let d = Filters::default();
        for dimension in DIMENSIONS {
            if let Some(dim) = SetDim::of(dimension) {
                let values = dim.selected(self);
                if !values.is_empty() {
                    out.push((dim.key(), values.join(",")));
                }
                continue;
            }
            match dimension {
                Dimension::Province if !self.provinces.is_empty() => {
                    out.push(("prov", join(&self.provinces)))
                }
                Dimension::Place => {
                    if let Some(place) = &self.place {
                        out.push(("in", place.clone()));
                    }
                    if self.place_with_children != d.place_with_children {
                        out.push(("sub", "0".into()));
                    }
                }
                Dimension::Country if !self.countries.is_empty() => {
                    out.push(("cty", join(&self.countries)))
                }
                Dimension::Bri => {
                    if let Some(t) = self.bri {
                        out.push(("bri", t.as_str().into()));
                    }
                }
                Dimension::Sco => {
                    if !self.sco.is_empty() {
                        let list: Vec<&str> = self.sco.iter().map(|s| s.as_str()).collect();
                        out.push(("sco", list.join(",")));
                    }
                    if self.sco_time != d.sco_time {
                        out.push(("scot", self.sco_time.as_str().into()));
                    }
                }
                Dimension::Years => {
                    if let Some(r) = self.years {
                        out.push(("yr", format!("{}-{}", r.from(), r.to())));
                    }
                    if self.include_undated != d.include_undated {
                        out.push(("undated", "0".into()));
                    }
                }
                Dimension::Disputed if !self.include_disputed => out.push(("disputed", "0".into())),
                Dimension::KnownBy => {
                    if let Some(day) = self.known_by {
                        out.push(("by", day.to_string()));
                    }
                }
                Dimension::Pairs if !self.only.is_empty() => out.push(("only", join(&self.only))),
                _ => {}
            }
        }
        out
    }
}

fn join(items: &BTreeSet<String>) -> String {
    items.iter().map(String::as_str).collect::<Vec<_>>().join(",")
}

fn parse_list<T>(value: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    value.split(',').filter(|s| !s.is_empty()).map(parse).collect()
}

fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    }
}

/// The most partnerships `only=` may list (a named set, not a whole selection).
pub const MAX_ONLY: usize = 200;

fn parse_day(value: &str) -> Option<PartialDate> {
    value.parse::<PartialDate>().ok().filter(|d| (1800..=2100).contains(&d.year()))
}

fn parse_year_range(value: &str) -> Option<YearRange> {
    let (a, b) = value.split_once('-')?;
    let (a, b) = (a.parse::<i32>().ok()?, b.parse::<i32>().ok()?);
    let ok = (1800..=2100).contains(&a) && (1800..=2100).contains(&b);
    ok.then(|| YearRange::new(a, b)).flatten()
}

/// The home levels the level filter offers: the four levels of most Chinese homes, and
/// [`Level::Other`] for every other one (towns and subdistricts, special zones and new areas,
/// a place whose level the sources leave unknown), so that the options' counts add up to the
/// pairs shown.
pub const LEVELS_OFFERED: [Level; 5] =
    [Level::Province, Level::Prefecture, Level::County, Level::District, Level::Other];

/// The level filter's option for a home of `level` (rule `filter_level`): its own level when
/// the filter offers it, else [`Level::Other`].
pub fn filter_level(level: Level) -> Level {
    if LEVELS_OFFERED.contains(&level) { level } else { Level::Other }
}

/// Where a filter's controls sit in the filter panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The Chinese side (province, place, level).
    Home,
    /// The partner side (country, continent, programmes).
    Partner,
    /// The relationship (type, status).
    Relationship,
}

/// A filter dimension over a closed set of values, shown as a group of checkboxes with a count
/// beside each value. Everything the rest of the app needs to know about one (URL key, the
/// values offered, their labels, the panel section, its facet counts) is answered here, so the
/// filter panel, the chips, the URL codec and the descriptions handle every such dimension
/// alike. Adding one touches this file and the string catalogue (`docs/developers.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetDim {
    /// Home-side administrative level.
    Level,
    /// Partner continent.
    Continent,
    /// Relationship type.
    Kind,
    /// Relationship status.
    Status,
}

impl SetDim {
    /// Every set dimension, in panel order.
    pub const ALL: [SetDim; 4] = [SetDim::Level, SetDim::Continent, SetDim::Kind, SetDim::Status];

    /// The set dimension behind a [`Dimension`], if it is one.
    pub fn of(dimension: Dimension) -> Option<SetDim> {
        SetDim::ALL.into_iter().find(|d| d.dimension() == dimension)
    }

    /// The filter dimension.
    pub fn dimension(self) -> Dimension {
        match self {
            SetDim::Level => Dimension::Level,
            SetDim::Continent => Dimension::Continent,
            SetDim::Kind => Dimension::Kind,
            SetDim::Status => Dimension::Status,
        }
    }

    /// The URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            SetDim::Level => "lvl",
            SetDim::Continent => "cont",
            SetDim::Kind => "type",
            SetDim::Status => "status",
        }
    }

    /// What a malformed URL value should have been (shown in the notice).
    pub fn expected(self) -> &'static str {
        match self {
            SetDim::Level => "levels",
            SetDim::Continent => "continent codes",
            SetDim::Kind => "sister, friendly, intent or unknown",
            SetDim::Status => "active, ended or pending",
        }
    }

    /// The panel section its checkboxes sit in.
    pub fn section(self) -> Section {
        match self {
            SetDim::Level => Section::Home,
            SetDim::Continent => Section::Partner,
            SetDim::Kind | SetDim::Status => Section::Relationship,
        }
    }

    /// A stable name for tests (`data-testid`).
    pub fn testid(self) -> &'static str {
        match self {
            SetDim::Level => "level-filter",
            SetDim::Continent => "continent-filter",
            SetDim::Kind => "type-filter",
            SetDim::Status => "status-filter",
        }
    }

    /// The group's legend in the UI language.
    pub fn legend(self, locale: Locale) -> &'static str {
        let m = locale.messages();
        match self {
            SetDim::Level => m.filter_level,
            SetDim::Continent => m.filter_continent,
            SetDim::Kind => m.filter_type,
            SetDim::Status => m.filter_status,
        }
    }

    /// The values offered, as their URL spellings, in display order.
    pub fn values(self) -> Vec<&'static str> {
        match self {
            // The levels a Chinese place can have, and the rest together (`filter_level`).
            SetDim::Level => LEVELS_OFFERED.map(Level::as_str).to_vec(),
            SetDim::Continent => [
                Continent::Asia,
                Continent::Europe,
                Continent::Africa,
                Continent::NorthAmerica,
                Continent::SouthAmerica,
                Continent::Oceania,
            ]
            .map(Continent::as_str)
            .to_vec(),
            SetDim::Kind => Kind::ALL.iter().map(|k| k.as_str()).collect(),
            SetDim::Status => Status::ALL.iter().map(|s| s.as_str()).collect(),
        }
    }

    /// The label of a value (its URL spelling) in the UI language; the spelling itself when
    /// it is not a value of this dimension.
    pub fn label(self, locale: Locale, value: &str) -> String {
        let label = match self {
            SetDim::Level => Level::parse(value).map(|v| match filter_level(v) {
                Level::Other => locale.messages().filter_level_other,
                v => level_label(locale, v),
            }),
            SetDim::Continent => Continent::parse(value).map(|v| continent_label(locale, v)),
            SetDim::Kind => Kind::parse(value).map(|v| kind_label(locale, v)),
            SetDim::Status => Status::parse(value).map(|v| status_label(locale, v)),
        };
        label.map(str::to_owned).unwrap_or_else(|| value.to_owned())
    }

    /// The chosen values, as URL spellings, in their canonical order.
    pub fn selected(self, filters: &Filters) -> Vec<&'static str> {
        match self {
            SetDim::Level => filters.levels.iter().map(|v| v.as_str()).collect(),
            SetDim::Continent => filters.continents.iter().map(|v| v.as_str()).collect(),
            SetDim::Kind => filters.kinds.iter().map(|v| v.as_str()).collect(),
            SetDim::Status => filters.statuses.iter().map(|v| v.as_str()).collect(),
        }
    }

    /// True when `value` is chosen.
    pub fn is_selected(self, filters: &Filters, value: &str) -> bool {
        self.selected(filters).contains(&value)
    }

    /// Chooses `value`, or un-chooses it when it was chosen. Unknown values change nothing.
    pub fn toggle(self, filters: &mut Filters, value: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: Option<T>) {
            if let Some(v) = value
                && !set.remove(&v)
            {
                set.insert(v);
            }
        }
        match self {
            SetDim::Level => flip(&mut filters.levels, Level::parse(value).map(filter_level)),
            SetDim::Continent => flip(&mut filters.continents, Continent::parse(value)),
            SetDim::Kind => flip(&mut filters.kinds, Kind::parse(value)),
            SetDim::Status => flip(&mut filters.statuses, Status::parse(value)),
        }
    }

    /// Sets the chosen values from a URL value (`a,b`); `None` (nothing changed) when one is
    /// not a value of this dimension.
    fn read(self, filters: &mut Filters, value: &str) -> Option<()> {
        match self {
            SetDim::Level => {
                filters.levels =
                    parse_list(value, |v| Level::parse(v).map(filter_level))?.into_iter().collect()
            }
            SetDim::Continent => {
                filters.continents = parse_list(value, Continent::parse)?.into_iter().collect()
            }
            SetDim::Kind => filters.kinds = parse_list(value, Kind::parse)?.into_iter().collect(),
            SetDim::Status => {
                filters.statuses = parse_list(value, Status::parse)?.into_iter().collect()
            }
        }
        Some(())
    }

    /// How many pairs choosing `value` would give with the other filters.
    pub fn count(self, facets: &Facets, value: &str) -> usize {
        let count = match self {
            SetDim::Level => Level::parse(value).and_then(|v| facets.levels.get(&filter_level(v))),
            SetDim::Continent => Continent::parse(value).and_then(|v| facets.continents.get(&v)),
            SetDim::Kind => Kind::parse(value).and_then(|v| facets.kinds.get(&v)),
            SetDim::Status => Status::parse(value).and_then(|v| facets.statuses.get(&v)),
        };
        count.copied().unwrap_or(0)
    }
}

/// The span of years the year filter and the playback offer: from the earliest to the latest
/// year a partnership began; 1970–2025 when no partnership has a known year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearSpan {
    /// The first year offered.
    pub first: i32,
    /// The last year offered.
    pub last: i32,
}

/// The [`YearSpan`] of a dataset.
pub fn year_span(dataset: &Dataset) -> YearSpan {
    let years = dataset.partnerships().iter().filter_map(Partnership::first_year);
    let (first, last) = years.fold((None, None), |(lo, hi): (Option<i32>, Option<i32>), y| {
        (Some(lo.map_or(y, |l| l.min(y))), Some(hi.map_or(y, |h| h.max(y))))
    });
    YearSpan { first: first.unwrap_or(1970), last: last.unwrap_or(2025) }
}

impl YearSpan {
    /// The year filter a slider or box position gives: both ends inside the span, in order,
    /// and no filter at all when the whole span is chosen.
    pub fn range(self, from: i32, to: i32) -> Option<YearRange> {
        let (from, to) = (from.clamp(self.first, self.last), to.clamp(self.first, self.last));
        let (from, to) = if from > to { (to, from) } else { (from, to) };
        if from == self.first && to == self.last { None } else { YearRange::new(from, to) }
    }

    /// A playback step from `current` (`None`: before the first year) by `delta` years: the
    /// year to show and whether playing goes on (it stops at the last year).
    pub fn step(self, current: Option<i32>, delta: i32) -> (i32, bool) {
        let next = current.unwrap_or(self.first - 1) + delta;
        if next > self.last {
            (self.last, false)
        } else {
            (next.clamp(self.first, self.last), true)
        }
    }

    /// Where pressing play starts: where it was paused, or from the first year when it had
    /// not started or had reached the end.
    pub fn play_from(self, current: Option<i32>) -> i32 {
        match current {
            Some(y) if y < self.last => y,
            _ => self.first,
        }
    }
}

/// The network as it stood at the end of `year` (playback): the pairs that began in or before
/// it. Pairs with no known year cannot be placed in time and are left out.
pub fn cut_at_year(dataset: &Dataset, pairs: &[PairIdx], year: i32) -> Vec<PairIdx> {
    pairs
        .iter()
        .copied()
        .filter(|p| dataset.partnership(*p).first_year().is_some_and(|y| y <= year))
        .collect()
}

/// How many of `pairs` have no known year (what playback leaves out).
pub fn count_undated(dataset: &Dataset, pairs: &[PairIdx]) -> usize {
    pairs.iter().filter(|p| dataset.partnership(**p).first_year().is_none()).count()
}

/// How many partnerships of the dataset a reviewed source contradicts (the data tab's count).
pub fn count_disputed(dataset: &Dataset) -> usize {
    dataset.partnerships().iter().filter(|p| p.disputed.is_some()).count()
}

/// True when a partnership involves `root`: its partner is `root`, or its Chinese side is
/// `root` (or, `with_children`, any place under it). The place filter and the place profile
/// both count a place's partnerships this way.
pub fn involves_place(
    dataset: &Dataset,
    pair: &Partnership,
    root: PlaceIdx,
    with_children: bool,
) -> bool {
    let home = if with_children { dataset.is_within(pair.home, root) } else { pair.home == root };
    home || pair.partner == root
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
    /// Years (and whether undated pairs are kept).
    Years,
    /// Whether pairs a source contradicts are kept.
    Disputed,
    /// The date cut: ties in force on a day.
    KnownBy,
    /// A named set of partnerships.
    Pairs,
}

/// Every dimension, in the order of the filter panel and of the URL.
pub const DIMENSIONS: [Dimension; 13] = [
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
    Dimension::Disputed,
    Dimension::KnownBy,
    Dimension::Pairs,
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

/// A yes/no filter that keeps or hides one group of pairs: those of no known year, those a
/// reviewed source contradicts. The year section shows one checkbox per flag, each with the
/// group's size; everything that differs between them is answered here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepFlag {
    /// Pairs with no known year ([`Filters::include_undated`]).
    Undated,
    /// Disputed pairs ([`Filters::include_disputed`]).
    Disputed,
}

impl KeepFlag {
    /// Every flag, in the order the panel shows them.
    pub const ALL: [KeepFlag; 2] = [KeepFlag::Undated, KeepFlag::Disputed];

    /// Whether the filters keep this group.
    pub fn is_kept(self, filters: &Filters) -> bool {
        match self {
            KeepFlag::Undated => filters.include_undated,
            KeepFlag::Disputed => filters.include_disputed,
        }
    }

    /// Keeps the group if it was hidden, hides it if it was kept; nothing else changes.
    pub fn toggle(self, filters: &mut Filters) {
        match self {
            KeepFlag::Undated => filters.include_undated = !filters.include_undated,
            KeepFlag::Disputed => filters.include_disputed = !filters.include_disputed,
        }
    }

    /// The group's size with this flag's own filter removed.
    pub fn count(self, facets: &Facets) -> usize {
        match self {
            KeepFlag::Undated => facets.undated,
            KeepFlag::Disputed => facets.disputed,
        }
    }

    /// The checkbox's words, with the group's size.
    pub fn label(self, locale: Locale, n: usize) -> String {
        let m = locale.messages();
        let text = match self {
            KeepFlag::Undated => m.include_undated,
            KeepFlag::Disputed => m.include_disputed,
        };
        fill(text, &[("n", &locale.number(n as u64))])
    }

    /// The checkbox's test id.
    pub fn testid(self) -> &'static str {
        match self {
            KeepFlag::Undated => "include-undated",
            KeepFlag::Disputed => "include-disputed",
        }
    }
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
    /// With the disputed filter removed: how many a reviewed source contradicts.
    pub disputed: usize,
    /// With the date cut removed: the dated ties it cannot place on its day.
    pub on_date: OnDateFacets,
    /// With the set of partnerships removed: each listed id that passes the other filters
    /// (1), or does not (0); ids not in the data are absent.
    pub listed: BTreeMap<String, usize>,
}

/// The dated ties a date cut can neither keep nor rule out, counted apart (with the other
/// filters applied).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OnDateFacets {
    /// Dated only to a year or month that contains the day.
    pub straddling: usize,
    /// Marked ended, with no end date.
    pub end_unknown: usize,
}

struct Evaluated {
    failed: u16,
    /// The tie's kind (on the cut's day, when there is one).
    kind: Kind,
    /// Where it stood on the cut's day, when there is one.
    standing: Option<Standing>,
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
        let ok = dataset
            .place_by_id(place_id)
            .is_some_and(|root| involves_place(dataset, pair, root, filters.place_with_children));
        if !ok {
            failed |= bit(Dimension::Place);
        }
    }
    if !filters.levels.is_empty()
        && !filters.levels.contains(&filter_level(dataset.place(home).level))
    {
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
    let standing = filters.known_by.map(|day| standing_on(pair, day));
    let kind = match standing {
        Some(Standing::InForce(kind)) => kind,
        _ => pair.kind,
    };
    if let Some(time) = filters.bri
        && !bri_member(partner_country, time, filters.known_by, year)
    {
        failed |= bit(Dimension::Bri);
    }
    if !filters.sco.is_empty() {
        let status = sco_status(partner_country, filters.sco_time, filters.known_by, year);
        if !status.is_some_and(|s| filters.sco.contains(&s)) {
            failed |= bit(Dimension::Sco);
        }
    }
    if !filters.kinds.is_empty() && !filters.kinds.contains(&kind) {
        failed |= bit(Dimension::Kind);
    }
    if !filters.statuses.is_empty() && !filters.statuses.contains(&pair.status) {
        failed |= bit(Dimension::Status);
    }
    let years_ok = match year {
        Some(y) => filters.years.is_none_or(|range| range.contains(y)),
        None => filters.include_undated,
    };
    if !years_ok {
        failed |= bit(Dimension::Years);
    }
    if !filters.include_disputed && pair.disputed.is_some() {
        failed |= bit(Dimension::Disputed);
    }
    // Undated ties are the year dimension's to keep or drop; the cut rules on the dated ones.
    if standing.is_some_and(|s| !matches!(s, Standing::InForce(_) | Standing::Undated)) {
        failed |= bit(Dimension::KnownBy);
    }
    if !filters.only.is_empty() && !filters.only.contains(&pair.id) {
        failed |= bit(Dimension::Pairs);
    }
    Evaluated { failed, kind, standing }
}

/// Whether the partner country counts as a Belt and Road country under `time`: today (or on
/// the cut's day, when there is one), or in the year the tie began (undated ties cannot).
fn bri_member(
    country: &Country,
    time: ProgrammeTime,
    cut: Option<PartialDate>,
    year: Option<i32>,
) -> bool {
    match (time, cut) {
        (ProgrammeTime::Now, Some(day)) => bri_on(country, day),
        (ProgrammeTime::Now, None) => country.bri_now(),
        (ProgrammeTime::AtSigning, _) => year.is_some_and(|y| country.bri_in(y)),
    }
}

/// The partner country's SCO status under `time` (as [`bri_member`]).
fn sco_status(
    country: &Country,
    time: ProgrammeTime,
    cut: Option<PartialDate>,
    year: Option<i32>,
) -> Option<ScoStatus> {
    match (time, cut) {
        (ProgrammeTime::Now, Some(day)) => sco_on(country, day),
        (ProgrammeTime::Now, None) => country.sco_status_now(),
        (ProgrammeTime::AtSigning, _) => year.and_then(|y| country.sco_status_in(y)),
    }
}

/// The pairs that pass every filter but the kind and the date cut, the undated kept, each with
/// its kind on the cut's day (its current kind when not in force then) and where it stood on
/// that day: the ties a count of an official figure sorts into compared and counted apart
/// ([`crate::model::ask::official::split`]).
pub fn before_cut(dataset: &Dataset, filters: &Filters) -> Vec<(PairIdx, Kind, Option<Standing>)> {
    let open = Filters { kinds: BTreeSet::new(), include_undated: true, ..filters.clone() };
    let free = bit(Dimension::KnownBy);
    dataset
        .partnerships()
        .iter()
        .enumerate()
        .filter_map(|(i, pair)| {
            let Evaluated { failed, kind, standing } = evaluate(dataset, &open, pair);
            (failed & !free == 0).then_some((PairIdx(i as u32), kind, standing))
        })
        .collect()
}

/// Applies the filters and counts the facets.
pub fn apply(dataset: &Dataset, filters: &Filters) -> Selection {
    let mut selection = Selection::default();
    let facets = &mut selection.facets;
    for (i, pair) in dataset.partnerships().iter().enumerate() {
        let Evaluated { failed, kind, standing } = evaluate(dataset, filters, pair);
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
            *facets.levels.entry(filter_level(dataset.place(pair.home).level)).or_default() += 1;
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
            if bri_member(country, time, filters.known_by, year) {
                facets.bri += 1;
            }
        }
        if passes_except(Dimension::Sco)
            && let Some(s) = sco_status(country, filters.sco_time, filters.known_by, year)
        {
            *facets.sco.entry(s).or_default() += 1;
        }
        if passes_except(Dimension::Kind) {
            *facets.kinds.entry(kind).or_default() += 1;
        }
        if passes_except(Dimension::Status) {
            *facets.statuses.entry(pair.status).or_default() += 1;
        }
        if passes_except(Dimension::Years) && year.is_none() {
            facets.undated += 1;
        }
        if passes_except(Dimension::Disputed) && pair.disputed.is_some() {
            facets.disputed += 1;
        }
        if passes_except(Dimension::KnownBy) {
            match standing {
                Some(Standing::Straddles) => facets.on_date.straddling += 1,
                Some(Standing::EndUnknown) => facets.on_date.end_unknown += 1,
                _ => {}
            }
        }
        if filters.only.contains(&pair.id) {
            *facets.listed.entry(pair.id.clone()).or_default() +=
                usize::from(passes_except(Dimension::Pairs));
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
        Dimension::Disputed => f.include_disputed = true,
        Dimension::KnownBy => f.known_by = None,
        Dimension::Pairs => f.only = d.only,
    }
    f
}

/// The dimensions that are set, in display order.
pub fn active_dimensions(filters: &Filters) -> Vec<Dimension> {
    DIMENSIONS.iter().copied().filter(|d| without(filters, *d) != *filters).collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_keep_flag_toggles_its_own_filter_and_reads_its_own_count() {
        let facets = Facets { undated: 7, disputed: 3, ..Facets::default() };
        for (flag, n) in [(KeepFlag::Undated, 7), (KeepFlag::Disputed, 3)] {
            let mut f = Filters::default();
            assert!(flag.is_kept(&f), "{flag:?} is kept by default");
            flag.toggle(&mut f);
            assert!(!flag.is_kept(&f));
            let other = KeepFlag::ALL.into_iter().find(|o| *o != flag).expect("two flags");
            assert!(other.is_kept(&f), "toggling {flag:?} leaves {other:?} alone");
            assert_eq!(flag.count(&facets), n);
            assert!(flag.label(Locale::En, n).contains(&format!("({n})")), "{flag:?}");
        }
        assert_eq!(
            KeepFlag::Undated.label(Locale::En, 1234),
            "Include pairs with no known year (1,234)"
        );
    }
    use super::*;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
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
    fn the_level_options_count_every_pair_of_the_bundled_dataset() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
        )
        .expect("the bundled dataset");
        let d = load(&text).expect("loads").dataset;
        let s = apply(&d, &Filters::default());
        let offered: usize =
            SetDim::Level.values().iter().map(|v| SetDim::Level.count(&s.facets, v)).sum();
        assert_eq!(
            offered,
            d.partnerships().len(),
            "the level options' counts add up to the total"
        );
        // A town, a special zone and a place of unknown level are found under "Other", and
        // choosing it keeps exactly them.
        let other = with(|f| SetDim::Level.toggle(f, "other"));
        let kept: BTreeSet<&str> = apply(&d, &other)
            .pairs
            .iter()
            .map(|p| d.place(d.partnership(*p).home).id.as_str())
            .collect();
        for id in ["cn-xihanggang-chengdu", "cn-tianjin-ftz", "cn-haimen"] {
            assert!(kept.contains(id), "{id} is under Other");
        }
        assert_eq!(SetDim::Level.count(&s.facets, "other"), apply(&d, &other).pairs.len());
        assert_eq!(SetDim::Level.label(Locale::Zh, "other"), "其他（乡镇街道、功能区、级别不详）");
        // An old link choosing towns reads as the option that holds them.
        let mut f = Filters::default();
        assert_eq!(f.read_param("lvl", "township"), Some(Ok(())));
        assert_eq!(SetDim::Level.selected(&f), vec!["other"]);
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

    #[test]
    fn the_year_span_is_the_datas_and_ranges_stay_inside_it() {
        let d = fixture();
        let span = year_span(&d);
        assert_eq!(span, YearSpan { first: 1974, last: 2021 });
        assert_eq!(span.range(1974, 2021), None, "the whole span is no filter");
        assert_eq!(span.range(2030, 1990), YearRange::new(1990, 2021), "clamped and ordered");
        let empty = Dataset::default();
        assert_eq!(year_span(&empty), YearSpan { first: 1970, last: 2025 });
    }

    #[test]
    fn playback_cuts_at_the_year_and_stops_at_the_end() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let ids = |pairs: Vec<PairIdx>| -> Vec<String> {
            pairs.iter().map(|p| d.partnership(*p).id.clone()).collect()
        };
        assert_eq!(ids(cut_at_year(&d, &all, 2017)), ["p-xian-nara", "p-yanan-kc"]);
        assert!(cut_at_year(&d, &all, 1973).is_empty());
        assert_eq!(count_undated(&d, &all), 1, "Shanghai–San Francisco has no year");
        let span = year_span(&d);
        assert_eq!(span.step(None, 1), (1974, true));
        assert_eq!(span.step(Some(2020), 1), (2021, true));
        assert_eq!(span.step(Some(2021), 1), (2021, false));
        assert_eq!(span.step(Some(1974), -1), (1974, true));
        assert_eq!(span.play_from(Some(2000)), 2000);
        assert_eq!(span.play_from(Some(2021)), 1974);
        assert_eq!(span.play_from(None), 1974);
    }

    #[test]
    fn a_place_involves_its_own_ties_those_below_it_and_those_it_partners() {
        let d = fixture();
        let shaanxi = d.place_by_id("cn-shaanxi").expect("Shaanxi");
        let nara = d.place_by_id("jp-nara").expect("Nara");
        let pair = d.partnership(d.pair_by_id("p-xian-nara").expect("pair"));
        assert!(involves_place(&d, pair, shaanxi, true));
        assert!(!involves_place(&d, pair, shaanxi, false));
        assert!(involves_place(&d, pair, nara, false));
    }

    #[test]
    fn set_dimensions_toggle_count_and_label_their_values() {
        let d = fixture();
        let mut f = Filters::default();
        SetDim::Kind.toggle(&mut f, "intent");
        assert_eq!(f.kinds, [Kind::Intent].into_iter().collect());
        assert!(SetDim::Kind.is_selected(&f, "intent"));
        let selection = apply(&d, &f);
        assert_eq!(SetDim::Kind.count(&selection.facets, "sister"), 4);
        assert_eq!(SetDim::Kind.label(Locale::Zh, "sister"), "友好城市");
        SetDim::Kind.toggle(&mut f, "intent");
        SetDim::Kind.toggle(&mut f, "not-a-kind");
        assert!(f.is_empty());
        for dim in SetDim::ALL {
            assert_eq!(SetDim::of(dim.dimension()), Some(dim));
            assert!(!dim.values().is_empty());
            for value in dim.values() {
                assert_ne!(dim.label(Locale::En, value), value, "{dim:?} {value} has a label");
            }
        }
    }

    #[test]
    fn undated_pairs_can_be_left_out_with_or_without_a_year_range() {
        check(
            &with(|f| f.include_undated = false),
            &["p-xian-nara", "p-yanan-kc", "p-yanan-trier", "p-changning-sovetsky"],
        );
        let d = fixture();
        let s = apply(&d, &with(|f| f.include_undated = false));
        assert_eq!(s.facets.undated, 1, "the undated pair is counted beside the choice");
    }

    #[test]
    fn a_date_cut_keeps_the_ties_known_to_be_in_force_that_day() {
        let by = |day: &str| with(|f| f.known_by = day.parse().ok());
        // Xi'an–Nara 1974, Yan'an–Kansas City 2017, Yan'an–Trier 2018 (intent), Changning–
        // Sovetsky 2021-06-02; Shanghai–San Francisco has no date (kept: undated pairs follow
        // the undated choice).
        check(&by("2017-12-31"), &["p-xian-nara", "p-yanan-kc", "p-shanghai-sf"]);
        check(&by("2018-05-29"), &["p-xian-nara", "p-yanan-kc", "p-shanghai-sf"]);
        check(&by("2018"), &["p-xian-nara", "p-yanan-kc", "p-yanan-trier", "p-shanghai-sf"]);
        check(&by("2021-06-01"), &["p-xian-nara", "p-yanan-kc", "p-yanan-trier", "p-shanghai-sf"]);
        let mut no_undated = by("2021-06-02");
        no_undated.include_undated = false;
        check(&no_undated, &["p-xian-nara", "p-yanan-kc", "p-yanan-trier", "p-changning-sovetsky"]);
        let d = fixture();
        let s = apply(&d, &by("2018-05-29"));
        assert_eq!(s.facets.on_date, OnDateFacets { straddling: 1, end_unknown: 0 }, "Trier, 2018");
    }

    #[test]
    fn with_a_date_cut_the_programmes_are_read_on_that_day() {
        // Belarus: an observer of the SCO from 2015, a member from 2024.
        let sco = |day: &str, status: ScoStatus| {
            with(|f| {
                f.known_by = day.parse().ok();
                f.sco.insert(status);
            })
        };
        check(&sco("2021-06-02", ScoStatus::Observer), &["p-changning-sovetsky"]);
        check(&sco("2021-06-02", ScoStatus::Member), &[]);
        check(&sco("2024-12-31", ScoStatus::Member), &["p-changning-sovetsky"]);
        // Russia joined the Belt and Road in 2015 (no pair with Russia in the fixture); Belarus
        // in 2014: the 2021 tie is in a Belt and Road country on its day.
        check(
            &with(|f| {
                f.known_by = "2021-06-02".parse().ok();
                f.bri = Some(ProgrammeTime::Now);
            }),
            &["p-changning-sovetsky"],
        );
    }

    #[test]
    fn a_named_set_keeps_exactly_its_pairs_and_counts_each_beside_the_others() {
        let set = with(|f| f.only = ["p-yanan-trier".into(), "p-xian-nara".into()].into());
        check(&set, &["p-xian-nara", "p-yanan-trier"]);
        let mut japan = set.clone();
        japan.countries.insert("JP".into());
        check(&japan, &["p-xian-nara"]);
        let d = fixture();
        let s = apply(&d, &japan);
        let want: BTreeMap<String, usize> =
            [("p-xian-nara".to_owned(), 1), ("p-yanan-trier".to_owned(), 0)].into();
        assert_eq!(s.facets.listed, want);
        assert_eq!(without(&japan, Dimension::Pairs).only, BTreeSet::new());
        check(&with(|f| f.only = ["nope".into()].into()), &[]);
    }

    #[test]
    fn disputed_pairs_are_kept_counted_and_hidden_only_when_asked_through_the_url() {
        // The fixture with Yan'an–Trier contradicted by a source.
        let text = include_str!("../../../tests/fixtures/small.json").replace(
            r#""type": "intent", "status": "pending", "est": "2018", "src": ["seed-000"]}"#,
            r#""type": "intent", "status": "pending", "est": "2018", "src": ["seed-000"], "disputed": {"en": "Trier lists no Chinese partner.", "zh": "特里尔未列出中国友城。", "src": "seed-004"}}"#,
        );
        let d = load(&text).expect("loads").dataset;
        assert_eq!(count_disputed(&d), 1);
        let ids = |f: &Filters| -> Vec<String> {
            apply(&d, f).pairs.iter().map(|p| d.partnership(*p).id.clone()).collect()
        };
        let all = ids(&Filters::default());
        assert!(all.contains(&"p-yanan-trier".to_owned()), "kept by default");
        let mut hidden = Filters::default();
        assert_eq!(hidden.read_param("disputed", "0"), Some(Ok(())));
        assert!(!hidden.include_disputed);
        let shown = ids(&hidden);
        assert_eq!(shown.len(), all.len() - 1);
        assert!(!shown.contains(&"p-yanan-trier".to_owned()), "hidden when asked");
        assert_eq!(apply(&d, &hidden).facets.disputed, 1, "counted beside the choice");
        assert_eq!(hidden.params(), [("disputed", "0".to_owned())]);
        assert_eq!(without(&hidden, Dimension::Disputed), Filters::default());
        assert_eq!(hidden.read_param("disputed", "maybe"), Some(Err("0 or 1")));
    }

    #[test]
    fn filters_read_and_write_their_url_parameters_in_canonical_order() {
        let mut f = Filters::default();
        for (key, value) in [("type", "intent,sister"), ("prov", "cn-shaanxi"), ("yr", "1974-2018")]
        {
            assert_eq!(f.read_param(key, value), Some(Ok(())), "{key}");
        }
        assert_eq!(f.read_param("lang", "zh"), None, "not a filter");
        assert_eq!(f.read_param("lvl", "planet"), Some(Err("levels")));
        let params: Vec<String> = f.params().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(params, ["prov=cn-shaanxi", "type=sister,intent", "yr=1974-2018"]);
        for (key, value) in [("only", "b2,a-1"), ("by", "2018-05-29"), ("undated", "0")] {
            assert_eq!(f.read_param(key, value), Some(Ok(())), "{key}");
        }
        let params: Vec<String> = f.params().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(
            params,
            [
                "prov=cn-shaanxi",
                "type=sister,intent",
                "yr=1974-2018",
                "undated=0",
                "by=2018-05-29",
                "only=a-1,b2"
            ]
        );
        assert!(f.read_param("by", "2018-02-30").is_some_and(|r| r.is_err()));
        assert!(f.read_param("by", "29.5.2018").is_some_and(|r| r.is_err()));
        assert!(f.read_param("only", "a b").is_some_and(|r| r.is_err()));
        assert!(f.read_param("only", "").is_some_and(|r| r.is_err()));
        let many = vec!["x"; MAX_ONLY + 1].join(",");
        assert!(f.read_param("only", &many).is_some_and(|r| r.is_err()), "a set, not a list");
        assert_eq!(f.known_by, "2018-05-29".parse().ok(), "a bad value changes nothing");
    }
}
