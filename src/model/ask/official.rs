//! An official figure beside the dataset, like with like: the dataset's ties of the figure's
//! place and programme, of the kinds the figure counts, known to exist on the figure's date.
//! What cannot be compared is counted apart and said (ties whose type the sources do not
//! state, ties with no known year), never silently in or out. During playback only a figure
//! dated by the year shown is compared (never a 2024 figure against the ties of 1974).

use super::aggregate::{headline, matching_reported_at, share_is_meaningful};
use super::filter::{Filters, YearRange, before_cut};
use super::on_date::Standing;
use std::collections::{BTreeMap, BTreeSet};

use super::scope::{Kinds, Period, Scope, kind_counts, selection_scope};
use crate::model::format::dataset::{Dataset, Kind, PairIdx, ReportedFigure, ReportedKind, Unit};

/// An official figure and the dataset's count in its terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<'a> {
    /// The official figure (it gives a number of pairs).
    pub figure: &'a ReportedFigure,
    /// What the dataset's count counts: the figure's place, kinds and date.
    pub scope: Scope,
    /// The dataset's ties in that scope.
    pub counted: usize,
    /// The partner countries of those ties (said beside the pairs when the figure gives its
    /// countries: "46 partnerships with 26 countries" beside "88 pairs with 35 countries").
    pub countries: usize,
    /// Every tie of the figure's place and programme, compared or counted apart: `counted`
    /// and the groups of `apart` add up to `total`.
    pub total: usize,
    /// The ties of the figure's place not compared, by why ([`split`]); groups of none left out.
    pub apart: Vec<(Apart, usize)>,
    /// Whether a share of the figure means something ([`share_is_meaningful`]: not for a
    /// figure of "SCO countries" on a date cut, which its sources never define).
    pub share: bool,
}

/// Why a tie of a count's place is not compared with a figure of a day: one reason per tie,
/// so the groups and the compared ties add up to every tie of the place. The kind comes first
/// (a letter of intent is said as one, whatever its date), then the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Apart {
    /// Of a counted kind, with no date at all.
    Undated,
    /// Of a counted kind, dated only to a year or month that contains the day.
    Straddles,
    /// Of a counted kind, begun after the day.
    Later,
    /// Of a counted kind, ended by the day.
    Ended,
    /// Of a counted kind, marked ended with no end date.
    EndUnknown,
    /// Of a kind the count does not take (on the day, or now when not yet in force).
    Kind(Kind),
}

/// A count on a day split: the ties compared, and every other tie of the same place and
/// programme in one named group ([`Apart`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// The ties counted (exactly what `apply` keeps with the same filters).
    pub compared: Vec<PairIdx>,
    /// The groups counted apart, in [`Apart`]'s order, none empty.
    pub apart: Vec<(Apart, usize)>,
}

impl Split {
    /// Every tie of the place and programme: the compared ones and those counted apart.
    pub fn total(&self) -> usize {
        self.compared.len() + self.apart.iter().map(|(_, n)| n).sum::<usize>()
    }
}

/// Splits the ties of `terms`' place and programme (every kind, every date) into those `terms`
/// count (its kinds, in force on its `known_by` day; the undated when it keeps them) and the
/// rest, each in the one group that says why: the rule behind the headline's "not counted"
/// and a story card's.
///
/// A year range that ends in the day's year (a story's "begun in 2015 or later", which the
/// filters can only write as 2015–2018) does not hide the ties begun after the day in later
/// years: they are "begun after the day" like those of the same year, so a card says the same
/// number of them as every other card of the same place and day (Shaanxi's "19 new" card said
/// "1 begun after 29 May 2018" beside the next card's 18).
pub fn split(dataset: &Dataset, terms: &Filters) -> Split {
    let mut compared = Vec::new();
    let mut groups: BTreeMap<Apart, usize> = BTreeMap::new();
    let place_terms = Filters { years: open_after_day(terms), ..terms.clone() };
    for (pair, kind, standing) in before_cut(dataset, &place_terms) {
        let group = if !terms.kinds.is_empty() && !terms.kinds.contains(&kind) {
            Some(Apart::Kind(kind))
        } else {
            let undated = dataset.partnership(pair).first_year().is_none();
            match standing {
                _ if undated && !terms.include_undated => Some(Apart::Undated),
                None | Some(Standing::InForce(_) | Standing::Undated) => None,
                Some(Standing::Straddles) => Some(Apart::Straddles),
                Some(Standing::Later) => Some(Apart::Later),
                Some(Standing::Ended) => Some(Apart::Ended),
                Some(Standing::EndUnknown) => Some(Apart::EndUnknown),
            }
        };
        match group {
            Some(g) => *groups.entry(g).or_default() += 1,
            None => compared.push(pair),
        }
    }
    Split { compared, apart: groups.into_iter().collect() }
}

