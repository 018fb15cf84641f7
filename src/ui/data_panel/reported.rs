//! Every official figure (scope, date, what it counts, pairs, countries, source) and every
//! source of the dataset.

use leptos::prelude::*;

use crate::model::format::dataset::SourceIdx;
use crate::model::show::rows::reported_row;
use crate::ui::sources::SourceLink;
use crate::ui::state::{use_app_state, use_explore};

/// The table of official figures.
#[component]
pub fn ReportedFigures() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let n = explore.with_data(|d| d.reported().len());
    let row = move |i: usize| {
        let (id, source) =
            explore.with_data(|d| (d.reported()[i].id.clone(), d.reported()[i].source));
        let cells = move || {
            let locale = state.locale.get();
            explore
                .with_data(|d| reported_row(d, &d.reported()[i], locale))
                .into_iter()
                .map(|cell| view! { <td>{cell}</td> })
                .collect_view()
        };
        view! { <tr data-id=id>{cells} <td><SourceLink source /></td></tr> }
    };
    view! {
        <section class="card" aria-labelledby="reported-title">
            <h2 id="reported-title">{move || state.messages().reported_title}</h2>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || state.messages().col_scope}</th>
                            <th scope="col">{move || state.messages().col_date}</th>
                            <th scope="col">{move || state.messages().col_counts}</th>
                            <th scope="col">{move || state.messages().col_pairs}</th>
                            <th scope="col">{move || state.messages().col_countries}</th>
                            <th scope="col">{move || state.messages().col_sources}</th>
                        </tr>
                    </thead>
                    <tbody>{(0..n).map(row).collect_view()}</tbody>
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
    view! {
        <section class="card" aria-labelledby="sources-title">
            <details>
                <summary>
                    <h2 id="sources-title" class="inline-heading">
                        {move || { let l = state.locale.get(); l.messages().n_sources.format(l, n as u64) }}
                    </h2>
                </summary>
                <ul class="source-list">
                    {(0..n).map(|i| view! { <li><SourceLink source=SourceIdx(i as u32) /></li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}
