//! An official figure beside the dataset, like with like: the dataset's ties of the figure's
//! place and programme, of the kinds the figure counts, known to exist on the figure's date.
//! What cannot be compared is counted apart and said (ties whose type the sources do not
//! state, ties with no known year), never silently in or out. During playback only a figure
//! dated by the year shown is compared (never a 2024 figure against the ties of 1974).

use super::aggregate::{matching_reported_at, share_is_meaningful};
use super::filter::{Filters, apply};
use super::on_date::{Standing, standing_on};
use std::collections::BTreeSet;

use super::scope::{Kinds, Period, Scope, kind_counts, selection_scope};
use crate::model::format::dataset::{Dataset, Kind, ReportedFigure, ReportedKind};

/// An official figure and the dataset's count in its terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<'a> {
    /// The official figure (it gives a number of pairs).
    pub figure: &'a ReportedFigure,
    /// What the dataset's count counts: the figure's place, kinds and date.
    pub scope: Scope,
    /// The dataset's ties in that scope.
    pub counted: usize,
    /// Ties of those kinds with no known year (they may or may not predate the figure).
    pub undated: usize,
    /// Ties of the figure's place whose type the sources do not state (in force on its date,
    /// or undated).
    pub unstated: usize,
    /// Ties of the figure's place and kinds begun after its date: the figure could not count
    /// them, so they are said apart, never compared.
    pub later: usize,
    /// Whether a share of the figure means something ([`share_is_meaningful`]: not for a
    /// figure of "SCO countries" on a date cut, which its sources never define).
    pub share: bool,
}

impl Comparison<'_> {
    /// The dataset's count as a share of the official one, in percent.
    pub fn percent(&self) -> Option<f64> {
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
    let selection = apply(dataset, &terms);
    // Ties whose type the sources do not state, in force on the date or undated: the figure
    // may count them or not.
    let unstated = if kind_counts(kinds, Kind::Unknown) || kinds == Kinds::One(Kind::Intent) {
        0
    } else {
        let untyped =
            Filters { kinds: [Kind::Unknown].into(), include_undated: true, ..terms.clone() };
        apply(dataset, &untyped).pairs.len()
    };
    // Ties begun after the figure's date (of its kinds, or of unstated type).
    let since = Filters { known_by: None, include_undated: false, ..terms.clone() };
    let later = apply(dataset, &since)
        .pairs
        .iter()
        .filter(|p| standing_on(dataset.partnership(**p), figure.as_of) == Standing::Later)
        .count();
    let scope = Scope {
        kinds,
        period: Period::KnownBy { date: figure.as_of, undated: false },
        ..selection_scope(dataset, &terms, None)
    };
    let share = share_is_meaningful(figure, filters);
    Some(Comparison {
        figure,
        scope,
        counted: selection.pairs.len(),
        undated: selection.facets.undated,
        unstated,
        later,
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
        assert_eq!((c.counted, c.undated, c.unstated), (3, 1, 0));
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
    fn ties_begun_after_the_figures_date_are_neither_counted_nor_counted_apart() {
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
        // Of unstated type: only Shanghai–San Francisco; the 2022 tie is not compared, but
        // said apart as begun after the figure's date.
        assert_eq!((c.unstated, c.undated), (1, 0));
        assert_eq!(c.later, 0, "the 2022 tie is of unstated type, not a formal one");
        let plain = fixture();
        let national = compare(&plain, &Filters::default(), None).expect("figure");
        assert_eq!(national.later, 0, "no formal tie after 2 June 2021 in the fixture");
        // Xi'an–Nara moved to 2023: said apart as begun after the figure's date.
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""kind": "all", "pairs": 2800"#, r#""kind": "sister", "pairs": 2800"#)
            .replace(
                r#""status": "active", "est": "1974""#,
                r#""status": "active", "est": "2023""#,
            );
        let moved = load(&text).expect("fixture").dataset;
        let c = compare(&moved, &Filters::default(), None).expect("figure");
        assert_eq!((c.counted, c.later), (2, 1));
        // The count's filters are the figure's own terms, as a story link sets them.
        let terms = figure_filters(c.figure, &Filters::default()).expect("terms");
        assert_eq!(apply(&d, &terms).pairs.len(), c.counted);
        assert_eq!(terms.kinds, [Kind::Sister].into());
        // A figure of every established tie takes the unstated ones in.
        assert_eq!(
            kind_set(Kinds::Established),
            [Kind::Sister, Kind::Friendly, Kind::Unknown].into()
        );
    }
}
