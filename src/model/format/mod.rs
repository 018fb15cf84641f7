//! The format: what a partnership file is and what it becomes. Text of partnership JSON v1
//! enters [`load::load`]; an immutable [`dataset::Dataset`] (with typed indices) and its
//! [`problem::Problem`]s leave, or the one fatal problem that stopped the load, and
//! [`schema::export`] writes a dataset back in the format. A dataset may keep its sources'
//! details in a second file ([`sources`]), read when a source is shown. Problems, dates
//! ([`date::PartialDate`]), ISO codes and folded names stay typed values here; their words are
//! in `i18n`. It imports only `geo` (a place's [`crate::model::geo::LonLat`]); it must never
//! import `i18n`, `read`, `ask` or `show`.

pub mod dataset;
pub mod date;
pub mod ids;
pub mod iso;
pub mod load;
pub mod problem;
pub mod schema;
pub mod sources;
pub mod text;
