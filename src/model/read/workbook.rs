//! Spreadsheet workbooks (.xlsx, .xls) turned into rows of cells — the only stage of the
//! import that is particular to workbooks. The rows are handed on as CSV text, so the header
//! row, the columns' roles, dates, names and problems are found exactly as for a CSV file
//! ([`super::import_csv`]).
//!
//! The app runs this in a web worker built as its own wasm module (`src/bin/youcheng-sheets`),
//! fetched only when a workbook is given: calamine never reaches the first view.
//!
//! - the first sheet holding any cell is read, row for row from its row 1; a merged title
//!   cell is its top-left value; a line break inside a cell becomes a space (one row, one
//!   line, so row numbers stay the spreadsheet's);
//! - a cell typed as a date becomes `YYYY-MM-DD` (Excel's 1900 and 1904 systems), never a
//!   serial number; a time of day is dropped;
//! - a whole number stays whole (`1974`, not `1974.0`); text stays as written.

use std::io::Cursor;

use calamine::{Data, Reader, Xls, Xlsx};

use super::csv::{number_cell, rows_to_csv};

/// The largest workbook read (bytes): as large as the JSON and CSV loaders accept.
pub const MAX_WORKBOOK_BYTES: usize = crate::model::format::load::MAX_INPUT_BYTES;

/// Which kind of workbook some bytes are, told by their first bytes (not the file name, which
/// a link may not have).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkbookKind {
    /// Office Open XML (.xlsx): a zip archive.
    Zip,
    /// The older Excel format (.xls): an OLE compound file.
    Ole,
}

/// The kind of workbook `bytes` start like, if any.
pub fn workbook_kind(bytes: &[u8]) -> Option<WorkbookKind> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(WorkbookKind::Zip)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(WorkbookKind::Ole)
    } else {
        None
    }
}

/// One sheet read as rows of cell texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name as the workbook gives it.
    pub name: String,
    /// Its rows from row 1 to the last holding a cell, each as wide as the widest.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The rows as CSV text (comma-separated, quoted where needed), for the CSV importer.
    pub fn to_csv(&self) -> String {
        rows_to_csv(&self.rows)
    }
}

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// The reader refused the file (damaged, encrypted, or not a workbook).
    #[error("not a readable workbook: {0}")]
    Unreadable(String),
    /// Every sheet is empty.
    #[error("the workbook has no sheet with data")]
    NoData,
    /// Larger than the importer accepts.
    #[error("the workbook is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// A cell reference past the last cell a sheet can have (`XFD1048576`): the file is
    /// damaged, and calamine 0.38 would overflow reading it (docs/calamine-overflow.md).
    #[error("a cell reference ({reference}) past the last cell a sheet can have (XFD1048576)")]
    PastLastCell {
        /// The reference as written (at most 24 characters of it).
        reference: String,
    },
}

/// The most cells a sheet may span once laid out as rows (from row 1 to its last row holding a
/// cell, as wide as its widest): a 20,000-row list of 250 columns. Beyond it the workbook is
/// refused, so a file claiming a cell at XFD1048576 cannot make the reader lay out 17 billion
/// cells.
pub const MAX_CELLS: usize = 5_000_000;

/// Reads the first sheet that holds any cell, row for row from the sheet's row 1 (blank rows
/// kept), so that "row 7" in a problem is row 7 in the spreadsheet.
///
/// An .xlsx is read cell by cell and laid out within [`MAX_CELLS`]. An .xls is laid out by
/// calamine as a dense sheet when opened (bounded only by the format's 65,536 rows and 256
/// columns, or what a damaged file claims): the app reads workbooks in a worker of their own,
/// so a file that exhausts its memory stops that worker and is reported as unreadable, never
/// the page.
pub fn read_first_sheet(bytes: &[u8]) -> Result<Sheet, WorkbookError> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(WorkbookError::TooLarge { limit: MAX_WORKBOOK_BYTES });
    }
    match workbook_kind(bytes) {
        Some(WorkbookKind::Zip) => read_xlsx(bytes),
        Some(WorkbookKind::Ole) => read_xls(bytes),
        None => Err(WorkbookError::Unreadable("not an .xlsx or .xls file".to_owned())),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, WorkbookError> {
    check_references(bytes)?;
    let unreadable = |e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
        let mut cells: Vec<(u32, u32, String)> = Vec::new();
        let (mut height, mut width) = (0usize, 0usize);
        while let Some(cell) = reader.next_cell().map_err(unreadable)? {
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if text.trim().is_empty() {
                continue;
            }
            let (row, col) = cell.get_position();
            height = height.max(row as usize + 1);
            width = width.max(col as usize + 1);
            if height.saturating_mul(width) > MAX_CELLS {
                return Err(WorkbookError::TooLarge { limit: MAX_WORKBOOK_BYTES });
            }
            cells.push((row, col, text));
        }
        if cells.is_empty() {
            continue;
        }
        let mut rows = vec![vec![String::new(); width]; height];
        for (row, col, text) in cells {
            rows[row as usize][col as usize] = text;
        }
        return Ok(Sheet { name, rows });
    }
    Err(WorkbookError::NoData)
}

