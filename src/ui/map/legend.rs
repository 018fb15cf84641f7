//! The map legend: arc styles by type (colour and line pattern), marker meaning, and the
//! choropleth classes when shading.

use leptos::prelude::*;

use crate::model::ask::query::Shading;
use crate::model::format::dataset::Kind;
use crate::model::i18n::kind_label;
use crate::model::show::map::choropleth_legend;
use crate::ui::state::use_app_state;

/// The legend under the map.
#[component]
pub fn Legend() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="legend" data-testid="map-legend">
            <h3 class="visually-hidden">{move || state.messages().legend}</h3>
            <ul class="legend-items">
                {Kind::ALL
                    .iter()
                    .map(|kind| {
                        let kind = *kind;
                        view! {
                            <li>
                                <span class=format!("swatch line {}", kind.as_str()) aria-hidden="true"></span>
                                {move || kind_label(state.locale.get(), kind)}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <span class="swatch line mixed" aria-hidden="true"></span>
                    {move || state.messages().legend_mixed}
                </li>
                <li>
                    <span class="swatch dot home" aria-hidden="true"></span>
                    {move || state.messages().legend_chinese_place}
                </li>
                <li>
                    <span class="swatch dot partner" aria-hidden="true"></span>
                    {move || state.messages().legend_partner_place}
                </li>
                <li>{move || state.messages().legend_marker_size}</li>
            </ul>
            <Show when=move || state.query.shading.get() == Shading::Choropleth>
                <div class="legend-classes" data-testid="choropleth-legend">
                    <span>{move || state.messages().legend_choropleth}</span>
                    <ol class="class-list">
                        {choropleth_legend()
                            .into_iter()
                            .map(|(class, text)| {
                                view! {
                                    <li>
                                        <span class=format!("swatch block class-{class}") aria-hidden="true"></span>
                                        {text}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </div>
            </Show>
        </div>
    }
}