/// The year range of `terms`, open after the day of its date cut when it ends in that day's year
/// (the years after it hold only ties begun after the day, which [`split`] counts apart).
fn open_after_day(terms: &Filters) -> Option<YearRange> {
    match (terms.years, terms.known_by) {
        (Some(years), Some(day)) if years.to() == day.year() => {
            YearRange::new(years.from(), i32::MAX)
        }
        (years, _) => years,
    }
}

impl Comparison<'_> {
    /// The dataset's count as a share of the official one, in percent; `None` when the figure
    /// counts something other than pairs (partner cities or local governments: "31 cities" is
    /// not a number of pairs, so no share of it is a count of pairs).
    pub fn percent(&self) -> Option<f64> {
        if self.figure.unit != Unit::Pairs {
            return None;
        }
        let total = self.figure.pairs.filter(|n| *n > 0 && self.share)?;
        Some(100.0 * self.counted as f64 / f64::from(total))
    }
}

/// The kinds of tie an official figure counts, when the dataset can count them too: the one
/// reading of a figure, from the report's own words (`kind` in `reported.csv`: 友好城市 is a
/// formal friendship city; "friendship with 31 cities", "sister and friendly cities" every
/// established tie). The headline and the story cards both read a figure through it.
pub fn figure_kinds(kind: ReportedKind) -> Option<Kinds> {
    match kind {
        ReportedKind::All => Some(Kinds::Established),
        ReportedKind::Sister => Some(Kinds::Formal),
        ReportedKind::Friendly => Some(Kinds::One(Kind::Friendly)),
        ReportedKind::Intent => Some(Kinds::One(Kind::Intent)),
        ReportedKind::Approved | ReportedKind::Contact => None,
    }
}

/// The types of tie the kinds take, as a kind filter keeps them.
pub fn kind_set(kinds: Kinds) -> BTreeSet<Kind> {
    Kind::ALL.iter().copied().filter(|k| kind_counts(kinds, *k)).collect()
}

/// The filters that count an official figure in its own terms: the figure's place and
/// programme (from `filters`), its kinds, and ties in force on its date (the date cut of
/// `by=`, [`crate::model::ask::on_date`]), the undated left out. A story's link sets these
/// same filters, so the headline and the card give one number.
pub fn figure_filters(figure: &ReportedFigure, filters: &Filters) -> Option<Filters> {
    let kinds = figure_kinds(figure.kind)?;
    Some(Filters {
        provinces: filters.provinces.clone(),
        place: filters.place.clone(),
        place_with_children: filters.place_with_children,
        bri: filters.bri,
        sco: filters.sco.clone(),
        sco_time: filters.sco_time,
        kinds: kind_set(kinds),
        include_undated: false,
        known_by: Some(figure.as_of),
        ..Filters::default()
    })
}

