//! The dataset's answer to a claim, in words, and the address its link leads to.

use std::collections::BTreeSet;

use super::terms::{Check, Claim, Count, Detail, Ties};
use crate::model::ask::aggregate::headline;
use crate::model::ask::filter::{Filters, apply};
use crate::model::ask::official::{figure_kinds, split};
use crate::model::ask::query::{SortColumn, Tab, UrlState, to_query};
use crate::model::ask::scope::{Kinds, kinds_of};
use crate::model::format::dataset::{Continent, Dataset, Kind, PairIdx};
use crate::model::format::date::PartialDate;
use crate::model::i18n::{
    Locale, continent_label, country_name, fill, join_alternatives, join_list, kind_label,
    place_name,
};
use crate::model::show::counted::formal_only;
use crate::model::show::describe::{apart_items, one_kind};

/// The figures a claim's link reproduces: the headline's pairs and countries, and the partner
/// places when the claim counts those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Partnerships.
    pub pairs: usize,
    /// Partner countries.
    pub countries: usize,
    /// Partner places (shown in the headline's details).
    pub partners: usize,
}

/// The dataset's answer to a claim, in words, with the figures its link shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// What the dataset counts, or what it says of the named pair.
    pub text: String,
    /// The named pairs in words, one item each, when there are several.
    pub items: Vec<String>,
    /// What it holds but did not count ("Not counted: 27 with no known year."), if anything.
    pub apart: Option<String>,
    /// Another reading of the claim, answered.
    pub also: Option<String>,
    /// The figures.
    pub figures: Figures,
    /// The claim counts partner places (the figure to compare is `figures.partners`).
    pub counts_partners: bool,
}

/// A count claim's terms, the kinds of tie read from the official figure it states when the
/// dataset holds that figure: one reading per figure ([`figure_kinds`], which the headline's
/// comparison uses too), so the card and the headline after Show count the same ties.
pub fn claim_count(dataset: &Dataset, claim: &Claim) -> Option<Count> {
    let Check::Count(count) = &claim.check else { return None };
    let figure = claim.reported.and_then(|id| dataset.reported().iter().find(|r| r.id == id));
    let ties = match figure.and_then(|r| figure_kinds(r.kind)) {
        Some(Kinds::Formal) => Ties::Only(Kind::Sister),
        Some(Kinds::Established) => Ties::Established,
        Some(Kinds::One(kind)) => Ties::Only(kind),
        Some(Kinds::Every | Kinds::Several) | None => count.ties,
    };
    Some(Count { ties, ..count.clone() })
}

/// The address a claim's link leads to (none for a claim the dataset cannot check, nor for
/// one whose answer holds no tie: there is nothing to show): the
/// claim's filters, on the table sorted by date, or the charts for continents, or the map with
/// the pair open for a single pair.
pub fn claim_target(dataset: &Dataset, claim: &Claim) -> Option<UrlState> {
    match &claim.check {
        Check::Count(_) => {
            let count = claim_count(dataset, claim)?;
            // Nothing to show: the card says so in words and gives no link.
            if apply(dataset, &count.filters()).pairs.is_empty() {
                return None;
            }
            let tab = if count.detail == Detail::Continents { Tab::Charts } else { Tab::Table };
            let sort = (tab == Tab::Table).then_some((SortColumn::Established, false));
            Some(UrlState { filters: count.filters(), tab, sort, ..UrlState::default() })
        }
        Check::Pairs { pairs, .. } => {
            let found: Vec<PairIdx> = pairs.iter().filter_map(|p| find_pair(dataset, *p)).collect();
            let only: BTreeSet<String> =
                found.iter().map(|p| dataset.partnership(*p).id.clone()).collect();
            let filters = Filters { only, ..Filters::default() };
            match found.as_slice() {
                [] => None,
                [one] => Some(UrlState {
                    filters,
                    pair: Some(dataset.partnership(*one).id.clone()),
                    ..UrlState::default()
                }),
                _ => Some(UrlState {
                    filters,
                    tab: Tab::Table,
                    sort: Some((SortColumn::Established, false)),
                    ..UrlState::default()
                }),
            }
        }
        Check::Unchecked => None,
    }
}

