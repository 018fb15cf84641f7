//! Stories: each news report the project grew from, turned into a guided view. Every claim
//! of a report is a link that sets the filters answering it, with the reported figure and the
//! dataset's own answer side by side.

use crate::model::ask::filter::apply;
use crate::model::ask::query::{UrlState, parse};
use crate::model::format::dataset::{Dataset, PairIdx};
use crate::model::format::date::PartialDate;
use crate::model::i18n::messages::Messages;
use crate::model::i18n::{Locale, country_name, fill, kind_label, place_name};

/// The address a claim's link leads to from the current one: the claim's filters and view
/// replace the current ones; the language, the map's borders and centring, the data source
/// and the embedding options stay.
pub fn claim_state(current: &UrlState, claim_query: &str) -> UrlState {
    let (target, _) = parse(claim_query);
    UrlState {
        lang: current.lang,
        map_profile: current.map_profile,
        centre: current.centre,
        data: current.data.clone(),
        embed: current.embed,
        theme: current.theme,
        accent: current.accent.clone(),
        font: current.font.clone(),
        ..target
    }
}

/// How the dataset answers a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Pairs and partner countries under the claim's filters.
    Counts,
    /// One partnership: its date and type.
    Pair {
        /// Chinese place id.
        home: &'static str,
        /// Partner place id.
        partner: &'static str,
    },
    /// The partnerships established on one day.
    OnDate(&'static str),
    /// The earliest dated partnership under the filters.
    Earliest,
}

/// One claim of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The claim, in the UI language.
    pub text: &'static str,
    /// The address query that answers it.
    pub query: &'static str,
    /// The official figure it quotes, if any (an id of the dataset's reported figures).
    pub reported: Option<&'static str>,
    /// How the dataset answers.
    pub answer: Answer,
}

/// One report as a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Stable id.
    pub id: &'static str,
    /// Title in the UI language.
    pub title: &'static str,
    /// The report (a source id of the dataset).
    pub source: &'static str,
    /// The claims.
    pub claims: Vec<Claim>,
}

