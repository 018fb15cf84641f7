//! The reviewed doubts (`data/curated/doubts.csv`): pairs a source contradicts — the partner's
//! own list names another Chinese partner or none, a duplicate, a tie given to the wrong
//! Chinese unit, an end the rows do not print. Each row names a pair as the rows write it
//! (Chinese place id, partner country, partner name), what is in doubt in English and Chinese,
//! the contrary source and the decision:
//!
//! - `disputed`: nothing settles it; the pair is kept and marked, with the source, so the app
//!   says what contradicts it;
//! - `moved` / `merged`: the source settles it; the pair becomes (`to_home`, `to_partner`) —
//!   another Chinese unit, or the other spelling of the same partner — joining that pair when it
//!   exists (facts and sources kept), and the source is cited on it;
//! - `ended`: the source prints the end date; the pair ends that day, the source cited.
//!
//! A row whose pair is missing stops the build: no doubt is applied to a pair the rows no
//! longer hold, and no pair disappears without its row.

use std::collections::BTreeMap;
use std::path::Path;

use youcheng::model::format::date::PartialDate;
use youcheng::model::format::schema::WireDisputed;

use super::districts::merge_pair;
use super::gather::Gathered;
use super::inputs::{Curated, fact_source};
use crate::util::{Columns, InputError, read_csv};

/// What the review decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    /// Kept and marked.
    Disputed,
    /// Given to another Chinese unit.
    Moved,
    /// The same tie as another pair (another spelling, another unit's record).
    Merged,
    /// Ended on the source's date.
    Ended,
}

impl Decision {
    fn parse(text: &str) -> Option<Decision> {
        Some(match text {
            "disputed" => Decision::Disputed,
            "moved" => Decision::Moved,
            "merged" => Decision::Merged,
            "ended" => Decision::Ended,
            _ => return None,
        })
    }

    /// The word of the table.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Disputed => "disputed",
            Decision::Moved => "moved",
            Decision::Merged => "merged",
            Decision::Ended => "ended",
        }
    }
}

/// One reviewed doubt.
#[derive(Clone, Debug)]
pub struct Doubt {
    pub line: usize,
    pub home: String,
    pub country: String,
    pub partner: String,
    pub decision: Decision,
    pub to_home: String,
    pub to_partner: String,
    pub ended: Option<PartialDate>,
    pub doubt_en: String,
    pub doubt_zh: String,
    pub source_title: String,
    pub source_url: String,
}

impl Doubt {
    /// The pair as the rows write it.
    fn key(&self) -> (String, String, String) {
        (self.home.clone(), self.country.clone(), self.partner.clone())
    }

    /// The pair a moved or merged pair becomes.
    fn target(&self) -> (String, String, String) {
        let home = if self.to_home.is_empty() { &self.home } else { &self.to_home };
        let partner = if self.to_partner.is_empty() { &self.partner } else { &self.to_partner };
        (home.clone(), self.country.clone(), partner.clone())
    }
}

