//! The table of partnerships under the current filter: sortable by any column, paged (fast at
//! 100,000 rows), a row's button selects the pair on the map, and the rows export as CSV,
//! partnership JSON or GeoJSON.

use leptos::prelude::*;

use super::download::download_bytes;
use super::explorer::use_explore;
use super::sources::SourceRefs;
use super::state::use_app_state;
use crate::model::export::{sort_pairs, to_csv, to_geojson, to_json};
use crate::model::i18n::{country_name, fill, kind_label, place_name, status_label};
use crate::model::query::{SortColumn, Tab};

const PAGE_SIZE: usize = 50;

/// The table tab.
#[component]
pub fn TablePanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let page = RwSignal::new(0usize);
    let sort =
        Memo::new(move |_| state.url.with(|u| u.sort.unwrap_or((SortColumn::Established, false))));
    let rows = Memo::new(move |_| {
        let pairs = explore.shown.get();
        let (column, descending) = sort.get();
        let locale = state.locale.get();
        explore.with_data(|d| sort_pairs(d, &pairs, column, descending, locale))
    });
    // A new filter or sort starts at the first page.
    Effect::new(move |_| {
        rows.track();
        page.set(0);
    });
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE)).max(1);
    let header = move |column: SortColumn| {
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
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort-button"
                    on:click=move |_| {
                        let next = match sort.get_untracked() {
                            (c, false) if c == column => (column, true),
                            _ => (column, false),
                        };
                        state.navigate(move |u| u.sort = Some(next));
                    }
                >
                    {label}
                    <span aria-hidden="true" class="sort-mark">
                        {move || match aria_sort() {
                            "ascending" => "▲",
                            "descending" => "▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    let export = move |format: &'static str| {
        let pairs = rows.get_untracked();
        let (name, mime, text) = explore.with_data(|d| match format {
            "csv" => (
                "youcheng-partnerships.csv",
                "text/csv;charset=utf-8",
                format!("\u{feff}{}", to_csv(d, &pairs)),
            ),
            "geojson" => {
                ("youcheng-partnerships.geojson", "application/geo+json", to_geojson(d, &pairs))
            }
            _ => ("youcheng-partnerships.json", "application/json", to_json(d, &pairs)),
        });
        let _ = download_bytes(name, mime, text.as_bytes());
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
                    <button type="button" class="button small" on:click=move |_| export("csv") data-testid="export-csv">
                        {move || state.messages().export_csv}
                    </button>
                    <button type="button" class="button small" on:click=move |_| export("json") data-testid="export-json">
                        {move || state.messages().export_json}
                    </button>
                    <button type="button" class="button small" on:click=move |_| export("geojson") data-testid="export-geojson">
                        {move || state.messages().export_geojson}
                    </button>
                </div>
            </div>
            <div class="table-scroll">
                <table class="data-table partnerships" data-testid="partnership-table">
                    <caption class="visually-hidden">{move || state.messages().table_caption}</caption>
                    <thead>
                        <tr>
                            {header(SortColumn::Home)}
                            {header(SortColumn::Province)}
                            {header(SortColumn::Partner)}
                            {header(SortColumn::Country)}
                            {header(SortColumn::Kind)}
                            {header(SortColumn::Status)}
                            {header(SortColumn::Established)}
                            <th scope="col">{move || state.messages().col_sources}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let locale = state.locale.get();
                            let m = locale.messages();
                            let start = page.get() * PAGE_SIZE;
                            rows.with(|r| r.iter().skip(start).take(PAGE_SIZE).copied().collect::<Vec<_>>())
                                .into_iter()
                                .map(|p| {
                                    let (id, home, province, partner, country, kind, status, date, sources) = explore.with_data(|d| {
                                        let pair = d.partnership(p);
                                        (
                                            pair.id.clone(),
                                            place_name(locale, d.place(pair.home)).to_owned(),
                                            d.province_of(pair.home).map(|pr| place_name(locale, d.place(pr)).to_owned()).unwrap_or_default(),
                                            place_name(locale, d.place(pair.partner)).to_owned(),
                                            country_name(locale, d.country(d.place(pair.partner).country)).to_owned(),
                                            kind_label(locale, pair.kind),
                                            status_label(locale, pair.status),
                                            pair.first_date().map(|dt| dt.to_string()).unwrap_or_else(|| m.unknown_year.to_owned()),
                                            pair.sources.clone(),
                                        )
                                    });
                                    let label = fill(m.show_on_map, &[("pair", &format!("{home} – {partner}"))]);
                                    view! {
                                        <tr>
                                            <td>
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    aria-label=label
                                                    on:click=move |_| {
                                                        let id = id.clone();
                                                        state.navigate(move |u| {
                                                            u.pair = Some(id);
                                                            u.selected = None;
                                                            u.tab = Tab::Map;
                                                        })
                                                    }
                                                >
                                                    {home}
                                                </button>
                                            </td>
                                            <td>{province}</td>
                                            <td>{partner}</td>
                                            <td>{country}</td>
                                            <td>{kind}</td>
                                            <td>{status}</td>
                                            <td class="nowrap">{date}</td>
                                            <td class="sources-cell"><SourceRefs sources /></td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label=move || state.messages().pages>
                <button type="button" class="button small" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                    {move || state.messages().previous_page}
                </button>
                <span data-testid="page-indicator">
                    {move || fill(state.messages().page_of, &[("page", &(page.get() + 1).to_string()), ("pages", &pages().to_string())])}
                </span>
                <button type="button" class="button small" disabled=move || page.get() + 1 >= pages() on:click=move |_| page.update(|p| *p += 1)>
                    {move || state.messages().next_page}
                </button>
            </nav>
        </div>
    }
}
