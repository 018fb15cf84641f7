//! The rows and headings the panels show, every cell already in words in the UI language: a
//! place's heading and partners, one partnership's facts, a row of the partnership table, a
//! search suggestion, an official figure. The UI only lays them out.

use super::counted::counted;
use super::describe::{reported_count, reported_number};
use crate::model::ask::filter::Filters;
use crate::model::ask::scope::{
    Reach, Scope, among_shown, country_count, main_reach, place_count, place_reaches,
};
use crate::model::ask::search::Hit;
use crate::model::format::dataset::{Dataset, Kind, PairIdx, PlaceIdx, ReportedFigure, SourceIdx};
use crate::model::i18n::{
    Locale, country_name, kind_label, level_label, other_name, pair_status_label, place_name,
    reported_what, status_label,
};

/// A place's heading: its name, its name in the other language, its local-script name, and
/// level · places above it · country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceHeading {
    /// Name in the UI language.
    pub name: String,
    /// Name in the other language, if known.
    pub other: Option<String>,
    /// Name in the local script, if known.
    pub local: Option<String>,
    /// "Prefecture-level city · Shaanxi · China".
    pub facts: String,
}

/// The heading of a place.
pub fn place_heading(dataset: &Dataset, place: PlaceIdx, locale: Locale) -> PlaceHeading {
    let p = dataset.place(place);
    let mut parts = vec![level_label(locale, p.level).to_owned()];
    parts.extend(dataset.ancestors(place).map(|a| place_name(locale, dataset.place(a)).to_owned()));
    parts.push(country_name(locale, dataset.country(p.country)).to_owned());
    let name = place_name(locale, p).to_owned();
    let other = other_name(locale, p).filter(|o| *o != name).map(str::to_owned);
    // The local name only when it says something new (Nara's 奈良市 is its Chinese name too).
    let local = p.name_local.clone().filter(|l| *l != name && Some(l) != other.as_ref());
    PlaceHeading { name, other, local, facts: parts.join(" · ") }
}

/// A place's counts in the sheet, each with its scope: its own ties among the pairs on show
/// (and with the places under it, when it has any), then, when filters or the playback narrow
/// them, the same counts over the whole dataset.
pub fn place_counts(
    dataset: &Dataset,
    place: PlaceIdx,
    shown: &[PairIdx],
    filters: &Filters,
    play_year: Option<i32>,
    locale: Locale,
) -> Vec<String> {
    let mut out: Vec<String> = place_reaches(dataset, place, Some(shown))
        .into_iter()
        .map(|(reach, n)| counted(dataset, n, &among_shown(reach, filters, play_year), locale))
        .collect();
    if among_shown(Reach::Own, filters, play_year) != Scope::whole(Reach::Own) {
        out.extend(
            place_reaches(dataset, place, None)
                .into_iter()
                .map(|(reach, n)| counted(dataset, n, &Scope::whole(reach), locale)),
        );
    }
    out
}

/// One partner of a place, as its panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerRow {
    /// The partnership's id (choosing the row selects it).
    pub pair_id: String,
    /// The other side's name.
    pub other: String,
    /// The other side's country, unless its name already begins with it (a name is never
    /// shown as "日本京都府 · 日本").
    pub country: Option<String>,
    /// When it began, or "year unknown".
    pub date: String,
    /// Its type.
    pub kind: &'static str,
    /// Its sources.
    pub sources: Vec<SourceIdx>,
}

/// A place's partnerships among `shown` (sorted by index), oldest first; those with no known
/// date come after the dated ones.
pub fn partner_rows(
    dataset: &Dataset,
    place: PlaceIdx,
    shown: &[PairIdx],
    locale: Locale,
) -> Vec<PartnerRow> {
    let mut pairs: Vec<PairIdx> = dataset
        .pairs_of(place)
        .iter()
        .copied()
        .filter(|p| shown.binary_search(p).is_ok())
        .collect();
    pairs.sort_by_key(|p| {
        let date = dataset.partnership(*p).first_date();
        (date.is_none(), date, dataset.partnership(*p).id.clone())
    });
    pairs
        .into_iter()
        .map(|p| {
            let pair = dataset.partnership(p);
            let other = if pair.home == place { pair.partner } else { pair.home };
            let name = place_name(locale, dataset.place(other));
            let country = country_name(locale, dataset.country(dataset.place(other).country));
            PartnerRow {
                pair_id: pair.id.clone(),
                other: name.to_owned(),
                country: beside(name, country),
                date: date_or_unknown(pair.first_date(), locale),
                kind: kind_label(locale, pair.kind),
                sources: pair.sources.clone(),
            }
        })
        .collect()
}

