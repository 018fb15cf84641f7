//! The Leptos user interface (wasm32 only): a thin layer of components over the pure core.
//!
//! Invariant: no business rule lives here. The state layer ([`state`]) builds what the
//! components show from the address and the data, by calling `crate::model`; components read
//! it and display it. Everything with an `if` about the data is in the model, where it is
//! tested natively.

mod app;
mod charts;
mod data_panel;
mod dom;
mod download;
mod embed;
mod explore_bar;
mod explorer;
mod fetch;
mod filters;
mod first_view;
mod header;
mod headline;
mod import;
mod layout;
mod map;
mod messages;
mod notices;
mod panic;
mod perf;
mod picker;
mod print;
mod profile;
mod search;
mod sheet;
mod sheets;
mod sources;
pub mod state;
mod stories;
mod table;
mod table_pages;

pub use app::{App, AppConfig, AppRoot, DEFAULT_DATA_URL};
pub use fetch::{FetchError, fetch_text};
pub use state::{AppState, LoadState};

/// Installs the panic screen and mounts the app on `<body>`.
pub fn start() {
    panic::install();
    // The static first view of index.html stays over the app until the app's own map has
    // painted (or the view shows no map): no blank page, no jump.
    leptos::mount::mount_to_body(App);
    first_view::app_mounted();
    // `?selftest=panic` proves the panic screen works in a real build (used by the
    // end-to-end tests; documented in docs/developers.md). It panics after the first paint.
    if state::url_sync::current_search().split(['?', '&']).any(|p| p == "selftest=panic") {
        leptos::prelude::set_timeout(
            || panic!("self-test: a deliberate panic (selftest=panic in the address)"),
            std::time::Duration::from_millis(300),
        );
    }
}
