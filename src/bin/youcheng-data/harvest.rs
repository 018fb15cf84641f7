//! The harvested rows: pairs transcribed from public pages (`data/raw/pages-harvest*/rows.csv`),
//! each with the Chinese side and the partner as the page writes them, the date as printed, the
//! source's word for the tie, and the source. See each folder's PROVENANCE.md.

use std::path::Path;

use youcheng::model::format::dataset::Kind;
use youcheng::model::format::date::PartialDate;

use crate::util::{Columns, InputError, read_csv};

/// One harvested row.
#[derive(Clone, Debug)]
pub struct HarvestRow {
    /// The folder it comes from (`pages-harvest-japan`).
    pub folder: String,
    /// Its line in `rows.csv`.
    pub line: usize,
    /// The Chinese side in simplified Chinese with its parents (`苏州市常熟市`).
    pub cn_zh: String,
    /// The partner as the page writes it.
    pub partner_text: String,
    /// The partner's usual English name.
    pub partner_en: String,
    /// The partner's country.
    pub iso: String,
    /// The date, no more precise than printed.
    pub established: Option<PartialDate>,
    /// The tie, coded.
    pub kind: Kind,
    /// The source's title.
    pub source_title: String,
    /// The source's address.
    pub source_url: String,
    /// Caveats.
    pub note: String,
}

impl HarvestRow {
    /// True when the date is not printed but worked out (from an anniversary, "last year").
    pub fn date_derived(&self) -> bool {
        let note = self.note.to_lowercase();
        self.established.is_some()
            && (note.contains("derived")
                || note.contains("anniversary")
                || note.contains("inferred"))
    }

    /// True when the source says the tie ended or was suspended: the row's note opens the
    /// ending in capitals ("ENDED: the Arnhem city council voted …", "SUSPENDED by …"), unless it
    /// says the tie went on ("relations resumed later", "continued as 'friendship city'").
    pub fn ends(&self) -> bool {
        let marked = ["ENDED", "SUSPENDED"].iter().any(|m| self.note.contains(m))
            && !self.note.contains("POSSIBLY ENDED");
        let went_on = ["resumed", "continued"].iter().any(|w| self.note.contains(w));
        marked && !went_on
    }

    /// True when the partner is a first-level region (the provinces harvest pairs provinces
    /// with states; elsewhere the English name says so).
    pub fn partner_is_region(&self) -> bool {
        self.folder == "pages-harvest-provinces"
    }

    /// Where the row comes from, for messages: `pages-harvest-japan/rows.csv line 12`.
    pub fn place(&self) -> String {
        format!("{}/rows.csv line {}", self.folder, self.line)
    }
}

/// Reads every `pages-harvest*/rows.csv` under `raw`, folders in name order.
pub fn read_all(raw: &Path) -> Result<Vec<HarvestRow>, InputError> {
    let mut folders: Vec<String> = std::fs::read_dir(raw)
        .map_err(|e| InputError(format!("{}: {e}", raw.display())))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pages-harvest"))
        .collect();
    folders.sort();
    let mut out = Vec::new();
    for folder in folders {
        let table = read_csv(&raw.join(&folder).join("rows.csv"))?;
        let name = format!("{folder}/rows.csv");
        let c = Columns::new(&table, &name);
        let cols = (
            c.index("cn_zh")?,
            c.index("partner_text")?,
            c.index("partner_en")?,
            c.index("partner_country_iso2")?,
            c.index("established")?,
            c.index("type")?,
        );
        let (title_i, url_i, note_i) =
            (c.index("source_title")?, c.index("source_url")?, c.index("note")?);
        for row in &table.rows {
            let bad = |what: &str| InputError(format!("{name} line {}: {what}", row.line));
            let established = match row.get(cols.4) {
                "" => None,
                text => Some(text.parse().map_err(|e| bad(&format!("bad date {text:?}: {e}")))?),
            };
            let kind = Kind::parse(row.get(cols.5))
                .ok_or_else(|| bad(&format!("bad type {:?}", row.get(cols.5))))?;
            out.push(HarvestRow {
                folder: folder.clone(),
                line: row.line,
                cn_zh: row.get(cols.0).trim().to_owned(),
                partner_text: row.get(cols.1).trim().to_owned(),
                partner_en: row.get(cols.2).trim().to_owned(),
                iso: row.get(cols.3).trim().to_owned(),
                established,
                kind,
                source_title: row.get(title_i).trim().to_owned(),
                source_url: row.get(url_i).trim().to_owned(),
                note: row.get(note_i).trim().to_owned(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_harvested_row_reads_with_its_date_type_and_source() {
        let raw = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
        let rows = read_all(&raw).expect("the harvest reads");
        assert_eq!(rows.len(), 2264, "the eighteen folders' rows");
        assert_eq!(rows.iter().filter(|r| r.established.is_some()).count(), 1851);
        assert!(rows.iter().all(|r| !r.cn_zh.is_empty() && r.iso.len() == 2));
        assert!(rows.iter().all(|r| !r.source_title.is_empty()));
        let derived: Vec<&HarvestRow> = rows.iter().filter(|r| r.date_derived()).collect();
        assert!(!derived.is_empty());
        assert!(derived.iter().all(|r| r.established.is_some()));
        let ended: Vec<String> = rows
            .iter()
            .filter(|r| r.ends())
            .map(|r| format!("{}–{}", r.cn_zh, r.partner_en))
            .collect();
        for tie in [
            "武汉市–Arnhem",
            "南京市–Eindhoven",
            "扬州市–Breda",
            "无锡市–Egedal",
            "太原市–Newcastle upon Tyne",
            "盘锦市–Yalova",
        ] {
            assert!(ended.iter().any(|e| e == tie), "{tie} ended: {ended:?}");
        }
        // Suspended and resumed (Pisa), or demoted but continued (Little Rock): not ended.
        assert!(!ended.iter().any(|e| e == "杭州市–Pisa" || e == "长春市–Little Rock"));
        assert!(!ended.iter().any(|e| e == "铜陵市–Skellefteå"), "possibly ended is not ended");
    }
}
