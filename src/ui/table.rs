//! The table of partnerships under the current filter: sortable by any column, paged (fast at
//! 100,000 rows), a row's button selects the pair on the map, and the rows export as CSV,
//! partnership JSON or GeoJSON.

use leptos::prelude::*;

use super::download::download_bytes;
use super::sources::SourceRefs;
use super::state::{use_app_state, use_explore};
use crate::model::ask::query::{SortColumn, Tab};
use crate::model::format::dataset::PairIdx;
use crate::model::i18n::fill;
use crate::model::show::export::{sort_pairs, to_csv, to_geojson, to_json};
use crate::model::show::rows::table_row;

const PAGE_SIZE: usize = 50;

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
    let export = move |format: Format| {
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
    view! {
        <div class="table-panel" data-testid="table-panel">
            <div class="table-toolbar">
                <p class="muted" data-testid="table-count">
                    {move || {
                        let locale = state.locale.get();
                        locale.messages().n_rows.format(locale, rows.with(Vec::len) as u64)
                    }}
                </p>
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
            </div>
            // A new filter or sort starts again at the first page: the pages are rebuilt.
            {move || view! { <Pages rows=rows.get() /> }}
        </div>
    }
}

/// A column header that sorts by its column (again: the other way).
fn header(column: SortColumn) -> impl IntoView {
    let state = use_app_state();
    let sort = state.query.sort;
    let label = move || {
        let m = state.messages();
        match column {
            SortColumn::Home => m.col_chinese_place,
            SortColumn::Province => m.filter_province,
            SortColumn::Partner => m.col_partner,
            SortColumn::Country => m.col_country,
            SortColumn::Kind => m.col_type,
            SortColumn::Status => m.col_status,
            SortColumn::Established => m.col_established,
        }
    };
    let aria_sort = move || match sort.get() {
        (c, false) if c == column => "ascending",
        (c, true) if c == column => "descending",
        _ => "none",
    };
    let mark = move || match aria_sort() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    let on_click = move |_| {
        let next = match sort.get_untracked() {
            (c, false) if c == column => (column, true),
            _ => (column, false),
        };
        state.navigate(move |u| u.sort = Some(next));
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-button" on:click=on_click>
                {label}
                <span aria-hidden="true" class="sort-mark">{mark}</span>
            </button>
        </th>
    }
}

/// The rows, a page at a time, with the pager.
#[component]
fn Pages(
    /// All rows, in order.
    rows: Vec<PairIdx>,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let page = RwSignal::new(0usize);
    let pages = rows.len().div_ceil(PAGE_SIZE).max(1);
    let row = move |p: PairIdx| {
        let locale = state.locale.get();
        let r = explore.with_data(|d| table_row(d, p, locale));
        let label = fill(
            locale.messages().show_on_map,
            &[("pair", &format!("{} – {}", r.home, r.partner))],
        );
        let id = r.id;
        let show = move |_| {
            let id = id.clone();
            state.navigate(move |u| {
                u.pair = Some(id);
                u.selected = None;
                u.tab = Tab::Map;
            });
            state.request_fit();
        };
        view! {
            <tr>
                <td><button type="button" class="link-button" aria-label=label on:click=show>{r.home}</button></td>
                <td>{r.province}</td>
                <td>{r.partner}</td>
                <td>{r.country}</td>
                <td>{r.kind}</td>
                <td>{r.status}</td>
                <td class="nowrap">{r.date}</td>
                <td class="sources-cell"><SourceRefs sources=r.sources /></td>
            </tr>
        }
    };
    let body = move || {
        let start = page.get() * PAGE_SIZE;
        rows.iter().skip(start).take(PAGE_SIZE).copied().map(row).collect_view()
    };
    view! {
        <div class="table-scroll">
            <table class="data-table partnerships" data-testid="partnership-table">
                <caption class="visually-hidden">{move || state.messages().table_caption}</caption>
                <thead>
                    <tr>
                        {SortColumn::ALL.into_iter().map(header).collect_view()}
                        <th scope="col">{move || state.messages().col_sources}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=move || state.messages().pages>
            <button type="button" class="button small" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                {move || state.messages().previous_page}
            </button>
            <span data-testid="page-indicator">
                {move || fill(state.messages().page_of, &[("page", &(page.get() + 1).to_string()), ("pages", &pages.to_string())])}
            </span>
            <button type="button" class="button small" disabled=move || page.get() + 1 >= pages on:click=move |_| page.update(|p| *p += 1)>
                {move || state.messages().next_page}
            </button>
        </nav>
    }
}
