//! The root component: configuration from the address, the app state, and the three load
//! states (loading, failed, the explorer).

use leptos::prelude::*;

use super::explorer::Explorer;
use super::header::Header;
use super::messages::DownloadFailure;
use super::state::app::AppState;
use super::state::{LoadState, url_sync, use_app_state};
use crate::model::ask::query::{EmbedPreset, Notice, Tab, UrlState, parse, to_query};
use crate::model::i18n::Locale;
use crate::model::show::failure::Failure;

/// The bundled dataset, relative to the page so the app works under any sub-path.
pub const DEFAULT_DATA_URL: &str = "data/partnerships.json";

/// How the app starts.
#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// The address state (filters, view, language...).
    pub url: UrlState,
    /// Parameters that were ignored.
    pub notices: Vec<Notice>,
    /// The UI language when the address names none.
    pub locale: Locale,
    /// Keep the address bar in step with the state (off in tests that mount several apps).
    pub sync_url: bool,
    /// The bundled dataset (the default, the fallback and the spreadsheet gazetteer).
    pub bundled_url: String,
}

impl AppConfig {
    /// The configuration of the current page.
    pub fn from_page() -> AppConfig {
        let (url, notices) = parse(&url_sync::current_search());
        AppConfig {
            url,
            notices,
            locale: browser_locale(),
            sync_url: true,
            bundled_url: DEFAULT_DATA_URL.into(),
        }
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

/// The whole app with an explicit configuration (tests mount this with a fixture).
#[component]
pub fn AppRoot(
    /// Address state and language.
    config: AppConfig,
) -> impl IntoView {
    let state = AppState::new(config.url, config.notices, config.locale, config.bundled_url);
    provide_context(state);
    super::embed::apply_host_styling(state);
    if config.sync_url {
        url_sync::sync(state);
        super::import::install_page_drop(state);
        super::embed::post_height_to_parent(state);
    }
    // Mirrors the language into the document (outside the reactive graph); once the data is
    // shown, the explorer titles the page after the view.
    Effect::new(move |_| {
        let locale = state.locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.html_lang());
        }
        if !matches!(state.data.load.get(), LoadState::Ready(_)) {
            document().set_title(locale.messages().page_title);
        }
    });
    // The page's static first view goes once the app shows a picture other than its map (a
    // bridge to the page; the map's painter removes it after its first frame).
    Effect::new(move |_| {
        let shown = match state.data.load.get() {
            LoadState::Loading => false,
            LoadState::Failed { .. } => true,
            LoadState::Ready(_) => !state.url.with(UrlState::shows_map),
        };
        if shown {
            super::first_view::take_over();
        }
    });
    let embedded = Memo::new(move |_| state.query.embed.get().is_some());
    view! {
        <a class="skip-link" href="#main">{move || state.messages().skip_to_content}</a>
        <Show when=move || !embedded.get()>
            <Header />
        </Show>
        <main id="main" class="main" tabindex="-1">
            {move || match state.data.load.get() {
                LoadState::Loading => view! { <LoadingView /> }.into_any(),
                LoadState::Failed { failure, user_supplied } => {
                    view! { <FailedView failure user_supplied /> }.into_any()
                }
                LoadState::Ready(loaded) => view! { <Explorer loaded /> }.into_any(),
            }}
        </main>
        <DownloadFailure />
        <Footer />
    }
}

/// The page footer: attribution is visible on every view.
#[component]
fn Footer() -> impl IntoView {
    let state = use_app_state();
    // Embedded: a link to the full app (same view, without the embed options).
    let full_view = move || {
        let query = state.url.with(|u| to_query(&u.without_embed()));
        let path = window().location().pathname().unwrap_or_default();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    };
    let embedded = move || state.query.embed.get().is_some();
    let full_layout = move || state.query.embed.get().is_none_or(|e| e == EmbedPreset::Full);
    view! {
        <footer class="app-footer">
            <Show when=embedded>
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
                <Show when=full_layout>
                    <button type="button" class="link-button" on:click=move |_| state.show_tab(Tab::Data)>
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
    /// What went wrong.
    failure: Failure,
    /// True when the file came from `?data=` or a drop: offer the bundled data.
    user_supplied: bool,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="load-state failed" role="alert" data-testid="load-failed">
            <h2>{move || state.messages().load_failed}</h2>
            <p class="error-message">{move || failure.message(state.locale.get())}</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| state.data.reload()>
                    {move || state.messages().retry}
                </button>
                <Show when=move || user_supplied>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            state.data.forget_file();
                            state.navigate(|u| u.data = None);
                        }
                    >
                        {move || state.messages().use_bundled}
                    </button>
                </Show>
            </div>
        </div>
    }
}
