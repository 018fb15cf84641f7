//! The loaded dataset: places, partnerships, countries, sources and reported figures,
//! indexed for the filters, the map and the profiles.
//!
//! Invariants (established by [`crate::model::format::load`], relied on everywhere else):
//! - every index stored in a record ([`PlaceIdx`], [`CountryIdx`], [`SourceIdx`]) is in range;
//! - a partnership's two places differ, and no two partnerships join the same two places;
//! - place parents form no cycle, so [`Dataset::ancestors`] terminates;
//! - coordinates, when present, are finite and inside their ranges.
//!
//! The dataset never changes after loading, so it lives outside the reactive graph.

use std::collections::HashMap;

use super::date::PartialDate;
use crate::model::geo::LonLat;

/// Index of a place in [`Dataset::places`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceIdx(pub u32);

/// Index of a partnership in [`Dataset::partnerships`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PairIdx(pub u32);

/// Index of a country in [`Dataset::countries`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryIdx(pub u16);

/// Index of a source in [`Dataset::sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceIdx(pub u32);

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The allowed wire values, for messages.
            pub const ALLOWED: &'static str = concat!($($wire, " "),+);

            /// The value as written in the JSON format and the URL.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses the JSON/URL spelling.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($wire => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

wire_enum! {
    /// The administrative level of a place. Chinese places use province, prefecture, county,
    /// district and township; foreign places use state, region, city and district.
    Level {
        /// A province-level unit of China (province, autonomous region, municipality, SAR).
        Province = "province",
        /// A prefecture-level city or prefecture of China.
        Prefecture = "prefecture",
        /// A county, county-level city or banner of China.
        County = "county",
        /// An urban district (China or abroad).
        District = "district",
        /// A township, town or subdistrict of China.
        Township = "township",
        /// A first-level division abroad: state, province, prefecture, oblast, region.
        State = "state",
        /// A second-level division abroad: county, department, district municipality.
        Region = "region",
        /// A city, town or municipality abroad.
        City = "city",
        /// A special zone or anything else.
        Other = "other",
    }
}

wire_enum! {
    /// The kind of relationship.
    Kind {
        /// Formal friendship / sister city or province-state (友好城市 / 友好省州).
        Sister = "sister",
        /// Friendly-exchange or friendly-cooperation relation (友好交流 / 友好合作关系).
        Friendly = "friendly",
        /// Letter of intent only (意向书).
        Intent = "intent",
        /// The sources do not say.
        Unknown = "unknown",
    }
}

wire_enum! {
    /// Whether the relationship is in force.
    Status {
        /// In force as far as the sources know.
        Active = "active",
        /// Terminated or suspended.
        Ended = "ended",
        /// Approved or intended, not yet signed.
        Pending = "pending",
    }
}

wire_enum! {
    /// A continent, by its two-letter code.
    Continent {
        /// Africa.
        Africa = "AF",
        /// Asia.
        Asia = "AS",
        /// Europe.
        Europe = "EU",
        /// North America (with Central America and the Caribbean).
        NorthAmerica = "NA",
        /// South America.
        SouthAmerica = "SA",
        /// Oceania.
        Oceania = "OC",
        /// Antarctica.
        Antarctica = "AN",
    }
}

wire_enum! {
    /// A country's standing in the Shanghai Cooperation Organisation.
    ScoStatus {
        /// Full member.
        Member = "member",
        /// Observer state.
        Observer = "observer",
        /// Dialogue partner.
        DialoguePartner = "dialogue_partner",
    }
}

/// A country with its names and programme membership.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub iso: String,
    /// English name.
    pub name_en: String,
    /// Chinese name, when known.
    pub name_zh: Option<String>,
    /// Continent, when known.
    pub continent: Option<Continent>,
    /// Year of the first Belt and Road cooperation document, when known.
    pub bri_since: Option<i32>,
    /// Year the country left the Belt and Road, if it did.
    pub bri_exit: Option<i32>,
    /// SCO history: each status with the year it began, oldest first.
    pub sco: Vec<(ScoStatus, i32)>,
}

impl Country {
    /// The SCO status the country held during `year`, if any.
    pub fn sco_status_in(&self, year: i32) -> Option<ScoStatus> {
        self.sco.iter().rev().find(|(_, since)| *since <= year).map(|(status, _)| *status)
    }

