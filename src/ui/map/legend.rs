//! The map legend: arc styles by type (colour and line pattern), marker meaning, and the
//! choropleth classes when shading.

use leptos::prelude::*;

use super::super::state::use_app_state;
use crate::model::dataset::Kind;
use crate::model::i18n::kind_label;
use crate::model::map::CHOROPLETH_BREAKS;
use crate::model::query::Shading;

/// The legend under the map.
#[component]
pub fn Legend() -> impl IntoView {
    let state = use_app_state();
    let classes = move || {
        let mut out = Vec::new();
        let mut low = 1;
        for (i, high) in CHOROPLETH_BREAKS.iter().enumerate() {
            let text = if low == *high { low.to_string() } else { format!("{low}–{high}") };
            out.push((i + 1, text));
            low = high + 1;
        }
        out.push((CHOROPLETH_BREAKS.len() + 1, format!("{low}+")));
        out
    };
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
                    <span class="swatch dot home" aria-hidden="true"></span>
                    {move || state.messages().legend_chinese_place}
                </li>
                <li>
                    <span class="swatch dot partner" aria-hidden="true"></span>
                    {move || state.messages().legend_partner_place}
                </li>
                <li>{move || state.messages().legend_marker_size}</li>
            </ul>
            <Show when=move || state.url.with(|u| u.shading) == Shading::Choropleth>
                <div class="legend-classes" data-testid="choropleth-legend">
                    <span>{move || state.messages().legend_choropleth}</span>
                    <ol class="class-list">
                        {classes()
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
