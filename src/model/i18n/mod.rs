//! Every user-visible string, in each UI language. A [`Locale`] and the typed values the other
//! folders leave (the dataset's kinds, levels and statuses, dates, problems, notes on how a file
//! was read) enter; words leave: a language's [`Messages`], names in the UI language with their
//! fallbacks, numbers and dates as the locale writes them, a problem's text ([`problem_text`],
//! and its English `Display`). It imports `format` and `read` (for [`ReadNote`]'s words); it
//! must never import `ask` or `show`, which use it.
//!
//! One file per language (`en.rs`, `zh.rs`) holds one [`Messages`] value. The struct has a
//! field per string, so a language file that misses a string does not compile; a test checks
//! that every translation keeps the `{placeholders}` of the English text. Adding a language
//! is one file plus one line in [`Locale`] (see `docs/developers.md`, "Adding a language").
//!
//! ```
//! use youcheng::model::i18n::{Locale, fill};
//! let m = Locale::En.messages();
//! assert_eq!(fill(m.n_of_total, &[("shown", "3"), ("total", "5")]), "3 (of 5)");
//! ```

mod en;
pub mod messages;
mod zh;

use std::fmt;

use self::messages::{Messages, Plural};
use crate::model::format::dataset::{
    Continent, Country, Dataset, Kind, Level, PairIdx, Place, ScoStatus, Source, SourceNote, Status,
};
use crate::model::format::date::PartialDate;
use crate::model::format::problem::{Problem, ProblemKind, RecordKind, Severity};
use crate::model::read::list::ReadNote;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Locale {
    /// Every language, in the order the switcher shows them.
    pub const ALL: &'static [Locale] = &[Locale::Zh, Locale::En];

    /// The BCP 47 tag (`en`, `zh-Hans`), for `<html lang>` and the URL.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }

    /// The `lang` attribute value.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh-Hans",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Zh => "中文",
        }
    }

    /// The strings of this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &en::EN,
            Locale::Zh => &zh::ZH,
        }
    }

    /// Parses a URL value or a browser language tag (`zh-CN`, `en-GB`, `zh-Hant-TW`).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }

    /// The first supported language of a browser's preference list, or English.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Locale {
        preferences.into_iter().find_map(Locale::from_tag).unwrap_or_default()
    }

    /// A count after a label, in parentheses as the language writes them: " (1,234)" in
    /// English, "（1234）" in Chinese (full-width, no space: a filter's "省级（597）").
    pub fn count_in_parentheses(self, n: u64) -> String {
        match self {
            Locale::En => format!(" ({})", self.number(n)),
            Locale::Zh => format!("（{}）", self.number(n)),
        }
    }

    /// Formats a whole number with the locale's grouping: English groups thousands ("2,800");
    /// Chinese leaves numbers of up to four digits whole ("2800多对") and groups longer ones
    /// ("26,114"), as GB/T 15835-2011 (numerals in publications) allows.
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        if self == Locale::Zh && digits.len() <= 4 {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(ch);
        }
        out
    }

    /// Formats a partial date as the locale writes it ("2 June 2021", "2021年6月2日").
    pub fn date(self, date: PartialDate) -> String {
        let m = self.messages();
        match (self, date.month(), date.day()) {
            (Locale::Zh, Some(month), Some(day)) => {
                format!("{}年{}月{}日", date.year(), month, day)
            }
            (Locale::Zh, Some(month), None) => format!("{}年{}月", date.year(), month),
            (Locale::Zh, None, _) => format!("{}年", date.year()),
            (_, Some(month), Some(day)) => {
                format!("{} {} {}", day, m.month_names[(month - 1) as usize], date.year())
            }
            (_, Some(month), None) => {
                format!("{} {}", m.month_names[(month - 1) as usize], date.year())
            }
            (_, None, _) => date.year().to_string(),
        }
    }
}

