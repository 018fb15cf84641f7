//! A count in words with what it counts beside it: "88 partnerships (with the places under it;
//! all kinds; all years)". Every panel that shows a number of partnerships writes it here, from
//! the [`Scope`] the core gave it, so the same scope always reads the same way.

use crate::model::ask::scope::{Kinds, Period, Reach, Scope};
use crate::model::format::dataset::{Dataset, Kind};
use crate::model::i18n::{Locale, country_name, fill, kind_label};

/// The scope in words: whose ties, which kinds, which years, other filters.
pub fn scope_words(dataset: &Dataset, scope: &Scope, locale: Locale) -> String {
    let m = locale.messages();
    let mut parts: Vec<String> = Vec::with_capacity(4);
    match scope.reach {
        Reach::Own => parts.push(m.scope_own.to_owned()),
        Reach::WithPlacesUnder => parts.push(m.scope_with_under.to_owned()),
        Reach::InCountry(c) => parts.push(fill(
            m.scope_in_country,
            &[("country", country_name(locale, dataset.country(c)))],
        )),
        Reach::Everything => {}
    }
    parts.push(match scope.kinds {
        Kinds::Every => m.scope_every_kind.to_owned(),
        Kinds::Formal => m.scope_formal.to_owned(),
        Kinds::Established => m.scope_established.to_owned(),
        Kinds::One(k) => fill(m.scope_one_kind, &[("kind", kind_label(locale, k))]),
        Kinds::Several => m.scope_several_kinds.to_owned(),
    });
    parts.push(period_words(scope.period, locale));
    if scope.narrowed {
        parts.push(m.scope_narrowed.to_owned());
    }
    parts.join(m.scope_separator)
}

