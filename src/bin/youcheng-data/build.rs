//! Building the China dataset: candidate pairs + dated facts + reviewed tables → one
//! partnership JSON file, and the quality figures for the report.
//!
//! The rules, in order (each is documented in `docs/data-format.md`, "How the dataset is
//! built"):
//! 1. Every Chinese spelling resolves through the reviewed alias tables (pair-level first);
//!    an unknown spelling stops the build instead of being guessed.
//! 2. Partner spellings resolve through `partner_aliases.csv`; a pair is (Chinese place,
//!    partner country, partner name).
//! 3. A pair keeps every source that lists it. Dated facts give type, dates and end; values
//!    that agree up to precision reinforce each other, values that disagree are all kept
//!    (`alt`), and an earlier friendly/intent stage followed by a formal tie becomes history.
//! 4. Places get coordinates from GeoNames or the sources' geocodes, never invented.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use youcheng::model::format::dataset::Kind;
use youcheng::model::format::date::PartialDate;
use youcheng::model::format::load::is_http_url;
use youcheng::model::format::schema::{
    WireAlt, WireFile, WireHeader, WirePair, WirePlace, WireReported, WireSource, WireStage,
    WireText, format_version,
};

use crate::china::{China, CoordSource};
use crate::countries::Countries;
use crate::divisions::Divisions;
use crate::gazetteer::{Admin1, Gazetteer};
use crate::harvest::{HarvestRow, read_all};
use crate::naming::{RegionNames, simplify, without_country};
use crate::placing::{Placement, Placer};
use crate::util::{Columns, InputError, fold, has_han, has_kana, read_csv, round3, short_id, slug};

/// What the build produced, with the figures the report needs.
pub struct Built {
    /// The file.
    pub file: WireFile,
    /// Coordinate source of each Chinese place.
    pub cn_coords: BTreeMap<String, CoordSource>,
    /// Foreign places without coordinates, with the reason.
    pub unplaced_foreign: Vec<(String, String)>,
    /// Number of candidate rows read.
    pub n_candidate_rows: usize,
    /// Number of dated fact rows read.
    pub n_fact_rows: usize,
    /// Pairs that only the dated facts name (not in the candidates).
    pub n_fact_only_pairs: usize,
    /// Foreign names that one spelling uses for places more than 100 km apart.
    pub spread_names: Vec<(String, f64)>,
    /// How each foreign place was placed, by id, with its country and name.
    pub placements: Vec<(String, String, String, Placement)>,
    /// Every foreign place's Chinese name and where it comes from: (id, English, Chinese,
    /// source); no Chinese name leaves the last two empty.
    pub chinese_names: Vec<(String, String, String, String)>,
    /// The figures before this build's inputs (`data/curated/report_baseline.csv`): by scope
    /// ("all" or a province's English name), pairs, dated, typed and unplaced.
    pub baseline: BTreeMap<String, [usize; 4]>,
    /// Number of harvested rows read.
    pub n_harvest_rows: usize,
    /// Harvested rows left out, with the reason.
    pub harvest_skipped: Vec<(String, String)>,
}

/// One dated fact about a pair.
#[derive(Clone, Debug)]
struct Fact {
    established: Option<PartialDate>,
    /// The date is worked out by the source (from an anniversary, "last year"), not printed.
    derived: bool,
    kind: Kind,
    ended: Option<PartialDate>,
    /// The source says the tie ended (its date may not be printed).
    ends: bool,
    source: String,
    note: String,
}

#[derive(Default)]
struct PairAcc {
    sources: BTreeSet<String>,
    facts: Vec<Fact>,
    from_candidates: bool,
}

#[derive(Default)]
struct PartnerAcc {
    coords: Vec<(f64, f64)>,
    qids: BTreeSet<String>,
    local_names: BTreeMap<String, usize>,
    zh_names: BTreeMap<String, usize>,
    /// A first-level region (a harvested province-level tie says so).
    region: bool,
}

/// The name a harvested partner is known by in the dataset: the same name, folded, in the
/// same country; else the one partner whose name is this name with a qualifier ("Kansas
/// City, Missouri" for "Kansas City") when there is exactly one; else the name itself (a new
/// place). A region never takes a city's record, nor a city a region's.
fn match_partner(
    partners: &BTreeMap<(String, String), PartnerAcc>,
    iso: &str,
    name: &str,
    region: bool,
) -> String {
    let wanted = fold(name);
    let in_country =
        partners.range((iso.to_owned(), String::new())..).take_while(|((i, _), _)| i == iso);
    let same_kind = |acc: &PartnerAcc, known: &str| {
        let known_region = acc.region || foreign_level(known, iso, &BTreeSet::new()) == "state";
        known_region == (region || foreign_level(name, iso, &BTreeSet::new()) == "state")
    };
    let mut qualified = Vec::new();
    for ((_, known), acc) in in_country {
        if fold(known) == wanted && same_kind(acc, known) {
            return known.clone();
        }
        let base = known.split([',', '(']).next().unwrap_or(known).trim();
        if fold(base) == wanted && same_kind(acc, known) {
            qualified.push(known.clone());
        }
    }
    match qualified.as_slice() {
        [one] => one.clone(),
        _ => name.to_owned(),
    }
}

/// Keeps the partner's name as a harvested page writes it: a Chinese name when a Chinese page
/// writes it in Chinese, otherwise its local-script name.
fn record_partner_text(acc: &mut PartnerAcc, row: &HarvestRow) {
    let text = row.partner_text.split([' ', '(', '（', ',']).next().unwrap_or("").trim();
    if text.is_empty() || !has_han(text) || has_kana(text) {
        return;
    }
    let chinese_source = has_han(&row.source_title) && !has_kana(&row.source_title);
    let bucket =
        if row.iso != "JP" && chinese_source { &mut acc.zh_names } else { &mut acc.local_names };
    *bucket.entry(text.to_owned()).or_default() += 1;
}

struct PartnerAlias {
    partner: String,
    country: String,
    local: String,
    cn_place: String,
    canonical: String,
}

struct PairAlias {
    cn_name: String,
    partner: String,
    country: String,
    local: String,
    place: String,
}

/// The curated tables the build reads besides the Chinese place tables.
struct Curated {
    pair_aliases: Vec<PairAlias>,
    partner_aliases: Vec<PartnerAlias>,
    sources: Vec<(WireSource, String)>,
    foreign_states: BTreeSet<(String, String)>,
}

