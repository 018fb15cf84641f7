//! Search over places and countries by English name, Chinese characters, pinyin (without
//! tones or spaces, forgiving one slip in longer words), local-script names and country names.
//!
//! ```
//! use youcheng::model::format::load::load;
//! use youcheng::model::ask::search::{SearchIndex, Hit};
//! # let text = include_str!("../../../tests/fixtures/small.json");
//! let dataset = load(text).unwrap().dataset;
//! let index = SearchIndex::new(&dataset);
//! let first = &index.search(&dataset, "xian", 5)[0];
//! assert!(matches!(first, Hit::Place(p) if dataset.place(*p).id == "cn-xian"));
//! ```

use crate::model::format::dataset::{CountryIdx, Dataset, PlaceIdx};
use crate::model::format::text::fold;

/// What a search found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// A place.
    Place(PlaceIdx),
    /// A country.
    Country(CountryIdx),
}

struct Entry {
    hit: Hit,
    /// Folded names and spellings to match against.
    keys: Vec<String>,
    /// Popularity boost: number of partnerships.
    weight: u32,
}

/// A prepared index (build once per dataset).
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Levenshtein distance, stopping early beyond `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
            best = best.min(row[j + 1]);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// How well `query` matches `key` (both folded), 0 = not at all.
fn score(query: &str, key: &str) -> u32 {
    if key.is_empty() || query.is_empty() {
        return 0;
    }
    if key == query {
        return 1000;
    }
    if key.starts_with(query) {
        return 800 - (key.chars().count() - query.chars().count()).min(100) as u32;
    }
    if key.contains(query) {
        return 500;
    }
    let n = query.chars().count();
    // Forgive a slip in longer words: one edit from 4 letters, two from 8.
    let limit = if n >= 8 {
        2
    } else if n >= 4 {
        1
    } else {
        0
    };
    if limit > 0 {
        let whole = edit_distance(query, key, limit);
        if whole <= limit {
            return 400 - 50 * whole as u32;
        }
        // Also against the start of a longer key ("sufenhe" against "suifenheshi").
        let prefix: String = key.chars().take(n + 1).collect();
        let d = edit_distance(query, &prefix, limit).min(edit_distance(
            query,
            &key.chars().take(n).collect::<String>(),
            limit,
        ));
        if d <= limit {
            return 300 - 50 * d as u32;
        }
    }
    0
}

impl SearchIndex {
    /// Indexes every place and country of a dataset.
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let mut entries = Vec::with_capacity(dataset.places().len() + dataset.countries().len());
        for idx in dataset.place_indices() {
            let p = dataset.place(idx);
            let mut keys = vec![fold(&p.name_en)];
            // "Changning District" is also found as "changning".
            for suffix in [" District", " County", " City", " Prefecture", " Province", " New Area"]
            {
                if let Some(stem) = p.name_en.strip_suffix(suffix) {
                    keys.push(fold(stem));
                }
            }
            keys.extend(p.name_zh.iter().map(|z| fold(z)));
            keys.extend(p.name_local.iter().map(|z| fold(z)));
            keys.extend(p.pinyin.iter().cloned());
            keys.retain(|k| !k.is_empty());
            keys.dedup();
            entries.push(Entry {
                hit: Hit::Place(idx),
                keys,
                weight: dataset.pairs_of(idx).len() as u32,
            });
        }
        for (i, c) in dataset.countries().iter().enumerate() {
            let mut keys = vec![fold(&c.name_en), c.iso.to_ascii_lowercase()];
            keys.extend(c.name_zh.iter().map(|z| fold(z)));
            entries.push(Entry { hit: Hit::Country(CountryIdx(i as u16)), keys, weight: 0 });
        }
        SearchIndex { entries }
    }

    /// The best `limit` hits for a query, best first. Countries that no partnership uses are
    /// left out.
    pub fn search(&self, dataset: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let used_countries: std::collections::BTreeSet<CountryIdx> =
            dataset.partnerships().iter().map(|p| dataset.place(p.partner).country).collect();
        let mut scored: Vec<(u32, u32, Hit)> = self
            .entries
            .iter()
            .filter(|e| match e.hit {
                Hit::Country(c) => used_countries.contains(&c),
                Hit::Place(p) => {
                    !dataset.pairs_of(p).is_empty() || dataset.place(p).level.as_str() == "province"
                }
            })
            .filter_map(|e| {
                let best = e.keys.iter().map(|k| score(&q, k)).max().unwrap_or(0);
                // Popular places first among equal matches; a country outranks a place with
                // the same score only if the place has no partners.
                (best > 0).then_some((best, e.weight, e.hit))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        scored.into_iter().take(limit).map(|(_, _, hit)| hit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;

    fn ids(dataset: &Dataset, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| match h {
                Hit::Place(p) => dataset.place(*p).id.clone(),
                Hit::Country(c) => dataset.country(*c).iso.clone(),
            })
            .collect()
    }

    #[track_caller]
    fn check_first(query: &str, expect: &str) {
        let d = load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset;
        let index = SearchIndex::new(&d);
        let hits = index.search(&d, query, 5);
        assert_eq!(
            ids(&d, &hits).first().map(String::as_str),
            Some(expect),
            "query {query:?}: {:?}",
            ids(&d, &hits)
        );
    }

    #[test]
    fn finds_by_english_pinyin_and_chinese() {
        check_first("xian", "cn-xian");
        check_first("xi'an", "cn-xian");
        check_first("Xi An", "cn-xian");
        check_first("西安", "cn-xian");
        check_first("xia", "cn-xian");
        check_first("changning", "cn-changning-sh");
        check_first("长宁", "cn-changning-sh");
        check_first("奈良", "jp-nara");
        check_first("Савецкі", "by-minsk-sovetsky");
        check_first("japan", "JP");
        check_first("日本", "JP");
    }

    #[test]
    fn forgives_a_slip_in_a_longer_word() {
        check_first("shangai", "cn-shanghai");
        check_first("shaanxii", "cn-shaanxi");
    }

    #[test]
    fn edit_distance_is_levenshtein() {
        assert_eq!(edit_distance("sufenhe", "suifenhe", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("abc", "abc", 0), 0);
        assert_eq!(edit_distance("abc", "xyz", 1), 2, "stops early beyond the limit");
    }

    #[test]
    fn nothing_for_an_empty_or_unmatched_query() {
        let d = load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset;
        let index = SearchIndex::new(&d);
        assert!(index.search(&d, "  ", 5).is_empty());
        assert!(index.search(&d, "zzzzzz", 5).is_empty());
    }
}
