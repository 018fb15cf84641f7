//! Country names in a user's list as people write them (issue 25 §3): every row of
//! `tests/fixtures/countries/names.csv` (English with its abbreviations, Chinese, Japanese,
//! Korean; each row names the source that gives it) is read to its ISO code by the generated
//! table, and a list whose country column writes them imports every row; a name the app does
//! not know is told as such, not as a bad ISO code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use youcheng::model::format::dataset::Dataset;
use youcheng::model::format::load::load;
use youcheng::model::i18n::{Locale, problem_text};
use youcheng::model::read::csv::read;
use youcheng::model::read::import_csv::{country_code, import_csv};

fn fixture() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/countries/names.csv");
    let text = std::fs::read_to_string(path).expect("the fixture");
    let table = read(&text);
    assert!(table.bad.is_empty(), "the fixture is well formed");
    let (w, i) = (table.column("written").unwrap(), table.column("iso").unwrap());
    table.rows.iter().map(|r| (r.get(w).to_owned(), r.get(i).to_owned())).collect()
}

#[test]
fn every_written_country_name_is_read() {
    let rows = fixture();
    assert!(rows.len() >= 40, "the fixture was read ({} rows)", rows.len());
    let wrong: Vec<String> = rows
        .iter()
        .filter(|(written, iso)| country_code(written) != Some(iso.as_str()))
        .map(|(written, iso)| format!("{written}: {:?}, expected {iso}", country_code(written)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A small gazetteer: the bundled file's shape, three countries, no places needed.
fn gazetteer() -> Dataset {
    let text = r#"{"format":"youcheng-partnerships","version":"1.0",
      "dataset":{"id":"t","version":"1","title":{"en":"t"}},
      "countries":[{"iso":"CN","en":"China","zh":"中国"},{"iso":"US","en":"United States","zh":"美国"},
                   {"iso":"KR","en":"South Korea","zh":"韩国"},{"iso":"GB","en":"United Kingdom","zh":"英国"}],
      "places":[],"partnerships":[]}"#;
    load(text).expect("the gazetteer loads").dataset
}

#[test]
fn a_list_with_country_names_imports_every_row_and_tells_an_unknown_name() {
    let mut csv = String::from(
        "chinese_place,chinese_lat,chinese_lon,partner,partner_country,partner_lat,partner_lon\n",
    );
    let rows = fixture();
    for (n, (written, _)) in rows.iter().enumerate() {
        let cell = if written.contains(',') { format!("\"{written}\"") } else { written.clone() };
        csv.push_str(&format!("Xi'an,34.258,108.929,Town {n},{cell},10,10\n"));
    }
    csv.push_str("Xi'an,34.258,108.929,Atlantis,Atlantis Republic,10,10\n");
    let loaded = import_csv(csv.as_bytes(), "x.csv", &gazetteer()).expect("the list is read");
    let d = &loaded.dataset;
    assert_eq!(d.partnerships().len(), rows.len(), "every row with a known country is read");
    for (n, (written, iso)) in rows.iter().enumerate() {
        let pair =
            d.partnerships().iter().find(|p| d.place(p.partner).name_en == format!("Town {n}"));
        let pair = pair.unwrap_or_else(|| panic!("row {written} imported"));
        assert_eq!(&d.country_of(pair.partner).iso, iso, "{written}");
    }
    assert_eq!(loaded.problems.len(), 1, "only Atlantis is refused");
    let en = problem_text(Locale::En, &loaded.problems[0]);
    let zh = problem_text(Locale::Zh, &loaded.problems[0]);
    assert!(en.contains("not a country name the app knows") && !en.contains("ISO"), "{en}");
    assert!(zh.contains("不是本应用认识的国家名称") && !zh.contains("ISO"), "{zh}");
}

#[test]
fn a_column_of_country_names_is_told_by_what_it_holds() {
    // "地区" is no header word for the partner's country: the column is known by its cells.
    let csv = "中方城市,外方城市,地区\n西安,Town A,USA\nShanghai,Town B,대한민국\n";
    let loaded = import_csv(csv.as_bytes(), "list.csv", &gazetteer()).expect("the list is read");
    let d = &loaded.dataset;
    assert_eq!(d.partnerships().len(), 2, "{:?}", loaded.problems);
    let isos: Vec<&str> =
        d.partnerships().iter().map(|p| d.country_of(p.partner).iso.as_str()).collect();
    assert_eq!(isos, ["US", "KR"]);
}