    /// The SCO status it holds now (the latest in its history).
    pub fn sco_status_now(&self) -> Option<ScoStatus> {
        self.sco.last().map(|(status, _)| *status)
    }

    /// True when the country is a Belt and Road cooperation country now.
    pub fn bri_now(&self) -> bool {
        self.bri_since.is_some() && self.bri_exit.is_none()
    }

    /// True when the country was a Belt and Road cooperation country in `year`.
    /// A year equal to the signing year counts (the sources give years, not days).
    pub fn bri_in(&self, year: i32) -> bool {
        match (self.bri_since, self.bri_exit) {
            (Some(since), None) => since <= year,
            (Some(since), Some(exit)) => since <= year && year < exit,
            _ => false,
        }
    }
}

/// A Chinese or foreign place that takes part in partnerships.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable id, used in URLs.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Chinese name, when known.
    pub name_zh: Option<String>,
    /// Name in the local script (Japanese, Korean, Russian...), when known.
    pub name_local: Option<String>,
    /// Pinyin of the Chinese name, lower case without tones or spaces, when known.
    pub pinyin: Option<String>,
    /// Administrative level.
    pub level: Level,
    /// The place this one belongs to (a district's city, a city's province).
    pub parent: Option<PlaceIdx>,
    /// The country.
    pub country: CountryIdx,
    /// Where it is; `None` when no source places it.
    pub coords: Option<LonLat>,
    /// Chinese administrative division code (GB/T 2260), when known.
    pub admin_code: Option<String>,
    /// Wikidata item id (`Q5826`), when known.
    pub wikidata: Option<String>,
}

/// A source that contradicts a partnership (the partner's own list names another Chinese
/// partner, or none): what is in doubt, in English and Chinese, and the source that says so.
/// The pair is kept and shown with this mark, never dropped silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Disputed {
    /// What contradicts the pair, in English.
    pub en: String,
    /// The same in Chinese (the English is shown when missing).
    pub zh: Option<String>,
    /// The contrary source.
    pub source: Option<SourceIdx>,
}

/// A value of a partnership field that another source gives differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// The field, as in the JSON format (`est`, `type`, `ended`).
    pub field: String,
    /// The other value, as written.
    pub value: String,
    /// The sources that give it.
    pub sources: Vec<SourceIdx>,
}

/// An earlier stage of a relationship, such as a friendly-exchange agreement that was later
/// raised to a formal sister-city tie.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The kind of relationship at that stage.
    pub kind: Kind,
    /// When that stage began, if known.
    pub date: Option<PartialDate>,
    /// The sources that give it.
    pub sources: Vec<SourceIdx>,
}

/// A relationship between a place on the dataset's home side and a partner.
#[derive(Clone, Debug, PartialEq)]
pub struct Partnership {
    /// Stable id.
    pub id: String,
    /// The home-side place (the Chinese side in the China dataset).
    pub home: PlaceIdx,
    /// The partner place.
    pub partner: PlaceIdx,
    /// The kind of relationship.
    pub kind: Kind,
    /// Whether it is in force.
    pub status: Status,
    /// When it was established, as precise as the sources say; `None` when unknown.
    pub established: Option<PartialDate>,
    /// The date is not printed in its sources but worked out by them (from an anniversary,
    /// "last year"): shown as such.
    pub established_derived: bool,
    /// When it ended, if it did.
    pub ended: Option<PartialDate>,
    /// Every source that lists it.
    pub sources: Vec<SourceIdx>,
    /// A free note.
    pub note: Option<String>,
    /// Earlier stages, oldest first (the current kind and date are `kind` and `established`).
    pub history: Vec<Stage>,
    /// Values other sources give differently (conflicts are kept, not resolved).
    pub alternatives: Vec<Alternative>,
    /// A reviewed doubt: a source contradicts the pair (`data/curated/doubts.csv`).
    pub disputed: Option<Disputed>,
}

impl Partnership {
    /// The earliest known date of any stage of the relationship.
    pub fn first_date(&self) -> Option<PartialDate> {
        self.history.iter().filter_map(|s| s.date).chain(self.established).min()
    }

