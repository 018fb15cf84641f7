//! Lists as offices keep them: the rules that read a foreign-affairs office's or a
//! researcher's spreadsheet — which row is the header (under a title such as
//! 陕西省国际友好城市一览表), what each column holds (中方城市, 外方城市, 国别, 结好时间 …, or
//! their English, Japanese and Korean equivalents), dates as officials write them (1974.2.1,
//! 1984年4月5日, 2015.9, 昭和49年) and the kinds of tie (友好城市, 友好交流, 意向书 …).
//!
//! ```
//! use youcheng::model::read::officials::{column_role, official_date, tie_kind};
//! use youcheng::model::format::dataset::Kind;
//! assert_eq!(column_role("结好时间"), Some("established"));
//! assert_eq!(official_date("1974.2.1").map(|d| d.to_string()).as_deref(), Some("1974-02-01"));
//! assert_eq!(tie_kind("友好交流"), Some(Kind::Friendly));
//! ```

use crate::model::format::dataset::Kind;
use crate::model::format::date::PartialDate;
use crate::model::format::text::fold;

/// Header words for each template column, compared folded ([`fold`]: case, spaces and punctuation ignored).
const ROLES: &[(&str, &[&str])] = &[
    (
        "chinese_place",
        &[
            "中方城市",
            "中方",
            "我方城市",
            "国内城市",
            "中方地区",
            "中方省市",
            "chinesecity",
            "chinesecityname",
            "chineseside",
            "chineseplace",
            "chinacity",
            "中国側",
            "中国側都市",
            "중국도시",
        ],
    ),
    (
        "partner",
        &[
            "外方城市",
            "外方",
            "友城",
            "对方城市",
            "友好城市",
            "外方省州",
            "外国城市",
            "结好城市",
            "partnercity",
            "partner",
            "sistercity",
            "foreigncity",
            "twincity",
            "partnercityname",
            "日本側",
            "日本側都市",
            "姉妹都市",
            "자매도시",
            "외국도시",
        ],
    ),
    (
        "partner_country",
        &["国家", "国别", "所在国", "外方国家", "国名", "country", "partnercountry", "国", "국가"],
    ),
    (
        "established",
        &[
            "结好时间",
            "缔结时间",
            "签约时间",
            "结好日期",
            "建立时间",
            "结好年份",
            "时间",
            "日期",
            "date",
            "established",
            "since",
            "dateestablished",
            "year",
            "提携年月日",
            "締結日",
            "체결일",
        ],
    ),
    ("type", &["类型", "关系", "结好类型", "关系类型", "type", "relationship", "kind", "提携種別"]),
    ("note", &["备注", "说明", "note", "notes", "remarks", "備考", "비고"]),
    ("source", &["来源", "出处", "source"]),
];

/// The template column a header cell names, if any (a 序号 or "No." column names none; a bare
/// "City" or 城市 names none either: it could be either side, and a guess would swap them).
pub fn column_role(cell: &str) -> Option<&'static str> {
    let key = fold(cell);
    if key.is_empty() {
        return None;
    }
    ROLES.iter().find(|(_, words)| words.contains(&key.as_str())).map(|(role, _)| *role)
}

/// The header row among the first rows of a table: the first whose cells name a Chinese-side
/// and a partner column (offices put a title row, and often a blank row, above it).
pub fn header_row<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> Option<usize> {
    rows.iter().take(20).position(|row| {
        let roles: Vec<&str> =
            row.as_ref().iter().filter_map(|c| column_role(c.as_ref())).collect();
        roles.contains(&"chinese_place") && roles.contains(&"partner")
    })
}

/// The role a column's content shows when its header word does not: mostly country names
/// (`is_country`) → `partner_country`, mostly dates → `established`. "Mostly" is at least four
/// in five of the non-empty cells, and at least two cells.
pub fn column_by_content<S: AsRef<str>>(
    values: &[S],
    is_country: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    let cells: Vec<&str> =
        values.iter().map(|v| v.as_ref().trim()).filter(|v| !v.is_empty()).collect();
    if cells.len() < 2 {
        return None;
    }
    let mostly = |n: usize| n * 5 >= cells.len() * 4;
    let dates = cells
        .iter()
        .filter(|c| {
            c.parse::<PartialDate>().is_ok() || official_date(c).is_some() || is_year_last(c)
        })
        .count();
    if mostly(cells.iter().filter(|c| is_country(c)).count()) {
        Some("partner_country")
    } else if mostly(dates) {
        Some("established")
    } else {
        None
    }
}

