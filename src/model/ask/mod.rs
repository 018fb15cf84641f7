//! Asking the dataset. The address's query string enters [`query::parse`] and becomes a
//! [`query::UrlState`] (never an error: a bad parameter becomes a notice); its filters enter
//! [`filter::apply`] with a dataset, and a selection with per-value counts leaves, with what
//! the panels ask of it: the province and country choices, search hits and aggregate figures.
//! It imports `format`, `geo` and `i18n` (the names of a filter's values); it must never import
//! `read` or `show`.

pub mod aggregate;
pub mod choices;
pub mod filter;
pub mod official;
pub mod on_date;
pub mod query;
pub mod scope;
pub mod search;
