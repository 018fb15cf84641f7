//! The five news reports the atlas grew from (`data/raw/seeds/`), claim by claim, in the order
//! each report makes them: every figure, pair and date a report states about friendship ties,
//! with the terms the dataset answers it in. The words (quotes, their translations, what is
//! counted) are in the string catalogue; the terms are here.

use super::terms::{Check, Claim, Count, Detail, Report, Scope, Ties};
use crate::model::format::dataset::{Kind, ScoStatus};
use crate::model::i18n::Locale;

/// The five Central Asian countries (the Shaanxi report's "five-nation friendship cities").
const CENTRAL_ASIA: &[&str] = &["KZ", "KG", "TJ", "TM", "UZ"];
/// Every SCO standing: what "SCO countries" reads as when the report does not say.
const SCO_ALL: &[ScoStatus] = &[ScoStatus::Member, ScoStatus::Observer, ScoStatus::DialoguePartner];

/// A count of ties in force on a day (the common case: every established type, no other filter).
const fn count(scope: Scope, by: &'static str) -> Count {
    Count {
        scope,
        by,
        ties: Ties::Established,
        since: None,
        countries: &[],
        bri: false,
        sco: &[],
        detail: Detail::Pairs,
        also: None,
    }
}

/// Formal friendship cities: what a report's 友好城市 ("friendship city ties", "sister city
/// relations") counts; the same reading as its official figure's (`official::figure_kinds`).
const FORMAL: Ties = Ties::Only(Kind::Sister);

const SHAANXI: Scope = Scope::Province("cn-shaanxi");
const SHANXI: Scope = Scope::Province("cn-shanxi");
const HUNAN: Scope = Scope::Province("cn-hunan");
/// The day of the Shaanxi report to the provincial people's congress ("the morning of May 29th";
/// published 30 May 2018).
const SHAANXI_DAY: &str = "2018-05-29";
/// The Shanxi report's day of publication ("截至目前").
const SHANXI_DAY: &str = "2025-02-27";
/// The SCO forum ("June 2"; the 20th anniversary of the SCO it mentions was in 2021).
const FORUM_DAY: &str = "2021-06-02";

/// The reports, in the order of their files.
pub fn reports() -> Vec<Report> {
    vec![shaanxi(), shanxi(), hunan(), jinan(), sco_forum()]
}

