//! An office's list beside the public dataset: which ties only the list has, which only the
//! public record has (for the Chinese places the list covers), and which both have with a
//! different date or type.
//!
//! A tie is the same in both when its Chinese place, its partner and the partner's country are:
//! places are compared by their English names, which the importer takes from the public
//! dataset for every place it recognises (西安市 → Xi'an). Dates are compared at the precision
//! both give (1974 and 1974-02-01 agree; 1974-11-22 and 1974-05-10 do not); a type the list
//! does not state is no difference.

use std::collections::{BTreeSet, HashMap};

use super::csv::{formula_safe, push_row};
use crate::model::format::dataset::{Dataset, Kind, PairIdx, Partnership};
use crate::model::format::date::PartialDate;
use crate::model::format::text::fold;

/// What differs between the list's tie and the public one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Both date the tie, differently.
    Date,
    /// Both state a type, differently.
    Kind,
    /// Both.
    DateAndKind,
}

/// The comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Ties only in the list (indices in the list).
    pub only_list: Vec<PairIdx>,
    /// Ties only in the public dataset, among the Chinese places the list covers (indices in
    /// the public dataset).
    pub only_public: Vec<PairIdx>,
    /// Ties in both that differ: (list, public, what).
    pub differ: Vec<(PairIdx, PairIdx, Difference)>,
    /// Ties in both that agree.
    pub same: usize,
}

type Key = (String, String, String);

fn key(d: &Dataset, p: &Partnership) -> Key {
    (
        fold(&d.place(p.home).name_en),
        fold(&d.place(p.partner).name_en),
        d.country_of(p.partner).iso.clone(),
    )
}

/// True when two dates disagree at the precision both give.
fn dates_differ(a: PartialDate, b: PartialDate) -> bool {
    a.year() != b.year()
        || a.month().zip(b.month()).is_some_and(|(x, y)| x != y)
        || a.day().zip(b.day()).is_some_and(|(x, y)| x != y)
}

fn difference(list: &Partnership, public: &Partnership) -> Option<Difference> {
    let date = list.established.zip(public.established).is_some_and(|(a, b)| dates_differ(a, b));
    let kind =
        list.kind != Kind::Unknown && public.kind != Kind::Unknown && list.kind != public.kind;
    match (date, kind) {
        (true, true) => Some(Difference::DateAndKind),
        (true, false) => Some(Difference::Date),
        (false, true) => Some(Difference::Kind),
        (false, false) => None,
    }
}

/// Compares a list with the public dataset.
pub fn compare(list: &Dataset, public: &Dataset) -> Comparison {
    let mut by_key: HashMap<Key, PairIdx> = HashMap::new();
    for (i, p) in public.partnerships().iter().enumerate() {
        by_key.entry(key(public, p)).or_insert(PairIdx(i as u32));
    }
    let homes: BTreeSet<String> =
        list.partnerships().iter().map(|p| fold(&list.place(p.home).name_en)).collect();
    let mut matched = BTreeSet::new();
    let mut out = Comparison::default();
    for (i, p) in list.partnerships().iter().enumerate() {
        let idx = PairIdx(i as u32);
        match by_key.get(&key(list, p)) {
            None => out.only_list.push(idx),
            Some(&public_idx) => {
                matched.insert(public_idx);
                match difference(p, public.partnership(public_idx)) {
                    Some(d) => out.differ.push((idx, public_idx, d)),
                    None => out.same += 1,
                }
            }
        }
    }
    for (i, p) in public.partnerships().iter().enumerate() {
        let idx = PairIdx(i as u32);
        if homes.contains(&fold(&public.place(p.home).name_en)) && !matched.contains(&idx) {
            out.only_public.push(idx);
        }
    }
    out
}

/// The comparison as CSV (formula-safe): one row per tie with its group, both dates and both
/// types.
pub fn comparison_csv(list: &Dataset, public: &Dataset, c: &Comparison) -> String {
    let mut out = String::from(
        "group,chinese_place,partner,partner_country,list_established,public_established,list_type,public_type\n",
    );
    let date = |p: Option<&Partnership>| {
        p.and_then(|p| p.established).map(|d| d.to_string()).unwrap_or_default()
    };
    let kind = |p: Option<&Partnership>| p.map(|p| p.kind.as_str()).unwrap_or_default();
    let mut row = |group: &str,
                   d: &Dataset,
                   p: &Partnership,
                   l: Option<&Partnership>,
                   q: Option<&Partnership>| {
        let fields = [
            group.to_owned(),
            d.place(p.home).name_en.clone(),
            d.place(p.partner).name_en.clone(),
            d.country_of(p.partner).iso.clone(),
            date(l),
            date(q),
            kind(l).to_owned(),
            kind(q).to_owned(),
        ];
        push_row(&mut out, &fields.map(|f| formula_safe(&f)));
    };
    for &i in &c.only_list {
        let p = list.partnership(i);
        row("only in the list", list, p, Some(p), None);
    }
    for &(i, j, _) in &c.differ {
        let (p, q) = (list.partnership(i), public.partnership(j));
        row("different", list, p, Some(p), Some(q));
    }
    for &j in &c.only_public {
        let q = public.partnership(j);
        row("only in the public dataset", public, q, None, Some(q));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;
    use crate::model::read::import_csv::import_csv;

    fn public() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[test]
    fn a_list_beside_the_public_dataset_in_three_groups() {
        // The fixture has Xi'an–Nara (sister, 1974), Yan'an–Kansas City (2017), Yan'an–Trier
        // (intent, 2018).
        let csv = "中方城市,外方城市,国别,结好时间,类型\n\
                   西安,Nara,日本,1974.2.1,友好城市\n\
                   延安,Trier,德国,2019,\n\
                   西安,Kyoto,日本,1974.11.22,\n";
        let public = public();
        let list = import_csv(csv.as_bytes(), "list.csv", &public).expect("list").dataset;
        let c = compare(&list, &public);
        assert_eq!(c.same, 1, "Xi'an–Nara: 1974 and 1974-02-01 agree, sister both");
        assert_eq!(c.differ.len(), 1);
        assert_eq!(c.differ[0].2, Difference::Date, "Yan'an–Trier: 2019 against 2018");
        assert_eq!(c.only_list.len(), 1, "Xi'an–Kyoto");
        let only_public: Vec<String> = c
            .only_public
            .iter()
            .map(|&i| public.place(public.partnership(i).partner).name_en.clone())
            .collect();
        assert_eq!(only_public, ["Kansas City, Missouri"], "the list's places only");
        let csv = comparison_csv(&list, &public, &c);
        assert_eq!(csv.lines().count(), 4);
        assert!(csv.contains("different,Yan'an,Trier,DE,2019,2018,unknown,intent"), "{csv}");
    }

    #[test]
    fn dates_agree_at_the_precision_both_give() {
        let d = |s: &str| s.parse::<PartialDate>().expect("date");
        assert!(!dates_differ(d("1974"), d("1974-02-01")));
        assert!(dates_differ(d("1974-11-22"), d("1974-05-10")));
        assert!(dates_differ(d("1975"), d("1974-05")));
    }
}
