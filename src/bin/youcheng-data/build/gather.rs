//! Merging the rows by pair: the candidate pairs (Wikipedia, Wikidata), the dated facts and the
//! harvested rows, each resolved to (Chinese place, partner country, partner name) through the
//! reviewed aliases (rules 1 and 2 of [`super`]), with what each row says of its pair and of
//! its partner, and the sources the rows cite.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use youcheng::model::format::dataset::Kind;
use youcheng::model::format::date::PartialDate;
use youcheng::model::format::schema::{WireDisputed, WireSource};

use super::inputs::{Curated, candidate_source, fact_source, hekman_page_names, read_endings};
use super::names::foreign_level;
use crate::china::China;
use crate::countries::Countries;
use crate::divisions::Divisions;
use crate::harvest::{HarvestRow, read_all};
use crate::util::{Columns, InputError, fold, has_han, has_kana, read_csv};

/// One dated fact about a pair.
#[derive(Clone, Debug)]
pub struct Fact {
    pub established: Option<PartialDate>,
    /// The date is worked out by the source (from an anniversary, "last year"), not printed.
    pub derived: bool,
    pub kind: Kind,
    pub ended: Option<PartialDate>,
    /// The source says the tie ended (its date may not be printed).
    pub ends: bool,
    pub source: String,
    pub note: String,
}

/// What the inputs say of one pair.
#[derive(Default)]
pub struct PairAcc {
    pub sources: BTreeSet<String>,
    pub facts: Vec<Fact>,
    pub from_candidates: bool,
    /// A reviewed source contradicts the pair (`doubts.csv`, decision `disputed`).
    pub disputed: Option<WireDisputed>,
    /// A reviewed source ends the pair on this day (`doubts.csv`, decision `ended`).
    pub end: Option<PartialDate>,
}

/// What the inputs say of one foreign partner.
#[derive(Default)]
pub struct PartnerAcc {
    pub coords: Vec<(f64, f64)>,
    pub qids: BTreeSet<String>,
    pub local_names: BTreeMap<String, usize>,
    pub zh_names: BTreeMap<String, usize>,
    /// A first-level region (a harvested province-level tie says so).
    pub region: bool,
}

/// Every pair the rows name with its sources and dated facts, every foreign partner with what
/// the rows say of it, the sources the rows cite, and how many rows were read.
pub struct Gathered {
    /// By (Chinese place id, partner country, partner name).
    pub pairs: BTreeMap<(String, String, String), PairAcc>,
    /// By (country, name).
    pub partners: BTreeMap<(String, String), PartnerAcc>,
    /// The sources' geocodes of each Chinese place.
    pub cn_coords: HashMap<String, Vec<(f64, f64)>>,
    /// The Wikidata ids the candidates give each Chinese place.
    pub cn_qids: BTreeMap<String, BTreeSet<String>>,
    /// Every source by id: the curated ones, then those the rows name.
    pub sources: BTreeMap<String, WireSource>,
    /// Number of candidate rows read.
    pub n_candidate_rows: usize,
    /// Number of dated fact rows read.
    pub n_fact_rows: usize,
    /// Number of harvested rows read.
    pub n_harvest_rows: usize,
    /// Harvested rows left out, with the reason.
    pub harvest_skipped: Vec<(String, String)>,
}

impl Gathered {
    /// Nothing gathered yet; the curated sources known.
    pub fn new(curated: &Curated) -> Gathered {
        let mut sources: BTreeMap<String, WireSource> = BTreeMap::new();
        for (source, _) in &curated.sources {
            sources.insert(source.id.clone(), source.clone());
        }
        Gathered {
            pairs: BTreeMap::new(),
            partners: BTreeMap::new(),
            cn_coords: HashMap::new(),
            cn_qids: BTreeMap::new(),
            sources,
            n_candidate_rows: 0,
            n_fact_rows: 0,
            n_harvest_rows: 0,
            harvest_skipped: Vec::new(),
        }
    }

    /// Nothing gathered and no source known (for tests).
    #[cfg(test)]
    pub fn empty() -> Gathered {
        Gathered::new(&Curated::default())
    }

