//! Why something could not be shown: a file that could not be fetched or read, a damaged map,
//! a refused download. Failures stay typed until they are displayed, so their words follow the
//! UI language when the user switches it ([`Failure::message`]).
//!
//! ```
//! use youcheng::model::show::failure::{Failure, FetchError};
//! use youcheng::model::i18n::Locale;
//! let f = Failure::from(FetchError::Status { url: "data/x.json".into(), status: 404 });
//! assert!(f.message(Locale::En).contains("HTTP 404"));
//! assert!(f.message(Locale::Zh).contains("返回 HTTP 404"));
//! ```

use crate::model::format::problem::Problem;
use crate::model::geo::topo::TopoError;
use crate::model::i18n::{Locale, fill, problem_text};

/// Why a fetch failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The server answered with a non-success status.
    #[error("{url} answered HTTP {status}")]
    Status {
        /// The address.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The request did not complete (offline, refused, CORS).
    #[error("{url} could not be reached: {reason}")]
    Network {
        /// The address.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// No answer within the time limit.
    #[error("{url} did not answer within {seconds} s")]
    Timeout {
        /// The address.
        url: String,
        /// The limit.
        seconds: u32,
    },
}

/// Something the app could not do, with what it needs to say why.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Failure {
    /// A file could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A file was read but cannot be loaded: its fatal problem.
    #[error("{name} could not be read: {problem}")]
    File {
        /// The file's name or address.
        name: String,
        /// Why.
        problem: Problem,
    },
    /// The browser could not read a picked or dropped file.
    #[error("{name} could not be read")]
    Unreadable {
        /// The file's name.
        name: String,
    },
    /// A basemap file is damaged.
    #[error(transparent)]
    Basemap(#[from] TopoError),
    /// The browser refused to start a download.
    #[error("{name} could not be saved")]
    Download {
        /// The file's name.
        name: String,
    },
}

impl Failure {
    /// The message in the UI language.
    pub fn message(&self, locale: Locale) -> String {
        let m = locale.messages();
        match self {
            Failure::Fetch(FetchError::Status { url, status }) => {
                fill(m.fetch_status, &[("url", url), ("status", &status.to_string())])
            }
            Failure::Fetch(FetchError::Network { url, reason }) => {
                fill(m.fetch_network, &[("url", url), ("reason", reason)])
            }
            Failure::Fetch(FetchError::Timeout { url, seconds }) => {
                fill(m.fetch_timeout, &[("url", url), ("seconds", &seconds.to_string())])
            }
            Failure::File { name, problem } => {
                fill(m.file_problem, &[("url", name), ("problem", &problem_text(locale, problem))])
            }
            Failure::Unreadable { name } => fill(m.file_unreadable, &[("name", name)]),
            Failure::Basemap(e) => fill(m.basemap_damaged, &[("detail", &e.to_string())]),
            Failure::Download { name } => fill(m.download_failed, &[("name", name)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::problem::ProblemKind;

    #[test]
    fn every_failure_has_words_in_both_languages() {
        let failures = [
            Failure::from(FetchError::Network { url: "u".into(), reason: "offline".into() }),
            Failure::from(FetchError::Timeout { url: "u".into(), seconds: 30 }),
            Failure::File { name: "list.csv".into(), problem: Problem::fatal(ProblemKind::Empty) },
            Failure::Unreadable { name: "list.xlsx".into() },
            Failure::from(TopoError::Structure("no arcs")),
            Failure::Download { name: "youcheng.csv".into() },
        ];
        for f in &failures {
            let (en, zh) = (f.message(Locale::En), f.message(Locale::Zh));
            assert_ne!(en, zh, "{f:?}");
            assert!(!en.contains('{') && !zh.contains('{'), "{en} / {zh}");
        }
        assert!(failures[5].message(Locale::En).starts_with("youcheng.csv could not be saved"));
        assert!(failures[2].message(Locale::Zh).contains("list.csv"));
    }
}
