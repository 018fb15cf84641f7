//! Loading partnership JSON (format version 1) into a [`Dataset`] plus its [`Problem`]s.
//!
//! Only an unreadable file is an error ([`LoadError`]): not JSON, too large, too deep, not
//! partnership JSON, or an unknown major version. Everything else is per record: a bad record
//! is skipped or kept without the bad field, and a [`Problem`] says which record, which field
//! and what is wrong. Valid records are always kept.
//!
//! ```
//! use youcheng::model::format::load::load;
//! let text = r#"{"format":"youcheng-partnerships","version":"1.0",
//!   "dataset":{"id":"demo","version":"1","title":{"en":"Demo"}},
//!   "countries":[{"iso":"CN","en":"China"},{"iso":"JP","en":"Japan"}],
//!   "places":[{"id":"cn-xian","en":"Xi'an","zh":"西安","level":"prefecture","country":"CN","lat":34.26,"lon":108.94},
//!             {"id":"jp-nara","en":"Nara","level":"city","country":"JP","lat":34.69,"lon":135.80},
//!             {"id":"jp-bad","en":"Bad","country":"JP","lat":134.0,"lon":1.0}],
//!   "partnerships":[{"id":"p1","home":"cn-xian","partner":"jp-nara","type":"sister","est":"1974-02-01"},
//!                   {"id":"p2","home":"cn-xian","partner":"jp-nowhere"}]}"#;
//! let loaded = load(text).unwrap();
//! assert_eq!(loaded.dataset.partnerships().len(), 1);
//! assert_eq!(loaded.problems.len(), 2); // the latitude of jp-bad, the dangling partner of p2
//! ```

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::dataset::{
    Alternative, Continent, Country, CountryIdx, Dataset, Disputed, Kind, Level, Meta, PairIdx,
    Partnership, Parts, Place, PlaceIdx, Programme, Qualifier, ReportedFigure, ReportedKind,
    ScoStatus, Source, SourceIdx, SourceNote, Stage, Status, Unit,
};
use super::date::PartialDate;
use super::ids::{allows_compact, derived_pair_id, derived_place_id};
use super::iso::is_country_code;
use super::problem::{Problem, ProblemKind, Problems, RecordKind, RecordRef, Severity};
use crate::model::geo::LonLat;

/// The `format` value every partnership JSON file carries.
pub const FORMAT_NAME: &str = "youcheng-partnerships";
/// The major version this app reads.
pub const FORMAT_MAJOR: u32 = 1;
/// The minor version this app writes (1.1: a dataset may keep its sources' details in a second
/// file, `dataset.sources_file`, and list its sources by id; 1.2: a compact file may leave out
/// the ids a reader derives, [`super::ids`], and name a pair's places and sources by their
/// position in the file's lists).
pub const FORMAT_MINOR: u32 = 2;
/// The largest file the loader accepts, in bytes.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// A loaded dataset and what was wrong with the file.
#[derive(Debug)]
pub struct Loaded {
    /// The valid records, indexed.
    pub dataset: Dataset,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    /// Places the dataset holds only as the province or city of a place the file names (a
    /// spreadsheet's 西安市 brings Shaanxi): not counted as loaded from the file.
    pub context_places: usize,
}

impl Loaded {
    /// The places the file itself names (without the provinces and cities brought for context).
    pub fn n_places_named(&self) -> usize {
        self.dataset.places().len().saturating_sub(self.context_places)
    }

    /// Number of problems that skipped a record.
    pub fn n_skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Skipped).count()
    }
}

/// Nothing could be loaded; the problem says why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{problem}")]
pub struct LoadError {
    /// The fatal problem.
    pub problem: Problem,
}

pub(super) fn fatal(kind: ProblemKind) -> LoadError {
    LoadError { problem: Problem::fatal(kind) }
}

/// Strips a UTF-8 byte-order mark, noting it as a warning.
pub(crate) fn strip_bom<'a>(text: &'a str, problems: &mut Problems) -> &'a str {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            problems.push(&RecordRef::file(), None, ProblemKind::ByteOrderMark, Severity::Warning);
            rest
        }
        None => text,
    }
}

/// Parses the text of a JSON file within the loader's limits (size, depth, byte-order mark).
pub(super) fn parse_json(text: &str, problems: &mut Problems) -> Result<Value, LoadError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(fatal(ProblemKind::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES }));
    }
    let text = strip_bom(text, problems);
    if text.trim().is_empty() {
        return Err(fatal(ProblemKind::Empty));
    }
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            fatal(ProblemKind::TooDeep)
        } else {
            fatal(ProblemKind::JsonSyntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
        }
    })
}

/// Reads the records of a `sources` array (objects, or ids alone), collecting problems.
pub(super) fn read_sources(
    root: &Map<String, Value>,
    problems: Problems,
) -> (Vec<Source>, Problems) {
    let mut reader = Reader { problems, compact: false };
    let items = reader_array(root, "sources", &mut reader.problems);
    let (sources, _) = reader.sources(items);
    (sources, reader.problems)
}

/// The format version a file states (`"1.1"` or `1.1`), checked: an unknown major version is
/// fatal, a newer minor one a warning.
pub(super) fn read_version(
    root: &Map<String, Value>,
    problems: &mut Problems,
) -> Result<String, LoadError> {
    let version = match root.get("version") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    check_version(&version, problems)?;
    Ok(version)
}

