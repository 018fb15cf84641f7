//! The app-wide state, built once by [`AppState::new`] and provided as context.
//!
//! The URL state ([`UrlState`]) is the single source of truth for everything a link should
//! reproduce, the language included. Panels read it through the narrow memos of [`Query`]
//! (a pan does not wake the charts) and change it through [`AppState::navigate`] (a discrete
//! step: a new history entry) or [`AppState::replace`] (typing, panning).

use leptos::prelude::*;

use super::basemap::BasemapState;
use super::layout::LayoutState;
use super::loading::DataState;
use crate::model::ask::filter::Filters;
use crate::model::ask::query::{
    ChartKind, EmbedPreset, MapAt, MapProfile, Notice, ProfileRef, Shading, SortColumn, Tab, Theme,
    UrlState,
};
use crate::model::geo::projection::Centre;
use crate::model::i18n::Locale;
use crate::model::i18n::messages::Messages;
use crate::model::show::failure::Failure;

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

/// Host styling from the address: theme, accent colour, font, and whether the page is embedded.
#[derive(Clone, Debug, PartialEq)]
pub struct Styling {
    /// Forced theme.
    pub theme: Option<Theme>,
    /// Accent colour.
    pub accent: Option<String>,
    /// Font family list.
    pub font: Option<String>,
    /// Embedded (compact chrome).
    pub embedded: bool,
}

/// The URL state, one narrow memo per part: a component subscribes to what it shows only.
#[derive(Clone, Copy)]
pub struct Query {
    /// The filters.
    pub filters: Memo<Filters>,
    /// The active tab.
    pub tab: Memo<Tab>,
    /// The embed preset, when embedded.
    pub embed: Memo<Option<EmbedPreset>>,
    /// The chart an embedded single chart shows.
    pub chart: Memo<ChartKind>,
    /// The selected place (id).
    pub selected: Memo<Option<String>>,
    /// The selected partnership (id).
    pub pair: Memo<Option<String>>,
    /// The open profile.
    pub profile: Memo<Option<ProfileRef>>,
    /// The map position written in the address.
    pub at: Memo<Option<MapAt>>,
    /// Which borders the map shows.
    pub map_profile: Memo<MapProfile>,
    /// Where the map is centred.
    pub centre: Memo<Centre>,
    /// Arcs or choropleth.
    pub shading: Memo<Shading>,
    /// The playback year, while playing.
    pub play_year: Memo<Option<i32>>,
    /// The table's sort.
    pub sort: Memo<(SortColumn, bool)>,
    /// A data file to load instead of the bundled one.
    pub data: Memo<Option<String>>,
    /// How its columns are read, when chosen by hand.
    pub cols: Memo<Option<String>>,
    /// The search text.
    pub search: Memo<Option<String>>,
    /// Host styling.
    pub styling: Memo<Styling>,
}

impl Query {
    fn new(url: RwSignal<UrlState>) -> Query {
        Query {
            filters: Memo::new(move |_| url.with(|u| u.filters.clone())),
            tab: Memo::new(move |_| url.with(|u| u.tab)),
            embed: Memo::new(move |_| url.with(|u| u.embed)),
            chart: Memo::new(move |_| url.with(|u| u.chart.unwrap_or_default())),
            selected: Memo::new(move |_| url.with(|u| u.selected.clone())),
            pair: Memo::new(move |_| url.with(|u| u.pair.clone())),
            profile: Memo::new(move |_| url.with(|u| u.profile.clone())),
            at: Memo::new(move |_| url.with(|u| u.at)),
            map_profile: Memo::new(move |_| url.with(|u| u.map_profile.unwrap_or_default())),
            centre: Memo::new(move |_| url.with(|u| u.centre.unwrap_or_default())),
            shading: Memo::new(move |_| url.with(|u| u.shading)),
            play_year: Memo::new(move |_| url.with(|u| u.play_year)),
            sort: Memo::new(move |_| {
                url.with(|u| u.sort.unwrap_or((SortColumn::Established, false)))
            }),
            data: Memo::new(move |_| url.with(|u| u.data.clone())),
            cols: Memo::new(move |_| url.with(|u| u.cols.clone())),
            search: Memo::new(move |_| url.with(|u| u.search.clone())),
            styling: Memo::new(move |_| {
                url.with(|u| Styling {
                    theme: u.theme,
                    accent: u.accent.clone(),
                    font: u.font.clone(),
                    embedded: u.embed.is_some(),
                })
            }),
        }
    }
}

