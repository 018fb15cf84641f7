//! The network on a date: whether a tie is known to have been in force on a given day, as which
//! kind, and, when it is not, why. Claims such as "88 pairs by 29 May 2018" count in these terms,
//! and the `by=` filter keeps exactly the ties this module says were in force.
//!
//! The rule, stated once:
//! - a date stands for the whole period it names ("2018" is 1 January to 31 December 2018), and
//!   a stage of a tie is *known by* a day when its period ends on or before that day;
//! - the tie's kind on the day is that of its latest stage known by then (a letter of intent of
//!   1997 raised to a friendship city in 2016 was a letter of intent in 2010);
//! - a tie that ended on or before the day (its end period begins by then) was not in force; one
//!   marked ended with no end date cannot be placed, and neither can one whose only dates name
//!   a year or month that contains the day, nor one with no date at all. These are counted
//!   apart, never silently in or out.
//!
//! ```
//! use youcheng::model::ask::on_date::{Standing, standing_on};
//! use youcheng::model::format::dataset::Kind;
//! use youcheng::model::format::load::load;
//! # let text = include_str!("../../../tests/fixtures/small.json");
//! let d = load(text).unwrap().dataset;
//! let trier = d.partnership(d.pair_by_id("p-yanan-trier").unwrap()); // a letter of intent, 2018
//! assert_eq!(standing_on(trier, "2018-05-29".parse().unwrap()), Standing::Straddles);
//! assert_eq!(standing_on(trier, "2018-12-31".parse().unwrap()), Standing::InForce(Kind::Intent));
//! ```

use crate::model::format::dataset::{Country, Kind, Partnership, ScoStatus, Status};
use crate::model::format::date::PartialDate;

/// Where a tie stood on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Known to have been in force, as this kind (its stage on the day).
    InForce(Kind),
    /// No stage of it is dated.
    Undated,
    /// Its earliest dates name a year or month that contains the day: it may have begun before
    /// or after it.
    Straddles,
    /// It began after the day.
    Later,
    /// It had ended by the day.
    Ended,
    /// It is marked ended, with no end date: it may or may not have been in force on the day.
    EndUnknown,
}

/// Where `pair` stood on `day` (a day, month or year: the last day of its period counts).
pub fn standing_on(pair: &Partnership, day: PartialDate) -> Standing {
    let cut = day.latest_day();
    let stages = pair
        .history
        .iter()
        .map(|s| (s.kind, s.date))
        .chain(std::iter::once((pair.kind, pair.established)));
    let dated: Vec<(Kind, PartialDate)> = stages.filter_map(|(k, d)| Some((k, d?))).collect();
    if dated.is_empty() {
        return Standing::Undated;
    }
    // The latest stage known by the day; on equal dates the later stage (the current one).
    let stage_then = dated.iter().filter(|(_, d)| d.latest_day() <= cut).fold(
        None,
        |best: Option<(Kind, PartialDate)>, &(k, d)| match best {
            Some((_, b)) if b.earliest_day() > d.earliest_day() => best,
            _ => Some((k, d)),
        },
    );
    let Some((kind, _)) = stage_then else {
        let may_have_begun = dated.iter().any(|(_, d)| d.earliest_day() <= cut);
        return if may_have_begun { Standing::Straddles } else { Standing::Later };
    };
    match pair.ended {
        Some(end) if end.earliest_day() <= cut => Standing::Ended,
        None if pair.status == Status::Ended => Standing::EndUnknown,
        _ => Standing::InForce(kind),
    }
}

/// True when the country counted as a Belt and Road country on `day` (the sources give years).
pub fn bri_on(country: &Country, day: PartialDate) -> bool {
    country.bri_in(day.year())
}

/// The country's SCO status on `day` (the sources give years).
pub fn sco_on(country: &Country, day: PartialDate) -> Option<ScoStatus> {
    country.sco_status_in(day.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::dataset::{PlaceIdx, Stage};

    fn tie(kind: Kind, established: Option<&str>) -> Partnership {
        Partnership {
            id: "t".into(),
            home: PlaceIdx(0),
            partner: PlaceIdx(1),
            kind,
            status: Status::Active,
            established: established.map(|d| d.parse().unwrap()),
            established_derived: false,
            ended: None,
            sources: Vec::new(),
            note: None,
            history: Vec::new(),
            alternatives: Vec::new(),
            disputed: None,
        }
    }

    #[track_caller]
    fn check(pair: &Partnership, day: &str, expect: Standing) {
        assert_eq!(standing_on(pair, day.parse().unwrap()), expect, "on {day}");
    }

    #[test]
    fn a_tie_counts_from_the_last_day_its_date_can_mean() {
        let sister = |d| tie(Kind::Sister, Some(d));
        check(&sister("2018-05-29"), "2018-05-29", Standing::InForce(Kind::Sister));
        check(&sister("2018-05-30"), "2018-05-29", Standing::Later);
        check(&sister("2018-07-17"), "2018-05-29", Standing::Later);
        check(&sister("2018"), "2018-05-29", Standing::Straddles);
        check(&sister("2018-05"), "2018-05-29", Standing::Straddles);
        check(&sister("2018-05"), "2018-05-31", Standing::InForce(Kind::Sister));
        check(&sister("2017"), "2018-05-29", Standing::InForce(Kind::Sister));
        check(&sister("2019"), "2018", Standing::Later);
        check(&sister("2018-08-15"), "2018-08", Standing::InForce(Kind::Sister));
        check(&tie(Kind::Unknown, None), "2018-05-29", Standing::Undated);
    }

    #[test]
    fn the_kind_on_a_day_is_that_of_the_stage_then() {
        // Beijing–Minsk: a letter of intent in 1997, a friendship city from 2016.
        let mut pair = tie(Kind::Sister, Some("2016-04-29"));
        pair.history.push(Stage {
            kind: Kind::Intent,
            date: "1997-08-31".parse().ok(),
            sources: Vec::new(),
        });
        check(&pair, "1997-08-30", Standing::Later);
        check(&pair, "2010", Standing::InForce(Kind::Intent));
        check(&pair, "2016-04-29", Standing::InForce(Kind::Sister));
        // An undated later stage does not hide the dated earlier one.
        let mut undated_stage = tie(Kind::Sister, None);
        undated_stage.history.push(Stage {
            kind: Kind::Friendly,
            date: "2001".parse().ok(),
            sources: Vec::new(),
        });
        check(&undated_stage, "2010", Standing::InForce(Kind::Friendly));
    }

    #[test]
    fn ended_ties_count_until_their_end_and_an_unknown_end_is_apart() {
        let mut pair = tie(Kind::Sister, Some("1999"));
        pair.status = Status::Ended;
        pair.ended = "2021-07".parse().ok();
        check(&pair, "2021-06-02", Standing::InForce(Kind::Sister));
        check(&pair, "2021-07-01", Standing::Ended);
        check(&pair, "2022", Standing::Ended);
        pair.ended = None;
        check(&pair, "2021-06-02", Standing::EndUnknown);
        check(&pair, "1998", Standing::Later);
    }
}
