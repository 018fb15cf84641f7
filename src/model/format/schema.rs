//! The partnership JSON format, version 1, as written: the data tool builds these structs and
//! the app's JSON export converts a filtered dataset into them. Field order here is the order
//! in the file; optional fields are left out when empty, so files stay compact and
//! byte-identical for identical input. Reading goes through [`crate::model::format::load`], which
//! validates record by record instead of deserializing these types. See `docs/data-format.md`.

use std::collections::HashMap;

use serde::Serialize;

use super::dataset::{Dataset, PairIdx, PlaceIdx, Qualifier, Unit};
use super::ids::{derived_pair_id, derived_place_id};
use super::load::{FORMAT_MAJOR, FORMAT_MINOR, FORMAT_NAME};

/// A whole file.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// `MAJOR.MINOR`.
    pub version: String,
    /// The header.
    pub dataset: WireHeader,
    /// Sources.
    pub sources: Vec<WireSource>,
    /// Countries.
    pub countries: Vec<WireCountry>,
    /// Places.
    pub places: Vec<WirePlace>,
    /// Partnerships.
    pub partnerships: Vec<WirePair>,
    /// Official figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reported: Vec<WireReported>,
}

/// English and Chinese text.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct WireText {
    /// English.
    pub en: String,
    /// Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

/// The `dataset` header.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireHeader {
    /// Dataset id.
    pub id: String,
    /// Dataset version.
    pub version: String,
    /// Date of the dataset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Title.
    pub title: WireText,
    /// Home country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// Licence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Attribution lines, in English and Chinese (a line may also be written as a plain
    /// English string).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<WireText>,
    /// Generated test data.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// The file with the sources' details, relative to this one, when the file lists its
    /// sources by id only ([`WireFile::split_sources`]); absent when they are inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources_file: Option<String>,
}

/// The sources file of a dataset that keeps its sources apart (`docs/data-format.md`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireSourcesFile {
    /// Always [`super::sources::SOURCES_FORMAT`].
    pub format: String,
    /// `MAJOR.MINOR` of the partnership format.
    pub version: String,
    /// The dataset's id and version, so a sources file of another build is told apart.
    pub dataset: WireSourcesOf,
    /// Every source, as in a file with its sources inline.
    pub sources: Vec<WireSource>,
}

/// Which dataset a sources file belongs to.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireSourcesOf {
    /// Dataset id.
    pub id: String,
    /// Dataset version.
    pub version: String,
}

/// A source.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct WireSource {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// http(s) URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Document name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Licence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// The project's note on the source (what it is when its own title is not known, where
    /// the copy read was found), in both languages; the title stays in its own language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<WireText>,
}

/// Belt and Road membership.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireBri {
    /// Year of the first cooperation document.
    pub since: i32,
    /// Year it left, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit: Option<i32>,
}

/// One step of SCO history.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireSco {
    /// `member`, `observer` or `dialogue_partner`.
    pub status: String,
    /// Year it began.
    pub since: i32,
}

/// A country.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireCountry {
    /// ISO 3166-1 alpha-2.
    pub iso: String,
    /// English name.
    pub en: String,
    /// Chinese name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    /// Continent code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continent: Option<String>,
    /// Belt and Road.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bri: Option<WireBri>,
    /// SCO history.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sco: Vec<WireSco>,
}

/// A place.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WirePlace {
    /// Id; left out (empty) in a compact file when it is the one a reader derives
    /// ([`super::ids::derived_place_id`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// English name.
    pub en: String,
    /// Chinese name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    /// Local-script name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    /// Pinyin, lower case, no tones or spaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub py: Option<String>,
    /// Level; left out when `other` (not stated).
    #[serde(skip_serializing_if = "is_other")]
    pub level: String,
    /// Parent place id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Country ISO code.
    pub country: String,
    /// Latitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Chinese division code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Wikidata item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// A value another source gives differently.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireAlt {
    /// Field name (`est`, `type`, `ended`).
    pub field: String,
    /// The other value.
    pub value: String,
    /// Its sources.
    pub src: Vec<String>,
}

/// An earlier stage of a relationship (for example friendly exchange before sister city).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireStage {
    /// The type at that stage.
    #[serde(rename = "type")]
    pub kind: String,
    /// When it began.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Sources.
    pub src: Vec<String>,
}

/// How a record names another: by id, or, in a compact file, by its position in the file's
/// list (`places` for a pair's ends, `sources` for its sources).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum WireRef {
    /// The other record's id.
    Id(String),
    /// The other record's position in its list, from 0.
    At(u32),
}

