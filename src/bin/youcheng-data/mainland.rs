//! Chinese names as mainland readers write them, and the published name lists of `zh-names/`.
//!
//! Every foreign place's Chinese name, whatever its source, passes [`Mainland::form`]:
//! - a row of `zh-names/mainland-form-check.csv` replaces the dataset's Taiwan or Hong Kong form
//!   with the mainland one its evidence shows (杜拜 → 迪拜), when the name is still the one the
//!   row checked; a row that no longer applies is reported, never forced;
//! - [`simplified`]: traditional (and, for Japan, Japanese shinjitai) characters become
//!   simplified with OpenCC's tables (橫濱市 → 横滨市, 神戸市 → 神户市);
//! - [`without_prefixes`]: a country or parent glued in front is taken off (美国塔尔萨 → 塔尔萨,
//!   共和国发罗拉市 → 发罗拉市, 首都基希讷乌市 → 基希讷乌市), unless the place's own name
//!   begins with it (巴西利亚 stays whole) or the English name carries that parent too.
//!
//! [`Mainland`] also reads the four published lists of `zh-names/` (CC-CEDICT, Unicode CLDR
//! subdivisions, Who's On First, GNOME libgweather's zh_CN catalogue), each row tied to a place
//! by its country and English name, and gives a place the first list's name in that order of
//! trust (the folder's PROVENANCE.md).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::util::{Columns, InputError, fold, read_csv};

/// The lists of `zh-names/`, most trusted first, with the label a name's source carries.
pub const ZH_NAME_LISTS: &[(&str, &str)] = &[
    ("cc-cedict.csv", "CC-CEDICT"),
    ("cldr-subdivisions.csv", "CLDR subdivisions"),
    ("whosonfirst.csv", "Who's On First"),
    ("libgweather-zh_CN.csv", "libgweather zh_CN"),
];

/// Every source a foreign place's Chinese name is looked for in, in order (for
/// `docs/chinese-names.csv`'s places still without one).
pub const SOURCES_TRIED: &str = "pair sources; GeoNames (same name within 30 km); iso-codes; countrystatecity; CC-CEDICT; CLDR subdivisions; Who's On First; libgweather zh_CN; KStars zh_CN";

/// Countries whose places GeoNames and the lists may write with Japanese forms (shinjitai): Japan,
/// and the two Koreas, whose Han names come partly from Japanese (済州市 is 济州市, 平壌 is 平壤).
pub fn japanese_forms_possible(iso: &str) -> bool {
    matches!(iso, "JP" | "KR" | "KP")
}

/// Simplified Chinese for a name: OpenCC's traditional → simplified table, for a Japanese
/// place after its shinjitai → traditional table (県 → 縣 → 县).
pub fn simplified(zh: &str, japanese: bool) -> String {
    crate::naming::simplify(zh, japanese)
}

/// A prefix a name may carry glued in front, and the English words that say it belongs to the
/// name instead ("Australian Capital Territory" is 澳大利亚首都特区: its 首都 stays), or the
/// English beginning that does (the country's: its 澳大利亚 stays; "Northern Finland"'s does
/// not, 芬兰北芬兰地区 is 北芬兰地区).
#[derive(Clone, Debug, PartialEq)]
pub struct Prefix {
    pub zh: String,
    pub en_words: Vec<String>,
    pub en_start: Option<String>,
}

impl Prefix {
    /// A prefix kept by any of these English words.
    pub fn new(zh: &str, en_words: &[&str]) -> Prefix {
        let en_words = en_words.iter().map(|w| w.to_lowercase()).collect();
        Prefix { zh: zh.to_owned(), en_words, en_start: None }
    }

    /// A country's Chinese name, kept by an English name that begins with the country's
    /// (its first five letters: "Australian" for Australia, "Mexico City").
    pub fn country(zh: &str, en: &str) -> Prefix {
        let start: String = en.to_lowercase().chars().take(5).collect();
        Prefix { zh: zh.to_owned(), en_words: Vec::new(), en_start: Some(start) }
    }
}

/// A name without the country or parent glued in front: each prefix is taken off while at
/// least two characters remain, unless the English name `en` has one of the prefix's words, or
/// one of the place's `own` names (GeoNames') begins with it (巴西利亚 is Brasília, not 利亚 in
/// Brazil). A parent prefix stays when the English name names a parent too ("Seo-gu (Daejeon)"
/// is 大田广域市西区).
pub fn without_prefixes(
    (zh, en): (&str, &str),
    (countries, parents): (&[Prefix], &[Prefix]),
    own: &[String],
) -> String {
    let mut name = zh.to_owned();
    let en_lower = en.to_lowercase();
    let parents = if english_names_parent(en) { &[][..] } else { parents };
    loop {
        let cut = countries.iter().chain(parents).find_map(|prefix| {
            let rest = name.strip_prefix(prefix.zh.as_str())?;
            let own_name = own.iter().any(|o| o.starts_with(prefix.zh.as_str()))
                || prefix.en_words.iter().any(|w| en_lower.contains(w.as_str()))
                || prefix.en_start.as_ref().is_some_and(|s| en_lower.starts_with(s.as_str()));
            (rest.chars().count() >= 2 && !own_name).then(|| rest.to_owned())
        });
        match cut {
            Some(rest) => name = rest,
            None => return name,
        }
    }
}

