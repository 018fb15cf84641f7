//! The shipped Chinese names read as mainland readers write them (issue 25 §3): every `zh` of
//! every file in `public/data/` is simplified Chinese (OpenCC's traditional → simplified table,
//! the `hanconv` crate the data tool already uses, changes none), and no foreign place carries its
//! country (or "共和国", "首都") glued in front of its name.
// Native only: the conversion table (hanconv) is a data-tool dependency, never in the wasm bundle.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

/// Every shipped data file with its parsed JSON.
fn shipped() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("public/data")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no data file in public/data");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a data file");
            (p.display().to_string(), serde_json::from_str(&text).expect("JSON"))
        })
        .collect()
}

/// Every string under a key `zh`, with the path to it.
fn zh_strings(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = match map.get("id").and_then(Value::as_str) {
                    Some(id) => format!("{at}/{id}.{key}"),
                    None => format!("{at}.{key}"),
                };
                if key == "zh"
                    && let Some(s) = v.as_str()
                {
                    out.push((here.clone(), s.to_owned()));
                }
                zh_strings(v, &here, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| zh_strings(v, at, out)),
        _ => {}
    }
}

#[test]
fn every_shipped_chinese_name_is_simplified() {
    let mut checked = 0;
    let mut bad = Vec::new();
    for (file, json) in shipped() {
        let mut names = Vec::new();
        zh_strings(&json, &file, &mut names);
        checked += names.len();
        for (at, zh) in names {
            let simple = hanconv::t2s(&zh);
            if simple != zh {
                bad.push(format!("{at}: {zh} → {simple}"));
            }
        }
    }
    // A Japanese (or Korean) place's name may keep a Japanese form the table above leaves
    // (長崎県's 県, 鹿児島's 児, GeoNames' 済州市 and 平壌): read through the shinjitai →
    // traditional table first.
    for (file, json) in shipped() {
        for place in json["places"].as_array().into_iter().flatten() {
            if let (Some("JP" | "KR" | "KP"), Some(zh)) =
                (place["country"].as_str(), place["zh"].as_str())
            {
                let simple = hanconv::t2s(hanconv::jp2t(zh));
                if simple != zh {
                    bad.push(format!("{file}/{}: {zh} → {simple} (Japanese form)", place["id"]));
                }
            }
        }
    }
    assert!(checked > 2000, "only {checked} Chinese names found: the walk missed the places");
    assert!(bad.is_empty(), "{} names are not simplified:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn no_foreign_place_has_its_country_glued_in_front() {
    let (_, json) = shipped()
        .into_iter()
        .find(|(f, _)| f.ends_with("partnerships.json"))
        .expect("partnerships.json");
    let countries: HashMap<&str, (&str, &str)> = json["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(|c| Some((c["iso"].as_str()?, (c["zh"].as_str()?, c["en"].as_str()?))))
        .collect();
    // Names whose own beginning is their country's name: Brasília is 巴西利亚, not 利亚 in
    // Brazil (issue 24 once shipped 利亚联邦区).
    let own = ["巴西利亚"];
    let mut bad = Vec::new();
    for place in json["places"].as_array().expect("places") {
        let (Some(iso), Some(zh), Some(en)) =
            (place["country"].as_str(), place["zh"].as_str(), place["en"].as_str())
        else {
            continue;
        };
        if iso == "CN" {
            continue;
        }
        let (country, country_en) = countries.get(iso).copied().unwrap_or(("\u{0}", ""));
        let stem: String = country_en.chars().take(5).collect();
        // A prefix the English name also says is part of the name ("Australian Capital
        // Territory" is 澳大利亚首都特区; "Northern Finland" is not 芬兰北芬兰地区).
        let en = en.to_lowercase();
        let kept_by_english = [
            ("共和国", en.contains("republic")),
            ("首都", en.contains("capital")),
            (country, en.starts_with(&stem.to_lowercase())),
        ];
        let glued = kept_by_english.iter().any(|(prefix, kept)| {
            zh.strip_prefix(prefix).is_some_and(|rest| rest.chars().count() >= 2)
                && !own.iter().any(|o| zh.starts_with(o))
                && !kept
        });
        if glued {
            bad.push(format!("{}: {zh}", place["id"]));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
