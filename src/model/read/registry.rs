//! The CPAFFC friendship-city registry's answer, read wherever its rows sit.
//!
//! A saved answer of the registry's search (中国人民对外友好协会 友好城市查询) is a JSON list of rows
//! with the fields `prov`, `city`, `w_city`, `w_country`, `qzsj` (signing date), `jhsj` (year)
//! and `sn`, bare or inside an envelope object. The rows are found by those field names; a file
//! that holds none is told apart clearly. The data tool merges such a file into the public
//! dataset (`youcheng-data build --registry`); the app loads a dropped or linked one like a
//! spreadsheet ([`to_csv`]).

use serde_json::Value;

use super::csv::push_row;
use super::officials::official_date;
use crate::model::format::date::PartialDate;

/// The fields every registry row carries.
pub const FIELDS: [&str; 4] = ["prov", "city", "w_city", "w_country"];

/// One registry row.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryRow {
    /// Chinese province (陕西省).
    pub prov: String,
    /// Chinese city or district (西安市).
    pub city: String,
    /// Foreign city or region, in Chinese (奈良市).
    pub w_city: String,
    /// Foreign country, in Chinese (日本).
    pub w_country: String,
    /// The signing date (`qzsj`), else the year (`jhsj`), as precise as given.
    pub date: Option<PartialDate>,
    /// The registry's row number.
    pub sn: String,
}

fn text(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// A registry date: `1974-02-01`, `1974.2.1`, `1974年2月1日`, `19740201` or a year.
pub fn registry_date(raw: &str) -> Option<PartialDate> {
    let raw = raw.trim();
    if raw.len() == 8 && raw.chars().all(|c| c.is_ascii_digit()) {
        let (y, m, d) = (raw[..4].parse().ok()?, raw[4..6].parse().ok()?, raw[6..].parse().ok()?);
        return PartialDate::ymd(y, m, d).ok();
    }
    official_date(raw)
}

fn find_rows(v: &Value) -> Option<&Vec<Value>> {
    match v {
        Value::Array(items)
            if !items.is_empty()
                && items.iter().all(|i| FIELDS.iter().all(|f| i.get(f).is_some())) =>
        {
            Some(items)
        }
        Value::Array(items) => items.iter().find_map(find_rows),
        Value::Object(map) => map.values().find_map(find_rows),
        _ => None,
    }
}

/// True when a JSON text holds registry rows.
pub fn is_registry(json: &str) -> bool {
    serde_json::from_str::<Value>(json).ok().as_ref().and_then(find_rows).is_some()
}

/// Reads a saved registry answer.
pub fn parse(json: &str) -> Result<Vec<RegistryRow>, String> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| format!("the registry file is not JSON: {e}"))?;
    let rows = find_rows(&value).ok_or_else(|| {
        "the registry file holds no list of rows with the fields prov, city, w_city and \
         w_country: is it the answer of the registry's search (docs/registry.md)?"
            .to_owned()
    })?;
    Ok(rows
        .iter()
        .map(|r| RegistryRow {
            prov: text(r, "prov"),
            city: text(r, "city"),
            w_city: text(r, "w_city"),
            w_country: text(r, "w_country"),
            date: registry_date(&text(r, "qzsj")).or_else(|| registry_date(&text(r, "jhsj"))),
            sn: text(r, "sn"),
        })
        .collect())
}

/// The rows as a spreadsheet in the import template's columns, so the app loads a registry
/// file exactly as it loads a list: every tie a sister city (the registry lists formal ties),
/// the registry cited as the source.
pub fn to_csv(rows: &[RegistryRow]) -> String {
    let mut out = String::from(
        "chinese_place,chinese_place_zh,partner,partner_country,established,type,source,note\n",
    );
    for r in rows {
        let home = if r.city.is_empty() { &r.prov } else { &r.city };
        let note = if r.sn.is_empty() { String::new() } else { format!("registry row {}", r.sn) };
        let fields = [
            home.as_str(),
            home.as_str(),
            &r.w_city,
            &r.w_country,
            &r.date.map(|d| d.to_string()).unwrap_or_default(),
            "sister",
            "CPAFFC friendship-city registry (中国人民对外友好协会 友好城市查询)",
            &note,
        ];
        push_row(&mut out, &fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows in the registry's documented field names, with values made for the test.
    const ENVELOPE: &str = r#"{"code":1,"data":{"total":2,"list":[
        {"sn":"1","prov":"陕西省","city":"西安市","w_city":"奈良市","w_country":"日本","qzsj":"1974.2.1","jhsj":"1974"},
        {"sn":"2","prov":"陕西省","city":"","w_city":"明尼苏达州","w_country":"美国","qzsj":"","jhsj":"1982"}]}}"#;

    #[test]
    fn rows_are_found_inside_an_envelope_and_read_into_the_template() {
        assert!(is_registry(ENVELOPE));
        let rows = parse(ENVELOPE).expect("rows");
        assert_eq!(rows[0].date.map(|d| d.to_string()).as_deref(), Some("1974-02-01"));
        assert_eq!(rows[1].date.map(|d| d.to_string()).as_deref(), Some("1982"));
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].starts_with("西安市,西安市,奈良市,日本,1974-02-01,sister,"),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("陕西省,陕西省,明尼苏达州,美国,1982,sister,"), "{}", lines[2]);
    }

    #[test]
    fn other_json_is_not_taken_for_a_registry() {
        assert!(!is_registry(r#"{"format":"youcheng-partnerships","places":[]}"#));
        assert!(!is_registry("not json"));
        assert!(parse(r#"[{"title":"x"}]"#).expect_err("refused").contains("prov, city"));
    }
}