fn load_curated(curated: &Path) -> Result<Curated, InputError> {
    let t = read_csv(&curated.join("pair_aliases.csv"))?;
    let c = Columns::new(&t, "pair_aliases.csv");
    let idx = (
        c.index("cn_name")?,
        c.index("partner")?,
        c.index("country")?,
        c.index("partner_local")?,
        c.index("place")?,
    );
    let pair_aliases = t
        .rows
        .iter()
        .map(|r| PairAlias {
            cn_name: r.get(idx.0).to_owned(),
            partner: r.get(idx.1).to_owned(),
            country: r.get(idx.2).to_owned(),
            local: r.get(idx.3).to_owned(),
            place: r.get(idx.4).to_owned(),
        })
        .collect();
    let t = read_csv(&curated.join("partner_aliases.csv"))?;
    let c = Columns::new(&t, "partner_aliases.csv");
    let idx = (
        c.index("partner")?,
        c.index("country")?,
        c.index("partner_local")?,
        c.index("cn_place")?,
        c.index("canonical")?,
    );
    let partner_aliases = t
        .rows
        .iter()
        .map(|r| PartnerAlias {
            partner: r.get(idx.0).to_owned(),
            country: r.get(idx.1).to_owned(),
            local: r.get(idx.2).to_owned(),
            cn_place: r.get(idx.3).to_owned(),
            canonical: r.get(idx.4).to_owned(),
        })
        .collect();
    let t = read_csv(&curated.join("sources.csv"))?;
    let c = Columns::new(&t, "sources.csv");
    let idx = (
        c.index("id")?,
        c.index("title")?,
        c.index("url")?,
        c.index("document")?,
        c.index("licence")?,
        c.index("match_title")?,
    );
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    let sources = t
        .rows
        .iter()
        .map(|r| {
            (
                WireSource {
                    id: r.get(idx.0).to_owned(),
                    title: r.get(idx.1).to_owned(),
                    url: opt(r.get(idx.2)),
                    document: opt(r.get(idx.3)),
                    licence: opt(r.get(idx.4)),
                },
                r.get(idx.5).to_owned(),
            )
        })
        .collect();
    let t = read_csv(&curated.join("foreign_states.csv"))?;
    let c = Columns::new(&t, "foreign_states.csv");
    let (name_i, country_i) = (c.index("name")?, c.index("country")?);
    let foreign_states =
        t.rows.iter().map(|r| (r.get(country_i).to_owned(), fold(r.get(name_i)))).collect();
    Ok(Curated { pair_aliases, partner_aliases, sources, foreign_states })
}

