//! A JSON array of records (`[{"中方城市": "西安市", "外方城市": "奈良市", …}, …]`), as
//! spreadsheet tools and scripts export a list, turned into rows of cells: one header row with
//! every key (each record's keys in name order, as the JSON reader gives them; new keys of later
//! records after), one row per record. Everything after that is the CSV
//! importer's (header words, dates, names, problems).
//!
//! ```
//! use youcheng::model::read::records::json_records;
//! let rows = json_records(r#"[{"中方城市": "西安市", "外方城市": "奈良市"}]"#).unwrap();
//! assert_eq!(rows, [vec!["中方城市", "外方城市"], vec!["西安市", "奈良市"]]);
//! ```

use serde_json::Value;

use super::csv::number_cell;

/// The rows of a JSON array whose items are objects (the array may sit in an envelope object
/// under any key, as API answers put it); `None` when the text is not such an array.
pub fn json_records(text: &str) -> Option<Vec<Vec<String>>> {
    let root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let items = find_array(&root, 0)?;
    let mut header: Vec<String> = Vec::new();
    for item in items {
        for key in item.as_object()?.keys() {
            if !header.contains(key) {
                header.push(key.clone());
            }
        }
    }
    let mut rows = vec![header.clone()];
    for item in items {
        let object = item.as_object()?;
        rows.push(header.iter().map(|k| object.get(k).map(cell).unwrap_or_default()).collect());
    }
    Some(rows)
}

/// The first array of objects, at the root or inside objects (not deeper than four levels).
fn find_array(value: &Value, depth: usize) -> Option<&Vec<Value>> {
    match value {
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            Some(items)
        }
        Value::Object(map) if depth < 4 => map.values().find_map(|v| find_array(v, depth + 1)),
        _ => None,
    }
}

/// A value as a cell's text: strings as written, numbers and booleans as JSON writes them,
/// a whole number without its decimal point, nothing for null; a nested value as its JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        // A year exported as a number (1973.0) reads as the year.
        Value::Number(n) if n.as_i64().is_none() => n.as_f64().map_or(n.to_string(), number_cell),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_rows_with_every_key_and_a_row_each() {
        let rows = json_records(
            r#"{"ok": true, "data": {"rows": [
                {"Chinese city": "Xi'an", "Partner city": "Nara", "Country": "JP"},
                {"Chinese city": "Shanghai", "Country": "JP", "Partner city": "Yokohama", "Since": 1973.0, "Note": null}
            ]}}"#,
        )
        .unwrap();
        assert_eq!(rows[0], ["Chinese city", "Country", "Partner city", "Note", "Since"]);
        assert_eq!(rows[1], ["Xi'an", "JP", "Nara", "", ""]);
        assert_eq!(rows[2], ["Shanghai", "JP", "Yokohama", "", "1973"]);
    }

    #[test]
    fn what_is_not_an_array_of_records_is_none() {
        for text in ["{}", "[]", "[1, 2]", r#"{"places": [1]}"#, "not json", r#"[{"a": 1}, 2]"#] {
            assert_eq!(json_records(text), None, "{text}");
        }
    }
}
