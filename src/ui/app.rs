//! The root component: configuration from the address, data and basemap loading, and the
//! three load states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::explorer::Explorer;
use super::fetch::fetch_text;
use super::header::Header;
use super::import::{Imported, is_csv, read_bytes};
use super::state::{AppState, DataOrigin, HistoryMode, LoadState, LoadedBasemap, use_app_state};
use super::url;
use crate::model::geo::basemap::decode_basemap;
use crate::model::i18n::{Locale, fill, problem_text};
use crate::model::load::{Loaded, load};
use crate::model::query::{MapProfile, Notice, UrlState, parse};

/// The bundled dataset, relative to the page so the app works under any sub-path.
pub const DEFAULT_DATA_URL: &str = "data/partnerships.json";
const FETCH_TIMEOUT_SECONDS: u32 = 30;

/// How the app starts.
#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// The address state (filters, view, language...).
    pub url: UrlState,
    /// Parameters that were ignored.
    pub notices: Vec<Notice>,
    /// The UI language.
    pub locale: Locale,
    /// Keep the address bar in step with the state (off in tests that mount several apps).
    pub sync_url: bool,
    /// The bundled dataset (the default, the fallback and the CSV gazetteer).
    pub bundled_url: String,
}

impl AppConfig {
    /// The configuration of the current page.
    pub fn from_page() -> AppConfig {
        let (url, notices) = parse(&url::current_search());
        let locale = url.lang.unwrap_or_else(browser_locale);
        AppConfig { url, notices, locale, sync_url: true, bundled_url: DEFAULT_DATA_URL.into() }
    }

    /// A configuration for tests: this file as the bundled data, this language, nothing
    /// else; the address bar is left alone.
    pub fn with_bundled(bundled_url: &str, locale: Locale) -> AppConfig {
        AppConfig {
            url: UrlState::default(),
            notices: Vec::new(),
            locale,
            sync_url: false,
            bundled_url: bundled_url.to_owned(),
        }
    }

    /// The same configuration, as if the address said `?data=<url>`.
    pub fn with_user_data(mut self, url: &str) -> AppConfig {
        self.url.data = Some(url.to_owned());
        self
    }
}

fn browser_locale() -> Locale {
    let languages: Vec<String> =
        window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    Locale::negotiate(languages.iter().map(String::as_str))
}

/// The whole app, configured from the page's address.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppRoot config=AppConfig::from_page() /> }
}

/// The basemap files of a profile: world, provinces and (China view) the extras.
fn basemap_files(profile: MapProfile) -> (&'static str, &'static str, Option<&'static str>) {
    match profile {
        MapProfile::China => (
            "data/basemap/world-china.topo.json",
            "data/basemap/provinces-china.topo.json",
            Some("data/basemap/china-extras.geojson"),
        ),
        MapProfile::Neutral => (
            "data/basemap/world-neutral.topo.json",
            "data/basemap/provinces-neutral.topo.json",
            None,
        ),
    }
}