/// The address a claim's link leads to from the current one: the claim's filters and view
/// replace the current ones; the language, the map's borders and centring, the data source
/// and the embedding options stay.
pub fn claim_state(current: &UrlState, target: &UrlState) -> UrlState {
    UrlState {
        lang: current.lang,
        map_profile: current.map_profile,
        centre: current.centre,
        data: current.data.clone(),
        cols: current.cols.clone(),
        embed: current.embed,
        theme: current.theme,
        accent: current.accent.clone(),
        font: current.font.clone(),
        ..target.clone()
    }
}

/// The pair of a Chinese place and a partner, if the data has it.
fn find_pair(dataset: &Dataset, (home, partner): (&str, &str)) -> Option<PairIdx> {
    let home = dataset.place_by_id(home)?;
    dataset.pairs_of(home).iter().copied().find(|p| {
        let pair = dataset.partnership(*p);
        pair.home == home && dataset.place(pair.partner).id == partner
    })
}

/// The dataset's answer to a claim, in the UI language; `None` for a claim it cannot check.
pub fn answer(dataset: &Dataset, claim: &Claim, locale: Locale) -> Option<Answer> {
    match &claim.check {
        Check::Count(_) => claim_count(dataset, claim).map(|c| count_answer(dataset, &c, locale)),
        Check::Pairs { pairs, earliest_in } => {
            Some(pairs_answer(dataset, pairs, *earliest_in, locale))
        }
        Check::Unchecked => None,
    }
}

fn figures_of(dataset: &Dataset, pairs: &[PairIdx]) -> Figures {
    let h = headline(dataset, pairs);
    Figures { pairs: h.pairs, countries: h.countries, partners: h.partner_places }
}

/// "46 pairs with 25 countries" ("2 letters of intent with 2 countries" when those are what
/// the claim counts).
fn figures_text(f: Figures, kinds: Kinds, locale: Locale) -> String {
    let m = locale.messages();
    fill(
        m.story_pairs_countries,
        &[
            ("pairs", &pairs_phrase(kinds, f.pairs, locale)),
            ("countries", &m.story_countries.format(locale, f.countries as u64)),
        ],
    )
}

/// "46 pairs" by what the count takes ([`formal_only`]): "46对友好城市" for formal friendship
/// cities only, "3份意向书" for letters of intent, else the general word ("55对友好关系").
fn pairs_phrase(kinds: Kinds, n: usize, locale: Locale) -> String {
    let m = locale.messages();
    let phrase = match kinds {
        Kinds::One(Kind::Intent) => &m.story_intents,
        k if formal_only(k) => &m.n_formal_pairs_phrase,
        _ => &m.story_pairs,
    };
    phrase.format(locale, n as u64)
}