/// Japanese eras: (kanji, Latin initial, first year).
const ERAS: &[(&str, char, i32)] = &[
    ("明治", 'M', 1868),
    ("大正", 'T', 1912),
    ("昭和", 'S', 1926),
    ("平成", 'H', 1989),
    ("令和", 'R', 2019),
];

/// A date as officials write it, at the precision printed: `1974.2.1`, `1974.02.01`,
/// `1974/2/1`, `1974-2-1`, `1974年2月1日`, `1974年2月`, `1974年`, `2015.9`, and Japanese era
/// forms (`昭和49年`, `S49.2.1`, `平成3年`, `H3`, `令和2年`, `平成元年`). Day-first forms
/// (`01/02/1974`) are not guessed.
pub fn official_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if let Some(date) = excel_serial(text) {
        return Some(date);
    }
    let (era_start, rest) = match ERAS.iter().find_map(|(kanji, initial, start)| {
        text.strip_prefix(kanji)
            .or_else(|| text.strip_prefix(*initial))
            .or_else(|| text.strip_prefix(initial.to_ascii_lowercase()))
            .map(|rest| (*start, rest))
    }) {
        Some((start, rest)) => (Some(start), rest.replacen('元', "1", 1)),
        None => (None, text.to_owned()),
    };
    let parts: Vec<&str> =
        rest.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let numbers: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let (first, tail) = numbers.split_first()?;
    let year = match era_start {
        Some(start) if (1..=64).contains(first) => start + i32::try_from(*first).ok()? - 1,
        Some(_) => return None,
        // A four-digit year comes first; 01/02/1974 is left to the caller to report.
        None if parts[0].len() == 4 => i32::try_from(*first).ok()?,
        None => return None,
    };
    match tail {
        [] => PartialDate::year_only(year).ok(),
        [m] => PartialDate::year_month(year, *m).ok(),
        [m, d] => PartialDate::ymd(year, *m, *d).ok(),
        _ => None,
    }
}

/// An Excel date serial as a spreadsheet exports a date cell (`27061` is 1974-02-01): whole
/// numbers from 10,000 to 80,000 (1927 to 2119), days since 1899-12-30 (Excel's 1900 system,
/// whose phantom 29 February 1900 lies before this range).
fn excel_serial(text: &str) -> Option<PartialDate> {
    let digits = text.strip_suffix(".0").unwrap_or(text);
    if digits.len() != 5 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let serial: i64 = digits.parse().ok()?;
    if !(10_000..=80_000).contains(&serial) {
        return None;
    }
    // Days from 1970-01-01, then the civil date (Howard Hinnant's days_from_civil inverse).
    let z = serial - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
    let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
    PartialDate::ymd(year, month, day).ok()
}

/// A date written with the year last (`01/02/1974`, `1.2.1974`): its two leading numbers.
fn year_last(text: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> =
        text.trim().split(['/', '.', '-']).map(str::trim).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() == 4 => {
            Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
        }
        _ => None,
    }
}

