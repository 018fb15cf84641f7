//! A pair's record from its dated facts (rule 3 of [`super`]): every source kept, values that
//! agree up to precision reinforce each other, values that disagree are all kept (`alt`), an
//! earlier friendly or intent stage followed by a formal tie becomes history; and each pair's
//! short id.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use youcheng::model::format::dataset::Kind;
use youcheng::model::format::date::PartialDate;
use youcheng::model::format::schema::{WireAlt, WirePair, WireStage};

use super::gather::{Fact, PairAcc};
use crate::util::{InputError, short_id};

/// Step 5: the partnerships, sorted by their ends, each with a short id (longer where two would
/// meet), and how many only the dated facts name.
pub fn partnerships(
    pairs: &BTreeMap<(String, String, String), PairAcc>,
    foreign_ids: &HashMap<(String, String), String>,
) -> Result<(Vec<WirePair>, usize), InputError> {
    let mut wire_pairs = Vec::with_capacity(pairs.len());
    let mut pair_ids = BTreeSet::new();
    let mut n_fact_only_pairs = 0;
    for ((cn, iso, partner), acc) in pairs {
        let partner_id = foreign_ids.get(&(iso.clone(), partner.clone())).ok_or_else(|| {
            InputError(format!("internal: partner {partner} ({iso}) was not placed"))
        })?;
        if !acc.from_candidates {
            n_fact_only_pairs += 1;
        }
        let mut len = 6;
        let mut id = short_id("", &format!("{cn}|{partner_id}"), len);
        while pair_ids.contains(&id) {
            len += 1;
            id = short_id("", &format!("{cn}|{partner_id}"), len);
        }
        pair_ids.insert(id.clone());
        wire_pairs.push(merge_pair(id, cn, partner_id, acc));
    }
    wire_pairs.sort_by(|a, b| (&a.home, &a.partner).cmp(&(&b.home, &b.partner)));

    Ok((wire_pairs, n_fact_only_pairs))
}