impl Locale {
    /// A text from the data (a pair's note, a source's title) with the dates written in it
    /// as ISO (`2018-05-29`, `2011-12`) shown in the reader's language by [`Locale::date`]
    /// ("2018年5月29日", "2011年12月"): the one date formatter, for dates inside words too.
    /// A date inside an address (a word with "://", "www.", "/" or "=") stays as written,
    /// and so does anything that is not a real date ("2014-15", "2018-13-40").
    pub fn dates_in_text(self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        let mut copied = 0;
        while i + 7 <= bytes.len() {
            let starts = (i == 0 || !is_date_neighbour(bytes[i - 1]))
                && bytes[i..i + 4].iter().all(u8::is_ascii_digit)
                && bytes[i + 4] == b'-';
            let len = match starts {
                true => iso_date_len(&bytes[i..]),
                false => 0,
            };
            if len == 0 || in_address(text, i) {
                i += 1;
                continue;
            }
            match text[i..i + len].parse::<PartialDate>() {
                Ok(date) => {
                    out.push_str(&text[copied..i]);
                    out.push_str(&self.date(date));
                    copied = i + len;
                    i += len;
                }
                Err(_) => i += 1,
            }
        }
        out.push_str(&text[copied..]);
        out
    }
}

/// A byte that, next to digits, makes them part of something else than a date (a number, a
/// word, a range, a path).
fn is_date_neighbour(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.' | b'_' | b'=' | b':')
}

/// The length of an ISO date at the start of `b` (`YYYY-MM-DD` 10, `YYYY-MM` 7) standing
/// alone (punctuation may follow it: "2017-07: title", "on 2018-05-29."), else 0.
fn iso_date_len(b: &[u8]) -> usize {
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let alone = |at: usize| {
        b.get(at).is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'/' | b'_')))
    };
    if !digits(5..7) {
        return 0;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) && alone(10) {
        10
    } else if alone(7) {
        7
    } else {
        0
    }
}

/// Whether the byte at `at` is inside an address: its whitespace-separated word holds "://"
/// or starts with "www.".
fn in_address(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    let word = &text[start..end];
    word.contains("://") || word.starts_with("www.")
}

/// Plural forms are filled in here, where the locale's number format is (the struct is in
/// `messages.rs`, beside the strings that use it).
impl Plural {
    /// The form for `n`, with `{n}` filled in using the locale's number format.
    pub fn format(&self, locale: Locale, n: u64) -> String {
        let template = if n == 1 { self.one } else { self.other };
        fill(template, &[("n", &locale.number(n))])
    }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A partnership's name in the UI language: "Yan'an – Trier", "延安市—特里尔".
pub fn pair_name(locale: Locale, dataset: &Dataset, pair: PairIdx) -> String {
    let p = dataset.partnership(pair);
    fill(
        locale.messages().pair_name,
        &[
            ("home", place_name(locale, dataset.place(p.home))),
            ("partner", place_name(locale, dataset.place(p.partner))),
        ],
    )
}

/// Items as a list in running text: "Asia, Europe and Africa", "亚洲、欧洲、非洲".
pub fn join_list(locale: Locale, items: &[String]) -> String {
    join_with(locale, items, locale.messages().list_last)
}

/// Alternatives as a list in running text: "Kazakhstan, Kyrgyzstan or Tajikistan".
pub fn join_alternatives(locale: Locale, items: &[String]) -> String {
    join_with(locale, items, locale.messages().list_last_or)
}

fn join_with(locale: Locale, items: &[String], last_word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            format!("{}{last_word}{last}", rest.join(locale.messages().list_separator))
        }
    }
}

/// The project's note on a source in the UI language (English when it has no Chinese).
pub fn source_note(locale: Locale, source: &Source) -> Option<String> {
    source.note.as_ref().map(|note| locale.dates_in_text(in_language(locale, note)))
}

/// A text the project wrote in both languages (a source's note, an attribution line), in the
/// UI language; the English when the Chinese is missing.
pub fn in_language(locale: Locale, text: &SourceNote) -> &str {
    match locale {
        Locale::Zh => text.zh.as_deref().unwrap_or(&text.en),
        Locale::En => &text.en,
    }
}

/// A source in words, for a tooltip or a screen reader: its own title and the project's note
/// in the UI language ("title (note)"; the note alone when the title is not known).
pub fn source_label(locale: Locale, source: &Source) -> String {
    let title = locale.dates_in_text(&source.title);
    match (source.title.is_empty(), source_note(locale, source)) {
        (_, None) => title,
        (true, Some(note)) => note,
        (false, Some(note)) => bracketed(locale, &title, &note),
    }
}

/// A text with a note after it in the locale's brackets: "Nara (sister city)", "奈良市（友好城市）".
pub fn bracketed(locale: Locale, text: &str, note: &str) -> String {
    fill(locale.messages().with_note, &[("text", text), ("note", note)])
}

