//! Reading a flat CSV of partnerships (one row per partnership), as government staff keep them
//! in spreadsheets, into a dataset: every row that can be read becomes a partnership; every
//! other row becomes a problem naming the row and the column.
//!
//! Columns (header names, any order; see `docs/csv-import.md` and the template the app offers):
//! `chinese_place` and `partner` and `partner_country` are required; `chinese_place_zh`,
//! `chinese_lat`, `chinese_lon`, `partner_local`, `partner_lat`, `partner_lon`, `type`,
//! `status`, `established`, `ended`, `source`, `source_url` and `note` are optional. A place
//! without coordinates is looked up by name in the bundled dataset (the gazetteer).
//!
//! ```
//! use youcheng::model::read::import_csv::import_csv;
//! use youcheng::model::format::dataset::Dataset;
//! let csv = "chinese_place,partner,partner_country,partner_lat,partner_lon,established\n\
//!            Xi'an,Nara,JP,34.685,135.805,1974\n";
//! let loaded = import_csv(csv.as_bytes(), "mine.csv", &Dataset::default()).unwrap();
//! assert_eq!(loaded.dataset.partnerships().len(), 1);
//! assert_eq!(loaded.problems.len(), 1); // Xi'an has no coordinates and no gazetteer entry
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::csv::{Table, read};
use super::officials::{
    column_by_content, column_role, day_first, header_row, is_year_last, name_forms, official_date,
    tie_kind, year_last_date,
};
use crate::model::format::dataset::{
    Country, CountryIdx, Dataset, Kind, Level, Meta, Partnership, Parts, Place, PlaceIdx, Source,
    SourceIdx, SourceNote, Status,
};
use crate::model::format::date::PartialDate;
use crate::model::format::iso::is_country_code;
use crate::model::format::load::{LoadError, Loaded, MAX_INPUT_BYTES, is_http_url};
use crate::model::format::problem::{
    Problem, ProblemKind, Problems, RecordKind, RecordRef, Severity,
};
use crate::model::format::text::{fold, slug};
use crate::model::geo::LonLat;

/// The columns, in the template's order: (name, required).
pub const COLUMNS: [(&str, bool); 16] = [
    ("chinese_place", true),
    ("chinese_place_zh", false),
    ("chinese_lat", false),
    ("chinese_lon", false),
    ("partner", true),
    ("partner_local", false),
    ("partner_country", true),
    ("partner_lat", false),
    ("partner_lon", false),
    ("type", false),
    ("status", false),
    ("established", false),
    ("ended", false),
    ("source", false),
    ("source_url", false),
    ("note", false),
];

/// The template offered for download: the header and two example rows from the project's
/// source documents.
pub fn template() -> String {
    let header: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    format!(
        "{}\r\n{}\r\n{}\r\n",
        header.join(","),
        "Xi'an,西安,34.258,108.929,Nara,奈良市,JP,34.685,135.805,sister,active,1974,,\"Shaanxi government, 2018-05-30\",,first friendship city of Shaanxi",
        "Yan'an,延安,36.597,109.49,Trier,,DE,49.76,6.644,intent,pending,2018,,\"Shaanxi government, 2018-05-30\",,letter of intent"
    )
}

fn problem(row: usize, field: Option<&str>, kind: ProblemKind, severity: Severity) -> Problem {
    Problem {
        record: RecordRef::at(RecordKind::CsvRow, row),
        field: field.map(str::to_owned),
        kind,
        severity,
    }
}

/// A role for each column of the header row, chosen by hand (`None`: the column is not used).
/// Role names are the template's column names ([`COLUMNS`]).
pub type Mapping = Vec<Option<&'static str>>;

/// The template column called `name`, if any.
fn role_named(name: &str) -> Option<&'static str> {
    COLUMNS.iter().map(|(n, _)| *n).find(|n| *n == name)
}

/// A mapping as the address carries it (`cols=-,chinese_place,partner,…`): role names by
/// column, `-` for a column not used.
pub fn mapping_to_param(mapping: &[Option<&str>]) -> String {
    mapping.iter().map(|r| r.unwrap_or("-")).collect::<Vec<_>>().join(",")
}

/// A mapping read from the address; an unknown role name leaves its column unused.
pub fn mapping_from_param(param: &str) -> Mapping {
    param.split(',').take(COLUMN_LIMIT).map(|p| role_named(p.trim())).collect()
}

/// `mapping` with column `column` read as `role`; a column that had that role before is left
/// unused (one column per role).
pub fn with_role(
    mapping: &[Option<&'static str>],
    column: usize,
    role: Option<&'static str>,
) -> Mapping {
    let mut out: Mapping = mapping.to_vec();
    if out.len() <= column {
        out.resize(column + 1, None);
    }
    for r in out.iter_mut() {
        if role.is_some() && *r == role {
            *r = None;
        }
    }
    out[column] = role;
    out
}

/// The most columns a mapping names.
const COLUMN_LIMIT: usize = 200;

/// How a list's columns are read: its header row, the role each column plays, its first rows,
/// and what is missing or in doubt. What the data panel shows as the mapping step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    /// The header row's cells.
    pub header: Vec<String>,
    /// The role of each column.
    pub roles: Mapping,
    /// The first rows under the header (at most [`PREVIEW_ROWS`]).
    pub preview: Vec<Vec<String>>,
    /// Required roles no column plays.
    pub missing: Vec<&'static str>,
    /// Roles that more than one column's header names (the first is used).
    pub doubtful: Vec<&'static str>,
}

