//! A chart's data as a table, with a button per row that sets the matching filter (the
//! keyboard's way to do what a click on a bar does).

use leptos::prelude::*;

use crate::model::i18n::fill;
use crate::model::show::charts::{Bar, ChartSpec, toggle_filter};
use crate::model::show::rows::name_class;
use crate::ui::state::use_app_state;

/// The chart's data table, folded away under a summary.
#[component]
pub fn ChartData(
    /// The chart.
    chart: Memo<ChartSpec>,
) -> impl IntoView {
    let state = use_app_state();
    let row = move |bar: Bar| {
        let m = state.messages();
        let locale = state.locale.get();
        let button = {
            let key = bar.key.clone();
            view! {
                <button
                    type="button"
                    class="button small"
                    aria-pressed=bar.highlighted.to_string()
                    aria-label=fill(m.filter_by, &[("value", &bar.label)])
                    on:click=move |_| {
                        let key = key.clone();
                        state.navigate(move |u| u.filters = toggle_filter(&u.filters, &key))
                    }
                >
                    {m.filter_action}
                </button>
            }
        };
        view! {
            <tr>
                <th scope="row"><span class=name_class(&bar.label)>{bar.label.clone()}</span></th>
                <td>{locale.number(bar.value as u64)}</td>
                <td>{button}</td>
            </tr>
        }
    };
    view! {
        <details class="chart-data">
            <summary>{move || state.messages().chart_data}</summary>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{move || chart.with(|c| c.category_label.clone())}</th>
                        <th scope="col">{move || chart.with(|c| c.value_label.clone())}</th>
                        <th scope="col">
                            <span class="visually-hidden">{move || state.messages().filter_action}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        chart.get().bars.into_iter().filter(|b| b.value > 0 || b.highlighted).map(row).collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}
