//! The app-wide state, provided once as context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::i18n::{Locale, Messages};
use crate::model::load::Loaded;

/// Where the data load stands.
#[derive(Clone, Debug)]
pub enum LoadState {
    /// Waiting for the file.
    Loading,
    /// The file could not be fetched or read; the message is ready to show.
    Failed { message: String, user_supplied: bool },
    /// Loaded (possibly with problems).
    Ready(Arc<Loaded>),
}

/// Signals shared by every panel. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The UI language.
    pub locale: RwSignal<Locale>,
    /// The data load.
    pub load: RwSignal<LoadState>,
    /// Bumped to ask for the data again.
    pub reload: RwSignal<u32>,
}

impl AppState {
    /// The strings of the current language (tracks the locale).
    pub fn messages(&self) -> &'static Messages {
        self.locale.get().messages()
    }
}

/// The app state; provided by [`crate::ui::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
