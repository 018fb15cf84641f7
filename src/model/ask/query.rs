//! The URL query string: every filter, the selection, the map view, the language, the tab and
//! the embed options live here, so a copied address reproduces the view.
//!
//! Parsing never fails: an unknown parameter or a malformed value is ignored and reported as a
//! [`Notice`] the app shows. Writing is canonical (fixed order, defaults left out), so
//! `to_query(parse(to_query(s)))` equals `to_query(s)`.
//!
//! ```
//! use youcheng::model::ask::query::{parse, to_query};
//! let (state, notices) = parse("?prov=cn-shaanxi&yr=1974-2018&lang=zh&foo=1");
//! assert_eq!(notices.len(), 1); // foo
//! assert_eq!(to_query(&state), "prov=cn-shaanxi&yr=1974-2018&lang=zh");
//! ```

use std::fmt::Write;

use super::filter::Filters;
use crate::model::format::text::{is_id, is_pair_id};
pub use crate::model::geo::basemap::MapProfile;
use crate::model::geo::projection::{Centre, Projection, View};
use crate::model::i18n::Locale;

/// What the map shades.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Shading {
    /// Arcs and markers only.
    #[default]
    Arcs,
    /// Countries (and China's provinces) shaded by their number of partnerships.
    Choropleth,
}

/// The main tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    /// Map with the place panel.
    #[default]
    Map,
    /// Charts.
    Charts,
    /// The table of partnerships.
    Table,
    /// Guided stories from the news reports.
    Stories,
    /// Sources, licences and the validation report.
    Data,
}

impl Tab {
    /// Every tab in order.
    pub const ALL: [Tab; 5] = [Tab::Map, Tab::Charts, Tab::Table, Tab::Stories, Tab::Data];

    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Map => "map",
            Tab::Charts => "charts",
            Tab::Table => "table",
            Tab::Stories => "stories",
            Tab::Data => "data",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// A map position: the longitude and latitude at the centre of the map, and the zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapAt {
    /// Longitude of the centre.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Zoom factor.
    pub zoom: f64,
}

/// What a profile is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ProfileRef {
    /// A place, by id.
    Place(String),
    /// A country, by ISO code.
    Country(String),
}

/// Table sort column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    /// Chinese place.
    Home,
    /// Province.
    Province,
    /// Partner.
    Partner,
    /// Country.
    Country,
    /// Type.
    Kind,
    /// Status.
    Status,
    /// Date established.
    #[default]
    Established,
}

impl SortColumn {
    /// Every column in table order.
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Home,
        SortColumn::Province,
        SortColumn::Partner,
        SortColumn::Country,
        SortColumn::Kind,
        SortColumn::Status,
        SortColumn::Established,
    ];

    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SortColumn::Home => "home",
            SortColumn::Province => "province",
            SortColumn::Partner => "partner",
            SortColumn::Country => "country",
            SortColumn::Kind => "type",
            SortColumn::Status => "status",
            SortColumn::Established => "est",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<SortColumn> {
        SortColumn::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Embed presets: compact chrome and only what the host needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmbedPreset {
    /// The full app with compact chrome.
    Full,
    /// The map alone.
    Map,
    /// One place's card (needs `in` or `sel`).
    Place,
    /// A province dashboard (needs `prov`).
    Province,
    /// The national overview.
    National,
    /// A single chart (`chart=`).
    Chart,
}

impl EmbedPreset {
    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EmbedPreset::Full => "1",
            EmbedPreset::Map => "map",
            EmbedPreset::Place => "place",
            EmbedPreset::Province => "province",
            EmbedPreset::National => "national",
            EmbedPreset::Chart => "chart",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<EmbedPreset> {
        match text {
            "1" | "true" | "full" => Some(EmbedPreset::Full),
            "map" => Some(EmbedPreset::Map),
            "place" => Some(EmbedPreset::Place),
            "province" => Some(EmbedPreset::Province),
            "national" => Some(EmbedPreset::National),
            "chart" => Some(EmbedPreset::Chart),
            _ => None,
        }
    }
}

/// Which chart an embedded single chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ChartKind {
    /// Growth over time.
    #[default]
    Growth,
    /// Top partner countries.
    Countries,
    /// By continent.
    Continents,
    /// By Chinese province.
    Provinces,
    /// By type.
    Kinds,
}

