//! What loading found wrong with a file: one [`Problem`] per bad record or field.
//!
//! Broken input is data, not a failure. Each problem names the record (its kind, its
//! position in the file and its id when it has one) and the field, says what is wrong, and
//! whether the record was skipped or kept with that field left out. The UI lists them in
//! the validation report; `youcheng-data validate` prints them.

use std::fmt;

/// The kind of record a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// The whole file (syntax, size, version).
    File,
    /// The `dataset` header.
    Header,
    /// An entry of `sources`.
    Source,
    /// An entry of `countries`.
    Country,
    /// An entry of `places`.
    Place,
    /// An entry of `partnerships`.
    Partnership,
    /// An entry of `reported`.
    Reported,
    /// A data row of a CSV file (its number counts the header as row 1).
    CsvRow,
}

impl RecordKind {
    /// The name used in messages and in the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::File => "file",
            RecordKind::Header => "dataset",
            RecordKind::Source => "source",
            RecordKind::Country => "country",
            RecordKind::Place => "place",
            RecordKind::Partnership => "partnership",
            RecordKind::Reported => "reported figure",
            RecordKind::CsvRow => "row",
        }
    }
}

/// Where in the file a problem sits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordRef {
    /// What kind of record.
    pub kind: RecordKind,
    /// Its position: the array index for JSON records, the line number for CSV rows.
    pub index: usize,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
}

impl RecordRef {
    /// The file as a whole.
    pub fn file() -> RecordRef {
        RecordRef { kind: RecordKind::File, index: 0, id: None }
    }

    /// A record by kind and position.
    pub fn at(kind: RecordKind, index: usize) -> RecordRef {
        RecordRef { kind, index, id: None }
    }
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            RecordKind::File => f.write_str("file"),
            RecordKind::Header => f.write_str("dataset header"),
            RecordKind::CsvRow => write!(f, "row {}", self.index),
            kind => {
                write!(f, "{} #{}", kind.as_str(), self.index + 1)?;
                if let Some(id) = &self.id {
                    write!(f, " ({id})")?;
                }
                Ok(())
            }
        }
    }
}

/// What happened to the record because of the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing could be loaded (unreadable file, unknown major version).
    Fatal,
    /// The record was skipped; the rest of the file was loaded.
    Skipped,
    /// The record was kept; the named field was left out or corrected as stated.
    Warning,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not valid JSON; line and column of the first error.
    JsonSyntax { line: usize, column: usize, message: String },
    /// The JSON nests deeper than the loader follows.
    TooDeep,
    /// The file is larger than the loader accepts.
    TooLarge { bytes: usize, limit: usize },
    /// The file is empty.
    Empty,
    /// The file started with a byte-order mark, which was ignored.
    ByteOrderMark,
    /// The bytes are not UTF-8 (CSV only; JSON must be UTF-8).
    NotUtf8 { offset: usize },
    /// The file does not say it is partnership JSON.
    NotPartnershipJson,
    /// The format's major version is not one this app reads.
    UnknownMajorVersion { found: String, supported: u32 },
    /// A newer minor version: unknown fields are ignored.
    NewerMinorVersion { found: String },
    /// A required field is absent.
    MissingField,
    /// A field has the wrong JSON type.
    WrongType { expected: &'static str },
    /// A text field is empty or only blanks.
    EmptyText,
    /// Two records of one kind share an id.
    DuplicateId { id: String },
    /// A reference to a record that does not exist.
    DanglingReference { target: RecordKind, id: String },
    /// Latitude or longitude is outside its range, or not a finite number.
    CoordinatesOutOfRange { value: String },
    /// Only one of latitude and longitude is given.
    HalfCoordinates,
    /// A value outside the allowed set (type, status, level, continent...).
    UnknownValue { value: String, allowed: &'static str },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or does not exist.
    BadDate { value: String, reason: String },
    /// An end date before the start date.
    EndsBeforeStart,
    /// A country code that is not an ISO 3166-1 alpha-2 code in the file's countries.
    UnknownCountry { code: String },
    /// A partnership whose two sides are the same place.
    SelfPartnership,
    /// A partnership listed twice (same two places).
    DuplicatePair { other_id: String },
    /// A place's parent chain loops back on itself.
    ParentCycle,
    /// A number that must be a whole number zero or above.
    BadCount { value: String },
    /// A CSV row has the wrong number of columns.
    ColumnCount { expected: usize, found: usize },
    /// A CSV field's quotes are not closed or are misplaced.
    BadQuoting,
    /// A CSV header lacks a required column.
    MissingColumn { column: &'static str },
    /// A CSV place has neither coordinates nor a name the gazetteer knows.
    UnplaceableName { name: String },
    /// A source URL that is not http(s); it is kept as text and never followed.
    UnsafeUrl { value: String },
    /// A spreadsheet workbook (.xlsx, .xls) that could not be read, and why.
    Workbook { reason: String },
    /// The file is not the sources file of this dataset (another format, dataset or version).
    NotSourcesFile { dataset: String },
    /// A dataset's `sources_file` that is not a file beside or below it (another site, an
    /// absolute path, a parent folder): never fetched.
    SourcesFileElsewhere { value: String },
}

impl ProblemKind {
    /// A stable, machine-readable name (`dangling-reference`), for tests and tools.
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::JsonSyntax { .. } => "json-syntax",
            ProblemKind::TooDeep => "too-deep",
            ProblemKind::TooLarge { .. } => "too-large",
            ProblemKind::Empty => "empty",
            ProblemKind::ByteOrderMark => "byte-order-mark",
            ProblemKind::NotUtf8 { .. } => "not-utf8",
            ProblemKind::NotPartnershipJson => "not-partnership-json",
            ProblemKind::UnknownMajorVersion { .. } => "unknown-major-version",
            ProblemKind::NewerMinorVersion { .. } => "newer-minor-version",
            ProblemKind::MissingField => "missing-field",
            ProblemKind::WrongType { .. } => "wrong-type",
            ProblemKind::EmptyText => "empty-text",
            ProblemKind::DuplicateId { .. } => "duplicate-id",
            ProblemKind::DanglingReference { .. } => "dangling-reference",
            ProblemKind::CoordinatesOutOfRange { .. } => "coordinates-out-of-range",
            ProblemKind::HalfCoordinates => "half-coordinates",
            ProblemKind::UnknownValue { .. } => "unknown-value",
            ProblemKind::BadDate { .. } => "bad-date",
            ProblemKind::EndsBeforeStart => "ends-before-start",
            ProblemKind::UnknownCountry { .. } => "unknown-country",
            ProblemKind::SelfPartnership => "self-partnership",
            ProblemKind::DuplicatePair { .. } => "duplicate-pair",
            ProblemKind::ParentCycle => "parent-cycle",
            ProblemKind::BadCount { .. } => "bad-count",
            ProblemKind::ColumnCount { .. } => "column-count",
            ProblemKind::BadQuoting => "bad-quoting",
            ProblemKind::MissingColumn { .. } => "missing-column",
            ProblemKind::UnplaceableName { .. } => "unplaceable-name",
            ProblemKind::UnsafeUrl { .. } => "unsafe-url",
            ProblemKind::Workbook { .. } => "workbook",
            ProblemKind::NotSourcesFile { .. } => "not-sources-file",
            ProblemKind::SourcesFileElsewhere { .. } => "sources-file-elsewhere",
        }
    }
}