/// Signals and memos shared by every panel. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Everything the URL holds (read it through [`AppState::query`]).
    pub url: RwSignal<UrlState>,
    /// How the next URL change is recorded.
    pub history_mode: RwSignal<HistoryMode>,
    /// The URL state, part by part.
    pub query: Query,
    /// The UI language: the address's `lang`, else the browser's.
    pub locale: Memo<Locale>,
    /// Parameters the app ignored, with the reason.
    pub notices: RwSignal<Vec<Notice>>,
    /// The dataset: loading, loaded or failed; the user's file.
    pub data: DataState,
    /// The basemap of the current map profile.
    pub basemap: BasemapState,
    /// A download the browser refused.
    pub download_failure: RwSignal<Option<Failure>>,
    /// Drawer, sheet and map-fit requests.
    pub layout: LayoutState,
}

impl AppState {
    /// Builds the state for a start-up address and language.
    pub fn new(
        url: UrlState,
        notices: Vec<Notice>,
        default_locale: Locale,
        bundled_url: String,
    ) -> AppState {
        let url = RwSignal::new(url);
        let query = Query::new(url);
        let locale = Memo::new(move |_| url.with(|u| u.lang).unwrap_or(default_locale));
        AppState {
            url,
            history_mode: RwSignal::new(HistoryMode::Replace),
            query,
            locale,
            notices: RwSignal::new(notices),
            data: DataState::new(query.data, query.cols, bundled_url),
            basemap: BasemapState::new(query.map_profile),
            download_failure: RwSignal::new(None),
            layout: LayoutState::new(),
        }
    }

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

    /// Switches the language (kept in the address from then on).
    pub fn set_locale(&self, locale: Locale) {
        if self.locale.get_untracked() != locale {
            self.navigate(|u| u.lang = Some(locale));
        }
    }

    /// Asks the map to fit the selection (it has just been chosen).
    pub fn request_fit(&self) {
        self.layout.fit_request.update(|n| *n = n.wrapping_add(1));
    }

    /// Selects a place on the map (and clears a selected pair); the map fits it.
    pub fn select_place(&self, id: String) {
        self.navigate(move |u| {
            u.selected = Some(id);
            u.pair = None;
        });
        self.request_fit();
    }

    /// Selects one partnership; the map fits it.
    pub fn select_pair(&self, id: String) {
        self.navigate(move |u| {
            u.pair = Some(id);
            u.selected = None;
        });
        self.request_fit();
    }

    /// Clears the selected place and pair.
    pub fn clear_selection(&self) {
        if self.url.with_untracked(|u| u.selected.is_some() || u.pair.is_some()) {
            self.navigate(|u| {
                u.selected = None;
                u.pair = None;
            });
        }
    }

    /// Opens a profile (`None` closes it).
    pub fn open_profile(&self, profile: Option<ProfileRef>) {
        self.navigate(move |u| u.profile = profile);
    }

    /// Goes to a tab.
    pub fn show_tab(&self, tab: Tab) {
        self.navigate(move |u| u.tab = tab);
    }

    /// Changes the filters (a new history entry).
    pub fn set_filters(&self, change: impl FnOnce(&mut Filters)) {
        self.navigate(move |u| change(&mut u.filters));
    }

    /// Reports the outcome of a download: `None` when the browser refused it.
    pub fn downloaded(&self, name: &str, outcome: Option<()>) {
        let failure = outcome.is_none().then(|| Failure::Download { name: name.to_owned() });
        self.download_failure.set(failure);
    }
}

/// The app state; provided by [`crate::ui::AppRoot`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