/// A partnership; its places and sources named by id (`R = String`, as the data tool builds
/// and exports write it) or, in a compact file, by [`WireRef`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WirePair<R = String> {
    /// Id; left out (empty) in a compact file when it is the one a reader derives
    /// ([`super::ids::derived_pair_id`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Home-side place.
    pub home: R,
    /// Partner place.
    pub partner: R,
    /// Type; left out when `unknown` (the default).
    #[serde(rename = "type", skip_serializing_if = "is_unknown")]
    pub kind: String,
    /// Status; left out when `active` (the default).
    #[serde(skip_serializing_if = "is_active")]
    pub status: String,
    /// Established.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub est: Option<String>,
    /// How `est` is known: `derived` when the sources work it out (from an anniversary, "last
    /// year") rather than print it; left out when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub est_basis: Option<String>,
    /// Ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    /// Sources.
    pub src: Vec<R>,
    /// Note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Earlier stages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<WireStage>,
    /// Conflicting values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alt: Vec<WireAlt>,
    /// A source contradicts the pair; left out when none does (files without it still load).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<WireDisputed>,
}

/// What contradicts a pair: `{"en": "...", "zh": "...", "src": "source id"}`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireDisputed {
    /// In English.
    pub en: String,
    /// In Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    /// The contrary source's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
}

fn is_unknown(kind: &str) -> bool {
    kind == "unknown"
}

fn is_other(level: &str) -> bool {
    level == "other"
}

fn is_active(status: &str) -> bool {
    status == "active"
}

/// An official figure.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireReported {
    /// Id.
    pub id: String,
    /// Place id, absent for the whole home country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Date described.
    pub as_of: String,
    /// Which relationships.
    pub kind: String,
    /// Programme restriction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// Partner country restriction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_country: Option<String>,
    /// Partner level restriction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_level: Option<String>,
    /// Pairs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs: Option<u32>,
    /// What `pairs` counts when not pairs (`cities`, `local_governments`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Countries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries: Option<u32>,
    /// Home-side places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_places: Option<u32>,
    /// Qualifier when not exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Source id.
    pub src: String,
    /// Words of the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl WireSourcesFile {
    /// Serializes with one source per line, as [`WireFile::to_json`] does.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(1 << 19);
        head(&mut out, &self.format, &self.version, &self.dataset);
        list(&mut out, "sources", &self.sources, true);
        out.push_str("}\n");
        out
    }
}

/// Opens a file: `{`, then its `format`, `version` and `dataset` header, one per line.
fn head<T: Serialize>(out: &mut String, format: &str, version: &str, dataset: &T) {
    out.push_str("{\n");
    out.push_str(&format!("\"format\":{},\n", serde_json::Value::from(format)));
    out.push_str(&format!("\"version\":{},\n", serde_json::Value::from(version)));
    out.push_str(&format!("\"dataset\":{},\n", serde_json::to_string(dataset).unwrap_or_default()));
}

/// Writes `"key":[` and the items one per line.
fn list<T: Serialize>(out: &mut String, key: &str, items: &[T], last: bool) {
    let written: Vec<String> =
        items.iter().map(|item| serde_json::to_string(item).unwrap_or_default()).collect();
    list_written(out, key, &written, last);
}

/// Writes `"key":[` and the items, already written as JSON, one per line.
fn list_written(out: &mut String, key: &str, items: &[String], last: bool) {
    out.push_str(&format!("\"{key}\":["));
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(item);
    }
    out.push_str(if items.is_empty() { "]" } else { "\n]" });
    out.push_str(if last { "\n" } else { ",\n" });
}

impl WireFile {
    /// The file split in two: this file naming its sources by id only, with `file` (relative
    /// to it) as its sources file, and that file's contents. Loading the first and then the
    /// second gives the same dataset as loading this file whole.
    pub fn split_sources(&self, file: &str) -> (WireFile, WireSourcesFile) {
        let mut main = self.clone();
        main.dataset.sources_file = Some(file.to_owned());
        let sources = WireSourcesFile {
            format: super::sources::SOURCES_FORMAT.to_owned(),
            version: self.version.clone(),
            dataset: WireSourcesOf {
                id: self.dataset.id.clone(),
                version: self.dataset.version.clone(),
            },
            sources: self.sources.clone(),
        };
        (main, sources)
    }