/// Loads partnership JSON.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    let mut problems = Problems::default();
    let root = parse_json(text, &mut problems)?;
    let Some(root) = root.as_object() else {
        return Err(fatal(ProblemKind::NotPartnershipJson));
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(fatal(ProblemKind::NotPartnershipJson));
    }
    let version = read_version(root, &mut problems)?;

    let mut reader = Reader { problems, compact: allows_compact(&version) };
    let mut meta = reader.header(root.get("dataset"));
    meta.format_version = version;
    let source_items = reader_array(root, "sources", &mut reader.problems);
    let country_items = reader_array(root, "countries", &mut reader.problems);
    let place_items = reader_array(root, "places", &mut reader.problems);
    let pair_items = reader_array(root, "partnerships", &mut reader.problems);
    let reported_items = reader_array(root, "reported", &mut reader.problems);
    let (sources, source_at) = reader.sources(source_items);
    let source_index: HashMap<&str, SourceIdx> =
        sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), SourceIdx(i as u32))).collect();
    let mut countries = reader.countries(country_items);
    let (places, place_at) = reader.places(place_items, &mut countries);
    let place_index: HashMap<&str, PlaceIdx> =
        places.iter().enumerate().map(|(i, p)| (p.id.as_str(), PlaceIdx(i as u32))).collect();
    let lists = Lists {
        places: &places,
        place_index: &place_index,
        place_at: &place_at,
        source_index: &source_index,
        source_at: &source_at,
    };
    let partnerships = reader.partnerships(pair_items, &lists);
    let country_index: HashMap<&str, CountryIdx> =
        countries.iter().enumerate().map(|(i, c)| (c.iso.as_str(), CountryIdx(i as u16))).collect();
    let reported = reader.reported(reported_items, &place_index, &source_index, &country_index);
    drop((place_index, source_index, country_index));
    let dataset =
        Dataset::from_parts(Parts { meta, places, partnerships, countries, sources, reported });
    Ok(Loaded { dataset, problems: reader.problems.into_vec(), context_places: 0 })
}

/// The records a pair may name, by id and by position in the file's lists (a record skipped
/// while loading has no position: `None`).
struct Lists<'a> {
    places: &'a [Place],
    place_index: &'a HashMap<&'a str, PlaceIdx>,
    place_at: &'a [Option<PlaceIdx>],
    source_index: &'a HashMap<&'a str, SourceIdx>,
    source_at: &'a [Option<SourceIdx>],
}

/// How a record names another: by id, or (in a compact file) by position.
#[derive(Clone, Copy)]
enum Ref<'a> {
    Id(&'a str),
    At(u64),
}

impl Ref<'_> {
    /// The record it names, by id in `index` or by position in `at`.
    fn find<T: Copy>(self, index: &HashMap<&str, T>, at: &[Option<T>]) -> Option<T> {
        match self {
            Ref::Id(id) => index.get(id).copied(),
            Ref::At(n) => usize::try_from(n).ok().and_then(|n| at.get(n).copied().flatten()),
        }
    }

    /// How a problem names it: the id, or `#position`.
    fn shown(self) -> String {
        match self {
            Ref::Id(id) => truncate(id, 60),
            Ref::At(n) => format!("#{n}"),
        }
    }
}

fn check_version(version: &str, problems: &mut Problems) -> Result<(), LoadError> {
    let mut parts = version.split('.');
    let major = parts.next().and_then(|m| m.trim().parse::<u32>().ok());
    let minor = parts.next().and_then(|m| m.trim().parse::<u32>().ok()).unwrap_or(0);
    match major {
        Some(FORMAT_MAJOR) => {
            if minor > FORMAT_MINOR {
                problems.push(
                    &RecordRef::file(),
                    Some("version"),
                    ProblemKind::NewerMinorVersion { found: version.to_owned() },
                    Severity::Warning,
                );
            }
            Ok(())
        }
        _ => Err(fatal(ProblemKind::UnknownMajorVersion {
            found: version.to_owned(),
            supported: FORMAT_MAJOR,
        })),
    }
}

fn reader_array<'a>(
    root: &'a Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> &'a [Value] {
    match root.get(key) {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => &[],
        Some(_) => {
            problems.push(
                &RecordRef::file(),
                Some(key),
                ProblemKind::WrongType { expected: "array" },
                Severity::Skipped,
            );
            &[]
        }
    }
}

/// Walks the JSON records and collects problems.
struct Reader {
    problems: Problems,
    /// The file may be compact ([`allows_compact`]).
    compact: bool,
}

/// One JSON object being read, with its record reference.
struct Fields<'a> {
    obj: &'a Map<String, Value>,
    rec: RecordRef,
    skipped: bool,
}

impl<'a> Fields<'a> {
    fn open(
        value: &'a Value,
        kind: RecordKind,
        index: usize,
        problems: &mut Problems,
    ) -> Option<Self> {
        let rec = RecordRef::at(kind, index);
        match value.as_object() {
            Some(obj) => {
                let mut fields = Fields { obj, rec, skipped: false };
                if let Some(Value::String(id)) = obj.get("id") {
                    fields.rec.id = Some(truncate(id, 60));
                } else if let Some(Value::String(iso)) = obj.get("iso") {
                    fields.rec.id = Some(truncate(iso, 60));
                }
                Some(fields)
            }
            None => {
                problems.push(
                    &rec,
                    None,
                    ProblemKind::WrongType { expected: "object" },
                    Severity::Skipped,
                );
                None
            }
        }
    }