/// Rows shown under the header in the mapping step.
pub const PREVIEW_ROWS: usize = 5;

/// Reads a list's columns as the importer does (`mapping`: chosen by hand, else recognised).
pub fn read_columns(
    text: &str,
    gazetteer: &Dataset,
    mapping: Option<&[Option<&'static str>]>,
) -> Columns {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = with_header_found(read(text));
    let found = assign_roles(&table, gazetteer, mapping);
    let mut roles: Mapping = vec![None; table.header.len()];
    for (role, i) in &found.index {
        roles[*i] = Some(*role);
    }
    Columns {
        preview: table.rows.iter().take(PREVIEW_ROWS).map(|r| r.fields.clone()).collect(),
        header: table.header,
        roles,
        missing: found.missing,
        doubtful: found.doubtful,
    }
}

/// The roles found for a table's columns.
struct Assignment {
    index: HashMap<&'static str, usize>,
    missing: Vec<&'static str>,
    doubtful: Vec<&'static str>,
}

/// The column each role is read from: as chosen by hand, else by the template's name or an
/// office's header word ([`column_role`]), else (country and date) by what the column holds
/// ([`column_by_content`]).
fn assign_roles(
    table: &Table,
    gazetteer: &Dataset,
    mapping: Option<&[Option<&'static str>]>,
) -> Assignment {
    let mut index: HashMap<&'static str, usize> = HashMap::default();
    let mut doubtful = Vec::new();
    if let Some(mapping) = mapping {
        for (i, role) in mapping.iter().enumerate().take(table.header.len()) {
            if let Some(role) = role {
                index.entry(role).or_insert(i);
            }
        }
    } else {
        for (name, _) in COLUMNS {
            // The template's own name, else a header word an office uses (中方城市, Partner city …).
            let by_word: Vec<usize> = (0..table.header.len())
                .filter(|&i| column_role(&table.header[i]) == Some(name))
                .collect();
            if let Some(i) = table.column(name).or(by_word.first().copied()) {
                index.insert(name, i);
            }
            if by_word.len() > 1 && table.column(name).is_none() {
                doubtful.push(name);
            }
        }
        // A country or date column whose header word is not known is told by what it holds.
        let codes: HashSet<&str> = gazetteer.countries().iter().map(|k| k.iso.as_str()).collect();
        let names: HashSet<String> = gazetteer
            .countries()
            .iter()
            .flat_map(|k| [Some(fold(&k.name_en)), k.name_zh.clone()])
            .flatten()
            .collect();
        // A name as lists write it ("USA", 美利坚合众国) tells a country column too.
        let is_country = |c: &str| {
            codes.contains(c.to_ascii_uppercase().as_str())
                || names.contains(&fold(c))
                || names.contains(c)
                || country_code(c).is_some()
        };
        for role in ["partner_country", "established"] {
            if index.contains_key(role) {
                continue;
            }
            let found = (0..table.header.len()).find(|&i| {
                !index.values().any(|v| *v == i)
                    && column_by_content(
                        &table.rows.iter().map(|r| r.get(i)).collect::<Vec<_>>(),
                        is_country,
                    ) == Some(role)
            });
            if let Some(i) = found {
                index.insert(role, i);
            }
        }
    }
    let missing = COLUMNS
        .iter()
        .filter(|(name, required)| *required && !index.contains_key(name))
        .map(|(name, _)| *name)
        .collect();
    Assignment { index, missing, doubtful }
}

/// Reads partnership CSV bytes. `gazetteer` (the bundled dataset) supplies countries and the
/// coordinates of places the file names without coordinates.
pub fn import_csv(bytes: &[u8], file_name: &str, gazetteer: &Dataset) -> Result<Loaded, LoadError> {
    import_csv_mapped(bytes, file_name, gazetteer, None)
}

/// Reads partnership CSV bytes with the columns' roles chosen by hand (`mapping`), or
/// recognised when `None` ([`import_csv`]).
pub fn import_csv_mapped(
    bytes: &[u8],
    file_name: &str,
    gazetteer: &Dataset,
    mapping: Option<&[Option<&'static str>]>,
) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(LoadError {
            problem: Problem::fatal(ProblemKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_INPUT_BYTES,
            }),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError {
        problem: Problem::fatal(ProblemKind::NotUtf8 { offset: e.valid_up_to() }),
    })?;
    // Spreadsheets write a byte-order mark as a matter of course: not worth a warning.
    let problems = Problems::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError { problem: Problem::fatal(ProblemKind::Empty) });
    }
    let table = with_header_found(read(text));
    let Assignment { index, missing, .. } = assign_roles(&table, gazetteer, mapping);
    if let Some(column) = missing.first() {
        return Err(LoadError {
            problem: Problem {
                record: RecordRef::at(RecordKind::CsvRow, 1),
                field: Some((*column).to_owned()),
                kind: ProblemKind::MissingColumn { column },
                severity: Severity::Fatal,
            },
        });
    }
    let mut list = problems.into_vec();
    for bad in &table.bad {
        list.push(problem(bad.line, None, ProblemKind::BadQuoting, Severity::Skipped));
    }

    // How this file orders day and month when it writes the year last (25/12/1990).
    let date_values: Vec<&str> = ["established", "ended"]
        .iter()
        .filter_map(|c| index.get(c))
        .flat_map(|&i| table.rows.iter().map(move |r| r.get(i)))
        .collect();
    let day_first = day_first(&date_values);
    let mut builder = Builder::new(gazetteer);
    for row in &table.rows {
        let line = row.line;
        if row.fields.len() != table.header.len() {
            list.push(problem(
                line,
                None,
                ProblemKind::ColumnCount { expected: table.header.len(), found: row.fields.len() },
                Severity::Skipped,
            ));
            continue;
        }
        let get = |name: &str| index.get(name).map(|i| row.get(*i).trim()).unwrap_or("");
        let mut row_problems = Vec::new();
        let mut skip = false;
        for name in ["chinese_place", "partner", "partner_country"] {
            if get(name).is_empty() {
                row_problems.push(problem(
                    line,
                    Some(name),
                    ProblemKind::EmptyText,
                    Severity::Skipped,
                ));
                skip = true;
            }
        }
        let country = if get("partner_country").is_empty() {
            None
        } else {
            builder.country(get("partner_country"))
        };
        if !get("partner_country").is_empty() && country.is_none() {
            row_problems.push(problem(
                line,
                Some("partner_country"),
                ProblemKind::UnknownCountry {
                    code: get("partner_country").chars().take(20).collect(),
                },
                Severity::Skipped,
            ));
            skip = true;
        }
        let mut coords = |lat: &str,
                          lon: &str,
                          lat_field: &'static str,
                          lon_field: &'static str|
         -> Option<LonLat> {
            match (lat.is_empty(), lon.is_empty()) {
                (true, true) => None,
                (false, false) => {
                    let parsed = (lat.parse::<f64>(), lon.parse::<f64>());
                    let point = match parsed {
                        (Ok(a), Ok(b)) => LonLat::new(b, a),
                        _ => None,
                    };
                    if point.is_none() {
                        row_problems.push(problem(
                            line,
                            Some(lat_field),
                            ProblemKind::CoordinatesOutOfRange { value: format!("{lat}, {lon}") },
                            Severity::Warning,
                        ));
                    }
                    point
                }
                (false, true) => {
                    row_problems.push(problem(
                        line,
                        Some(lon_field),
                        ProblemKind::HalfCoordinates,
                        Severity::Warning,
                    ));
                    None
                }
                (true, false) => {
                    row_problems.push(problem(
                        line,
                        Some(lat_field),
                        ProblemKind::HalfCoordinates,
                        Severity::Warning,
                    ));
                    None
                }
            }
        };
        let home_coords =
            coords(get("chinese_lat"), get("chinese_lon"), "chinese_lat", "chinese_lon");
        let partner_coords =
            coords(get("partner_lat"), get("partner_lon"), "partner_lat", "partner_lon");
        let kind = match get("type") {
            "" => Kind::Unknown,
            t => {
                Kind::parse(&t.to_ascii_lowercase()).or_else(|| tie_kind(t)).unwrap_or_else(|| {
                    row_problems.push(problem(
                        line,
                        Some("type"),
                        ProblemKind::UnknownValue {
                            value: t.chars().take(20).collect(),
                            allowed: Kind::ALLOWED,
                        },
                        Severity::Warning,
                    ));
                    Kind::Unknown
                })
            }
        };
        let mut date = |field: &'static str| -> Option<PartialDate> {
            let text = get(field);
            if text.is_empty() {
                return None;
            }
            // The ISO form first, then the forms officials write, then year-last in the
            // file's order.
            let parsed = text.parse::<PartialDate>().map_err(|e| {
                official_date(text)
                    .or_else(|| day_first.and_then(|f| year_last_date(text, f)))
                    .ok_or(e)
            });
            match parsed {
                Ok(d) | Err(Ok(d)) => Some(d),
                Err(Err(e)) => {
                    let reason = if is_year_last(text) {
                        "day and month order cannot be told from this file".to_owned()
                    } else {
                        e.to_string()
                    };
                    row_problems.push(problem(
                        line,
                        Some(field),
                        ProblemKind::BadDate { value: text.chars().take(40).collect(), reason },
                        Severity::Warning,
                    ));
                    None
                }
            }
        };
        let established = date("established");
        let mut ended = date("ended");
        if let (Some(s), Some(e)) = (established, ended)
            && e < s
        {
            row_problems.push(problem(
                line,
                Some("ended"),
                ProblemKind::EndsBeforeStart,
                Severity::Warning,
            ));
            ended = None;
        }
        let status = match get("status") {
            "" if ended.is_some() => Status::Ended,
            "" if kind == Kind::Intent => Status::Pending,
            "" => Status::Active,
            s => Status::parse(&s.to_ascii_lowercase()).unwrap_or_else(|| {
                row_problems.push(problem(
                    line,
                    Some("status"),
                    ProblemKind::UnknownValue {
                        value: s.chars().take(20).collect(),
                        allowed: Status::ALLOWED,
                    },
                    Severity::Warning,
                ));
                Status::Active
            }),
        };
        if skip {
            list.extend(row_problems);
            continue;
        }
        let Some(country) = country else { continue };
        // A list kept in Chinese names the Chinese side in Chinese (西安市): that is its
        // Chinese name too.
        let home_zh = match get("chinese_place_zh") {
            "" if has_han(get("chinese_place")) => get("chinese_place"),
            zh => zh,
        };
        let home = builder.home(get("chinese_place"), home_zh, home_coords);
        let partner =
            builder.partner(get("partner"), get("partner_local"), country, partner_coords);
        if home == partner {
            row_problems.push(problem(
                line,
                Some("partner"),
                ProblemKind::SelfPartnership,
                Severity::Skipped,
            ));
            list.extend(row_problems);
            continue;
        }
        if let Some(other) = builder.pair_ids.get(&(home, partner)) {
            row_problems.push(problem(
                line,
                Some("partner"),
                ProblemKind::DuplicatePair { other_id: other.clone() },
                Severity::Skipped,
            ));
            list.extend(row_problems);
            continue;
        }
        for (place, field) in [(home, "chinese_place"), (partner, "partner")] {
            if builder.places[place.0 as usize].coords.is_none() && builder.warned.insert(place) {
                row_problems.push(problem(
                    line,
                    Some(field),
                    ProblemKind::UnplaceableName {
                        name: builder.places[place.0 as usize].name_en.chars().take(60).collect(),
                    },
                    Severity::Warning,
                ));
            }
        }
        let url = get("source_url");
        if !url.is_empty() && !is_http_url(url) {
            row_problems.push(problem(
                line,
                Some("source_url"),
                ProblemKind::UnsafeUrl { value: url.chars().take(60).collect() },
                Severity::Warning,
            ));
        }
        let source = builder.source(get("source"), url, file_name);
        let id = format!("r{line}");
        builder.pair_ids.insert((home, partner), id.clone());
        builder.pairs.push(Partnership {
            id,
            home,
            partner,
            kind,
            status,
            established,
            established_derived: false,
            ended,
            sources: vec![source],
            note: Some(get("note").to_owned()).filter(|n| !n.is_empty()),
            history: Vec::new(),
            alternatives: Vec::new(),
            disputed: None,
        });
        list.extend(row_problems);
    }
    list.sort_by_key(|p| (p.record.index, p.field.clone()));
    let context_places = builder.add_ancestors();
    let meta = Meta {
        format_version: "csv".to_owned(),
        id: format!("csv-{}", slug(file_name)),
        version: String::new(),
        date: None,
        title_en: file_name.to_owned(),
        title_zh: Some(file_name.to_owned()),
        focus: gazetteer.meta().focus.clone().or(Some("CN".to_owned())),
        licence: None,
        attribution: vec![SourceNote {
            en: format!("Data from {file_name}, loaded in the browser"),
            zh: Some(format!("数据来自 {file_name}，在浏览器中读取")),
        }],
        synthetic: false,
        sources_file: None,
    };
    let dataset = Dataset::from_parts(Parts {
        meta,
        places: builder.places,
        partnerships: builder.pairs,
        countries: builder.countries,
        sources: builder.sources,
        reported: Vec::new(),
    });
    Ok(Loaded { dataset, problems: list, context_places })
}

