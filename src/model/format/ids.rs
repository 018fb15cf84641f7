//! Ids a file may leave out because they follow from the record (format 1.2): a place's id
//! from its country and English name (`cn-xian` from CN and "Xi'an"), a partnership's id from
//! its two places (a stable six-character hash of `home|partner`). The data tool gives every
//! record the id these rules derive, lengthened only when two would collide; its compact
//! file then omits every id a reader derives alike, which saves a fifth of the bundled file's
//! compressed bytes (docs/data-format.md, "Ids left out").
//!
//! ```
//! use youcheng::model::format::ids::{derived_pair_id, derived_place_id};
//! assert_eq!(derived_place_id("CN", "Xi'an"), "cn-xian");
//! assert_eq!(derived_pair_id("cn-xian", "jp-nara").len(), 6);
//! ```

use serde_json::{Map, Value};

use super::text::slug;

/// True when a file of this version (`"1.2"`) may be compact (1.2 and later within major 1):
/// ids a reader derives left out, a pair's places and sources named by position. An older
/// file without an id keeps the problem it always had.
pub fn allows_compact(version: &str) -> bool {
    let mut parts = version.split('.');
    let major = parts.next().and_then(|m| m.trim().parse::<u32>().ok());
    let minor = parts.next().and_then(|m| m.trim().parse::<u32>().ok()).unwrap_or(0);
    major == Some(1) && minor >= 2
}

/// 64-bit FNV-1a: a stable hash for ids (the same on every run and platform).
pub fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// `prefix` and `len` base-36 digits of the text's hash.
pub fn short_id(prefix: &str, text: &str, len: usize) -> String {
    let mut n = fnv1a(text);
    let mut out = String::with_capacity(prefix.len() + len);
    out.push_str(prefix);
    for _ in 0..len {
        let d = (n % 36) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
        n /= 36;
    }
    out
}

/// The id a place without one is given: its country code in lower case, a hyphen and the slug
/// of its English name. Empty when the name has no letter or digit to make a slug of.
pub fn derived_place_id(country: &str, name_en: &str) -> String {
    let slug = slug(name_en);
    if slug.is_empty() {
        return String::new();
    }
    format!("{}-{slug}", country.to_ascii_lowercase())
}

/// The id a partnership without one is given: six base-36 digits of the hash of its places'
/// ids, `home|partner`.
pub fn derived_pair_id(home: &str, partner: &str) -> String {
    short_id("", &format!("{home}|{partner}"), 6)
}

/// A compact file (format 1.2) written out in full, as JSON: every id the reader derives put
/// in, a pair's places and sources named by id instead of position. Everything else is left
/// as it is; a file older than 1.2, or not an object, is left alone. For tools that read the
/// file without the loader (the end-to-end tests' checks against the bundled data).
pub fn expand_compact(root: &mut Value) {
    let Some(obj) = root.as_object_mut() else { return };
    let version = match obj.get("version") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if !allows_compact(&version) {
        return;
    }
    let place_ids = expand_places(obj);
    let source_ids: Vec<Option<String>> = match obj.get("sources") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|s| match s {
                Value::String(id) => Some(id.clone()),
                other => other.get("id").and_then(Value::as_str).map(str::to_owned),
            })
            .collect(),
        _ => Vec::new(),
    };
    let by_position = |ids: &[Option<String>], v: &Value| match v {
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| ids.get(n).cloned().flatten())
            .map(Value::String),
        _ => None,
    };
    let Some(Value::Array(pairs)) = obj.get_mut("partnerships") else { return };
    for pair in pairs.iter_mut().filter_map(Value::as_object_mut) {
        for key in ["home", "partner"] {
            if let Some(id) = pair.get(key).and_then(|v| by_position(&place_ids, v)) {
                pair.insert(key.to_owned(), id);
            }
        }
        if let Some(Value::Array(src)) = pair.get_mut("src") {
            for s in src.iter_mut() {
                if let Some(id) = by_position(&source_ids, s) {
                    *s = id;
                }
            }
        }
        if matches!(pair.get("id"), None | Some(Value::Null)) {
            let end = |key: &str| pair.get(key).and_then(Value::as_str);
            if let (Some(home), Some(partner)) = (end("home"), end("partner")) {
                let id = derived_pair_id(home, partner);
                pair.insert("id".to_owned(), Value::String(id));
            }
        }
    }
}

/// Puts in every place id a reader derives; the places' ids by position.
fn expand_places(obj: &mut Map<String, Value>) -> Vec<Option<String>> {
    let Some(Value::Array(places)) = obj.get_mut("places") else { return Vec::new() };
    let mut ids = Vec::with_capacity(places.len());
    for place in places.iter_mut() {
        let Some(p) = place.as_object_mut() else {
            ids.push(None);
            continue;
        };
        if matches!(p.get("id"), None | Some(Value::Null)) {
            let text = |key: &str| p.get(key).and_then(Value::as_str);
            let name = text("en").or_else(|| text("zh")).unwrap_or_default();
            let id = derived_place_id(text("country").unwrap_or_default(), name);
            if !id.is_empty() {
                p.insert("id".to_owned(), Value::String(id));
            }
        }
        ids.push(p.get("id").and_then(Value::as_str).map(str::to_owned));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_differ_with_their_text() {
        assert_eq!(short_id("p", "cn-xian|jp-nara", 6), short_id("p", "cn-xian|jp-nara", 6));
        assert_ne!(short_id("p", "cn-xian|jp-nara", 6), short_id("p", "cn-xian|jp-naraa", 6));
        assert_eq!(short_id("p", "x", 6).len(), 7);
        // FNV-1a's published test vectors.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_place_id_follows_from_country_and_english_name() {
        assert_eq!(derived_place_id("JP", "Nara"), "jp-nara");
        assert_eq!(derived_place_id("AR", "Entre Ríos Province"), "ar-entre-rios-province");
        assert_eq!(derived_place_id("CN", "Bao'an District"), "cn-baoan-district");
        assert_eq!(derived_place_id("CN", "西安"), "", "no Latin letters: nothing to derive");
    }

    #[test]
    fn only_a_file_of_1_2_or_later_may_be_compact() {
        for (version, compact) in [
            ("1.2", true),
            ("1.10", true),
            ("1.1", false),
            ("1", false),
            ("2.3", false),
            ("", false),
        ] {
            assert_eq!(allows_compact(version), compact, "{version}");
        }
    }

    #[test]
    fn a_pair_id_is_six_digits_of_its_places() {
        let id = derived_pair_id("cn-xian", "jp-nara");
        assert_eq!(id.len(), 6);
        assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        assert_ne!(id, derived_pair_id("jp-nara", "cn-xian"), "home and partner are ordered");
    }
}
