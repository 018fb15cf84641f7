//! The CPAFFC friendship-city registry, merged into a built dataset.
//!
//! A maintainer with network saves the registry's answer once (docs/registry.md); the builder
//! reads it with `--registry FILE`. The rows are found by their field names wherever they sit
//! (a bare array, or inside an envelope object such as `{"code":1,"data":{"list":[…]}}`): the
//! first array of objects carrying `prov`, `city`, `w_city` and `w_country`.
//!
//! A row that matches a pair gives it the registry's date (when the pair has none; a different
//! year is kept beside the pair's own as a conflict) and the sister type, and cites the
//! registry. A row for a pair the dataset lacks becomes a new pair; its foreign place is found
//! among the dataset's places by Chinese name, else among the GeoNames cities by their Han
//! names, else it enters unplaced and is listed. Rows whose country or Chinese side cannot be
//! resolved are listed, never guessed.

use std::collections::BTreeSet;

use youcheng::model::format::schema::{WireAlt, WireFile, WirePair, WirePlace, WireSource};
pub use youcheng::model::read::registry::{RegistryRow, parse};

use crate::naming::HanNames;
use crate::util::short_id;

/// The source id every registry fact cites.
pub const SOURCE_ID: &str = "cpaffc-registry";

/// What a merge did, for the report.
#[derive(Debug, Default, PartialEq)]
pub struct Merged {
    /// Rows matched to a pair of the dataset.
    pub matched: usize,
    /// Matched pairs that gained a date.
    pub dated: usize,
    /// Matched pairs whose year differs from the registry's (kept side by side).
    pub conflicts: usize,
    /// New pairs.
    pub new_pairs: usize,
    /// New places without a point (id, Chinese name).
    pub unplaced: Vec<(String, String)>,
    /// Rows left out, with the reason.
    pub skipped: Vec<(String, String)>,
}

/// A Chinese name without its kind word, for matching (奈良市 → 奈良, 明尼苏达州 → 明尼苏达).
fn stem(zh: &str) -> &str {
    ["特别市", "广域市", "自治州", "市", "县", "州", "郡", "区", "省", "町", "村"]
        .iter()
        .find_map(|s| zh.strip_suffix(s).filter(|r| r.chars().count() >= 2))
        .unwrap_or(zh)
}

fn same_name(a: &str, b: &str) -> bool {
    a == b || stem(a) == stem(b)
}

