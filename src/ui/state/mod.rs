//! The state layer: everything the components display is built here, once, from the address
//! and the data, and handed to them as narrow memos and signals. Components read it and call
//! its actions; they hold no rule about the data (those are in `crate::model`).
//!
//! - [`app`]: the address (as [`app::Query`] memos), the language, notices, downloads;
//! - [`loading`]: the dataset resource, its load states, and a list's rows for the mapping step;
//! - [`reading`]: a user's file (JSON, CSV, workbook) read into a dataset;
//! - [`basemap`]: the basemap resource;
//! - [`sources`]: the sources' details, fetched when a source is shown or the page is idle;
//! - [`explore`]: the loaded dataset's selection, pairs on show, selection, lists, headline;
//! - [`map`]: projection, view, scene, arcs and shading of one map panel;
//! - [`layout`]: narrow or wide screen, the filter drawer, the selection sheet, map fits;
//! - [`url_sync`]: the address bar ⇄ the URL state.

pub mod app;
pub mod basemap;
pub mod explore;
pub mod layout;
pub mod loading;
pub mod map;
pub mod reading;
pub mod sources;
pub mod url_sync;

pub use app::{AppState, use_app_state};
pub use explore::{ExploreState, use_explore};
pub use loading::{DataOrigin, LoadState, UserFile};
pub use map::{MapState, use_map};
pub use sources::SourcesStatus;
