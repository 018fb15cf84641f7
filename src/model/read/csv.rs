//! A small RFC 4180 CSV reader that reports bad rows instead of failing.
//!
//! Quoted fields may contain commas, quotes (doubled) and line breaks. A row whose quotes are
//! not closed, or that has text after a closing quote, is reported with its line number and
//! skipped; the rows after it are still read. Used by the data tool for the raw inputs and by
//! the app for user spreadsheets.
//!
//! ```
//! use youcheng::model::read::csv::read;
//! let table = read("name,note\nXi'an,\"first, 1974\"\n");
//! assert_eq!(table.rows[0].fields, vec!["Xi'an", "first, 1974"]);
//! assert_eq!(table.rows[0].line, 2);
//! ```

/// One data row and the line it starts on (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Line number where the row starts, counting from 1.
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

/// A row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// Line number where the row starts.
    pub line: usize,
}

/// A parsed table: the header, the rows and the rows that were unreadable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The header fields (trimmed).
    pub header: Vec<String>,
    /// Data rows, in order (blank lines are skipped).
    pub rows: Vec<Row>,
    /// Rows with broken quoting.
    pub bad: Vec<BadRow>,
}

impl Table {
    /// Position of a header column, matched case-insensitively.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.eq_ignore_ascii_case(name))
    }
}

impl Row {
    /// The field at `index`, or "" when the row is short.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map(String::as_str).unwrap_or("")
    }
}

/// The field separator of a file: comma, semicolon (spreadsheets in many European locales)
/// or tab (copied from a spreadsheet), whichever the header line uses most; comma on a tie.
pub fn sniff_delimiter(text: &str) -> char {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let mut in_quotes = false;
    let mut counts = [0usize; 3];
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [',', ';', '\t'][best]
}

/// How one row ended.
enum RowEnd {
    /// A complete row; reading goes on at the given byte.
    Done(Vec<String>, usize),
    /// Broken quoting; reading resumes at the given byte (the next line).
    Broken(usize),
}

/// Reads one row starting at byte `start`. Lines are counted into `line`.
fn read_row(text: &str, start: usize, delimiter: char, line: &mut usize) -> RowEnd {
    let bytes = text.as_bytes();
    let delimiter = delimiter as u8;
    let mut fields = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut i = start;
    let mut field_started = false;
    let mut lines_in_row = 0;
    let finish = |field: Vec<u8>| String::from_utf8_lossy(&field).into_owned();
    // The byte after the end of the row's first line, where reading resumes after a bad row.
    let next_line = |from: usize| match text[from..].find('\n') {
        Some(n) => from + n + 1,
        None => text.len(),
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' && !field_started {
            // A quoted field: up to the closing quote ("" is a quote).
            field_started = true;
            let mut j = i + 1;
            let mut closed = false;
            while j < bytes.len() {
                match bytes[j] {
                    b'"' if bytes.get(j + 1) == Some(&b'"') => {
                        field.push(b'"');
                        j += 2;
                    }
                    b'"' => {
                        closed = true;
                        j += 1;
                        break;
                    }
                    b'\n' => {
                        lines_in_row += 1;
                        field.push(b'\n');
                        j += 1;
                    }
                    other => {
                        field.push(other);
                        j += 1;
                    }
                }
            }
            if !closed {
                // Never closed: only this row's first line is lost; the rest is read again.
                *line += 1;
                return RowEnd::Broken(next_line(start));
            }
            // After the closing quote only a separator or the end of the line may follow.
            match bytes.get(j) {
                None => i = j,
                Some(&c) if c == delimiter || c == b'\n' || c == b'\r' => i = j,
                Some(_) if lines_in_row > 0 => {
                    // Most likely a quote that was never closed, matched by a quote on a
                    // later line: lose only this row's first line and read on from there.
                    *line += 1;
                    return RowEnd::Broken(next_line(start));
                }
                Some(_) => {
                    *line += 1;
                    return RowEnd::Broken(next_line(j));
                }
            }
            continue;
        }
        match b {
            _ if b == delimiter => {
                fields.push(finish(std::mem::take(&mut field)));
                field_started = false;
                i += 1;
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 1,
            b'\n' | b'\r' => {
                *line += 1 + lines_in_row;
                fields.push(finish(field));
                return RowEnd::Done(fields, i + 1);
            }
            _ => {
                field.push(b);
                field_started = true;
                i += 1;
            }
        }
    }
    *line += lines_in_row;
    fields.push(finish(field));
    RowEnd::Done(fields, bytes.len())
}