fn count_answer(dataset: &Dataset, count: &Count, locale: Locale) -> Answer {
    let m = locale.messages();
    let filters = count.filters();
    let selection = apply(dataset, &filters);
    let figures = figures_of(dataset, &selection.pairs);
    let with_figures = figures_text(figures, kinds_of(&filters), locale);
    let mut extra = None;
    let text = match count.detail {
        _ if figures.pairs == 0 => m.story_no_ties.to_owned(),
        Detail::Pairs => with_figures,
        Detail::Partners => fill(
            m.story_partners_answer,
            &[
                ("partners", &m.story_partners.format(locale, figures.partners as u64)),
                ("countries", &m.story_countries.format(locale, figures.countries as u64)),
                ("pairs", &pairs_phrase(kinds_of(&filters), figures.pairs, locale)),
            ],
        ),
        Detail::Continents => {
            let shown = continents(dataset, &selection.pairs);
            let with_undated = Filters { include_undated: true, ..filters.clone() };
            let more: Vec<Continent> = continents(dataset, &apply(dataset, &with_undated).pairs)
                .into_iter()
                .filter(|c| !shown.contains(c))
                .collect();
            if !more.is_empty() {
                extra = Some(fill(m.story_undated_continents, &[("list", &names(&more, locale))]));
            }
            fill(
                m.story_continents_answer,
                &[
                    ("figures", &with_figures),
                    ("continents", &m.story_continents.format(locale, shown.len() as u64)),
                    ("list", &names(&shown, locale)),
                ],
            )
        }
        Detail::CountriesOf => countries_of(dataset, count, &selection.pairs, with_figures, locale),
    };
    // The groups counted apart are the ties as they stood on the claim's day (their kind then,
    // not now): the sentence says so ("As of 2 June 2021, not counted: …"), so its numbers are
    // never read as today's, which the charts show.
    let mut apart = filters.known_by.and_then(|day| {
        let items =
            apart_items(&split(dataset, &filters).apart, day, one_kind(&filters.kinds), locale);
        (!items.is_empty()).then(|| {
            fill(
                m.story_apart,
                &[("date", &locale.date(day)), ("items", &items.join(m.item_separator))],
            )
        })
    });
    if let Some(more) = extra {
        apart = Some(match apart {
            Some(first) => fill(m.story_two_sentences, &[("first", &first), ("second", &more)]),
            None => more,
        });
    }
    let also = count.also.map(|(label, other)| {
        let other_filters = other.filters();
        let other_figures = figures_of(dataset, &apply(dataset, &other_filters).pairs);
        fill(
            m.story_also_line,
            &[
                ("label", label(m)),
                ("figures", &figures_text(other_figures, kinds_of(&other_filters), locale)),
            ],
        )
    });
    Answer {
        text,
        items: Vec::new(),
        apart,
        also,
        figures,
        counts_partners: count.detail == Detail::Partners,
    }
}

/// The continents of the partners of `pairs`, in the panel's order.
fn continents(dataset: &Dataset, pairs: &[PairIdx]) -> Vec<Continent> {
    let found: BTreeSet<Continent> = pairs
        .iter()
        .filter_map(|p| dataset.country_of(dataset.partnership(*p).partner).continent)
        .collect();
    Continent::ALL.iter().copied().filter(|c| found.contains(c)).collect()
}

fn names(continents: &[Continent], locale: Locale) -> String {
    let labels: Vec<String> =
        continents.iter().map(|c| continent_label(locale, *c).to_owned()).collect();
    join_list(locale, &labels)
}

/// "2 pairs with 2 countries: Turkmenistan and Uzbekistan; none with Kazakhstan, …".
fn countries_of(
    dataset: &Dataset,
    count: &Count,
    pairs: &[PairIdx],
    with_figures: String,
    locale: Locale,
) -> String {
    let m = locale.messages();
    let found: BTreeSet<&str> = pairs
        .iter()
        .map(|p| dataset.country_of(dataset.partnership(*p).partner).iso.as_str())
        .collect();
    let name = |iso: &&str| {
        dataset
            .country_by_iso(iso)
            .map(|c| country_name(locale, dataset.country(c)).to_owned())
            .unwrap_or_else(|| (*iso).to_owned())
    };
    let (with, without): (Vec<&str>, Vec<&str>) =
        count.countries.iter().partition(|iso| found.contains(**iso));
    let with: Vec<String> = with.iter().map(name).collect();
    let without: Vec<String> = without.iter().map(name).collect();
    let mut text = with_figures;
    if !with.is_empty() {
        text = fill(m.story_list_after, &[("text", &text), ("list", &join_list(locale, &with))]);
    }
    if !without.is_empty() {
        let none = fill(m.story_none_with, &[("list", &join_alternatives(locale, &without))]);
        text = fill(m.story_then, &[("first", &text), ("second", &none)]);
    }
    text
}

