//! Any text as a URL query: no panic; the canonical query the app writes back parses without
//! a notice and is a fixed point (writing it again gives the same text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use youcheng::model::ask::query::{parse, to_query};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (state, _) = parse(&text);
    let canonical = to_query(&state);
    let (again, notices) = parse(&canonical);
    assert!(notices.is_empty(), "{canonical:?}: {notices:?}");
    assert_eq!(to_query(&again), canonical);
});