/// Reads CSV text (the first non-blank row is the header). The separator is sniffed from the
/// header ([`sniff_delimiter`]).
pub fn read(text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut table = Table::default();
    let mut header_done = false;
    let mut line = 1usize;
    let mut at = 0usize;
    while at < text.len() {
        let start_line = line;
        match read_row(text, at, delimiter, &mut line) {
            RowEnd::Broken(next) => {
                table.bad.push(BadRow { line: start_line });
                at = next;
            }
            RowEnd::Done(fields, next) => {
                at = next;
                if fields.len() == 1 && fields[0].trim().is_empty() {
                    continue;
                }
                if header_done {
                    table.rows.push(Row { line: start_line, fields });
                } else {
                    table.header = fields.into_iter().map(|f| f.trim().to_owned()).collect();
                    header_done = true;
                }
            }
        }
    }
    table
}

/// Quotes a field for CSV output when it needs it.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Appends one row: each field quoted where needed ([`quote`]), comma-separated, ending in a
/// line feed.
pub fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    let line: Vec<String> = fields.iter().map(|f| quote(f.as_ref())).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// Rows of cells as CSV text, one [`push_row`] each.
pub fn rows_to_csv<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for row in rows {
        push_row(&mut out, row);
    }
    out
}

/// A number as a person reads it in a cell: a whole number without its decimal point (`1974`,
/// not `1974.0`), anything else as written (`2015.9`).
pub fn number_cell(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.0}") } else { f.to_string() }
}

/// Makes a field safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return is prefixed with an apostrophe so it is never run as a formula.
pub fn formula_safe(field: &str) -> String {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}"),
        _ => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(table: &Table) -> Vec<Vec<&str>> {
        table.rows.iter().map(|r| r.fields.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn reads_quoted_fields_with_commas_quotes_and_newlines() {
        let t = read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
        assert_eq!(t.header, vec!["a", "b", "c"]);
        assert_eq!(
            fields(&t),
            vec![vec!["1", "x, y", "say \"hi\""], vec!["2", "two\nlines", "z"], vec!["3", "", ""]]
        );
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3, 5]);
        assert!(t.bad.is_empty());
    }

    #[test]
    fn handles_crlf_bom_and_blank_lines() {
        let t = read("\u{feff}a,b\r\n\r\n1,2\r\n");
        assert_eq!(t.header, vec!["a", "b"]);
        assert_eq!(fields(&t), vec![vec!["1", "2"]]);
        assert_eq!(t.rows[0].line, 3);
    }

    #[test]
    fn reports_broken_quoting_and_keeps_reading() {
        let t = read("a,b\n1,\"ok\"x\n2,fine\n3,\"never closed\n");
        assert_eq!(fields(&t), vec![vec!["2", "fine"]]);
        assert_eq!(t.bad, vec![BadRow { line: 2 }, BadRow { line: 4 }]);
    }

    #[test]
    fn an_unclosed_quote_costs_one_row_not_the_rest_of_the_file() {
        let t = read("a,b\n1,\"oops\n2,fine\n3,\"also, fine\"\n");
        assert_eq!(t.bad, vec![BadRow { line: 2 }]);
        assert_eq!(fields(&t), vec![vec!["2", "fine"], vec!["3", "also, fine"]]);
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 4]);
    }

    #[test]
    fn semicolons_and_tabs_are_recognised_from_the_header() {
        let t = read("a;b;c\n1;\"x; y\";3,5\n");
        assert_eq!(fields(&t), vec![vec!["1", "x; y", "3,5"]]);
        let t = read("a\tb\n1\t2\n");
        assert_eq!(fields(&t), vec![vec!["1", "2"]]);
        // A comma file whose names contain semicolons stays a comma file.
        assert_eq!(sniff_delimiter("a,b,c\n\"x;y\",2,3"), ',');
        assert_eq!(sniff_delimiter("\"a;b\",c"), ',');
        assert_eq!(sniff_delimiter(""), ',');
    }

    #[test]
    fn multibyte_text_survives() {
        let t = read("城市,伙伴\n西安,\"奈良, 日本\"\n");
        assert_eq!(t.header, vec!["城市", "伙伴"]);
        assert_eq!(fields(&t), vec![vec!["西安", "奈良, 日本"]]);
    }

    #[test]
    fn quotes_and_neutralises_for_output() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(formula_safe("+1"), "'+1");
        assert_eq!(formula_safe("-2"), "'-2");
        assert_eq!(formula_safe("@SUM"), "'@SUM");
        assert_eq!(formula_safe("Xi'an"), "Xi'an");
    }
}
