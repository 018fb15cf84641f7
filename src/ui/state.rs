//! The app-wide state, provided once as context.
//!
//! The URL state ([`UrlState`]) is the single source of truth for everything a link should
//! reproduce; components change it through [`AppState::navigate`] (a discrete step: a new
//! history entry) or [`AppState::replace`] (typing, panning: the entry is updated in place).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::geo::basemap::Basemap;
use crate::model::i18n::{Locale, Messages};
use crate::model::load::Loaded;
use crate::model::query::{MapProfile, Notice, UrlState};

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

/// How the next URL change is recorded in the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// Update the current entry (typing, panning).
    Replace,
    /// Add an entry (a discrete step: a tab, a filter, a selection).
    Push,
    /// Do not touch the history (the change came from it).
    Skip,
}

/// A loaded basemap and its profile.
#[derive(Clone, Debug)]
pub struct LoadedBasemap {
    /// Which profile.
    pub profile: MapProfile,
    /// The decoded outlines.
    pub map: Arc<Basemap>,
}

impl PartialEq for LoadedBasemap {
    fn eq(&self, other: &Self) -> bool {
        self.profile == other.profile && Arc::ptr_eq(&self.map, &other.map)
    }
}

/// Where the dataset came from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataOrigin {
    /// The bundled China dataset.
    Bundled,
    /// A URL given with `?data=`.
    Url(String),
    /// A file the user dropped or picked.
    File(String),
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
    /// Everything the URL holds.
    pub url: RwSignal<UrlState>,
    /// How the next URL change is recorded.
    pub history_mode: RwSignal<HistoryMode>,
    /// Parameters the app ignored, with the reason.
    pub notices: RwSignal<Vec<Notice>>,
    /// The basemap of the current profile, once loaded.
    pub basemap: RwSignal<Option<LoadedBasemap>>,
    /// The message of a failed basemap load.
    pub basemap_error: RwSignal<Option<String>>,
    /// Where the dataset came from.
    pub origin: RwSignal<DataOrigin>,
    /// Text for the screen-reader live region.
    pub announcement: RwSignal<String>,
    /// The bundled dataset once loaded: the fallback and the gazetteer for CSV files.
    pub bundled: RwSignal<Option<Arc<Loaded>>>,
    /// Why the user's data could not be loaded (the bundled data is shown instead).
    pub data_error: RwSignal<Option<String>>,
    /// A note about the user's data (for example, a converted encoding).
    pub data_notice: RwSignal<Option<String>>,
    /// Where the bundled dataset is fetched from.
    pub bundled_url: StoredValue<String>,
}

impl AppState {
    /// The strings of the current language (tracks the locale).
    pub fn messages(&self) -> &'static Messages {
        self.locale.get().messages()
    }

    /// A discrete step: changes the URL state and adds a history entry.
    pub fn navigate(&self, change: impl FnOnce(&mut UrlState)) {
        self.history_mode.set(HistoryMode::Push);
        self.url.update(change);
    }

    /// A continuous change (typing, panning): updates the current history entry.
    pub fn replace(&self, change: impl FnOnce(&mut UrlState)) {
        self.history_mode.set(HistoryMode::Replace);
        self.url.update(change);
    }

    /// The dataset a CSV file's place names are looked up in: the bundled one, else the one
    /// shown.
    pub fn gazetteer(&self) -> Arc<crate::model::dataset::Dataset> {
        let bundled = self.bundled.get_untracked();
        let current = match self.load.get_untracked() {
            LoadState::Ready(l) => Some(l),
            _ => None,
        };
        match bundled.or(current) {
            Some(l) => Arc::new(l.dataset.clone()),
            None => Arc::new(Default::default()),
        }
    }

    /// The map profile in use (the URL's, else the embedding page's default, China).
    pub fn map_profile(&self) -> MapProfile {
        self.url.with(|u| u.map_profile.unwrap_or_default())
    }
}

/// The app state; provided by [`crate::ui::AppRoot`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
