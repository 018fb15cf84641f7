//! The bundled dataset keeps its sources' details in a second file (`public/data/sources.json`):
//! the file split in two loads to the same dataset as the file whole, a file with its sources
//! inline loads as before, and a missing or damaged sources file is a problem, never a crash.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use youcheng::model::format::dataset::Dataset;
use youcheng::model::format::load::{is_relative_file, load};
use youcheng::model::format::schema::export;
use youcheng::model::format::sources::{load_sources, sources_address};
use youcheng::model::show::export::{to_csv, to_geojson};

// Only the data files are read here.
#[allow(dead_code)]
mod bundled;
use bundled::{all_pairs, data_file as read};

/// The bundled dataset with its sources' details, as the app has it once both files arrived.
fn bundled_whole() -> Dataset {
    let first = load(&read("partnerships.json")).expect("loads");
    assert!(first.problems.is_empty(), "{:?}", first.problems.first());
    let details = load_sources(&first.dataset, &read("sources.json")).expect("sources load");
    assert!(details.problems.is_empty(), "{:?}", details.problems.first());
    first.dataset.with_sources(details.sources)
}

#[test]
fn the_first_view_file_names_its_sources_file_and_sources_by_id() {
    let first = load(&read("partnerships.json")).expect("loads").dataset;
    assert_eq!(first.sources_pending(), Some("sources.json"));
    assert!(first.sources().len() > 2000);
    // By id only: the titles and addresses are not in this file; only the sources the
    // official figures cite (the headline shows one on the first view) come whole.
    let cited: Vec<_> = first.reported().iter().map(|r| r.source).collect();
    for (i, s) in first.sources().iter().enumerate() {
        let idx = youcheng::model::format::dataset::SourceIdx(i as u32);
        match cited.contains(&idx) {
            true => assert!(!first.source_pending(idx) && s.title != s.id, "{}", s.id),
            false => assert!(first.source_pending(idx) && s.url.is_none() && s.title == s.id),
        }
    }
    let whole = bundled_whole();
    assert_eq!(whole.sources_pending(), None);
    let augsburg = whole.sources().iter().find(|s| s.id == "augsburg-jinan").expect("source");
    assert_eq!(augsburg.title, "Stadt Augsburg: Jinan");
    assert!(augsburg.url.as_deref().is_some_and(|u| u.starts_with("https://yizuo-media.com/")));
}

#[test]
fn split_in_two_loads_to_the_same_dataset_as_the_file_whole() {
    let whole = bundled_whole();
    // The whole dataset written with its sources inline (as an export is) …
    let inline = export(&whole, &all_pairs(&whole));
    assert_eq!(inline.dataset.sources_file, None);
    let inline_text = inline.to_json();
    let from_inline = load(&inline_text).expect("inline loads");
    assert!(from_inline.problems.is_empty(), "{:?}", from_inline.problems.first());
    assert_eq!(from_inline.dataset.sources_pending(), None);
    // … and split in two again: both give the same exports, byte for byte.
    let (main, sources) = inline.split_sources("sources.json");
    let first = load(&main.to_json()).expect("split loads").dataset;
    let details = load_sources(&first, &sources.to_json()).expect("sources load");
    assert!(details.problems.is_empty());
    let from_split = first.with_sources(details.sources);
    let a = &from_inline.dataset;
    let b = &from_split;
    assert_eq!(export(a, &all_pairs(a)).to_json(), export(b, &all_pairs(b)).to_json());
    assert_eq!(export(a, &all_pairs(a)).to_json(), inline_text);
    let csv_a = to_csv(a, &all_pairs(a));
    assert_eq!(csv_a, to_csv(b, &all_pairs(b)));
    assert_eq!(to_geojson(a, &all_pairs(a)), to_geojson(b, &all_pairs(b)));
    assert!(csv_a.contains("Stadt Augsburg: Jinan"));
}

#[test]
fn a_damaged_or_foreign_sources_file_is_a_problem_not_a_crash() {
    let first = load(&read("partnerships.json")).expect("loads").dataset;
    let code = |text: &str| load_sources(&first, text).unwrap_err().problem.kind.code();
    assert_eq!(code(""), "empty");
    assert_eq!(code("{\"format\":\"youcheng-sources\""), "json-syntax");
    assert_eq!(code("<!doctype html><p>Not found</p>"), "json-syntax");
    assert_eq!(code(&read("partnerships.json")), "not-sources-file");
    // The sources file of another build of the dataset would give the wrong titles.
    let other_build = read("sources.json").replacen(
        &format!("\"version\":\"{}\"", first.meta().version),
        "\"version\":\"1999-01-01\"",
        1,
    );
    assert_eq!(code(&other_build), "not-sources-file");
    // A source the file lacks keeps its id and is reported; the others get their details.
    let lacking =
        read("sources.json").replacen("{\"id\":\"augsburg-jinan\"", "{\"id\":\"gone\"", 1);
    let details = load_sources(&first, &lacking).expect("loads");
    let codes: Vec<_> = details.problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["dangling-reference"]);
    let kept = details.sources.iter().find(|s| s.id == "augsburg-jinan").expect("kept");
    assert_eq!((kept.title.as_str(), kept.url.as_deref()), ("augsburg-jinan", None));
    assert_eq!(details.sources.len(), first.sources().len());
}

#[test]
fn a_file_with_its_sources_inline_loads_as_before() {
    let text = r#"{"format":"youcheng-partnerships","version":"1.0",
      "dataset":{"id":"demo","version":"1","title":{"en":"Demo"}},
      "sources":[{"id":"s1","title":"A list","url":"https://example.org/list"}],
      "countries":[{"iso":"CN","en":"China"},{"iso":"JP","en":"Japan"}],
      "places":[{"id":"cn-xian","en":"Xi'an","country":"CN","lat":34.26,"lon":108.94},
                {"id":"jp-nara","en":"Nara","country":"JP","lat":34.69,"lon":135.8}],
      "partnerships":[{"id":"p1","home":"cn-xian","partner":"jp-nara","src":["s1"]}]}"#;
    let loaded = load(text).expect("loads");
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.dataset.sources_pending(), None);
    assert_eq!(loaded.dataset.sources()[0].title, "A list");
}

#[test]
fn the_sources_file_is_beside_the_dataset_and_nowhere_else() {
    assert_eq!(sources_address("data/partnerships.json", "sources.json"), "data/sources.json");
    assert_eq!(
        sources_address("https://example.org/a/b.json?x=1#y", "s/sources.json"),
        "https://example.org/a/s/sources.json"
    );
    assert_eq!(sources_address("partnerships.json", "sources.json"), "sources.json");
    for ok in ["sources.json", "data/sources.json"] {
        assert!(is_relative_file(ok), "{ok}");
    }
    for refused in [
        "",
        "/sources.json",
        "../sources.json",
        "https://evil.example/s.json",
        "//evil/s.json",
        "a/./b.json",
        "s.json?x",
    ] {
        assert!(!is_relative_file(refused), "{refused}");
    }
    // A file naming one elsewhere keeps its sources by id and says why.
    let text = r#"{"format":"youcheng-partnerships","version":"1.1",
      "dataset":{"id":"demo","version":"1","title":{"en":"Demo"},"sources_file":"https://evil.example/s.json"},
      "sources":["s1"]}"#;
    let loaded = load(text).expect("loads");
    assert_eq!(loaded.dataset.sources_pending(), None);
    let codes: Vec<_> = loaded.problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["sources-file-elsewhere"]);
}
