//! Any bytes given to the partnership JSON loader: no panic, and whatever loads can be
//! written back out and loads again with the same partnerships, and no record skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use youcheng::model::format::load::load;
use youcheng::model::format::problem::Severity;
use youcheng::model::show::export::to_json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = load(text) else { return };
    let d = &loaded.dataset;
    let pairs: Vec<_> = d.pair_indices().collect();
    let again = load(&to_json(d, &pairs)).expect("an export loads");
    assert_eq!(again.dataset.partnerships().len(), pairs.len());
    assert!(again.problems.iter().all(|p| p.severity == Severity::Warning), "{:?}", again.problems);
});