/// The whole app with an explicit configuration (tests mount this with a fixture).
#[component]
pub fn AppRoot(
    /// Address state and language.
    config: AppConfig,
) -> impl IntoView {
    let data_url = config.url.data.clone();
    let state = AppState {
        locale: RwSignal::new(config.locale),
        load: RwSignal::new(LoadState::Loading),
        reload: RwSignal::new(0),
        url: RwSignal::new(config.url),
        history_mode: RwSignal::new(HistoryMode::Replace),
        notices: RwSignal::new(config.notices),
        basemap: RwSignal::new(None),
        basemap_error: RwSignal::new(None),
        origin: RwSignal::new(match &data_url {
            Some(u) => DataOrigin::Url(u.clone()),
            None => DataOrigin::Bundled,
        }),
        announcement: RwSignal::new(String::new()),
        bundled: RwSignal::new(None),
        data_error: RwSignal::new(None),
        data_notice: RwSignal::new(None),
        bundled_url: StoredValue::new(config.bundled_url),
    };
    provide_context(state);
    super::embed::apply_host_styling(state);
    if config.sync_url {
        url::sync(state);
        super::import::install_page_drop(state);
        super::embed::post_height_to_parent(state);
    }
    let embedded = Memo::new(move |_| state.url.with(|u| u.embed.is_some()));

    Effect::new(move |_| {
        let locale = state.locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.html_lang());
        }
        document().set_title(locale.messages().page_title);
    });

    // Keep the language in the URL once the user has chosen one.
    Effect::new(move |previous: Option<Locale>| {
        let locale = state.locale.get();
        if previous.is_some_and(|p| p != locale) {
            state.navigate(|u| u.lang = Some(locale));
        }
        locale
    });

    Effect::new(move |_| {
        state.reload.track();
        let origin = state.origin.get();
        if matches!(origin, DataOrigin::File(_)) {
            return;
        }
        state.load.set(LoadState::Loading);
        spawn_local(async move {
            let next = match origin {
                DataOrigin::Url(url) => match load_user_url(state, &url).await {
                    Ok(loaded) => {
                        state.data_error.set(None);
                        LoadState::Ready(loaded)
                    }
                    Err(message) => {
                        // The user's file failed: say so, and show the bundled data instead.
                        state.data_error.set(Some(message.clone()));
                        match load_bundled(state).await {
                            Ok(bundled) => LoadState::Ready(bundled),
                            Err(_) => LoadState::Failed { message, user_supplied: true },
                        }
                    }
                },
                _ => match load_bundled(state).await {
                    Ok(bundled) => LoadState::Ready(bundled),
                    Err(message) => LoadState::Failed { message, user_supplied: false },
                },
            };
            if matches!(next, LoadState::Ready(_)) {
                super::perf::mark("yc-data-loaded");
            }
            state.load.set(next);
        });
    });

    Effect::new(move |_| {
        let profile = state.url.with(|u| u.map_profile.unwrap_or_default());
        if state.basemap.with_untracked(|b| b.as_ref().is_some_and(|b| b.profile == profile)) {
            return;
        }
        let (world_url, provinces_url, extras_url) = basemap_files(profile);
        spawn_local(async move {
            // The three files at once (boot.js has usually preloaded them already).
            let extras = async move {
                match extras_url {
                    Some(u) => fetch_text(u, FETCH_TIMEOUT_SECONDS).await.map(Some),
                    None => Ok(None),
                }
            };
            let (world, provinces, extras) = futures::join!(
                fetch_text(world_url, FETCH_TIMEOUT_SECONDS),
                fetch_text(provinces_url, FETCH_TIMEOUT_SECONDS),
                extras
            );
            let locale = state.locale.get_untracked();
            match (world, provinces, extras) {
                (Ok(w), Ok(p), Ok(e)) => match decode_basemap(&w, &p, e.as_deref()) {
                    Ok(map) => {
                        state.basemap_error.set(None);
                        state.basemap.set(Some(LoadedBasemap { profile, map: Arc::new(map) }));
                    }
                    Err(e) => state.basemap_error.set(Some(e.to_string())),
                },
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    state.basemap_error.set(Some(e.message(locale)))
                }
            }
        });
    });

    view! {
        <a class="skip-link" href="#main">{move || state.messages().skip_to_content}</a>
        <Show when=move || !embedded.get()>
            <Header />
        </Show>
        <main id="main" class="main" tabindex="-1">
            {move || match state.load.get() {
                LoadState::Loading => view! { <LoadingView /> }.into_any(),
                LoadState::Failed { message, user_supplied } => {
                    view! { <FailedView message user_supplied /> }.into_any()
                }
                LoadState::Ready(loaded) => view! { <Explorer loaded /> }.into_any(),
            }}
        </main>
        <Footer />
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
            {move || state.announcement.get()}
        </div>
    }
}

