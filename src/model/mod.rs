//! The pure core. No I/O, no browser crates, no panics on input.
//!
//! Data flow: text → [`format::load::load`] → [`format::load::Loaded`] (a
//! [`format::dataset::Dataset`] plus its [`format::problem::Problem`]s). The UI keeps the dataset outside the reactive graph and calls the
//! other modules from memos.

pub mod ask;
pub mod charts;
pub mod describe;
pub mod export;
pub mod failure;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod map;
pub mod png;
pub mod profile;
pub mod read;
pub mod rows;
pub mod stories;
pub mod theme;