/// A source's own title as cited in running text: in quotation marks (English) or title
/// marks (Chinese), so it does not run into the figure before it. A title already set in
/// such marks is left as it is. Dates in it are the reader's ([`Locale::dates_in_text`]).
pub fn cited_title(locale: Locale, title: &str) -> String {
    let dated = locale.dates_in_text(title);
    let t = dated.trim();
    let marked = [('“', '”'), ('"', '"'), ('《', '》'), ('「', '」')]
        .iter()
        .any(|(a, b)| t.starts_with(*a) && t.ends_with(*b) && t.chars().count() > 1);
    match marked {
        true => t.to_owned(),
        false => fill(locale.messages().cited_title, &[("title", t)]),
    }
}

/// A place's name in the UI language, falling back to the other one.
pub fn place_name(locale: Locale, place: &Place) -> &str {
    match locale {
        Locale::Zh => place.name_zh.as_deref().unwrap_or(&place.name_en),
        Locale::En => &place.name_en,
    }
}

/// A place's name in the other UI language (English in the Chinese UI, Chinese in the
/// English one), if the data has it.
pub fn other_name(locale: Locale, place: &Place) -> Option<&str> {
    match locale {
        Locale::Zh => Some(&place.name_en),
        Locale::En => place.name_zh.as_deref(),
    }
}

/// A country's name in the UI language, falling back to English.
pub fn country_name(locale: Locale, country: &Country) -> &str {
    match locale {
        Locale::Zh => country.name_zh.as_deref().unwrap_or(&country.name_en),
        Locale::En => &country.name_en,
    }
}

/// The label of a relationship type.
pub fn kind_label(locale: Locale, kind: Kind) -> &'static str {
    let m = locale.messages();
    match kind {
        Kind::Sister => m.kind_sister,
        Kind::Friendly => m.kind_friendly,
        Kind::Intent => m.kind_intent,
        Kind::Unknown => m.kind_unknown,
    }
}

/// The label of a column's role in a list (the template's column names, as a person reads
/// them).
pub fn column_role_label(locale: Locale, role: &str) -> &'static str {
    const LABELS: [(&str, &str, &str); 16] = [
        ("chinese_place", "Chinese place", "中方城市"),
        ("chinese_place_zh", "Chinese place (in Chinese)", "中方城市（中文）"),
        ("chinese_lat", "Chinese place: latitude", "中方纬度"),
        ("chinese_lon", "Chinese place: longitude", "中方经度"),
        ("partner", "Partner place", "外方城市"),
        ("partner_local", "Partner (local name)", "外方城市（当地名称）"),
        ("partner_country", "Partner country", "国别"),
        ("partner_lat", "Partner: latitude", "外方纬度"),
        ("partner_lon", "Partner: longitude", "外方经度"),
        ("type", "Type of tie", "结好类型"),
        ("status", "Status", "状态"),
        ("established", "Date established", "结好时间"),
        ("ended", "Date ended", "终止时间"),
        ("source", "Source", "来源"),
        ("source_url", "Source address", "来源网址"),
        ("note", "Note", "备注"),
    ];
    LABELS.iter().find(|(r, ..)| *r == role).map_or("?", |(_, en, zh)| match locale {
        Locale::En => en,
        Locale::Zh => zh,
    })
}

/// The label of a status.
pub fn status_label(locale: Locale, status: Status) -> &'static str {
    let m = locale.messages();
    match status {
        Status::Active => m.status_active,
        Status::Ended => m.status_ended,
        Status::Pending => m.status_pending,
    }
}

/// The status of a pair as its panel shows it: a pair a source contradicts says so beside its
/// status ("Active (disputed)", "有效（存疑）"), so "Active" never stands alone over a doubt.
pub fn pair_status_label(locale: Locale, status: Status, disputed: bool) -> String {
    let label = status_label(locale, status);
    if disputed {
        fill(locale.messages().status_disputed, &[("status", label)])
    } else {
        label.to_owned()
    }
}

/// The label of a level.
pub fn level_label(locale: Locale, level: Level) -> &'static str {
    let m = locale.messages();
    match level {
        Level::Province => m.level_province,
        Level::Prefecture => m.level_prefecture,
        Level::County => m.level_county,
        Level::District => m.level_district,
        Level::Township => m.level_township,
        Level::State => m.level_state,
        Level::Region => m.level_region,
        Level::City => m.level_city,
        Level::Other => m.level_other,
    }
}