impl ChartKind {
    /// Every chart in display order.
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Growth,
        ChartKind::Countries,
        ChartKind::Continents,
        ChartKind::Provinces,
        ChartKind::Kinds,
    ];

    /// URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Growth => "growth",
            ChartKind::Countries => "countries",
            ChartKind::Continents => "continents",
            ChartKind::Provinces => "provinces",
            ChartKind::Kinds => "types",
        }
    }

    /// Parses the URL spelling.
    pub fn parse(text: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Light or dark, when the host forces one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
}

/// Everything the URL can hold.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlState {
    /// The filters.
    pub filters: Filters,
    /// The text in the search box.
    pub search: Option<String>,
    /// The selected place (id).
    pub selected: Option<String>,
    /// The selected partnership (id).
    pub pair: Option<String>,
    /// The open profile.
    pub profile: Option<ProfileRef>,
    /// Map position.
    pub at: Option<MapAt>,
    /// Map borders.
    pub map_profile: Option<MapProfile>,
    /// Map centring.
    pub centre: Option<Centre>,
    /// Map shading.
    pub shading: Shading,
    /// UI language.
    pub lang: Option<Locale>,
    /// Active tab.
    pub tab: Tab,
    /// Table sort.
    pub sort: Option<(SortColumn, bool)>,
    /// Playback year.
    pub play_year: Option<i32>,
    /// A data file to load instead of the bundled one.
    pub data: Option<String>,
    /// How that file's columns are read, chosen by hand (`cols=-,chinese_place,partner,…`; see
    /// [`crate::model::read::import_csv::mapping_from_param`]).
    pub cols: Option<String>,
    /// Embed preset.
    pub embed: Option<EmbedPreset>,
    /// The chart an embed shows.
    pub chart: Option<ChartKind>,
    /// Forced theme.
    pub theme: Option<Theme>,
    /// Host accent colour (`#rrggbb`).
    pub accent: Option<String>,
    /// Host font family list (`font=Noto Sans SC,sans-serif`): letters, digits, spaces,
    /// commas and hyphens only, so it can never escape the CSS value.
    pub font: Option<String>,
}

/// Why a parameter was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeReason {
    /// The app does not know this parameter.
    Unknown,
    /// The value is not valid; the text says what was expected.
    Malformed(&'static str),
    /// The value names a place, country or partnership that is not in the data.
    NotInData,
}

/// A parameter the app ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Parameter name.
    pub param: String,
    /// Its value as given (shortened).
    pub value: String,
    /// Why it was ignored.
    pub reason: NoticeReason,
}

