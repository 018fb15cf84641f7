//! Any bytes given to the CSV importer (against the small fixture as gazetteer): no panic,
//! and whatever imports can be exported as partnership JSON that loads with the same pairs.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use youcheng::model::dataset::Dataset;
use youcheng::model::export::to_json;
use youcheng::model::import_csv::import_csv;
use youcheng::model::load::load;

fn gazetteer() -> &'static Dataset {
    static GAZETTEER: OnceLock<Dataset> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        load(include_str!("../../tests/fixtures/small.json")).expect("the fixture loads").dataset
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = import_csv(data, "fuzz.csv", gazetteer()) else { return };
    let d = &loaded.dataset;
    let pairs: Vec<_> = d.pair_indices().collect();
    let again = load(&to_json(d, &pairs)).expect("an export loads");
    assert_eq!(again.dataset.partnerships().len(), pairs.len());
});
