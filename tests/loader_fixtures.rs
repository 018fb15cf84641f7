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
//!
//! Every fixture is also read through the one reading function a user's file goes through
//! (`model::read::list::read_list`), with a test per kind of file: partnership JSON, CSV
//! (GB 18030 included), pasted rows, workbooks, registry answers, JSON arrays of records.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use youcheng::model::format::dataset::Dataset;
use youcheng::model::format::load::{LoadError, Loaded, load};
use youcheng::model::format::problem::ProblemKind;
use youcheng::model::read::csv::rows_to_csv;
use youcheng::model::read::import_csv::import_csv;
use youcheng::model::read::list::{ListRead, ReadNote, Readers, first_sheet_csv, read_list};
use youcheng::model::read::records::json_records;
use youcheng::model::read::registry;

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

// Every fixture through the one reading function (`model::read::list::read_list`), natively: a
// test per kind of file, and one that sees every fixture read with the kind it is.

/// The kinds of file a user may give, as the fixtures hold them.
#[derive(Clone, Copy, Debug, PartialEq)]
enum FileKind {
    PartnershipJson,
    Csv,
    Workbook,
    RegistryAnswer,
    JsonRecords,
}

/// The kind of a fixture by its path under `tests/fixtures`; `None` for what is not a file a
/// user gives (expectations, notes, the script that writes the workbooks).
fn kind_of(rel: &str) -> Option<FileKind> {
    if rel.ends_with(".expect") || rel.ends_with(".md") || rel.ends_with(".py") {
        return None;
    }
    Some(match rel {
        "office/registry-answer.json" => FileKind::RegistryAnswer,
        // Without the format marker, its arrays of objects are a list of records to the app
        // (which then misses its columns); `load` alone refuses it (its .expect).
        "office/records.json" | "load/not-partnership-json.json" => FileKind::JsonRecords,
        _ if rel.starts_with("registry/") => FileKind::RegistryAnswer,
        _ if rel.starts_with("load/") || rel == "small.json" || rel == "hostile.json" => {
            FileKind::PartnershipJson
        }
        _ if rel.ends_with(".csv") => FileKind::Csv,
        _ if rel.ends_with(".xlsx") || rel.ends_with(".xls") => FileKind::Workbook,
        _ => panic!("{rel}: which kind of file is this fixture? (add it to kind_of)"),
    })
}

/// Every fixture of `kind`, by its path under `tests/fixtures`.
fn fixtures_of(kind: FileKind) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { walk(&path, out) } else { out.push(path) }
        }
    }
    let root = fixtures_dir();
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    let mut rels: Vec<String> = paths
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|rel| kind_of(rel) == Some(kind))
        .collect();
    rels.sort();
    rels
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn small_gazetteer() -> Dataset {
    load(include_str!("fixtures/small.json")).expect("small.json loads").dataset
}

/// Reads a fixture, under its own file name, through the one reading function.
fn read_fixture(rel: &str, readers: &Readers<'_>) -> ListRead {
    let bytes = fs::read(fixtures_dir().join(rel)).unwrap();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    read_list(&bytes, name, Some(&small_gazetteer()), None, readers)
}

/// What a reading kept and found, as in the `.expect` files, with how it was read.
fn summarise_read(read: ListRead) -> (Vec<String>, Option<ReadNote>, bool) {
    let note = read.result.as_ref().ok().and_then(|(_, note)| *note);
    (summarise(read.result.map(|(loaded, _)| loaded)), note, read.sheet.is_some())
}

#[test]
fn every_fixture_is_read_through_the_one_function_as_its_kind() {
    let kinds = [
        FileKind::PartnershipJson,
        FileKind::Csv,
        FileKind::Workbook,
        FileKind::RegistryAnswer,
        FileKind::JsonRecords,
    ];
    let mut n = 0;
    for kind in kinds {
        let rels = fixtures_of(kind);
        assert!(!rels.is_empty(), "no fixture of kind {kind:?}");
        for rel in rels {
            let read = read_fixture(&rel, &Readers::NATIVE);
            let note = read.result.as_ref().ok().and_then(|(_, note)| *note);
            let fatal = read.result.as_ref().err().map(|e| e.problem.kind.code());
            let rows = read.sheet.is_some();
            // Rows come back for mapping whenever the file was a list of rows that decoded.
            let read_as = match (note, rows, fatal) {
                (Some(ReadNote::Workbook), true, _) | (_, _, Some("workbook")) => {
                    FileKind::Workbook
                }
                (Some(ReadNote::Registry), false, None) => FileKind::RegistryAnswer,
                (None, true, _) if rel.ends_with(".json") => FileKind::JsonRecords,
                (None, true, _) | (None, false, Some("not-utf8")) => FileKind::Csv,
                (None, false, _) => FileKind::PartnershipJson,
                other => panic!("{rel}: read as {other:?}"),
            };
            assert_eq!(read_as, kind, "{rel}");
            n += 1;
        }
    }
    assert!(n >= 60, "only {n} fixtures read");
}

#[test]
fn partnership_json_reads_through_the_one_function_as_it_loads() {
    for rel in fixtures_of(FileKind::PartnershipJson) {
        let text = fs::read_to_string(fixtures_dir().join(&rel)).unwrap();
        let expected = if rel.starts_with("load/") {
            read_expect(&fixtures_dir().join(&rel))
        } else {
            describe(&text)
        };
        let (got, note, rows) = summarise_read(read_fixture(&rel, &Readers::NATIVE));
        assert_eq!((got, note, rows), (expected, None, false), "{rel}");
    }
}

