//! Every claim of the five reports against the bundled dataset.
//!
//! The expected figures below were counted by hand, with a small script written apart from
//! the app (it reads `public/data/partnerships.json` with its own date rule and its own
//! scope and programme tests), never copied from the app's output. When the dataset changes
//! (issue 25 adds pairs and dates), these numbers change: update the lines of `COUNTS` and
//! `PAIRS`, so the change shows as a diff of expected numbers, claim by claim.

use std::collections::BTreeSet;

use super::*;
use crate::model::ask::aggregate::headline;
use crate::model::ask::filter::apply;
use crate::model::ask::query::{Tab, parse, to_query};
use crate::model::format::dataset::Dataset;
use crate::model::format::date::PartialDate;
use crate::model::format::load::load;
use crate::model::i18n::{Locale, place_name};

fn dataset() -> Dataset {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
    )
    .expect("the bundled dataset");
    load(&text).expect("loads").dataset
}

/// What a count claim should find: the figures its link shows, and what it counts apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Expect {
    pairs: usize,
    countries: usize,
    partners: usize,
    undated: usize,
    straddling: usize,
    end_unknown: usize,
    untyped: usize,
}

const fn e(pairs: usize, countries: usize, partners: usize, undated: usize) -> Expect {
    Expect { pairs, countries, partners, undated, straddling: 0, end_unknown: 0, untyped: 0 }
}

/// Count claims: pairs, countries, partner places, undated (and, where any, the ties dated
/// only to a period containing the day, those ended at an unknown date, those of unstated type).
const COUNTS: &[(&str, Expect)] = &[
    ("shaanxi-established", Expect { untyped: 18, ..e(46, 26, 45, 6) }),
    ("shaanxi-intent", Expect { straddling: 1, ..e(3, 3, 3, 1) }),
    ("shaanxi-new", e(7, 5, 7, 26)),
    ("shaanxi-continents", e(55, 28, 54, 26)),
    ("shaanxi-central-asia", e(2, 2, 2, 1)),
    ("xian-partners", e(31, 23, 31, 12)),
    ("shanxi-sister", Expect { untyped: 8, ..e(22, 14, 22, 8) }),
    ("shanxi-friendly", Expect { untyped: 8, ..e(5, 5, 5, 2) }),
    ("shanxi-sister-bri", Expect { untyped: 6, ..e(11, 8, 11, 7) }),
    ("shanxi-friendly-bri", Expect { untyped: 6, ..e(2, 2, 2, 1) }),
    ("hunan-ties", e(43, 20, 42, 34)),
    ("hunan-bri", e(18, 10, 18, 15)),
    ("jinan-partners", Expect { straddling: 2, ..e(22, 18, 22, 14) }),
    (
        "china-total",
        // 1,003 of unstated type: every one of the scope, the one begun after the day too
        // (it was counted nowhere before, so the groups did not add up).
        Expect { straddling: 3, end_unknown: 4, untyped: 1003, ..e(1332, 98, 1150, 172) },
    ),
    // 156 of unstated type: the one begun after the day is among them now (see china-total).
    ("china-sco", Expect { straddling: 1, untyped: 156, ..e(172, 15, 137, 49) }),
];

/// Claims about named pairs: the partnership ids, and the English answer read off the data.
const PAIRS: &[(&str, &[&str], &str)] = &[
    (
        "xian-nara",
        &["a8t7mq"],
        "Xi'an – Nara, Japan · Sister city · 1 February 1974; \
         no tie of a place in Shaanxi is dated earlier in the dataset",
    ),
    (
        "yanan-kansas-city",
        &["ucgayu"],
        "Yan'an – Kansas City, United States of America · Sister city · 2017",
    ),
    ("yanan-trier", &["im23qs"], "Yan'an – Trier, Germany · Letter of intent · 2018"),
    (
        "jincheng-sarah-baartman",
        &["9mqbr4"],
        "Jincheng – Sarah Baartman District Municipality, South Africa · Sister city · 2010",
    ),
    (
        "licheng-cegled",
        &["y27ljd"],
        "Licheng District – Cegléd, Hungary · Type not stated · year unknown",
    ),
    ("forum-signings", &["9s2oje", "c624vl", "nq6rt7"], "3 pairs with 2 countries"),
];

/// Claims the dataset cannot check (it stores the reported figure, but has no list).
const UNCHECKED: &[&str] = &["shaanxi-approved", "shaanxi-contact"];

fn claims() -> Vec<Claim> {
    reports().into_iter().flat_map(|r| r.claims).collect()
}

fn claim(id: &str) -> Claim {
    claims().into_iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no claim {id}"))
}

#[test]
fn every_claim_has_a_hand_counted_expectation() {
    let listed: Vec<&str> = COUNTS
        .iter()
        .map(|(id, _)| *id)
        .chain(PAIRS.iter().map(|(id, ..)| *id))
        .chain(UNCHECKED.iter().copied())
        .collect();
    let ids: Vec<&str> = claims().iter().map(|c| c.id).collect();
    assert_eq!(ids.iter().collect::<BTreeSet<_>>(), listed.iter().collect::<BTreeSet<_>>());
    assert_eq!(ids.len(), listed.len(), "claim ids are unique");
    assert_eq!(ids.len(), 23);
}