/// The label of a continent.
pub fn continent_label(locale: Locale, continent: Continent) -> &'static str {
    let m = locale.messages();
    match continent {
        Continent::Africa => m.continent_africa,
        Continent::Asia => m.continent_asia,
        Continent::Europe => m.continent_europe,
        Continent::NorthAmerica => m.continent_north_america,
        Continent::SouthAmerica => m.continent_south_america,
        Continent::Oceania => m.continent_oceania,
        Continent::Antarctica => m.continent_antarctica,
    }
}

/// What an official figure counts, in words: its kind, read with the level of partner it
/// counts (Shandong's report gives 89 province–state pairs and 677 city pairs as two numbers:
/// "Sister provinces and states" / 友好省州 and "Sister cities (city to city)", never twice
/// "Sister cities"), then its programme ("Sister cities · BRI").
pub fn reported_what(locale: Locale, r: &crate::model::format::dataset::ReportedFigure) -> String {
    use crate::model::format::dataset::{Programme, ReportedKind};
    let m = locale.messages();
    let kind = reported_kind_label(locale, r.kind);
    let what = match (r.kind, r.partner_level) {
        (ReportedKind::Sister, Some(Level::State)) => m.reported_level_state.to_owned(),
        (ReportedKind::Sister, Some(Level::City)) => m.reported_level_city.to_owned(),
        (_, Some(level)) => fill(
            m.reported_what_with,
            &[("what", kind), ("restriction", level_label(locale, level))],
        ),
        (_, None) => kind.to_owned(),
    };
    match r.programme {
        Some(p) => {
            let p = match p {
                Programme::Bri => m.bri_short,
                Programme::Sco => m.sco_short,
            };
            fill(m.reported_what_with, &[("what", &what), ("restriction", p)])
        }
        None => what,
    }
}

/// What an official figure counts.
pub fn reported_kind_label(
    locale: Locale,
    kind: crate::model::format::dataset::ReportedKind,
) -> &'static str {
    use crate::model::format::dataset::ReportedKind;
    let m = locale.messages();
    match kind {
        ReportedKind::All => m.reported_kind_all,
        ReportedKind::Sister => m.reported_kind_sister,
        ReportedKind::Friendly => m.reported_kind_friendly,
        ReportedKind::Intent => m.reported_kind_intent,
        ReportedKind::Approved => m.reported_kind_approved,
        ReportedKind::Contact => m.reported_kind_contact,
    }
}

/// The label of an SCO status.
pub fn sco_label(locale: Locale, status: ScoStatus) -> &'static str {
    let m = locale.messages();
    match status {
        ScoStatus::Member => m.sco_member,
        ScoStatus::Observer => m.sco_observer,
        ScoStatus::DialoguePartner => m.sco_dialogue_partner,
    }
}