struct Builder<'g> {
    gazetteer: &'g Dataset,
    countries: Vec<Country>,
    country_index: HashMap<String, CountryIdx>,
    places: Vec<Place>,
    place_index: HashMap<(CountryIdx, String), PlaceIdx>,
    sources: Vec<Source>,
    source_index: HashMap<(String, String), SourceIdx>,
    pairs: Vec<Partnership>,
    pair_ids: HashMap<(PlaceIdx, PlaceIdx), String>,
    warned: HashSet<PlaceIdx>,
    place_ids: HashSet<String>,
    /// Gazetteer places by (country ISO, folded English / Chinese / local / pinyin name),
    /// built once.
    known: HashMap<(String, String), PlaceIdx>,
    /// What each country cell written so far means (a list repeats 日本 thousands of times).
    country_by_text: HashMap<String, Option<CountryIdx>>,
    /// The gazetteer place each new place was matched to, and back.
    matched: Vec<Option<PlaceIdx>>,
    from_gazetteer: HashMap<PlaceIdx, PlaceIdx>,
}

/// The gazetteer's places by country and folded name (English, Chinese, pinyin); the first
/// place of a name wins, as a scan in file order would find it.
fn gazetteer_index(gazetteer: &Dataset) -> HashMap<(String, String), PlaceIdx> {
    let mut index = HashMap::default();
    for (i, p) in gazetteer.places().iter().enumerate() {
        let iso = &gazetteer.country(p.country).iso;
        let names = [
            Some(fold(&p.name_en)),
            p.name_zh.as_deref().map(fold),
            p.name_local.as_deref().map(fold),
            p.pinyin.clone(),
        ];
        for name in names.into_iter().flatten().filter(|n| !n.is_empty()) {
            index.entry((iso.clone(), name)).or_insert(PlaceIdx(i as u32));
        }
    }
    index
}