/// A country to show after a name: none when the name already begins with it.
pub fn beside(name: &str, country: &str) -> Option<String> {
    (!country.is_empty() && !name.starts_with(country)).then(|| country.to_owned())
}

fn date_or_unknown(
    date: Option<crate::model::format::date::PartialDate>,
    locale: Locale,
) -> String {
    date.map(|d| locale.date(d)).unwrap_or_else(|| locale.messages().unknown_year.to_owned())
}

/// Everything the sources say about one partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairFacts {
    /// "Xi'an – Nara".
    pub title: String,
    /// The partner's country.
    pub country: String,
    /// Type, status, established.
    pub kind: &'static str,
    /// Status.
    pub status: String,
    /// When it began, or "year unknown".
    pub established: String,
    /// When it ended, if it did.
    pub ended: Option<String>,
    /// Earlier stages: "Friendly cooperation: 2015".
    pub history: Vec<String>,
    /// A note from the data, in parts each marked with its language ([`note_parts`]).
    pub note: Vec<NotePart>,
    /// Values other sources give differently, in words, with their sources.
    pub alternatives: Vec<(String, Vec<SourceIdx>)>,
    /// The home place's id and the partner's (to show their partners).
    pub ends: (String, String),
    /// The words of the buttons that show them, each worded by what its sheet counts
    /// ([`place_button`]).
    pub end_buttons: (String, String),
    /// What contradicts the pair, in the UI language (the English when no Chinese is
    /// given), and the contrary source.
    pub disputed: Option<(String, Option<SourceIdx>)>,
}

/// One part of a pair's note, as the sources wrote it, with its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotePart {
    /// The words, whole (a part is never cut inside brackets).
    pub text: String,
    /// Its language as an HTML `lang` value, told by its script: "zh" (Chinese characters),
    /// "ja" (kana), "ko" (hangul), else "en".
    pub lang: &'static str,
}

