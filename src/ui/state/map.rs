//! The map's state, built once per map panel by [`MapState::new`]: the projection and view,
//! the basemap projected, where countries sit, the grouping, the scene, the arc batches and
//! the choropleth counts. The painter and the map's controls read these memos.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::app::AppState;
use super::explore::ExploreState;
use crate::model::ask::query::{Shading, Tab};
use crate::model::format::dataset::CountryIdx;
use crate::model::geo::LonLat;
use crate::model::geo::basemap::{ProjectedBasemap, country_points, project_basemap};
use crate::model::geo::projection::{Projection, View, Viewport};
use crate::model::show::flows::{Flow, chosen_flows, flow_batches};
use crate::model::show::map::{
    ArcBatch, ArcCache, Choice, Grouping, Scene, Symbol, build_scene, choropleth_counts,
    cluster_zoom, country_anchors, grouping_zoom, home_view, layout_at_zoom, layout_symbols,
    place_symbols, selected_node,
};
use crate::ui::dom::Size;

/// Partnerships per country ISO code and per province division code.
pub type Choropleth = (HashMap<String, u32>, HashMap<String, u32>);

/// The size the map assumes before its element is laid out.
const DEFAULT_VIEWPORT: Viewport = Viewport { width: 800.0, height: 450.0 };

/// Shared state of the map's parts. `Copy`.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The projection of the current centring.
    pub projection: Memo<Projection>,
    /// The view: centre and zoom (follows the address; see `ui::map::view_sync`).
    pub view: RwSignal<View>,
    /// The first view: the places on show fitted to the map (an address without `at=`).
    pub home: Memo<View>,
    /// The map element's size.
    pub viewport: Memo<Viewport>,
    /// True once the map element has been laid out (its size is known).
    pub measured: Memo<bool>,
    /// The node under the pointer or keyboard focus.
    pub hovered: RwSignal<Option<usize>>,
    /// Grouping of places: by zoom, always or never.
    pub grouping: RwSignal<Grouping>,
    /// True when places are grouped into provinces and countries now.
    pub grouped: Memo<bool>,
    /// The basemap, projected (once per basemap and centring).
    pub projected: Memo<Option<Arc<ProjectedBasemap>>>,
    /// Markers and links of the pairs on show.
    pub scene: Memo<Arc<Scene>>,
    /// Every marker as drawn at the current zoom, the map's origin at the view's centre (once
    /// per zoom: a pan only moves it; the labels are planned on it).
    pub layout: Memo<Arc<Vec<Symbol>>>,
    /// The markers as drawn in the current view (worked out once per view for the canvas, the
    /// labels and the pointer).
    pub symbols: Memo<Arc<Vec<Symbol>>>,
    /// The emphasised marker.
    pub selected_node: Memo<Option<usize>>,
    /// The flows between the markers as drawn at the current zoom (changes only when the
    /// clusters or the selection do, not at every zoom step).
    pub flows: Memo<Arc<Vec<Flow>>>,
    /// The parts of the map the controls drawn over it cover (left, top, right, bottom in the
    /// map's px), measured from the page: no label goes under them, a fit keeps clear of them.
    pub covered: RwSignal<Arc<Vec<[f64; 4]>>>,
    /// The arcs, batched by style.
    pub batches: Memo<Arc<Vec<ArcBatch>>>,
    /// Counts for shading, when shading.
    pub choropleth: Memo<Option<Arc<Choropleth>>>,
    /// True when the map is on screen (its tab, or an embed showing it).
    pub visible: Memo<bool>,
    /// The eased move under way (a new move or a gesture changes it, which stops the old).
    pub motion: StoredValue<u32, LocalStorage>,
}