/// Builds the China dataset.
pub fn build_china(
    raw: &Path,
    curated_dir: &Path,
    dataset_date: &str,
) -> Result<Built, InputError> {
    let countries = Countries::load(raw)?;
    let mut china = China::load(raw, curated_dir)?;
    let divisions = Divisions::load(raw)?;
    let placer = Placer {
        csc: crate::csc::Csc::load(raw)?,
        gazetteer: Gazetteer::load(raw, &countries)?,
        admin1: Admin1::load(raw)?,
        borders: crate::borders::Borders::load(raw)?,
        fixes: crate::placing::load_fixes(curated_dir)?,
        allowed: crate::placing::load_allowed(curated_dir)?,
        han: crate::naming::HanNames::load(raw)?,
    };
    let curated = load_curated(curated_dir)?;

    let mut sources: BTreeMap<String, WireSource> = BTreeMap::new();
    for (source, _) in &curated.sources {
        sources.insert(source.id.clone(), source.clone());
    }
    let hekman_pages = hekman_page_names(raw)?;

    let mut pairs: BTreeMap<(String, String, String), PairAcc> = BTreeMap::new();
    let mut partners: BTreeMap<(String, String), PartnerAcc> = BTreeMap::new();
    let mut cn_coords: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    let mut cn_qids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();

    let resolve_cn = |name: &str,
                      partner: &str,
                      iso: &str,
                      local: &str|
     -> Result<String, InputError> {
        let pair_level = curated.pair_aliases.iter().find(|a| {
            a.cn_name == name
                && a.partner == partner
                && a.country == iso
                && (a.local.is_empty() || a.local == local)
        });
        if let Some(alias) = pair_level {
            return Ok(alias.place.clone());
        }
        china
            .aliases
            .get(name)
            .cloned()
            .ok_or_else(|| InputError(format!("no reviewed alias for the Chinese place {name:?} (add it to data/curated/cn_aliases.csv)")))
    };
    let canonical_partner = |partner: &str, iso: &str, local: &str, cn_place: &str| -> String {
        curated
            .partner_aliases
            .iter()
            .find(|a| {
                a.partner == partner
                    && a.country == iso
                    && (a.local.is_empty() || a.local == local)
                    && (a.cn_place.is_empty() || a.cn_place == cn_place)
            })
            .map(|a| a.canonical.clone())
            .unwrap_or_else(|| partner.trim().to_owned())
    };

    // 1. Candidate pairs (Wikipedia / Wikidata).
    let table = read_csv(&raw.join("derived-china-pairs/china_pairs_candidates.csv"))?;
    let c = Columns::new(&table, "china_pairs_candidates.csv");
    let (cn_i, partner_i, country_i, iso_i) = (
        c.index("cn_name")?,
        c.index("partner_name")?,
        c.index("partner_country")?,
        c.index("partner_iso2")?,
    );
    let (src_i, cn_lat_i, cn_lng_i) = (c.index("sources")?, c.index("cn_lat")?, c.index("cn_lng")?);
    let (p_lat_i, p_lng_i, cn_qid_i, p_qid_i) = (
        c.index("partner_lat")?,
        c.index("partner_lng")?,
        c.index("cn_qid")?,
        c.index("partner_qid")?,
    );
    let n_candidate_rows = table.rows.len();
    for row in &table.rows {
        // One row writes the country into the name ("Varna, Bulgaria") and leaves the country
        // columns empty; the name's last part is then the country.
        let (partner_name, iso) = match (row.get(iso_i), row.get(country_i)) {
            ("", "") => {
                let (name, country) =
                    row.get(partner_i).rsplit_once(", ").unwrap_or((row.get(partner_i), ""));
                let iso = countries.resolve(country).ok_or_else(|| {
                    InputError(format!(
                        "candidates line {}: no country for {:?}",
                        row.line,
                        row.get(partner_i)
                    ))
                })?;
                (name, iso)
            }
            ("", country) => (
                row.get(partner_i),
                countries.resolve(country).ok_or_else(|| {
                    InputError(format!("candidates line {}: unknown country {country:?}", row.line))
                })?,
            ),
            (iso, _) => (row.get(partner_i), iso.to_owned()),
        };
        let cn = resolve_cn(row.get(cn_i), partner_name, &iso, "")?;
        let partner = canonical_partner(partner_name, &iso, "", &cn);
        let acc = pairs.entry((cn.clone(), iso.clone(), partner.clone())).or_default();
        acc.from_candidates = true;
        for tag in row.get(src_i).split(';').filter(|t| !t.is_empty()) {
            let id = candidate_source(tag, &countries, &hekman_pages, &mut sources)?;
            acc.sources.insert(id);
        }
        let partner_acc = partners.entry((iso.clone(), partner.clone())).or_default();
        if let (Ok(lat), Ok(lon)) =
            (row.get(p_lat_i).parse::<f64>(), row.get(p_lng_i).parse::<f64>())
        {
            partner_acc.coords.push((lat, lon));
        }
        if !row.get(p_qid_i).is_empty() {
            partner_acc.qids.insert(row.get(p_qid_i).to_owned());
        }
        if let (Ok(lat), Ok(lon)) =
            (row.get(cn_lat_i).parse::<f64>(), row.get(cn_lng_i).parse::<f64>())
        {
            cn_coords.entry(cn.clone()).or_default().push((lat, lon));
        }
        if !row.get(cn_qid_i).is_empty() {
            cn_qids.entry(cn).or_default().insert(row.get(cn_qid_i).to_owned());
        }
    }

    // 2. Dated facts, one source per row.
    let facts = read_csv(&raw.join("years/pair_facts.csv"))?;
    let c = Columns::new(&facts, "pair_facts.csv");
    let (cn_i, partner_i, local_i, iso_i) = (
        c.index("cn_name")?,
        c.index("partner_name")?,
        c.index("partner_name_local")?,
        c.index("partner_country_iso2")?,
    );
    let (est_i, type_i, ended_i, title_i, url_i, note_i) = (
        c.index("established")?,
        c.index("type")?,
        c.index("ended")?,
        c.index("source_title")?,
        c.index("source_url")?,
        c.index("note")?,
    );
    let n_fact_rows = facts.rows.len();
    for row in &facts.rows {
        let iso = row.get(iso_i).to_owned();
        let local = row.get(local_i);
        let cn = resolve_cn(row.get(cn_i), row.get(partner_i), &iso, local)?;
        let partner = canonical_partner(row.get(partner_i), &iso, local, &cn);
        let source = fact_source(row.get(title_i), row.get(url_i), &curated, &mut sources);
        let parse_date = |text: &str| -> Result<Option<PartialDate>, InputError> {
            if text.is_empty() {
                return Ok(None);
            }
            text.parse().map(Some).map_err(|e| {
                InputError(format!("pair_facts.csv line {}: bad date {text:?}: {e}", row.line))
            })
        };
        let kind = Kind::parse(row.get(type_i)).ok_or_else(|| {
            InputError(format!("pair_facts.csv line {}: bad type {:?}", row.line, row.get(type_i)))
        })?;
        let fact = Fact {
            established: parse_date(row.get(est_i))?,
            derived: false,
            kind,
            ended: parse_date(row.get(ended_i))?,
            ends: false,
            source: source.clone(),
            note: row.get(note_i).trim().to_owned(),
        };
        let acc = pairs.entry((cn, iso.clone(), partner.clone())).or_default();
        acc.sources.insert(source);
        acc.facts.push(fact);
        let partner_acc = partners.entry((iso.clone(), partner)).or_default();
        if !local.is_empty() {
            let chinese_source = has_han(row.get(title_i)) && !has_kana(row.get(title_i));
            let is_chinese_name =
                has_han(local) && !has_kana(local) && (iso != "JP" || chinese_source);
            let bucket = if is_chinese_name {
                &mut partner_acc.zh_names
            } else {
                &mut partner_acc.local_names
            };
            *bucket.entry(local.to_owned()).or_default() += 1;
        }
    }

    // 2b. Harvested rows: pairs transcribed from public pages, one source per row.
    let harvest = read_all(raw)?;
    let ending_dates = read_endings(curated_dir)?;
    let n_harvest_rows = harvest.len();
    let mut harvest_skipped = Vec::new();
    for row in &harvest {
        let cn = match divisions.resolve(&row.cn_zh) {
            Ok(division) => match china.place_for_code(&divisions, &division.code.clone()) {
                Some(id) => id,
                None => {
                    harvest_skipped.push((row.place(), format!("{}: no place", row.cn_zh)));
                    continue;
                }
            },
            Err(why) => {
                harvest_skipped.push((row.place(), why));
                continue;
            }
        };
        let named = canonical_partner(&row.partner_en, &row.iso, &row.partner_text, &cn);
        let partner = match_partner(&partners, &row.iso, &named, row.partner_is_region());
        let source = fact_source(&row.source_title, &row.source_url, &curated, &mut sources);
        let acc = pairs.entry((cn, row.iso.clone(), partner.clone())).or_default();
        acc.sources.insert(source.clone());
        acc.facts.push(Fact {
            established: row.established,
            derived: row.date_derived(),
            kind: row.kind,
            ended: ending_dates
                .get(&(row.cn_zh.clone(), row.partner_en.clone(), row.iso.clone()))
                .copied(),
            ends: row.ends(),
            source,
            note: String::new(),
        });
        let partner_acc = partners.entry((row.iso.clone(), partner)).or_default();
        if row.partner_is_region() {
            partner_acc.region = true;
        }
        record_partner_text(partner_acc, row);
    }

    // 3. Foreign places.
    let mut foreign: Vec<WirePlace> = Vec::new();
    let mut foreign_ids: HashMap<(String, String), String> = HashMap::new();
    let mut used_ids: BTreeSet<String> = china.places.keys().cloned().collect();
    let mut unplaced_foreign = Vec::new();
    let mut spread_names = Vec::new();
    let mut placements = Vec::new();
    let mut chinese_names = Vec::new();
    let regions = RegionNames::load(raw)?;
    for ((iso, name), acc) in &partners {
        let base = format!("{}-{}", iso.to_ascii_lowercase(), slug(name));
        let mut id = base.clone();
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used_ids.insert(id.clone());
        foreign_ids.insert((iso.clone(), name.clone()), id.clone());
        let points = &acc.coords;
        if let (Some(min), Some(max)) = (
            points.iter().map(|p| p.0).reduce(f64::min),
            points.iter().map(|p| p.0).reduce(f64::max),
        ) {
            let spread = crate::util::distance_km((min, 0.0), (max, 0.0));
            if spread > 100.0 {
                spread_names.push((format!("{name} ({iso})"), spread));
            }
        }
        let region = acc.region || foreign_level(name, iso, &curated.foreign_states) == "state";
        let placement = placer.place(iso, name, region, points);
        let point = placement.point;
        if point.is_none() {
            unplaced_foreign.push((id.clone(), placement.reason.clone()));
        }
        let is_region = placement.region;
        let most_common = |m: &BTreeMap<String, usize>| {
            m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| k.clone())
        };
        let zh = chinese_name(
            iso,
            name,
            (most_common(&acc.zh_names), most_common(&acc.local_names)),
            &placement,
            &placer,
            &countries,
            &regions,
        );
        chinese_names.push((
            id.clone(),
            name.clone(),
            zh.as_ref().map(|z| z.0.clone()).unwrap_or_default(),
            zh.as_ref().map(|z| z.1.clone()).unwrap_or_default(),
        ));
        placements.push((id.clone(), iso.clone(), name.clone(), placement));
        foreign.push(WirePlace {
            id,
            en: name.clone(),
            zh: zh.map(|z| z.0),
            local: most_common(&acc.local_names),
            py: None,
            level: if is_region {
                "state"
            } else {
                foreign_level(name, iso, &curated.foreign_states)
            }
            .to_owned(),
            parent: None,
            country: iso.clone(),
            lat: point.map(|p| round3(p.0)),
            lon: point.map(|p| round3(p.1)),
            code: None,
            // Foreign Wikidata ids are left out to keep the file within its size budget.
            wikidata: None,
        });
    }

    // 4. Chinese places.
    let (mut places, cn_coord_sources) = china.to_wire(&cn_coords, &placer.csc);
    for place in &mut places {
        if let Some(set) = cn_qids.get(&place.id).filter(|s| s.len() == 1) {
            place.wikidata = set.iter().next().cloned();
        }
    }
    places.extend(foreign);
    places.sort_by(|a, b| a.id.cmp(&b.id));

    // 5. Partnerships.
    let mut wire_pairs = Vec::with_capacity(pairs.len());
    let mut pair_ids = BTreeSet::new();
    let mut n_fact_only_pairs = 0;
    for ((cn, iso, partner), acc) in &pairs {
        let partner_id = foreign_ids.get(&(iso.clone(), partner.clone())).ok_or_else(|| {
            InputError(format!("internal: partner {partner} ({iso}) was not placed"))
        })?;
        if !acc.from_candidates {
            n_fact_only_pairs += 1;
        }
        let mut len = 6;
        let mut id = short_id("", &format!("{cn}|{partner_id}"), len);
        while pair_ids.contains(&id) {
            len += 1;
            id = short_id("", &format!("{cn}|{partner_id}"), len);
        }
        pair_ids.insert(id.clone());
        wire_pairs.push(merge_pair(id, cn, partner_id, acc));
    }
    wire_pairs.sort_by(|a, b| (&a.home, &a.partner).cmp(&(&b.home, &b.partner)));

    // 6. Reported figures.
    let reported = read_reported(curated_dir, &places, &sources)?;

    let used_sources: BTreeSet<&str> = wire_pairs
        .iter()
        .flat_map(|p| {
            p.src
                .iter()
                .chain(p.alt.iter().flat_map(|a| &a.src))
                .chain(p.history.iter().flat_map(|h| &h.src))
        })
        .map(String::as_str)
        .chain(reported.iter().map(|r| r.src.as_str()))
        .collect();
    // The curated sources (the project's documents, the statistics) are kept even when no
    // record cites them: the stories cite every project document.
    let curated_ids: BTreeSet<&str> = curated.sources.iter().map(|(s, _)| s.id.as_str()).collect();
    // A reader is given title, publisher, date and address; the project's local file name of a
    // document (`000_….txt`) is only for matching and is not shipped.
    let sources: Vec<WireSource> = sources
        .into_values()
        .filter(|s| used_sources.contains(s.id.as_str()) || curated_ids.contains(s.id.as_str()))
        .map(|s| WireSource { document: None, ..s })
        .collect();

    let file = WireFile {
        format: youcheng::model::format::load::FORMAT_NAME.to_owned(),
        version: format_version(),
        dataset: WireHeader {
            id: "china".to_owned(),
            version: dataset_date.to_owned(),
            date: Some(dataset_date.to_owned()),
            title: WireText {
                en: "China's international friendship cities".to_owned(),
                zh: Some("中国国际友好城市".to_owned()),
            },
            focus: Some("CN".to_owned()),
            licence: Some("CC BY-SA 4.0".to_owned()),
            attribution: attribution(),
            synthetic: false,
        },
        sources,
        countries: countries.by_iso.values().cloned().collect(),
        places,
        partnerships: wire_pairs,
        reported,
    };
    Ok(Built {
        file,
        cn_coords: cn_coord_sources,
        unplaced_foreign,
        n_candidate_rows,
        n_fact_rows,
        n_fact_only_pairs,
        spread_names,
        placements,
        chinese_names,
        baseline: read_baseline(curated_dir)?,
        n_harvest_rows,
        harvest_skipped,
    })
}