fn read_xls(bytes: &[u8]) -> Result<Sheet, WorkbookError> {
    let mut book: Xls<_> =
        Xls::new(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else { continue };
        let Some((first_row, first_col)) = range.start() else { continue };
        let width = first_col as usize + range.width();
        // Rows above the range and columns left of it, so rows and columns keep their places.
        let mut rows = vec![vec![String::new(); width]; first_row as usize];
        for row in range.rows() {
            let mut out = vec![String::new(); first_col as usize];
            out.extend(row.iter().map(cell_text));
            rows.push(out);
        }
        if rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
            return Ok(Sheet { name, rows });
        }
    }
    Err(WorkbookError::NoData)
}

/// Excel's last column (`XFD`) and row: no sheet has a cell beyond `XFD1048576`.
const LAST_COLUMN: u64 = 16_384;
const LAST_ROW: u64 = 1_048_576;

/// Refuses an .xlsx with a cell reference past `XFD1048576` before calamine reads it.
/// calamine 0.38 turns a reference's letters and digits into a `u32` unchecked (a panic where
/// overflow is checked, a wrong cell where it is not), for every `r` and `ref` attribute of the
/// sheets it reads (rows, cells, the dimension, merged cells). This reads every part of the
/// zip as calamine's reader does and looks at each such attribute first; a part that does not
/// read to its end is left for calamine to refuse (it stops at the same place).
fn check_references(bytes: &[u8]) -> Result<(), WorkbookError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine says why
    };
    let mut buf = Vec::new();
    for index in 0..zip.len() {
        let Ok(part) = zip.by_index(index) else { continue };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Start(tag) | quick_xml::events::Event::Empty(tag)) => {
                    check_attributes(tag.attributes_raw())?;
                }
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
    Ok(())
}

/// Looks at a tag's `r` and `ref` attributes, split as calamine splits them: a key runs to
/// the next `=`, a value is quoted; a malformed attribute ends the tag (calamine stops there).
fn check_attributes(raw: &str) -> Result<(), WorkbookError> {
    let mut rest = raw;
    loop {
        rest = rest.trim_start();
        let Some((key, after)) = rest.split_once('=') else { return Ok(()) };
        let after = after.trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return Ok(());
        };
        let value_and_rest = &after[1..];
        let (value, next) = value_and_rest.split_once(quote).unwrap_or((value_and_rest, ""));
        if matches!(key.trim_end(), "r" | "ref") {
            for reference in value.split(':') {
                if !within_last_cell(reference) {
                    let reference = reference.chars().take(24).collect();
                    return Err(WorkbookError::PastLastCell { reference });
                }
            }
        }
        rest = next;
    }
}