impl<'g> Builder<'g> {
    fn new(gazetteer: &'g Dataset) -> Builder<'g> {
        Builder {
            gazetteer,
            countries: Vec::new(),
            country_index: HashMap::default(),
            places: Vec::new(),
            place_index: HashMap::default(),
            sources: Vec::new(),
            source_index: HashMap::default(),
            pairs: Vec::new(),
            pair_ids: HashMap::default(),
            warned: Default::default(),
            place_ids: Default::default(),
            known: gazetteer_index(gazetteer),
            matched: Vec::new(),
            from_gazetteer: HashMap::default(),
            country_by_text: HashMap::default(),
        }
    }

    /// Brings each matched place's province and city from the gazetteer as its parents, so
    /// province filters, charts and official figures work on the list (西安市 keeps Shaanxi).
    /// Returns how many places were added only for that.
    fn add_ancestors(&mut self) -> usize {
        let before = self.places.len();
        for i in 0..before {
            let Some(known) = self.matched[i] else { continue };
            let parent = self.gazetteer.place(known).parent;
            self.places[i].parent = parent.map(|p| self.context_place(p));
        }
        self.places.len() - before
    }

    /// The new place standing for gazetteer place `known`, added (with its own parents) when
    /// the list did not name it.
    fn context_place(&mut self, known: PlaceIdx) -> PlaceIdx {
        if let Some(idx) = self.from_gazetteer.get(&known) {
            return *idx;
        }
        let source = self.gazetteer.place(known).clone();
        let iso = self.gazetteer.country(source.country).iso.clone();
        let country = self.country(&iso).unwrap_or(CountryIdx(0));
        let idx = PlaceIdx(self.places.len() as u32);
        let mut id = source.id.clone();
        let mut n = 2;
        while !self.place_ids.insert(id.clone()) {
            id = format!("{}-{n}", source.id);
            n += 1;
        }
        let parent = source.parent;
        self.places.push(Place { id, parent: None, country, wikidata: None, ..source });
        self.matched.push(Some(known));
        self.from_gazetteer.insert(known, idx);
        let parent = parent.map(|p| self.context_place(p));
        self.places[idx.0 as usize].parent = parent;
        idx
    }

    /// The country an ISO code or a name (English or Chinese) means, added on first use.
    fn country(&mut self, text: &str) -> Option<CountryIdx> {
        if let Some(known) = self.country_by_text.get(text) {
            return *known;
        }
        let found = self.find_country(text);
        self.country_by_text.insert(text.to_owned(), found);
        found
    }

    fn find_country(&mut self, text: &str) -> Option<CountryIdx> {
        let upper = text.to_ascii_uppercase();
        // A name as lists write it ("USA", "Korea, Republic of", 美利坚合众国, アメリカ合衆国) is read
        // through the table of country names.
        let named = if is_country_code(&upper) { None } else { country_code(text) };
        let known = self.gazetteer.countries().iter().find(|c| {
            c.iso == upper
                || fold(&c.name_en) == fold(text)
                || c.name_zh.as_deref() == Some(text)
                || named == Some(c.iso.as_str())
        });
        let country = match known {
            Some(c) => c.clone(),
            None if is_country_code(&upper) || named.is_some() => Country {
                iso: named.map_or(upper.clone(), str::to_owned),
                name_en: named.map_or(upper.clone(), str::to_owned),
                name_zh: None,
                continent: None,
                bri_since: None,
                bri_exit: None,
                sco: Vec::new(),
            },
            None => return None,
        };
        if let Some(idx) = self.country_index.get(&country.iso) {
            return Some(*idx);
        }
        let idx = CountryIdx(self.countries.len() as u16);
        self.country_index.insert(country.iso.clone(), idx);
        self.countries.push(country);
        Some(idx)
    }

    /// The gazetteer place a name means, as written or in the shorter forms officials also
    /// write ([`name_forms`]: 西安市 → 西安, 济南市历城区 → 历城区).
    fn lookup(&self, iso: &str, name: &str) -> Option<PlaceIdx> {
        name_forms(name)
            .iter()
            .find_map(|form| self.known.get(&(iso.to_owned(), fold(form))).copied())
    }

    fn place(
        &mut self,
        name: &str,
        other_name: &str,
        country: CountryIdx,
        coords: Option<LonLat>,
        home: bool,
    ) -> PlaceIdx {
        let key = (country, fold(name));
        if let Some(idx) = self.place_index.get(&key) {
            if coords.is_some() && self.places[idx.0 as usize].coords.is_none() {
                self.places[idx.0 as usize].coords = coords;
            }
            return *idx;
        }
        let iso = self.countries[country.0 as usize].iso.clone();
        let known_idx = self.lookup(&iso, name);
        // Another name for a place already in the list (西安 and 西安市) is that place.
        if let Some(idx) = known_idx.and_then(|k| self.from_gazetteer.get(&k).copied()) {
            self.place_index.insert(key, idx);
            return idx;
        }
        let known = known_idx.map(|k| self.gazetteer.place(k).clone());
        let idx = PlaceIdx(self.places.len() as u32);
        self.matched.push(known_idx);
        if let Some(k) = known_idx {
            self.from_gazetteer.insert(k, idx);
        }
        let other = Some(other_name.to_owned()).filter(|n| !n.is_empty());
        // Two names can differ and still share a slug ("Nara" and "Nara!"): number the later
        // ones so every id stays unique (found by the fuzzer).
        let base =
            format!("{}-{}-{}", if home { "h" } else { "p" }, iso.to_ascii_lowercase(), slug(name));
        let mut id = base.clone();
        let mut n = 2;
        while !self.place_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.places.push(Place {
            id,
            // A name written in Chinese that the gazetteer knows takes its English name too.
            name_en: match &known {
                Some(k) if has_han(name) => k.name_en.clone(),
                _ => name.to_owned(),
            },
            name_zh: if home {
                other.clone().or(known.as_ref().and_then(|k| k.name_zh.clone()))
            } else {
                known.as_ref().and_then(|k| k.name_zh.clone())
            },
            name_local: if home { None } else { other },
            pinyin: known.as_ref().and_then(|k| k.pinyin.clone()),
            level: known.as_ref().map(|k| k.level).unwrap_or(Level::Other),
            parent: None,
            country,
            coords: coords.or(known.as_ref().and_then(|k| k.coords)),
            admin_code: known.as_ref().and_then(|k| k.admin_code.clone()),
            wikidata: None,
        });
        self.place_index.insert(key, idx);
        idx
    }

    fn home(&mut self, name: &str, zh: &str, coords: Option<LonLat>) -> PlaceIdx {
        let focus = self.gazetteer.meta().focus.clone().unwrap_or_else(|| "CN".to_owned());
        let country = self.country(&focus).unwrap_or(CountryIdx(0));
        self.place(name, zh, country, coords, true)
    }

    fn partner(
        &mut self,
        name: &str,
        local: &str,
        country: CountryIdx,
        coords: Option<LonLat>,
    ) -> PlaceIdx {
        self.place(name, local, country, coords, false)
    }

    fn source(&mut self, title: &str, url: &str, file_name: &str) -> SourceIdx {
        let key = (title.to_owned(), url.to_owned());
        if let Some(idx) = self.source_index.get(&key) {
            return *idx;
        }
        let idx = SourceIdx(self.sources.len() as u32);
        self.sources.push(Source {
            id: format!("s{}", idx.0 + 1),
            title: if title.is_empty() { file_name.to_owned() } else { title.to_owned() },
            url: is_http_url(url).then(|| url.to_owned()),
            document: (!url.is_empty() && !is_http_url(url)).then(|| url.to_owned()),
            licence: None,
            note: None,
            elsewhere: false,
        });
        self.source_index.insert(key, idx);
        idx
    }
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The table with its header row found: the first row when it names the template's columns,
/// else the first row (under title and blank rows) that names a Chinese-side and a partner
/// column in an office's words ([`header_row`]).
fn with_header_found(table: Table) -> Table {
    let names_template = COLUMNS
        .iter()
        .filter(|(_, required)| *required)
        .any(|(name, _)| table.column(name).is_some());
    if names_template || header_row(std::slice::from_ref(&table.header)).is_some() {
        return table;
    }
    let rows: Vec<&Vec<String>> = table.rows.iter().map(|r| &r.fields).collect();
    let Some(at) = header_row(&rows) else { return table };
    Table {
        header: table.rows[at].fields.iter().map(|f| f.trim().to_owned()).collect(),
        rows: table.rows[at + 1..].to_vec(),
        bad: table.bad,
    }
}

/// True when a file looks like a spreadsheet (CSV or text) rather than partnership JSON: by
/// its name's extension, else by its first character (JSON starts with `{`).
pub fn looks_like_csv(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        return true;
    }
    if lower.ends_with(".json") {
        return false;
    }
    let first = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    !matches!(first, Some(b'{' | b'['))
}

/// The ISO 3166-1 code a country name means, as lists write it in English, Chinese, Japanese or
/// Korean ("United States", "USA", "U.S.", 美利坚合众国, アメリカ合衆国, 미국 → US): the generated
/// table of [`super::country_names`].
pub fn country_code(text: &str) -> Option<&'static str> {
    let key = fold(text);
    if key.is_empty() {
        return None;
    }
    super::country_names::COUNTRY_NAMES
        .lines()
        .find_map(|line| line.split_once('\t').filter(|(name, _)| *name == key).map(|(_, iso)| iso))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::dataset::PairIdx;
    use crate::model::format::load::load;