/// Merges the registry rows into `file`.
pub fn merge(file: &mut WireFile, rows: &[RegistryRow], han: &HanNames) -> Merged {
    let mut merged = Merged::default();
    if !file.sources.iter().any(|s| s.id == SOURCE_ID) {
        file.sources.push(WireSource {
            id: SOURCE_ID.to_owned(),
            title: "中国人民对外友好协会 友好城市查询 (CPAFFC friendship-city registry)".to_owned(),
            url: Some("https://www.cpaffc.org.cn/index/friend_city/index/lang/1.html".to_owned()),
            document: None,
            licence: None,
            note: None,
        });
        file.sources.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let mut pair_ids: BTreeSet<String> = file.partnerships.iter().map(|p| p.id.clone()).collect();
    for row in rows {
        let label =
            format!("row {} ({}{} – {} {})", row.sn, row.prov, row.city, row.w_country, row.w_city);
        let Some(iso) = file
            .countries
            .iter()
            .find(|c| c.zh.as_deref().is_some_and(|z| same_name(z, &row.w_country)))
            .map(|c| c.iso.clone())
        else {
            merged.skipped.push((label, format!("unknown country {}", row.w_country)));
            continue;
        };
        let Some(home) = home_place(file, &row.prov, &row.city) else {
            merged.skipped.push((label, format!("no Chinese place {}{}", row.prov, row.city)));
            continue;
        };
        let partner = partner_place(file, &home, &iso, &row.w_city)
            .unwrap_or_else(|| new_place(file, &iso, &row.w_city, han, &mut merged));
        let date = row.date.map(|d| d.to_string());
        match file.partnerships.iter_mut().find(|p| p.home == home && p.partner == partner) {
            Some(pair) => {
                merged.matched += 1;
                cite(pair);
                match (&pair.est, &date) {
                    (None, Some(d)) => {
                        pair.est = Some(d.clone());
                        pair.est_basis = None;
                        merged.dated += 1;
                    }
                    (Some(own), Some(d)) if own.get(..4) != d.get(..4) => {
                        merged.conflicts += 1;
                        pair.alt.push(WireAlt {
                            field: "est".to_owned(),
                            value: d.clone(),
                            src: vec![SOURCE_ID.to_owned()],
                        });
                    }
                    (Some(own), Some(d)) if d.len() > own.len() => pair.est = Some(d.clone()),
                    _ => {}
                }
                match pair.kind.as_str() {
                    "unknown" => pair.kind = "sister".to_owned(),
                    "sister" => {}
                    _ => pair.alt.push(WireAlt {
                        field: "type".to_owned(),
                        value: "sister".to_owned(),
                        src: vec![SOURCE_ID.to_owned()],
                    }),
                }
            }
            None => {
                merged.new_pairs += 1;
                let mut len = 6;
                let mut id = short_id("", &format!("{home}|{partner}"), len);
                while pair_ids.contains(&id) {
                    len += 1;
                    id = short_id("", &format!("{home}|{partner}"), len);
                }
                pair_ids.insert(id.clone());
                file.partnerships.push(WirePair {
                    id,
                    home,
                    partner,
                    kind: "sister".to_owned(),
                    status: "active".to_owned(),
                    est: date,
                    est_basis: None,
                    ended: None,
                    src: vec![SOURCE_ID.to_owned()],
                    note: None,
                    history: Vec::new(),
                    alt: Vec::new(),
                    disputed: None,
                });
            }
        }
    }
    file.partnerships.sort_by(|a, b| (&a.home, &a.partner).cmp(&(&b.home, &b.partner)));
    file.places.sort_by(|a, b| a.id.cmp(&b.id));
    merged
}

/// Headline figures of a file: pairs, dated, typed, and pairs per province (Chinese name).
pub struct Figures {
    pub pairs: usize,
    pub dated: usize,
    pub typed: usize,
    pub by_province: std::collections::BTreeMap<String, usize>,
}

/// The figures of `file`.
pub fn figures(file: &WireFile) -> Figures {
    let by_id: std::collections::HashMap<&str, &WirePlace> =
        file.places.iter().map(|p| (p.id.as_str(), p)).collect();
    let province = |id: &str| {
        let mut place = by_id.get(id).copied();
        for _ in 0..5 {
            match place {
                Some(p) if p.level == "province" => return Some(p.en.clone()),
                Some(p) => place = p.parent.as_deref().and_then(|q| by_id.get(q).copied()),
                None => return None,
            }
        }
        None
    };
    let mut by_province = std::collections::BTreeMap::new();
    for pair in &file.partnerships {
        if let Some(p) = province(&pair.home) {
            *by_province.entry(p).or_default() += 1;
        }
    }
    Figures {
        pairs: file.partnerships.len(),
        dated: file.partnerships.iter().filter(|p| p.est.is_some()).count(),
        typed: file.partnerships.iter().filter(|p| p.kind != "unknown").count(),
        by_province,
    }
}

/// "pairs 2904 → 3300; dated 49.1 % → 97.0 %; typed …".
pub fn compare(before: &Figures, after: &Figures) -> String {
    let pct = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 };
    format!(
        "pairs {} → {}; dated {:.1} % → {:.1} %; typed {:.1} % → {:.1} %",
        before.pairs,
        after.pairs,
        pct(before.dated, before.pairs),
        pct(after.dated, after.pairs),
        pct(before.typed, before.pairs),
        pct(after.typed, after.pairs)
    )
}

/// Pairs per province before and after.
pub fn per_province(before: &Figures, after: &Figures) -> Vec<(String, (usize, usize))> {
    let mut names: Vec<&String> =
        before.by_province.keys().chain(after.by_province.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|n| {
            let get = |f: &Figures| f.by_province.get(n).copied().unwrap_or(0);
            (n.clone(), (get(before), get(after)))
        })
        .collect()
}

fn cite(pair: &mut WirePair) {
    if !pair.src.iter().any(|s| s == SOURCE_ID) {
        pair.src.push(SOURCE_ID.to_owned());
    }
}