#[test]
fn csv_files_read_through_the_one_function_as_they_import() {
    let gazetteer = small_gazetteer();
    for rel in fixtures_of(FileKind::Csv) {
        let bytes = fs::read(fixtures_dir().join(&rel)).unwrap();
        let expected = if rel.starts_with("csv/") {
            read_expect(&fixtures_dir().join(&rel))
        } else {
            summarise(import_csv(&bytes, "fixture.csv", &gazetteer))
        };
        let (got, note, _) = summarise_read(read_fixture(&rel, &Readers::NATIVE));
        assert_eq!((got, note), (expected, None), "{rel}");
    }
}

#[test]
fn a_gb18030_csv_is_read_with_the_decoder_handed_in() {
    // The browser hands in its TextDecoder; encoding_rs stands in for it here.
    let decode = |bytes: &[u8]| {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
    };
    let readers = Readers { workbook: Readers::NATIVE.workbook, gb18030: &decode };
    let read = read_fixture("csv/gb18030.csv", &readers);
    let sheet = read.sheet.clone().expect("its rows");
    assert!(sheet.text.starts_with("chinese_place,partner"), "{:?}", sheet.text);
    let utf8 = import_csv(sheet.text.as_bytes(), "gb18030.csv", &small_gazetteer());
    let (got, note, _) = summarise_read(read);
    assert_eq!((got, note), (summarise(utf8), Some(ReadNote::DecodedGb18030)));
    // Natively no decoder is handed in: the file is refused, as its .expect says.
    let (got, _, rows) = summarise_read(read_fixture("csv/gb18030.csv", &Readers::NATIVE));
    assert_eq!((got, rows), (vec!["fatal file not-utf8".to_owned()], false));
}

#[test]
fn pasted_rows_read_through_the_one_function_like_the_file() {
    // Spreadsheets copy rows as tab-separated text; the app names them "pasted rows".
    let csv = fs::read_to_string(fixtures_dir().join("office/office-list-zh.csv")).unwrap();
    let pasted: String = csv.lines().map(|l| l.replace(',', "\t") + "\n").collect();
    let gazetteer = small_gazetteer();
    let read =
        read_list(pasted.as_bytes(), "pasted rows", Some(&gazetteer), None, &Readers::NATIVE);
    let as_file = read_fixture("office/office-list-zh.csv", &Readers::NATIVE);
    assert_eq!(summarise_read(read), summarise_read(as_file));
    let (got, _, rows) =
        summarise_read(read_fixture("office/office-list-zh.csv", &Readers::NATIVE));
    assert!(rows && got[0].starts_with("kept") && got[0].contains("partnerships=4"), "{got:?}");
}

#[test]
fn workbooks_read_through_the_one_function_like_their_rows() {
    for rel in fixtures_of(FileKind::Workbook) {
        let bytes = fs::read(fixtures_dir().join(&rel)).unwrap();
        let read = read_fixture(&rel, &Readers::NATIVE);
        match first_sheet_csv(&bytes) {
            Ok(csv) => {
                let rows = import_csv(csv.as_bytes(), "sheet.csv", &small_gazetteer());
                let (got, note, has_rows) = summarise_read(read);
                assert_eq!(
                    (got, note, has_rows),
                    (summarise(rows), Some(ReadNote::Workbook), true)
                );
            }
            Err(reason) => {
                let problem = read.result.expect_err("an unreadable workbook").problem;
                assert_eq!(problem.kind, ProblemKind::Workbook { reason }, "{rel}");
            }
        }
    }
    // The browser hands in its worker's answer (here, an error) instead of reading the bytes.
    let worker = |_: &[u8]| Err("the spreadsheet reader could not start".to_owned());
    let readers = Readers { workbook: &worker, gb18030: Readers::NATIVE.gb18030 };
    let read = read_fixture("office/office-list-zh.xlsx", &readers);
    assert_eq!(summarise_read(read).0, vec!["fatal file workbook".to_owned()]);
    let (got, _, _) = summarise_read(read_fixture("office/office-list-zh.xlsx", &Readers::NATIVE));
    assert!(got[0].contains("partnerships=4"), "{got:?}");
}

#[test]
fn registry_answers_read_through_the_one_function_as_lists() {
    for rel in fixtures_of(FileKind::RegistryAnswer) {
        let text = fs::read_to_string(fixtures_dir().join(&rel)).unwrap();
        let rows = registry::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let csv = registry::to_csv(&rows);
        let expected = summarise(import_csv(csv.as_bytes(), "registry.json", &small_gazetteer()));
        let (got, note, rows) = summarise_read(read_fixture(&rel, &Readers::NATIVE));
        assert_eq!((got, note, rows), (expected, Some(ReadNote::Registry), false), "{rel}");
    }
}

#[test]
fn json_records_read_through_the_one_function_like_the_same_rows_in_csv() {
    for rel in fixtures_of(FileKind::JsonRecords) {
        let text = fs::read_to_string(fixtures_dir().join(&rel)).unwrap();
        let rows = json_records(&text).unwrap_or_else(|| panic!("{rel}: no records"));
        let csv = rows_to_csv(&rows);
        let expected = summarise(import_csv(csv.as_bytes(), "records.csv", &small_gazetteer()));
        let (got, note, rows) = summarise_read(read_fixture(&rel, &Readers::NATIVE));
        assert_eq!((got, note, rows), (expected, None, true), "{rel}");
    }
    // The office's list as records reads as the same list as its CSV file.
    let (records, _, _) = summarise_read(read_fixture("office/records.json", &Readers::NATIVE));
    let (csv, _, _) = summarise_read(read_fixture("office/office-list-zh.csv", &Readers::NATIVE));
    assert_eq!(records[0], csv[0]);
}
