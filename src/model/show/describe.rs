//! Filters as words: the removable chips of the active filters, and the line export footers
//! and link previews carry ("Shaanxi; Japan; 1974–2018").

use super::counted::{counted, counted_with_countries};
use crate::model::ask::aggregate::{Headline, HeadlineScope, headline};
use crate::model::ask::filter::{DIMENSIONS, Dimension, Filters, ProgrammeTime, SetDim, without};
use crate::model::ask::official::{Apart, Comparison};
use crate::model::ask::scope::Kinds;
use crate::model::format::dataset::{
    CountryIdx, Dataset, Kind, PairIdx, Qualifier, ReportedFigure, ScoStatus, Unit,
};
use crate::model::format::date::PartialDate;
use crate::model::format::load::Loaded;
use crate::model::format::problem::Severity;
use crate::model::i18n::messages::Plural;
use crate::model::i18n::{
    Locale, bracketed, country_name, fill, join_list, pair_name, place_name, reported_what,
    sco_label,
};

/// What removing a chip does to the filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removal {
    /// Drops one province (id).
    Province(String),
    /// Drops one partner country (ISO code).
    Country(String),
    /// Drops one SCO status.
    Sco(ScoStatus),
    /// Drops one value of a set dimension (its URL spelling).
    Value(SetDim, &'static str),
    /// Drops one partnership (id) from the named set.
    Pair(String),
    /// Clears a whole dimension.
    Clear(Dimension),
    /// Keeps pairs of unknown year again.
    IncludeUndated,
}

impl Removal {
    /// Applies the removal.
    pub fn apply(&self, filters: &mut Filters) {
        match self {
            Removal::Province(id) => _ = filters.provinces.remove(id),
            Removal::Country(iso) => _ = filters.countries.remove(iso),
            Removal::Sco(status) => _ = filters.sco.remove(status),
            Removal::Pair(id) => _ = filters.only.remove(id),
            Removal::Value(dim, value) => {
                if dim.is_selected(filters, value) {
                    dim.toggle(filters, value);
                }
            }
            Removal::Clear(dimension) => *filters = without(filters, *dimension),
            Removal::IncludeUndated => filters.include_undated = true,
        }
    }
}

/// One active filter value: its label and how to remove it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// The label shown.
    pub label: String,
    /// What removing it does.
    pub removal: Removal,
}

/// The active filters as chips, in the order of the filter panel. SCO values carry the
/// programme's name ("SCO member"), which a chip needs out of context.
pub fn chips(dataset: &Dataset, filters: &Filters, locale: Locale) -> Vec<Chip> {
    describe(dataset, filters, locale, true)
}

/// One label per active filter value, in the order the filter panel lists them.
pub fn filter_labels(dataset: &Dataset, filters: &Filters, locale: Locale) -> Vec<String> {
    describe(dataset, filters, locale, false).into_iter().map(|c| c.label).collect()
}