    /// The year the relationship began (its first stage), if known.
    pub fn first_year(&self) -> Option<i32> {
        self.first_date().map(PartialDate::year)
    }
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Title as identified.
    pub title: String,
    /// An http(s) URL; anything else is never a link.
    pub url: Option<String>,
    /// A document name when there is no URL.
    pub document: Option<String>,
    /// Licence of the material.
    pub licence: Option<String>,
    /// The project's note on the source, in both languages (the title is the source's own).
    pub note: Option<SourceNote>,
    /// Its details (title, address, note) are in the dataset's sources file, not loaded yet:
    /// it is known by its id only.
    pub elsewhere: bool,
}

impl Source {
    /// A source known only by its id (its details in the dataset's sources file): named by
    /// its id, as a source without a title is.
    pub fn known_by_id(id: &str) -> Source {
        Source {
            id: id.to_owned(),
            title: id.to_owned(),
            url: None,
            document: None,
            licence: None,
            note: None,
            elsewhere: true,
        }
    }
}

/// An editorial note on a source (or an attribution line), written by the project in English
/// and Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceNote {
    /// English.
    pub en: String,
    /// Chinese (the English is shown when it is missing).
    pub zh: Option<String>,
}

/// Which relationships an official figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportedKind {
    /// All established friendship relationships.
    All,
    /// Formal sister / friendship cities only.
    Sister,
    /// Friendly-cooperation partners only.
    Friendly,
    /// Letters of intent.
    Intent,
    /// Approved, to be signed.
    Approved,
    /// Places in contact.
    Contact,
}

impl ReportedKind {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportedKind::All => "all",
            ReportedKind::Sister => "sister",
            ReportedKind::Friendly => "friendly",
            ReportedKind::Intent => "intent",
            ReportedKind::Approved => "approved",
            ReportedKind::Contact => "contact",
        }
    }

    /// Parses the JSON spelling.
    pub fn parse(text: &str) -> Option<ReportedKind> {
        [
            ReportedKind::All,
            ReportedKind::Sister,
            ReportedKind::Friendly,
            ReportedKind::Intent,
            ReportedKind::Approved,
            ReportedKind::Contact,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}

/// How exact a reported number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// The number as stated.
    Exact,
    /// "More than" the number.
    MoreThan,
    /// "About" the number.
    About,
}

impl Qualifier {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
        }
    }

    /// Parses the JSON spelling.
    pub fn parse(text: &str) -> Option<Qualifier> {
        match text {
            "exact" => Some(Qualifier::Exact),
            "more_than" => Some(Qualifier::MoreThan),
            "about" => Some(Qualifier::About),
            _ => None,
        }
    }
}

/// What the first number of a reported figure counts, in the report's own unit: pairs of places
/// ("88 pairs"), partner cities ("31 cities", "15 cities … in contact") or partner local
/// governments ("67 local governments"). Partner countries have their own number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// Pairs of places (the default: a report's 对).
    #[default]
    Pairs,
    /// Partner cities.
    Cities,
    /// Partner local governments.
    LocalGovernments,
}

impl Unit {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Pairs => "pairs",
            Unit::Cities => "cities",
            Unit::LocalGovernments => "local_governments",
        }
    }

    /// Parses the JSON spelling.
    pub fn parse(text: &str) -> Option<Unit> {
        [Unit::Pairs, Unit::Cities, Unit::LocalGovernments].into_iter().find(|u| u.as_str() == text)
    }
}

/// A programme a reported figure is restricted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Programme {
    /// Belt and Road cooperation countries.
    Bri,
    /// SCO countries.
    Sco,
}

/// An official aggregate as published, to be shown beside the dataset's own count.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedFigure {
    /// Stable id.
    pub id: String,
    /// The place it is about; `None` for the whole home country.
    pub scope: Option<PlaceIdx>,
    /// The date the figure describes.
    pub as_of: PartialDate,
    /// Which relationships it counts.
    pub kind: ReportedKind,
    /// Restricted to one programme's countries, if so.
    pub programme: Option<Programme>,
    /// Restricted to one partner country, if so.
    pub partner_country: Option<CountryIdx>,
    /// Restricted to partners of one level (`state` or `city`), if so.
    pub partner_level: Option<Level>,
    /// The figure's first number, in its own unit ([`ReportedFigure::unit`]): pairs, or
    /// partner cities or local governments.
    pub pairs: Option<u32>,
    /// What `pairs` counts (pairs unless the report counts partner places).
    pub unit: Unit,
    /// Number of partner countries.
    pub countries: Option<u32>,
    /// Number of home-side places (local governments).
    pub home_places: Option<u32>,
    /// How exact the numbers are ("more than 2,800").
    pub qualifier: Qualifier,
    /// The source.
    pub source: SourceIdx,
    /// The words of the source, or a note.
    pub note: Option<String>,
}