/// A pair's note in parts: the builder joins the notes of several sources with "; ", and a
/// note copied from a Chinese, Japanese or Korean source is shown as data in its language
/// (marked with `lang`), never as words of the interface. Parts are split only outside
/// brackets, so none is cut mid-phrase.
pub fn note_parts(note: &str) -> Vec<NotePart> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    let mut push = |text: &str| {
        let text = text.trim();
        if !text.is_empty() {
            parts.push(NotePart { text: text.to_owned(), lang: script_lang(text) });
        }
    };
    for (i, c) in note.char_indices() {
        match c {
            '(' | '（' | '[' | '【' | '《' | '“' => depth += 1,
            ')' | '）' | ']' | '】' | '》' | '”' => depth -= 1,
            ';' if depth <= 0 && note[i + 1..].starts_with(' ') => {
                push(&note[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&note[start..]);
    parts
}

/// The language a text is written in, told by its script.
fn script_lang(text: &str) -> &'static str {
    let any = |range: &[std::ops::RangeInclusive<char>]| {
        text.chars().any(|c| range.iter().any(|r| r.contains(&c)))
    };
    if any(&['\u{3040}'..='\u{30ff}']) {
        "ja"
    } else if any(&['\u{ac00}'..='\u{d7af}', '\u{1100}'..='\u{11ff}']) {
        "ko"
    } else if any(&['\u{4e00}'..='\u{9fff}', '\u{3400}'..='\u{4dbf}']) {
        "zh"
    } else {
        "en"
    }
}

/// The longest name a narrow column keeps on one line: a Chinese name of up to eight
/// characters (天津市, 圣彼得堡市, 内蒙古自治区) never breaks inside, where a browser may
/// break Chinese between any two characters (天/津/市, one per line); a longer one may wrap.
pub const WHOLE_NAME_CHARS: usize = 8;

/// The class a name's text takes in a table, chart or card column: `"nowrap"` when it is
/// kept whole ([`WHOLE_NAME_CHARS`]), else none.
pub fn name_class(name: &str) -> &'static str {
    if name.chars().count() <= WHOLE_NAME_CHARS { "nowrap" } else { "" }
}

/// A date as the pieces a narrow column may wrap between, each kept whole: "1973年6月24日" as
/// "1973年" and "6月24日" (a browser would break Chinese anywhere, "1973年6月24 / 日"); a date
/// with spaces ("24 June 1973") wraps between its words and stays one piece.
pub fn date_pieces(date: &str) -> Vec<&str> {
    match date.find('年') {
        Some(i) if i + '年'.len_utf8() < date.len() => {
            let cut = i + '年'.len_utf8();
            vec![&date[..cut], &date[cut..]]
        }
        _ => vec![date],
    }
}

/// The words of a button that opens a place's sheet, by what the sheet counts
/// ([`main_reach`]): "Partners of Shaanxi and the places under it" for a place with places
/// under it (a province, a city with districts), "Partners of Xi'an" for one without.
pub fn place_button(dataset: &Dataset, place: PlaceIdx, locale: Locale) -> String {
    let m = locale.messages();
    let words = match main_reach(dataset, place) {
        Reach::WithPlacesUnder => m.show_place_partners_under,
        _ => m.show_place_partners,
    };
    crate::model::i18n::fill(words, &[("place", place_name(locale, dataset.place(place)))])
}

/// The facts of a partnership.
pub fn pair_facts(dataset: &Dataset, pair: PairIdx, locale: Locale) -> PairFacts {
    let p = dataset.partnership(pair);
    let (home, partner) = (dataset.place(p.home), dataset.place(p.partner));
    let history = p
        .history
        .iter()
        .map(|s| format!("{}: {}", kind_label(locale, s.kind), date_or_unknown(s.date, locale)))
        .collect();
    let alternatives = p
        .alternatives
        .iter()
        .map(|a| {
            let value = match a.field.as_str() {
                "est" | "ended" => a.value.parse().map(|d| locale.date(d)).ok(),
                "type" => Kind::parse(&a.value).map(|k| kind_label(locale, k).to_owned()),
                _ => None,
            };
            (value.unwrap_or_else(|| a.value.clone()), a.sources.clone())
        })
        .collect();
    PairFacts {
        title: format!("{} – {}", place_name(locale, home), place_name(locale, partner)),
        country: country_name(locale, dataset.country(partner.country)).to_owned(),
        kind: kind_label(locale, p.kind),
        status: pair_status_label(locale, p.status, p.disputed.is_some()),
        established: match p.established {
            Some(d) if p.established_derived => crate::model::i18n::fill(
                locale.messages().date_derived,
                &[("date", &locale.date(d))],
            ),
            other => date_or_unknown(other, locale),
        },
        ended: p.ended.map(|d| locale.date(d)),
        history,
        note: p.note.as_deref().map(|n| note_parts(&locale.dates_in_text(n))).unwrap_or_default(),
        alternatives,
        ends: (home.id.clone(), partner.id.clone()),
        end_buttons: (
            place_button(dataset, p.home, locale),
            place_button(dataset, p.partner, locale),
        ),
        disputed: p.disputed.as_ref().map(|d| {
            let text = match locale {
                Locale::Zh => d.zh.as_deref().unwrap_or(&d.en),
                Locale::En => &d.en,
            };
            (locale.dates_in_text(text), d.source)
        }),
    }
}

/// One row of the partnership table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// The partnership's id.
    pub id: String,
    /// Chinese place.
    pub home: String,
    /// Its province (empty when unknown).
    pub province: String,
    /// Partner.
    pub partner: String,
    /// Partner country.
    pub country: String,
    /// Type.
    pub kind: &'static str,
    /// Status.
    pub status: &'static str,
    /// First date in the reader's language ("1 February 1974", "1974年2月1日"), or "year
    /// unknown".
    pub date: String,
    /// Sources.
    pub sources: Vec<SourceIdx>,
    /// A source contradicts the pair.
    pub disputed: bool,
}