    /// The places and partnerships as a compact file writes them (format 1.2): every id a
    /// reader derives alike left out, a pair's places and sources named by their position in
    /// the file's lists. Loading them gives the same records as the full form.
    pub fn compact(&self) -> (Vec<WirePlace>, Vec<WirePair<WireRef>>) {
        let place_at: HashMap<&str, u32> =
            self.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
        let source_at: HashMap<&str, u32> =
            self.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
        let by = |at: &HashMap<&str, u32>, id: &str| match at.get(id) {
            Some(i) => WireRef::At(*i),
            None => WireRef::Id(id.to_owned()),
        };
        let places = self
            .places
            .iter()
            .map(|p| WirePlace {
                id: match p.id == derived_place_id(&p.country, &p.en) {
                    true => String::new(),
                    false => p.id.clone(),
                },
                ..p.clone()
            })
            .collect();
        let pairs = self
            .partnerships
            .iter()
            .map(|p| WirePair {
                id: match p.id == derived_pair_id(&p.home, &p.partner) {
                    true => String::new(),
                    false => p.id.clone(),
                },
                home: by(&place_at, &p.home),
                partner: by(&place_at, &p.partner),
                kind: p.kind.clone(),
                status: p.status.clone(),
                est: p.est.clone(),
                est_basis: p.est_basis.clone(),
                ended: p.ended.clone(),
                src: p.src.iter().map(|s| by(&source_at, s)).collect(),
                note: p.note.clone(),
                history: p.history.clone(),
                alt: p.alt.clone(),
                disputed: p.disputed.clone(),
            })
            .collect();
        (places, pairs)
    }

    /// Serializes with one record per line: compact, diff-friendly and deterministic. A file
    /// with a sources file lists its sources' ids only, and is written compact
    /// ([`WireFile::compact`]).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(1 << 20);
        head(&mut out, &self.format, &self.version, &self.dataset);
        match self.dataset.sources_file {
            Some(_) => {
                // The sources the official figures cite are shown on the first view (the
                // headline's figure): they stay whole; the others are named by id.
                let cited: std::collections::HashSet<&str> =
                    self.reported.iter().map(|r| r.src.as_str()).collect();
                let items: Vec<String> = self
                    .sources
                    .iter()
                    .map(|s| match cited.contains(s.id.as_str()) {
                        true => serde_json::to_string(s).unwrap_or_default(),
                        false => serde_json::to_string(&s.id).unwrap_or_default(),
                    })
                    .collect();
                list_written(&mut out, "sources", &items, false);
            }
            None => list(&mut out, "sources", &self.sources, false),
        }
        list(&mut out, "countries", &self.countries, false);
        match self.dataset.sources_file {
            // The file fetched for the first view is written compact (format 1.2).
            Some(_) => {
                let (places, pairs) = self.compact();
                list(&mut out, "places", &places, false);
                list(&mut out, "partnerships", &pairs, self.reported.is_empty());
            }
            None => {
                list(&mut out, "places", &self.places, false);
                list(&mut out, "partnerships", &self.partnerships, self.reported.is_empty());
            }
        }
        if !self.reported.is_empty() {
            list(&mut out, "reported", &self.reported, true);
        }
        out.push_str("}\n");
        out
    }
}

/// The format version this app writes.
pub fn format_version() -> String {
    format!("{FORMAT_MAJOR}.{FORMAT_MINOR}")
}