#[test]
fn each_count_is_the_hand_count_in_the_claims_terms() {
    let d = dataset();
    for (id, want) in COUNTS {
        let claim = claim(id);
        let Check::Count(count) = &claim.check else { panic!("{id} counts") };
        let answer = answer(&d, &claim, Locale::En).expect("answered");
        let got = answer.figures;
        assert_eq!(
            (got.pairs, got.countries, got.partners),
            (want.pairs, want.countries, want.partners),
            "{id}"
        );
        let facets = apply(&d, &count.filters()).facets;
        let apart = (facets.undated, facets.on_date.straddling, facets.on_date.end_unknown);
        assert_eq!(apart, (want.undated, want.straddling, want.end_unknown), "{id}: apart");
        // The compared ties and the groups counted apart add up to every tie of the scope.
        let parts = crate::model::ask::official::split(&d, &count.filters());
        assert_eq!(parts.compared, apply(&d, &count.filters()).pairs, "{id}: compared");
        let scope = crate::model::ask::filter::Filters {
            kinds: Default::default(),
            include_undated: true,
            known_by: None,
            years: None,
            ..count.filters()
        };
        if !count.bri && count.sco.is_empty() && count.since.is_none() {
            assert_eq!(parts.total(), apply(&d, &scope).pairs.len(), "{id}: the groups add up");
        }
        // What is counted apart is said on the card, never silently left out.
        // A count of one kind says its groups' kind ("6 formal sister cities with no known
        // year"); a count of every established kind, the number alone.
        let said = answer.apart.clone().unwrap_or_default();
        let lead = |n: usize, of_kind: bool| {
            use crate::model::format::dataset::Kind;
            let (one, other) = match count.ties {
                _ if !of_kind => ("", ""),
                Ties::Only(Kind::Sister) => (" formal sister city", " formal sister cities"),
                Ties::Only(Kind::Friendly) => {
                    (" friendly-cooperation tie", " friendly-cooperation ties")
                }
                Ties::Only(Kind::Intent) => (" letter of intent", " letters of intent"),
                _ => ("", ""),
            };
            format!("{}{}", Locale::En.number(n as u64), if n == 1 { one } else { other })
        };
        for (n, what, of_kind) in [
            (want.undated, "with no known year", true),
            (want.straddling, "dated only to a year or month", true),
            (want.end_unknown, "ended at an unknown date", true),
            (want.untyped, "of unstated type", false),
        ] {
            let phrase = format!("{} {what}", lead(n, of_kind));
            assert_eq!(said.contains(&phrase), n > 0, "{id}: {phrase:?} in {said:?}");
        }
    }
}

