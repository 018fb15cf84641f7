//! An official figure beside the dataset, like with like: the dataset's ties of the figure's
//! place and programme, of the kinds the figure counts, known to exist on the figure's date.
//! What cannot be compared is counted apart and said (ties whose type the sources do not
//! state, ties with no known year), never silently in or out. During playback only a figure
//! dated by the year shown is compared (never a 2024 figure against the ties of 1974).

use super::aggregate::{matching_reported_at, share_is_meaningful};
use super::filter::{Filters, apply};
use super::scope::{Kinds, Period, Scope, kind_counts, known_by, selection_scope};
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
    /// Ties of the figure's place whose type the sources do not state.
    pub unstated: usize,
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

/// The kinds of tie an official figure counts, when the dataset can count them too.
pub fn figure_kinds(kind: ReportedKind) -> Option<Kinds> {
    match kind {
        ReportedKind::All => Some(Kinds::Established),
        ReportedKind::Sister => Some(Kinds::Formal),
        ReportedKind::Friendly => Some(Kinds::One(Kind::Friendly)),
        ReportedKind::Intent => Some(Kinds::One(Kind::Intent)),
        ReportedKind::Approved | ReportedKind::Contact => None,
    }
}

/// The official figure matching the filters at the playback year, with the dataset's count
/// in its terms; `None` when no figure of pairs matches.
pub fn compare<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    play_year: Option<i32>,
) -> Option<Comparison<'a>> {
    let figure = matching_reported_at(dataset, filters, play_year)
        .into_iter()
        .find(|r| r.pairs.is_some() && figure_kinds(r.kind).is_some())?;
    let kinds = figure_kinds(figure.kind)?;
    // The figure's place and programme; its own kinds and date, not the filters'.
    let terms = Filters {
        provinces: filters.provinces.clone(),
        place: filters.place.clone(),
        place_with_children: filters.place_with_children,
        bri: filters.bri,
        sco: filters.sco.clone(),
        sco_time: filters.sco_time,
        ..Filters::default()
    };
    let (mut counted, mut undated, mut unstated) = (0, 0, 0);
    for &p in &apply(dataset, &terms).pairs {
        let pair = dataset.partnership(p);
        if pair.kind == Kind::Unknown && kinds != Kinds::One(Kind::Intent) {
            unstated += 1;
            continue;
        }
        if !kind_counts(kinds, pair.kind) {
            continue;
        }
        if known_by(pair, figure.as_of) {
            counted += 1;
        } else if pair.first_date().is_none() {
            undated += 1;
        }
    }
    let scope = Scope {
        kinds,
        period: Period::KnownBy(figure.as_of),
        ..selection_scope(dataset, &terms, None)
    };
    let share = share_is_meaningful(figure, filters);
    Some(Comparison { figure, scope, counted, undated, unstated, share })
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
}