/// Converts a selection of a dataset back to the file format: the chosen partnerships, the
/// places they use (with their parents), and only the countries, sources and reported figures
/// those need.
pub fn export(dataset: &Dataset, pairs: &[PairIdx]) -> WireFile {
    let mut used_places = vec![false; dataset.places().len()];
    let mut used_sources = vec![false; dataset.sources().len()];
    for &pair_idx in pairs {
        let pair = dataset.partnership(pair_idx);
        for place in [pair.home, pair.partner] {
            used_places[place.0 as usize] = true;
            for ancestor in dataset.ancestors(place) {
                used_places[ancestor.0 as usize] = true;
            }
        }
        let all_sources = pair
            .sources
            .iter()
            .chain(pair.alternatives.iter().flat_map(|a| &a.sources))
            .chain(pair.history.iter().flat_map(|s| &s.sources))
            .chain(pair.disputed.iter().filter_map(|d| d.source.as_ref()));
        for s in all_sources {
            used_sources[s.0 as usize] = true;
        }
    }
    let reported: Vec<_> = dataset
        .reported()
        .iter()
        .filter(|r| r.scope.is_none_or(|p| used_places[p.0 as usize]))
        .collect();
    for r in &reported {
        used_sources[r.source.0 as usize] = true;
    }
    let mut used_countries = vec![false; dataset.countries().len()];
    for (i, used) in used_places.iter().enumerate() {
        if *used {
            used_countries[dataset.place(PlaceIdx(i as u32)).country.0 as usize] = true;
        }
    }
    let source_id = |i: &super::dataset::SourceIdx| dataset.source(*i).id.clone();
    let meta = dataset.meta();
    WireFile {
        format: FORMAT_NAME.to_owned(),
        version: format_version(),
        dataset: WireHeader {
            id: meta.id.clone(),
            version: meta.version.clone(),
            date: meta.date.map(|d| d.to_string()),
            title: WireText { en: meta.title_en.clone(), zh: meta.title_zh.clone() },
            focus: meta.focus.clone(),
            licence: meta.licence.clone(),
            attribution: meta
                .attribution
                .iter()
                .map(|a| WireText { en: a.en.clone(), zh: a.zh.clone() })
                .collect(),
            synthetic: meta.synthetic,
            sources_file: None,
        },
        sources: dataset
            .sources()
            .iter()
            .zip(&used_sources)
            .filter(|(_, used)| **used)
            .map(|(s, _)| WireSource {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                document: s.document.clone(),
                licence: s.licence.clone(),
                note: s.note.as_ref().map(|n| WireText { en: n.en.clone(), zh: n.zh.clone() }),
            })
            .collect(),
        countries: dataset
            .countries()
            .iter()
            .zip(&used_countries)
            .filter(|(_, used)| **used)
            .map(|(c, _)| WireCountry {
                iso: c.iso.clone(),
                en: c.name_en.clone(),
                zh: c.name_zh.clone(),
                continent: c.continent.map(|k| k.as_str().to_owned()),
                bri: c.bri_since.map(|since| WireBri { since, exit: c.bri_exit }),
                sco: c
                    .sco
                    .iter()
                    .map(|(s, y)| WireSco { status: s.as_str().to_owned(), since: *y })
                    .collect(),
            })
            .collect(),
        places: dataset
            .places()
            .iter()
            .zip(&used_places)
            .filter(|(_, used)| **used)
            .map(|(p, _)| WirePlace {
                id: p.id.clone(),
                en: p.name_en.clone(),
                zh: p.name_zh.clone(),
                local: p.name_local.clone(),
                py: p.pinyin.clone(),
                level: p.level.as_str().to_owned(),
                parent: p.parent.map(|i| dataset.place(i).id.clone()),
                country: dataset.country(p.country).iso.clone(),
                lat: p.coords.map(|c| c.lat_deg()),
                lon: p.coords.map(|c| c.lon_deg()),
                code: p.admin_code.clone(),
                wikidata: p.wikidata.clone(),
            })
            .collect(),
        partnerships: pairs
            .iter()
            .map(|&i| {
                let p = dataset.partnership(i);
                WirePair {
                    id: p.id.clone(),
                    home: dataset.place(p.home).id.clone(),
                    partner: dataset.place(p.partner).id.clone(),
                    kind: p.kind.as_str().to_owned(),
                    status: p.status.as_str().to_owned(),
                    est: p.established.map(|d| d.to_string()),
                    est_basis: p.established_derived.then(|| "derived".to_owned()),
                    ended: p.ended.map(|d| d.to_string()),
                    src: p.sources.iter().map(source_id).collect(),
                    note: p.note.clone(),
                    history: p
                        .history
                        .iter()
                        .map(|s| WireStage {
                            kind: s.kind.as_str().to_owned(),
                            date: s.date.map(|d| d.to_string()),
                            src: s.sources.iter().map(source_id).collect(),
                        })
                        .collect(),
                    alt: p
                        .alternatives
                        .iter()
                        .map(|a| WireAlt {
                            field: a.field.clone(),
                            value: a.value.clone(),
                            src: a.sources.iter().map(source_id).collect(),
                        })
                        .collect(),
                    disputed: p.disputed.as_ref().map(|d| WireDisputed {
                        en: d.en.clone(),
                        zh: d.zh.clone(),
                        src: d.source.as_ref().map(source_id),
                    }),
                }
            })
            .collect(),
        reported: reported
            .iter()
            .map(|r| WireReported {
                id: r.id.clone(),
                scope: r.scope.map(|p| dataset.place(p).id.clone()),
                as_of: r.as_of.to_string(),
                kind: r.kind.as_str().to_owned(),
                programme: r.programme.map(|p| match p {
                    super::dataset::Programme::Bri => "bri".to_owned(),
                    super::dataset::Programme::Sco => "sco".to_owned(),
                }),
                partner_country: r.partner_country.map(|c| dataset.country(c).iso.clone()),
                partner_level: r.partner_level.map(|l| l.as_str().to_owned()),
                pairs: r.pairs,
                unit: (r.unit != Unit::Pairs).then(|| r.unit.as_str().to_owned()),
                countries: r.countries,
                home_places: r.home_places,
                qualifier: (r.qualifier != Qualifier::Exact)
                    .then(|| r.qualifier.as_str().to_owned()),
                src: dataset.source(r.source).id.clone(),
                note: r.note.clone(),
            })
            .collect(),
    }
}