    /// Step 1: the candidate pairs (Wikipedia / Wikidata), with their sources and the
    /// geocodes and Wikidata ids they give both ends.
    pub fn candidates(
        &mut self,
        raw: &Path,
        countries: &Countries,
        curated: &Curated,
        china: &China,
    ) -> Result<(), InputError> {
        let hekman_pages = hekman_page_names(raw)?;
        let table = read_csv(&raw.join("derived-china-pairs/china_pairs_candidates.csv"))?;
        let c = Columns::new(&table, "china_pairs_candidates.csv");
        let (cn_i, partner_i, country_i, iso_i) = (
            c.index("cn_name")?,
            c.index("partner_name")?,
            c.index("partner_country")?,
            c.index("partner_iso2")?,
        );
        let (src_i, cn_lat_i, cn_lng_i) =
            (c.index("sources")?, c.index("cn_lat")?, c.index("cn_lng")?);
        let (p_lat_i, p_lng_i, cn_qid_i, p_qid_i) = (
            c.index("partner_lat")?,
            c.index("partner_lng")?,
            c.index("cn_qid")?,
            c.index("partner_qid")?,
        );
        self.n_candidate_rows = table.rows.len();
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
                        InputError(format!(
                            "candidates line {}: unknown country {country:?}",
                            row.line
                        ))
                    })?,
                ),
                (iso, _) => (row.get(partner_i), iso.to_owned()),
            };
            let cn = resolve_cn(curated, china, row.get(cn_i), partner_name, &iso, "")?;
            let partner = canonical_partner(curated, partner_name, &iso, "", &cn);
            let acc = self.pairs.entry((cn.clone(), iso.clone(), partner.clone())).or_default();
            acc.from_candidates = true;
            for tag in row.get(src_i).split(';').filter(|t| !t.is_empty()) {
                let id = candidate_source(tag, countries, &hekman_pages, &mut self.sources)?;
                acc.sources.insert(id);
            }
            let partner_acc = self.partners.entry((iso.clone(), partner.clone())).or_default();
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
                self.cn_coords.entry(cn.clone()).or_default().push((lat, lon));
            }
            if !row.get(cn_qid_i).is_empty() {
                self.cn_qids.entry(cn).or_default().insert(row.get(cn_qid_i).to_owned());
            }
        }
        Ok(())
    }

    /// Step 2: the dated facts, one source per row.
    pub fn facts(
        &mut self,
        raw: &Path,
        curated: &Curated,
        china: &China,
    ) -> Result<(), InputError> {
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
        self.n_fact_rows = facts.rows.len();
        for row in &facts.rows {
            let iso = row.get(iso_i).to_owned();
            let local = row.get(local_i);
            let cn = resolve_cn(curated, china, row.get(cn_i), row.get(partner_i), &iso, local)?;
            let partner = canonical_partner(curated, row.get(partner_i), &iso, local, &cn);
            let source = fact_source(row.get(title_i), row.get(url_i), curated, &mut self.sources);
            let parse_date = |text: &str| -> Result<Option<PartialDate>, InputError> {
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse().map(Some).map_err(|e| {
                    InputError(format!("pair_facts.csv line {}: bad date {text:?}: {e}", row.line))
                })
            };
            let kind = Kind::parse(row.get(type_i)).ok_or_else(|| {
                InputError(format!(
                    "pair_facts.csv line {}: bad type {:?}",
                    row.line,
                    row.get(type_i)
                ))
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
            let acc = self.pairs.entry((cn, iso.clone(), partner.clone())).or_default();
            acc.sources.insert(source);
            acc.facts.push(fact);
            let partner_acc = self.partners.entry((iso.clone(), partner)).or_default();
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
        Ok(())
    }

    /// Step 2b: the harvested rows, pairs transcribed from public pages, one source per row;
    /// the Chinese side found by its division (a new division becomes a place of `china`).
    pub fn harvest(
        &mut self,
        raw: &Path,
        curated_dir: &Path,
        curated: &Curated,
        divisions: &Divisions,
        china: &mut China,
    ) -> Result<(), InputError> {
        let harvest = read_all(raw)?;
        let ending_dates = read_endings(curated_dir)?;
        self.n_harvest_rows = harvest.len();
        for row in &harvest {
            let cn = match divisions.resolve(&row.cn_zh) {
                Ok(division) => match china.place_for_code(divisions, &division.code.clone()) {
                    Some(id) => id,
                    None => {
                        self.harvest_skipped
                            .push((row.place(), format!("{}: no place", row.cn_zh)));
                        continue;
                    }
                },
                Err(why) => {
                    self.harvest_skipped.push((row.place(), why));
                    continue;
                }
            };
            let named =
                canonical_partner(curated, &row.partner_en, &row.iso, &row.partner_text, &cn);
            let partner = match_partner(&self.partners, &row.iso, &named, row.partner_is_region());
            let source =
                fact_source(&row.source_title, &row.source_url, curated, &mut self.sources);
            let acc = self.pairs.entry((cn, row.iso.clone(), partner.clone())).or_default();
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
            let partner_acc = self.partners.entry((row.iso.clone(), partner)).or_default();
            if row.partner_is_region() {
                partner_acc.region = true;
            }
            record_partner_text(partner_acc, row);
        }
        Ok(())
    }
}

/// The place a Chinese spelling stands for in a pair: a pair-level alias first, then the
/// reviewed aliases; an unknown spelling stops the build instead of being guessed.
fn resolve_cn(
    curated: &Curated,
    china: &China,
    name: &str,
    partner: &str,
    iso: &str,
    local: &str,
) -> Result<String, InputError> {
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
}

/// The name a partner spelling stands for (`partner_aliases.csv`), else the spelling itself.
fn canonical_partner(
    curated: &Curated,
    partner: &str,
    iso: &str,
    local: &str,
    cn_place: &str,
) -> String {
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
}

/// The name a harvested partner is known by in the dataset: the same name, folded, in the
/// same country; else the one partner whose name is this name with a qualifier ("Kansas
/// City, Missouri" for "Kansas City") when there is exactly one; else the one partner written
/// without the page's qualifier ("Halle" for "Halle (Saale)"); else the name itself (a new
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
        [one] => return one.clone(),
        [] => {}
        _ => return name.to_owned(),
    }
    // The other way round: the page qualifies the name ("Halle (Saale)") where the dataset
    // does not ("Halle"); the one unqualified partner of that name in the country is it.
    let Some(base) = name.strip_suffix(')').and_then(|n| n.split_once(" (")).map(|(b, _)| b) else {
        return name.to_owned();
    };
    let wanted = fold(base);
    let mut plain = partners
        .range((iso.to_owned(), String::new())..)
        .take_while(|((i, _), _)| i == iso)
        .filter(|((_, known), acc)| fold(known) == wanted && same_kind(acc, known));
    match (plain.next(), plain.next()) {
        (Some(((_, known), _)), None) => known.clone(),
        _ => name.to_owned(),
    }
}

