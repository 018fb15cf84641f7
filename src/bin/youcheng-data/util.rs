//! Small helpers of the data tool: reading inputs, name folding, ids.

use std::fs;
use std::path::Path;

use youcheng::model::read::csv::{self, Table};

/// An input that could not be read, with the path.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// Reads a whole text file.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    fs::read_to_string(path).map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))
}

/// Reads a CSV file; any unreadable row is an error for a raw input (they are all well formed).
pub fn read_csv(path: &Path) -> Result<Table, InputError> {
    let text = read_text(path)?;
    let table = csv::read(&text);
    if let Some(bad) = table.bad.first() {
        return Err(InputError(format!("{}: broken quoting at line {}", path.display(), bad.line)));
    }
    // A row wider than its header lost its last cells: an unquoted comma cut a note in two
    // (a pair's note once shipped as "… (Government Website of Shaanxi Province").
    let width = table.header.len();
    if let Some(row) = table.rows.iter().find(|r| r.fields.len() > width) {
        return Err(InputError(format!(
            "{}: line {} has {} cells, the header {} (an unquoted comma?)",
            path.display(),
            row.line,
            row.fields.len(),
            width
        )));
    }
    Ok(table)
}

/// Column accessor that fails with the file's name when a column is missing.
pub struct Columns<'a> {
    table: &'a Table,
    name: String,
}

impl<'a> Columns<'a> {
    /// Wraps a table for named access.
    pub fn new(table: &'a Table, name: &str) -> Columns<'a> {
        Columns { table, name: name.to_owned() }
    }

    /// Index of a required column.
    pub fn index(&self, column: &str) -> Result<usize, InputError> {
        self.table
            .column(column)
            .ok_or_else(|| InputError(format!("{} has no column {column:?}", self.name)))
    }
}

pub use youcheng::model::format::text::{fold, slug};

pub use youcheng::model::format::ids::short_id;

/// Rounds a coordinate to 3 decimals (about 110 m): finer than any marker on a world map.
pub fn round3(x: f64) -> f64 {
    (x * 1_000.0).round() / 1_000.0
}

/// True when the text has a Han character.
pub fn has_han(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

/// True when the text has Japanese kana.
pub fn has_kana(text: &str) -> bool {
    text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c))
}

/// Great-circle distance in km.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_wider_than_its_header_is_refused_not_cut() {
        let dir = std::env::temp_dir().join(format!("yc-util-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("facts.csv");
        std::fs::write(&file, "pair,note\nxian-nara,first tie (a source, 2018)\n").expect("write");
        let error = read_csv(&file).expect_err("an unquoted comma in the last cell");
        assert!(error.0.contains("line 2 has 3 cells"), "{}", error.0);
        std::fs::write(&file, "pair,note\nxian-nara,\"first tie (a source, 2018)\"\n")
            .expect("write");
        let table = read_csv(&file).expect("quoted, it reads");
        assert_eq!(table.rows[0].get(1), "first tie (a source, 2018)");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