/// Decodes one key or value of a query string: `+` is a space, `%XX` a byte; a `%` not
/// followed by two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
/// (Hand-written: the percent-encoding crate measured 1.4 KB larger in the wasm.)
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || {
            let pair = bytes.get(i + 1..i + 3)?;
            u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()
        };
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match hex() {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a value; letters, digits and `-_.~,:/` stay as they are, so lists and map
/// positions stay readable in an address.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b','
            | b':'
            | b'/' => out.push(b as char),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn shorten(value: &str) -> String {
    if value.chars().count() > 40 {
        format!("{}…", value.chars().take(40).collect::<String>())
    } else {
        value.to_owned()
    }
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (UrlState, Vec<Notice>) {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let key = decode(key);
        let value = decode(raw);
        let mut bad = |expected: &'static str| {
            notices.push(Notice {
                param: key.clone(),
                value: shorten(&value),
                reason: NoticeReason::Malformed(expected),
            })
        };
        if let Some(result) = state.filters.read_param(&key, &value) {
            if let Err(expected) = result {
                bad(expected);
            }
            continue;
        }
        match key.as_str() {
            "q" => {
                state.search = Some(value.chars().take(100).collect())
                    .filter(|s: &String| !s.trim().is_empty())
            }
            "sel" => match is_id(&value) {
                true => state.selected = Some(value.clone()),
                false => bad("a place id"),
            },
            "pair" => match is_pair_id(&value) {
                true => state.pair = Some(value.clone()),
                false => bad("a partnership id"),
            },
            "profile" => {
                if crate::model::format::iso::is_country_code(&value) {
                    state.profile = Some(ProfileRef::Country(value.clone()));
                } else if is_id(&value) {
                    state.profile = Some(ProfileRef::Place(value.clone()));
                } else {
                    bad("a place id or a country code");
                }
            }
            "at" => {
                let parts: Vec<f64> = value.split(',').filter_map(|s| s.parse().ok()).collect();
                match parts.as_slice() {
                    [lon, lat, zoom]
                        if lon.is_finite()
                            && lat.is_finite()
                            && zoom.is_finite()
                            && (-180.0..=180.0).contains(lon)
                            && (-90.0..=90.0).contains(lat)
                            && (1.0..=64.0).contains(zoom) =>
                    {
                        state.at = Some(MapAt { lon: *lon, lat: *lat, zoom: *zoom })
                    }
                    _ => bad("longitude,latitude,zoom (zoom 1 to 64)"),
                }
            }
            "map" => match MapProfile::parse(&value) {
                Some(p) => state.map_profile = Some(p),
                None => bad("china or neutral"),
            },
            "ctr" => match Centre::parse(&value) {
                Some(c) => state.centre = Some(c),
                None => bad("pacific or atlantic"),
            },
            "shade" => match value.as_str() {
                "1" => state.shading = Shading::Choropleth,
                "0" => state.shading = Shading::Arcs,
                _ => bad("0 or 1"),
            },
            "lang" => match Locale::from_tag(&value) {
                Some(l) => state.lang = Some(l),
                None => bad("zh or en"),
            },
            "tab" => match Tab::parse(&value) {
                Some(t) => state.tab = t,
                None => bad("map, charts, table, stories or data"),
            },
            "sort" => {
                let (col, dir) = value.split_once(':').unwrap_or((value.as_str(), "asc"));
                match (SortColumn::parse(col), dir) {
                    (Some(c), "asc") => state.sort = Some((c, false)),
                    (Some(c), "desc") => state.sort = Some((c, true)),
                    _ => bad("column:asc or column:desc"),
                }
            }
            "play" => match value.parse::<i32>() {
                Ok(y) if (1800..=2100).contains(&y) => state.play_year = Some(y),
                _ => bad("a year"),
            },
            "data" => match value.len() <= 2000 && !value.trim().is_empty() {
                true => state.data = Some(value.clone()),
                false => bad("a URL"),
            },
            "cols" => match value.len() <= 2000 && value.contains(',') {
                true => state.cols = Some(value.clone()),
                false => bad("column roles separated by commas"),
            },
            // Diagnostics handled before the app starts (see `ui::start`); not part of the state.
            "selftest" => {}
            "embed" => match EmbedPreset::parse(&value) {
                Some(e) => state.embed = Some(e),
                None => bad("1, map, place, province, national or chart"),
            },
            "chart" => match ChartKind::parse(&value) {
                Some(c) => state.chart = Some(c),
                None => bad("growth, countries, continents, provinces or types"),
            },
            "theme" => match value.as_str() {
                "light" => state.theme = Some(Theme::Light),
                "dark" => state.theme = Some(Theme::Dark),
                _ => bad("light or dark"),
            },
            "accent" => {
                let hex = value.strip_prefix('#').unwrap_or(&value);
                match hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    true => state.accent = Some(format!("#{}", hex.to_ascii_lowercase())),
                    false => bad("a colour such as #b3261e"),
                }
            }
            "font" => {
                let ok = !value.trim().is_empty()
                    && value.chars().count() <= 100
                    && value.chars().all(|c| c.is_alphanumeric() || " ,-".contains(c));
                match ok {
                    true => state.font = Some(value.trim().to_owned()),
                    false => bad("font family names separated by commas"),
                }
            }
            _ => notices.push(Notice {
                param: key.clone(),
                value: shorten(&value),
                reason: NoticeReason::Unknown,
            }),
        }
    }
    (state, notices)
}