    fn skip(&mut self, problems: &mut Problems, field: &str, kind: ProblemKind) {
        if !self.skipped {
            problems.skip(&self.rec, field, kind);
        }
        self.skipped = true;
    }

    /// A required, non-blank string; anything else skips the record.
    fn required_str(&mut self, problems: &mut Problems, key: &str) -> Option<&'a str> {
        match self.obj.get(key) {
            None | Some(Value::Null) => {
                self.skip(problems, key, ProblemKind::MissingField);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.skip(problems, key, ProblemKind::EmptyText);
                None
            }
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                self.skip(problems, key, ProblemKind::WrongType { expected: "string" });
                None
            }
        }
    }

    /// A required reference to another record: its id, or in a compact file its position;
    /// anything else skips the record.
    fn required_ref(
        &mut self,
        problems: &mut Problems,
        key: &str,
        compact: bool,
    ) -> Option<Ref<'a>> {
        match self.obj.get(key) {
            Some(Value::Number(n)) if compact => match n.as_u64() {
                Some(at) => Some(Ref::At(at)),
                None => {
                    self.skip(problems, key, ProblemKind::WrongType { expected: "string" });
                    None
                }
            },
            _ => self.required_str(problems, key).map(Ref::Id),
        }
    }

    /// An optional list of references (ids, or in a compact file positions); a single id is
    /// a list of one, wrong items are warnings.
    fn optional_ref_list(&self, problems: &mut Problems, key: &str, compact: bool) -> Vec<Ref<'a>> {
        let item = |v: &'a Value| match v {
            Value::String(s) => Some(Ref::Id(s.as_str())),
            Value::Number(n) if compact => n.as_u64().map(Ref::At),
            _ => None,
        };
        match self.obj.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![Ref::Id(s.as_str())],
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for value in items {
                    match item(value) {
                        Some(r) => out.push(r),
                        None => problems.warn(
                            &self.rec,
                            key,
                            ProblemKind::WrongType { expected: "string" },
                        ),
                    }
                }
                out
            }
            Some(_) => {
                problems.warn(
                    &self.rec,
                    key,
                    ProblemKind::WrongType { expected: "array of strings" },
                );
                Vec::new()
            }
        }
    }

    /// An optional string; blank counts as absent, a wrong type is a warning.
    fn optional_str(&self, problems: &mut Problems, key: &str) -> Option<&'a str> {
        match self.obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                problems.warn(&self.rec, key, ProblemKind::WrongType { expected: "string" });
                None
            }
        }
    }

    /// An optional number; a wrong type is a warning.
    fn optional_f64(&self, problems: &mut Problems, key: &str) -> Option<Result<f64, ()>> {
        match self.obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(n.as_f64().ok_or(())),
            Some(_) => {
                problems.warn(&self.rec, key, ProblemKind::WrongType { expected: "number" });
                Some(Err(()))
            }
        }
    }

    /// An optional whole number (year, count); a wrong type is a warning.
    fn optional_u32(&self, problems: &mut Problems, key: &str) -> Option<u32> {
        match self.obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64().and_then(|v| u32::try_from(v).ok()) {
                Some(v) => Some(v),
                None => {
                    problems.warn(&self.rec, key, ProblemKind::BadCount { value: n.to_string() });
                    None
                }
            },
            Some(_) => {
                problems.warn(&self.rec, key, ProblemKind::WrongType { expected: "number" });
                None
            }
        }
    }

    /// A list of texts, each a string (English) or `{en, zh}`; a single string is a list of one.
    /// Wrong items are warnings.
    fn optional_text_list(&self, problems: &mut Problems, key: &str) -> Vec<SourceNote> {
        let text = |v: &Value| match v {
            Value::String(s) => Some(SourceNote { en: s.clone(), zh: None }),
            Value::Object(o) => Some(SourceNote {
                en: o.get("en").and_then(Value::as_str)?.to_owned(),
                zh: o.get("zh").and_then(Value::as_str).map(str::to_owned),
            }),
            _ => None,
        };
        let items = match self.obj.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match text(item) {
                Some(t) => out.push(t),
                None => problems.warn(
                    &self.rec,
                    key,
                    ProblemKind::WrongType { expected: "string or {en, zh}" },
                ),
            }
        }
        out
    }

    /// An optional date; a bad one is a warning and counts as unknown.
    fn optional_date(&self, problems: &mut Problems, key: &str) -> Option<PartialDate> {
        let value = match self.obj.get(key) {
            None | Some(Value::Null) => return None,
            Some(Value::String(s)) if s.trim().is_empty() => return None,
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => {
                problems.warn(&self.rec, key, ProblemKind::WrongType { expected: "date string" });
                return None;
            }
        };
        match value.parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(e) => {
                problems.warn(
                    &self.rec,
                    key,
                    ProblemKind::BadDate { value: truncate(&value, 40), reason: e.to_string() },
                );
                None
            }
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars).collect();
    out.push('…');
    out
}