/// A partnership as a row of the table.
pub fn table_row(dataset: &Dataset, pair: PairIdx, locale: Locale) -> TableRow {
    let p = dataset.partnership(pair);
    let place = |i: PlaceIdx| place_name(locale, dataset.place(i)).to_owned();
    TableRow {
        id: p.id.clone(),
        home: place(p.home),
        province: dataset.province_of(p.home).map(place).unwrap_or_default(),
        partner: place(p.partner),
        country: country_name(locale, dataset.country(dataset.place(p.partner).country)).to_owned(),
        kind: kind_label(locale, p.kind),
        status: status_label(locale, p.status),
        date: date_or_unknown(p.first_date(), locale),
        sources: p.sources.clone(),
        disputed: p.disputed.is_some(),
    }
}

/// A search suggestion: the name (with the other language's) and what it is, with the count
/// its profile shows ("Japan · 2 partnerships (the place's own ties; all kinds; all years)", "Country ·
/// 296 partnerships (with places in Japan; …)").
pub fn suggestion(dataset: &Dataset, hit: Hit, locale: Locale) -> (String, String) {
    let m = locale.messages();
    match hit {
        Hit::Place(p) => {
            let place = dataset.place(p);
            let name = place_name(locale, place);
            let other = other_name(locale, place).filter(|o| *o != name).unwrap_or_default();
            let country = country_name(locale, dataset.country(place.country));
            let reach = main_reach(dataset, p);
            let n = place_count(dataset, p, reach, None);
            (
                format!("{name} {other}").trim().to_owned(),
                format!("{country} · {}", counted(dataset, n, &Scope::whole(reach), locale)),
            )
        }
        Hit::Country(c) => {
            let n = country_count(dataset, c, None);
            let count = counted(dataset, n, &Scope::whole(Reach::InCountry(c)), locale);
            (
                country_name(locale, dataset.country(c)).to_owned(),
                format!("{} · {count}", m.country_word),
            )
        }
    }
}