    fn gazetteer() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset
    }

    fn codes(loaded: &Loaded) -> Vec<String> {
        loaded.problems.iter().map(|p| p.compact()).collect()
    }

    #[test]
    fn the_template_loads_cleanly() {
        let loaded = import_csv(template().as_bytes(), "template.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        assert_eq!(loaded.dataset.partnerships().len(), 2);
        let trier = loaded.dataset.partnership(PairIdx(1));
        assert_eq!((trier.kind, trier.status), (Kind::Intent, Status::Pending));
    }

    #[test]
    fn an_office_list_with_a_title_row_chinese_headers_and_dotted_dates_loads() {
        let csv = "陕西省国际友好城市一览表,,,,,\n,,,,,\n序号,中方城市,外方城市,国别,结好时间,备注\n\
                   1,西安,Nara,日本,1974.2.1,第一对\n\
                   2,Shanghai,San Francisco,美国,1980年1月28日,\n\
                   3,西安,Trier,德国,2015.9,\n";
        let loaded = import_csv(csv.as_bytes(), "陕西.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        let d = &loaded.dataset;
        assert_eq!(d.partnerships().len(), 3);
        let first = d.partnership(PairIdx(0));
        assert_eq!(first.established.map(|e| e.to_string()).as_deref(), Some("1974-02-01"));
        assert_eq!(d.place(first.home).name_en, "Xi'an", "the gazetteer's name for 西安");
        assert_eq!(d.country_of(first.partner).iso, "JP", "country by its Chinese name");
        let dates: Vec<String> = d
            .partnerships()
            .iter()
            .map(|p| p.established.map(|e| e.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dates, ["1974-02-01", "1980-01-28", "2015-09"]);
        assert_eq!(d.partnership(PairIdx(0)).note.as_deref(), Some("第一对"));
    }

    #[test]
    fn matched_chinese_places_keep_their_province_and_level_in_any_written_form() {
        let csv = "中方城市,外方城市,国别,结好时间\n西安市,奈良市,日本,1974\n西安,Trier,德国,2015\n\
                   上海市长宁区,Minsk,白俄罗斯,2021\n";
        let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).unwrap();
        let d = &loaded.dataset;
        assert_eq!(d.partnerships().len(), 3);
        let xian = d.partnership(PairIdx(0)).home;
        assert_eq!(d.partnership(PairIdx(1)).home, xian, "西安 and 西安市 are one place");
        assert_eq!(d.place(xian).level, Level::Prefecture);
        let province = d.province_of(xian).map(|p| d.place(p).id.as_str());
        assert_eq!(province, Some("cn-shaanxi"));
        let changning = d.partnership(PairIdx(2)).home;
        assert_eq!(d.place(changning).name_en, "Changning District");
        assert_eq!(d.province_of(changning).map(|p| d.place(p).id.as_str()), Some("cn-shanghai"));
        assert_eq!(
            d.place(d.partnership(PairIdx(0)).partner).name_en,
            "Nara",
            "奈良市 by its local name"
        );
        // Shaanxi and Shanghai came as context: the list itself names five places.
        assert_eq!((loaded.context_places, loaded.n_places_named()), (2, 5));
    }

    #[test]
    fn columns_not_recognised_are_reported_missing_then_read_as_mapped_by_hand() {
        let csv =
            "Ort,Gegenstück,Land,Jahr,Remarks\nXi'an,Nara,JP,1974,first\nYan'an,Trier,DE,2018,\n";
        let columns = read_columns(csv, &gazetteer(), None);
        assert_eq!(columns.header, ["Ort", "Gegenstück", "Land", "Jahr", "Remarks"]);
        // The country and the year are told by what the columns hold; the two sides are not.
        assert_eq!(
            columns.roles,
            [None, None, Some("partner_country"), Some("established"), Some("note")]
        );
        assert_eq!(columns.missing, ["chinese_place", "partner"]);
        assert_eq!(columns.preview.len(), 2);
        let err = import_csv(csv.as_bytes(), "l.csv", &gazetteer()).unwrap_err();
        assert_eq!(err.problem.compact(), "fatal row[1] chinese_place missing-column");

        let mapping = mapping_from_param("chinese_place,partner,partner_country,established,-");
        assert_eq!(
            mapping_to_param(&mapping),
            "chinese_place,partner,partner_country,established,-"
        );
        let loaded =
            import_csv_mapped(csv.as_bytes(), "l.csv", &gazetteer(), Some(&mapping)).unwrap();
        assert_eq!(loaded.dataset.partnerships().len(), 2);
        assert_eq!(
            loaded.dataset.partnership(PairIdx(0)).note,
            None,
            "Remarks left unused by hand"
        );
        assert!(read_columns(csv, &gazetteer(), Some(&mapping)).missing.is_empty());
    }

    #[test]
    fn a_hand_mapping_can_swap_what_the_headers_say_and_unknown_roles_are_ignored() {
        let csv = "中方城市,外方城市,国别\nNara,Xi'an,JP\n";
        let mapping = mapping_from_param("partner,chinese_place,partner_country,nonsense");
        assert_eq!(
            mapping,
            [Some("partner"), Some("chinese_place"), Some("partner_country"), None]
        );
        let columns = read_columns(csv, &gazetteer(), Some(&mapping));
        assert_eq!(
            columns.roles,
            [Some("partner"), Some("chinese_place"), Some("partner_country")]
        );
        let loaded =
            import_csv_mapped(csv.as_bytes(), "l.csv", &gazetteer(), Some(&mapping)).unwrap();
        let d = &loaded.dataset;
        assert_eq!(d.place(d.partnership(PairIdx(0)).home).name_en, "Xi'an");
    }

    #[test]
    fn a_role_chosen_for_one_column_leaves_the_column_that_had_it() {
        let m = [Some("chinese_place"), Some("partner"), None];
        assert_eq!(
            with_role(&m, 2, Some("partner")),
            [Some("chinese_place"), None, Some("partner")]
        );
        assert_eq!(with_role(&m, 0, None), [None, Some("partner"), None]);
        assert_eq!(
            with_role(&m, 4, Some("note")),
            [Some("chinese_place"), Some("partner"), None, None, Some("note")]
        );
    }

    #[test]
    fn two_columns_named_for_one_role_are_in_doubt_and_the_first_is_used() {
        let csv = "中方城市,外方城市,国别,结好时间,签约时间\n西安,Nara,JP,1974,1973\n";
        let columns = read_columns(csv, &gazetteer(), None);
        assert_eq!(columns.doubtful, ["established"]);
        assert_eq!(columns.roles[3], Some("established"));
        assert_eq!(columns.roles[4], None);
    }

    #[test]
    fn english_headers_with_semicolons_and_words_for_the_tie_load() {
        let csv = "Chinese city;Partner city;Country;Date established;Relationship\n\
                   Xi'an;Nara;Japan;1974;Sister city\n\
                   Shanghai;San Francisco;US;1980;friendly exchange\n";
        let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        let kinds: Vec<Kind> = loaded.dataset.partnerships().iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Sister, Kind::Friendly]);
    }

    #[test]
    fn day_first_dates_follow_the_files_evident_order_and_are_never_guessed() {
        let csv = "Chinese city;Partner city;Country;Date established\n\
                   Xi'an;Nara;Japan;01/02/1974\n\
                   Shanghai;San Francisco;US;28/01/1980\n";
        let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        let dates: Vec<String> = loaded
            .dataset
            .partnerships()
            .iter()
            .map(|p| p.established.map(|e| e.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dates, ["1974-02-01", "1980-01-28"]);
        // Nothing in this file tells the order: both dates are reported, none is guessed.
        let csv = "Chinese city;Partner city;Country;Date established\n\
                   Xi'an;Nara;Japan;01/02/1974\n\
                   Shanghai;San Francisco;US;03/04/1980\n";
        let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).unwrap();
        assert_eq!(
            codes(&loaded),
            ["warning row[2] established bad-date", "warning row[3] established bad-date"]
        );
        assert!(loaded.dataset.partnerships().iter().all(|p| p.established.is_none()));
        assert!(format!("{:?}", loaded.problems[0].kind).contains("day and month order"));
    }

    #[test]
    fn country_and_date_columns_with_unknown_headers_are_told_by_their_content() {
        let csv = "中方城市,外方城市,地区,签字日\n西安,Nara,日本,1974.2.1\nShanghai,San Francisco,美国,1980\n";
        let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        let p = loaded.dataset.partnership(PairIdx(0));
        assert_eq!(loaded.dataset.country_of(p.partner).iso, "JP");
        assert_eq!(p.established.map(|e| e.to_string()).as_deref(), Some("1974-02-01"));
    }

    #[test]
    fn places_without_coordinates_come_from_the_gazetteer() {
        let csv =
            "chinese_place,partner,partner_country\n西安,Nara,Japan\nShanghai,San Francisco,US\n";
        let loaded = import_csv(csv.as_bytes(), "x.csv", &gazetteer()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", codes(&loaded));
        let d = &loaded.dataset;
        assert!(d.places().iter().all(|p| p.coords.is_some()));
        assert_eq!(
            d.country_of(d.partnership(PairIdx(0)).partner).iso,
            "JP",
            "country by English name"
        );
    }

    #[test]
    fn three_good_rows_and_two_bad_ones() {
        let csv = "chinese_place,chinese_lat,chinese_lon,partner,partner_country,partner_lat,partner_lon,established\n\
                   Xi'an,34.258,108.929,Nara,JP,34.685,135.805,1974\n\
                   Yan'an,36.597,109.49,Trier,ZZ,49.76,6.644,2018\n\
                   Yan'an,36.597,109.49,Kansas City,US,39.1,-94.58,2017\n\
                   ,31.2,121.4,Osaka,JP,34.7,135.5,1974\n\
                   Shanghai,31.2,121.4,San Francisco,US,37.77,-122.42,1980\n";
        let loaded = import_csv(csv.as_bytes(), "x.csv", &gazetteer()).unwrap();
        assert_eq!(loaded.dataset.partnerships().len(), 3);
        assert_eq!(
            codes(&loaded),
            vec![
                "skipped row[3] partner_country unknown-country",
                "skipped row[5] chinese_place empty-text"
            ]
        );
    }

    #[test]
    fn broken_rows_are_reported_by_line() {
        let csv = "chinese_place,partner,partner_country,established,type\n\
                   Xi'an,Nara,JP,1974-02-30,twin\n\
                   Xi'an,\"Nara\"x,JP,1974,sister\n\
                   Xi'an,Kobe,JP\n";
        let loaded = import_csv(csv.as_bytes(), "x.csv", &gazetteer()).unwrap();
        assert_eq!(loaded.dataset.partnerships().len(), 1);
        assert_eq!(
            codes(&loaded),
            vec![
                "warning row[2] established bad-date",
                "warning row[2] type unknown-value",
                "skipped row[3] bad-quoting",
                "skipped row[4] column-count",
            ]
        );
    }

    #[test]
    fn unreadable_files_are_refused_with_a_reason() {
        let g = gazetteer();
        let latin1 = b"chinese_place,partner,partner_country\nX,Cegl\xe9d,HU\n";
        assert_eq!(
            import_csv(latin1, "x.csv", &g).unwrap_err().problem.compact(),
            "fatal file not-utf8"
        );
        let missing = "place,partner\nX,Y\n";
        assert_eq!(
            import_csv(missing.as_bytes(), "x.csv", &g).unwrap_err().problem.compact(),
            "fatal row[1] chinese_place missing-column"
        );
        assert_eq!(
            import_csv(b"  ", "x.csv", &g).unwrap_err().problem.compact(),
            "fatal file empty"
        );
    }

    #[test]
    fn spreadsheets_are_told_from_json_by_name_then_content() {
        assert!(looks_like_csv("list.CSV", b"{"));
        assert!(!looks_like_csv("list.json", b"a,b"));
        assert!(!looks_like_csv("data?x=1", "\u{feff} {\"format\":1}".as_bytes()));
        assert!(looks_like_csv("data", b"chinese_place,partner"));
    }
}