/// Loads (once) the bundled dataset.
async fn load_bundled(state: AppState) -> Result<Arc<Loaded>, String> {
    if let Some(bundled) = state.bundled.get_untracked() {
        return Ok(bundled);
    }
    let locale = state.locale.get_untracked();
    let url = state.bundled_url.get_value();
    let text = fetch_text(&url, FETCH_TIMEOUT_SECONDS).await.map_err(|e| e.message(locale))?;
    let loaded = load(&text).map_err(|e| {
        fill(
            locale.messages().file_problem,
            &[("url", &url), ("problem", &problem_text(locale, &e.problem))],
        )
    })?;
    let loaded = Arc::new(loaded);
    state.bundled.set(Some(loaded.clone()));
    Ok(loaded)
}

/// Loads a data file given with `?data=`: partnership JSON, or CSV read against the bundled
/// dataset's places.
async fn load_user_url(state: AppState, url: &str) -> Result<Arc<Loaded>, String> {
    let locale = state.locale.get_untracked();
    let text = fetch_text(url, FETCH_TIMEOUT_SECONDS).await.map_err(|e| e.message(locale))?;
    if is_csv(url, text.as_bytes()) {
        let gazetteer =
            load_bundled(state).await.map(|b| Arc::new(b.dataset.clone())).unwrap_or_default();
        return match read_bytes(url, text.as_bytes(), &gazetteer, &state) {
            Imported::Ready(loaded, _) => Ok(loaded),
            Imported::Failed(message) => Err(message),
        };
    }
    load(&text).map(Arc::new).map_err(|e| {
        fill(
            locale.messages().file_problem,
            &[("url", url), ("problem", &problem_text(locale, &e.problem))],
        )
    })
}

/// The page footer: attribution is visible on every view.
#[component]
fn Footer() -> impl IntoView {
    let state = use_app_state();
    // Embedded: a link to the full app (same view, without the embed options).
    let full_view = move || {
        let query = state.url.with(|u| {
            crate::model::query::to_query(&UrlState {
                embed: None,
                chart: None,
                theme: None,
                accent: None,
                font: None,
                ..u.clone()
            })
        });
        let path = window().location().pathname().unwrap_or_default();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    };
    view! {
        <footer class="app-footer">
            <Show when=move || state.url.with(|u| u.embed.is_some())>
                <p class="embed-brand">
                    <strong>{move || state.messages().app_name}</strong>
                    " · "
                    <a href=full_view target="_blank" rel="noopener">
                        {move || state.messages().open_full_view}
                    </a>
                </p>
            </Show>
            <p>
                {move || state.messages().footer_attribution}
                " "
                <Show when=move || state.url.with(|u| u.embed.is_none_or(|e| e == crate::model::query::EmbedPreset::Full))>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| state.navigate(|u| u.tab = crate::model::query::Tab::Data)
                    >
                        {move || state.messages().footer_more}
                    </button>
                </Show>
            </p>
        </footer>
    }
}

/// The progress indicator shown while the data loads.
#[component]
fn LoadingView() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="load-state" role="status" aria-live="polite" data-testid="loading">
            <div class="spinner" aria-hidden="true"></div>
            <p>{move || state.messages().loading}</p>
        </div>
    }
}

/// The failure message with a retry button, and a way back to the bundled data when the
/// failing file was the user's.
#[component]
fn FailedView(
    /// What went wrong, already in the UI language.
    message: String,
    /// True when the file came from `?data=` or a drop: offer the bundled data.
    user_supplied: bool,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="load-state failed" role="alert" data-testid="load-failed">
            <h2>{move || state.messages().load_failed}</h2>
            <p class="error-message">{message}</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| state.reload.update(|n| *n += 1)>
                    {move || state.messages().retry}
                </button>
                <Show when=move || user_supplied>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            state.navigate(|u| u.data = None);
                            state.origin.set(DataOrigin::Bundled);
                        }
                    >
                        {move || state.messages().use_bundled}
                    </button>
                </Show>
            </div>
        </div>
    }
}