/// The Chinese place a row names: the province itself, or a place of that province whose
/// Chinese name is the row's city.
fn home_place(file: &WireFile, prov: &str, city: &str) -> Option<String> {
    let cn: Vec<&WirePlace> = file.places.iter().filter(|p| p.country == "CN").collect();
    let zh = |p: &WirePlace| p.zh.clone().unwrap_or_default();
    let province = cn.iter().find(|p| p.level == "province" && same_name(&zh(p), prov))?;
    if city.is_empty() || city == prov {
        return Some(province.id.clone());
    }
    let in_province = |p: &WirePlace| {
        let mut current = p.parent.clone();
        for _ in 0..4 {
            match current {
                Some(ref id) if *id == province.id => return true,
                Some(id) => current = cn.iter().find(|q| q.id == id).and_then(|q| q.parent.clone()),
                None => return false,
            }
        }
        false
    };
    let found: Vec<&&WirePlace> =
        cn.iter().filter(|p| same_name(&zh(p), city) && in_province(p)).collect();
    match found.as_slice() {
        [one] => Some(one.id.clone()),
        _ => None,
    }
}

/// The foreign place a row names: by Chinese name in that country, preferring one already
/// paired with the Chinese side.
fn partner_place(file: &WireFile, home: &str, iso: &str, w_city: &str) -> Option<String> {
    let named: Vec<&WirePlace> = file
        .places
        .iter()
        .filter(|p| p.country == iso && p.zh.as_deref().is_some_and(|z| same_name(z, w_city)))
        .collect();
    let paired = named
        .iter()
        .find(|p| file.partnerships.iter().any(|pair| pair.home == home && pair.partner == p.id));
    match (paired, named.as_slice()) {
        (Some(p), _) => Some(p.id.clone()),
        (None, [one]) => Some(one.id.clone()),
        _ => None,
    }
}

