//! Korean districts written two ways: the harvest and the Korean pages write a district of a
//! metropolitan city with its suffix and the city after it (`Gangseo-gu (Seoul)`), the
//! Wikipedia lists the city first (`Seoul – Gangseo`), and a few rows leave the suffix out
//! (`Seo (Busan)`). They are one place: after every row is gathered, the spellings of one
//! (city, district) are joined under the suffixed one, their pairs merged (sources and facts
//! kept, so a dated fact of one spelling dates the pair of the other).

use std::collections::BTreeMap;

use super::gather::{Gathered, PairAcc, PartnerAcc};
use crate::util::fold;

/// The (city, district) a Korean district's spelling names, folded, or `None` when the name is
/// not written as a district of a city: `Gangseo-gu (Seoul)`, `Seo (Busan)` and
/// `Seoul – Gangseo` all give `("seoul", "gangseo")`-like keys; `Dalseong-gun (Daegu)` keeps
/// its county as `dalseong`.
pub fn district_key(iso: &str, name: &str) -> Option<(String, String)> {
    if iso != "KR" {
        return None;
    }
    let (city, district) = if let Some((city, district)) = name.split_once(" – ") {
        (city, district)
    } else {
        let (district, rest) = name.split_once(" (")?;
        (rest.strip_suffix(')')?, district)
    };
    let district = district.trim();
    let bare = district
        .strip_suffix("-gu")
        .or_else(|| district.strip_suffix("-gun"))
        .or_else(|| district.strip_suffix(" District"))
        .unwrap_or(district);
    let (city, bare) = (fold(city), fold(bare));
    (!city.is_empty() && !bare.is_empty()).then_some((city, bare))
}

/// The spelling a district's record keeps: the one with the suffix (`Gangseo-gu (Seoul)`, the
/// form the Korean pages and the reviewed placements use), else the first in name order.
fn preferred<'a>(names: &[&'a str]) -> &'a str {
    names
        .iter()
        .copied()
        .find(|n| n.contains("-gu (") || n.contains("-gun ("))
        .or_else(|| names.first().copied())
        .unwrap_or_default()
}

/// For each Korean district written more than one way, the spelling each other spelling
/// becomes.
pub fn renames<'a>(names: impl Iterator<Item = (&'a str, &'a str)>) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for (iso, name) in names {
        if let Some(key) = district_key(iso, name) {
            groups.entry(key).or_default().push(name);
        }
    }
    let mut out = BTreeMap::new();
    for names in groups.values_mut().filter(|g| g.len() > 1) {
        names.sort_unstable();
        names.dedup();
        let keep = preferred(names);
        for name in names.iter().filter(|n| **n != keep) {
            out.insert((*name).to_owned(), keep.to_owned());
        }
    }
    out
}

impl Gathered {
    /// Joins the spellings of one Korean district (see the module's note).
    pub fn join_korean_districts(&mut self) {
        let renames = renames(self.partners.keys().map(|(iso, n)| (iso.as_str(), n.as_str())));
        for (from, to) in &renames {
            let key = ("KR".to_owned(), from.clone());
            if let Some(acc) = self.partners.remove(&key) {
                merge_partner(self.partners.entry(("KR".to_owned(), to.clone())).or_default(), acc);
            }
        }
        let moved: Vec<(String, String, String)> = self
            .pairs
            .keys()
            .filter(|(_, iso, partner)| iso == "KR" && renames.contains_key(partner))
            .cloned()
            .collect();
        for key in moved {
            if let (Some(acc), Some(to)) = (self.pairs.remove(&key), renames.get(&key.2)) {
                let target = self.pairs.entry((key.0, key.1, to.clone())).or_default();
                merge_pair(target, acc);
            }
        }
    }
}

fn merge_partner(into: &mut PartnerAcc, from: PartnerAcc) {
    into.coords.extend(from.coords);
    into.qids.extend(from.qids);
    for (name, n) in from.local_names {
        *into.local_names.entry(name).or_default() += n;
    }
    for (name, n) in from.zh_names {
        *into.zh_names.entry(name).or_default() += n;
    }
    into.region |= from.region;
}

pub fn merge_pair(into: &mut PairAcc, from: PairAcc) {
    into.sources.extend(from.sources);
    into.facts.extend(from.facts);
    into.from_candidates |= from.from_candidates;
    into.disputed = into.disputed.take().or(from.disputed);
    into.end = into.end.or(from.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_korean_district_written_either_way_is_one_place() {
        let key = |n: &str| district_key("KR", n);
        assert_eq!(key("Gangseo-gu (Seoul)"), key("Seoul – Gangseo"));
        assert_eq!(key("Gangnam-gu (Seoul)"), key("Seoul – Gangnam"));
        assert_eq!(key("Seo (Busan)"), key("Seo-gu (Busan)"));
        assert_eq!(key("Daegu – Seo"), key("Seo-gu (Daegu)"));
        // The same district name in another city is another place.
        assert_ne!(key("Gangseo-gu (Busan)"), key("Gangseo-gu (Seoul)"));
        assert_ne!(key("Seo-gu (Daejeon)"), key("Seo-gu (Daegu)"));
        // Not a district: no key, and outside Korea nothing is joined.
        assert_eq!(key("Daegu"), None);
        assert_eq!(district_key("JP", "Seoul – Gangseo"), None);
        let names = [
            ("KR", "Seoul – Gangnam"),
            ("KR", "Gangnam-gu (Seoul)"),
            ("KR", "Gangseo-gu (Busan)"),
            ("KR", "Gwangju (Gyeonggi)"),
            ("KR", "Daegu – Seo"),
            ("KR", "Seo-gu (Daegu)"),
        ];
        let renamed = renames(names.into_iter());
        assert_eq!(renamed.get("Seoul – Gangnam").map(String::as_str), Some("Gangnam-gu (Seoul)"));
        assert_eq!(renamed.get("Daegu – Seo").map(String::as_str), Some("Seo-gu (Daegu)"));
        assert_eq!(renamed.len(), 2, "a district written once keeps its name: {renamed:?}");
    }

    #[test]
    fn the_two_spellings_pairs_merge_so_a_dated_row_dates_the_undated_one() {
        use super::super::gather::Fact;
        use youcheng::model::format::dataset::Kind;
        let mut g = Gathered::empty();
        let pair = |partner: &str| ("cn-licheng".to_owned(), "KR".to_owned(), partner.to_owned());
        let fact = |year: Option<&str>| Fact {
            established: year.and_then(|y| y.parse().ok()),
            derived: false,
            kind: Kind::Sister,
            ended: None,
            ends: false,
            source: format!("s-{year:?}"),
            note: String::new(),
        };
        for (partner, year) in [("Gangnam-gu (Seoul)", Some("2007")), ("Seoul – Gangnam", None)] {
            g.partners.entry(("KR".to_owned(), partner.to_owned())).or_default();
            let acc = g.pairs.entry(pair(partner)).or_default();
            acc.facts.push(fact(year));
            acc.sources.insert(format!("s-{year:?}"));
        }
        g.join_korean_districts();
        assert_eq!(g.pairs.len(), 1, "one tie, not two");
        let merged = &g.pairs[&pair("Gangnam-gu (Seoul)")];
        assert_eq!((merged.facts.len(), merged.sources.len()), (2, 2));
        assert_eq!(g.partners.len(), 1);
    }
}