fn describe(dataset: &Dataset, filters: &Filters, locale: Locale, as_chips: bool) -> Vec<Chip> {
    let m = locale.messages();
    let place = |id: &str| {
        dataset
            .place_by_id(id)
            .map(|p| place_name(locale, dataset.place(p)).to_owned())
            .unwrap_or(id.to_owned())
    };
    let mut out = Vec::new();
    let mut push = |label: String, removal: Removal| out.push(Chip { label, removal });
    for dimension in DIMENSIONS {
        if let Some(dim) = SetDim::of(dimension) {
            for value in dim.selected(filters) {
                push(dim.label(locale, value), Removal::Value(dim, value));
            }
            continue;
        }
        match dimension {
            Dimension::Province => {
                for id in &filters.provinces {
                    push(place(id), Removal::Province(id.clone()));
                }
            }
            Dimension::Place => {
                if let Some(id) = &filters.place {
                    let name = place(id);
                    let label = if filters.place_with_children {
                        fill(m.chip_place_and_below, &[("place", &name)])
                    } else {
                        name
                    };
                    push(label, Removal::Clear(Dimension::Place));
                }
            }
            Dimension::Country => {
                for iso in &filters.countries {
                    let name = dataset
                        .country_by_iso(iso)
                        .map(|c| country_name(locale, dataset.country(c)).to_owned())
                        .unwrap_or(iso.clone());
                    push(name, Removal::Country(iso.clone()));
                }
            }
            Dimension::Bri => {
                if let Some(t) = filters.bri {
                    let label = match (t, filters.known_by) {
                        (ProgrammeTime::Now, Some(day)) => {
                            fill(m.bri_on_date, &[("date", &locale.date(day))])
                        }
                        (ProgrammeTime::Now, None) => m.bri_now.to_owned(),
                        (ProgrammeTime::AtSigning, _) => m.bri_at_signing.to_owned(),
                    };
                    push(label, Removal::Clear(Dimension::Bri));
                }
            }
            Dimension::Sco => {
                for s in &filters.sco {
                    let label = sco_label(locale, *s);
                    let label = if as_chips {
                        format!("{} {label}", m.sco_short)
                    } else {
                        label.to_owned()
                    };
                    push(label, Removal::Sco(*s));
                }
            }
            Dimension::Years => {
                if let Some(r) = filters.years {
                    let years = [("from", r.from().to_string()), ("to", r.to().to_string())];
                    let years: Vec<(&str, &str)> =
                        years.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    push(fill(m.chip_years, &years), Removal::Clear(Dimension::Years));
                }
                if !filters.include_undated {
                    push(m.chip_no_undated.to_owned(), Removal::IncludeUndated);
                }
            }
            Dimension::Disputed if !filters.include_disputed => {
                push(m.chip_no_disputed.to_owned(), Removal::Clear(Dimension::Disputed));
            }
            Dimension::KnownBy => {
                if let Some(day) = filters.known_by {
                    let label = fill(m.chip_known_by, &[("date", &locale.date(day))]);
                    push(label, Removal::Clear(Dimension::KnownBy));
                }
            }
            Dimension::Pairs => {
                for id in &filters.only {
                    let label = dataset
                        .pair_by_id(id)
                        .map(|p| pair_name(locale, dataset, p))
                        .unwrap_or_else(|| id.clone());
                    push(label, Removal::Pair(id.clone()));
                }
            }
            _ => {}
        }
    }
    out
}

/// The filters as one line: "Filters: Shaanxi; Japan" or "Filters: none".
pub fn filter_line(dataset: &Dataset, filters: &Filters, locale: Locale) -> String {
    let m = locale.messages();
    let labels = filter_labels(dataset, filters, locale);
    let separator = if locale == Locale::Zh { "；" } else { "; " };
    let list = if labels.is_empty() { m.no_filters.to_owned() } else { labels.join(separator) };
    fill(m.filters_line, &[("filters", &list)])
}

/// What the playback's year readout says: the year played, or when none is, the time the
/// filters show — the date cut ("Up to 29 May 2018", as its chip), the year range, or all
/// years. The readout never says "All years" beside a chip that cuts them.
pub fn playback_label(filters: &Filters, play: Option<i32>, locale: Locale) -> String {
    let m = locale.messages();
    match (play, filters.known_by, filters.years) {
        (Some(year), _, _) => year.to_string(),
        (None, Some(day), _) => fill(m.chip_known_by, &[("date", &locale.date(day))]),
        (None, None, Some(r)) => {
            fill(m.chip_years, &[("from", &r.from().to_string()), ("to", &r.to().to_string())])
        }
        (None, None, None) => m.all_years.to_owned(),
    }
}

/// The headline's scope in words: "China – Japan", "Shaanxi", "China", "All partnerships" or
/// "Selection".
pub fn scope_text(dataset: &Dataset, scope: &HeadlineScope, locale: Locale) -> String {
    let m = locale.messages();
    let country = |c: CountryIdx| country_name(locale, dataset.country(c)).to_owned();
    match scope {
        HeadlineScope::CountryPair { focus, partner } => {
            let partner = match partner {
                Ok(c) => country(*c),
                Err(code) => code.clone(),
            };
            match focus {
                Some(f) => format!("{} – {partner}", country(*f)),
                None => partner,
            }
        }
        HeadlineScope::Place(place) => place_name(locale, dataset.place(*place)).to_owned(),
        HeadlineScope::Whole(Some(c)) => country(*c),
        HeadlineScope::Whole(None) => m.scope_all.to_owned(),
        HeadlineScope::Selection => m.scope_selection.to_owned(),
    }
}