fn format_coordinate(x: f64, decimals: usize) -> String {
    let text = format!("{x:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}

/// Writes the canonical query string (without `?`); defaults are left out.
pub fn to_query(state: &UrlState) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    parts.extend(state.filters.params());
    if let Some(q) = &state.search {
        parts.push(("q", q.clone()));
    }
    if let Some(s) = &state.selected {
        parts.push(("sel", s.clone()));
    }
    if let Some(p) = &state.pair {
        parts.push(("pair", p.clone()));
    }
    match &state.profile {
        Some(ProfileRef::Place(id)) | Some(ProfileRef::Country(id)) => {
            parts.push(("profile", id.clone()))
        }
        None => {}
    }
    if let Some(at) = state.at {
        parts.push((
            "at",
            format!(
                "{},{},{}",
                format_coordinate(at.lon, 2),
                format_coordinate(at.lat, 2),
                format_coordinate(at.zoom, 2)
            ),
        ));
    }
    if let Some(p) = state.map_profile {
        parts.push(("map", p.as_str().into()));
    }
    if let Some(c) = state.centre {
        parts.push(("ctr", c.as_str().into()));
    }
    if state.shading == Shading::Choropleth {
        parts.push(("shade", "1".into()));
    }
    if let Some(l) = state.lang {
        parts.push(("lang", l.tag().into()));
    }
    if state.tab != Tab::Map {
        parts.push(("tab", state.tab.as_str().into()));
    }
    if let Some((col, desc)) = state.sort {
        parts.push(("sort", format!("{}:{}", col.as_str(), if desc { "desc" } else { "asc" })));
    }
    if let Some(y) = state.play_year {
        parts.push(("play", y.to_string()));
    }
    if let Some(u) = &state.data {
        parts.push(("data", u.clone()));
    }
    if let Some(c) = &state.cols {
        parts.push(("cols", c.clone()));
    }
    if let Some(e) = state.embed {
        parts.push(("embed", e.as_str().into()));
    }
    if let Some(c) = state.chart {
        parts.push(("chart", c.as_str().into()));
    }
    match state.theme {
        Some(Theme::Light) => parts.push(("theme", "light".into())),
        Some(Theme::Dark) => parts.push(("theme", "dark".into())),
        None => {}
    }
    if let Some(a) = &state.accent {
        parts.push(("accent", a.clone()));
    }
    if let Some(f) = &state.font {
        parts.push(("font", f.clone()));
    }
    parts.into_iter().map(|(k, v)| format!("{k}={}", encode(&v))).collect::<Vec<_>>().join("&")
}

impl MapAt {
    /// The position of a view: the longitude and latitude at its centre, and its zoom; `None`
    /// when the centre is off the globe.
    pub fn of_view(projection: &Projection, view: &View) -> Option<MapAt> {
        let [lon, lat] = projection.inverse(view.cx, view.cy)?;
        Some(MapAt { lon, lat, zoom: view.zoom })
    }

    /// The view of a position.
    pub fn view(self, projection: &Projection) -> View {
        let [cx, cy] = projection.forward(self.lon, self.lat);
        View { cx, cy, zoom: self.zoom }.clamped(projection)
    }
}

/// True when the address's map position (`at`, none for the first view) already describes
/// `view`, as rounded in the URL: the view then need not follow the address.
pub fn at_describes(at: Option<MapAt>, projection: &Projection, view: &View, home: &View) -> bool {
    match at {
        Some(at) => MapAt::of_view(projection, view).map(round_at) == Some(round_at(at)),
        None => view == home,
    }
}

/// The position to write into the address for a view: none for the first view (`home`, the
/// places on show fitted to the frame), which a link without a position opens on.
pub fn at_for_view(projection: &Projection, view: &View, home: &View) -> Option<MapAt> {
    if view == home { None } else { MapAt::of_view(projection, view).map(round_at) }
}

impl UrlState {
    /// The same view without the embedding options (embed preset, chart, theme, accent, font):
    /// the address of the full app a compact embed links to.
    pub fn without_embed(&self) -> UrlState {
        UrlState { embed: None, chart: None, theme: None, accent: None, font: None, ..self.clone() }
    }

    /// The place a place card shows: the selected place, else the place filter.
    pub fn card_place(&self) -> Option<&str> {
        self.selected.as_deref().or(self.filters.place.as_deref())
    }

    /// True when the address's view shows the map on its first screen: the full app on its map
    /// tab, or an embed with a map. The page's static first view waits for the app's map only
    /// then; any other view replaces it as soon as it is shown.
    pub fn shows_map(&self) -> bool {
        match self.embed {
            None | Some(EmbedPreset::Full) => self.tab == Tab::Map,
            Some(EmbedPreset::Map | EmbedPreset::Province | EmbedPreset::National) => true,
            Some(EmbedPreset::Place | EmbedPreset::Chart) => false,
        }
    }
}

/// Rounds a map position the way the URL writes it, so a state read back equals the state
/// written.
pub fn round_at(at: MapAt) -> MapAt {
    let r = |x: f64| (x * 100.0).round() / 100.0;
    MapAt { lon: r(at.lon), lat: r(at.lat), zoom: r(at.zoom).clamp(1.0, 64.0) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_view_with_a_map_waits_for_the_map() {
        let shows = |q: &str| super::parse(q).0.shows_map();
        assert!(shows(""));
        assert!(shows("lang=zh&prov=110000"));
        assert!(!shows("tab=charts"));
        assert!(!shows("tab=data"));
        assert!(shows("embed=map"));
        assert!(shows("embed=national&tab=charts"));
        assert!(!shows("embed=place&sel=cn-xian"));
        assert!(!shows("embed=chart&chart=growth"));
        assert!(!shows("embed=1&tab=table"));
        assert!(shows("embed=1"));
    }

    use super::*;
    use crate::model::ask::filter::{ProgrammeTime, YearRange};
    use crate::model::format::dataset::{Continent, Kind, Level, ScoStatus, Status};

    #[track_caller]
    fn round_trips(state: &UrlState) {
        let text = to_query(state);
        let (back, notices) = parse(&text);
        assert!(notices.is_empty(), "{text}: {notices:?}");
        assert_eq!(&back, state, "{text}");
        assert_eq!(to_query(&back), text);
    }

    #[test]
    fn the_default_state_is_an_empty_query() {
        assert_eq!(to_query(&UrlState::default()), "");
        round_trips(&UrlState::default());
    }

    #[test]
    fn every_field_round_trips() {
        let mut s = UrlState::default();
        s.filters.provinces =
            ["cn-shaanxi".to_owned(), "cn-shanxi".to_owned()].into_iter().collect();
        s.filters.place = Some("cn-xian".into());
        s.filters.place_with_children = false;
        s.filters.levels = [Level::Prefecture, Level::District].into_iter().collect();
        s.filters.countries = ["JP".to_owned(), "KR".to_owned()].into_iter().collect();
        s.filters.continents = [Continent::Europe].into_iter().collect();
        s.filters.bri = Some(ProgrammeTime::AtSigning);
        s.filters.sco = [ScoStatus::Member, ScoStatus::DialoguePartner].into_iter().collect();
        s.filters.sco_time = ProgrammeTime::AtSigning;
        s.filters.kinds = [Kind::Sister].into_iter().collect();
        s.filters.statuses = [Status::Active, Status::Ended].into_iter().collect();
        s.filters.years = YearRange::new(1974, 2018);
        s.filters.include_undated = false;
        s.filters.known_by = "2018-05-29".parse().ok();
        s.filters.only = ["9s2oje".to_owned(), "c624vl".to_owned()].into_iter().collect();
        s.search = Some("西安 xi'an & co".into());
        s.selected = Some("cn-xian".into());
        s.pair = Some("abc123".into());
        s.profile = Some(ProfileRef::Country("JP".into()));
        s.at = Some(MapAt { lon: 121.47, lat: -31.2, zoom: 2.5 });
        s.map_profile = Some(MapProfile::Neutral);
        s.centre = Some(Centre::Atlantic);
        s.shading = Shading::Choropleth;
        s.lang = Some(Locale::Zh);
        s.tab = Tab::Table;
        s.sort = Some((SortColumn::Country, true));
        s.play_year = Some(1994);
        s.data = Some("https://example.org/data.json?x=1&y=2".into());
        s.cols = Some("-,chinese_place,partner,partner_country".into());
        s.embed = Some(EmbedPreset::Province);
        s.chart = Some(ChartKind::Countries);
        s.theme = Some(Theme::Dark);
        s.accent = Some("#00ff7f".into());
        s.font = Some("Noto Sans SC, sans-serif".into());
        round_trips(&s);
        s.profile = Some(ProfileRef::Place("cn-xian".into()));
        round_trips(&s);
    }

    #[test]
    fn hiding_disputed_pairs_round_trips_and_the_default_is_left_out() {
        let (state, notices) = parse("?disputed=0&undated=0");
        assert!(notices.is_empty(), "{notices:?}");
        assert!(!state.filters.include_disputed && !state.filters.include_undated);
        round_trips(&state);
        assert!(to_query(&state).contains("disputed=0"), "{}", to_query(&state));
        let (shown, _) = parse("?disputed=1");
        assert!(shown.filters.include_disputed);
        assert!(!to_query(&shown).contains("disputed"), "the default is not written");
        let (_, notices) = parse("?disputed=perhaps");
        assert_eq!(notices.len(), 1, "a malformed value is a notice");
    }

    #[test]
    fn a_date_cut_round_trips_at_its_own_precision() {
        for day in ["2018-05-29", "2017-08", "2021"] {
            let (state, notices) = parse(&format!("by={day}"));
            assert!(notices.is_empty(), "{day}");
            round_trips(&state);
            assert_eq!(to_query(&state), format!("by={day}"));
        }
    }

    #[test]
    fn malformed_and_unknown_parameters_are_notices_not_failures() {
        let (state, notices) =
            parse("yr=2030-1990&cty=ZZ&at=500,0,2&foo=bar&tab=nope&type=twin&prov=Shaanxi!");
        assert_eq!(state, UrlState::default(), "nothing malformed is applied");
        let reasons: Vec<(&str, bool)> =
            notices.iter().map(|n| (n.param.as_str(), n.reason == NoticeReason::Unknown)).collect();
        assert_eq!(
            reasons,
            vec![
                ("yr", false),
                ("cty", false),
                ("at", false),
                ("foo", true),
                ("tab", false),
                ("type", false),
                ("prov", false)
            ]
        );
    }

    #[test]
    fn decodes_percent_and_plus() {
        let (state, _) = parse("q=%E8%A5%BF%E5%AE%89+xi%27an&data=http%3A%2F%2Fh%2Fd.json");
        assert_eq!(state.search.as_deref(), Some("西安 xi'an"));
        assert_eq!(state.data.as_deref(), Some("http://h/d.json"));
        let (bad, _) = parse("q=%E8%A5%ZZ%");
        assert!(bad.search.is_some(), "broken escapes are kept as text, never a crash");
    }

    #[test]
    fn map_positions_are_rounded_to_what_the_url_holds() {
        let at = round_at(MapAt { lon: 121.4749, lat: 31.2304, zoom: 3.3333 });
        let s = UrlState { at: Some(at), ..UrlState::default() };
        round_trips(&s);
        assert_eq!(to_query(&s), "at=121.47,31.23,3.33");
    }

    #[test]
    fn host_styling_cannot_inject_css() {
        for bad in ["x;}body{display:none", "a\\62 c", "url(x)", "", "#fff'"] {
            let (state, notices) = parse(&format!("font={}", encode(bad)));
            assert_eq!(state.font, None, "{bad:?}");
            assert_eq!(notices.len(), 1, "{bad:?}");
        }
        for bad in ["red", "#12345", "#1234567", "#gggggg", "rgb(1,2,3)"] {
            let (state, _) = parse(&format!("accent={}", encode(bad)));
            assert_eq!(state.accent, None, "{bad:?}");
        }
        let (state, _) = parse("font=Noto%20Sans%20SC,%20serif&accent=%23B3261E");
        assert_eq!(state.font.as_deref(), Some("Noto Sans SC, serif"));
        assert_eq!(state.accent.as_deref(), Some("#b3261e"));
    }
}