/// The figures the report compares against (`report_baseline.csv`).
fn read_baseline(curated: &Path) -> Result<BTreeMap<String, [usize; 4]>, InputError> {
    let table = read_csv(&curated.join("report_baseline.csv"))?;
    let c = Columns::new(&table, "report_baseline.csv");
    let cols = [c.index("pairs")?, c.index("dated")?, c.index("typed")?, c.index("unplaced")?];
    let scope_i = c.index("scope")?;
    let mut out = BTreeMap::new();
    for row in &table.rows {
        let mut figures = [0; 4];
        for (slot, i) in figures.iter_mut().zip(cols) {
            *slot = row.get(i).parse().unwrap_or(0);
        }
        out.insert(row.get(scope_i).to_owned(), figures);
    }
    Ok(out)
}

/// A foreign place's Chinese name and its source (see [`crate::naming`]).
fn chinese_name(
    iso: &str,
    name: &str,
    (from_sources, local): (Option<String>, Option<String>),
    placement: &Placement,
    placer: &Placer,
    countries: &Countries,
    regions: &RegionNames,
) -> Option<(String, String)> {
    if let Some(zh) = from_sources {
        let prefixes: Vec<&str> =
            countries.by_iso.get(iso).and_then(|c| c.zh.as_deref()).into_iter().collect();
        return Some((without_country(&zh, &prefixes).to_owned(), "pair sources".to_owned()));
    }
    let japanese = iso == "JP";
    // Chinese lists write a Japanese place in its kanji, in simplified characters.
    if let Some(kanji) = local.filter(|l| japanese && crate::naming::all_han(l)) {
        return Some((simplify(&kanji, true), "pair sources (Japanese)".to_owned()));
    }
    let city = placement
        .geonames
        .as_deref()
        .and_then(|id| placer.han.by_id(id))
        .or_else(|| placement.point.and_then(|p| placer.han.matching(iso, name, p)));
    if let Some(c) = city
        && let Some(zh) = crate::naming::pick(&c.han, japanese)
    {
        return Some((zh, format!("GeoNames {}", c.id)));
    }
    if placement.region {
        let csc = placer.csc.region(iso, name);
        let coded = csc.and_then(|r| regions.by_code(&format!("{iso}-{}", r.state)));
        if let Some(zh) = coded.or_else(|| regions.by_name(iso, name)) {
            return Some((zh.to_owned(), "iso-codes".to_owned()));
        }
        let native = csc.map(|r| r.native.clone())?;
        if japanese && crate::naming::all_han(&native) {
            return Some((simplify(&native, true), "countrystatecity".to_owned()));
        }
    }
    None
}