fn shaanxi() -> Report {
    Report {
        id: "shaanxi-2018",
        source: "seed-000",
        title: |m| m.story_shaanxi_2018_title,
        source_line: |m| m.story_shaanxi_2018_source,
        published: Some("2018-05-30"),
        original: Locale::En,
        title_original: Locale::En,
        own_version: false,
        claims: vec![
            Claim {
                id: "shaanxi-established",
                quote: |m| m.story_shaanxi_established_quote,
                terms: |m| m.story_shaanxi_established_terms,
                reported: Some("shaanxi-2018-established"),
                check: Check::Count(Count { ties: FORMAL, ..count(SHAANXI, SHAANXI_DAY) }),
            },
            Claim {
                id: "shaanxi-approved",
                quote: |m| m.story_shaanxi_approved_quote,
                terms: |m| m.story_shaanxi_approved_terms,
                reported: Some("shaanxi-2018-approved"),
                check: Check::Unchecked,
            },
            Claim {
                id: "shaanxi-intent",
                quote: |m| m.story_shaanxi_intent_quote,
                terms: |m| m.story_shaanxi_intent_terms,
                reported: Some("shaanxi-2018-intent"),
                check: Check::Count(Count {
                    ties: Ties::Only(Kind::Intent),
                    ..count(SHAANXI, SHAANXI_DAY)
                }),
            },
            Claim {
                id: "shaanxi-contact",
                quote: |m| m.story_shaanxi_contact_quote,
                terms: |m| m.story_shaanxi_contact_terms,
                reported: Some("shaanxi-2018-contact"),
                check: Check::Unchecked,
            },
            Claim {
                id: "xian-nara",
                quote: |m| m.story_xian_nara_quote,
                terms: |m| m.story_xian_nara_terms,
                reported: None,
                check: Check::Pairs {
                    pairs: &[("cn-xian", "jp-nara")],
                    earliest_in: Some("cn-shaanxi"),
                },
            },
            Claim {
                id: "shaanxi-new",
                quote: |m| m.story_shaanxi_new_quote,
                terms: |m| m.story_shaanxi_new_terms,
                reported: None,
                check: Check::Count(Count { since: Some(2015), ..count(SHAANXI, SHAANXI_DAY) }),
            },
            Claim {
                id: "shaanxi-continents",
                quote: |m| m.story_shaanxi_continents_quote,
                terms: |m| m.story_shaanxi_continents_terms,
                reported: None,
                check: Check::Count(Count {
                    detail: Detail::Continents,
                    ..count(SHAANXI, SHAANXI_DAY)
                }),
            },
            Claim {
                id: "shaanxi-central-asia",
                quote: |m| m.story_shaanxi_central_asia_quote,
                terms: |m| m.story_shaanxi_central_asia_terms,
                reported: None,
                check: Check::Count(Count {
                    countries: CENTRAL_ASIA,
                    detail: Detail::CountriesOf,
                    ..count(SHAANXI, "2017-08")
                }),
            },
            Claim {
                id: "xian-partners",
                quote: |m| m.story_xian_partners_quote,
                terms: |m| m.story_xian_partners_terms,
                reported: Some("xian-2018-established"),
                check: Check::Count(Count {
                    detail: Detail::Partners,
                    ..count(Scope::PlaceAndBelow("cn-xian"), SHAANXI_DAY)
                }),
            },
            Claim {
                id: "yanan-kansas-city",
                quote: |m| m.story_yanan_kansas_city_quote,
                terms: |m| m.story_yanan_kansas_city_terms,
                reported: None,
                check: Check::Pairs { pairs: &[("cn-yanan", "us-kansas-city")], earliest_in: None },
            },
            Claim {
                id: "yanan-trier",
                quote: |m| m.story_yanan_trier_quote,
                terms: |m| m.story_yanan_trier_terms,
                reported: None,
                check: Check::Pairs { pairs: &[("cn-yanan", "de-trier")], earliest_in: None },
            },
        ],
    }
}

fn shanxi() -> Report {
    let partners = |ties: Ties, bri: bool| Count {
        ties,
        bri,
        detail: Detail::Partners,
        ..count(SHANXI, SHANXI_DAY)
    };
    Report {
        id: "shanxi-2025",
        source: "seed-001",
        title: |m| m.story_shanxi_2025_title,
        source_line: |m| m.story_shanxi_2025_source,
        published: Some("2025-02-27"),
        original: Locale::Zh,
        title_original: Locale::En,
        own_version: true,
        claims: vec![
            Claim {
                id: "shanxi-sister",
                quote: |m| m.story_shanxi_sister_quote,
                terms: |m| m.story_shanxi_sister_terms,
                reported: Some("shanxi-2025-sister"),
                check: Check::Count(partners(Ties::Only(Kind::Sister), false)),
            },
            Claim {
                id: "shanxi-friendly",
                quote: |m| m.story_shanxi_friendly_quote,
                terms: |m| m.story_shanxi_friendly_terms,
                reported: Some("shanxi-2025-friendly"),
                check: Check::Count(partners(Ties::Only(Kind::Friendly), false)),
            },
            Claim {
                id: "shanxi-sister-bri",
                quote: |m| m.story_shanxi_sister_bri_quote,
                terms: |m| m.story_shanxi_sister_bri_terms,
                reported: Some("shanxi-2025-sister-bri"),
                check: Check::Count(partners(Ties::Only(Kind::Sister), true)),
            },
            Claim {
                id: "shanxi-friendly-bri",
                quote: |m| m.story_shanxi_friendly_bri_quote,
                terms: |m| m.story_shanxi_friendly_bri_terms,
                reported: Some("shanxi-2025-friendly-bri"),
                check: Check::Count(partners(Ties::Only(Kind::Friendly), true)),
            },
            Claim {
                id: "jincheng-sarah-baartman",
                quote: |m| m.story_jincheng_sarah_baartman_quote,
                terms: |m| m.story_jincheng_sarah_baartman_terms,
                reported: None,
                check: Check::Pairs {
                    pairs: &[("cn-jincheng", "za-sarah-baartman-district-municipality")],
                    earliest_in: None,
                },
            },
        ],
    }
}