#[test]
fn each_link_gives_the_cards_number() {
    let d = dataset();
    for claim in claims() {
        let Some(query) = claim_query(&d, &claim) else {
            // Only a claim the dataset cannot check, or one with nothing to show, has no link.
            let none = answer(&d, &claim, Locale::En).is_none_or(|a| a.figures.pairs == 0);
            assert!(none, "{} has a link", claim.id);
            continue;
        };
        let (state, notices) = parse(&query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(to_query(&state), query, "the link is canonical");
        let shown = headline(&d, &apply(&d, &state.filters).pairs);
        let card = answer(&d, &claim, Locale::Zh).expect("answered").figures;
        assert_eq!(
            (shown.pairs, shown.countries, shown.partner_places),
            (card.pairs, card.countries, card.partners),
            "{}: {query}",
            claim.id
        );
    }
}

#[test]
fn a_claim_reads_its_official_figure_as_the_headline_does() {
    let d = dataset();
    for claim in claims() {
        let Some(id) = claim.reported else { continue };
        let Check::Count(own) = &claim.check else { continue };
        let figure = d.reported().iter().find(|r| r.id == id).expect("the figure is in the data");
        let Some(kinds) = crate::model::ask::official::figure_kinds(figure.kind) else { continue };
        let read = claim_count(&d, &claim).expect("a count");
        // One reading per figure: the claim's own terms agree with it.
        assert_eq!(read.ties, own.ties, "{}", claim.id);
        assert_eq!(
            read.filters().kinds,
            crate::model::ask::official::kind_set(kinds),
            "{}: the kinds the headline counts",
            claim.id
        );
    }
    // Shaanxi's 88 counts formal friendship cities: the card and the headline after Show
    // compare the same ties, and give the same number.
    let claim = claim("shaanxi-established");
    let state = claim_target(&d, &claim).expect("a link");
    let c = crate::model::ask::official::compare(&d, &state.filters, None).expect("the figure");
    assert_eq!(c.figure.id, "shaanxi-2018-established");
    assert_eq!(c.counted, answer(&d, &claim, Locale::En).expect("answer").figures.pairs);
}

#[test]
fn a_card_with_nothing_to_show_gives_no_link() {
    // The bundled data now holds ties for every count claim (Shanxi's friendly partners on the
    // Belt and Road included), so a dataset without them shows the rule.
    let d = Dataset::default();
    let claim = claim("shanxi-friendly-bri");
    let a = answer(&d, &claim, Locale::En).expect("answered");
    assert_eq!(a.figures.pairs, 0);
    assert_eq!(a.text, "No such ties, so there is nothing to show");
    assert!(claim_target(&d, &claim).is_none());
    let zh = answer(&d, &claim, Locale::Zh).expect("answered");
    assert_eq!(zh.text, "没有这样的友好关系，无可查看");
}

#[test]
fn named_pairs_are_found_and_described() {
    let d = dataset();
    for (id, ids, text) in PAIRS {
        let claim = claim(id);
        let state = claim_target(&d, &claim).expect("a link");
        let want: BTreeSet<String> = ids.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(state.filters.only, want, "{id}");
        let answer = answer(&d, &claim, Locale::En).expect("answered");
        assert_eq!(answer.text, *text, "{id}");
        assert_eq!(answer.figures.pairs, ids.len(), "{id}");
        // One pair opens on the map with its panel; several on the table.
        match ids.len() {
            1 => assert_eq!(state.pair.as_deref(), Some(ids[0]), "{id}"),
            _ => assert_eq!(state.tab, Tab::Table, "{id}"),
        }
    }
    let forum = answer(&d, &claim("forum-signings"), Locale::En).expect("answered");
    assert_eq!(
        forum.items,
        [
            "Changning District – Savyetski District (Minsk), Belarus · Sister city · 2 June 2021",
            "Chongzuo – Rybinsk, Russia · Sister city · 2 June 2021",
            "Suifenhe – Pogranichny District (Primorsky Krai), Russia · Friendly cooperation · 2 June 2021",
        ]
    );
}

#[test]
fn answers_read_naturally_in_both_languages() {
    let d = dataset();
    let both = |id: &str| {
        let c = claim(id);
        (answer(&d, &c, Locale::En).expect("en"), answer(&d, &c, Locale::Zh).expect("zh"))
    };
    let (en, zh) = both("shaanxi-established");
    // Formal friendship cities, as the official figure of 88 reads (the headline too).
    assert_eq!(en.text, "46 pairs with 26 countries");
    assert_eq!(zh.text, "46对友好城市，涉及26个国家");
    let (en, zh) = both("shaanxi-continents");
    assert_eq!(
        en.text,
        "55 pairs with 28 countries, on 4 continents: Asia, Europe, North America and South America"
    );
    assert_eq!(
        en.apart.as_deref(),
        Some(
            "As of 29 May 2018, not counted: 26 with no known year; 18 begun after 29 May 2018; 7 letters of intent. \
             Ties with no known year add Africa and Oceania."
        )
    );
    assert_eq!(zh.text, "55对友好关系，涉及28个国家，分布在4个大洲：亚洲、欧洲、北美洲、南美洲");
    assert_eq!(
        zh.apart.as_deref(),
        Some(
            "截至2018年5月29日，未计入：年份不详的26对；2018年5月29日以后结好的18对；意向书7份。\
             年份不详的关系另涉及非洲、大洋洲。"
        )
    );
    let (en, zh) = both("shaanxi-central-asia");
    assert_eq!(
        en.text,
        "2 pairs with 2 countries: Turkmenistan and Uzbekistan; \
         none with Kazakhstan, Kyrgyzstan or Tajikistan"
    );
    assert_eq!(
        zh.text,
        "2对友好关系，涉及2个国家：土库曼斯坦、乌兹别克斯坦；与哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦尚无友好关系"
    );
    assert!(zh.text.ends_with("尚无友好关系"), "the sentence says what there is none of");
    let (en, zh) = both("xian-partners");
    assert_eq!(en.text, "31 partners in 23 countries (31 pairs)");
    assert_eq!(zh.text, "23个国家的31个外方伙伴（31对友好关系）");
    let (en, zh) = both("shaanxi-intent");
    assert_eq!(en.text, "3 letters of intent with 3 countries");
    assert_eq!(zh.text, "3份意向书，涉及3个国家");
    assert_eq!(
        en.apart.as_deref(),
        Some(
            "As of 29 May 2018, not counted: 1 letter of intent with no known year; 1 letter of \
             intent dated only to a year or month that includes 29 May 2018; 2 letters of intent \
             signed after 29 May 2018; 68 formal sister cities; 13 friendly-cooperation ties; 18 \
             of unstated type."
        )
    );
    assert_eq!(
        zh.apart.as_deref(),
        Some(
            "截至2018年5月29日，未计入：年份不详的意向书1份；\
             日期仅知年或月而无法判断是否早于2018年5月29日的意向书1份；\
             2018年5月29日之后签署的意向书2份；正式友好城市68对；友好合作关系13对；类型未注明的18对。"
        )
    );
    let (en, zh) = both("shanxi-friendly-bri");
    assert_eq!(
        (en.text.as_str(), zh.text.as_str()),
        ("2 partners in 2 countries (2 pairs)", "2个国家的2个外方伙伴（2对友好关系）")
    );
    let (en, zh) = both("china-total");
    assert!(en.text.starts_with("1,332 pairs with 98 countries, on 6 continents"), "{}", en.text);
    assert!(zh.text.starts_with("1332对友好城市，涉及98个国家，分布在6个大洲"), "{}", zh.text);
    let (en, zh) = both("china-sco");
    assert_eq!(en.also.as_deref(), Some("Member states alone: 121 pairs with 7 countries."));
    assert_eq!(zh.also.as_deref(), Some("仅计成员国：121对友好城市，涉及7个国家。"));
    // The partner's country stands beside its name, as on the sheet, never glued in front of it.
    let (en, zh) = both("yanan-kansas-city");
    assert_eq!(en.text, "Yan'an – Kansas City, United States of America · Sister city · 2017");
    assert_eq!(zh.text, "延安市—堪萨斯市（密苏里州） · 美国 · 友好城市 · 2017年");
}

/// True when `text` has ASCII punctuation between two Chinese characters (spaces aside).
fn ascii_punctuation_in_chinese(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。、；：（）“”".contains(c);
    for (i, c) in chars.iter().enumerate() {
        if ",.;:!?()[]\"'".contains(*c) {
            let before = chars[..i].iter().rev().find(|c| **c != ' ');
            let after = chars[i + 1..].iter().find(|c| **c != ' ');
            if before.is_some_and(|b| han(*b)) && after.is_some_and(|a| han(*a)) {
                return Some(chars[i.saturating_sub(4)..(i + 5).min(chars.len())].iter().collect());
            }
        }
    }
    None
}

#[test]
fn a_report_is_dated_in_the_ui_language_not_by_a_timestamp() {
    let shaanxi = &reports()[0];
    assert_eq!(
        shaanxi.source_text(Locale::En),
        "Published 30 May 2018 · Source: The Government Website of Shaanxi Province"
    );
    assert_eq!(shaanxi.source_text(Locale::Zh), "发布于2018年5月30日 · 来源：陕西省人民政府网");
    for report in reports() {
        for locale in Locale::ALL {
            let text = report.source_text(*locale);
            assert!(!text.contains('{') && !text.contains(":08"), "{text}");
        }
    }
}

#[test]
fn every_card_text_reads_as_written_in_its_language() {
    let d = dataset();
    let zh = Locale::Zh.messages();
    for report in reports() {
        for text in [(report.title)(zh), report.source_text(Locale::Zh).as_str()] {
            assert_eq!(ascii_punctuation_in_chinese(text), None, "{text}");
        }
        for claim in &report.claims {
            let mut texts = vec![(claim.quote)(zh).to_owned(), (claim.terms)(zh).to_owned()];
            if let Some(a) = answer(&d, claim, Locale::Zh) {
                texts.extend([a.text, a.apart.unwrap_or_default(), a.also.unwrap_or_default()]);
                texts.extend(a.items);
            }
            for text in texts {
                assert_eq!(ascii_punctuation_in_chinese(&text), None, "{}: {text}", claim.id);
                assert!(!text.contains("data/"), "{}: no repository path: {text}", claim.id);
            }
        }
    }
}

/// The places a claim names: its scope and its pairs' ends.
fn places_named(claim: &Claim) -> Vec<&'static str> {
    match &claim.check {
        Check::Count(Count { scope: Scope::Province(id) | Scope::PlaceAndBelow(id), .. }) => {
            vec![id]
        }
        Check::Pairs { pairs, .. } => pairs.iter().flat_map(|(h, p)| [*h, *p]).collect(),
        _ => Vec::new(),
    }
}