/// The stories, in the UI language.
pub fn stories(locale: Locale) -> Vec<Story> {
    let m: &Messages = locale.messages();
    vec![
        Story {
            id: "shaanxi-2018",
            title: m.story_shaanxi_title,
            source: "seed-000",
            claims: vec![
                Claim {
                    text: m.story_shaanxi_total,
                    query: "prov=cn-shaanxi&yr=1974-2018",
                    reported: Some("shaanxi-2018-established"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_shaanxi_first,
                    query: "prov=cn-shaanxi&tab=table&sort=est:asc",
                    reported: None,
                    answer: Answer::Earliest,
                },
                Claim {
                    text: m.story_shaanxi_recent,
                    query: "prov=cn-shaanxi&yr=2015-2018&undated=0",
                    reported: None,
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_xian_total,
                    query: "in=cn-xian&yr=1974-2018",
                    reported: Some("xian-2018-established"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_yanan_kansas,
                    query: "sel=cn-yanan",
                    reported: None,
                    answer: Answer::Pair { home: "cn-yanan", partner: "us-kansas-city" },
                },
                Claim {
                    text: m.story_yanan_trier,
                    query: "sel=cn-yanan&type=intent",
                    reported: None,
                    answer: Answer::Pair { home: "cn-yanan", partner: "de-trier" },
                },
                Claim {
                    text: m.story_shaanxi_central_asia,
                    query: "prov=cn-shaanxi&cty=KG,KZ,TJ,TM,UZ",
                    reported: None,
                    answer: Answer::Counts,
                },
            ],
        },
        Story {
            id: "shanxi-2025",
            title: m.story_shanxi_title,
            source: "seed-001",
            claims: vec![
                Claim {
                    text: m.story_shanxi_sister,
                    query: "prov=cn-shanxi&type=sister",
                    reported: Some("shanxi-2025-sister"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_shanxi_friendly,
                    query: "prov=cn-shanxi&type=friendly",
                    reported: Some("shanxi-2025-friendly"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_shanxi_bri,
                    query: "prov=cn-shanxi&type=sister&bri=now",
                    reported: Some("shanxi-2025-sister-bri"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_jincheng,
                    query: "sel=cn-jincheng",
                    reported: None,
                    answer: Answer::Pair {
                        home: "cn-jincheng",
                        partner: "za-sarah-baartman-district-municipality",
                    },
                },
            ],
        },
        Story {
            id: "hunan-2020",
            title: m.story_hunan_title,
            source: "seed-002",
            claims: vec![
                Claim {
                    text: m.story_hunan_all,
                    query: "prov=cn-hunan",
                    reported: None,
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_hunan_bri,
                    query: "prov=cn-hunan&bri=now",
                    reported: None,
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_hunan_africa,
                    query: "prov=cn-hunan&cont=AF",
                    reported: None,
                    answer: Answer::Counts,
                },
            ],
        },
        Story {
            id: "jinan-2023",
            title: m.story_jinan_title,
            source: "seed-003",
            claims: vec![
                Claim {
                    text: m.story_jinan_total,
                    query: "in=cn-jinan",
                    reported: Some("jinan-2023"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_licheng_cegled,
                    query: "sel=cn-licheng-jinan",
                    reported: None,
                    answer: Answer::Pair { home: "cn-licheng-jinan", partner: "hu-cegled" },
                },
            ],
        },
        Story {
            id: "sco-wuhan-2021",
            title: m.story_sco_title,
            source: "seed-004",
            claims: vec![
                Claim {
                    text: m.story_sco_national,
                    query: "yr=1970-2021",
                    reported: Some("china-2021-06"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_sco_pairs,
                    query: "sco=member,observer,dialogue_partner&scot=signing&yr=1970-2021",
                    reported: Some("china-2021-06-sco"),
                    answer: Answer::Counts,
                },
                Claim {
                    text: m.story_sco_signed,
                    query: "yr=2021-2021&undated=0&tab=table&sort=est:desc",
                    reported: None,
                    answer: Answer::OnDate("2021-06-02"),
                },
            ],
        },
    ]
}

/// The dataset's answer to a claim, as a sentence in the UI language.
pub fn answer(dataset: &Dataset, claim: &Claim, locale: Locale) -> String {
    let m = locale.messages();
    let (state, _) = parse(claim.query);
    let pairs = apply(dataset, &state.filters).pairs;
    let describe_pair = |p: PairIdx| {
        let pair = dataset.partnership(p);
        let date =
            pair.first_date().map(|d| locale.date(d)).unwrap_or_else(|| m.unknown_year.to_owned());
        fill(
            m.story_pair_answer,
            &[
                ("home", place_name(locale, dataset.place(pair.home))),
                ("partner", place_name(locale, dataset.place(pair.partner))),
                ("country", country_name(locale, dataset.country_of(pair.partner))),
                ("date", &date),
                ("type", kind_label(locale, pair.kind)),
            ],
        )
    };
    match claim.answer {
        Answer::Counts => {
            let h = crate::model::ask::aggregate::headline(dataset, &pairs);
            crate::model::i18n::pairs_with_countries(locale, h.pairs as u64, h.countries as u64)
        }
        Answer::Pair { home, partner } => {
            let found = dataset.place_by_id(home).and_then(|h| {
                dataset
                    .pairs_of(h)
                    .iter()
                    .copied()
                    .find(|p| dataset.place(dataset.partnership(*p).partner).id == partner)
            });
            match found {
                Some(p) => describe_pair(p),
                None => m.story_not_found.to_owned(),
            }
        }
        Answer::OnDate(text) => {
            let Ok(date) = text.parse::<PartialDate>() else { return m.story_not_found.to_owned() };
            let on_date: Vec<String> = dataset
                .pair_indices()
                .filter(|p| dataset.partnership(*p).established == Some(date))
                .map(describe_pair)
                .collect();
            fill(
                m.story_on_date_answer,
                &[("n", &on_date.len().to_string()), ("pairs", &on_date.join("; "))],
            )
        }
        Answer::Earliest => match pairs
            .iter()
            .copied()
            .filter(|p| dataset.partnership(*p).first_date().is_some())
            .min_by_key(|p| dataset.partnership(*p).first_date())
        {
            Some(p) => describe_pair(p),
            None => m.story_not_found.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;

    fn dataset() -> Dataset {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/partnerships.json"),
        )
        .expect("the bundled dataset");
        load(&text).expect("loads").dataset
    }

    #[test]
    fn every_claim_is_a_valid_query_and_names_real_records() {
        let d = dataset();
        for locale in [Locale::En, Locale::Zh] {
            for story in stories(locale) {
                assert!(
                    d.sources().iter().any(|s| s.id == story.source),
                    "{} cites {}",
                    story.id,
                    story.source
                );
                for claim in &story.claims {
                    let (_, notices) = parse(claim.query);
                    assert!(notices.is_empty(), "{}: {:?}", claim.query, notices);
                    if let Some(id) = claim.reported {
                        assert!(d.reported().iter().any(|r| r.id == id), "reported figure {id}");
                    }
                    let text = answer(&d, claim, locale);
                    assert!(
                        !text.contains(locale.messages().story_not_found),
                        "{}: {text}",
                        claim.query
                    );
                }
            }
        }
    }

    #[test]
    fn the_reports_are_answered_from_the_data() {
        let d = dataset();
        let all = stories(Locale::En);
        let claim = |story: usize, i: usize| answer(&d, &all[story].claims[i], Locale::En);
        assert!(
            claim(0, 1).starts_with("Xi'an – Nara (Japan), 1 February 1974"),
            "{}",
            claim(0, 1)
        );
        assert!(claim(0, 4).contains("Kansas City") && claim(0, 4).contains("2017"));
        assert!(claim(0, 5).contains("Trier") && claim(0, 5).contains("Letter of intent"));
        assert!(claim(1, 3).contains("Sarah Baartman") && claim(1, 3).contains("2010"));
        assert!(claim(3, 1).contains("Cegléd") && claim(3, 1).contains("year unknown"));
        let wuhan = claim(4, 2);
        assert!(wuhan.starts_with("3 partnerships"), "{wuhan}");
        for name in ["Changning District", "Chongzuo", "Suifenhe"] {
            assert!(wuhan.contains(name), "{name} in {wuhan}");
        }
    }

    #[test]
    fn a_claim_link_keeps_the_language_borders_data_and_embedding() {
        let (current, _) = crate::model::ask::query::parse(
            "prov=cn-jinan&lang=zh&map=neutral&data=my.json&embed=1",
        );
        let next = claim_state(&current, "prov=cn-shaanxi&yr=1974-2018&tab=map");
        let text = crate::model::ask::query::to_query(&next);
        assert_eq!(text, "prov=cn-shaanxi&yr=1974-2018&map=neutral&lang=zh&data=my.json&embed=1");
    }
}