/// `docs/chinese-names.csv`: every foreign place's Chinese name and its source.
pub fn chinese_names_csv(rows: &[(String, String, String, String)]) -> String {
    let mut out = String::from("id,en,zh,source\n");
    for (id, en, zh, source) in rows {
        youcheng::model::read::csv::push_row(&mut out, &[id, en, zh, source]);
    }
    out
}

/// End dates printed by the sources of ended harvested ties (`data/curated/endings.csv`),
/// by (Chinese side as the harvest writes it, partner, country).
fn read_endings(
    curated: &Path,
) -> Result<HashMap<(String, String, String), PartialDate>, InputError> {
    let table = read_csv(&curated.join("endings.csv"))?;
    let c = Columns::new(&table, "endings.csv");
    let (cn_i, partner_i, iso_i, ended_i) =
        (c.index("cn_zh")?, c.index("partner")?, c.index("country")?, c.index("ended")?);
    let mut out = HashMap::new();
    for row in &table.rows {
        let date = row.get(ended_i).parse().map_err(|e| {
            InputError(format!(
                "endings.csv line {}: bad date {:?}: {e}",
                row.line,
                row.get(ended_i)
            ))
        })?;
        let key =
            (row.get(cn_i).to_owned(), row.get(partner_i).to_owned(), row.get(iso_i).to_owned());
        out.insert(key, date);
    }
    Ok(out)
}

/// The attribution lines every copy of the dataset carries.
pub fn attribution() -> Vec<String> {
    vec![
        "Partnership lists from Wikipedia (“List of twin towns and sister cities in …”), © Wikipedia contributors, CC BY-SA 4.0".to_owned(),
        "Wikidata (property P190), CC0".to_owned(),
        "Place coordinates and Chinese names from GeoNames (geonames.org), CC BY 4.0, and the sources' own geocodes (Wikipedia API; OpenStreetMap Nominatim, © OpenStreetMap contributors, ODbL)".to_owned(),
        "Chinese administrative divisions: National Bureau of Statistics codes via the china-division package (MIT)".to_owned(),
        "Country names: i18n-iso-countries (MIT); continents: GeoNames (CC BY 4.0)".to_owned(),
        "Belt and Road years: Liu, Pang and Vreeland, BRI_2020 (Harvard Dataverse, CC0) and news reports; SCO history: news reports (facts only)".to_owned(),
        "Dates and types: one named public source per fact (government, city, news and Wikipedia pages, CLAIR and municipal lists, transcribed with their source; facts only)".to_owned(),
        "Regions and small towns: countrystatecity (dr5hn countries-states-cities database), ODbL 1.0; Chinese names of foreign regions: Debian iso-codes via pycountry (LGPL-2.1)".to_owned(),
        "Map outlines: Made with Natural Earth (public domain); dashed line and islets: Surbowl world-geo-json-zh (The Unlicense)".to_owned(),
    ]
}