/// What a loaded file holds, each figure saying what it counts: the places and countries it
/// lists beside those in a partnership (the headline's figures), and its problems when there
/// are any ("3 records were skipped."; nothing when none: the report says so in its own words).
pub fn report_summary(loaded: &Loaded, locale: Locale) -> (String, Option<String>) {
    let m = locale.messages();
    let d = &loaded.dataset;
    let all: Vec<PairIdx> = d.pair_indices().collect();
    let tied = headline(d, &all);
    // A place on both sides of ties (in a file of every country's ties) is one place.
    let tied_places: std::collections::BTreeSet<_> =
        all.iter().flat_map(|p| [d.partnership(*p).home, d.partnership(*p).partner]).collect();
    let counts = fill(
        m.report_counts,
        &[
            ("pairs", &m.n_rows.format(locale, d.partnerships().len() as u64)),
            ("sources", &m.n_sources.format(locale, d.sources().len() as u64)),
            ("places", &m.n_places_phrase.format(locale, loaded.n_places_named() as u64)),
            ("tied_places", &locale.number(tied_places.len() as u64)),
            ("countries", &m.n_countries_phrase.format(locale, d.countries().len() as u64)),
            ("tied_countries", &locale.number(tied.countries as u64)),
        ],
    );
    let skipped = loaded.n_skipped();
    let dropped = loaded.problems.iter().filter(|p| p.severity == Severity::Warning).count();
    let mut items = Vec::new();
    if skipped > 0 {
        items.push(m.n_records_skipped.format(locale, skipped as u64));
    }
    if dropped > 0 {
        items.push(m.n_values_dropped.format(locale, dropped as u64));
    }
    let problems = (!items.is_empty())
        .then(|| fill(m.report_problems, &[("list", &join_list(locale, &items))]));
    (counts, problems)
}

/// The line under the headline: its Chinese places, partner places and, when there are any,
/// the pairs with no known year ("557 Chinese places · 2,141 partner places · 1,478 without a
/// known year"); each with its plural.
pub fn headline_details(h: &Headline, locale: Locale) -> String {
    let m = locale.messages();
    let mut parts = vec![
        m.n_home_places.format(locale, h.home_places as u64),
        m.n_partner_places.format(locale, h.partner_places as u64),
    ];
    if h.undated > 0 {
        parts.push(m.n_undated.format(locale, h.undated as u64));
    }
    parts.join(" · ")
}

/// A number of an official figure with the figure's qualifier, as the language writes it:
/// "more than 2,800" / "2800多", "about 50" / "约50", or the number alone when exact. Every
/// place that shows an official number writes it here, so the report's "more than" (超过,
/// 多) is never dropped.
pub fn reported_number(r: &ReportedFigure, n: u32, locale: Locale) -> String {
    let m = locale.messages();
    let number = locale.number(n as u64);
    match r.qualifier {
        Qualifier::Exact => number,
        Qualifier::MoreThan => fill(m.number_more_than, &[("n", &number)]),
        Qualifier::About => fill(m.number_about, &[("n", &number)]),
    }
}

/// An official figure's first number in its own unit and with its qualifier: "88 pairs",
/// "more than 2,800 pairs" / "2800多对", "31 cities" / "31个城市", "67 local governments";
/// `None` when the figure gives no such number (only countries).
pub fn reported_count(r: &ReportedFigure, locale: Locale) -> Option<String> {
    let m = locale.messages();
    let n = r.pairs?;
    let number = reported_number(r, n, locale);
    let plural = |p: &Plural| fill(if n == 1 { p.one } else { p.other }, &[("n", &number)]);
    Some(match r.unit {
        Unit::Pairs => fill(m.reported_pairs_only, &[("pairs", &number)]),
        Unit::Cities => plural(&m.reported_cities),
        Unit::LocalGovernments => plural(&m.reported_local_governments),
    })
}

/// An official figure as the headline states it: "88 pairs with 35 countries", "more than
/// 2,800 pairs"; `None` when it gives neither number.
pub fn reported_headline(r: &ReportedFigure, locale: Locale) -> Option<String> {
    let m = locale.messages();
    let pairs = reported_count(r, locale);
    let countries = r.countries.map(|n| reported_number(r, n, locale));
    match (pairs, countries) {
        (Some(p), Some(c)) => Some(fill(
            m.headline_pairs_countries,
            &[("pairs", &p), ("countries", &fill(m.n_countries_phrase.other, &[("n", &c)]))],
        )),
        (Some(p), None) => Some(p),
        (None, Some(c)) => Some(fill(m.reported_countries_only, &[("countries", &c)])),
        (None, None) => None,
    }
}

