//! Every official figure (scope, date, what it counts, pairs, countries, source) and every
//! source of the dataset.

use leptos::prelude::*;

use crate::model::format::dataset::SourceIdx;
use crate::model::i18n::messages::Messages;
use crate::model::show::rows::{name_class, reported_row};
use crate::ui::sources::{SourceLink, WhenSourcesReady};
use crate::ui::state::{use_app_state, use_explore};

/// The names of the columns of [`reported_row`].
fn column_labels(m: &Messages) -> [&'static str; 5] {
    [m.col_scope, m.col_date, m.col_counts, m.col_number, m.col_countries]
}

/// The columns of [`reported_row`] that hold a date or a number: kept on one line, so that
/// the long columns (what a figure counts, its source) wrap instead.
const SHORT_COLUMNS: [bool; 5] = [false, true, false, true, true];

/// The table of official figures.
#[component]
pub fn ReportedFigures() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let n = explore.with_data(|d| d.reported().len());
    let row = move |i: usize| {
        let (id, source) =
            explore.with_data(|d| (d.reported()[i].id.clone(), d.reported()[i].source));
        // Each cell carries its column's name: a phone shows a card per figure.
        let cells = move || {
            let locale = state.locale.get();
            let labels = column_labels(locale.messages());
            explore
                .with_data(|d| reported_row(d, &d.reported()[i], locale))
                .into_iter()
                .zip(labels)
                .zip(SHORT_COLUMNS)
                .map(|((cell, label), short)| {
                    // A name or a short label is kept whole (广西壮族自治区, never 广西/壮族/自治区).
                    view! { <td role="cell" data-label=label class:short-cell=short>{(!cell.is_empty()).then(|| view! { <span class=name_class(&cell)>{cell.clone()}</span> })}</td> }
                })
                .collect_view()
        };
        let sources = move || state.messages().col_sources;
        view! {
            <tr role="row" data-id=id>
                {cells}
                <td role="cell" data-label=sources><SourceLink source /></td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="reported-title">
            <h2 id="reported-title">{move || state.messages().reported_title}</h2>
            <div class="table-scroll">
                // The roles keep the table a table for screen readers when a phone lays its rows
                // out as cards.
                <table class="data-table figures-table" role="table">
                    <thead role="rowgroup">
                        <tr role="row">
                            {move || {
                                let m = state.messages();
                                column_labels(m)
                                    .into_iter()
                                    .chain([m.col_sources])
                                    .map(|label| view! { <th scope="col" role="columnheader">{label}</th> })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody role="rowgroup">{(0..n).map(row).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Every source, folded away under its count.
#[component]
pub fn SourceList() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let n = explore.with_data(|d| d.sources().len());
    let pending = explore.with_data(|d| d.sources_pending().is_some());
    view! {
        <section class="card" aria-labelledby="sources-title">
            <details>
                <summary>
                    <h2 id="sources-title" class="inline-heading">
                        {move || { let l = state.locale.get(); l.messages().n_sources.format(l, n as u64) }}
                    </h2>
                </summary>
                <WhenSourcesReady pending>
                    <ul class="source-list">
                        {(0..n).map(|i| view! { <li><SourceLink source=SourceIdx(i as u32) /></li> }).collect_view()}
                    </ul>
                </WhenSourcesReady>
            </details>
        </section>
    }
}
