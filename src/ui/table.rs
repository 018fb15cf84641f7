//! The table of partnerships under the current filter: its count with what it counts, the
//! rows a page at a time (`table_pages`), and the rows exported as CSV, partnership JSON or
//! GeoJSON.

use leptos::prelude::*;

use super::download::download_bytes;
use super::sources::WhenSourcesReady;
use super::state::{SourcesStatus, use_app_state, use_explore};
use super::table_pages::Pages;
use crate::model::ask::scope::selection_scope;
use crate::model::show::counted::counted;
use crate::model::show::export::{sort_pairs, to_csv, to_geojson, to_json};

/// The export formats.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
    GeoJson,
}

/// The table tab.
#[component]
pub fn TablePanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let sort = state.query.sort;
    let rows = Memo::new(move |_| {
        let (pairs, (column, descending)) = (explore.shown.get(), sort.get());
        let locale = state.locale.get();
        explore.with_data(|d| sort_pairs(d, &pairs, column, descending, locale))
    });
    // How many rows, and what they count (the filters' scope).
    let count = move || {
        let (locale, play) = (state.locale.get(), state.query.play_year.get());
        let n = rows.with(Vec::len);
        state
            .query
            .filters
            .with(|f| explore.with_data(|d| counted(d, n, &selection_scope(d, f, play), locale)))
    };
    // An export carries the sources' titles: one asked for before they arrived waits for
    // them (the status beside the buttons says so) and then downloads.
    let waiting = RwSignal::new(None::<Format>);
    let export_now = move |format: Format| {
        let pairs = rows.get_untracked();
        let (name, mime, text) = explore.with_data(|d| match format {
            Format::Csv => (
                "youcheng-partnerships.csv",
                "text/csv;charset=utf-8",
                format!("\u{feff}{}", to_csv(d, &pairs)),
            ),
            Format::GeoJson => {
                ("youcheng-partnerships.geojson", "application/geo+json", to_geojson(d, &pairs))
            }
            Format::Json => ("youcheng-partnerships.json", "application/json", to_json(d, &pairs)),
        });
        state.downloaded(name, download_bytes(name, mime, text.as_bytes()));
    };
    let sources = explore.sources;
    let export = move |format: Format| match sources.ready_untracked() {
        true => export_now(format),
        false => {
            waiting.set(Some(format));
            sources.want();
        }
    };
    // Bridge to the outside (a download) once the sources have arrived.
    Effect::new(move |_| {
        if sources.status.get() == SourcesStatus::Ready
            && let Some(format) = waiting.get()
        {
            waiting.set(None);
            export_now(format);
        }
    });
    let waiting_view = move || {
        waiting.get().map(|_| view! { <WhenSourcesReady pending=true>""</WhenSourcesReady> })
    };
    view! {
        <div class="table-panel" data-testid="table-panel">
            <div class="table-toolbar">
                <p class="muted" data-testid="table-count">{count}</p>
                <div class="button-row" role="group" aria-label=move || state.messages().export_label>
                    <button type="button" class="button small" on:click=move |_| export(Format::Csv) data-testid="export-csv">
                        {move || state.messages().export_csv}
                    </button>
                    <button type="button" class="button small" on:click=move |_| export(Format::Json) data-testid="export-json">
                        {move || state.messages().export_json}
                    </button>
                    <button type="button" class="button small" on:click=move |_| export(Format::GeoJson) data-testid="export-geojson">
                        {move || state.messages().export_geojson}
                    </button>
                </div>
                {waiting_view}
            </div>
            // A new filter or sort starts again at the first page: the pages are rebuilt.
            {move || view! { <Pages rows=rows.get() /> }}
        </div>
    }
}