/// An official figure as a row of the data panel's table: scope, date, what it counts, its
/// number in its own unit, countries.
pub fn reported_row(dataset: &Dataset, r: &ReportedFigure, locale: Locale) -> [String; 5] {
    let m = locale.messages();
    let scope = match r.scope {
        Some(p) => place_name(locale, dataset.place(p)).to_owned(),
        None => m.scope_national.to_owned(),
    };
    // The number in its own unit and with its qualifier ("more than 2,800 pairs", "15 cities"),
    // the countries with the qualifier too ("more than 130" / "130多").
    let number = reported_count(r, locale).unwrap_or_default();
    let countries = r.countries.map(|n| reported_number(r, n, locale)).unwrap_or_default();
    [scope, locale.date(r.as_of), reported_what(locale, r), number, countries]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[test]
    fn a_pairs_buttons_say_whose_partners_they_show() {
        let d = fixture();
        let at = |id: &str| d.place_by_id(id).expect(id);
        // A province and a municipality count the places under them; a prefecture with none
        // under it, a district and a foreign city count their own.
        for (id, en, zh) in [
            (
                "cn-shaanxi",
                "Partners of Shaanxi and the places under it",
                "陕西及下辖地方的结好伙伴",
            ),
            (
                "cn-shanghai",
                "Partners of Shanghai and the places under it",
                "上海及下辖地方的结好伙伴",
            ),
            ("cn-xian", "Partners of Xi'an", "西安的结好伙伴"),
            // The fixture gives Nara no Chinese name: its name is the English one.
            ("jp-nara", "Partners of Nara", "Nara的结好伙伴"),
        ] {
            assert_eq!(place_button(&d, at(id), Locale::En), en);
            assert_eq!(place_button(&d, at(id), Locale::Zh), zh);
        }
        let nara = d.pair_by_id("p-xian-nara").expect("pair");
        let facts = pair_facts(&d, nara, Locale::Zh);
        assert_eq!(facts.end_buttons, ("西安的结好伙伴".to_owned(), "Nara的结好伙伴".to_owned()));
        let sovetsky = d.pair_by_id("p-changning-sovetsky").expect("pair");
        let facts = pair_facts(&d, sovetsky, Locale::En);
        assert!(!facts.end_buttons.0.contains("under it"), "a district: {:?}", facts.end_buttons);
    }

    #[test]
    fn a_places_partners_run_oldest_first_with_the_undated_last() {
        let d = fixture();
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let yanan = d.place_by_id("cn-yanan").expect("Yan'an");
        let rows = partner_rows(&d, yanan, &all, Locale::En);
        let names: Vec<&str> = rows.iter().map(|r| r.other.as_str()).collect();
        assert_eq!(names, ["Kansas City, Missouri", "Trier"], "2017 before 2018");
        let shanghai = d.place_by_id("cn-shanghai").expect("Shanghai");
        let rows = partner_rows(&d, shanghai, &all, Locale::Zh);
        assert_eq!(rows[0].date, "年份不详");
        // Only the shown pairs are listed.
        assert!(partner_rows(&d, yanan, &all[..1], Locale::En).is_empty());
    }

    #[test]
    fn a_name_is_never_doubled_nor_followed_by_a_country_it_already_says() {
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(
                r#""en": "Nara", "local": "奈良市""#,
                r#""en": "Nara", "zh": "奈良市", "local": "奈良市""#,
            )
            .replace(r#""en": "Trier""#, r#""en": "Trier", "zh": "德国特里尔""#);
        let d = load(&text).expect("fixture").dataset;
        // Nara's local name is its Chinese name: said once ("奈良市 · 奈良市" before).
        let nara = d.place_by_id("jp-nara").expect("Nara");
        for locale in [Locale::En, Locale::Zh] {
            let h = place_heading(&d, nara, locale);
            assert_eq!(h.local, None, "{locale:?}");
            assert_ne!(h.other.as_deref(), Some(h.name.as_str()));
        }
        // A name that begins with its country is not followed by it again.
        let yanan = d.place_by_id("cn-yanan").expect("Yan'an");
        let all: Vec<PairIdx> = d.pair_indices().collect();
        let rows = partner_rows(&d, yanan, &all, Locale::Zh);
        let trier = rows.iter().find(|r| r.other == "德国特里尔").expect("Trier");
        assert_eq!(trier.country, None);
        assert_eq!(beside("奈良市", "日本").as_deref(), Some("日本"));
        assert_eq!(beside("日本京都府", "日本"), None);
    }

    #[test]
    fn headings_and_table_rows_speak_the_ui_language() {
        let d = fixture();
        let xian = d.place_by_id("cn-xian").expect("Xi'an");
        let heading = place_heading(&d, xian, Locale::Zh);
        assert_eq!((heading.name.as_str(), heading.other.as_deref()), ("西安", Some("Xi'an")));
        assert!(heading.facts.ends_with("陕西 · 中国"), "{}", heading.facts);
        let pair = d.pair_by_id("p-xian-nara").expect("pair");
        let row = table_row(&d, pair, Locale::En);
        assert_eq!((row.home.as_str(), row.province.as_str()), ("Xi'an", "Shaanxi"));
        assert_eq!((row.partner.as_str(), row.country.as_str()), ("Nara", "Japan"));
        assert_eq!(row.date, "1974");
        // A full date reads in the reader's language, never as ISO (2021-06-02).
        let minsk = d.pair_by_id("p-changning-sovetsky").expect("pair");
        assert_eq!(table_row(&d, minsk, Locale::Zh).date, "2021年6月2日");
        assert_eq!(table_row(&d, minsk, Locale::En).date, "2 June 2021");
        let facts = pair_facts(&d, pair, Locale::En);
        assert_eq!(facts.title, "Xi'an – Nara");
        assert_eq!(facts.ends, ("cn-xian".to_owned(), "jp-nara".to_owned()));
    }

    #[test]
    fn a_short_name_is_kept_whole_in_a_narrow_column() {
        for short in ["天津市", "圣彼得堡市", "内蒙古自治区", "新西伯利亚州市区", "Nara"]
        {
            assert_eq!(name_class(short), "nowrap", "{short}");
        }
        // A longer name may wrap rather than widen a phone's table past its screen.
        for long in ["巴彦淖尔市乌拉特前旗", "Kansas City (Missouri)"] {
            assert_eq!(name_class(long), "", "{long}");
        }
    }

    #[test]
    fn a_date_the_sources_work_out_says_so() {
        let text = include_str!("../../../tests/fixtures/small.json")
            .replace(r#""est": "1974", "src""#, r#""est": "1974", "est_basis": "derived", "src""#);
        let d = load(&text).expect("fixture").dataset;
        let pair = d.pair_by_id("p-xian-nara").expect("pair");
        assert_eq!(
            pair_facts(&d, pair, Locale::En).established,
            "1974 (worked out from the source, e.g. an anniversary)"
        );
        assert_eq!(
            pair_facts(&d, pair, Locale::Zh).established,
            "1974年（据来源推算，如周年纪念）"
        );
        assert_eq!(pair_facts(&fixture(), pair, Locale::En).established, "1974");
    }

    #[test]
    fn suggestions_and_official_rows_describe_what_they_are() {
        let d = fixture();
        let jp = d.country_by_iso("JP").expect("JP");
        assert!(suggestion(&d, Hit::Country(jp), Locale::En).1.starts_with("Country · "));
        let xian = d.place_by_id("cn-xian").expect("Xi'an");
        let (main, detail) = suggestion(&d, Hit::Place(xian), Locale::En);
        assert_eq!(main, "Xi'an 西安");
        // The count says what it counts (it was "1 partner", with no scope).
        assert_eq!(detail, "China · 1 partnership (the place's own ties; all kinds; all years)");
        let (_, detail) = suggestion(&d, Hit::Country(jp), Locale::En);
        assert_eq!(detail, "Country · 1 partnership (with places in Japan; all kinds; all years)");
        let shaanxi = d.place_by_id("cn-shaanxi").expect("Shaanxi");
        let (_, detail) = suggestion(&d, Hit::Place(shaanxi), Locale::Zh);
        assert_eq!(detail, "中国 · 3对友好关系（含下辖地区；所有类型；全部年份）");
        let national = d.reported().iter().find(|r| r.scope.is_none()).expect("a national figure");
        let row = reported_row(&d, national, Locale::En);
        // The fixture's figure is "more than" 2,800 pairs and 130 countries: the row says so
        // (it asserted a bare "2,800" and "130", the fault of issue 24's official figures).
        assert_eq!(row[3], "more than 2,800 pairs");
        assert_eq!(row[4], "more than 130");
    }

    #[test]
    fn a_note_from_a_chinese_source_is_marked_chinese_and_never_cut_inside_brackets() {
        let parts = note_parts(
            "first friendship city of Shaanxi province (Government Website of Shaanxi \
             Province; 2018-05-30); 结好签字时间",
        );
        assert_eq!(
            parts,
            [
                NotePart {
                    text: "first friendship city of Shaanxi province (Government Website of \
                           Shaanxi Province; 2018-05-30)"
                        .to_owned(),
                    lang: "en",
                },
                NotePart { text: "结好签字时间".to_owned(), lang: "zh" },
            ]
        );
        assert_eq!(note_parts("提携日の根拠: 友好都市締結議定書調印の日")[0].lang, "ja");
        assert_eq!(note_parts("우호도시")[0].lang, "ko");
        assert_eq!(note_parts("批准时间 (approval date)")[0].lang, "zh");
        assert!(note_parts(" ").is_empty());
    }

    #[test]
    fn a_date_wraps_only_after_its_year() {
        assert_eq!(date_pieces("1973年6月24日"), ["1973年", "6月24日"]);
        assert_eq!(date_pieces("1979年9月"), ["1979年", "9月"]);
        assert_eq!(date_pieces("1980年"), ["1980年"]);
        assert_eq!(date_pieces("24 June 1973"), ["24 June 1973"]);
        assert_eq!(date_pieces(""), [""]);
    }
}