/// True for a file named relative to the dataset's own address, in the same place or below it
/// (`sources.json`, `data/sources.json`): never another site, an absolute path or a parent.
pub fn is_relative_file(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('/')
        && !name.contains(['\\', ':', '?', '#'])
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// True for an http or https URL.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

impl Reader {
    fn header(&mut self, value: Option<&Value>) -> Meta {
        let mut meta = Meta::default();
        let Some(obj) = value.and_then(Value::as_object) else {
            self.problems.push(
                &RecordRef::at(RecordKind::Header, 0),
                None,
                ProblemKind::MissingField,
                Severity::Warning,
            );
            meta.title_en = "Untitled dataset".to_owned();
            return meta;
        };
        let fields = Fields { obj, rec: RecordRef::at(RecordKind::Header, 0), skipped: false };
        let p = &mut self.problems;
        meta.id = fields.optional_str(p, "id").unwrap_or("dataset").to_owned();
        meta.version = fields.optional_str(p, "version").unwrap_or_default().to_owned();
        meta.date = fields.optional_date(p, "date");
        match obj.get("title") {
            Some(Value::Object(t)) => {
                meta.title_en =
                    t.get("en").and_then(Value::as_str).unwrap_or("Untitled dataset").to_owned();
                meta.title_zh = t.get("zh").and_then(Value::as_str).map(str::to_owned);
            }
            Some(Value::String(s)) => meta.title_en = s.clone(),
            _ => meta.title_en = "Untitled dataset".to_owned(),
        }
        meta.focus = fields.optional_str(p, "focus").map(str::to_owned);
        meta.licence = fields.optional_str(p, "licence").map(str::to_owned);
        meta.attribution = fields.optional_text_list(p, "attribution");
        meta.synthetic = obj.get("synthetic").and_then(Value::as_bool).unwrap_or(false);
        meta.sources_file = match fields.optional_str(p, "sources_file") {
            Some(file) if is_relative_file(file) => Some(file.to_owned()),
            Some(other) => {
                p.warn(
                    &fields.rec,
                    "sources_file",
                    ProblemKind::SourcesFileElsewhere { value: truncate(other, 60) },
                );
                None
            }
            None => None,
        };
        meta
    }

    /// The sources, and each item's position among them (`None` for one skipped).
    fn sources(&mut self, items: &[Value]) -> (Vec<Source>, Vec<Option<SourceIdx>>) {
        let mut out = Vec::with_capacity(items.len());
        let mut at = vec![None; items.len()];
        let mut seen = HashSet::new();
        for (index, value) in items.iter().enumerate() {
            let p = &mut self.problems;
            // A source named by its id alone: its details are in the sources file.
            if let Value::String(id) = value {
                if !seen.insert(id.as_str()) {
                    let mut rec = RecordRef::at(RecordKind::Source, index);
                    rec.id = Some(truncate(id, 60));
                    p.push(
                        &rec,
                        Some("id"),
                        ProblemKind::DuplicateId { id: truncate(id, 60) },
                        Severity::Skipped,
                    );
                    continue;
                }
                at[index] = Some(SourceIdx(out.len() as u32));
                out.push(Source::known_by_id(id));
                continue;
            }
            let Some(mut f) = Fields::open(value, RecordKind::Source, index, p) else { continue };
            let id = f.required_str(p, "id");
            let title = f.optional_str(p, "title");
            let Some(id) = id else { continue };
            if !seen.insert(id) {
                f.skip(p, "id", ProblemKind::DuplicateId { id: truncate(id, 60) });
                continue;
            }
            let mut document = f.optional_str(p, "document").map(str::to_owned);
            let url = match f.optional_str(p, "url") {
                Some(url) if is_http_url(url) => Some(url.trim().to_owned()),
                Some(other) => {
                    p.warn(&f.rec, "url", ProblemKind::UnsafeUrl { value: truncate(other, 60) });
                    document.get_or_insert_with(|| other.to_owned());
                    None
                }
                None => None,
            };
            let note = source_note(f.obj.get("note"));
            at[index] = Some(SourceIdx(out.len() as u32));
            out.push(Source {
                id: id.to_owned(),
                // A source whose own title is not known is named by the project's note.
                title: match title.map(str::trim).filter(|t| !t.is_empty()) {
                    Some(t) => t.to_owned(),
                    None if note.is_some() => String::new(),
                    None => id.to_owned(),
                },
                url,
                document,
                licence: f.optional_str(p, "licence").map(str::to_owned),
                note,
                elsewhere: false,
            });
        }
        (out, at)
    }

    fn countries(&mut self, items: &[Value]) -> Vec<Country> {
        let mut out = Vec::with_capacity(items.len());
        let mut seen = HashSet::new();
        for (index, value) in items.iter().enumerate() {
            let p = &mut self.problems;
            let Some(mut f) = Fields::open(value, RecordKind::Country, index, p) else { continue };
            let Some(iso) = f.required_str(p, "iso") else { continue };
            if !is_country_code(iso) {
                f.skip(p, "iso", ProblemKind::UnknownCountry { code: truncate(iso, 10) });
                continue;
            }
            if !seen.insert(iso) {
                f.skip(p, "iso", ProblemKind::DuplicateId { id: iso.to_owned() });
                continue;
            }
            let continent = f.optional_str(p, "continent").and_then(|c| {
                let parsed = Continent::parse(c);
                if parsed.is_none() {
                    p.warn(
                        &f.rec,
                        "continent",
                        ProblemKind::UnknownValue {
                            value: truncate(c, 20),
                            allowed: Continent::ALLOWED,
                        },
                    );
                }
                parsed
            });
            let (bri_since, bri_exit) = match f.obj.get("bri") {
                Some(Value::Object(bri)) => {
                    let sub = Fields { obj: bri, rec: f.rec.clone(), skipped: false };
                    (
                        sub.optional_u32(p, "since").map(|y| y as i32),
                        sub.optional_u32(p, "exit").map(|y| y as i32),
                    )
                }
                None | Some(Value::Null) => (None, None),
                Some(_) => {
                    p.warn(&f.rec, "bri", ProblemKind::WrongType { expected: "object" });
                    (None, None)
                }
            };
            let mut sco = Vec::new();
            if let Some(Value::Array(history)) = f.obj.get("sco") {
                for step in history {
                    let status =
                        step.get("status").and_then(Value::as_str).and_then(ScoStatus::parse);
                    let since = step.get("since").and_then(Value::as_u64).map(|y| y as i32);
                    match (status, since) {
                        (Some(status), Some(since)) => sco.push((status, since)),
                        _ => p.warn(
                            &f.rec,
                            "sco",
                            ProblemKind::UnknownValue {
                                value: truncate(&step.to_string(), 40),
                                allowed: ScoStatus::ALLOWED,
                            },
                        ),
                    }
                }
                sco.sort_by_key(|(_, since)| *since);
            }
            out.push(Country {
                iso: iso.to_owned(),
                name_en: f.optional_str(p, "en").unwrap_or(iso).to_owned(),
                name_zh: f.optional_str(p, "zh").map(str::to_owned),
                continent,
                bri_since,
                bri_exit,
                sco,
            });
        }
        out
    }

    /// The places, and each item's position among them (`None` for one skipped).
    fn places(
        &mut self,
        items: &[Value],
        countries: &mut Vec<Country>,
    ) -> (Vec<Place>, Vec<Option<PlaceIdx>>) {
        let mut country_index: HashMap<String, CountryIdx> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso.clone(), CountryIdx(i as u16)))
            .collect();
        let mut out: Vec<Place> = Vec::with_capacity(items.len());
        let mut parent_ids: Vec<Option<(&str, RecordRef)>> = Vec::with_capacity(items.len());
        let mut at = vec![None; items.len()];
        let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            let p = &mut self.problems;
            let Some(mut f) = Fields::open(value, RecordKind::Place, index, p) else { continue };
            // A compact file leaves out the id a reader derives from country and name.
            let derive = self.compact && matches!(f.obj.get("id"), None | Some(Value::Null));
            let id = match derive {
                true => Some(""),
                false => f.required_str(p, "id"),
            };
            let name_zh = f.optional_str(p, "zh");
            let name_en = match (f.obj.get("en"), name_zh) {
                (None | Some(Value::Null), Some(zh)) => Some(zh),
                _ => f.required_str(p, "en"),
            };
            let country_code = f.required_str(p, "country");
            let (Some(id), Some(name_en), Some(country_code)) = (id, name_en, country_code) else {
                continue;
            };
            let id = match derive {
                true => derived_place_id(country_code, name_en),
                false => id.to_owned(),
            };
            if id.is_empty() {
                f.skip(p, "id", ProblemKind::MissingField);
                continue;
            }
            f.rec.id.get_or_insert_with(|| truncate(&id, 60));
            let country = match country_index.get(country_code) {
                Some(idx) => *idx,
                None if is_country_code(country_code) && countries.len() < u16::MAX as usize => {
                    p.warn(
                        &f.rec,
                        "country",
                        ProblemKind::UnknownCountry { code: country_code.to_owned() },
                    );
                    let idx = CountryIdx(countries.len() as u16);
                    countries.push(Country {
                        iso: country_code.to_owned(),
                        name_en: country_code.to_owned(),
                        name_zh: None,
                        continent: None,
                        bri_since: None,
                        bri_exit: None,
                        sco: Vec::new(),
                    });
                    country_index.insert(country_code.to_owned(), idx);
                    idx
                }
                None => {
                    f.skip(
                        p,
                        "country",
                        ProblemKind::UnknownCountry { code: truncate(country_code, 10) },
                    );
                    continue;
                }
            };
            if seen.contains(&id) {
                f.skip(p, "id", ProblemKind::DuplicateId { id: truncate(&id, 60) });
                continue;
            }
            seen.insert(id.clone());
            let level = match f.optional_str(p, "level") {
                None => Level::Other,
                Some(text) => Level::parse(text).unwrap_or_else(|| {
                    p.warn(
                        &f.rec,
                        "level",
                        ProblemKind::UnknownValue {
                            value: truncate(text, 20),
                            allowed: Level::ALLOWED,
                        },
                    );
                    Level::Other
                }),
            };
            let coords = read_coords(&f, p);
            parent_ids.push(f.optional_str(p, "parent").map(|parent| (parent, f.rec.clone())));
            at[index] = Some(PlaceIdx(out.len() as u32));
            out.push(Place {
                id,
                name_en: name_en.to_owned(),
                name_zh: name_zh.map(str::to_owned),
                name_local: f.optional_str(p, "local").map(str::to_owned),
                pinyin: f.optional_str(p, "py").map(normalize_pinyin),
                level,
                parent: None,
                country,
                coords,
                admin_code: f.optional_str(p, "code").map(str::to_owned),
                wikidata: f.optional_str(p, "wikidata").map(str::to_owned),
            });
        }
        let index: HashMap<&str, PlaceIdx> =
            out.iter().enumerate().map(|(i, p)| (p.id.as_str(), PlaceIdx(i as u32))).collect();
        let parents: Vec<Option<PlaceIdx>> = parent_ids
            .iter()
            .map(|entry| {
                let (parent_id, rec) = entry.as_ref()?;
                let found = index.get(parent_id).copied();
                if found.is_none() {
                    self.problems.warn(
                        rec,
                        "parent",
                        ProblemKind::DanglingReference {
                            target: RecordKind::Place,
                            id: truncate(parent_id, 60),
                        },
                    );
                }
                found
            })
            .collect();
        drop(index);
        for (place, parent) in out.iter_mut().zip(&parents) {
            place.parent = *parent;
        }
        // Break parent cycles: walk up from each place; a walk longer than the number of
        // places has looped, so the place's parent link is dropped.
        for i in 0..out.len() {
            let mut steps = 0;
            let mut next = out[i].parent;
            while let Some(PlaceIdx(current)) = next {
                steps += 1;
                if current as usize == i || steps > out.len() {
                    let rec = RecordRef {
                        kind: RecordKind::Place,
                        index: i,
                        id: Some(out[i].id.clone()),
                    };
                    self.problems.warn(&rec, "parent", ProblemKind::ParentCycle);
                    out[i].parent = None;
                    break;
                }
                next = out[current as usize].parent;
            }
        }
        (out, at)
    }

    fn partnerships(&mut self, items: &[Value], lists: &Lists) -> Vec<Partnership> {
        let mut out = Vec::with_capacity(items.len());
        let mut seen_ids: HashSet<String> = HashSet::with_capacity(items.len());
        let mut seen_pairs: HashMap<(PlaceIdx, PlaceIdx), PairIdx> = HashMap::new();
        for (index, value) in items.iter().enumerate() {
            let p = &mut self.problems;
            let Some(mut f) = Fields::open(value, RecordKind::Partnership, index, p) else {
                continue;
            };
            // A compact file leaves out the id a reader derives from the pair's places.
            let derive = self.compact && matches!(f.obj.get("id"), None | Some(Value::Null));
            let id = match derive {
                true => Some(""),
                false => f.required_str(p, "id"),
            };
            let home = f.required_ref(p, "home", self.compact);
            let partner = f.required_ref(p, "partner", self.compact);
            let (Some(id), Some(home_ref), Some(partner_ref)) = (id, home, partner) else {
                continue;
            };
            let Some(home) = home_ref.find(lists.place_index, lists.place_at) else {
                f.skip(
                    p,
                    "home",
                    ProblemKind::DanglingReference {
                        target: RecordKind::Place,
                        id: home_ref.shown(),
                    },
                );
                continue;
            };
            let Some(partner) = partner_ref.find(lists.place_index, lists.place_at) else {
                f.skip(
                    p,
                    "partner",
                    ProblemKind::DanglingReference {
                        target: RecordKind::Place,
                        id: partner_ref.shown(),
                    },
                );
                continue;
            };
            let id = match derive {
                true => derived_pair_id(
                    &lists.places[home.0 as usize].id,
                    &lists.places[partner.0 as usize].id,
                ),
                false => id.to_owned(),
            };
            f.rec.id.get_or_insert_with(|| truncate(&id, 60));
            if seen_ids.contains(&id) {
                f.skip(p, "id", ProblemKind::DuplicateId { id: truncate(&id, 60) });
                continue;
            }
            if home == partner {
                f.skip(p, "partner", ProblemKind::SelfPartnership);
                continue;
            }
            let key = if home < partner { (home, partner) } else { (partner, home) };
            if let Some(other) = seen_pairs.get(&key) {
                let other_id: &Partnership = &out[other.0 as usize];
                f.skip(p, "partner", ProblemKind::DuplicatePair { other_id: other_id.id.clone() });
                continue;
            }
            let kind = match f.optional_str(p, "type") {
                None => Kind::Unknown,
                Some(text) => Kind::parse(text).unwrap_or_else(|| {
                    p.warn(
                        &f.rec,
                        "type",
                        ProblemKind::UnknownValue {
                            value: truncate(text, 20),
                            allowed: Kind::ALLOWED,
                        },
                    );
                    Kind::Unknown
                }),
            };
            let established = f.optional_date(p, "est");
            let established_derived =
                established.is_some() && f.optional_str(p, "est_basis") == Some("derived");
            let mut ended = f.optional_date(p, "ended");
            if let (Some(start), Some(end)) = (established, ended)
                && end < start
            {
                p.warn(&f.rec, "ended", ProblemKind::EndsBeforeStart);
                ended = None;
            }
            let status = match f.optional_str(p, "status") {
                None if ended.is_some() => Status::Ended,
                None => Status::Active,
                Some(text) => Status::parse(text).unwrap_or_else(|| {
                    p.warn(
                        &f.rec,
                        "status",
                        ProblemKind::UnknownValue {
                            value: truncate(text, 20),
                            allowed: Status::ALLOWED,
                        },
                    );
                    Status::Active
                }),
            };
            let source_refs = f.optional_ref_list(p, "src", self.compact);
            let source_list = resolve_sources(&f.rec, "src", &source_refs, lists, p);
            let mut alternatives = Vec::new();
            if let Some(Value::Array(alts)) = f.obj.get("alt") {
                for alt in alts {
                    let field = alt.get("field").and_then(Value::as_str);
                    let value = alt.get("value").and_then(Value::as_str);
                    match (field, value) {
                        (Some(field), Some(value)) => {
                            let ids: Vec<Ref> = match alt.get("src") {
                                Some(Value::Array(a)) => {
                                    a.iter().filter_map(Value::as_str).map(Ref::Id).collect()
                                }
                                Some(Value::String(s)) => vec![Ref::Id(s.as_str())],
                                _ => Vec::new(),
                            };
                            alternatives.push(Alternative {
                                field: field.to_owned(),
                                value: value.to_owned(),
                                sources: resolve_sources(&f.rec, "alt", &ids, lists, p),
                            });
                        }
                        _ => p.warn(
                            &f.rec,
                            "alt",
                            ProblemKind::WrongType { expected: "{field, value, src}" },
                        ),
                    }
                }
            }
            let mut history = Vec::new();
            if let Some(Value::Array(stages)) = f.obj.get("history") {
                for stage in stages {
                    let kind = stage.get("type").and_then(Value::as_str).and_then(Kind::parse);
                    let date =
                        stage.get("date").and_then(Value::as_str).map(str::parse::<PartialDate>);
                    match (kind, &date) {
                        (Some(kind), None | Some(Ok(_))) => {
                            let ids: Vec<Ref> = match stage.get("src") {
                                Some(Value::Array(a)) => {
                                    a.iter().filter_map(Value::as_str).map(Ref::Id).collect()
                                }
                                _ => Vec::new(),
                            };
                            history.push(Stage {
                                kind,
                                date: date.and_then(Result::ok),
                                sources: resolve_sources(&f.rec, "history", &ids, lists, p),
                            });
                        }
                        _ => p.warn(
                            &f.rec,
                            "history",
                            ProblemKind::WrongType { expected: "{type, date, src}" },
                        ),
                    }
                }
            }
            let disputed = match f.obj.get("disputed") {
                None | Some(Value::Null) => None,
                Some(Value::Object(d)) => match d.get("en").and_then(Value::as_str) {
                    Some(en) if !en.trim().is_empty() => {
                        let ids: Vec<Ref> =
                            d.get("src").and_then(Value::as_str).map(Ref::Id).into_iter().collect();
                        Some(Disputed {
                            en: truncate(en, 2000),
                            zh: d.get("zh").and_then(Value::as_str).map(|z| truncate(z, 2000)),
                            source: resolve_sources(&f.rec, "disputed", &ids, lists, p)
                                .into_iter()
                                .next(),
                        })
                    }
                    _ => {
                        p.warn(
                            &f.rec,
                            "disputed",
                            ProblemKind::WrongType { expected: "{en, zh, src}" },
                        );
                        None
                    }
                },
                Some(_) => {
                    p.warn(
                        &f.rec,
                        "disputed",
                        ProblemKind::WrongType { expected: "{en, zh, src}" },
                    );
                    None
                }
            };
            seen_ids.insert(id.clone());
            seen_pairs.insert(key, PairIdx(out.len() as u32));
            out.push(Partnership {
                id,
                home,
                partner,
                kind,
                status,
                established,
                established_derived,
                ended,
                sources: source_list,
                note: f.optional_str(p, "note").map(str::to_owned),
                history,
                alternatives,
                disputed,
            });
        }
        out
    }

    fn reported(
        &mut self,
        items: &[Value],
        places: &HashMap<&str, PlaceIdx>,
        sources: &HashMap<&str, SourceIdx>,
        countries: &HashMap<&str, CountryIdx>,
    ) -> Vec<ReportedFigure> {
        let mut out = Vec::with_capacity(items.len());
        let mut seen = HashSet::new();
        for (index, value) in items.iter().enumerate() {
            let p = &mut self.problems;
            let Some(mut f) = Fields::open(value, RecordKind::Reported, index, p) else { continue };
            let id = f.required_str(p, "id");
            let as_of_text = f.required_str(p, "as_of");
            let source_id = f.required_str(p, "src");
            let (Some(id), Some(as_of_text), Some(source_id)) = (id, as_of_text, source_id) else {
                continue;
            };
            if !seen.insert(id) {
                f.skip(p, "id", ProblemKind::DuplicateId { id: truncate(id, 60) });
                continue;
            }
            let as_of = match as_of_text.parse::<PartialDate>() {
                Ok(d) => d,
                Err(e) => {
                    f.skip(
                        p,
                        "as_of",
                        ProblemKind::BadDate {
                            value: truncate(as_of_text, 40),
                            reason: e.to_string(),
                        },
                    );
                    continue;
                }
            };
            let Some(source) = sources.get(source_id).copied() else {
                f.skip(
                    p,
                    "src",
                    ProblemKind::DanglingReference {
                        target: RecordKind::Source,
                        id: truncate(source_id, 60),
                    },
                );
                continue;
            };
            let scope = match f.optional_str(p, "scope") {
                None => None,
                Some(scope_id) => match places.get(scope_id) {
                    Some(idx) => Some(*idx),
                    None => {
                        f.skip(
                            p,
                            "scope",
                            ProblemKind::DanglingReference {
                                target: RecordKind::Place,
                                id: truncate(scope_id, 60),
                            },
                        );
                        continue;
                    }
                },
            };
            let kind = match f.optional_str(p, "kind") {
                None => ReportedKind::All,
                Some(text) => match ReportedKind::parse(text) {
                    Some(k) => k,
                    None => {
                        f.skip(
                            p,
                            "kind",
                            ProblemKind::UnknownValue {
                                value: truncate(text, 20),
                                allowed: "all sister friendly intent approved contact",
                            },
                        );
                        continue;
                    }
                },
            };
            let programme = match f.optional_str(p, "programme") {
                None => None,
                Some("bri") => Some(Programme::Bri),
                Some("sco") => Some(Programme::Sco),
                Some(text) => {
                    f.skip(
                        p,
                        "programme",
                        ProblemKind::UnknownValue { value: truncate(text, 20), allowed: "bri sco" },
                    );
                    continue;
                }
            };
            let partner_country = match f.optional_str(p, "partner_country") {
                None => None,
                Some(iso) => match countries.get(iso) {
                    Some(idx) => Some(*idx),
                    None => {
                        f.skip(
                            p,
                            "partner_country",
                            ProblemKind::UnknownCountry { code: truncate(iso, 10) },
                        );
                        continue;
                    }
                },
            };
            let partner_level = f.optional_str(p, "partner_level").and_then(Level::parse);
            let qualifier = f
                .optional_str(p, "qualifier")
                .and_then(Qualifier::parse)
                .unwrap_or(Qualifier::Exact);
            let pairs = f.optional_u32(p, "pairs");
            let unit = match f.optional_str(p, "unit") {
                None => Unit::Pairs,
                Some(text) => match Unit::parse(text) {
                    Some(unit) => unit,
                    None => {
                        f.skip(
                            p,
                            "unit",
                            ProblemKind::UnknownValue {
                                value: truncate(text, 20),
                                allowed: "pairs cities local_governments",
                            },
                        );
                        continue;
                    }
                },
            };
            let n_countries = f.optional_u32(p, "countries");
            let home_places = f.optional_u32(p, "home_places");
            if pairs.is_none() && n_countries.is_none() && home_places.is_none() {
                f.skip(p, "pairs", ProblemKind::MissingField);
                continue;
            }
            out.push(ReportedFigure {
                id: id.to_owned(),
                scope,
                as_of,
                kind,
                programme,
                partner_country,
                partner_level,
                pairs,
                unit,
                countries: n_countries,
                home_places,
                qualifier,
                source,
                note: f.optional_str(p, "note").map(str::to_owned),
            });
        }
        out
    }
}

