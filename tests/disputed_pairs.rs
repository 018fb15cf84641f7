//! The reviewed doubts (`data/curated/doubts.csv`) against the shipped dataset: every row has
//! a decision, the doubt in both languages and its source, and names a pair that exists (or,
//! when fixed, the pair it became); every pair the data marks disputed has its row; and every
//! doubt the issue lists (issue 25 §2) has a row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use youcheng::model::format::dataset::{Dataset, Partnership, Status};
use youcheng::model::format::load::load;
use youcheng::model::format::sources::load_sources;
use youcheng::model::read::csv;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled dataset with its sources file's details (the doubts cite sources by title).
fn dataset() -> Dataset {
    let read = |name: &str| {
        std::fs::read_to_string(root().join("public/data").join(name)).expect("the bundled dataset")
    };
    let first = load(&read("partnerships.json")).expect("loads").dataset;
    let details = load_sources(&first, &read("sources.json")).expect("its sources");
    first.with_sources(details.sources)
}

fn doubts() -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(root().join("data/curated/doubts.csv")).expect("doubts");
    let table = csv::read(&text);
    assert!(table.bad.is_empty(), "doubts.csv reads cleanly");
    table
        .rows
        .iter()
        .map(|r| {
            table
                .header
                .iter()
                .enumerate()
                .map(|(i, h)| (h.clone(), r.get(i).trim().to_owned()))
                .collect()
        })
        .collect()
}

/// The pair (Chinese place id, partner named as the dataset writes it in its country).
fn pair<'a>(d: &'a Dataset, home: &str, country: &str, partner: &str) -> Option<&'a Partnership> {
    d.partnerships().iter().find(|p| {
        let (h, q) = (d.place(p.home), d.place(p.partner));
        h.id == home && q.name_en == partner && d.country(q.country).iso == country
    })
}

/// The title a source is shipped under: a row of `data/curated/sources.csv` whose
/// `match_title` is the title a doubt gives renames it (its own title, the outlet in a note).
fn shipped_title(title: &str) -> String {
    let text = std::fs::read_to_string(root().join("data/curated/sources.csv")).expect("sources");
    let table = csv::read(&text);
    let col = |name: &str| table.header.iter().position(|h| h == name).expect(name);
    let (title_i, match_i) = (col("title"), col("match_title"));
    table
        .rows
        .iter()
        .find(|r| r.get(match_i) == title)
        .map_or_else(|| title.to_owned(), |r| r.get(title_i).to_owned())
}

fn cites(d: &Dataset, p: &Partnership, title: &str) -> bool {
    p.sources.iter().any(|s| d.source(*s).title == title)
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_doubt_has_a_decision_a_source_and_both_languages_and_names_its_pair() {
    let d = dataset();
    let rows = doubts();
    assert!(rows.len() >= 24, "the issue's doubts are all reviewed: {}", rows.len());
    for row in &rows {
        let at = format!("{} – {} ({})", row["home"], row["partner"], row["country"]);
        assert!(!row["source_title"].is_empty(), "{at}: a contrary source");
        let cited = shipped_title(&row["source_title"]);
        let url = &row["source_url"];
        assert!(url.is_empty() || url.starts_with("http"), "{at}: {url}");
        // English, with a Chinese name only beside its English one (Yichun in Heilongjiang (伊春)).
        let en = &row["doubt_en"];
        assert!(en.chars().filter(char::is_ascii_alphabetic).count() > 20, "{at}: English doubt");
        assert!(has_han(&row["doubt_zh"]), "{at}: Chinese doubt");
        let found = pair(&d, &row["home"], &row["country"], &row["partner"]);
        match row["decision"].as_str() {
            "disputed" => {
                let p = found.unwrap_or_else(|| panic!("{at}: the disputed pair is kept"));
                let mark = p.disputed.as_ref().unwrap_or_else(|| panic!("{at}: marked"));
                assert_eq!(mark.en, row["doubt_en"], "{at}");
                assert_eq!(mark.zh.as_deref(), Some(row["doubt_zh"].as_str()), "{at}");
                let source = mark.source.map(|s| d.source(s).title.clone());
                assert_eq!(source.as_deref(), Some(cited.as_str()), "{at}");
            }
            "ended" => {
                let p = found.unwrap_or_else(|| panic!("{at}: the ended pair is kept"));
                assert_eq!(p.status, Status::Ended, "{at}");
                assert_eq!(p.ended.map(|e| e.to_string()).as_deref(), Some(row["ended"].as_str()));
                assert!(cites(&d, p, &cited), "{at}: the end is cited");
            }
            "moved" | "merged" => {
                assert!(found.is_none(), "{at}: the pair now stands under its right name");
                let home = if row["to_home"].is_empty() { &row["home"] } else { &row["to_home"] };
                let partner =
                    if row["to_partner"].is_empty() { &row["partner"] } else { &row["to_partner"] };
                let target = pair(&d, home, &row["country"], partner)
                    .unwrap_or_else(|| panic!("{at}: becomes {home} – {partner}"));
                assert!(cites(&d, target, &cited), "{at}: the fix is cited");
            }
            other => panic!("{at}: decision {other:?}"),
        }
    }
}

#[test]
fn every_disputed_mark_in_the_data_has_its_reviewed_row() {
    let d = dataset();
    let rows = doubts();
    let marked: Vec<&Partnership> =
        d.partnerships().iter().filter(|p| p.disputed.is_some()).collect();
    let reviewed = rows.iter().filter(|r| r["decision"] == "disputed").count();
    assert_eq!(marked.len(), reviewed, "one mark per disputed row, none without a row");
}

#[test]
fn every_doubt_the_issue_lists_has_a_row() {
    let rows = doubts();
    let has = |home: &str, partner: &str| {
        rows.iter().any(|r| r["home"] == home && r["partner"] == partner)
    };
    for (home, partner) in [
        ("cn-qingdao", "Oldenburg"),
        ("cn-changsha", "Augsburg"),
        ("cn-yichang", "Metz"),
        ("cn-ningbo", "Verona"),
        ("cn-zhuji-shaoxing", "Verona"),
        ("cn-hengyang", "Babruysk"),
        ("cn-haikou", "Chornomorsk"),
        ("cn-tianshui", "Bendigo"),
        ("cn-hangzhou", "Unterschleißheim"),
        ("cn-yichun", "Birobidzhan"),
        ("cn-yichun", "Bad Wildungen"),
        ("cn-taizhou-js", "Broken Hill"),
        ("cn-yulin", "Gillette"),
        ("cn-suzhou-js", "Padang"),
        ("cn-kunming", "Olomouc"),
        ("cn-shanghai", "Prague"),
        ("cn-ningbo", "Odessa"),
        ("cn-beibei-chongqing", "Berdyansk"),
        ("cn-yueqing-wenzhou", "Yuzhne"),
        ("cn-tianjin", "City of Melbourne"),
        ("cn-taizhou-zj", "Latrobe"),
        ("cn-qingdao", "Novorossiysk"),
        ("cn-zixing-chenzhou", "Laredo"),
        ("cn-rizhao", "Karratha"),
    ] {
        assert!(has(home, partner), "no reviewed row for {home} – {partner}");
    }
}
