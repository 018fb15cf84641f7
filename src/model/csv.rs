//! A small RFC 4180 CSV reader that reports bad rows instead of failing.
//!
//! Quoted fields may contain commas, quotes (doubled) and line breaks. A row whose quotes are
//! not closed, or that has text after a closing quote, is reported with its line number and
//! skipped; the rows after it are still read. Used by the data tool for the raw inputs and by
//! the app for user spreadsheets.
//!
//! ```
//! use youcheng::model::csv::read;
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

/// Reads CSV text (the first non-blank row is the header).
pub fn read(text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut table = Table::default();
    let mut header_done = false;
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        let start_line = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut broken = false;
        let mut in_quotes = false;
        let mut after_quote = false;
        let mut field_started = false;
        loop {
            let Some(c) = chars.next() else {
                if in_quotes {
                    broken = true;
                }
                break;
            };
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        in_quotes = false;
                        after_quote = true;
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                ',' => {
                    fields.push(std::mem::take(&mut field));
                    after_quote = false;
                    field_started = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    line += 1;
                    break;
                }
                '"' if !field_started && !after_quote => {
                    in_quotes = true;
                    field_started = true;
                }
                _ if after_quote => {
                    // Text after a closing quote: the row is malformed. Skip to its end.
                    broken = true;
                    for rest in chars.by_ref() {
                        if rest == '\n' {
                            line += 1;
                            break;
                        }
                    }
                    break;
                }
                _ => {
                    field.push(c);
                    field_started = true;
                }
            }
        }
        if broken {
            table.bad.push(BadRow { line: start_line });
            continue;
        }
        fields.push(field);
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