/// True when an English place name also names a parent ("Seo-gu (Daejeon)", "Seoul – Jung").
pub fn english_names_parent(en: &str) -> bool {
    en.contains(" – ") || en.contains(" (")
}

/// A reviewed prefix: the English words of `en_keeps` are separated by "|".
fn prefix(zh: &str, en_keeps: &str) -> Prefix {
    let words: Vec<&str> = en_keeps.split('|').filter(|w| !w.is_empty()).collect();
    Prefix::new(zh, &words)
}

/// A name and its source by (country, folded English name).
type ByPlace = HashMap<(String, String), (String, String)>;

/// `curated/zh_names_from_reports.csv`: a place's Chinese name as a source's own Chinese text
/// writes it, with the sentence it is read from; a name the sentence does not contain stops the
/// build (the name is read, never typed).
fn names_from_reports(curated: &Path) -> Result<ByPlace, InputError> {
    let file = "zh_names_from_reports.csv";
    let table = read_csv(&curated.join(file))?;
    let c = Columns::new(&table, file);
    let (iso_i, en_i, zh_i, source_i, quote_i) = (
        c.index("country")?,
        c.index("en")?,
        c.index("zh")?,
        c.index("source")?,
        c.index("quote")?,
    );
    let mut out = HashMap::new();
    for row in &table.rows {
        let zh = row.get(zh_i);
        if zh.is_empty() || !row.get(quote_i).contains(zh) {
            return Err(InputError(format!(
                "{file} line {}: the quote does not write the name {zh:?}",
                row.line
            )));
        }
        out.insert(
            (row.get(iso_i).to_owned(), fold(row.get(en_i))),
            (zh.to_owned(), row.get(source_i).to_owned()),
        );
    }
    Ok(out)
}

/// What became of a place's mainland-form row: it is a reviewed decision about the place, so
/// it applies whatever source names the place now; the outcome says when that source wrote
/// another form than the one the row checked (Phuket: the row's 普吉, not a later source's
/// 泰国普吉府, the province).
fn row_outcome(row: &FormRow, zh: &str, clean: impl Fn(&str) -> String) -> String {
    if row.dataset == zh || clean(&row.dataset) == clean(zh) {
        "applied".to_owned()
    } else {
        format!("applied (a later source writes {zh})")
    }
}

/// A mainland-form row: the form it checked and the mainland form.
#[derive(Clone, Debug)]
struct FormRow {
    dataset: String,
    mainland: String,
}

/// The mainland-form rows, the reviewed prefixes, and the `zh-names/` lists.
pub struct Mainland {
    forms: HashMap<(String, String), FormRow>,
    /// Reviewed prefixes by country ("*" for every country): (prefix, is a parent).
    prefixes: BTreeMap<String, Vec<(Prefix, bool)>>,
    /// `zh-names/` rows by (country, folded English name), most trusted list first.
    lists: HashMap<(String, String), Vec<(String, String)>>,
    /// Names a source's own Chinese text writes (`curated/zh_names_from_reports.csv`), by
    /// (country, folded English name): (name, source id).
    from_reports: ByPlace,
}

/// What became of each mainland-form row: (place, dataset form, mainland form, applied or why not).
pub type FormOutcomes = Vec<(String, String, String, String)>;