/// True when a country cell was written as a code (two or three Latin letters: "JP", "jpn",
/// "XX"), not a name.
fn looks_like_code(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The text of one problem, in the given language.
pub fn problem_text(locale: Locale, problem: &Problem) -> String {
    let m = locale.messages();
    let kind_name = m.record_kinds[record_kind_pos(problem.record.kind)];
    let record = match problem.record.kind {
        RecordKind::File | RecordKind::Header => kind_name.to_owned(),
        RecordKind::CsvRow => fill(
            m.record_numbered,
            &[("kind", kind_name), ("n", &problem.record.index.to_string())],
        ),
        _ => {
            let mut text = fill(
                m.record_numbered,
                &[("kind", kind_name), ("n", &(problem.record.index + 1).to_string())],
            );
            if let Some(id) = &problem.record.id {
                text.push_str(&format!(" ({id})"));
            }
            text
        }
    };
    let place = match &problem.field {
        Some(field) => fill(m.problem_where_field, &[("record", &record), ("field", field)]),
        None => fill(m.problem_where, &[("record", &record)]),
    };
    let what = match &problem.kind {
        ProblemKind::JsonSyntax { line, column, .. } => {
            fill(m.p_json_syntax, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        ProblemKind::TooDeep => m.p_too_deep.to_owned(),
        ProblemKind::TooLarge { bytes, limit } => fill(
            m.p_too_large,
            &[
                ("mb", &format!("{:.1}", *bytes as f64 / 1_048_576.0)),
                ("limit", &(limit / 1_048_576).to_string()),
            ],
        ),
        ProblemKind::Empty => m.p_empty.to_owned(),
        ProblemKind::ByteOrderMark => m.p_bom.to_owned(),
        ProblemKind::NotUtf8 { offset } => fill(m.p_not_utf8, &[("offset", &offset.to_string())]),
        ProblemKind::NotPartnershipJson => m.p_not_partnership_json.to_owned(),
        ProblemKind::NotSourcesFile { dataset } => {
            fill(m.p_not_sources_file, &[("dataset", dataset)])
        }
        ProblemKind::SourcesFileElsewhere { value } => {
            fill(m.p_sources_file_elsewhere, &[("value", value)])
        }
        ProblemKind::UnknownMajorVersion { found, supported } => fill(
            m.p_unknown_major,
            &[
                ("found", if found.is_empty() { "?" } else { found }),
                ("supported", &supported.to_string()),
            ],
        ),
        ProblemKind::NewerMinorVersion { found } => fill(m.p_newer_minor, &[("found", found)]),
        ProblemKind::MissingField => m.p_missing.to_owned(),
        ProblemKind::WrongType { expected } => fill(m.p_wrong_type, &[("expected", expected)]),
        ProblemKind::EmptyText => m.p_empty_text.to_owned(),
        ProblemKind::DuplicateId { id } => fill(m.p_duplicate_id, &[("id", id)]),
        ProblemKind::DanglingReference { target, id } => {
            fill(m.p_dangling, &[("target", m.record_kinds[record_kind_pos(*target)]), ("id", id)])
        }
        ProblemKind::CoordinatesOutOfRange { value } => fill(m.p_coords, &[("value", value)]),
        ProblemKind::HalfCoordinates => m.p_half_coords.to_owned(),
        ProblemKind::UnknownValue { value, allowed } => {
            fill(m.p_unknown_value, &[("value", value), ("allowed", allowed.trim())])
        }
        ProblemKind::BadDate { value, reason } => {
            fill(m.p_bad_date, &[("value", value), ("reason", reason)])
        }
        ProblemKind::EndsBeforeStart => m.p_ends_before_start.to_owned(),
        // A column of names is told it holds no country name the app knows, not of ISO codes.
        ProblemKind::UnknownCountry { code } if !looks_like_code(code) => {
            fill(m.p_unknown_country_name, &[("name", code)])
        }
        ProblemKind::UnknownCountry { code } => fill(m.p_unknown_country, &[("code", code)]),
        ProblemKind::SelfPartnership => m.p_self_pair.to_owned(),
        ProblemKind::DuplicatePair { other_id } => fill(m.p_duplicate_pair, &[("other", other_id)]),
        ProblemKind::ParentCycle => m.p_parent_cycle.to_owned(),
        ProblemKind::BadCount { value } => fill(m.p_bad_count, &[("value", value)]),
        ProblemKind::ColumnCount { expected, found } => fill(
            m.p_column_count,
            &[("expected", &expected.to_string()), ("found", &found.to_string())],
        ),
        ProblemKind::BadQuoting => m.p_bad_quoting.to_owned(),
        ProblemKind::MissingColumn { column } => fill(m.p_missing_column, &[("column", column)]),
        ProblemKind::UnplaceableName { name } => fill(m.p_unplaceable, &[("name", name)]),
        ProblemKind::UnsafeUrl { value } => fill(m.p_unsafe_url, &[("value", value)]),
        ProblemKind::Workbook { reason } => fill(m.p_workbook, &[("reason", reason)]),
    };
    let consequence = match problem.severity {
        Severity::Fatal => "",
        Severity::Skipped => m.problem_skipped,
        Severity::Warning => m.problem_kept,
    };
    format!("{place}{what}{consequence}")
}

/// A problem in English, as the data tool and error values print it; the UI shows
/// [`problem_text`] in its language. It is here, not in `problem.rs`, so that problems stay
/// typed values and the format never needs the words.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_text(Locale::En, self))
    }
}

/// The words of a note on how a user's file was read; here, like a problem's, so that reading
/// never needs them.
impl ReadNote {
    /// The note in the UI language.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            ReadNote::DecodedGb18030 => locale.messages().decoded_gb18030,
            ReadNote::Registry => locale.messages().read_as_registry,
            ReadNote::Workbook => locale.messages().read_as_workbook,
        }
    }
}

