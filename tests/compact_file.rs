//! The bundled first-view file is compact (format 1.2): the ids a reader derives are left out
//! and a pair names its places and sources by position, so it stays within issue 26's budget
//! (≤ 125,000 bytes brotli) while loading to exactly the dataset the full form gives. An older
//! file keeps its old rules, and a position that names nothing is a problem, never a crash.
// Native only: brotli is a data-tool dependency, never in the wasm bundle.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;

use youcheng::model::format::ids::expand_compact;
use youcheng::model::format::load::load;
use youcheng::model::format::schema::export;

// Only the data files are read here.
#[allow(dead_code)]
mod bundled;
use bundled::{all_pairs, data_file as read};

fn brotli_size(text: &str) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 1 << 16, 11, 22);
        w.write_all(text.as_bytes()).expect("compress");
    }
    out.len()
}

#[test]
fn the_first_view_file_is_compact_and_within_its_budget() {
    let text = read("partnerships.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["version"], "1.2");
    let places = json["places"].as_array().expect("places");
    let pairs = json["partnerships"].as_array().expect("pairs");
    let without_id = places.iter().filter(|p| p.get("id").is_none()).count();
    assert!(without_id > 2000, "{without_id} places leave out their id");
    assert!(pairs.iter().all(|p| p.get("id").is_none() && p["home"].is_u64()));
    let bytes = brotli_size(&text);
    assert!(bytes <= 125_000, "partnerships.json is {bytes} bytes brotli");
}

#[test]
fn the_compact_file_loads_to_the_dataset_its_full_form_gives() {
    let compact = load(&read("partnerships.json")).expect("loads");
    assert!(compact.problems.is_empty(), "{:?}", compact.problems.first());
    let d = &compact.dataset;
    let xian_nara = d
        .partnerships()
        .iter()
        .find(|p| d.place(p.home).id == "cn-xian" && d.place(p.partner).id == "jp-nara")
        .expect("Xi'an–Nara");
    // The id a shared link names (`?pair=…`) is the one the data tool gave.
    assert_eq!(xian_nara.id, youcheng::model::format::ids::derived_pair_id("cn-xian", "jp-nara"));
    // The same file written out in full (every id put in, names instead of positions) …
    let mut full: serde_json::Value = serde_json::from_str(&read("partnerships.json")).unwrap();
    expand_compact(&mut full);
    assert!(full["places"].as_array().unwrap().iter().all(|p| p["id"].is_string()));
    assert!(full["partnerships"].as_array().unwrap().iter().all(|p| p["home"].is_string()));
    // … written as a 1.1 file, which has no rule to derive anything, loads alike.
    full["version"] = "1.1".into();
    let from_full = load(&full.to_string()).expect("full form loads");
    assert!(from_full.problems.is_empty(), "{:?}", from_full.problems.first());
    let e = &from_full.dataset;
    assert_eq!(export(d, &all_pairs(d)).to_json(), export(e, &all_pairs(e)).to_json());
}

const HEAD: &str = r#""dataset":{"id":"demo","version":"1","title":{"en":"Demo"}},
  "sources":[{"id":"s1","title":"A list"}],
  "countries":[{"iso":"CN","en":"China"},{"iso":"JP","en":"Japan"}],
  "places":[{"en":"Xi'an","country":"CN","lat":34.26,"lon":108.94},
            {"id":"jp-nara-city","en":"Nara","country":"JP","lat":34.69,"lon":135.8}],"#;

fn file(version: &str, pairs: &str) -> String {
    format!(
        r#"{{"format":"youcheng-partnerships","version":"{version}",{HEAD}"partnerships":[{pairs}]}}"#
    )
}

#[test]
fn a_compact_pair_names_places_and_sources_by_position() {
    let loaded = load(&file("1.2", r#"{"home":0,"partner":1,"src":[0]}"#)).expect("loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.dataset;
    let pair = &d.partnerships()[0];
    assert_eq!(d.place(pair.home).id, "cn-xian", "derived from CN and Xi'an");
    assert_eq!(d.place(pair.partner).id, "jp-nara-city", "an id the file gives is kept");
    assert_eq!(pair.id, youcheng::model::format::ids::derived_pair_id("cn-xian", "jp-nara-city"));
    assert_eq!(d.source(pair.sources[0]).title, "A list");
}

#[test]
fn a_position_that_names_nothing_is_a_problem_not_a_crash() {
    let loaded =
        load(&file("1.2", r#"{"home":0,"partner":7,"src":[0]},{"home":0,"partner":1,"src":[9]}"#))
            .expect("loads");
    let found: Vec<_> = loaded.problems.iter().map(|p| (p.kind.code(), p.to_string())).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "dangling-reference");
    assert!(found[0].1.contains("#7"), "{}", found[0].1);
    assert_eq!(found[1].0, "dangling-reference");
    assert!(found[1].1.contains("#9"), "{}", found[1].1);
    assert_eq!(loaded.dataset.partnerships().len(), 1, "the pair whose source is unknown stays");
}

#[test]
fn an_older_file_keeps_its_rules_ids_required_and_names_only() {
    // Before 1.2 nothing is derived: the place without an id and the pair without one are
    // skipped, as they always were, and a position is not a name.
    let loaded = load(&file("1.1", r#"{"home":"cn-xian","partner":1}"#)).expect("loads");
    let codes: Vec<_> = loaded.problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["missing-field", "missing-field"], "{:?}", loaded.problems);
    assert!(loaded.dataset.partnerships().is_empty());
}