impl Severity {
    /// A stable name: `fatal`, `skipped`, `warning`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Fatal => "fatal",
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        }
    }
}

impl Problem {
    /// A compact, stable one-line form: `skipped partnership[1] partner dangling-reference`.
    pub fn compact(&self) -> String {
        let mut out =
            format!("{} {}", self.severity.code(), self.record.kind.as_str().replace(' ', "-"));
        if !matches!(self.record.kind, RecordKind::File | RecordKind::Header) {
            out.push_str(&format!("[{}]", self.record.index));
        }
        if let Some(field) = &self.field {
            out.push(' ');
            out.push_str(field);
        }
        out.push(' ');
        out.push_str(self.kind.code());
        out
    }
}

/// One thing wrong in a loaded file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Which record.
    pub record: RecordRef,
    /// Which field of it, when the problem is about one field.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// What became of the record.
    pub severity: Severity,
}

impl Problem {
    /// A problem that stopped the whole load.
    pub fn fatal(kind: ProblemKind) -> Problem {
        Problem { record: RecordRef::file(), field: None, kind, severity: Severity::Fatal }
    }

    /// True when the record was skipped or the load stopped.
    pub fn is_error(&self) -> bool {
        matches!(self.severity, Severity::Fatal | Severity::Skipped)
    }
}

/// A growing list of problems with helpers for the common cases.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// Records a problem.
    pub fn push(
        &mut self,
        record: &RecordRef,
        field: Option<&str>,
        kind: ProblemKind,
        severity: Severity,
    ) {
        self.list.push(Problem {
            record: record.clone(),
            field: field.map(str::to_owned),
            kind,
            severity,
        });
    }

    /// Records a problem that skips the record.
    pub fn skip(&mut self, record: &RecordRef, field: &str, kind: ProblemKind) {
        self.push(record, Some(field), kind, Severity::Skipped);
    }

    /// Records a problem that keeps the record without the field.
    pub fn warn(&mut self, record: &RecordRef, field: &str, kind: ProblemKind) {
        self.push(record, Some(field), kind, Severity::Warning);
    }

    /// The problems found so far.
    pub fn as_slice(&self) -> &[Problem] {
        &self.list
    }

    /// Hands the list over.
    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}