/// The official figure matching the filters at the playback year, with the dataset's count
/// in its terms; `None` when no figure of pairs matches. Ties begun after the figure's date
/// are neither counted nor counted apart (the figure could not count them).
pub fn compare<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    play_year: Option<i32>,
) -> Option<Comparison<'a>> {
    let figure = matching_reported_at(dataset, filters, play_year)
        .into_iter()
        .find(|r| r.pairs.is_some() && figure_kinds(r.kind).is_some())?;
    let kinds = figure_kinds(figure.kind)?;
    let terms = figure_filters(figure, filters)?;
    let parts = split(dataset, &terms);
    let scope = Scope {
        kinds,
        period: Period::KnownBy { date: figure.as_of, undated: false },
        ..selection_scope(dataset, &terms, None)
    };
    let share = share_is_meaningful(figure, filters);
    Some(Comparison {
        figure,
        scope,
        counted: parts.compared.len(),
        countries: headline(dataset, &parts.compared).countries,
        total: parts.total(),
        apart: parts.apart,
        share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ask::filter::YearRange;
    use crate::model::ask::scope::Reach;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""kind": "all", "pairs": 2800"#, r#""kind": "sister", "pairs": 2800"#);
        load(&text).expect("fixture").dataset
    }

    #[test]
    fn a_formal_figure_is_compared_with_formal_ties_known_by_its_date() {
        let d = fixture();
        let c = compare(&d, &Filters::default(), None).expect("the national figure");
        assert_eq!(c.figure.id, "r-china-2021");
        assert_eq!(c.scope.kinds, Kinds::Formal);
        assert_eq!(c.scope.reach, Reach::Everything);
        // Formal ties: Xi'an–Nara 1974, Yan'an–Kansas City 2017, Changning–Sovetsky
        // 2021-06-02 (on the date: known), Shanghai–San Francisco (no year); the letter of
        // intent is not a formal tie.
        assert_eq!(c.counted, 3);
        // Every other tie in one group: Shanghai–San Francisco undated, Yan'an–Trier a letter
        // of intent; the groups and the compared ties add up to every tie of the scope.
        assert_eq!(c.apart, [(Apart::Undated, 1), (Apart::Kind(Kind::Intent), 1)]);
        assert_eq!(c.total, 5);
        assert!(c.percent().is_some_and(|p| p > 0.1 && p < 0.11));
    }

    #[test]
    fn playback_compares_only_a_figure_dated_by_the_year_shown() {
        let d = fixture();
        assert!(compare(&d, &Filters::default(), Some(1974)).is_none(), "no figure of 1974");
        let mut f = Filters::default();
        f.provinces.insert("cn-shaanxi".into());
        let c = compare(&d, &f, Some(2019)).expect("Shaanxi's 2018 figure");
        assert_eq!(c.figure.id, "r-shaanxi-2018");
        // Every established kind: Xi'an–Nara (1974) and Yan'an–Kansas City (2017) are known
        // by 29 May 2018; Yan'an–Trier is a letter of intent.
        assert_eq!(c.scope.kinds, Kinds::Established);
        assert_eq!(c.scope.reach, Reach::WithPlacesUnder);
        assert_eq!(c.counted, 2);
        f.years = YearRange::new(1970, 2010);
        assert!(compare(&d, &f, None).is_none(), "a 2018 figure does not describe 1970–2010");
        // A kind the figure does not count: nothing to compare.
        let mut intent = Filters::default();
        intent.kinds.insert(Kind::Intent);
        assert!(compare(&d, &intent, None).is_none());
    }

    #[test]
    fn ties_begun_after_the_figures_date_are_counted_apart_never_left_unsaid() {
        // Yan'an–Kansas City of unstated type, begun in 2022 (after the 2021 figure);
        // Shanghai–San Francisco of unstated type with no year (it may predate the figure).
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""kind": "all", "pairs": 2800"#, r#""kind": "sister", "pairs": 2800"#)
            .replace(
                r#""type": "sister", "status": "active", "est": "2017""#,
                r#""type": "unknown", "status": "active", "est": "2022""#,
            )
            .replace(
                r#""us-san-francisco", "type": "sister""#,
                r#""us-san-francisco", "type": "unknown""#,
            );
        let d = load(&text).expect("fixture").dataset;
        let c = compare(&d, &Filters::default(), None).expect("the national figure");
        // Formal ties in force on 2 June 2021: Xi'an–Nara and Changning–Sovetsky.
        assert_eq!(c.counted, 2);
        // Of unstated type: Shanghai–San Francisco (no year) and the 2022 tie, which is of a
        // kind the figure does not count whatever its date (it was counted nowhere before: a
        // reader could not add the figures up); the letter of intent apart as one.
        assert_eq!(c.apart, [(Apart::Kind(Kind::Intent), 1), (Apart::Kind(Kind::Unknown), 2)]);
        assert_eq!(c.total, d.partnerships().len());
        let plain = fixture();
        let national = compare(&plain, &Filters::default(), None).expect("figure");
        assert!(
            !national.apart.iter().any(|(g, _)| *g == Apart::Later),
            "no formal tie after 2 June 2021 in the fixture"
        );
        // Xi'an–Nara moved to 2023: said apart as begun after the figure's date.
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""kind": "all", "pairs": 2800"#, r#""kind": "sister", "pairs": 2800"#)
            .replace(
                r#""status": "active", "est": "1974""#,
                r#""status": "active", "est": "2023""#,
            );
        let moved = load(&text).expect("fixture").dataset;
        let c = compare(&moved, &Filters::default(), None).expect("figure");
        assert_eq!(c.counted, 2);
        assert!(c.apart.contains(&(Apart::Later, 1)), "{:?}", c.apart);
        // The count's filters are the figure's own terms, as a story link sets them.
        let terms = figure_filters(c.figure, &Filters::default()).expect("terms");
        assert_eq!(crate::model::ask::filter::apply(&d, &terms).pairs.len(), 2);
        assert_eq!(terms.kinds, [Kind::Sister].into());
        // A figure of every established tie takes the unstated ones in.
        assert_eq!(
            kind_set(Kinds::Established),
            [Kind::Sister, Kind::Friendly, Kind::Unknown].into()
        );
    }
}