/// A Chinese name used short where the dataset writes it with its suffix ("陕西" for "陕西省").
fn short_form(text: &str, name: &str) -> bool {
    let Some(short) = name.strip_suffix(['省', '市', '区']) else { return false };
    short.chars().count() >= 2
        && text
            .match_indices(short)
            .any(|(i, _)| !text[i + short.len()..].starts_with(name.chars().last().unwrap_or(' ')))
}

#[test]
fn each_place_is_named_the_datasets_way_and_each_count_says_its_day() {
    let d = dataset();
    for locale in [Locale::En, Locale::Zh] {
        let m = locale.messages();
        for claim in claims() {
            let report = claims_report(&claim);
            let terms = (claim.terms)(m);
            // Our translation of a quote names places as the dataset does; the report's own
            // words (its original, or its own version in the other language) stay as they are.
            let ours = report.original != locale && !report.own_version;
            let translated = (claim.quote)(m);
            let pairs = matches!(&claim.check, Check::Pairs { .. });
            let one_pair = matches!(&claim.check, Check::Pairs { pairs, .. } if pairs.len() == 1);
            for id in places_named(&claim) {
                let place = d.place(d.place_by_id(id).unwrap_or_else(|| panic!("{id}")));
                let name = place_name(locale, place);
                if one_pair || !pairs {
                    assert!(terms.contains(name), "{} {locale:?}: {name} in {terms}", claim.id);
                }
                // A place with no Chinese name in the dataset is translated as the report names
                // it (the issue-25 name table will give it one).
                let has_own_name = locale == Locale::En || place.name_zh.is_some();
                if ours && pairs && has_own_name {
                    assert!(
                        translated.contains(name),
                        "{} {locale:?}: {name} in {translated}",
                        claim.id
                    );
                }
                if locale == Locale::Zh {
                    for text in [terms, translated, (report.title)(m)] {
                        assert!(
                            !short_form(text, name),
                            "{}: {name} written short in {text}",
                            claim.id
                        );
                    }
                }
            }
            if let Check::Count(count) = &claim.check {
                let day: PartialDate = count.by.parse().expect("a date");
                assert!(
                    terms.contains(&locale.date(day)),
                    "{}: {} in {terms}",
                    claim.id,
                    locale.date(day)
                );
            }
        }
    }
    assert!(short_form("陕西已与35个国家", "陕西省") && !short_form("陕西省已与", "陕西省"));
}

