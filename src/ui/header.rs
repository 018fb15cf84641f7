//! The page header: product name, tagline and language switcher.

use leptos::prelude::*;

use super::state::use_app_state;
use crate::model::i18n::Locale;

/// The header bar.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    view! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-name">{move || state.messages().app_name}</h1>
                <p class="tagline">{move || state.messages().tagline}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=move || state.messages().language>
                {Locale::ALL
                    .iter()
                    .map(|locale| {
                        let locale = *locale;
                        view! {
                            <button
                                type="button"
                                class="lang-button"
                                lang=locale.html_lang()
                                aria-pressed=move || (state.locale.get() == locale).to_string()
                                on:click=move |_| state.set_locale(locale)
                            >
                                {locale.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
    }
}
