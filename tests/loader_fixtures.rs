//! Data-driven loader tests: every `tests/fixtures/load/NAME.json` is loaded and compared with
//! `NAME.expect`, which lists what must be kept and every problem, in file order:
//!
//! ```text
//! # why this fixture exists
//! kept places=3 partnerships=1 countries=2 sources=2 reported=1
//! skipped partnership[1] partner dangling-reference
//! ```
//!
//! A fatal file has a single `fatal file <code>` line instead.

use std::fs;
use std::path::Path;

use youcheng::model::format::load::{LoadError, Loaded, load};
use youcheng::model::read::import_csv::import_csv;

fn describe(text: &str) -> Vec<String> {
    summarise(load(text))
}

fn summarise(result: Result<Loaded, LoadError>) -> Vec<String> {
    match result {
        Err(error) => vec![error.problem.compact()],
        Ok(loaded) => {
            let d = &loaded.dataset;
            let mut lines = vec![format!(
                "kept places={} partnerships={} countries={} sources={} reported={}",
                loaded.n_places_named(),
                d.partnerships().len(),
                d.countries().len(),
                d.sources().len(),
                d.reported().len()
            )];
            lines.extend(loaded.problems.iter().map(|p| p.compact()));
            lines
        }
    }
}

#[test]
fn every_fixture_loads_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let text = fs::read_to_string(path).unwrap();
        let expected = read_expect(path);
        let got = describe(&text);
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {expected:#?}\n  got      {got:#?}",
                path.display()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} fixtures found");
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}

/// Every `tests/fixtures/csv/NAME.csv` is imported against the small fixture as gazetteer and
/// compared with `NAME.expect` (same format as the JSON fixtures).
#[test]
fn every_csv_fixture_imports_as_expected() {
    let gazetteer = load(include_str!("fixtures/small.json")).expect("small.json loads").dataset;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv");
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "csv")) {
        let bytes = fs::read(path).unwrap();
        let expected = read_expect(path);
        let got = summarise(import_csv(&bytes, "fixture.csv", &gazetteer));
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {expected:#?}\n  got      {got:#?}",
                path.display()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} CSV fixtures found");
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_small_fixture_is_the_shipped_fallback_shape() {
    let text = include_str!("fixtures/small.json");
    let loaded = load(text).expect("the small fixture loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.dataset;
    assert_eq!(d.partnerships().len(), 5);
    let xian = d.place_by_id("cn-xian").unwrap();
    let shaanxi = d.place_by_id("cn-shaanxi").unwrap();
    assert_eq!(d.province_of(xian), Some(shaanxi));
    assert!(d.is_within(xian, shaanxi));
    let by = d.country(d.country_by_iso("BY").unwrap());
    assert_eq!(by.sco_status_in(2021).map(|s| s.as_str()), Some("observer"));
    assert_eq!(by.sco_status_now().map(|s| s.as_str()), Some("member"));
    let sovetsky = d.place_by_id("by-minsk-sovetsky").unwrap();
    assert!(d.place(sovetsky).coords.is_none(), "no source places it, so it stays unplaced");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let limit = youcheng::model::format::load::MAX_INPUT_BYTES;
    let mut text = String::with_capacity(limit + 64);
    text.push_str(r#"{"format":"youcheng-partnerships","version":"1.0","pad":""#);
    text.extend(std::iter::repeat_n('x', limit));
    text.push_str(r#""}"#);
    assert_eq!(describe(&text), vec!["fatal file too-large".to_owned()]);
}

#[test]
fn the_example_in_the_format_documentation_loads_without_problems() {
    let doc = include_str!("../docs/data-format.md");
    let start = doc.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("end of the example");
    let loaded = load(&doc[start..end]).expect("the example loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.partnerships().len(), 2);
    assert_eq!(loaded.dataset.reported().len(), 1);
}

/// Inputs the fuzzers found (tests/fixtures/fuzz): each is imported or loaded, exported as
/// partnership JSON and loaded again with the same partnerships.
#[test]
fn fuzz_findings_round_trip() {
    use youcheng::model::show::export::to_json;
    let gazetteer = load(include_str!("fixtures/small.json")).expect("small.json loads").dataset;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    assert!(!names.is_empty());
    for path in names {
        let bytes = fs::read(&path).unwrap();
        let loaded = if path.extension().is_some_and(|e| e == "csv") {
            import_csv(&bytes, "fuzz.csv", &gazetteer)
        } else {
            load(&String::from_utf8_lossy(&bytes))
        };
        let Ok(loaded) = loaded else { continue };
        let d = &loaded.dataset;
        let pairs: Vec<_> = d.pair_indices().collect();
        let json = to_json(d, &pairs);
        let again = load(&json).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert_eq!(
            again.dataset.partnerships().len(),
            pairs.len(),
            "{}: {:?}",
            path.display(),
            again.problems
        );
    }
}

/// The expected lines of a fixture: its `.expect` file without comments and blank lines.
fn read_expect(fixture: &Path) -> Vec<String> {
    fs::read_to_string(fixture.with_extension("expect"))
        .unwrap_or_else(|_| panic!("{} has no .expect file", fixture.display()))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}