impl MapState {
    /// Builds the map state; `size` is the map element's size once laid out.
    pub fn new(app: AppState, explore: ExploreState, size: ReadSignal<Option<Size>>) -> MapState {
        let q = app.query;
        let projection = Memo::new(move |_| Projection::new(q.centre.get()));
        let viewport = Memo::new(move |_| match size.get() {
            Some(s) => Viewport { width: s.width.max(100.0), height: s.height.max(100.0) },
            None => DEFAULT_VIEWPORT,
        });
        // The filters' pairs, not those the playback year cuts: the view stays put while playing.
        let home = Memo::new(move |_| {
            let (projection, viewport) = (projection.get(), viewport.get());
            let selection = explore.selection.get();
            explore.with_data(|d| home_view(d, &selection.pairs, &projection, viewport))
        });
        let initial =
            q.at.get_untracked()
                .map(|at| at.view(&projection.get_untracked()))
                .unwrap_or_else(|| home.get_untracked());
        let view = RwSignal::new(initial);
        let measured = Memo::new(move |_| size.with(Option::is_some));
        let grouping = RwSignal::new(Grouping::Auto);
        let grouped = Memo::new(move |_| {
            let selected = explore.selected_place.with(Option::is_some)
                || explore.selected_pair.with(Option::is_some);
            // Grouped at the first view and a little closer, whatever the screen's size.
            let zoom = grouping_zoom(view.with(|v| v.zoom), home.with(|h| h.zoom));
            grouping.get().groups(zoom, selected)
        });
        let basemap = app.basemap.loaded;
        let projected = Memo::new(move |_| {
            basemap.get().map(|b| Arc::new(project_basemap(&b.map, &projection.get())))
        });
        let anchors: Memo<Arc<HashMap<CountryIdx, LonLat>>> = Memo::new(move |_| {
            let Some(b) = basemap.get() else { return Arc::new(HashMap::new()) };
            let points = country_points(&b.map);
            explore.with_data(|d| Arc::new(country_anchors(d, &points, b.profile)))
        });
        let scene = Memo::new(move |_| {
            let (pairs, projection, anchors) =
                (explore.shown.get(), projection.get(), anchors.get());
            let grouped = grouped.get();
            explore.with_data(|d| Arc::new(build_scene(d, &pairs, &projection, grouped, &anchors)))
        });
        // Laid out once per zoom; a pan only moves the layout.
        let zoom = Memo::new(move |_| view.with(|v| v.zoom));
        // The selected marker is never merged into a cluster.
        let keep = Memo::new(move |_| {
            let (place, country) = (explore.selected_place.get(), explore.profile_country.get());
            scene.with(|s| selected_node(s, place, country))
        });
        // Which markers merge is worked out once per zoom level (`cluster_zoom`), not at every
        // wheel step; each zoom only places the level's markers, and a pan only moves them.
        let level = Memo::new(move |_| cluster_zoom(zoom.get()));
        let layout = Memo::new(move |_| {
            let (scene, projection) = (scene.get(), projection.get());
            Arc::new(layout_symbols(&scene, &projection, level.get(), viewport.get(), keep.get()))
        });
        let at_zoom = Memo::new(move |_| {
            let (layout, scene, projection) = (layout.get(), scene.get(), projection.get());
            Arc::new(layout_at_zoom(&layout, &scene, &projection, zoom.get(), viewport.get()))
        });
        let symbols = Memo::new(move |_| {
            let (layout, projection) = (at_zoom.get(), projection.get());
            Arc::new(place_symbols(&layout, &projection, &view.get(), viewport.get()))
        });
        let selected = Memo::new(move |_| {
            let (place, country) = (explore.selected_place.get(), explore.profile_country.get());
            scene.with(|s| selected_node(s, place, country))
        });
        // Arcs already worked out are kept across filter and selection changes.
        let cache: StoredValue<ArcCache, LocalStorage> =
            StoredValue::new_local(ArcCache::default());
        // Flows join the markers as merged at the level: equal flows keep the arcs.
        // A chosen country fades the flows with no end in it, as a chosen place does.
        let flows = Memo::new(move |_| {
            let (node, pair) = (selected.get(), explore.selected_pair.get());
            let country = explore.profile_country.get();
            let (scene, layout) = (scene.get(), layout.get());
            let choice = explore.with_data(|d| Choice::new(d, &scene, node, pair, country));
            Arc::new(chosen_flows(&scene, &layout, &choice))
        });
        let batches = Memo::new(move |_| {
            let (scene, projection, flows) = (scene.get(), projection.get(), flows.get());
            cache
                .try_update_value(|c| Arc::new(flow_batches(&scene, &flows, &projection, c)))
                .unwrap_or_default()
        });
        let choropleth = Memo::new(move |_| {
            (q.shading.get() == Shading::Choropleth).then(|| {
                let pairs = explore.shown.get();
                Arc::new(explore.with_data(|d| choropleth_counts(d, &pairs)))
            })
        });
        let visible = Memo::new(move |_| q.embed.get().is_some() || q.tab.get() == Tab::Map);
        MapState {
            projection,
            view,
            home,
            viewport,
            measured,
            hovered: RwSignal::new(None),
            grouping,
            grouped,
            projected,
            scene,
            layout: at_zoom,
            symbols,
            selected_node: selected,
            flows,
            covered: RwSignal::new(Arc::new(Vec::new())),
            batches,
            choropleth,
            visible,
            motion: StoredValue::new_local(0),
        }
    }
}

impl MapState {
    /// Stops an eased move (the user takes over).
    pub fn stop_motion(&self) {
        self.motion.update_value(|m| *m = m.wrapping_add(1));
    }
}

/// The map state; provided by the map panel.
pub fn use_map() -> MapState {
    expect_context::<MapState>()
}