/// Keeps the partner's name as a harvested page writes it: a Chinese name when a Chinese page
/// writes it in Chinese, otherwise its local-script name.
fn record_partner_text(acc: &mut PartnerAcc, row: &HarvestRow) {
    let text = partner_in_text(&row.partner_text);
    if text.is_empty() || !has_han(text) || has_kana(text) {
        return;
    }
    let chinese_source = has_han(&row.source_title) && !has_kana(&row.source_title);
    let bucket = if row.iso != "JP" && (chinese_source || korean_in_han(&row.iso)) {
        &mut acc.zh_names
    } else {
        &mut acc.local_names
    };
    *bucket.entry(text.to_owned()).or_default() += 1;
}

/// A Korean place written in Han script is written with its own Han name (Korean place names
/// are Han names: 黄海南道, 平安南道), whatever the language of the page; the naming step turns
/// the Japanese or traditional forms into simplified ones.
fn korean_in_han(iso: &str) -> bool {
    matches!(iso, "KR" | "KP")
}

/// The partner's name in a page's text of it: the part before any bracket or comma (a page that
/// writes the country and region apart, "巴西 巴拉那州 库里蒂巴", keeps its words; the naming step
/// picks the place's own, [`crate::build::names::place_word`]).
fn partner_in_text(text: &str) -> &str {
    text.split(['(', '（', ',', '，']).next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_text_of_the_partner_ends_before_its_bracket_or_comma() {
        let cases = [
            ("巴西 巴拉那州 库里蒂巴", "巴西 巴拉那州 库里蒂巴"),
            ("洛杉磯蒙特利公園市 (Monterey Park)", "洛杉磯蒙特利公園市"),
            ("明斯克市苏维埃区（白俄罗斯）", "明斯克市苏维埃区"),
            ("日本 奈良市, 奈良县", "日本 奈良市"),
            ("Nara", "Nara"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(partner_in_text(text), want, "{text}");
        }
    }

    fn curated_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated")
    }

    #[test]
    fn a_page_qualified_name_joins_the_one_partner_written_without_it() {
        let mut partners = BTreeMap::new();
        for (iso, name) in [("DE", "Halle"), ("FR", "Saint-Denis"), ("US", "Portland, Oregon")] {
            partners.insert((iso.to_owned(), name.to_owned()), PartnerAcc::default());
        }
        // The europe-oceania folder's Jiaxing–"Halle (Saale)" is the dataset's Jiaxing–Halle.
        assert_eq!(match_partner(&partners, "DE", "Halle (Saale)", false), "Halle");
        assert_eq!(match_partner(&partners, "FR", "Saint-Denis (Réunion)", false), "Saint-Denis");
        // The known rule still holds, and an unknown base stays a new place.
        assert_eq!(match_partner(&partners, "US", "Portland", false), "Portland, Oregon");
        assert_eq!(match_partner(&partners, "DE", "Frankfurt (Oder)", false), "Frankfurt (Oder)");
        // Two partners of that name: nothing decides which, so no join.
        partners.insert(("DE".to_owned(), "HALLE".to_owned()), PartnerAcc::default());
        assert_eq!(match_partner(&partners, "DE", "Halle (Saale)", false), "Halle (Saale)");
        // A region never takes a city's record.
        assert_eq!(
            match_partner(&partners, "FR", "Saint-Denis (region)", true),
            "Saint-Denis (region)"
        );
    }

    #[test]
    fn gansu_christchurch_is_the_canterbury_region_the_harvest_names() {
        let curated = super::super::inputs::load_curated(&curated_dir()).expect("tables load");
        let named = |partner: &str, cn: &str| canonical_partner(&curated, partner, "NZ", "", cn);
        assert_eq!(named("Christchurch", "cn-gansu"), "Canterbury Region");
        // Only Gansu's tie: Wuhan's and Lanzhou's partner is the city.
        assert_eq!(named("Christchurch", "cn-wuhan"), "Christchurch");
        assert_eq!(named("Christchurch", "cn-lanzhou"), "Christchurch");
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
}
