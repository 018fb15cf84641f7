//! The data tab: what the dataset is and where it comes from (attribution and licences),
//! loading your own data, the validation report of the loaded file, every official figure,
//! and every source.

mod columns;
mod compare;
mod own_data;
mod report;
mod reported;

use leptos::prelude::*;

use self::columns::ColumnMapping;
use self::compare::CompareWithPublic;
use self::own_data::OwnData;
use self::report::ValidationReport;
use self::reported::{ReportedFigures, SourceList};
use super::state::{DataOrigin, use_app_state, use_explore};
use crate::model::i18n::{Locale, fill, in_language};

/// The data tab.
#[component]
pub fn DataPanel() -> impl IntoView {
    view! {
        <div class="data-panel" data-testid="data-panel">
            <AboutData />
            <OwnData />
            <ColumnMapping />
            <ValidationReport />
            <CompareWithPublic />
            <ReportedFigures />
            <SourceList />
        </div>
    }
}

/// The dataset's title, origin, version and licence, and its attribution.
#[component]
fn AboutData() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let meta = explore.with_data(|d| d.meta().clone());
    let title = {
        let meta = meta.clone();
        move || match state.locale.get() {
            Locale::Zh => meta.title_zh.clone().unwrap_or(meta.title_en.clone()),
            Locale::En => meta.title_en.clone(),
        }
    };
    let origin = move || {
        let m = state.messages();
        match state.data.origin.get() {
            DataOrigin::Bundled => m.origin_bundled.to_owned(),
            DataOrigin::Url(u) => fill(m.origin_url, &[("url", &u)]),
            DataOrigin::File(f) => fill(m.origin_file, &[("name", &f)]),
        }
    };
    let use_bundled = move |_| {
        state.data.forget_file();
        state.navigate(|u| {
            u.data = None;
            u.cols = None;
        });
    };
    view! {
        <section class="card" aria-labelledby="dataset-title">
            <h2 id="dataset-title">{title}</h2>
            <p class="muted" data-testid="data-origin">
                {origin}
                {(!meta.version.is_empty()).then(|| {
                    let version = meta.version.clone();
                    move || format!(" · {}", state.locale.get().dates_in_text(&version))
                })}
                {meta.licence.clone().map(|l| format!(" · {l}"))}
            </p>
            <Show when=move || state.data.origin.get() != DataOrigin::Bundled>
                <button type="button" class="button small" on:click=use_bundled>
                    {move || state.messages().use_bundled}
                </button>
            </Show>
            <h3>{move || state.messages().attribution_title}</h3>
            <ul class="attribution" data-testid="attribution">
                {meta
                    .attribution
                    .into_iter()
                    .map(|line| view! { <li>{move || in_language(state.locale.get(), &line).to_owned()}</li> })
                    .collect_view()}
                // The bundled dataset's own lines credit the names and the map outlines; a
                // list of the user's still shows both, so the app credits them itself.
                <Show when=move || state.data.origin.get() != DataOrigin::Bundled>
                    <li>{move || state.messages().names_attribution}</li>
                    <li>{move || state.messages().basemap_attribution}</li>
                </Show>
            </ul>
        </section>
    }
}