fn claims_report(claim: &Claim) -> Report {
    reports().into_iter().find(|r| r.claims.iter().any(|c| c.id == claim.id)).expect("a report")
}

#[test]
fn each_quote_states_the_figure_the_dataset_keeps_and_each_report_is_a_source() {
    let d = dataset();
    for report in reports() {
        assert!(d.sources().iter().any(|s| s.id == report.source), "{}", report.id);
        for claim in &report.claims {
            let Some(id) = claim.reported else { continue };
            let figure = d.reported().iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id}"));
            let original = (claim.quote)(report.original.messages());
            for n in [figure.pairs, figure.countries].into_iter().flatten() {
                let n = report.original.number(u64::from(n));
                assert!(original.contains(&n), "{}: {n} in {original}", claim.id);
            }
        }
    }
}

#[test]
fn a_claim_link_keeps_the_language_borders_data_and_embedding() {
    let (current, _) = parse("prov=cn-jinan&lang=zh&map=neutral&data=my.json&embed=1");
    let (target, _) = parse("prov=cn-shaanxi&by=2018-05-29&tab=table");
    let text = to_query(&claim_state(&current, &target));
    assert_eq!(
        text,
        "prov=cn-shaanxi&by=2018-05-29&map=neutral&lang=zh&tab=table&data=my.json&embed=1"
    );
}

#[test]
fn a_claim_whose_pair_is_missing_says_so_and_links_nowhere() {
    let d = Dataset::default();
    let c = claim("yanan-trier");
    assert_eq!(claim_target(&d, &c), None);
    let a = answer(&d, &c, Locale::En).expect("answered");
    // Its places are not in this dataset either: no name to give (ids are not words).
    assert_eq!(a.text, "not in the dataset");
    assert_eq!(a.figures, Figures::default());
}

/// The groups a count on a day leaves apart, with their hand counts (a script apart from the
/// app: every tie of the scope, its kind on the day, else its current kind; a kind not counted
/// first, then no year, a year or month containing the day, begun after, ended).
#[test]
fn the_headline_and_the_card_split_a_figures_ties_alike() {
    use crate::model::ask::official::{Apart, compare, split};
    use crate::model::format::dataset::Kind;
    use crate::model::show::describe::{apart_items, comparison_text};
    let d = dataset();
    let shaanxi = [
        (Apart::Undated, 6),
        (Apart::Later, 16),
        (Apart::Kind(Kind::Friendly), 13),
        (Apart::Kind(Kind::Intent), 7),
        (Apart::Kind(Kind::Unknown), 18),
    ];
    let china = [
        (Apart::Undated, 172),
        (Apart::Straddles, 3),
        (Apart::Later, 106),
        (Apart::Ended, 5),
        (Apart::EndUnknown, 4),
        (Apart::Kind(Kind::Friendly), 515),
        (Apart::Kind(Kind::Intent), 176),
        (Apart::Kind(Kind::Unknown), 1003),
    ];
    type Case<'a> = (&'a str, &'a str, usize, usize, &'a [(Apart, usize)]);
    let cases: [Case; 2] = [
        ("shaanxi-established", "shaanxi-2018-established", 46, 106, &shaanxi),
        ("china-total", "china-2021-06", 1332, 3316, &china),
    ];
    for (id, figure, compared, total, groups) in cases {
        let claim = claim(id);
        let state = claim_target(&d, &claim).expect("a link");
        let c = compare(&d, &state.filters, None).expect("the figure");
        assert_eq!(c.figure.id, figure, "{id}");
        assert_eq!((c.counted, c.total), (compared, total), "{id}");
        assert_eq!(c.apart, groups, "{id}");
        let sum: usize = groups.iter().map(|(_, n)| n).sum();
        assert_eq!(compared + sum, total, "{id}: the groups add up");
        // The card splits its own terms the same way.
        let count = claim_count(&d, &claim).expect("a count");
        let card_split = split(&d, &count.filters());
        assert_eq!((card_split.compared.len(), card_split.apart.as_slice()), (compared, groups));
        for &locale in Locale::ALL {
            let (_, headline) = comparison_text(&d, &c, locale);
            let headline = headline.expect("something is counted apart");
            let card = answer(&d, &claim, locale).expect("answered").apart.expect("apart");
            let kind = crate::model::show::describe::one_kind(&count.filters().kinds);
            let items = apart_items(groups, c.figure.as_of, kind, locale);
            assert_eq!(items.len(), groups.len());
            for item in items {
                assert!(headline.contains(&item), "{id} {locale:?}: {item:?} in {headline:?}");
                assert!(card.contains(&item), "{id} {locale:?}: {item:?} in {card:?}");
            }
        }
    }
    // In words, both languages (Shaanxi's, as the headline gives them).
    let c =
        compare(&d, &claim_target(&d, &claim("shaanxi-established")).expect("link").filters, None)
            .expect("figure");
    assert_eq!(
        comparison_text(&d, &c, Locale::En).1.as_deref(),
        Some(
            "not counted: 6 formal sister cities with no known year, 16 formal sister cities \
             begun after 29 May 2018, 13 friendly-cooperation ties, 7 letters of intent and 18 \
             of unstated type"
        )
    );
    assert_eq!(
        comparison_text(&d, &c, Locale::Zh).1.as_deref(),
        Some(
            "未计入：年份不详的正式友好城市6对、2018年5月29日以后结好的正式友好城市16对、\
             友好合作关系13对、意向书7份、类型未注明的18对"
        )
    );
}