fn read_coords(f: &Fields<'_>, p: &mut Problems) -> Option<LonLat> {
    let lat = f.optional_f64(p, "lat");
    let lon = f.optional_f64(p, "lon");
    match (lat, lon) {
        (None, None) => None,
        (Some(Ok(lat)), Some(Ok(lon))) => {
            let coords = LonLat::new(lon, lat);
            if coords.is_none() {
                let field = if (-90.0..=90.0).contains(&lat) { "lon" } else { "lat" };
                p.warn(
                    &f.rec,
                    field,
                    ProblemKind::CoordinatesOutOfRange { value: format!("{lat}, {lon}") },
                );
            }
            coords
        }
        (Some(Err(())), _) | (_, Some(Err(()))) => None,
        (Some(_), None) => {
            p.warn(&f.rec, "lon", ProblemKind::HalfCoordinates);
            None
        }
        (None, Some(_)) => {
            p.warn(&f.rec, "lat", ProblemKind::HalfCoordinates);
            None
        }
    }
}

fn resolve_sources(
    rec: &RecordRef,
    field: &str,
    refs: &[Ref],
    lists: &Lists,
    p: &mut Problems,
) -> Vec<SourceIdx> {
    let mut out = Vec::with_capacity(refs.len());
    for r in refs {
        match r.find(lists.source_index, lists.source_at) {
            Some(idx) if !out.contains(&idx) => out.push(idx),
            Some(_) => {}
            None => p.warn(
                rec,
                field,
                ProblemKind::DanglingReference { target: RecordKind::Source, id: r.shown() },
            ),
        }
    }
    out
}

/// Lower case ASCII letters only: "Xī'ān" is written "xian" by the data tool; a user's
/// "Xi An" becomes "xian".
pub fn normalize_pinyin(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect()
}

/// A source's editorial note: `{"en": "…", "zh": "…"}` (anything else is no note).
fn source_note(value: Option<&Value>) -> Option<SourceNote> {
    let obj = value?.as_object()?;
    let text =
        |key: &str| obj.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let en = text("en")?;
    Some(SourceNote { en: en.to_owned(), zh: text("zh").map(str::to_owned) })
}