/// A place the dataset lacks: a GeoNames city of that Han name gives its English name and
/// point; otherwise it enters with its Chinese name only, unplaced.
fn new_place(
    file: &mut WireFile,
    iso: &str,
    w_city: &str,
    han: &HanNames,
    merged: &mut Merged,
) -> String {
    let city = han.by_han(iso, w_city);
    let en = city.map_or_else(|| w_city.to_owned(), |c| c.name.clone());
    let base =
        format!("{}-reg-{}", iso.to_lowercase(), short_id("", &format!("{iso}|{w_city}"), 6));
    let mut id = base.clone();
    let mut n = 2;
    while file.places.iter().any(|p| p.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    if city.is_none() {
        merged.unplaced.push((id.clone(), w_city.to_owned()));
    }
    file.places.push(WirePlace {
        id: id.clone(),
        en,
        zh: Some(w_city.to_owned()),
        local: None,
        py: None,
        level: "other".to_owned(),
        parent: None,
        country: iso.to_owned(),
        lat: city.map(|c| crate::util::round3(c.point.0)),
        lon: city.map(|c| crate::util::round3(c.point.1)),
        code: None,
        wikidata: None,
    });
    id
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Fixtures in the registry's documented field names, made for these tests: none of their
    /// values is a registry answer and none reaches the shipped data.
    fn fixture(name: &str) -> String {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry").join(name),
        )
        .expect("fixture")
    }

    /// A dataset made for the test: one province and city, a Japanese town paired undated, a
    /// US town paired in 1990.
    fn dataset() -> WireFile {
        use youcheng::model::format::schema::{WireCountry, WireHeader, WireText};
        let country = |iso: &str, zh: &str| WireCountry {
            iso: iso.to_owned(),
            en: iso.to_owned(),
            zh: Some(zh.to_owned()),
            continent: None,
            bri: None,
            sco: Vec::new(),
        };
        let place = |id: &str, zh: &str, level: &str, parent: Option<&str>, iso: &str| WirePlace {
            id: id.to_owned(),
            en: id.to_owned(),
            zh: Some(zh.to_owned()),
            local: None,
            py: None,
            level: level.to_owned(),
            parent: parent.map(str::to_owned),
            country: iso.to_owned(),
            lat: None,
            lon: None,
            code: None,
            wikidata: None,
        };
        let pair = |id: &str, partner: &str, est: Option<&str>| WirePair {
            id: id.to_owned(),
            home: "cn-testcity".to_owned(),
            partner: partner.to_owned(),
            kind: "unknown".to_owned(),
            status: "active".to_owned(),
            est: est.map(str::to_owned),
            est_basis: None,
            ended: None,
            src: vec!["wp".to_owned()],
            note: None,
            history: Vec::new(),
            alt: Vec::new(),
            disputed: None,
        };
        WireFile {
            format: "youcheng-partnerships".to_owned(),
            version: "1".to_owned(),
            dataset: WireHeader {
                id: "test".to_owned(),
                version: "1".to_owned(),
                date: None,
                title: WireText { en: "test".to_owned(), zh: None },
                focus: None,
                licence: None,
                attribution: Vec::new(),
                synthetic: true,
                sources_file: None,
            },
            sources: Vec::new(),
            countries: vec![country("JP", "日本"), country("US", "美国")],
            places: vec![
                place("cn-testprov", "测试省", "province", None, "CN"),
                place("cn-testcity", "测试市", "prefecture", Some("cn-testprov"), "CN"),
                place("jp-testtown", "试验町", "other", None, "JP"),
                place("us-testville", "样例市", "other", None, "US"),
            ],
            partnerships: vec![
                pair("p1", "jp-testtown", None),
                pair("p2", "us-testville", Some("1990")),
            ],
            reported: Vec::new(),
        }
    }

    fn han() -> HanNames {
        HanNames::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw")).expect("han")
    }

    fn pair<'a>(file: &'a WireFile, home: &str, partner: &str) -> &'a WirePair {
        file.partnerships
            .iter()
            .find(|p| p.home == home && p.partner == partner)
            .unwrap_or_else(|| panic!("{home}–{partner}"))
    }

    #[test]
    fn rows_are_found_bare_or_inside_an_envelope() {
        let bare = parse(&fixture("bare.json")).expect("bare array");
        let wrapped = parse(&fixture("envelope.json")).expect("envelope");
        assert_eq!(bare.len(), 4);
        assert_eq!(bare, wrapped);
        assert_eq!(bare[0].date.map(|d| d.to_string()).as_deref(), Some("1974-02-01"));
        // No signing date: the year stands.
        assert_eq!(bare[2].date.map(|d| d.to_string()).as_deref(), Some("2019"));
    }

    #[test]
    fn a_file_that_is_not_a_registry_answer_is_refused_clearly() {
        let err =
            parse(r#"{"code":0,"msg":"请登录","data":[{"title":"x"}]}"#).expect_err("refused");
        assert!(err.contains("prov, city, w_city and w_country"), "{err}");
        assert!(parse("<html>").expect_err("not json").contains("not JSON"));
    }

    #[test]
    fn a_match_dates_a_pair_a_new_row_adds_one_conflicts_stay_side_by_side() {
        let mut file = dataset();
        let rows = parse(&fixture("bare.json")).expect("rows");
        let merged = merge(&mut file, &rows, &han());
        // An undated pair gains the registry's date and the sister type, citing it.
        let dated = pair(&file, "cn-testcity", "jp-testtown");
        assert_eq!(dated.est.as_deref(), Some("1974-02-01"));
        assert_eq!(dated.kind, "sister");
        assert!(dated.src.contains(&SOURCE_ID.to_owned()));
        // A different year is kept beside the pair's own.
        let conflict = pair(&file, "cn-testcity", "us-testville");
        assert_eq!(conflict.est.as_deref(), Some("1990"));
        assert_eq!(conflict.alt[0].field, "est");
        assert_eq!(conflict.alt[0].value, "1991-05-06");
        // A pair the dataset lacks is added; its place (no GeoNames city of that name) is
        // listed unplaced.
        assert_eq!(merged.new_pairs, 1);
        assert_eq!(merged.unplaced.len(), 1);
        assert_eq!(merged.unplaced[0].1, "测试镇");
        // An unknown country is reported, not guessed.
        assert_eq!(merged.skipped.len(), 1);
        assert!(merged.skipped[0].1.contains("unknown country 乌有国"), "{:?}", merged.skipped);
        assert_eq!((merged.matched, merged.dated, merged.conflicts), (2, 1, 1));
    }
}