/// A text with its punctuation in one form: the project writes Chinese with full-width commas
/// and brackets and every quotation with curly marks (nested ones single), where a report's text
/// may have ASCII ones; the words themselves are compared as they are.
fn punctuation_folded(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '“' | '”' | '‘' | '’' | '\'' => '"',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every quote in a report's own language (and in the other one when the report gives its own
/// version) is the report's wording: each part between ellipses is found in the report's text
/// (`data/raw/seeds/`, the document its source names). The Shanxi card quoted
/// “以及46个国家的117个友好合作伙伴” where the report writes “……和46个国家的117个友好合作伙伴”.
#[test]
fn each_quote_is_the_reports_own_wording() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw/seeds");
    for report in reports() {
        // The file is named in the curated sources table (the bundled dataset keeps no path).
        let table = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/sources.csv"),
        )
        .expect("the sources table");
        let row = table.lines().find(|l| l.starts_with(&format!("{},", report.source)));
        let document = row
            .and_then(|r| r.split(',').find(|f| f.ends_with(".txt")))
            .expect("the report's file");
        let text = std::fs::read_to_string(root.join(document)).expect("the report's text");
        let text = punctuation_folded(&text);
        let mut languages = vec![report.original];
        if report.own_version {
            languages.extend(Locale::ALL.iter().copied().filter(|l| *l != report.original));
        }
        for claim in &report.claims {
            for locale in &languages {
                let quote = (claim.quote)(locale.messages());
                let inner = quote.trim_start_matches('“').trim_end_matches('”');
                for part in inner.split('…').map(punctuation_folded) {
                    let part = part.trim();
                    if part.is_empty() {
                        continue;
                    }
                    assert!(
                        text.contains(part),
                        "{} {locale:?}: {part:?} not in {document}",
                        claim.id
                    );
                }
            }
        }
    }
}

/// Shaanxi's cards of the same day say the same number of ties begun after it: the "19 new"
/// card counts ties begun in 2015 or later, and every tie begun after 29 May 2018 was begun
/// after 2015 (1 later in 2018, 17 in 2019–2025, counted by hand from partnerships.json), so
/// it says 18 as the continents card does, never "1 begun after 29 May 2018".
#[test]
fn cards_of_one_place_and_day_say_the_same_later_ties() {
    let d = dataset();
    for id in ["shaanxi-new", "shaanxi-continents"] {
        let en = answer(&d, &claim(id), Locale::En).expect("answered").apart.expect("apart");
        assert!(en.contains("18 begun after 29 May 2018"), "{id}: {en}");
        let zh = answer(&d, &claim(id), Locale::Zh).expect("answered").apart.expect("apart");
        assert!(zh.contains("2018年5月29日以后结好的18对"), "{id}: {zh}");
    }
}

/// A count of one kind names the kind of the ties it leaves apart, in the headline and the
/// card alike: Shanxi's friendly-cooperation ties with no known year are not "2 with no known
/// year" beside a headline of every kind.
#[test]
fn groups_apart_from_a_count_of_one_kind_say_the_kind() {
    let d = dataset();
    let en = answer(&d, &claim("shanxi-friendly"), Locale::En).expect("answered").apart;
    let en = en.expect("apart");
    assert!(en.contains("2 friendly-cooperation ties with no known year"), "{en}");
    let zh = answer(&d, &claim("shanxi-friendly"), Locale::Zh).expect("answered").apart;
    let zh = zh.expect("apart");
    assert!(zh.contains("年份不详的友好合作关系2对"), "{zh}");
}

/// The headline at Shaanxi on the report's very day (?prov=cn-shaanxi&by=2018-05-29, the
/// page's own filters: every kind, the undated kept) compares the 2018 figure in its terms,
/// and gives the dataset's countries beside the figure's (the card's 46 with 26).
#[test]
fn the_headline_on_a_reports_day_compares_its_figure_with_countries() {
    use crate::model::ask::official::compare;
    use crate::model::show::describe::comparison_text;
    let d = dataset();
    let (state, _) = parse("prov=cn-shaanxi&by=2018-05-29");
    let c = compare(&d, &state.filters, None).expect("the figure of that day");
    assert_eq!(c.figure.id, "shaanxi-2018-established");
    assert_eq!((c.counted, c.countries), (46, 26));
    let (en, _) = comparison_text(&d, &c, Locale::En);
    assert!(en.starts_with("this dataset: 46 partnerships with 26 countries ("), "{en}");
    let (zh, _) = comparison_text(&d, &c, Locale::Zh);
    assert!(zh.starts_with("本数据集：46对友好城市关系，涉及26个国家（"), "{zh}");
}