impl Mainland {
    /// Reads `raw/zh-names/` and `curated/zh_prefixes.csv`.
    pub fn load(raw: &Path, curated: &Path) -> Result<Mainland, InputError> {
        // The published check, then the project's reviewed rows in the same columns
        // (`curated/mainland_forms.csv`: forms a later source brought, each with its evidence).
        let mut forms = HashMap::new();
        for (dir, file) in [
            (raw.join("zh-names"), "mainland-form-check.csv"),
            (curated.to_owned(), "mainland_forms.csv"),
        ] {
            let table = read_csv(&dir.join(file))?;
            let c = Columns::new(&table, file);
            let (iso_i, en_i, from_i, to_i) = (
                c.index("country")?,
                c.index("en")?,
                c.index("zh_dataset")?,
                c.index("zh_mainland")?,
            );
            for row in &table.rows {
                forms.insert(
                    (row.get(iso_i).to_owned(), fold(row.get(en_i))),
                    FormRow {
                        dataset: row.get(from_i).to_owned(),
                        mainland: row.get(to_i).to_owned(),
                    },
                );
            }
        }
        let file = "zh_prefixes.csv";
        let table = read_csv(&curated.join(file))?;
        let c = Columns::new(&table, file);
        let (iso_i, prefix_i, kind_i, words_i) =
            (c.index("country")?, c.index("prefix")?, c.index("kind")?, c.index("en_keeps")?);
        let mut prefixes: BTreeMap<String, Vec<(Prefix, bool)>> = BTreeMap::new();
        for row in &table.rows {
            let parent = match row.get(kind_i) {
                "country" => false,
                "parent" => true,
                other => {
                    return Err(InputError(format!(
                        "{file} line {}: kind {other:?} is neither country nor parent",
                        row.line
                    )));
                }
            };
            prefixes
                .entry(row.get(iso_i).to_owned())
                .or_default()
                .push((prefix(row.get(prefix_i), row.get(words_i)), parent));
        }
        let mut lists: HashMap<(String, String), Vec<(String, String)>> = HashMap::new();
        let dir = raw.join("zh-names");
        for (file, label) in ZH_NAME_LISTS {
            let table = read_csv(&dir.join(file))?;
            let c = Columns::new(&table, file);
            let (iso_i, en_i, zh_i, id_i) =
                (c.index("country")?, c.index("en")?, c.index("zh")?, c.index("source_id")?);
            for row in &table.rows {
                let zh = row.get(zh_i);
                if zh.is_empty() {
                    continue;
                }
                lists
                    .entry((row.get(iso_i).to_owned(), fold(row.get(en_i))))
                    .or_default()
                    .push((zh.to_owned(), format!("{label} {}", row.get(id_i))));
            }
        }
        let from_reports = names_from_reports(curated)?;
        Ok(Mainland { forms, prefixes, lists, from_reports })
    }

    /// The name a pair's source writes in its own Chinese text (a report's 白俄罗斯明斯克市苏维埃区
    /// for Savyetski District), with the source's id.
    pub fn in_report(&self, iso: &str, en: &str) -> Option<(String, String)> {
        let (zh, source) = self.from_reports.get(&(iso.to_owned(), fold(en)))?;
        Some((zh.clone(), format!("pair sources ({source})")))
    }

    /// The most trusted `zh-names/` name of a place and its source.
    pub fn listed(&self, iso: &str, en: &str) -> Option<(String, String)> {
        self.lists.get(&(iso.to_owned(), fold(en))).and_then(|l| l.first()).cloned()
    }

    /// The prefixes a name of this country may carry, the longest first (日本国 before 日本):
    /// the country's Chinese name (kept by its English name: "Australian Capital Territory")
    /// and the reviewed country forms of `zh_prefixes.csv`, then its reviewed parents.
    fn prefixes_of(
        &self,
        iso: &str,
        (country_zh, country_en): (&str, &str),
    ) -> (Vec<Prefix>, Vec<Prefix>) {
        let mut countries = vec![Prefix::country(country_zh, country_en)];
        countries.retain(|p| !p.zh.is_empty());
        let mut parents = Vec::new();
        for key in [iso, "*"] {
            for (prefix, parent) in self.prefixes.get(key).into_iter().flatten() {
                if *parent { &mut parents } else { &mut countries }.push(prefix.clone());
            }
        }
        for list in [&mut countries, &mut parents] {
            list.sort_by(|a, b| {
                b.zh.chars().count().cmp(&a.zh.chars().count()).then(a.zh.cmp(&b.zh))
            });
            list.dedup();
        }
        (countries, parents)
    }

    /// The mainland form of a place's Chinese name (see the module's rules); `outcomes` records
    /// what became of the place's mainland-form row.
    pub fn form(
        &self,
        (iso, en): (&str, &str),
        zh: &str,
        country: (&str, &str),
        own: &[String],
        outcomes: &mut FormOutcomes,
    ) -> String {
        let japanese = japanese_forms_possible(iso);
        let (countries, parents) = self.prefixes_of(iso, country);
        let clean = |zh: &str| {
            let zh = simplified(zh, japanese);
            without_prefixes((&zh, en), (&countries, &parents), own)
        };
        let mut name = zh.to_owned();
        if let Some(row) = self.forms.get(&(iso.to_owned(), fold(en))) {
            let outcome = row_outcome(row, zh, clean);
            name = row.mainland.clone();
            outcomes.push((
                format!("{en} ({iso})"),
                row.dataset.clone(),
                row.mainland.clone(),
                outcome,
            ));
        }
        clean(&name)
    }

