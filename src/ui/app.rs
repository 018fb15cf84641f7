//! The root component: language, data loading and the three load states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fetch::fetch_text;
use super::header::Header;
use super::state::{AppState, LoadState, use_app_state};
use super::summary::Summary;
use crate::model::i18n::Locale;
use crate::model::i18n::problem_text;
use crate::model::load::load;

/// The bundled dataset, relative to the page so the app works under any sub-path.
pub const DEFAULT_DATA_URL: &str = "data/partnerships.json";
const FETCH_TIMEOUT_SECONDS: u32 = 30;

/// How the app starts: where the data comes from and in which language.
#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// The partnership file to load.
    pub data_url: String,
    /// The UI language.
    pub locale: Locale,
}

impl AppConfig {
    /// The configuration of the current page: bundled data, language from the URL or browser.
    pub fn from_page() -> AppConfig {
        AppConfig { data_url: DEFAULT_DATA_URL.to_owned(), locale: initial_locale() }
    }
}

/// The whole app, configured from the page's address.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppRoot config=AppConfig::from_page() /> }
}

/// The whole app with an explicit configuration (tests mount this with a fixture).
#[component]
pub fn AppRoot(
    /// Data source and language.
    config: AppConfig,
) -> impl IntoView {
    let state = AppState {
        locale: RwSignal::new(config.locale),
        load: RwSignal::new(LoadState::Loading),
        reload: RwSignal::new(0),
    };
    provide_context(state);

    Effect::new(move |_| {
        let lang = state.locale.get().html_lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang);
        }
    });

    Effect::new(move |_| {
        state.reload.track();
        state.load.set(LoadState::Loading);
        let url = config.data_url.clone();
        spawn_local(async move {
            let next = match fetch_text(&url, FETCH_TIMEOUT_SECONDS).await {
                Err(error) => LoadState::Failed {
                    message: error.message(state.locale.get_untracked()),
                    user_supplied: false,
                },
                Ok(text) => match load(&text) {
                    Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
                    Err(error) => LoadState::Failed {
                        message: problem_text(state.locale.get_untracked(), &error.problem),
                        user_supplied: false,
                    },
                },
            };
            state.load.set(next);
        });
    });

    view! {
        <Header />
        <main id="main" class="main">
            {move || match state.load.get() {
                LoadState::Loading => view! { <LoadingView /> }.into_any(),
                LoadState::Failed { message, .. } => view! { <FailedView message /> }.into_any(),
                LoadState::Ready(loaded) => view! { <Summary loaded /> }.into_any(),
            }}
        </main>
    }
}

fn initial_locale() -> Locale {
    let from_url = window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|tag| Locale::from_tag(&tag));
    from_url.unwrap_or_else(|| {
        let languages: Vec<String> =
            window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
        Locale::negotiate(languages.iter().map(String::as_str))
    })
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

/// The failure message with a retry button.
#[component]
fn FailedView(
    /// What went wrong, already in the UI language.
    message: String,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="load-state failed" role="alert" data-testid="load-failed">
            <h2>{move || state.messages().load_failed}</h2>
            <p class="error-message">{message}</p>
            <button type="button" class="button primary" on:click=move |_| state.reload.update(|n| *n += 1)>
                {move || state.messages().retry}
            </button>
        </div>
    }
}
