//! The pure core. No I/O, no browser crates, no panics on input. Its folders follow the path
//! the data takes (ARCHITECTURE.md draws it):
//!
//! - [`format`](mod@format): partnership JSON → [`format::load::Loaded`] (a
//!   [`format::dataset::Dataset`] plus its [`format::problem::Problem`]s), and back;
//! - [`read`]: a user's list (a workbook, CSV or pasted rows, a registry answer, JSON records)
//!   → a loaded list, by one function that decides which reader applies;
//! - [`ask`]: the address's question → filters → a selection, its counts, choices, search
//!   hits, aggregates;
//! - [`show`]: the answers as the panels show them (map scene, charts, profiles, rows, stories,
//!   exports);
//! - [`geo`]: coordinates, projections, arcs and basemaps, for all of them;
//! - [`i18n`]: the words, in each UI language, of the typed values the others leave.
//!
//! Each folder's `mod.rs` opens with what enters it, what leaves it and what it must never
//! import; `tests/ui_structure.rs` checks that no file of `src/` imports itself through others.
//! The UI keeps the dataset outside the reactive graph and calls the core from memos.

pub mod ask;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod read;
pub mod show;