/// Merges the facts of one pair into its record.
fn merge_pair(id: String, home: &str, partner: &str, acc: &PairAcc) -> WirePair {
    let mut facts = acc.facts.clone();
    facts.sort_by(|a, b| (a.established, &a.source).cmp(&(b.established, &b.source)));
    // Kinds in order of their earliest date. A friendly or intent stage that ends before a
    // later formal tie begins is an earlier stage, not a conflict.
    let mut by_kind: BTreeMap<Kind, Vec<&Fact>> = BTreeMap::new();
    for f in &facts {
        by_kind.entry(f.kind).or_default().push(f);
    }
    let mut history = Vec::new();
    let mut alt = Vec::new();
    let current_kind;
    let current_facts: Vec<&Fact>;
    if by_kind.is_empty() {
        current_kind = Kind::Unknown;
        current_facts = Vec::new();
    } else if by_kind.len() == 1 {
        let (k, f) = by_kind.into_iter().next().unwrap_or((Kind::Unknown, Vec::new()));
        current_kind = k;
        current_facts = f;
    } else {
        let mut kinds: Vec<(Kind, Vec<&Fact>)> = by_kind.into_iter().collect();
        let earliest = |fs: &Vec<&Fact>| fs.iter().filter_map(|f| f.established).min();
        let latest = |fs: &Vec<&Fact>| fs.iter().filter_map(|f| f.established).max();
        kinds.sort_by_key(|(k, fs)| (earliest(fs), *k));
        let ordered = kinds.windows(2).all(|w| match (latest(&w[0].1), earliest(&w[1].1)) {
            (Some(a), Some(b)) => a.year() < b.year(),
            _ => false,
        });
        let upgrades = kinds.last().is_some_and(|(k, _)| *k == Kind::Sister);
        if ordered && upgrades {
            let (last_kind, last_facts) = kinds.pop().unwrap_or((Kind::Unknown, Vec::new()));
            for (k, fs) in &kinds {
                let (date, _) = pick_date(fs.iter().map(|f| (f.established, f.source.clone())));
                history.push(WireStage {
                    kind: k.as_str().to_owned(),
                    date: date.map(|d| d.to_string()),
                    src: sorted_unique(fs.iter().map(|f| f.source.clone())),
                });
            }
            current_kind = last_kind;
            current_facts = last_facts;
        } else {
            // Sources disagree on the type: the best supported wins, the others are kept.
            kinds.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            let (main_kind, main_facts) = kinds.remove(0);
            for (k, fs) in &kinds {
                alt.push(WireAlt {
                    field: "type".to_owned(),
                    value: k.as_str().to_owned(),
                    src: sorted_unique(fs.iter().map(|f| f.source.clone())),
                });
            }
            current_kind = main_kind;
            current_facts = main_facts;
        }
    }
    // A printed date leads; one the sources work out (an anniversary) is used only when no
    // source prints one, and is then marked as derived.
    let printed = current_facts.iter().filter(|f| !f.derived);
    let (mut established, mut others) =
        pick_date(printed.map(|f| (f.established, f.source.clone())));
    let worked_out = current_facts.iter().filter(|f| f.derived);
    let (derived_date, derived_others) =
        pick_date(worked_out.map(|f| (f.established, f.source.clone())));
    let mut est_derived = false;
    match (established, derived_date) {
        (None, Some(d)) => {
            established = Some(d);
            est_derived = true;
            others.extend(derived_others);
        }
        (Some(e), _) => {
            let derived_conflicts = current_facts
                .iter()
                .filter(|f| f.derived)
                .filter_map(|f| f.established.map(|d| (d, f.source.clone())))
                .filter(|(d, _)| !compatible(*d, e));
            for (d, s) in derived_conflicts {
                others.push((d, vec![s]));
            }
        }
        (None, None) => {}
    }
    others.sort();
    others.dedup();
    for (value, src) in others {
        alt.push(WireAlt { field: "est".to_owned(), value: value.to_string(), src });
    }
    let (ended, ended_others) = pick_date(facts.iter().map(|f| (f.ended, f.source.clone())));
    for (value, src) in ended_others {
        alt.push(WireAlt { field: "ended".to_owned(), value: value.to_string(), src });
    }
    let status = if ended.is_some() || facts.iter().any(|f| f.ends) {
        "ended"
    } else if current_kind == Kind::Intent {
        "pending"
    } else {
        "active"
    };
    let notes: BTreeSet<&str> =
        facts.iter().map(|f| f.note.as_str()).filter(|n| !n.is_empty()).collect();
    WirePair {
        id,
        home: home.to_owned(),
        partner: partner.to_owned(),
        kind: current_kind.as_str().to_owned(),
        status: status.to_owned(),
        est: established.map(|d| d.to_string()),
        est_basis: est_derived.then(|| "derived".to_owned()),
        ended: ended.map(|d| d.to_string()),
        src: acc.sources.iter().cloned().collect(),
        note: (!notes.is_empty()).then(|| notes.into_iter().collect::<Vec<_>>().join("; ")),
        history,
        alt,
    }
}

fn sorted_unique(items: impl Iterator<Item = String>) -> Vec<String> {
    items.collect::<BTreeSet<_>>().into_iter().collect()
}

/// True when `a` and `b` can describe the same date (one is a truncation of the other).
fn compatible(a: PartialDate, b: PartialDate) -> bool {
    let (sa, sb) = (a.to_string(), b.to_string());
    sa.starts_with(&sb) || sb.starts_with(&sa)
}

/// Chooses a date among sources: among the most precise values, the one with the most
/// compatible support, then the earliest. Returns it and every incompatible value with its sources.
fn pick_date(
    values: impl Iterator<Item = (Option<PartialDate>, String)>,
) -> (Option<PartialDate>, Vec<(PartialDate, Vec<String>)>) {
    let mut by_value: BTreeMap<PartialDate, BTreeSet<String>> = BTreeMap::new();
    for (value, source) in values {
        if let Some(v) = value {
            by_value.entry(v).or_default().insert(source);
        }
    }
    let support = |v: PartialDate| -> usize {
        by_value.iter().filter(|(u, _)| compatible(**u, v)).map(|(_, s)| s.len()).sum()
    };
    // Only values that no more precise value refines compete ("1986" is refined by
    // "1986-04", so it supports it instead of competing with it).
    let maximal = by_value.keys().copied().filter(|v| {
        !by_value.keys().any(|u| u != v && u.precision() > v.precision() && compatible(*u, *v))
    });
    let best = maximal.max_by(|a, b| {
        support(*a).cmp(&support(*b)).then(a.precision().cmp(&b.precision())).then(b.cmp(a))
    });
    let Some(best) = best else { return (None, Vec::new()) };
    let others = by_value
        .iter()
        .filter(|(v, _)| !compatible(**v, best))
        .map(|(v, s)| (*v, s.iter().cloned().collect()))
        .collect();
    (Some(best), others)
}