/// The years of a scope in words.
pub fn period_words(period: Period, locale: Locale) -> String {
    let m = locale.messages();
    match period {
        Period::AllYears => m.scope_all_years.to_owned(),
        Period::UpTo(year) => fill(m.scope_up_to, &[("year", &year.to_string())]),
        Period::Between { from, to, undated } => fill(
            if undated { m.scope_years_undated } else { m.scope_years },
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
        Period::KnownBy { date, undated } => fill(
            if undated { m.scope_known_by_undated } else { m.scope_known_by },
            &[("date", &locale.date(date))],
        ),
        Period::SinceKnownBy { from, date } => fill(
            m.scope_since_known_by,
            &[("from", &from.to_string()), ("date", &locale.date(date))],
        ),
    }
}

/// Whether a count of these kinds takes formal friendship cities only: the one case whose
/// noun names the kind (zh 友好城市). The scope of a figure decides its noun: a count that
/// takes any other kind (every kind, letters of intent, unstated types) is written with the
/// general word (zh 友好关系, en "partnerships"), never 友城, which means formal friendship
/// cities.
pub fn formal_only(kinds: Kinds) -> bool {
    matches!(kinds, Kinds::Formal | Kinds::One(Kind::Sister))
}

/// "88 partnerships" / "88对友好关系", or "88对友好城市关系" for formal ones only
/// ([`formal_only`]).
pub fn n_ties(kinds: Kinds, n: usize, locale: Locale) -> String {
    let m = locale.messages();
    match n {
        0 => m.no_partnerships.to_owned(),
        n if formal_only(kinds) => m.n_formal_partnerships.format(locale, n as u64),
        n => m.n_partnerships.format(locale, n as u64),
    }
}

/// "88 pairs with 35 countries" / "88对友好关系，涉及35个国家" (formal only: "88对友好城市，…"),
/// the noun by [`formal_only`]; none reads as words ("no partnerships").
pub fn pairs_with_countries(
    kinds: Kinds,
    pairs: usize,
    countries: usize,
    locale: Locale,
) -> String {
    let m = locale.messages();
    if pairs == 0 {
        return m.no_partnerships.to_owned();
    }
    let phrase = if formal_only(kinds) { &m.n_formal_pairs_phrase } else { &m.n_pairs_phrase };
    fill(
        m.headline_pairs_countries,
        &[
            ("pairs", &phrase.format(locale, pairs as u64)),
            ("countries", &m.n_countries_phrase.format(locale, countries as u64)),
        ],
    )
}

/// "88 partnerships (with the places under it; all kinds; all years)".
pub fn counted(dataset: &Dataset, n: usize, scope: &Scope, locale: Locale) -> String {
    let m = locale.messages();
    let count = n_ties(scope.kinds, n, locale);
    fill(m.counted, &[("count", &count), ("scope", &scope_words(dataset, scope, locale))])
}

/// "46 partnerships with 26 countries (formal sister cities only; …)": a count set beside an
/// official figure that gives its countries says its own.
pub fn counted_with_countries(
    dataset: &Dataset,
    n: usize,
    countries: usize,
    scope: &Scope,
    locale: Locale,
) -> String {
    let m = locale.messages();
    if n == 0 {
        return counted(dataset, n, scope, locale);
    }
    let count = fill(
        m.pairs_with_countries,
        &[
            ("pairs", &n_ties(scope.kinds, n, locale)),
            ("countries", &m.n_countries_phrase.format(locale, countries as u64)),
        ],
    );
    fill(m.counted, &[("count", &count), ("scope", &scope_words(dataset, scope, locale))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ask::filter::Filters;
    use crate::model::ask::scope::{among_shown, selection_scope};
    use crate::model::format::dataset::Kind;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[test]
    fn a_count_says_whose_ties_which_kinds_and_which_years() {
        let d = fixture();
        let whole = Scope::whole(Reach::WithPlacesUnder);
        assert_eq!(
            counted(&d, 88, &whole, Locale::En),
            "88 partnerships (with the places under it; all kinds; all years)"
        );
        assert_eq!(
            counted(&d, 88, &whole, Locale::Zh),
            "88对友好关系（含下辖地区；所有类型；全部年份）"
        );
        assert_eq!(
            counted(&d, 1, &Scope::whole(Reach::Own), Locale::En),
            "1 partnership (the place's own ties; all kinds; all years)"
        );
        // None reads as words, never "0 partnerships".
        assert_eq!(
            counted(&d, 0, &Scope::whole(Reach::Own), Locale::En),
            "no partnerships (the place's own ties; all kinds; all years)"
        );
        assert_eq!(
            counted(&d, 0, &Scope::whole(Reach::Own), Locale::Zh),
            "没有友好关系（仅本级；所有类型；全部年份）"
        );
        let mut f = Filters::default();
        f.kinds.insert(Kind::Sister);
        f.countries.insert("JP".into());
        assert_eq!(
            counted(&d, 5, &selection_scope(&d, &f, Some(1974)), Locale::En),
            "5 partnerships (with places in Japan; formal sister cities only; up to the end of 1974)"
        );
        assert_eq!(
            counted(&d, 5, &selection_scope(&d, &f, Some(1974)), Locale::Zh),
            "5对友好城市关系（与日本各地；仅正式友好城市；截至1974年底）"
        );
        assert_eq!(
            scope_words(&d, &among_shown(Reach::Own, &f, None), Locale::En),
            "the place's own ties; formal sister cities only; all years; matching the other filters"
        );
        // A date cut names its day, never "all years", and says when it keeps the pairs of no
        // known year (the year filter's "include undated", on by default).
        let mut cut = Filters { known_by: "2018-05-29".parse().ok(), ..Filters::default() };
        cut.provinces.insert("cn-shaanxi".into());
        let shaanxi = selection_scope(&d, &cut, None);
        assert_eq!(
            scope_words(&d, &shaanxi, Locale::En),
            "with the places under it; all kinds; up to 29 May 2018, and those with no known year"
        );
        assert_eq!(
            scope_words(&d, &shaanxi, Locale::Zh),
            "含下辖地区；所有类型；截至2018年5月29日及年份不详"
        );
        let dated_only = Filters { include_undated: false, ..cut.clone() };
        assert_eq!(
            scope_words(&d, &selection_scope(&d, &dated_only, None), Locale::En),
            "with the places under it; all kinds; up to 29 May 2018"
        );
        cut.years = crate::model::ask::filter::YearRange::new(2015, 2018);
        assert_eq!(
            scope_words(&d, &selection_scope(&d, &cut, None), Locale::Zh),
            "含下辖地区；所有类型；2015年起结好，截至2018年5月29日"
        );
        assert_eq!(
            scope_words(&d, &selection_scope(&d, &cut, None), Locale::En),
            "with the places under it; all kinds; begun in 2015 or later, up to 29 May 2018"
        );
        f.kinds.insert(Kind::Intent);
        f.countries.clear();
        assert_eq!(
            scope_words(&d, &selection_scope(&d, &f, None), Locale::Zh),
            "所选类型；全部年份"
        );
    }

    #[test]
    fn the_scope_of_a_count_decides_its_noun() {
        // 友城 is a formal friendship city: a count of every kind (Shaanxi's 106 ties: formal
        // ones, friendly-cooperation partners, letters of intent, unstated) takes the general
        // word, and only a count of formal ones says 友好城市.
        assert_eq!(
            pairs_with_countries(Kinds::Every, 106, 40, Locale::Zh),
            "106对友好关系，涉及40个国家"
        );
        assert_eq!(
            pairs_with_countries(Kinds::Formal, 46, 26, Locale::Zh),
            "46对友好城市，涉及26个国家"
        );
        assert_eq!(
            pairs_with_countries(Kinds::One(Kind::Sister), 2, 1, Locale::Zh),
            "2对友好城市，涉及1个国家"
        );
        assert_eq!(
            pairs_with_countries(Kinds::Established, 1, 1, Locale::En),
            "1 pair with 1 country"
        );
        assert_eq!(pairs_with_countries(Kinds::Every, 0, 0, Locale::En), "no partnerships");
        assert_eq!(pairs_with_countries(Kinds::Every, 0, 0, Locale::Zh), "没有友好关系");
        assert_eq!(n_ties(Kinds::One(Kind::Intent), 3, Locale::Zh), "3对友好关系");
        assert_eq!(n_ties(Kinds::Several, 3, Locale::Zh), "3对友好关系");
        assert_eq!(n_ties(Kinds::Formal, 3, Locale::Zh), "3对友好城市关系");
        assert_eq!(n_ties(Kinds::Formal, 1, Locale::En), "1 partnership");
        // No other Chinese string of the interface calls ties 友城: only the app's name, the
        // format's name and the words of the news reports (quoted, and the stories' terms).
        let names = [
            "app_name",
            "loading",
            "load_failed",
            "crashed_body",
            "p_too_deep",
            "p_not_partnership_json",
            "p_unknown_major",
            "page_title",
            "export_source",
            "title_with_scope",
            "own_data_help",
        ];
        for (key, text) in Locale::Zh.messages().entries() {
            if names.contains(&key) || key.starts_with("story") {
                continue;
            }
            assert!(!text.contains("友城"), "{key}: {text}");
        }
        // In English, "sister cities" names the formal kind only.
        for (key, text) in Locale::En.messages().entries() {
            if text.to_lowercase().contains("sister") && !key.starts_with("story") {
                assert!(
                    [
                        "kind_sister",
                        "scope_formal",
                        "apart_formal",
                        "reported_kind_sister",
                        "reported_level_state",
                        "reported_level_city",
                        "read_as_registry"
                    ]
                    .contains(&key),
                    "{key}: {text}"
                );
            }
        }
    }
}