/// The order a file writes day and month in when it puts the year last, told from the file
/// itself: `Some(true)` day first (a first number over 12 somewhere, as in 25/12/1990),
/// `Some(false)` month first (a second number over 12), `None` when nothing tells (or the file
/// contradicts itself).
pub fn day_first<S: AsRef<str>>(values: &[S]) -> Option<bool> {
    let (mut day_first, mut month_first) = (false, false);
    for (a, b, _) in values.iter().filter_map(|v| year_last(v.as_ref())) {
        day_first |= a > 12 && b <= 12;
        month_first |= b > 12 && a <= 12;
    }
    match (day_first, month_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A year-last date read in the file's order (see [`day_first`]).
pub fn year_last_date(text: &str, day_first: bool) -> Option<PartialDate> {
    let (a, b, year) = year_last(text)?;
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    PartialDate::ymd(year, month, day).ok()
}

/// True when a text is a year-last date whose order the file does not tell.
pub fn is_year_last(text: &str) -> bool {
    year_last(text).is_some()
}

/// Administrative words a Chinese list may add after a place's name (西安市, 明尼苏达州),
/// longest first. 区 and 县 are not among them: 长宁区 is not 长宁县.
const NAME_SUFFIXES: [&str; 8] = ["特别行政区", "自治州", "地区", "省", "市", "州", "盟", "都"];

/// The forms a place's name may be matched by, as written first: 西安市 → 西安;
/// 济南市历城区 → 历城区; 陕西省西安市 → 西安市, 西安; 明尼苏达州 → 明尼苏达. A shorter form is only tried when the name as
/// written is not known.
pub fn name_forms(name: &str) -> Vec<String> {
    let name = name.trim();
    let mut forms = vec![name.to_owned()];
    // Parents written before the name (陕西省西安市, 济南市历城区): what follows each 省 or 市.
    for (i, c) in name.char_indices().filter(|(_, c)| matches!(c, '省' | '市')) {
        let tail = &name[i + c.len_utf8()..];
        if tail.chars().count() >= 2 {
            forms.push(tail.to_owned());
        }
    }
    let stems: Vec<String> = forms
        .iter()
        .filter_map(|f| NAME_SUFFIXES.iter().find_map(|s| f.strip_suffix(s)))
        .filter(|stem| stem.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    for stem in stems {
        if !forms.contains(&stem) {
            forms.push(stem);
        }
    }
    forms
}

/// The kind of tie a list's word names: 友好城市 / 友好省州 / 姐妹城市 / 姉妹都市 / sister →
/// sister; 友好合作关系 / 友好交流 / 友好交往 / friendly → friendly; 意向书 / 备忘录 / letter of
/// intent → intent. Anything else is not a kind (the caller keeps the word).
pub fn tie_kind(text: &str) -> Option<Kind> {
    let t = fold(text);
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if any(&["意向", "备忘录", "intent", "memorandum", "mou"]) {
        Some(Kind::Intent)
    } else if any(&[
        "友好合作",
        "友好交流",
        "友好交往",
        "合作关系",
        "friendly",
        "cooperation",
        "友好協力",
        "交流",
    ]) {
        Some(Kind::Friendly)
    } else if any(&[
        "友好城市",
        "友好省",
        "友好州",
        "友城",
        "姐妹",
        "姉妹",
        "sister",
        "friendshipcity",
        "자매",
    ]) {
        Some(Kind::Sister)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_with_or_without_their_suffix_and_parent() {
        let cases: [(&str, &[&str]); 9] = [
            ("西安市", &["西安市", "西安"]),
            ("西安", &["西安"]),
            ("济南市历城区", &["济南市历城区", "历城区"]),
            ("长宁区", &["长宁区"]),
            ("明尼苏达州", &["明尼苏达州", "明尼苏达"]),
            ("陕西省", &["陕西省", "陕西"]),
            ("陕西省西安市", &["陕西省西安市", "西安市", "陕西省西安", "西安"]),
            ("奈良市", &["奈良市", "奈良"]),
            ("Kansas City", &["Kansas City"]),
        ];
        for (name, forms) in cases {
            assert_eq!(name_forms(name), *forms, "{name}");
        }
    }

    fn date(text: &str) -> Option<String> {
        official_date(text).map(|d| d.to_string())
    }

    #[test]
    fn dates_as_officials_write_them_keep_their_precision() {
        for (text, expected) in [
            ("1974.2.1", "1974-02-01"),
            ("1974.02.01", "1974-02-01"),
            ("1974/2/1", "1974-02-01"),
            ("1974-2-1", "1974-02-01"),
            ("1984年4月5日", "1984-04-05"),
            ("1974年2月", "1974-02"),
            ("1974年", "1974"),
            ("2015.9", "2015-09"),
            ("昭和49年", "1974"),
            ("S49.2.1", "1974-02-01"),
            ("平成3年", "1991"),
            ("H3", "1991"),
            ("令和2年", "2020"),
            ("平成元年", "1989"),
            ("27061", "1974-02-01"),
            ("29218.0", "1979-12-29"),
            ("45292", "2024-01-01"),
        ] {
            assert_eq!(date(text).as_deref(), Some(expected), "{text}");
        }
        // Not guessed: day first, impossible dates, words.
        for text in ["01/02/1974", "1974.13.1", "1974.2.30", "sometime", "昭和70年"] {
            assert_eq!(date(text), None, "{text}");
        }
    }

    #[test]
    fn header_words_name_their_columns_in_four_languages() {
        for (cell, role) in [
            ("中方城市", "chinese_place"),
            ("我方城市", "chinese_place"),
            ("Chinese city", "chinese_place"),
            ("外方城市", "partner"),
            ("友好城市", "partner"),
            ("Partner city", "partner"),
            ("国别", "partner_country"),
            ("所在国", "partner_country"),
            ("Country", "partner_country"),
            ("结好时间", "established"),
            ("Date established", "established"),
            ("Since", "established"),
            ("签约时间", "established"),
            ("关系", "type"),
            ("Relationship", "type"),
            ("提携年月日", "established"),
            ("备注", "note"),
        ] {
            assert_eq!(column_role(cell), Some(role), "{cell}");
        }
        assert_eq!(column_role("序号"), None);
        assert_eq!(column_role("No."), None);
    }

    #[test]
    fn a_column_without_a_known_word_is_told_by_its_content() {
        let country = |c: &str| ["日本", "美国", "Japan", "US"].contains(&c);
        assert_eq!(column_by_content(&["日本", "美国", "日本"], country), Some("partner_country"));
        assert_eq!(
            column_by_content(&["1974.2.1", "1980", "", "2015.9"], country),
            Some("established")
        );
        assert_eq!(column_by_content(&["Xi'an", "Nara", "1974"], country), None);
        assert_eq!(column_by_content(&["日本"], country), None, "one cell tells nothing");
    }

    #[test]
    fn the_header_is_found_under_a_title_and_a_blank_row() {
        let rows = vec![
            vec!["陕西省国际友好城市一览表", "", "", ""],
            vec!["", "", "", ""],
            vec!["序号", "中方城市", "外方城市", "国别"],
            vec!["1", "西安市", "奈良市", "日本"],
        ];
        assert_eq!(header_row(&rows), Some(2));
        assert_eq!(header_row(&rows[3..]), None);
    }

    #[test]
    fn day_and_month_order_is_told_by_the_file_not_guessed() {
        assert_eq!(day_first(&["01/02/1974", "25/12/1990"]), Some(true));
        assert_eq!(day_first(&["01/02/1974", "12/25/1990"]), Some(false));
        assert_eq!(day_first(&["01/02/1974", "03/04/1980"]), None);
        assert_eq!(day_first(&["25/12/1990", "12/25/1990"]), None, "contradictory");
        let d = |t: &str, f: bool| year_last_date(t, f).map(|d| d.to_string());
        assert_eq!(d("01/02/1974", true).as_deref(), Some("1974-02-01"));
        assert_eq!(d("01/02/1974", false).as_deref(), Some("1974-01-02"));
        assert_eq!(d("1.2.1974", true).as_deref(), Some("1974-02-01"));
    }

    #[test]
    fn kinds_of_tie_as_lists_word_them() {
        for (word, kind) in [
            ("友好城市", Kind::Sister),
            ("友好省州", Kind::Sister),
            ("姐妹城市", Kind::Sister),
            ("姉妹都市", Kind::Sister),
            ("Sister city", Kind::Sister),
            ("友好合作关系", Kind::Friendly),
            ("友好交流", Kind::Friendly),
            ("友好交往", Kind::Friendly),
            ("friendly", Kind::Friendly),
            ("意向书", Kind::Intent),
            ("备忘录", Kind::Intent),
            ("Letter of intent", Kind::Intent),
            ("Friendship city", Kind::Sister),
        ] {
            assert_eq!(tie_kind(word), Some(kind), "{word}");
        }
        assert_eq!(tie_kind("其他"), None);
    }
}