/// The Shaanxi report's outlet is named as its source's note names it, in both languages:
/// the Stories tab said 陕西省人民政府网站 where the headline and data tab say 陕西省人民政府网.
#[test]
fn a_reports_outlet_is_named_as_its_source_names_it() {
    let d = dataset();
    let report = &reports()[0];
    let source = d.sources().iter().find(|s| s.id == report.source).expect("source");
    let note = source.note.as_ref().expect("a note");
    let zh = note.zh.as_deref().expect("zh");
    let outlet = |text: &str, sep: &str| text.split(sep).next().unwrap_or_default().to_owned();
    assert!(report.source_text(Locale::Zh).ends_with(&outlet(zh, "，")));
    assert!(report.source_text(Locale::En).ends_with(&outlet(&note.en, ", ")));
}

/// A translated sentence names a country once: the Chinese Yan'an card read
/// “美国记者埃德加·斯诺……的家乡美国堪萨斯市”, 美国 twice.
#[test]
fn a_translated_quote_does_not_repeat_its_country() {
    let quote = Locale::Zh.messages().story_yanan_kansas_city_quote;
    assert_eq!(quote.matches("美国").count(), 1, "{quote}");
}

/// A report's title is called the original only when it is in the report's language. Shanxi's
/// report is in Chinese and its page gives its title only in English: the Chinese page called
/// that English title "原文：" (the original), which the Chinese text is. Checked for all five.
#[test]
fn a_title_is_called_the_original_only_in_the_reports_language() {
    let want: [(&str, Option<&str>, Option<&str>); 5] = [
        ("shaanxi-2018", None, Some("原文：")),
        ("shanxi-2025", None, Some("报道页面只有英文标题：")),
        ("hunan-2020", None, Some("原文：")),
        ("jinan-2023", None, Some("原文：")),
        ("sco-forum-2021", None, Some("原文：")),
    ];
    let reports = reports();
    assert_eq!(reports.len(), want.len(), "every report is checked");
    for (id, en, zh) in want {
        let report = reports.iter().find(|r| r.id == id).expect(id);
        assert_eq!(report.title_label(Locale::En), en, "{id}: the English page");
        assert_eq!(report.title_label(Locale::Zh), zh, "{id}: the Chinese page");
    }
    // The Shanxi report's quotes are its own Chinese; its English version is marked as its own
    // rendering on the English page.
    let shanxi = reports.iter().find(|r| r.id == "shanxi-2025").expect("Shanxi");
    assert_eq!((shanxi.original, shanxi.own_version), (Locale::Zh, true));
}

/// A letter of intent is signed, never 结好 (a tie begun): the groups a card counts apart say
/// "signed after" / "之后签署的" for letters of intent, and no card's terms speak of a letter
/// that 结好 ("尚未正式结好的意向书"), in every card of both languages.
#[test]
fn letters_of_intent_are_signed_not_begun() {
    let d = dataset();
    let mut seen = 0;
    for claim in claims() {
        for locale in [Locale::En, Locale::Zh] {
            let Some(a) = answer(&d, &claim, locale) else { continue };
            let terms = (claim.terms)(locale.messages());
            let text =
                [a.text, a.apart.unwrap_or_default(), a.also.unwrap_or_default(), terms.into()]
                    .concat();
            for wrong in ["结好的意向书", "letters of intent begun", "letter of intent begun"]
            {
                assert!(!text.contains(wrong), "{}: {wrong:?} in {text:?}", claim.id);
            }
            seen += usize::from(text.contains("之后签署的意向书") || text.contains("signed after"));
        }
    }
    // Shaanxi's letters of intent signed after the report, in both languages.
    assert_eq!(seen, 2, "the check finds the Shaanxi card in both languages");
    let zh = answer(&d, &claim("shaanxi-intent"), Locale::Zh).expect("answered").apart;
    assert!(zh.expect("apart").contains("2018年5月29日之后签署的意向书2份"));
}

/// What a card counts apart is as the ties stood on its day (their kind then), and says so:
/// the 2021 card's 515 friendly-cooperation ties and 176 letters of intent are as of 2 June
/// 2021, beside charts of today's kinds (508 and 173), so the card says "As of 2 June 2021".
#[test]
fn the_groups_a_card_counts_apart_say_their_day() {
    let d = dataset();
    for claim in claims() {
        let Some(count) = claim_count(&d, &claim) else { continue };
        let day: PartialDate = count.by.parse().expect("a day");
        for (locale, start) in [
            (Locale::En, format!("As of {}, not counted: ", Locale::En.date(day))),
            (Locale::Zh, format!("截至{}，未计入：", Locale::Zh.date(day))),
        ] {
            let a = answer(&d, &claim, locale).expect("answered");
            if let Some(apart) = a.apart {
                assert!(apart.starts_with(&start), "{}: {apart:?}", claim.id);
            }
        }
    }
    let en = answer(&d, &claim("china-total"), Locale::En).expect("answered").apart;
    let en = en.expect("apart");
    assert!(en.starts_with("As of 2 June 2021, not counted: "), "{en}");
    assert!(en.contains("515 friendly-cooperation ties; 176 letters of intent"), "{en}");
    let zh = answer(&d, &claim("china-total"), Locale::Zh).expect("answered").apart;
    assert!(zh.expect("apart").starts_with("截至2021年6月2日，未计入："));
}

