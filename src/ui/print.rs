//! What only a printed page shows: the title and the filters in words at the top; at the end,
//! the first rows of the table (when no place is open, whose partners print instead), the
//! source and the permalink as text. The screen never shows these (CSS `print-only`).

use leptos::prelude::*;

use super::state::{use_app_state, use_explore};
use crate::model::ask::aggregate::headline_scope;
use crate::model::ask::query::{SortColumn, to_query};
use crate::model::i18n::{Locale, fill, in_language};
use crate::model::show::describe::{filter_line, scope_text};
use crate::model::show::export::sort_pairs;
use crate::model::show::rows::table_row;

/// Rows of the table a printed page lists.
const PRINT_ROWS: usize = 25;

/// The printed page's title and filters, above the headline.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let title = move || {
        let locale = state.locale.get();
        let scope =
            filters.with(|f| explore.with_data(|d| scope_text(d, &headline_scope(d, f), locale)));
        format!("{} — {scope}", locale.messages().app_name)
    };
    let line = move || {
        let locale = state.locale.get();
        filters.with(|f| explore.with_data(|d| filter_line(d, f, locale)))
    };
    view! {
        <header class="print-only print-header">
            <p class="print-title">{title}</p>
            <p>{line}</p>
        </header>
    }
}

/// The printed page's end: the first rows, the source, the permalink.
#[component]
pub fn PrintSummary() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let nothing_open = move || {
        explore.selected_place.with(Option::is_none)
            && explore.selected_pair.with(Option::is_none)
            && state.query.profile.with(Option::is_none)
    };
    let rows = move || {
        let locale = state.locale.get();
        let pairs = explore.shown.get();
        let rows = explore.with_data(|d| {
            sort_pairs(d, &pairs, SortColumn::Established, false, locale)
                .into_iter()
                .take(PRINT_ROWS)
                .map(|p| table_row(d, p, locale))
                .collect::<Vec<_>>()
        });
        let caption = fill(
            locale.messages().print_rows,
            &[("shown", &rows.len().to_string()), ("total", &locale.number(pairs.len() as u64))],
        );
        view! {
            <table class="data-table print-rows">
                <caption>{caption}</caption>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr><td>{r.home}</td><td>{r.partner}</td><td>{r.country}</td><td>{r.kind}</td><td>{r.date}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let source = move || {
        let locale = state.locale.get();
        let meta = explore.with_data(|d| d.meta().clone());
        let title = match locale {
            Locale::Zh => meta.title_zh.clone().unwrap_or(meta.title_en.clone()),
            Locale::En => meta.title_en.clone(),
        };
        let licence = meta.licence.clone().unwrap_or_else(|| "-".to_owned());
        let line = fill(
            locale.messages().export_source,
            &[
                ("title", &title),
                ("version", &locale.dates_in_text(&meta.version)),
                ("licence", &licence),
            ],
        );
        let lines: Vec<&str> = meta.attribution.iter().map(|a| in_language(locale, a)).collect();
        format!("{line}. {}", lines.join(locale.messages().item_separator))
    };
    let link = move || {
        let query = state.url.with(to_query);
        let location = window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let url = if query.is_empty() { base } else { format!("{base}?{query}") };
        fill(state.messages().export_permalink, &[("url", &url)])
    };
    view! {
        <section class="print-only print-summary">
            <Show when=move || state.layout.printing.get() && nothing_open()>{rows}</Show>
            <p>{source}</p>
            <p class="print-link">{link}</p>
        </section>
    }
}
