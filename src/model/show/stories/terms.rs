//! A claim's terms: the report it belongs to, the places, the day, the kind of tie and the
//! programme it counts, and the filters that count in those terms.

use crate::model::ask::filter::{Filters, ProgrammeTime, YearRange};
use crate::model::format::dataset::{Kind, ScoStatus};
use crate::model::format::date::PartialDate;
use crate::model::i18n::Locale;
use crate::model::i18n::messages::Messages;

/// A text of the string catalogue, in whichever language's messages it is read from.
pub type Words = fn(&Messages) -> &'static str;

/// One report as a story.
#[derive(Clone, Debug)]
pub struct Report {
    /// Stable id (a test id in the page).
    pub id: &'static str,
    /// The report as a source of the dataset (its id).
    pub source: &'static str,
    /// The report's title.
    pub title: Words,
    /// The report's source line, as it gives it; its {date} is [`Report::published`].
    pub source_line: Words,
    /// The day the report was published (ISO), when it gives one: written in the UI language.
    pub published: Option<&'static str>,
    /// The language of the report's text (its quotes).
    pub original: Locale,
    /// The language of the report's title.
    pub title_original: Locale,
    /// The report gives its own version in the other language (quoted as it is).
    pub own_version: bool,
    /// Its claims, in the report's order.
    pub claims: Vec<Claim>,
}

impl Report {
    /// The words before the report's title in its own language, shown when the page is in the
    /// other language: "Original: " when the title is in the report's language; when the report
    /// gives its title only in the other language (Shanxi's Chinese report is titled only in
    /// English on its page), that English title is not the original of a Chinese report, and
    /// the Chinese page says so ("报道页面只有英文标题："). `None` when the page is in the
    /// title's language (nothing to add).
    pub fn title_label(&self, locale: Locale) -> Option<&'static str> {
        let m = locale.messages();
        match locale {
            _ if locale == self.title_original => None,
            _ if self.title_original == self.original => Some(m.story_original),
            _ => Some(m.story_title_only_other),
        }
    }

    /// The report's source line in the UI language, its publication day written as the rest of
    /// the app writes a date ("Published 30 May 2018", "发布于2018年5月30日"), never as a
    /// timestamp.
    pub fn source_text(&self, locale: Locale) -> String {
        let date = self
            .published
            .and_then(|d| d.parse::<PartialDate>().ok())
            .map(|d| locale.date(d))
            .unwrap_or_default();
        crate::model::i18n::fill((self.source_line)(locale.messages()), &[("date", &date)])
    }
}

/// One claim of a report.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Stable id (a test id in the page).
    pub id: &'static str,
    /// The report's words (in the original's messages) or their translation.
    pub quote: Words,
    /// What the dataset counts or checks, in words; or why it cannot.
    pub terms: Words,
    /// The dataset's record of the figure the claim states (a reported figure's id).
    pub reported: Option<&'static str>,
    /// How the dataset answers.
    pub check: Check,
}

/// How the dataset answers a claim.
#[derive(Clone, Debug)]
pub enum Check {
    /// Ties counted in the claim's terms.
    Count(Count),
    /// Named pairs (Chinese place id, partner id): their type and date.
    Pairs {
        /// The pairs.
        pairs: &'static [(&'static str, &'static str)],
        /// Also say whether the first pair is the earliest dated tie of this province.
        earliest_in: Option<&'static str>,
    },
    /// The dataset holds nothing to check it against (its terms say why).
    Unchecked,
}

/// The places a count covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every place in a province.
    Province(&'static str),
    /// A place and every place under it.
    PlaceAndBelow(&'static str),
    /// The whole dataset.
    Whole,
}

/// The kind of tie a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ties {
    /// Every established tie: friendship cities, friendly-cooperation ties and ties of unstated
    /// type (letters of intent are not ties yet).
    Established,
    /// One kind only (ties of unstated type are counted apart).
    Only(Kind),
}

/// What a count's answer leads with, after the report's own unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Pairs and partner countries.
    Pairs,
    /// Partner places and their countries (the report counts cities or local governments).
    Partners,
    /// Pairs, countries and the partners' continents.
    Continents,
    /// Pairs, and which of the claim's countries have ties and which none.
    CountriesOf,
}

/// A count in a claim's terms.
#[derive(Clone, Debug)]
pub struct Count {
    /// The places.
    pub scope: Scope,
    /// The day (or month, or year) the claim speaks of: ties known to be in force then.
    pub by: &'static str,
    /// The kind of tie.
    pub ties: Ties,
    /// Only ties begun in or after this year.
    pub since: Option<i32>,
    /// Only ties with partners in these countries (ISO codes).
    pub countries: &'static [&'static str],
    /// Only partners in Belt and Road countries on that day.
    pub bri: bool,
    /// Only partners of these SCO standings on that day.
    pub sco: &'static [ScoStatus],
    /// What the answer leads with.
    pub detail: Detail,
    /// Another reading of the claim, with its label, answered beside the first.
    pub also: Option<(Words, &'static Count)>,
}

impl Count {
    /// The filters that give this count, undated ties left out (they are counted apart).
    pub fn filters(&self) -> Filters {
        let mut f = Filters { include_undated: false, ..Filters::default() };
        match self.scope {
            Scope::Province(id) => _ = f.provinces.insert(id.to_owned()),
            Scope::PlaceAndBelow(id) => f.place = Some(id.to_owned()),
            Scope::Whole => {}
        }
        f.known_by = self.by.parse().ok();
        f.kinds = match self.ties {
            Ties::Established => [Kind::Sister, Kind::Friendly, Kind::Unknown].into(),
            Ties::Only(kind) => [kind].into(),
        };
        let last = f.known_by.map(PartialDate::year);
        f.years = self.since.zip(last).and_then(|(from, to)| YearRange::new(from, to));
        f.countries = self.countries.iter().map(|c| (*c).to_owned()).collect();
        f.bri = self.bri.then_some(ProgrammeTime::Now);
        f.sco = self.sco.iter().copied().collect();
        f
    }
}