/// The `dataset` header of a file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Meta {
    /// The format version as written (`1.0`).
    pub format_version: String,
    /// Dataset id (`china`, `world`...).
    pub id: String,
    /// Dataset version.
    pub version: String,
    /// Date of the dataset.
    pub date: Option<PartialDate>,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: Option<String>,
    /// The home country (ISO code), when the dataset is about one country.
    pub focus: Option<String>,
    /// Licence of the dataset.
    pub licence: Option<String>,
    /// Attribution lines to show, each in English and (when the file gives it) Chinese.
    pub attribution: Vec<SourceNote>,
    /// True for generated test data that must never be presented as real.
    pub synthetic: bool,
    /// Where the sources' details (titles, addresses, notes) are, relative to this file, while
    /// they are not loaded: the file names its sources by id only (`docs/data-format.md`).
    /// `None` once they are in the dataset, and for a file with its sources inline.
    pub sources_file: Option<String>,
}

/// The loaded, validated, indexed dataset.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    meta: Meta,
    places: Vec<Place>,
    partnerships: Vec<Partnership>,
    countries: Vec<Country>,
    sources: Vec<Source>,
    reported: Vec<ReportedFigure>,
    place_by_id: HashMap<String, PlaceIdx>,
    country_by_iso: HashMap<String, CountryIdx>,
    pairs_of_place: Vec<Vec<PairIdx>>,
    province_of: Vec<Option<PlaceIdx>>,
    depth: Vec<u8>,
}

/// The parts a dataset is assembled from (used by the loaders).
#[derive(Debug, Default)]
pub struct Parts {
    /// The header.
    pub meta: Meta,
    /// Places; parents must point inside and be acyclic.
    pub places: Vec<Place>,
    /// Partnerships; indices must point inside.
    pub partnerships: Vec<Partnership>,
    /// Countries.
    pub countries: Vec<Country>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Reported figures.
    pub reported: Vec<ReportedFigure>,
}