/// The level of a foreign place, from the reviewed list of first-level units and the words
/// its name ends with; a plain name is a city (the sources are lists of towns and cities).
pub fn foreign_level(name: &str, iso: &str, states: &BTreeSet<(String, String)>) -> &'static str {
    if states.contains(&(iso.to_owned(), fold(name))) {
        return "state";
    }
    if name.contains(" – ")
        || (name.contains(" (") && name.contains("District"))
        || name.contains(". District")
    {
        return "district";
    }
    const STATE_WORDS: &[&str] = &[
        " Prefecture",
        " Province",
        " Oblast",
        " Krai",
        " Voivodeship",
        " Governorate",
        " State",
        " Territory",
        " Region",
        " Canton",
        " Autonomous Community",
        " Republic",
        "-do",
    ];
    const REGION_WORDS: &[&str] = &[
        " County",
        " District Municipality",
        " Municipal District",
        " District",
        " Shire",
        " Regency",
        " Department",
        " Borough",
    ];
    let trimmed = name.split(" (").next().unwrap_or(name);
    if STATE_WORDS.iter().any(|w| trimmed.ends_with(w)) || trimmed.starts_with("Province of") {
        return "state";
    }
    if REGION_WORDS.iter().any(|w| trimmed.ends_with(w)) {
        return "region";
    }
    // A plain name: the lists are of towns and cities, but the level is not stated.
    "other"
}

/// Readable names of the Wikipedia pages the Hekman scrape covered, by the tag slug used in
/// the candidates file (`wikipedia_southkorea_page(hekman)` → "South Korea").
fn hekman_page_names(raw: &Path) -> Result<HashMap<String, String>, InputError> {
    let table = read_csv(&raw.join("hekman-twincities/twin_cities_geocoded.csv"))?;
    let country_i = Columns::new(&table, "twin_cities_geocoded.csv").index("country1")?;
    let mut out = HashMap::new();
    for row in &table.rows {
        let page = row.get(country_i).split(", ").next().unwrap_or("").to_owned();
        out.entry(fold(&page)).or_insert(page);
    }
    Ok(out)
}

fn candidate_source(
    tag: &str,
    countries: &Countries,
    hekman_pages: &HashMap<String, String>,
    sources: &mut BTreeMap<String, WireSource>,
) -> Result<String, InputError> {
    let id = match tag {
        "wikipedia_foreign_pages_2023(thekompot)" => "wpx".to_owned(),
        "wikidata_2022(albertoursino)" => "wd22".to_owned(),
        "wikidata_2017_eu(rogorido)" => "wd17".to_owned(),
        _ => {
            let page = tag
                .strip_prefix("wikipedia_")
                .and_then(|t| t.strip_suffix("_page(hekman)"))
                .ok_or_else(|| {
                    InputError(format!("unknown source tag {tag:?} in the candidates"))
                })?;
            let name = hekman_pages.get(page).cloned().unwrap_or_else(|| page.to_owned());
            let code = countries.resolve(&name).map(|iso| iso.to_ascii_lowercase());
            // Pages of the four parts of the United Kingdom keep their names.
            let id = match (page, code) {
                ("england" | "scotland" | "wales", _) | (_, None) => format!("wp-{page}"),
                ("china", _) => "wpc".to_owned(),
                (_, Some(code)) => format!("wp-{code}"),
            };
            if !sources.contains_key(&id) {
                sources.insert(
                    id.clone(),
                    WireSource {
                        id: id.clone(),
                        title: format!(
                            "Wikipedia, “List of twin towns and sister cities in {name}” (scraped by Hekman/twincities, 2026-02-08)"
                        ),
                        url: Some("https://github.com/Hekman/twincities".to_owned()),
                        document: None,
                        licence: Some("CC BY-SA 4.0 (Wikipedia contributors)".to_owned()),
                    },
                );
            }
            id
        }
    };
    if !sources.contains_key(&id) {
        return Err(InputError(format!("source {id} is missing from data/curated/sources.csv")));
    }
    Ok(id)
}

fn fact_source(
    title: &str,
    url: &str,
    curated: &Curated,
    sources: &mut BTreeMap<String, WireSource>,
) -> String {
    if let Some((s, _)) = curated
        .sources
        .iter()
        .find(|(s, m)| s.document.as_deref() == Some(url) || (!m.is_empty() && m == title))
    {
        return s.id.clone();
    }
    let id = short_id("f-", &format!("{title}|{url}"), 7);
    sources.entry(id.clone()).or_insert_with(|| {
        // Wikipedia text is CC BY-SA; other pages grant no licence, and only the facts (a
        // date, a type) were taken from them, so no licence is claimed.
        let licence =
            title.contains("Wikipedia").then_some("CC BY-SA 4.0 (Wikipedia contributors)");
        WireSource {
            id: id.clone(),
            title: title.to_owned(),
            url: is_http_url(url).then(|| url.to_owned()),
            document: (!url.is_empty() && !is_http_url(url)).then(|| url.to_owned()),
            licence: licence.map(str::to_owned),
        }
    });
    id
}

