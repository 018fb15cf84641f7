//! Every user-visible string, in each UI language.
//!
//! One file per language (`en.rs`, `zh.rs`) holds one [`Messages`] value. The struct has a
//! field per string, so a language file that misses a string does not compile; a test checks
//! that every translation keeps the `{placeholders}` of the English text. Adding a language
//! is one file plus one line in [`Locale`] (see `docs/developers.md`, "Adding a language").
//!
//! ```
//! use youcheng::model::i18n::{fill, Locale};
//! let m = Locale::Zh.messages();
//! assert_eq!(fill(m.headline_pairs_countries, &[("pairs", "88"), ("countries", "35")]), "88 对友城，涉及 35 个国家");
//! ```

mod en;
mod zh;

use super::date::PartialDate;
use super::problem::{Problem, ProblemKind, RecordKind, Severity};

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

    /// Formats a whole number with the locale's grouping ("2,800").
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
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

/// A string that differs by count in some languages.
#[derive(Clone, Copy, Debug)]
pub struct Plural {
    /// For exactly one (`{n}` is replaced).
    pub one: &'static str,
    /// For any other count.
    pub other: &'static str,
}

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

macro_rules! messages {
    ($($(#[$doc:meta])* $field:ident : $ty:ty),+ $(,)?) => {
        /// Every user-visible string of one language.
        #[derive(Debug)]
        pub struct Messages { $($(#[$doc])* pub $field: $ty),+ }

        impl Messages {
            /// Every plain string with its field name (for the completeness tests).
            pub fn entries(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::new();
                $( entries_of(stringify!($field), &self.$field, &mut out); )+
                out
            }
        }
    };
}

/// Collects the text of any message field for tests.
trait Entries {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>);
}

impl Entries for &'static str {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        out.push((name, (*self).to_owned()));
    }
}

impl Entries for Plural {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        out.push((name, self.one.to_owned()));
        out.push((name, self.other.to_owned()));
    }
}

impl<const N: usize> Entries for [&'static str; N] {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        for s in self {
            out.push((name, (*s).to_owned()));
        }
    }
}

fn entries_of<T: Entries>(name: &'static str, value: &T, out: &mut Vec<(&'static str, String)>) {
    value.collect(name, out);
}

messages! {
    // Shell
    /// Product name in the header.
    app_name: &'static str,
    /// One-line description under the name.
    tagline: &'static str,
    /// Label of the language switcher.
    language: &'static str,
    /// Progress text while the data loads.
    loading: &'static str,
    /// Heading when loading failed.
    load_failed: &'static str,
    /// Retry button.
    retry: &'static str,
    /// Button that goes back to the bundled dataset.
    use_bundled: &'static str,
    /// Heading of the panic screen.
    crashed_title: &'static str,
    /// Body of the panic screen.
    crashed_body: &'static str,
    /// Reload button on the panic screen.
    reload: &'static str,
    /// `{n}` partnerships loaded.
    n_partnerships: Plural,
    /// Headline: pairs with countries.
    headline_pairs_countries: &'static str,
    /// Headline: the place's name before the figures.
    headline_scope: &'static str,
    /// Month names, January first.
    month_names: [&'static str; 12],

    // Fetch errors
    /// `{url}` answered HTTP `{status}`.
    fetch_status: &'static str,
    /// `{url}` could not be reached: `{reason}`.
    fetch_network: &'static str,
    /// `{url}` answered too slowly.
    fetch_timeout: &'static str,

    // Problems
    /// Prefix naming the record: `{record}`, field `{field}`.
    problem_where_field: &'static str,
    /// Prefix naming the record without a field.
    problem_where: &'static str,
    /// The record was skipped.
    problem_skipped: &'static str,
    /// The record was kept without the field.
    problem_kept: &'static str,
    /// Record kind names: file, dataset, source, country, place, partnership, reported, row.
    record_kinds: [&'static str; 8],
    /// Record `{kind}` number `{n}`.
    record_numbered: &'static str,
    /// The file is not JSON: line, column.
    p_json_syntax: &'static str,
    /// Nested too deeply.
    p_too_deep: &'static str,
    /// File too large: `{mb}` MB, limit `{limit}` MB.
    p_too_large: &'static str,
    /// Empty file.
    p_empty: &'static str,
    /// A byte-order mark was ignored.
    p_bom: &'static str,
    /// Not UTF-8 at byte `{offset}`.
    p_not_utf8: &'static str,
    /// Not partnership JSON.
    p_not_partnership_json: &'static str,
    /// Unknown major version `{found}`, reads `{supported}`.
    p_unknown_major: &'static str,
    /// Newer minor version `{found}`.
    p_newer_minor: &'static str,
    /// Missing field.
    p_missing: &'static str,
    /// Wrong type, expected `{expected}`.
    p_wrong_type: &'static str,
    /// Empty text.
    p_empty_text: &'static str,
    /// Duplicate id `{id}`.
    p_duplicate_id: &'static str,
    /// Reference to a missing `{target}` `{id}`.
    p_dangling: &'static str,
    /// Coordinates out of range `{value}`.
    p_coords: &'static str,
    /// Only one of lat/lon.
    p_half_coords: &'static str,
    /// Unknown value `{value}`, allowed `{allowed}`.
    p_unknown_value: &'static str,
    /// Bad date `{value}`: `{reason}`.
    p_bad_date: &'static str,
    /// End date before the start date.
    p_ends_before_start: &'static str,
    /// Unknown country code `{code}`.
    p_unknown_country: &'static str,
    /// A place partnered with itself.
    p_self_pair: &'static str,
    /// Same two places as `{other}`.
    p_duplicate_pair: &'static str,
    /// Parent cycle.
    p_parent_cycle: &'static str,
    /// Not a whole number `{value}`.
    p_bad_count: &'static str,
    /// Wrong column count: expected `{expected}`, found `{found}`.
    p_column_count: &'static str,
    /// Unclosed or misplaced quotes.
    p_bad_quoting: &'static str,
    /// Missing column `{column}`.
    p_missing_column: &'static str,
    /// No coordinates and not in the gazetteer: `{name}`.
    p_unplaceable: &'static str,
    /// Not an http(s) URL: `{value}`.
    p_unsafe_url: &'static str,
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
    };
    let consequence = match problem.severity {
        Severity::Fatal => "",
        Severity::Skipped => m.problem_skipped,
        Severity::Warning => m.problem_kept,
    };
    format!("{place}{what}{consequence}")
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
    fn chinese_strings_are_translated_not_copied() {
        let english = Locale::En.messages().entries();
        let chinese = Locale::Zh.messages().entries();
        // Strings that are the same in both languages on purpose.
        let same_on_purpose = ["language"];
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
        let d: PartialDate = "2021-06-02".parse().unwrap();
        assert_eq!(Locale::En.date(d), "2 June 2021");
        assert_eq!(Locale::Zh.date(d), "2021年6月2日");
        let y: PartialDate = "1974".parse().unwrap();
        assert_eq!(Locale::En.date(y), "1974");
        assert_eq!(Locale::Zh.date(y), "1974年");
    }
}