/// An official figure as a story cites it: "88 pairs, 35 countries (29 May 2018)".
pub fn reported_citation(r: &ReportedFigure, locale: Locale) -> String {
    let m = locale.messages();
    let numbers: Vec<String> = [
        reported_count(r, locale),
        r.countries.map(|n| {
            fill(m.reported_countries_only, &[("countries", &reported_number(r, n, locale))])
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    bracketed(locale, &numbers.join(m.list_comma), &locale.date(r.as_of))
}

/// An official figure as a profile lists it: "29 May 2018 (all ties, note): 88 partnerships,
/// 35 countries".
pub fn reported_line(r: &ReportedFigure, locale: Locale) -> String {
    let m = locale.messages();
    let numbers: Vec<String> = [
        reported_count(r, locale),
        r.countries.map(|n| {
            fill(m.reported_countries_only, &[("countries", &reported_number(r, n, locale))])
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let kind = reported_what(locale, r);
    let kind = kind.as_str();
    let about = match r.note.as_deref().filter(|n| !n.is_empty()) {
        Some(note) => format!("{kind}{}{note}", m.list_comma),
        None => kind.to_owned(),
    };
    fill(
        m.reported_line,
        &[
            ("date", &locale.date(r.as_of)),
            ("about", &about),
            ("numbers", &numbers.join(m.list_comma)),
        ],
    )
}

/// The ties counted apart from a count on `day`, one item per group in [`Apart`]'s order ("16
/// begun after 29 May 2018", "3 letters of intent"): the same words in the headline's "not
/// counted" and a story card's, so both name the same groups with the same numbers. When the
/// count takes one kind (`kind`: a figure of formal friendship cities), the groups of that kind
/// say it ("172 formal sister cities with no known year" / "年份不详的正式友好城市172对"), so
/// they never read as a count of every kind beside one (the headline's "1,285 without a
/// known year" of all kinds).
pub fn apart_items(
    apart: &[(Apart, usize)],
    day: PartialDate,
    kind: Option<Kind>,
    locale: Locale,
) -> Vec<String> {
    let m = locale.messages();
    let date = locale.date(day);
    let what = |n: u64| match kind {
        Some(Kind::Sister) => m.apart_formal.format(locale, n),
        Some(Kind::Friendly) => m.apart_friendly.format(locale, n),
        Some(Kind::Intent) => m.apart_intent.format(locale, n),
        Some(Kind::Unknown) | None => m.apart_pairs.format(locale, n),
    };
    apart
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(group, n)| {
            let n = *n as u64;
            let of_kind = |words: &str| fill(words, &[("what", &what(n)), ("date", &date)]);
            match group {
                Apart::Undated => of_kind(m.compare_undated),
                Apart::Straddles => of_kind(m.story_apart_straddling),
                // A letter of intent is signed, not a tie begun (结好).
                Apart::Later if kind == Some(Kind::Intent) => of_kind(m.apart_later_signed),
                Apart::Later => of_kind(m.compare_later),
                Apart::Ended => of_kind(m.apart_ended),
                Apart::EndUnknown => of_kind(m.story_apart_end_unknown),
                Apart::Kind(Kind::Unknown) => m.compare_unstated.format(locale, n),
                Apart::Kind(Kind::Intent) => m.apart_intent.format(locale, n),
                Apart::Kind(Kind::Sister) => m.apart_formal.format(locale, n),
                Apart::Kind(Kind::Friendly) => m.apart_friendly.format(locale, n),
            }
        })
        .collect()
}

/// The one kind a count takes, if it takes one: what its groups counted apart are of.
pub fn one_kind(kinds: &std::collections::BTreeSet<Kind>) -> Option<Kind> {
    match kinds.iter().collect::<Vec<_>>().as_slice() {
        [one] => Some(**one),
        _ => None,
    }
}

/// The dataset's side of an official figure, like with like: "this dataset: 1,234
/// partnerships (formal sister cities only; up to 21 November 2024), 40% of the official
/// figure", and what it leaves out ("not counted: 1,260 of unstated type and 300 with no known
/// year"), when it leaves out anything.
pub fn comparison_text(
    dataset: &Dataset,
    c: &Comparison,
    locale: Locale,
) -> (String, Option<String>) {
    let m = locale.messages();
    let count = match c.figure.countries {
        Some(_) => counted_with_countries(dataset, c.counted, c.countries, &c.scope, locale),
        None => counted(dataset, c.counted, &c.scope, locale),
    };
    let main = match c.percent() {
        Some(p) if c.counted > 0 && p < 1.0 => fill(m.compare_dataset_small, &[("count", &count)]),
        Some(p) if c.counted > 0 => {
            fill(m.compare_dataset, &[("count", &count), ("percent", &format!("{p:.0}"))])
        }
        _ => fill(m.compare_dataset_none, &[("count", &count)]),
    };
    let kind = match c.scope.kinds {
        Kinds::Formal => Some(Kind::Sister),
        Kinds::One(kind) => Some(kind),
        Kinds::Every | Kinds::Established | Kinds::Several => None,
    };
    let left = apart_items(&c.apart, c.figure.as_of, kind, locale);
    let left_out = (!left.is_empty())
        .then(|| fill(m.compare_left_out, &[("list", &join_list(locale, &left))]));
    (main, left_out)
}

/// The dataset's side of an official figure in short, for a phone's narrow headline: the
/// count in the figure's own terms and its share ("this dataset, same terms: 46 partnerships
/// (52%)" / "本数据集同口径：46对友好城市关系（52%）"); the terms in full are in
/// [`comparison_text`], which a screen reader reads.
pub fn comparison_short(c: &Comparison, locale: Locale) -> String {
    let m = locale.messages();
    let count = super::counted::n_ties(c.scope.kinds, c.counted, locale);
    match c.percent() {
        Some(p) if c.counted > 0 && p >= 1.0 => {
            fill(m.compare_short_percent, &[("count", &count), ("percent", &format!("{p:.0}"))])
        }
        _ => fill(m.compare_short, &[("count", &count)]),
    }
}

/// How many ties of the figure's place a comparison leaves out, in one phrase ("1,897 others
/// not counted" / "另有1897对未计入"): what the headline shows until the list is opened.
/// `None` when it leaves none out.
///
/// The groups are of every tie of the figure's place, every kind and date (so a story card
/// names the same ones). When the view shows another number of ties (`shown`: a date cut
/// shows Shaanxi's 85 ties of 29 May 2018, not its 106), the phrase says what it counts
/// against ("60 of all 106 ties of Shaanxi (every kind and date) not counted"), never a bare
/// "60 others" beside a headline of 85.
pub fn left_out_total(
    dataset: &Dataset,
    c: &Comparison,
    shown: usize,
    locale: Locale,
) -> Option<String> {
    let m = locale.messages();
    let n = c.total.saturating_sub(c.counted);
    if n == 0 {
        return None;
    }
    if shown == c.total {
        return Some(m.compare_left_out_total.format(locale, n as u64));
    }
    let place = match c.figure.scope {
        Some(p) => place_name(locale, dataset.place(p)).to_owned(),
        None => dataset
            .meta()
            .focus
            .as_deref()
            .and_then(|iso| dataset.country_by_iso(iso))
            .map(|c| country_name(locale, dataset.country(c)).to_owned())
            .unwrap_or_else(|| m.scope_national.to_owned()),
    };
    Some(fill(
        m.compare_left_out_of_all,
        &[
            ("n", &locale.number(n as u64)),
            ("total", &locale.number(c.total as u64)),
            ("place", &place),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ask::filter::YearRange;
    use crate::model::format::load::load;

    #[test]
    fn the_playback_readout_says_the_time_the_filters_show() {
        let mut f = Filters::default();
        assert_eq!(playback_label(&f, None, Locale::En), "All years");
        assert_eq!(playback_label(&f, Some(1974), Locale::Zh), "1974");
        f.years = YearRange::new(1974, 2018);
        assert_eq!(playback_label(&f, None, Locale::En), "1974–2018");
        // The fresh review saw "All years" beside the chip "Up to 29 May 2018".
        f.known_by = "2018-05-29".parse().ok();
        assert_eq!(playback_label(&f, None, Locale::En), "Up to 29 May 2018");
        assert_eq!(playback_label(&f, None, Locale::Zh), "截至2018年5月29日");
        assert_eq!(playback_label(&f, Some(2001), Locale::En), "2001");
    }

    #[test]
    fn describes_filters_in_both_languages() {
        let d = load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset;
        let mut f = Filters::default();
        assert_eq!(filter_line(&d, &f, Locale::En), "Filters: none");
        f.provinces.insert("cn-shaanxi".into());
        f.countries.insert("JP".into());
        f.years = YearRange::new(1974, 2018);
        assert_eq!(filter_line(&d, &f, Locale::En), "Filters: Shaanxi; Japan; 1974–2018");
        assert_eq!(filter_line(&d, &f, Locale::Zh), "筛选条件：陕西；日本；1974—2018年");
    }

    #[test]
    fn a_date_cut_a_named_set_and_known_years_only_are_chips_and_words() {
        let d = load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset;
        let f = Filters {
            known_by: "2018-05-29".parse().ok(),
            include_undated: false,
            bri: Some(ProgrammeTime::Now),
            only: ["p-yanan-trier".to_owned(), "gone".to_owned()].into_iter().collect(),
            ..Filters::default()
        };
        assert_eq!(
            filter_line(&d, &f, Locale::En),
            "Filters: Belt and Road country on 29 May 2018; Known years only; Up to 29 May 2018; \
             gone; Yan'an – Trier"
        );
        assert_eq!(
            filter_line(&d, &f, Locale::Zh),
            "筛选条件：2018年5月29日时为共建“一带一路”国家；仅含年份已知；截至2018年5月29日；\
             gone；延安—Trier"
        );
        // The chip words the day as the headline's scope does ("up to 29 May 2018", "截至…").
        for locale in Locale::ALL {
            let m = locale.messages();
            assert!(m.chip_known_by.eq_ignore_ascii_case(m.scope_known_by), "{locale:?}");
        }
        let chips = chips(&d, &f, Locale::En);
        let removals: Vec<&Removal> = chips.iter().map(|c| &c.removal).collect();
        assert_eq!(
            removals,
            [
                &Removal::Clear(Dimension::Bri),
                &Removal::IncludeUndated,
                &Removal::Clear(Dimension::KnownBy),
                &Removal::Pair("gone".to_owned()),
                &Removal::Pair("p-yanan-trier".to_owned()),
            ]
        );
        let mut g = f.clone();
        Removal::Pair("gone".to_owned()).apply(&mut g);
        Removal::Clear(Dimension::KnownBy).apply(&mut g);
        Removal::IncludeUndated.apply(&mut g);
        assert_eq!(g.only.len(), 1);
        assert_eq!((g.known_by, g.include_undated), (None, true));
    }

    #[test]
    fn the_report_says_what_each_figure_counts_and_no_empty_problems() {
        let loaded = load(include_str!("../../../tests/fixtures/small.json")).unwrap();
        // 11 places listed, 9 of them in one of the 5 ties; 6 countries, 4 of them with a
        // partner place (China is the home side only).
        let (en, problems) = report_summary(&loaded, Locale::En);
        assert_eq!(
            en,
            "Loaded 5 partnerships from 2 sources. The file lists 11 places, 9 of them in a \
             partnership, and 6 countries, 4 of them home to a partner."
        );
        assert_eq!(problems, None, "no \"0 were kept\" sentence when nothing was dropped");
        let (zh, problems) = report_summary(&loaded, Locale::Zh);
        assert_eq!(
            zh,
            "已加载5对友好关系，来自2个来源。文件列出11个地点，其中9个有友好关系；列出6个国家，\
             其中4个国家有结好地点。"
        );
        assert_eq!(problems, None);
        // A record with no partner is skipped; a date that is not one is dropped, the record kept.
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""partner": "de-trier","#, r#""partner": "","#)
            .replace(r#""est": "2017""#, r#""est": "someday""#);
        let loaded = load(&text).unwrap();
        let (_, problems) = report_summary(&loaded, Locale::En);
        assert_eq!(
            problems.as_deref(),
            Some("1 record was skipped and 1 record was kept with a bad value left out.")
        );
        let (_, problems) = report_summary(&loaded, Locale::Zh);
        assert_eq!(problems.as_deref(), Some("跳过1条记录、1条记录去掉错误值后保留。"));
    }

    #[test]
    fn the_headline_details_read_naturally_for_one_and_for_none() {
        let h = Headline { pairs: 1, countries: 1, home_places: 1, partner_places: 2, undated: 0 };
        assert_eq!(headline_details(&h, Locale::En), "1 Chinese place · 2 partner places");
        let h = Headline { undated: 1, ..h };
        assert_eq!(headline_details(&h, Locale::Zh), "1个中方地点 · 2个外方地点 · 1对年份不详");
    }

    #[test]
    fn an_official_figure_is_set_beside_the_dataset_in_its_own_terms() {
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""kind": "all", "pairs": 2800"#, r#""kind": "sister", "pairs": 2800"#);
        let d = load(&text).unwrap().dataset;
        let c = crate::model::ask::official::compare(&d, &Filters::default(), None).unwrap();
        let (main, left) = comparison_text(&d, &c, Locale::En);
        assert_eq!(
            main,
            "this dataset: 3 partnerships with 3 countries (formal sister cities only; up to 2 June \
             2021), less than 1% of the official figure"
        );
        // The figure gives its countries, so the dataset's side does (Japan, the United States,
        // Belarus). Yan'an–Trier, a letter of intent, is named apart too (it was counted
        // nowhere); Shanghai–San Francisco is a formal tie with no known year, and says its kind.
        assert_eq!(
            left.as_deref(),
            Some("not counted: 1 formal sister city with no known year and 1 letter of intent")
        );
        let (main, left) = comparison_text(&d, &c, Locale::Zh);
        assert_eq!(
            main,
            "本数据集：3对友好城市关系，涉及3个国家（仅正式友好城市；截至2021年6月2日），不到官方数字的1%"
        );
        assert_eq!(left.as_deref(), Some("未计入：年份不详的正式友好城市1对、意向书1份"));
        // Folded, the list is one figure: the two ties it names.
        assert_eq!(left_out_total(&d, &c, 5, Locale::En).as_deref(), Some("2 others not counted"));
        assert_eq!(left_out_total(&d, &c, 5, Locale::Zh).as_deref(), Some("另有2对未计入"));
        // A phone shows the dataset's side in short, its noun by the figure's kinds.
        assert_eq!(comparison_short(&c, Locale::En), "this dataset, same terms: 3 partnerships");
        assert_eq!(comparison_short(&c, Locale::Zh), "本数据集同口径：3对友好城市关系");
    }

    #[test]
    fn others_not_counted_say_what_they_count_beside_a_date_cut() {
        let d = load(include_str!("../../../public/data/partnerships.json")).unwrap().dataset;
        // ?prov=cn-shaanxi&by=2018-05-29 shows 85 ties (counted by hand from the data: 58 in
        // force on the day, 27 of no known year); Shaanxi has 106. The figure compares the 46
        // formal friendship cities in force on the day; the 60 others (6 formal of no known
        // year, 16 formal begun after the day, 13 friendly-cooperation, 7 letters of intent,
        // 18 of unstated type) are of all 106, every date: the phrase says so, never a bare
        // "60 others" beside a headline of 85.
        let mut f = Filters { known_by: "2018-05-29".parse().ok(), ..Filters::default() };
        f.provinces.insert("cn-shaanxi".into());
        let shown = crate::model::ask::filter::apply(&d, &f).pairs.len();
        assert_eq!(shown, 85);
        let c = crate::model::ask::official::compare(&d, &f, None).expect("the figure of the day");
        assert_eq!((c.counted, c.total), (46, 106));
        assert_eq!(
            left_out_total(&d, &c, shown, Locale::En).as_deref(),
            Some("60 of all 106 ties of Shaanxi (every kind and date) not counted")
        );
        assert_eq!(
            left_out_total(&d, &c, shown, Locale::Zh).as_deref(),
            Some("陕西省全部106对友好关系（所有类型、所有日期）中另有60对未计入")
        );
        // Without the cut the view shows all 106: the 60 are the rest of what it shows.
        f.known_by = None;
        let shown = crate::model::ask::filter::apply(&d, &f).pairs.len();
        let c = crate::model::ask::official::compare(&d, &f, None).expect("figure");
        assert_eq!((shown, c.total), (106, 106));
        assert_eq!(
            left_out_total(&d, &c, shown, Locale::En).as_deref(),
            Some("60 others not counted")
        );
        // A phone shows the dataset's side in short: 46 of the figure's 88 (52%).
        assert_eq!(comparison_short(&c, Locale::Zh), "本数据集同口径：46对友好城市关系（52%）");
    }
}