/// Merges the facts of one pair into its record.
fn merge_pair(id: String, home: &str, partner: &str, acc: &PairAcc) -> WirePair {
    let mut facts = acc.facts.clone();
    facts.sort_by(|a, b| (a.established, &a.source).cmp(&(b.established, &b.source)));
    // Kinds in order of their earliest date. A friendly or intent stage that ends before a
    // later formal tie begins is an earlier stage, not a conflict.
    let mut by_kind: BTreeMap<Kind, Vec<&Fact>> = BTreeMap::new();
    for f in &facts {
        by_kind.entry(f.kind).or_default().push(f);
    }
    let mut history = Vec::new();
    let mut alt = Vec::new();
    let current_kind;
    let current_facts: Vec<&Fact>;
    if by_kind.is_empty() {
        current_kind = Kind::Unknown;
        current_facts = Vec::new();
    } else if by_kind.len() == 1 {
        let (k, f) = by_kind.into_iter().next().unwrap_or((Kind::Unknown, Vec::new()));
        current_kind = k;
        current_facts = f;
    } else {
        let mut kinds: Vec<(Kind, Vec<&Fact>)> = by_kind.into_iter().collect();
        let earliest = |fs: &Vec<&Fact>| fs.iter().filter_map(|f| f.established).min();
        let latest = |fs: &Vec<&Fact>| fs.iter().filter_map(|f| f.established).max();
        kinds.sort_by_key(|(k, fs)| (earliest(fs), *k));
        let ordered = kinds.windows(2).all(|w| match (latest(&w[0].1), earliest(&w[1].1)) {
            (Some(a), Some(b)) => a.year() < b.year(),
            _ => false,
        });
        let upgrades = kinds.last().is_some_and(|(k, _)| *k == Kind::Sister);
        if ordered && upgrades {
            let (last_kind, last_facts) = kinds.pop().unwrap_or((Kind::Unknown, Vec::new()));
            for (k, fs) in &kinds {
                let (date, _) = pick_date(fs.iter().map(|f| (f.established, f.source.clone())));
                history.push(WireStage {
                    kind: k.as_str().to_owned(),
                    date: date.map(|d| d.to_string()),
                    src: sorted_unique(fs.iter().map(|f| f.source.clone())),
                });
            }
            current_kind = last_kind;
            current_facts = last_facts;
        } else {
            // Sources disagree on the type: the best supported wins, the others are kept.
            kinds.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            let (main_kind, main_facts) = kinds.remove(0);
            for (k, fs) in &kinds {
                alt.push(WireAlt {
                    field: "type".to_owned(),
                    value: k.as_str().to_owned(),
                    src: sorted_unique(fs.iter().map(|f| f.source.clone())),
                });
            }
            current_kind = main_kind;
            current_facts = main_facts;
        }
    }
    // A printed date leads; one the sources work out (an anniversary) is used only when no
    // source prints one, and is then marked as derived.
    let printed = current_facts.iter().filter(|f| !f.derived);
    let (mut established, mut others) =
        pick_date(printed.map(|f| (f.established, f.source.clone())));
    let worked_out = current_facts.iter().filter(|f| f.derived);
    let (derived_date, derived_others) =
        pick_date(worked_out.map(|f| (f.established, f.source.clone())));
    let mut est_derived = false;
    match (established, derived_date) {
        (None, Some(d)) => {
            established = Some(d);
            est_derived = true;
            others.extend(derived_others);
        }
        (Some(e), _) => {
            let derived_conflicts = current_facts
                .iter()
                .filter(|f| f.derived)
                .filter_map(|f| f.established.map(|d| (d, f.source.clone())))
                .filter(|(d, _)| !compatible(*d, e));
            for (d, s) in derived_conflicts {
                others.push((d, vec![s]));
            }
        }
        (None, None) => {}
    }
    others.sort();
    others.dedup();
    for (value, src) in others {
        alt.push(WireAlt { field: "est".to_owned(), value: value.to_string(), src });
    }
    let (ended, ended_others) = pick_date(facts.iter().map(|f| (f.ended, f.source.clone())));
    // A reviewed end date (`doubts.csv`) when no row prints one.
    let ended = ended.or(acc.end);
    for (value, src) in ended_others {
        alt.push(WireAlt { field: "ended".to_owned(), value: value.to_string(), src });
    }
    let status = if ended.is_some() || facts.iter().any(|f| f.ends) {
        "ended"
    } else if current_kind == Kind::Intent {
        "pending"
    } else {
        "active"
    };
    let notes: BTreeSet<&str> =
        facts.iter().map(|f| f.note.as_str()).filter(|n| !n.is_empty()).collect();
    WirePair {
        id,
        home: home.to_owned(),
        partner: partner.to_owned(),
        kind: current_kind.as_str().to_owned(),
        status: status.to_owned(),
        est: established.map(|d| d.to_string()),
        est_basis: est_derived.then(|| "derived".to_owned()),
        ended: ended.map(|d| d.to_string()),
        src: acc.sources.iter().cloned().collect(),
        note: (!notes.is_empty()).then(|| notes.into_iter().collect::<Vec<_>>().join("; ")),
        history,
        alt,
        disputed: acc.disputed.clone(),
    }
}

fn sorted_unique(items: impl Iterator<Item = String>) -> Vec<String> {
    items.collect::<BTreeSet<_>>().into_iter().collect()
}

/// True when `a` and `b` can describe the same date (one is a truncation of the other).
fn compatible(a: PartialDate, b: PartialDate) -> bool {
    let (sa, sb) = (a.to_string(), b.to_string());
    sa.starts_with(&sb) || sb.starts_with(&sa)
}