/// One pair in words: "Yan'an – Kansas City, United States of America: Sister city, 2017".
fn pair_line(dataset: &Dataset, pair: PairIdx, locale: Locale) -> String {
    let m = locale.messages();
    let p = dataset.partnership(pair);
    let date = p.first_date().map(|d| locale.date(d)).unwrap_or_else(|| m.unknown_year.to_owned());
    fill(
        m.story_pair_line,
        &[
            ("home", place_name(locale, dataset.place(p.home))),
            ("partner", place_name(locale, dataset.place(p.partner))),
            ("country", country_name(locale, dataset.country_of(p.partner))),
            ("type", kind_label(locale, p.kind)),
            ("date", &date),
        ],
    )
}

fn pairs_answer(
    dataset: &Dataset,
    pairs: &[(&str, &str)],
    earliest_in: Option<&str>,
    locale: Locale,
) -> Answer {
    let m = locale.messages();
    let found: Vec<Option<PairIdx>> = pairs.iter().map(|p| find_pair(dataset, *p)).collect();
    // A missing pair is named as the dataset names its places; a place the dataset does not
    // hold (another dataset) has no name to give, and its id is not words.
    let named = |id: &str| dataset.place_by_id(id).map(|p| place_name(locale, dataset.place(p)));
    let lines: Vec<String> = pairs
        .iter()
        .zip(&found)
        .map(|((home, partner), found)| match (found, named(home), named(partner)) {
            (Some(p), _, _) => pair_line(dataset, *p, locale),
            (None, Some(home), Some(partner)) => {
                let pair = fill(m.pair_name, &[("home", home), ("partner", partner)]);
                fill(m.story_list_after, &[("text", &pair), ("list", m.story_not_found)])
            }
            (None, _, _) => m.story_not_found.to_owned(),
        })
        .collect();
    let indices: Vec<PairIdx> = found.iter().flatten().copied().collect();
    let figures = figures_of(dataset, &indices);
    let unnamed = pairs.iter().any(|(h, p)| named(h).is_none() || named(p).is_none());
    let (mut text, items) = match lines.as_slice() {
        [one] => (one.clone(), Vec::new()),
        // None of the pairs is in the dataset and some cannot be named: one sentence, not a
        // list of "not in the dataset" or "0 pairs with 0 countries".
        _ if indices.is_empty() && unnamed => (m.story_no_ties.to_owned(), Vec::new()),
        _ => (figures_text(figures, Kinds::Every, locale), lines),
    };
    if let (Some(province), Some(Some(first))) = (earliest_in, found.first()) {
        let note = earliest(dataset, *first, province, locale);
        text = fill(m.story_then, &[("first", &text), ("second", &note)]);
    }
    Answer { text, items, apart: None, also: None, figures, counts_partners: false }
}

/// Whether `pair` is the earliest dated tie of a place in `province` ("no tie … is dated
/// earlier"), or which tie is, in words. Dates compare by the first day they can mean.
fn earliest(dataset: &Dataset, pair: PairIdx, province: &str, locale: Locale) -> String {
    let m = locale.messages();
    let Some(root) = dataset.place_by_id(province) else { return m.story_not_found.to_owned() };
    let day = |p: PairIdx| dataset.partnership(p).first_date().map(PartialDate::earliest_day);
    let first = dataset
        .pair_indices()
        .filter(|p| dataset.is_within(dataset.partnership(*p).home, root))
        .filter_map(|p| day(p).map(|d| (d, p)))
        .min();
    match first {
        Some((date, p)) if day(pair).is_none_or(|own| date < own) => {
            fill(m.story_not_earliest, &[("pair", &pair_line(dataset, p, locale))])
        }
        _ => fill(m.story_earliest, &[("place", place_name(locale, dataset.place(root)))]),
    }
}

/// The claim's link as a query string (the link's `href`), if it has one.
pub fn claim_query(dataset: &Dataset, claim: &Claim) -> Option<String> {
    claim_target(dataset, claim).map(|s| to_query(&s))
}