fn record_kind_pos(kind: RecordKind) -> usize {
    match kind {
        RecordKind::File => 0,
        RecordKind::Header => 1,
        RecordKind::Source => 2,
        RecordKind::Country => 3,
        RecordKind::Place => 4,
        RecordKind::Partnership => 5,
        RecordKind::Reported => 6,
        RecordKind::CsvRow => 7,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_in_parentheses_is_written_as_each_language_writes_it() {
        for (locale, n, want) in [
            (Locale::En, 597, " (597)"),
            (Locale::En, 2115, " (2,115)"),
            (Locale::Zh, 597, "（597）"),
            (Locale::Zh, 2115, "（2115）"),
            (Locale::Zh, 26114, "（26,114）"),
        ] {
            assert_eq!(locale.count_in_parentheses(n), want, "{locale:?} {n}");
        }
    }

    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_cited_title_is_set_apart_once() {
        // The fresh review read "(21 November 2024) 新增8对 我国友城…" with the title running on.
        assert_eq!(
            cited_title(Locale::En, "Shaanxi has Established 88 Pairs"),
            "“Shaanxi has Established 88 Pairs”"
        );
        assert_eq!(
            cited_title(Locale::Zh, "新增8对 我国友城“朋友圈”扩容至3054对"),
            "《新增8对 我国友城“朋友圈”扩容至3054对》"
        );
        assert_eq!(cited_title(Locale::En, "“Already quoted”"), "“Already quoted”");
        assert_eq!(cited_title(Locale::Zh, "《已有书名号》"), "《已有书名号》");
    }

    #[test]
    fn every_translation_keeps_the_placeholders_of_english() {
        let english = Locale::En.messages().entries();
        for locale in Locale::ALL {
            let other = locale.messages().entries();
            assert_eq!(english.len(), other.len());
            for ((name, en), (_, text)) in english.iter().zip(&other) {
                assert!(!text.trim().is_empty(), "{locale:?}.{name} is empty");
                let mut want = placeholders(en);
                let mut got = placeholders(text);
                want.dedup();
                got.dedup();
                assert_eq!(got, want, "{locale:?}.{name}: {text:?}");
            }
        }
    }

    #[test]
    fn a_disputed_pair_says_so_beside_its_status() {
        assert_eq!(pair_status_label(Locale::En, Status::Active, false), "Active");
        assert_eq!(pair_status_label(Locale::En, Status::Active, true), "Active (disputed)");
        assert_eq!(pair_status_label(Locale::Zh, Status::Active, true), "有效（存疑）");
        assert_eq!(pair_status_label(Locale::Zh, Status::Ended, true), "已终止（存疑）");
    }

    #[test]
    fn a_chinese_label_is_followed_by_a_full_width_colon() {
        assert_eq!(Locale::Zh.messages().label_separator, "：");
        for (name, text) in Locale::Zh.messages().entries() {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                let bad = w[1] == ':' && w[2] == ' ' && !w[0].is_ascii();
                assert!(!bad, "zh.{name} has an ASCII colon after Chinese text: {text:?}");
            }
        }
    }

    /// Where `text` puts a space between an Arabic number and a Chinese character ("106 对",
    /// "涉及 35"), if anywhere. A number inside a Latin term ("UTF-8 编码", "GB 18030 读取") is
    /// part of that term, not a number of the sentence.
    fn number_spacing(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let han = |c: char| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        let numeric = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '%');
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && numeric(chars[i]) {
                i += 1;
            }
            let glued =
                start > 0 && (chars[start - 1].is_ascii_alphanumeric() || chars[start - 1] == '-');
            let spaced =
                start > 1 && chars[start - 1] == ' ' && chars[start - 2].is_ascii_alphabetic();
            let latin = glued || spaced;
            let around = |from: usize, to: usize| {
                chars[from.min(chars.len())..to.min(chars.len())].iter().collect::<String>()
            };
            let before = start >= 2 && chars[start - 1] == ' ' && han(chars[start - 2]);
            let after = i + 1 < chars.len() && chars[i] == ' ' && han(chars[i + 1]);
            if !latin && (before || after) {
                return Some(around(start.saturating_sub(3), i + 3));
            }
        }
        None
    }

    #[test]
    fn chinese_puts_no_space_between_a_number_and_a_character() {
        // Every Chinese message, its placeholders filled with a number (1, and 1,234 as the
        // locale writes it); names and addresses with words.
        let words = ["url", "name", "header", "label"];
        for n in [1, 1234] {
            let number = Locale::Zh.number(n);
            for (name, text) in Locale::Zh.messages().entries() {
                let slots = placeholders(&text);
                let values: Vec<(&str, &str)> = slots
                    .iter()
                    .map(|s| {
                        (s.as_str(), if words.contains(&s.as_str()) { "文件" } else { &number })
                    })
                    .collect();
                let filled = fill(&text, &values);
                assert_eq!(number_spacing(&filled), None, "zh.{name}: {filled:?}");
            }
        }
        assert!(number_spacing("共 106 对").is_some());
        assert!(number_spacing("涉及 1,234").is_some());
        assert!(number_spacing("46对 · 3个国家").is_none());
        assert!(number_spacing("文本不是 UTF-8 编码").is_none());
    }

    #[test]
    fn one_reads_in_the_singular_and_none_in_words() {
        let m = Locale::En.messages();
        assert_eq!(m.n_partnerships.format(Locale::En, 1), "1 partnership");
        assert_eq!(m.n_home_places.format(Locale::En, 1), "1 Chinese place");
        assert_eq!(
            m.map_unplaced.format(Locale::En, 1),
            "1 partnership without coordinates is listed but not drawn."
        );
    }

    #[test]
    fn chinese_strings_are_translated_not_copied() {
        let english = Locale::En.messages().entries();
        let chinese = Locale::Zh.messages().entries();
        // Strings that are the same in both languages on purpose.
        let same_on_purpose =
            ["language", "export_csv", "export_json", "export_geojson", "export_png", "export_svg"];
        for ((name, en), (_, zh)) in english.iter().zip(&chinese) {
            if same_on_purpose.contains(name) {
                continue;
            }
            let _ = en;
            let has_han = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let mut outside_placeholders = zh.clone();
            for name in placeholders(zh) {
                outside_placeholders = outside_placeholders.replace(&format!("{{{name}}}"), "");
            }
            let has_latin_words = outside_placeholders.chars().any(|c| c.is_ascii_alphabetic());
            assert!(has_han || !has_latin_words, "zh.{name} looks untranslated: {zh:?}");
        }
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown_placeholders() {
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    /// The bundled dataset with its sources file's details, as the app has it once both arrived.
    fn bundled() -> Dataset {
        let read = |name: &str| {
            std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(name),
            )
            .expect("the bundled dataset")
        };
        let first = crate::model::format::load::load(&read("partnerships.json")).expect("loads");
        let details =
            crate::model::format::sources::load_sources(&first.dataset, &read("sources.json"))
                .expect("its sources");
        first.dataset.with_sources(details.sources)
    }

    #[test]
    fn a_source_is_quoted_in_its_own_language_and_described_in_the_readers() {
        let d = bundled();
        let by_id = |id: &str| d.sources().iter().find(|s| s.id == id).expect(id);
        // The report's own English title; its outlet and date in the reader's language.
        let seed = by_id("seed-000");
        assert_eq!(
            source_label(Locale::Zh, seed),
            "Shaanxi has Established 88 Pairs of International Friendship City Ties with 35 \
             Countries（陕西省人民政府网，2018年5月30日）"
        );
        assert!(source_label(Locale::En, seed).contains("(The Government Website of Shaanxi"));
        // A mainland page's title as the page writes it, in simplified characters.
        assert!(by_id("news-2024-11-21").title.starts_with("新增8对 我国友城“朋友圈”扩容至3054对"));
        // What a list is, not how the project fetched it.
        let wd17 = source_label(Locale::Zh, by_id("wd17"));
        assert!(wd17.contains("经 sistercities 数据集（rogorido）"), "{wd17}");
        assert!(!wd17.contains("via"), "{wd17}");
        let wpc = source_label(Locale::Zh, by_id("wpc"));
        assert!(wpc.contains("维基百科列表，经 twincities 数据集"), "{wpc}");
        assert!(!wpc.contains("scraped"), "{wpc}");
        // Every note the project wrote, and every attribution line, has its Chinese form.
        for s in d.sources() {
            if let Some(note) = &s.note {
                assert!(note.zh.is_some(), "{}: a note without its Chinese form", s.id);
            }
            assert!(!s.title.contains("yizuo-media copy"), "{}", s.title);
        }
        let lines = &d.meta().attribution;
        assert!(!lines.is_empty());
        for line in lines {
            assert!(line.zh.is_some(), "an attribution line without Chinese: {}", line.en);
        }
        assert!(in_language(Locale::Zh, &lines[0]).starts_with("友城名单：维基百科"));
    }

    #[test]
    fn dates_in_data_read_in_the_readers_language() {
        // A note copied from a Chinese source, and source titles as the builder wrote them.
        let note = "Sister City Agreement signed in Beijing in June 2012 (also 中国经济网 \
                    2012-06-28 北京市与哥本哈根签署友好城市协议)";
        assert_eq!(
            Locale::Zh.dates_in_text(note),
            "Sister City Agreement signed in Beijing in June 2012 (also 中国经济网 \
             2012年6月28日 北京市与哥本哈根签署友好城市协议)"
        );
        assert_eq!(
            Locale::Zh.dates_in_text("江苏省友好城市列表 (Wikipedia zh, kiwix mirror 2024-04)"),
            "江苏省友好城市列表 (Wikipedia zh, kiwix mirror 2024年4月)"
        );
        assert_eq!(
            Locale::En.dates_in_text(
                "first friendship city (Government Website, 2018-05-30); 结好签字时间"
            ),
            "first friendship city (Government Website, 30 May 2018); 结好签字时间"
        );
        // Not dates: a season, a number, a day that does not exist, an address.
        for same in [
            "2014-15 season",
            "No. 12018-05-29",
            "2018-13-40",
            "see https://example.org/2018-05-29/news and www.x.cn/2018-05",
            "id=2018-05-29",
        ] {
            assert_eq!(Locale::Zh.dates_in_text(same), same);
        }
        assert_eq!(
            Locale::Zh.dates_in_text("1990-09-28和1990-11-07"),
            "1990年9月28日和1990年11月7日"
        );
        assert_eq!(Locale::Zh.dates_in_text(""), "");
        // Punctuation after a date is not part of it.
        assert_eq!(
            Locale::Zh.dates_in_text("A Região 2017-07: Ilhéus; signed 2018-05-29."),
            "A Região 2017年7月: Ilhéus; signed 2018年5月29日."
        );
        // A cited title and a source's label say its dates so too.
        assert_eq!(
            cited_title(Locale::Zh, "鲁中网 2022-10-27 淄博市"),
            "《鲁中网 2022年10月27日 淄博市》"
        );
    }

    #[test]
    fn negotiates_from_browser_tags() {
        assert_eq!(Locale::negotiate(["fr-FR", "zh-CN", "en"]), Locale::Zh);
        assert_eq!(Locale::negotiate(["zh-Hant-TW"]), Locale::Zh);
        assert_eq!(Locale::negotiate(["de"]), Locale::En);
        assert_eq!(Locale::negotiate(std::iter::empty()), Locale::En);
    }

    #[test]
    fn formats_numbers_and_dates_per_locale() {
        assert_eq!(Locale::En.number(2800), "2,800");
        assert_eq!(Locale::En.number(26114), "26,114");
        assert_eq!(Locale::En.number(7), "7");
        assert_eq!(Locale::En.number(1_000_000), "1,000,000");
        assert_eq!(Locale::Zh.number(2800), "2800");
        assert_eq!(Locale::Zh.number(26114), "26,114");
        let d: PartialDate = "2021-06-02".parse().unwrap();
        assert_eq!(Locale::En.date(d), "2 June 2021");
        assert_eq!(Locale::Zh.date(d), "2021年6月2日");
        let y: PartialDate = "1974".parse().unwrap();
        assert_eq!(Locale::En.date(y), "1974");
        assert_eq!(Locale::Zh.date(y), "1974年");
    }

    /// One term per kind across the Chinese interface: an official figure of a kind the dataset
    /// records is labelled as the dataset labels that kind (the data tab's table said 意向友城
    /// and 友好交流（合作）城市 where the filters, the table and Stories say 意向书 and 友好合作关系),
    /// and "previously in contact" reads as the report's words quoted in Stories (此前已有接触,
    /// not 正在联系).
    #[test]
    fn an_official_figures_kind_is_named_as_the_rest_of_the_ui_names_it() {
        use crate::model::format::dataset::ReportedKind;
        let zh = Locale::Zh;
        for (reported, kind) in [
            (ReportedKind::Sister, Kind::Sister),
            (ReportedKind::Friendly, Kind::Friendly),
            (ReportedKind::Intent, Kind::Intent),
        ] {
            assert_eq!(reported_kind_label(zh, reported), kind_label(zh, kind), "{reported:?}");
        }
        let contact = reported_kind_label(zh, ReportedKind::Contact);
        assert!(zh.messages().story_shaanxi_contact_quote.contains(contact), "{contact}");
    }
}