impl Dataset {
    /// Builds the indexes. The parts must satisfy the module invariants; the loaders
    /// guarantee that.
    pub fn from_parts(parts: Parts) -> Dataset {
        let Parts { meta, places, partnerships, countries, sources, reported } = parts;
        let place_by_id =
            places.iter().enumerate().map(|(i, p)| (p.id.clone(), PlaceIdx(i as u32))).collect();
        let country_by_iso = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso.clone(), CountryIdx(i as u16)))
            .collect();
        let mut pairs_of_place = vec![Vec::new(); places.len()];
        for (i, pair) in partnerships.iter().enumerate() {
            pairs_of_place[pair.home.0 as usize].push(PairIdx(i as u32));
            pairs_of_place[pair.partner.0 as usize].push(PairIdx(i as u32));
        }
        let mut dataset = Dataset {
            meta,
            places,
            partnerships,
            countries,
            sources,
            reported,
            place_by_id,
            country_by_iso,
            pairs_of_place,
            province_of: Vec::new(),
            depth: Vec::new(),
        };
        let n_places = dataset.places.len();
        let mut province_of = Vec::with_capacity(n_places);
        let mut depth = Vec::with_capacity(n_places);
        for i in 0..n_places {
            let chain: Vec<PlaceIdx> = dataset.ancestors(PlaceIdx(i as u32)).collect();
            depth.push(chain.len().min(u8::MAX as usize) as u8);
            let top = std::iter::once(PlaceIdx(i as u32))
                .chain(chain.iter().copied())
                .find(|p| matches!(dataset.place(*p).level, Level::Province | Level::State));
            province_of.push(top);
        }
        dataset.province_of = province_of;
        dataset.depth = depth;
        dataset
    }

    /// The header.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// All partnerships.
    pub fn partnerships(&self) -> &[Partnership] {
        &self.partnerships
    }

    /// All countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All reported figures.
    pub fn reported(&self) -> &[ReportedFigure] {
        &self.reported
    }

    /// One place.
    pub fn place(&self, idx: PlaceIdx) -> &Place {
        &self.places[idx.0 as usize]
    }

    /// One partnership.
    pub fn partnership(&self, idx: PairIdx) -> &Partnership {
        &self.partnerships[idx.0 as usize]
    }

    /// One country.
    pub fn country(&self, idx: CountryIdx) -> &Country {
        &self.countries[idx.0 as usize]
    }

    /// One source.
    pub fn source(&self, idx: SourceIdx) -> &Source {
        &self.sources[idx.0 as usize]
    }

    /// The file with the sources' details while they are not in the dataset (the sources are
    /// then known by id only): what a view showing such a source must load first.
    pub fn sources_pending(&self) -> Option<&str> {
        self.meta.sources_file.as_deref()
    }

    /// True when this source's details are in the sources file, not loaded yet (the sources
    /// the official figures cite come with the dataset: the first view shows them).
    pub fn source_pending(&self, idx: SourceIdx) -> bool {
        self.sources_pending().is_some() && self.source(idx).elsewhere
    }

    /// The same dataset with its sources' details, one per source in order (from
    /// [`super::sources::load_sources`]); it no longer waits for a sources file.
    pub fn with_sources(&self, sources: Vec<Source>) -> Dataset {
        let mut dataset = self.clone();
        if sources.len() == dataset.sources.len() {
            dataset.sources = sources;
            dataset.meta.sources_file = None;
        }
        dataset
    }

    /// The place with this id.
    pub fn place_by_id(&self, id: &str) -> Option<PlaceIdx> {
        self.place_by_id.get(id).copied()
    }

    /// The partnership with this id.
    pub fn pair_by_id(&self, id: &str) -> Option<PairIdx> {
        self.partnerships.iter().position(|p| p.id == id).map(|i| PairIdx(i as u32))
    }

    /// The country with this ISO code.
    pub fn country_by_iso(&self, iso: &str) -> Option<CountryIdx> {
        self.country_by_iso.get(iso).copied()
    }

    /// The country of a place.
    pub fn country_of(&self, place: PlaceIdx) -> &Country {
        self.country(self.place(place).country)
    }

    /// The partnerships a place takes part in (either side).
    pub fn pairs_of(&self, place: PlaceIdx) -> &[PairIdx] {
        &self.pairs_of_place[place.0 as usize]
    }

    /// The place's parent, grandparent and so on, nearest first.
    pub fn ancestors(&self, place: PlaceIdx) -> impl Iterator<Item = PlaceIdx> + '_ {
        let mut next = self.place(place).parent;
        let mut steps = 0usize;
        std::iter::from_fn(move || {
            let current = next?;
            steps += 1;
            if steps > self.places.len() {
                return None;
            }
            next = self.place(current).parent;
            Some(current)
        })
    }

    /// True when `place` is `root` or lies under it.
    pub fn is_within(&self, place: PlaceIdx, root: PlaceIdx) -> bool {
        place == root || self.ancestors(place).any(|a| a == root)
    }

    /// The province-level place a place belongs to (itself if it is one).
    pub fn province_of(&self, place: PlaceIdx) -> Option<PlaceIdx> {
        self.province_of.get(place.0 as usize).copied().flatten()
    }

    /// How many ancestors a place has.
    pub fn depth(&self, place: PlaceIdx) -> usize {
        self.depth.get(place.0 as usize).copied().unwrap_or(0) as usize
    }

    /// The home-side places, in file order.
    pub fn home_places(&self) -> impl Iterator<Item = PlaceIdx> + '_ {
        let mut seen = vec![false; self.places.len()];
        for pair in &self.partnerships {
            seen[pair.home.0 as usize] = true;
        }
        (0..self.places.len()).filter(move |i| seen[*i]).map(|i| PlaceIdx(i as u32))
    }

    /// Index of every place, in file order.
    pub fn place_indices(&self) -> impl Iterator<Item = PlaceIdx> + use<> {
        (0..self.places.len() as u32).map(PlaceIdx)
    }

    /// Index of every partnership, in file order.
    pub fn pair_indices(&self) -> impl Iterator<Item = PairIdx> + use<> {
        (0..self.partnerships.len() as u32).map(PairIdx)
    }
}