    /// The rows no place of this name has (the place left the dataset or was renamed).
    pub fn unused_rows(&self, outcomes: &FormOutcomes) -> Vec<String> {
        let mut out: Vec<String> = self
            .forms
            .iter()
            .filter(|(_, row)| !outcomes.iter().any(|o| o.1 == row.dataset && o.2 == row.mainland))
            .map(|((iso, en), row)| format!("{en} ({iso}): {} → {}", row.dataset, row.mainland))
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[(&str, &str)]) -> Vec<Prefix> {
        items.iter().map(|(zh, en)| prefix(zh, en)).collect()
    }

    #[test]
    fn traditional_and_japanese_characters_become_simplified() {
        assert_eq!(simplified("橫濱市", false), "横滨市");
        assert_eq!(simplified("墨爾本", false), "墨尔本");
        assert_eq!(simplified("小波蘭省", false), "小波兰省");
        assert_eq!(simplified("美國塔爾薩", false), "美国塔尔萨");
        assert_eq!(simplified("神戸市", true), "神户市", "Japanese 戸");
        assert_eq!(simplified("鹿児島市", true), "鹿儿岛市");
        assert_eq!(simplified("长崎県", true), "长崎县");
        assert_eq!(simplified("巴西利亚", false), "巴西利亚");
        assert!(japanese_forms_possible("KR"), "GeoNames writes Jeju 済州市");
        assert_eq!(simplified("済州市", japanese_forms_possible("KR")), "济州市");
        assert_eq!(simplified("平壌", japanese_forms_possible("KP")), "平壤");
    }

    #[test]
    fn a_country_or_parent_glued_in_front_is_taken_off() {
        let c = vec![
            Prefix::country("美国", "United States"),
            prefix("共和国", "Republic"),
            prefix("首都", "Capital"),
            prefix("日本国", ""),
            Prefix::country("日本", "Japan"),
        ];
        let p = list(&[("莫斯科州", ""), ("洛杉矶", "")]);
        let cut = |zh: &str, en: &str| without_prefixes((zh, en), (&c, &p), &[]);
        assert_eq!(cut("美国塔尔萨", "Tulsa"), "塔尔萨");
        assert_eq!(cut("共和国发罗拉市", "Vlorë"), "发罗拉市");
        assert_eq!(cut("首都基希讷乌市", "Chișinău"), "基希讷乌市");
        assert_eq!(cut("日本国鸟取县", "Tottori Prefecture"), "鸟取县");
        assert_eq!(cut("日本滋贺县", "Shiga Prefecture"), "滋贺县");
        assert_eq!(cut("莫斯科州斯图皮诺市", "Stupino"), "斯图皮诺市");
        // Two glued in front: both go.
        assert_eq!(cut("共和国首都基希讷乌市", "Chișinău"), "基希讷乌市");
        assert_eq!(cut("奈良市", "Nara"), "奈良市");
        let korea = vec![Prefix::country("韩国", "South Korea")];
        assert_eq!(without_prefixes(("韩国青松郡", "Cheongsong"), (&korea, &[]), &[]), "青松郡");
        assert_eq!(without_prefixes(("韩国", "Korea"), (&korea, &[]), &[]), "韩国");
    }

    #[test]
    fn a_name_that_begins_like_a_prefix_is_never_cut() {
        let c = vec![
            Prefix::country("巴西", "Brazil"),
            Prefix::country("墨西哥", "Mexico"),
            Prefix::country("韩国", "South Korea"),
        ];
        let p = list(&[("大田广域市", "")]);
        let cut = |zh: &str, en: &str, own: &[String]| without_prefixes((zh, en), (&c, &p), own);
        // Brasília: GeoNames writes 巴西利亚, so the 巴西 is its own.
        let own = vec!["巴西利亚".to_owned()];
        assert_eq!(cut("巴西利亚联邦区", "Brasília", &own), "巴西利亚联邦区");
        assert_eq!(cut("巴西利亚", "Brasília", &own), "巴西利亚");
        // Too short a rest: the country's name is the place's.
        assert_eq!(cut("墨西哥城", "Mexico City", &[]), "墨西哥城");
        assert_eq!(cut("巴西", "Brazil", &[]), "巴西");
        // The English name says the country and the capital are part of the name.
        let au = vec![Prefix::country("澳大利亚", "Australia"), prefix("首都", "Capital")];
        assert_eq!(
            without_prefixes(("澳大利亚首都特区", "Australian Capital Territory"), (&au, &[]), &[]),
            "澳大利亚首都特区"
        );
        let fi = vec![Prefix::country("芬兰", "Finland")];
        assert_eq!(
            without_prefixes(("芬兰北芬兰地区", "Northern Finland"), (&fi, &[]), &[]),
            "北芬兰地区"
        );
        // A district whose English name carries its city keeps the city in Chinese, not the
        // country.
        assert_eq!(cut("韩国大田广域市西区", "Seo-gu (Daejeon)", &[]), "大田广域市西区");
        assert_eq!(cut("大田广域市西区", "Seo-gu", &[]), "西区");
    }
}
