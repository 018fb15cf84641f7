//! The tooltip of the marker under the pointer (or the keyboard focus in the list of places).

use leptos::prelude::*;

use crate::model::show::map::{ClusterNames, cluster_tooltip, tooltip};
use crate::ui::state::{use_app_state, use_explore, use_map};

/// The tooltip, placed beside its marker (flipped to the left near the right edge).
#[component]
pub fn MapTooltip() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let map = use_map();
    move || {
        let i = map.hovered.get()?;
        let scene = map.scene.get();
        let node = scene.nodes.get(i)?;
        let (p, v, vp) = (map.projection.get(), map.view.get(), map.viewport.get());
        let [x, y] = v.to_screen(&p, vp, node.pos);
        let (shown, locale, play) =
            (explore.shown.get(), state.locale.get(), state.query.play_year.get());
        let cluster =
            map.symbols.with(|s| s.iter().find(|s| s.node == i && s.others() > 0).cloned());
        let tip = state.query.filters.with(|f| {
            explore.with_data(|d| match &cluster {
                Some(c) => {
                    let names = ClusterNames::new(d, &scene, map.selected_node.get());
                    cluster_tooltip(d, &scene, c, &names, locale)
                }
                None => tooltip(d, node, scene.grouped, &shown, f, play, locale),
            })
        });
        let flip = x > vp.width * 0.65;
        Some(view! {
            <div
                class="map-tooltip"
                class:flip=flip
                role="tooltip"
                data-testid="map-tooltip"
                style:left=format!("{x:.0}px")
                style:top=format!("{y:.0}px")
            >
                <strong>{tip.title}</strong>
                {tip.other.map(|o| view! { <span class="other-name">{o}</span> })}
                {tip.detail.map(|d| view! { <span>{d}</span> })}
                <span>{tip.count}</span>
                {tip.not_drawn.map(|n| view! { <span class="muted">{n}</span> })}
            </div>
        })
    }
}