/// Chooses a date among sources: among the most precise values, the one with the most
/// compatible support, then the earliest. Returns it and every incompatible value with its sources.
fn pick_date(
    values: impl Iterator<Item = (Option<PartialDate>, String)>,
) -> (Option<PartialDate>, Vec<(PartialDate, Vec<String>)>) {
    let mut by_value: BTreeMap<PartialDate, BTreeSet<String>> = BTreeMap::new();
    for (value, source) in values {
        if let Some(v) = value {
            by_value.entry(v).or_default().insert(source);
        }
    }
    let support = |v: PartialDate| -> usize {
        by_value.iter().filter(|(u, _)| compatible(**u, v)).map(|(_, s)| s.len()).sum()
    };
    // Only values that no more precise value refines compete ("1986" is refined by
    // "1986-04", so it supports it instead of competing with it).
    let maximal = by_value.keys().copied().filter(|v| {
        !by_value.keys().any(|u| u != v && u.precision() > v.precision() && compatible(*u, *v))
    });
    let best = maximal.max_by(|a, b| {
        support(*a).cmp(&support(*b)).then(a.precision().cmp(&b.precision())).then(b.cmp(a))
    });
    let Some(best) = best else { return (None, Vec::new()) };
    let others = by_value
        .iter()
        .filter(|(v, _)| !compatible(**v, best))
        .map(|(v, s)| (*v, s.iter().cloned().collect()))
        .collect();
    (Some(best), others)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(est: &str, kind: Kind, source: &str) -> Fact {
        Fact {
            established: (!est.is_empty()).then(|| est.parse().unwrap()),
            derived: false,
            kind,
            ended: None,
            ends: false,
            source: source.to_owned(),
            note: String::new(),
        }
    }

    fn merged(facts: Vec<Fact>) -> WirePair {
        let acc = PairAcc {
            sources: facts.iter().map(|f| f.source.clone()).collect(),
            facts,
            from_candidates: true,
            ..PairAcc::default()
        };
        merge_pair("p1".into(), "cn-a", "jp-b", &acc)
    }

    #[test]
    fn dates_that_agree_up_to_precision_reinforce_each_other() {
        let p =
            merged(vec![fact("1979", Kind::Sister, "s1"), fact("1979-05-02", Kind::Sister, "s2")]);
        assert_eq!(p.est.as_deref(), Some("1979-05-02"));
        assert!(p.alt.is_empty(), "no conflict: {:?}", p.alt);
    }

    #[test]
    fn conflicting_years_are_both_kept() {
        // Hangzhou–Leeds: 1988 in one source, 1989 in another.
        let p =
            merged(vec![fact("1988", Kind::Sister, "yep"), fact("1989", Kind::Sister, "leeds")]);
        assert_eq!(p.est.as_deref(), Some("1988"), "equal support: the earlier value leads");
        assert_eq!(p.alt.len(), 1);
        assert_eq!((p.alt[0].field.as_str(), p.alt[0].value.as_str()), ("est", "1989"));
        assert_eq!(p.alt[0].src, vec!["leeds"]);
        assert_eq!(p.src, vec!["leeds", "yep"], "every source of the pair is kept");
    }

    #[test]
    fn the_better_supported_date_leads() {
        // Shenzhen–Houston: 1986, 1986-03 and 1986-04.
        let p = merged(vec![
            fact("1986", Kind::Sister, "a"),
            fact("1986-03", Kind::Sister, "b"),
            fact("1986-04", Kind::Sister, "c"),
            fact("1986-04", Kind::Sister, "d"),
        ]);
        assert_eq!(p.est.as_deref(), Some("1986-04"));
        assert_eq!(p.alt.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), vec!["1986-03"]);
    }

    #[test]
    fn a_friendly_stage_before_a_sister_tie_is_history() {
        // Dongying–Yangju: friendly exchange 2010, sister city 2023-10-22.
        let p =
            merged(vec![fact("2010", Kind::Friendly, "a"), fact("2023-10-22", Kind::Sister, "a")]);
        assert_eq!((p.kind.as_str(), p.est.as_deref()), ("sister", Some("2023-10-22")));
        assert_eq!(p.history.len(), 1);
        assert_eq!(
            (p.history[0].kind.as_str(), p.history[0].date.as_deref()),
            ("friendly", Some("2010"))
        );
        assert!(p.alt.is_empty());
    }

    #[test]
    fn disagreeing_types_without_an_order_are_a_conflict() {
        let p = merged(vec![
            fact("2014", Kind::Friendly, "a"),
            fact("2014", Kind::Sister, "b"),
            fact("", Kind::Sister, "c"),
        ]);
        assert_eq!(p.kind, "sister");
        assert_eq!(p.alt.iter().filter(|a| a.field == "type").count(), 1);
    }

    #[test]
    fn intent_is_pending_and_no_facts_is_unknown() {
        assert_eq!(merged(vec![fact("2018", Kind::Intent, "s")]).status, "pending");
        let p = merged(vec![]);
        assert_eq!(
            (p.kind.as_str(), p.status.as_str(), p.est.as_deref()),
            ("unknown", "active", None)
        );
    }
}