/// The data tab's table of official figures: each number with the report's qualifier ("more
/// than 2,800" was shown as an exact "2,800"), in its own unit (Shaanxi's 15 cities in contact
/// were "Pairs 15"; Xi'an's 31 cities, Shanxi's 67 local governments), and what each row counts
/// named apart (Shandong's 89 province–state pairs and 677 city pairs were both "Sister
/// cities"). Read off data/curated/reported.csv and the reports' words.
#[test]
fn the_official_figures_table_says_each_figures_qualifier_unit_and_level() {
    use crate::model::show::rows::reported_row;
    let d = dataset();
    let row = |id: &str, locale: Locale| {
        let r = d.reported().iter().find(|r| r.id == id).expect(id);
        let [_, _, what, number, countries] = reported_row(&d, r, locale);
        (what, number, countries)
    };
    let s = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    let cases = [
        (
            "china-2021-06",
            s("Sister cities", "more than 2,800 pairs", "more than 130"),
            s("友好城市", "2800多对", "130多"),
        ),
        (
            "shandong-2026-states",
            s("Sister provinces and states", "89 pairs", ""),
            s("友好省州", "89对", ""),
        ),
        (
            "shandong-2026-cities",
            s("Sister cities (city to city)", "677 pairs", ""),
            s("友好城市（城市之间）", "677对", ""),
        ),
        ("shandong-2026-countries", s("Sister cities", "", "109"), s("友好城市", "", "109")),
        (
            "shaanxi-2018-contact",
            s("Previously in contact", "15 cities", ""),
            s("此前已有接触", "15个城市", ""),
        ),
        (
            "xian-2018-established",
            s("All relationships", "31 cities", "26"),
            s("全部友好关系", "31个城市", "26"),
        ),
        (
            "shanxi-2025-sister",
            s("Sister cities", "67 local governments", "32"),
            s("友好城市", "67个地方政府", "32"),
        ),
        (
            "shanxi-2025-sister-bri",
            s("Sister cities · BRI", "40 cities", "26"),
            s("友好城市 · “一带一路”", "40个城市", "26"),
        ),
        (
            "shaanxi-2018-established",
            s("Sister cities", "88 pairs", "35"),
            s("友好城市", "88对", "35"),
        ),
    ];
    for (id, en, zh) in cases {
        assert_eq!(row(id, Locale::En), en, "{id}");
        assert_eq!(row(id, Locale::Zh), zh, "{id}");
    }
}

/// The 2021 national figure keeps its "more than" wherever it is shown: the headline's figure
/// and a story card's citation, in both languages ("2800多对" as Chinese writes it, never
/// "超过2,800对").
#[test]
fn an_official_figure_keeps_its_qualifier_everywhere() {
    use crate::model::show::describe::{reported_citation, reported_headline, reported_line};
    let d = dataset();
    let r = d.reported().iter().find(|r| r.id == "china-2021-06").expect("the 2021 figure");
    assert_eq!(
        reported_headline(r, Locale::En).as_deref(),
        Some("more than 2,800 pairs with more than 130 countries")
    );
    assert_eq!(reported_headline(r, Locale::Zh).as_deref(), Some("2800多对，涉及130多个国家"));
    assert!(reported_citation(r, Locale::Zh).starts_with("2800多对、涉及130多个国家"));
    assert!(
        reported_line(r, Locale::En)
            .ends_with("more than 2,800 pairs, partners in more than 130 countries")
    );
    let xian = d.reported().iter().find(|r| r.id == "xian-2018-established").expect("Xi'an");
    assert_eq!(reported_headline(xian, Locale::En).as_deref(), Some("31 cities with 26 countries"));
    assert_eq!(reported_headline(xian, Locale::Zh).as_deref(), Some("31个城市，涉及26个国家"));
}

/// A figure of cities is not a number of pairs: the headline after the Xi'an card's link gives
/// the dataset's count beside "31 cities" with no percentage of them (it said "holds 129 %").
#[test]
fn a_figure_of_cities_gives_no_share_of_pairs() {
    use crate::model::ask::official::compare;
    let d = dataset();
    let state = claim_target(&d, &claim("xian-partners")).expect("a link");
    let c = compare(&d, &state.filters, None).expect("the Xi'an figure");
    assert_eq!(c.figure.id, "xian-2018-established");
    assert_eq!(c.percent(), None);
    let state = claim_target(&d, &claim("shaanxi-established")).expect("a link");
    let c = compare(&d, &state.filters, None).expect("the Shaanxi figure");
    assert!(c.percent().is_some(), "a figure of pairs is compared");
}
