//! The build's inputs besides the place tables and the rows: the curated tables (pair and
//! partner aliases, sources, first-level foreign units), the sources a row cites (a
//! candidate's tags, a fact's title and address), the end dates of harvested ties, the
//! reported figures and the report's baseline.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use youcheng::model::format::date::PartialDate;
use youcheng::model::format::load::is_http_url;
use youcheng::model::format::schema::{WirePlace, WireReported, WireSource, WireText};

use crate::countries::Countries;
use crate::util::{Columns, InputError, fold, read_csv, short_id};

/// A partner spelling and the name it stands for (`partner_aliases.csv`).
pub struct PartnerAlias {
    pub partner: String,
    pub country: String,
    pub local: String,
    pub cn_place: String,
    pub canonical: String,
}

/// A Chinese spelling that stands for a given place in one pair only (`pair_aliases.csv`).
pub struct PairAlias {
    pub cn_name: String,
    pub partner: String,
    pub country: String,
    pub local: String,
    pub place: String,
}

/// The curated tables the build reads besides the Chinese place tables.
#[derive(Default)]
pub struct Curated {
    pub pair_aliases: Vec<PairAlias>,
    pub partner_aliases: Vec<PartnerAlias>,
    pub sources: Vec<(WireSource, String)>,
    pub foreign_states: BTreeSet<(String, String)>,
}

/// Reads the curated tables (`data/curated/`).
pub fn load_curated(curated: &Path) -> Result<Curated, InputError> {
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
        c.index("note_en")?,
        c.index("note_zh")?,
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
                    note: source_note(r.get(idx.6), r.get(idx.7)),
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

/// The figures the report compares against (`report_baseline.csv`).
pub fn read_baseline(curated: &Path) -> Result<BTreeMap<String, [usize; 4]>, InputError> {
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

/// End dates printed by the sources of ended harvested ties (`data/curated/endings.csv`),
/// by (Chinese side as the harvest writes it, partner, country).
pub fn read_endings(
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

/// Readable names of the Wikipedia pages the Hekman scrape covered, by the tag slug used in
/// the candidates file (`wikipedia_southkorea_page(hekman)` → "South Korea").
pub fn hekman_page_names(raw: &Path) -> Result<HashMap<String, String>, InputError> {
    let table = read_csv(&raw.join("hekman-twincities/twin_cities_geocoded.csv"))?;
    let country_i = Columns::new(&table, "twin_cities_geocoded.csv").index("country1")?;
    let mut out = HashMap::new();
    for row in &table.rows {
        let page = row.get(country_i).split(", ").next().unwrap_or("").to_owned();
        out.entry(fold(&page)).or_insert(page);
    }
    Ok(out)
}

/// The source a candidate's tag names (a Wikipedia page scraped by Hekman, a Wikidata dump),
/// added to `sources` when first met.
pub fn candidate_source(
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
                            "Wikipedia, “List of twin towns and sister cities in {name}”"
                        ),
                        url: Some("https://github.com/Hekman/twincities".to_owned()),
                        document: None,
                        licence: Some("CC BY-SA 4.0 (Wikipedia contributors)".to_owned()),
                        // Who read the page for the project, said in the reader's language.
                        note: source_note(
                            "Wikipedia list, via the twincities dataset (Hekman, read 2026-02-08)",
                            "维基百科列表，经 twincities 数据集（Hekman，2026年2月8日读取）",
                        ),
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

/// The source a fact's title and address name: a curated one when they match it, else one made
/// for them (its id a hash of both).
pub fn fact_source(
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
            note: None,
        }
    });
    id
}

/// The reported figures (`reported.csv`), each scope a place of the file and each source known.
pub fn read_reported(
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
        "unit",
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
        if !get(13).is_empty() && youcheng::model::format::dataset::Unit::parse(get(13)).is_none() {
            return Err(InputError(format!(
                "reported.csv line {}: unknown unit {:?} (pairs, cities, local_governments)",
                r.line,
                get(13)
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
            unit: opt(get(13)).filter(|u| u != "pairs"),
            countries: num(get(8), r.line)?,
            home_places: num(get(9), r.line)?,
            qualifier: opt(get(10)),
            src: get(11).to_owned(),
            note: opt(get(12)),
        });
    }
    Ok(out)
}

/// The project's note on a source, in English and Chinese (a source's title is its own, in
/// its own language; what the project says about it is said in both).
fn source_note(en: &str, zh: &str) -> Option<WireText> {
    (!en.is_empty())
        .then(|| WireText { en: en.to_owned(), zh: Some(zh.to_owned()).filter(|z| !z.is_empty()) })
}
