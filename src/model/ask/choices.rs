//! The lists the province and country filters offer: which values, their names in both
//! languages, what typing matches, and in which order they are shown.
//!
//! ```
//! use youcheng::model::ask::choices::{country_choices, pick_options};
//! use youcheng::model::i18n::Locale;
//! # let text = include_str!("../../../tests/fixtures/small.json");
//! # let d = youcheng::model::format::load::load(text).unwrap().dataset;
//! let countries = country_choices(&d);
//! let options = pick_options(&countries, &Default::default(), &Default::default(), Locale::Zh);
//! assert!(options.iter().any(|o| o.label == "日本"));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::model::format::dataset::{Dataset, Level};
use crate::model::format::text::fold;
use crate::model::i18n::Locale;

/// One value a filter list offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The filter value (a place id or an ISO code).
    pub value: String,
    /// English name.
    pub name_en: String,
    /// Chinese name (the English one when the data has none).
    pub name_zh: String,
    /// Folded names (and pinyin or code) that typed text is matched against.
    pub search: String,
}

/// The provinces of the dataset's home country, by English name.
pub fn province_choices(dataset: &Dataset) -> Vec<Choice> {
    let focus = dataset.meta().focus.as_deref();
    let mut list: Vec<Choice> = dataset
        .places()
        .iter()
        .filter(|p| {
            p.level == Level::Province && focus.is_none_or(|f| dataset.country(p.country).iso == f)
        })
        .map(|p| {
            let zh = p.name_zh.clone().unwrap_or_else(|| p.name_en.clone());
            let pinyin = p.pinyin.as_deref().map(fold).unwrap_or_default();
            let search = format!("{} {} {pinyin}", fold(&p.name_en), fold(&zh));
            Choice { value: p.id.clone(), name_en: p.name_en.clone(), name_zh: zh, search }
        })
        .collect();
    list.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    list
}

/// The countries that have a partner in the dataset, by English name.
pub fn country_choices(dataset: &Dataset) -> Vec<Choice> {
    let used: BTreeSet<_> =
        dataset.partnerships().iter().map(|p| dataset.place(p.partner).country).collect();
    let mut list: Vec<Choice> = used
        .into_iter()
        .map(|c| {
            let c = dataset.country(c);
            let zh = c.name_zh.clone().unwrap_or_else(|| c.name_en.clone());
            let search =
                format!("{} {} {}", fold(&c.name_en), fold(&zh), c.iso.to_ascii_lowercase());
            Choice { value: c.iso.clone(), name_en: c.name_en.clone(), name_zh: zh, search }
        })
        .collect();
    list.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    list
}

/// A choice as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickOption {
    /// The value passed on when picked.
    pub value: String,
    /// The name shown.
    pub label: String,
    /// Folded names the typed text is matched against (every language).
    pub search: String,
    /// How many pairs choosing it would give.
    pub count: usize,
    /// Already chosen (shown ticked; picking it again removes it).
    pub chosen: bool,
}

/// The options of a list in the UI language, with their counts. Chinese names do not sort
/// alphabetically for a reader, so in Chinese the list runs from the most pairs down.
pub fn pick_options(
    choices: &[Choice],
    counts: &BTreeMap<String, usize>,
    chosen: &BTreeSet<String>,
    locale: Locale,
) -> Vec<PickOption> {
    let mut options: Vec<PickOption> = choices
        .iter()
        .map(|c| PickOption {
            value: c.value.clone(),
            label: if locale == Locale::Zh { c.name_zh.clone() } else { c.name_en.clone() },
            search: c.search.clone(),
            count: counts.get(&c.value).copied().unwrap_or(0),
            chosen: chosen.contains(&c.value),
        })
        .collect();
    if locale == Locale::Zh {
        options.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    }
    options
}

/// The options whose names match typed text (folded, in any language); all when it is empty.
pub fn matching<'a>(options: &'a [PickOption], typed: &str) -> Vec<&'a PickOption> {
    let needle = fold(typed);
    options.iter().filter(|o| needle.is_empty() || o.search.contains(&needle)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).expect("fixture").dataset
    }

    #[test]
    fn provinces_are_the_home_countrys_and_countries_those_with_partners() {
        let d = fixture();
        let provinces: Vec<String> = province_choices(&d).into_iter().map(|c| c.value).collect();
        assert_eq!(provinces, ["cn-shaanxi", "cn-shanghai"]);
        let countries: Vec<String> = country_choices(&d).into_iter().map(|c| c.value).collect();
        // By English name; China has no partner here, Russia none either.
        assert_eq!(countries, ["BY", "DE", "JP", "US"]);
    }

    #[test]
    fn chinese_lists_run_by_count_english_ones_by_name() {
        let d = fixture();
        let choices = country_choices(&d);
        let counts: BTreeMap<String, usize> =
            [("US".to_owned(), 2), ("JP".to_owned(), 1)].into_iter().collect();
        let chosen: BTreeSet<String> = ["JP".to_owned()].into_iter().collect();
        let en = pick_options(&choices, &counts, &chosen, Locale::En);
        let names: Vec<&str> = en.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(names, ["Belarus", "Germany", "Japan", "United States"]);
        let zh = pick_options(&choices, &counts, &chosen, Locale::Zh);
        assert_eq!(zh[0].label, "美国");
        assert_eq!((zh[1].label.as_str(), zh[1].count, zh[1].chosen), ("日本", 1, true));
    }

    #[test]
    fn typing_matches_any_language_pinyin_and_codes() {
        let d = fixture();
        let provinces = pick_options(
            &province_choices(&d),
            &Default::default(),
            &Default::default(),
            Locale::En,
        );
        let found = |typed: &str| -> Vec<String> {
            matching(&provinces, typed).into_iter().map(|o| o.value.clone()).collect()
        };
        assert_eq!(found("陕西"), ["cn-shaanxi"]);
        assert_eq!(found("shaan"), ["cn-shaanxi"]);
        assert_eq!(found(""), ["cn-shaanxi", "cn-shanghai"]);
        let countries = pick_options(
            &country_choices(&d),
            &Default::default(),
            &Default::default(),
            Locale::En,
        );
        let jp: Vec<&str> = matching(&countries, "jp").iter().map(|o| o.value.as_str()).collect();
        assert_eq!(jp, ["JP"]);
    }
}