/// Whether a cell reference's leading letters and the digits after them (what calamine adds
/// up) stay within `XFD1048576`; what follows them is calamine's to refuse.
fn within_last_cell(reference: &str) -> bool {
    let bytes = reference.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let column = bytes[..letters].iter().fold(0u64, |n, b| {
        n.saturating_mul(26).saturating_add(u64::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    let row = bytes[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')));
    column <= LAST_COLUMN && row <= LAST_ROW
}

/// A cell as text: dates as `YYYY-MM-DD`, whole numbers without a decimal point.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.replace(['\r', '\n'], " "),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_cell(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => number_cell(dt.as_f64()),
        // OpenDocument writes dates as ISO text already: keep the date part.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn kinds_are_told_by_their_first_bytes() {
        assert_eq!(workbook_kind(b"PK\x03\x04rest"), Some(WorkbookKind::Zip));
        assert_eq!(
            workbook_kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(WorkbookKind::Ole)
        );
        assert_eq!(workbook_kind(b"\xef\xbb\xbf\xe5\xba\x8f"), None);
        assert_eq!(workbook_kind(b"PK"), None);
    }

    #[test]
    fn cells_read_as_a_person_reads_them() {
        let date = |v, is_1904| {
            Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904))
        };
        let cases = [
            (Data::Float(1974.0), "1974"),
            (Data::Float(2015.9), "2015.9"),
            (Data::Int(3), "3"),
            (Data::String("西安市".into()), "西安市"),
            (Data::String("陕西省第一对\n国际友城".into()), "陕西省第一对 国际友城"),
            (Data::Empty, ""),
            (date(27061.0, false), "1974-02-01"),
            (date(27061.75, false), "1974-02-01"),
            (date(25599.0, true), "1974-02-01"),
            (Data::DateTimeIso("1974-02-01T00:00:00".into()), "1974-02-01"),
        ];
        for (cell, text) in cases {
            assert_eq!(cell_text(&cell), text, "{cell:?}");
        }
    }

    const XLSX: &[u8] = include_bytes!("../../../tests/fixtures/office/office-list-zh.xlsx");
    const XLS: &[u8] = include_bytes!("../../../tests/fixtures/office/office-list-en.xls");

    #[test]
    fn an_office_xlsx_reads_from_its_merged_title_with_dates_as_dates() {
        let sheet = read_first_sheet(XLSX).unwrap();
        // The empty first sheet (说明) is passed over.
        assert_eq!(sheet.name, "友城");
        assert_eq!(sheet.rows[0][0], "陕西省国际友好城市一览表");
        assert!(
            sheet.rows[0][1..].iter().all(String::is_empty),
            "merged cells after the first are empty"
        );
        // Row for row as in the spreadsheet: the blank row 2 is kept, the header is row 3.
        assert!(sheet.rows[1].iter().all(String::is_empty));
        assert_eq!(sheet.rows[2], ["序号", "中方城市", "外方城市", "国别", "结好时间", "类型"]);
        let dates: Vec<&str> = sheet.rows[3..].iter().map(|r| r[4].as_str()).collect();
        assert_eq!(dates, ["1974-02-01", "1974-11-22", "2018年", "1981"]);
        assert_eq!(sheet.rows[3][0], "1");
    }

    #[test]
    fn an_xls_reads_its_date_cell_and_keeps_text_dates_as_written() {
        let sheet = read_first_sheet(XLS).unwrap();
        assert_eq!(sheet.name, "Partners");
        assert_eq!(sheet.rows[1][4], "1974-02-01");
        assert_eq!(sheet.rows[2][4], "30/11/1973");
        assert_eq!(sheet.rows[2][2], "Yokohama");
    }

    #[test]
    fn a_workbook_imports_like_the_same_list_in_csv() {
        use crate::model::format::load::load;
        use crate::model::read::import_csv::import_csv;
        let gazetteer = load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset;
        let csv = read_first_sheet(XLSX).unwrap().to_csv();
        let loaded = import_csv(csv.as_bytes(), "友城.xlsx", &gazetteer).unwrap();
        let d = &loaded.dataset;
        assert_eq!(d.partnerships().len(), 4);
        let dates: Vec<String> = d
            .partnerships()
            .iter()
            .map(|p| p.established.map(|e| e.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dates, ["1974-02-01", "1974-11-22", "2018", "1981"]);
        let nara = d.place(d.partnerships()[0].partner);
        assert_eq!(nara.name_en, "Nara");
    }

    #[test]
    fn a_sheet_claiming_a_far_column_is_refused_not_laid_out() {
        let far = include_bytes!("../../../tests/fixtures/office/far-cell.xlsx");
        assert!(matches!(read_first_sheet(far), Err(WorkbookError::TooLarge { .. })));
    }

    #[test]
    fn cell_references_within_the_last_cell_pass_and_past_it_are_refused() {
        for ok in ["A1", "XFD1048576", "xfd1048576", "A", "1", "", "$A$1", "A1B", "AB12x9999999999"]
        {
            assert!(within_last_cell(ok), "{ok}");
        }
        for far in ["XFE1", "A1048577", "AAAA1", "ZZZZZZZZZZZZZZ1", "A99999999999999", "ZZZZZZZ"] {
            assert!(!within_last_cell(far), "{far}");
        }
        assert!(check_attributes(r#" r="A1" s="3" t="s""#).is_ok());
        assert!(check_attributes(r#" ref = 'A1:XFD1048576'"#).is_ok());
        // Keys as calamine reads them: all up to `=`, exact (not by local name), and the next
        // key may follow a closing quote.
        assert!(check_attributes(r#" x:r="ZZZZZZZZ1" rr="ZZZZZZZZ1" s r="ZZZZZZZZ1""#).is_ok());
        assert!(check_attributes(r#" s="1"r="ZZZZZZZZ1""#).is_err());
        assert!(check_attributes(r#" ref="A1:XFE1""#).is_err());
        // An unquoted value ends the tag, as in calamine.
        assert!(check_attributes(r#" s=1 r="ZZZZZZZZ1""#).is_ok());
    }

    #[test]
    fn a_sheet_with_a_cell_past_xfd1048576_is_refused_before_calamine_reads_it() {
        // Found by `scripts/fuzz.sh 3600 import_csv`: calamine 0.38 overflowed adding up the
        // letters of this file's cell reference (docs/calamine-overflow.md).
        let found =
            include_bytes!("../../../tests/fixtures/fuzz/import_csv-calamine-mul-overflow.xlsx");
        assert!(
            matches!(read_first_sheet(found), Err(WorkbookError::PastLastCell { .. })),
            "{:?}",
            read_first_sheet(found)
        );
        // The upstream report's minimal input (docs/calamine-overflow.md): one row whose `r`
        // is eight letters and a digit; calamine 0.38 panics on it in a debug build.
        let minimal = include_bytes!("../../../tests/fixtures/fuzz/row-past-last-column.xlsx");
        assert!(
            matches!(
                read_first_sheet(minimal),
                Err(WorkbookError::PastLastCell { ref reference }) if reference == "AAAAAAAA1"
            ),
            "{:?}",
            read_first_sheet(minimal)
        );
    }

    #[test]
    fn what_is_not_a_workbook_is_refused_by_name() {
        assert!(matches!(
            read_first_sheet(b"PK\x03\x04not a zip"),
            Err(WorkbookError::Unreadable(_))
        ));
        assert!(matches!(read_first_sheet(b"a,b\n"), Err(WorkbookError::Unreadable(_))));
    }
}