fn hunan() -> Report {
    /// The meeting ("On April 2"; published 3 April 2020).
    const MEETING: &str = "2020-04-02";
    Report {
        id: "hunan-2020",
        source: "seed-002",
        title: |m| m.story_hunan_2020_title,
        source_line: |m| m.story_hunan_2020_source,
        published: Some("2020-04-03"),
        original: Locale::En,
        title_original: Locale::En,
        own_version: false,
        claims: vec![
            Claim {
                id: "hunan-ties",
                quote: |m| m.story_hunan_ties_quote,
                terms: |m| m.story_hunan_ties_terms,
                reported: None,
                check: Check::Count(count(HUNAN, MEETING)),
            },
            Claim {
                id: "hunan-bri",
                quote: |m| m.story_hunan_bri_quote,
                terms: |m| m.story_hunan_bri_terms,
                reported: None,
                check: Check::Count(Count { bri: true, ..count(HUNAN, MEETING) }),
            },
        ],
    }
}

fn jinan() -> Report {
    Report {
        id: "jinan-2023",
        source: "seed-003",
        title: |m| m.story_jinan_2023_title,
        source_line: |m| m.story_jinan_2023_source,
        published: None,
        original: Locale::En,
        title_original: Locale::En,
        own_version: false,
        claims: vec![
            Claim {
                id: "jinan-partners",
                quote: |m| m.story_jinan_partners_quote,
                terms: |m| m.story_jinan_partners_terms,
                reported: Some("jinan-2023"),
                check: Check::Count(Count {
                    detail: Detail::Partners,
                    ..count(Scope::PlaceAndBelow("cn-jinan"), "2023-04-19")
                }),
            },
            Claim {
                id: "licheng-cegled",
                quote: |m| m.story_licheng_cegled_quote,
                terms: |m| m.story_licheng_cegled_terms,
                reported: None,
                check: Check::Pairs {
                    pairs: &[("cn-licheng-jinan", "hu-cegled")],
                    earliest_in: None,
                },
            },
        ],
    }
}

fn sco_forum() -> Report {
    /// "SCO countries" read as the member states alone (the other reading of the claim).
    static MEMBERS: Count = Count {
        scope: Scope::Whole,
        by: FORUM_DAY,
        ties: FORMAL,
        since: None,
        countries: &[],
        bri: false,
        sco: &[ScoStatus::Member],
        detail: Detail::Pairs,
        also: None,
    };
    Report {
        id: "sco-forum-2021",
        source: "seed-004",
        title: |m| m.story_sco_2021_title,
        source_line: |m| m.story_sco_2021_source,
        published: None,
        original: Locale::En,
        title_original: Locale::En,
        own_version: false,
        claims: vec![
            Claim {
                id: "china-total",
                quote: |m| m.story_china_total_quote,
                terms: |m| m.story_china_total_terms,
                reported: Some("china-2021-06"),
                check: Check::Count(Count {
                    ties: FORMAL,
                    detail: Detail::Continents,
                    ..count(Scope::Whole, FORUM_DAY)
                }),
            },
            Claim {
                id: "china-sco",
                quote: |m| m.story_china_sco_quote,
                terms: |m| m.story_china_sco_terms,
                reported: Some("china-2021-06-sco"),
                check: Check::Count(Count {
                    ties: FORMAL,
                    sco: SCO_ALL,
                    also: Some((|m| m.story_china_sco_also, &MEMBERS)),
                    ..count(Scope::Whole, FORUM_DAY)
                }),
            },
            Claim {
                id: "forum-signings",
                quote: |m| m.story_forum_signings_quote,
                terms: |m| m.story_forum_signings_terms,
                reported: None,
                check: Check::Pairs {
                    pairs: &[
                        ("cn-changning-shanghai", "by-savyetski-district-minsk"),
                        ("cn-chongzuo", "ru-rybinsk"),
                        ("cn-suifenhe-mudanjiang", "ru-pogranichny-district-primorsky-krai"),
                    ],
                    earliest_in: None,
                },
            },
        ],
    }
}