/// Reads `doubts.csv`; a row without a decision, a doubt in both languages or a source, a move
/// without a target, or an end without a date stops the build.
pub fn read_doubts(curated: &Path) -> Result<Vec<Doubt>, InputError> {
    let table = read_csv(&curated.join("doubts.csv"))?;
    let c = Columns::new(&table, "doubts.csv");
    let cols = [
        c.index("home")?,
        c.index("country")?,
        c.index("partner")?,
        c.index("decision")?,
        c.index("to_home")?,
        c.index("to_partner")?,
        c.index("ended")?,
        c.index("doubt_en")?,
        c.index("doubt_zh")?,
        c.index("source_title")?,
        c.index("source_url")?,
    ];
    let mut out = Vec::new();
    for row in &table.rows {
        let get = |i: usize| row.get(cols[i]).trim().to_owned();
        let bad = |what: &str| InputError(format!("doubts.csv line {}: {what}", row.line));
        let decision = Decision::parse(&get(3)).ok_or_else(|| {
            bad(&format!("decision {:?} is not disputed, moved, merged or ended", get(3)))
        })?;
        let ended = match get(6).as_str() {
            "" => None,
            text => Some(text.parse().map_err(|e| bad(&format!("bad date {text:?}: {e}")))?),
        };
        let doubt = Doubt {
            line: row.line,
            home: get(0),
            country: get(1),
            partner: get(2),
            decision,
            to_home: get(4),
            to_partner: get(5),
            ended,
            doubt_en: get(7),
            doubt_zh: get(8),
            source_title: get(9),
            source_url: get(10),
        };
        if doubt.doubt_en.is_empty() || doubt.doubt_zh.is_empty() {
            return Err(bad("the doubt is said in English and in Chinese"));
        }
        if doubt.source_title.is_empty() {
            return Err(bad("no contrary source"));
        }
        let moves = matches!(decision, Decision::Moved | Decision::Merged);
        if moves && doubt.target() == doubt.key() {
            return Err(bad("a moved or merged pair names where it goes (to_home or to_partner)"));
        }
        if (decision == Decision::Ended) != doubt.ended.is_some() {
            return Err(bad("an ended pair, and only an ended pair, has its end date"));
        }
        out.push(doubt);
    }
    Ok(out)
}

impl Gathered {
    /// Applies the reviewed doubts (see the module's note); returns what each did, for the
    /// report.
    pub fn apply_doubts(
        &mut self,
        doubts: &[Doubt],
        curated: &Curated,
    ) -> Result<Vec<(Decision, String)>, InputError> {
        let mut done = Vec::new();
        for d in doubts {
            let missing = || {
                InputError(format!(
                    "doubts.csv line {}: no pair {} – {} ({}) in the rows",
                    d.line, d.home, d.partner, d.country
                ))
            };
            let source = fact_source(&d.source_title, &d.source_url, curated, &mut self.sources);
            let what = format!("{} – {} ({})", d.home, d.partner, d.country);
            match d.decision {
                Decision::Disputed => {
                    let acc = self.pairs.get_mut(&d.key()).ok_or_else(missing)?;
                    acc.disputed = Some(WireDisputed {
                        en: d.doubt_en.clone(),
                        zh: Some(d.doubt_zh.clone()),
                        src: Some(source),
                    });
                    done.push((d.decision, what));
                }
                Decision::Ended => {
                    let acc = self.pairs.get_mut(&d.key()).ok_or_else(missing)?;
                    acc.end = d.ended;
                    acc.sources.insert(source);
                    done.push((d.decision, what));
                }
                Decision::Moved | Decision::Merged => {
                    let acc = self.pairs.remove(&d.key()).ok_or_else(missing)?;
                    let (home, iso, partner) = d.target();
                    if !self.partners.contains_key(&(iso.clone(), partner.clone())) {
                        return Err(InputError(format!(
                            "doubts.csv line {}: no partner {partner} ({iso}) to move the pair to",
                            d.line
                        )));
                    }
                    let target =
                        self.pairs.entry((home.clone(), iso, partner.clone())).or_default();
                    merge_pair(target, acc);
                    target.sources.insert(source);
                    done.push((d.decision, format!("{what} → {home} – {partner}")));
                }
            }
        }
        // A partner the moves left without a pair is no longer a place of the dataset.
        let used: std::collections::BTreeSet<(&str, &str)> =
            self.pairs.keys().map(|(_, iso, p)| (iso.as_str(), p.as_str())).collect();
        let orphans: Vec<(String, String)> = self
            .partners
            .keys()
            .filter(|(iso, p)| !used.contains(&(iso.as_str(), p.as_str())))
            .cloned()
            .collect();
        for key in orphans {
            self.partners.remove(&key);
        }
        Ok(done)
    }
}

/// The count of doubts by decision, for the report.
pub fn by_decision(done: &[(Decision, String)]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for (d, _) in done {
        *out.entry(d.as_str()).or_default() += 1;
    }
    out
}