fn read_reported(
    curated: &Path,
    places: &[WirePlace],
    sources: &BTreeMap<String, WireSource>,
) -> Result<Vec<WireReported>, InputError> {
    let t = read_csv(&curated.join("reported.csv"))?;
    let c = Columns::new(&t, "reported.csv");
    let cols: Vec<usize> = [
        "id",
        "scope",
        "as_of",
        "kind",
        "programme",
        "partner_country",
        "partner_level",
        "pairs",
        "countries",
        "home_places",
        "qualifier",
        "src",
        "note",
    ]
    .iter()
    .map(|name| c.index(name))
    .collect::<Result<_, _>>()?;
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    let num = |s: &str, line: usize| -> Result<Option<u32>, InputError> {
        if s.is_empty() {
            return Ok(None);
        }
        s.parse()
            .map(Some)
            .map_err(|_| InputError(format!("reported.csv line {line}: bad number {s:?}")))
    };
    let mut out = Vec::new();
    for r in &t.rows {
        let get = |i: usize| r.get(cols[i]);
        if let Some(scope) = opt(get(1))
            && !places.iter().any(|p| p.id == scope)
        {
            return Err(InputError(format!("reported.csv line {}: unknown place {scope}", r.line)));
        }
        if !sources.contains_key(get(11)) {
            return Err(InputError(format!(
                "reported.csv line {}: unknown source {}",
                r.line,
                get(11)
            )));
        }
        out.push(WireReported {
            id: get(0).to_owned(),
            scope: opt(get(1)),
            as_of: get(2).to_owned(),
            kind: get(3).to_owned(),
            programme: opt(get(4)),
            partner_country: opt(get(5)),
            partner_level: opt(get(6)),
            pairs: num(get(7), r.line)?,
            countries: num(get(8), r.line)?,
            home_places: num(get(9), r.line)?,
            qualifier: opt(get(10)),
            src: get(11).to_owned(),
            note: opt(get(12)),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(est: &str, kind: Kind, source: &str) -> Fact {
        Fact {
            established: (!est.is_empty()).then(|| est.parse().unwrap()),
            derived: false,
            kind,
            ended: None,
            ends: false,
            source: source.to_owned(),
            note: String::new(),
        }
    }

    fn merged(facts: Vec<Fact>) -> WirePair {
        let acc = PairAcc {
            sources: facts.iter().map(|f| f.source.clone()).collect(),
            facts,
            from_candidates: true,
        };
        merge_pair("p1".into(), "cn-a", "jp-b", &acc)
    }

    #[test]
    fn dates_that_agree_up_to_precision_reinforce_each_other() {
        let p =
            merged(vec![fact("1979", Kind::Sister, "s1"), fact("1979-05-02", Kind::Sister, "s2")]);
        assert_eq!(p.est.as_deref(), Some("1979-05-02"));
        assert!(p.alt.is_empty(), "no conflict: {:?}", p.alt);
    }

    #[test]
    fn conflicting_years_are_both_kept() {
        // Hangzhou–Leeds: 1988 in one source, 1989 in another.
        let p =
            merged(vec![fact("1988", Kind::Sister, "yep"), fact("1989", Kind::Sister, "leeds")]);
        assert_eq!(p.est.as_deref(), Some("1988"), "equal support: the earlier value leads");
        assert_eq!(p.alt.len(), 1);
        assert_eq!((p.alt[0].field.as_str(), p.alt[0].value.as_str()), ("est", "1989"));
        assert_eq!(p.alt[0].src, vec!["leeds"]);
        assert_eq!(p.src, vec!["leeds", "yep"], "every source of the pair is kept");
    }

    #[test]
    fn the_better_supported_date_leads() {
        // Shenzhen–Houston: 1986, 1986-03 and 1986-04.
        let p = merged(vec![
            fact("1986", Kind::Sister, "a"),
            fact("1986-03", Kind::Sister, "b"),
            fact("1986-04", Kind::Sister, "c"),
            fact("1986-04", Kind::Sister, "d"),
        ]);
        assert_eq!(p.est.as_deref(), Some("1986-04"));
        assert_eq!(p.alt.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), vec!["1986-03"]);
    }

    #[test]
    fn a_friendly_stage_before_a_sister_tie_is_history() {
        // Dongying–Yangju: friendly exchange 2010, sister city 2023-10-22.
        let p =
            merged(vec![fact("2010", Kind::Friendly, "a"), fact("2023-10-22", Kind::Sister, "a")]);
        assert_eq!((p.kind.as_str(), p.est.as_deref()), ("sister", Some("2023-10-22")));
        assert_eq!(p.history.len(), 1);
        assert_eq!(
            (p.history[0].kind.as_str(), p.history[0].date.as_deref()),
            ("friendly", Some("2010"))
        );
        assert!(p.alt.is_empty());
    }

    #[test]
    fn disagreeing_types_without_an_order_are_a_conflict() {
        let p = merged(vec![
            fact("2014", Kind::Friendly, "a"),
            fact("2014", Kind::Sister, "b"),
            fact("", Kind::Sister, "c"),
        ]);
        assert_eq!(p.kind, "sister");
        assert_eq!(p.alt.iter().filter(|a| a.field == "type").count(), 1);
    }

    #[test]
    fn intent_is_pending_and_no_facts_is_unknown() {
        assert_eq!(merged(vec![fact("2018", Kind::Intent, "s")]).status, "pending");
        let p = merged(vec![]);
        assert_eq!(
            (p.kind.as_str(), p.status.as_str(), p.est.as_deref()),
            ("unknown", "active", None)
        );
    }

    fn curated_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated")
    }

    #[test]
    fn the_alias_table_merges_name_variants_and_keeps_homonyms_apart() {
        let china =
            China::load(&curated_dir().join("../raw"), &curated_dir()).expect("tables load");
        let place = |alias: &str| {
            china.aliases.get(alias).cloned().unwrap_or_else(|| panic!("{alias} unresolved"))
        };
        assert_eq!(place("Suzhou, Jiangsu"), place("Suzhou"));
        assert_ne!(place("Suzhou, Anhui"), place("Suzhou"));
        assert_eq!(place("Wujiang (Suzhou)"), place("Suzhou – Wujiang"));
        assert_eq!(place("Wujiang District"), place("Suzhou – Wujiang"));
        assert_eq!(place("Changning (Shanghai)"), place("Changning District (Shanghai)"));
        assert_eq!(place("Taizhou, Zhejiang"), place("Taizhou"));
        assert_ne!(place("Taizhou, Jiangsu"), place("Taizhou, Zhejiang"));
        assert_eq!(place("Chonqing"), "cn-chongqing", "a misspelling in the sources");
        let changning = &china.places[&place("Changning (Shanghai)")];
        assert_eq!(
            (changning.code.as_deref(), changning.zh.as_deref()),
            (Some("310105"), Some("长宁区"))
        );
        assert_eq!(changning.parent.as_deref(), Some("cn-shanghai"));
        // Every place is reachable: no alias points outside the table, and every parent exists.
        for (alias, id) in &china.aliases {
            assert!(china.places.contains_key(id), "{alias} → {id}");
        }
    }

    #[test]
    fn foreign_levels_follow_the_reviewed_list_and_name_endings() {
        let states: BTreeSet<(String, String)> =
            [("US".to_owned(), fold("Maryland"))].into_iter().collect();
        assert_eq!(foreign_level("Maryland", "US", &states), "state");
        assert_eq!(foreign_level("Miyagi Prefecture", "JP", &states), "state");
        assert_eq!(foreign_level("Jeollabuk-do", "KR", &states), "state");
        assert_eq!(foreign_level("Sarah Baartman District Municipality", "ZA", &states), "region");
        assert_eq!(foreign_level("Seoul – Gangnam", "KR", &states), "district");
        assert_eq!(foreign_level("Sovetsky District (Minsk)", "BY", &states), "district");
        assert_eq!(foreign_level("Nara", "JP", &states), "other", "not stated, so not claimed");
    }
}
