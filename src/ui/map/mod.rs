//! The map panel: the canvas, its controls, tooltip, legend, the selected place's panel, the
//! keyboard-reachable list of places, and time playback.

mod legend;
mod place_panel;
mod places_list;
mod playback;
mod render;

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use self::legend::Legend;
pub use self::place_panel::PlacePanel;
use self::places_list::PlacesList;
use self::playback::Playback;
use self::render::{ArcLayer, BaseLayer, Frame, LABEL_HEIGHT, Palette};
use super::explorer::use_explore;
use super::perf;
use super::state::use_app_state;
use crate::model::dataset::CountryIdx;
use crate::model::geo::LonLat;
use crate::model::geo::basemap::{
    ProjectedBasemap, SOUTH_CHINA_SEA_INSET, country_points, project_basemap,
};
use crate::model::geo::projection::{Centre, Projection, View, Viewport};
use crate::model::i18n::{country_name, fill, place_name};
use crate::model::map::{
    ArcBatch, ArcCache, GROUP_BELOW_ZOOM, LabelCandidate, NodeKey, PlacedLabel, Scene, arc_batches,
    arc_hit_test, build_scene, choropleth_counts, hit_test, marker_radius, place_labels,
};
use crate::model::query::{MapAt, MapProfile, ProfileRef, Shading, round_at};

/// Shared state of the map's parts.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The view: centre and zoom.
    pub view: RwSignal<View>,
    /// The scene: nodes and edges.
    pub scene: Memo<Arc<Scene>>,
    /// The node under the pointer or keyboard focus.
    pub hovered: RwSignal<Option<usize>>,
    /// The selected node.
    pub selected_node: Memo<Option<usize>>,
}

/// Grouping of places: automatic by zoom, or forced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grouping {
    Auto,
    Grouped,
    Places,
}

/// Node name in the UI language.
pub fn node_name(
    explore: &super::explorer::Explore,
    locale: crate::model::i18n::Locale,
    key: NodeKey,
) -> String {
    explore.with_data(|d| match key {
        NodeKey::Place(p) => place_name(locale, d.place(p)).to_owned(),
        NodeKey::Country(c) => country_name(locale, d.country(c)).to_owned(),
    })
}

fn estimate_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 6.6 } else { 12.5 }).sum::<f64>() + 2.0
}

/// The map tab.
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();

    let centre = Memo::new(move |_| state.url.with(|u| u.centre.unwrap_or_default()));
    let projection = Memo::new(move |_| Projection::new(centre.get()));
    let initial_view = state
        .url
        .with_untracked(|u| u.at)
        .map(|at| view_from_at(&Projection::new(centre.get_untracked()), at));
    let view = RwSignal::new(initial_view.unwrap_or_default());
    let viewport = RwSignal::new(Viewport { width: 800.0, height: 450.0 });
    let hovered = RwSignal::new(None::<usize>);
    let grouping = RwSignal::new(Grouping::Auto);
    let shading = Memo::new(move |_| state.url.with(|u| u.shading));
    let profile = Memo::new(move |_| state.url.with(|u| u.map_profile.unwrap_or_default()));

    let basemap = Memo::new(move |_| state.basemap.get().filter(|b| b.profile == profile.get()));
    let projected: Memo<Option<Arc<ProjectedBasemap>>> = Memo::new(move |_| {
        basemap.get().map(|b| Arc::new(project_basemap(&b.map, &projection.get())))
    });
    let points: Memo<Arc<HashMap<CountryIdx, LonLat>>> = Memo::new(move |_| {
        let Some(b) = basemap.get() else { return Arc::new(HashMap::new()) };
        let by_iso = country_points(&b.map);
        explore.with_data(|d| {
            Arc::new(
                d.countries()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        let key = if c.iso == "TW" && b.profile == MapProfile::China {
                            "CN"
                        } else {
                            c.iso.as_str()
                        };
                        let [lon, lat] = by_iso.get(key)?;
                        Some((CountryIdx(i as u16), LonLat::new(*lon, *lat)?))
                    })
                    .collect(),
            )
        })
    });
    let selected_place = Memo::new(move |_| {
        state
            .url
            .with(|u| u.selected.clone())
            .and_then(|id| explore.with_data(|d| d.place_by_id(&id)))
    });
    let selected_pair = Memo::new(move |_| {
        state.url.with(|u| u.pair.clone()).and_then(|id| explore.with_data(|d| d.pair_by_id(&id)))
    });
    let grouped = Memo::new(move |_| match grouping.get() {
        Grouping::Grouped => true,
        Grouping::Places => false,
        Grouping::Auto => {
            view.with(|v| v.zoom < GROUP_BELOW_ZOOM)
                && selected_place.get().is_none()
                && selected_pair.get().is_none()
        }
    });
    let scene = Memo::new(move |_| {
        let pairs = explore.shown.get();
        let projection = projection.get();
        let points = points.get();
        let grouped = grouped.get();
        explore.with_data(|d| Arc::new(build_scene(d, &pairs, &projection, grouped, &points)))
    });
    let selected_node = Memo::new(move |_| {
        let scene = scene.get();
        if let Some(place) = selected_place.get() {
            return scene.node_of(NodeKey::Place(place));
        }
        let profile_country = state.url.with(|u| match &u.profile {
            Some(ProfileRef::Country(iso)) => Some(iso.clone()),
            _ => None,
        });
        profile_country
            .and_then(|iso| explore.with_data(|d| d.country_by_iso(&iso)))
            .and_then(|c| scene.node_of(NodeKey::Country(c)))
    });
    // Arcs already computed are kept across filter and selection changes.
    let arc_cache: StoredValue<ArcCache, LocalStorage> =
        StoredValue::new_local(ArcCache::default());
    let batches: Memo<Arc<Vec<ArcBatch>>> = Memo::new(move |_| {
        let (scene, projection) = (scene.get(), projection.get());
        let (node, pair) = (selected_node.get(), selected_pair.get());
        arc_cache
            .try_update_value(|cache| Arc::new(arc_batches(&scene, &projection, node, pair, cache)))
            .unwrap_or_default()
    });
    let choropleth = Memo::new(move |_| {
        (shading.get() == Shading::Choropleth).then(|| {
            let pairs = explore.shown.get();
            Arc::new(explore.with_data(|d| choropleth_counts(d, &pairs)))
        })
    });
    let map_state = MapState { view, scene, hovered, selected_node };
    provide_context(map_state);

    let map_visible = Memo::new(move |_| {
        state.url.with(|u| u.embed.is_some() || u.tab == crate::model::query::Tab::Map)
    });

    // Canvas resources (not thread-safe, so kept outside the reactive graph).
    let base_layer: StoredValue<Option<Arc<BaseLayer>>, LocalStorage> =
        StoredValue::new_local(None);
    let arc_layer: StoredValue<Option<ArcLayer>, LocalStorage> = StoredValue::new_local(None);
    let palette: StoredValue<Option<Palette>, LocalStorage> = StoredValue::new_local(None);
    let frame_pending = StoredValue::new_local(false);
    let painted_once = StoredValue::new_local(false);

    let draw_now = move || {
        // This may run after the panel has gone (a queued frame): read everything with try_.
        let Some(canvas) = canvas_ref.try_get_untracked().flatten() else { return };
        let Some(vp) = viewport.try_get_untracked() else { return };
        // Not drawn while another tab hides the map (it is redrawn when the tab comes back);
        // decided from the state, not the layout, so a frame never forces a layout.
        if !map_visible.try_get_untracked().unwrap_or(false) {
            return;
        }
        perf::mark("yc-draw-start");
        let dpr = window().device_pixel_ratio().max(1.0);
        let Some(ctx) = render::prepare(&canvas, vp, dpr) else { return };
        if palette.with_value(Option::is_none) {
            palette.set_value(Some(Palette::read(&canvas)));
        }
        let projection = projection.get_untracked();
        let v = view.get_untracked();
        let scene = scene.get_untracked();
        let locale = state.locale.get_untracked();
        let selected = selected_node.get_untracked();
        let hovered_node = hovered.get_untracked();
        // Labels: the largest places first; more fit as the user zooms in.
        let candidates: Vec<LabelCandidate> = scene
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.weight >= 2 || v.zoom >= 4.0)
            .map(|(i, n)| {
                let text = node_name(&explore, locale, n.key);
                LabelCandidate {
                    node: i,
                    at: v.to_screen(&projection, vp, n.pos),
                    radius: marker_radius(n.weight),
                    width: estimate_width(&text),
                    height: LABEL_HEIGHT,
                    priority: n.weight + if Some(i) == selected { 1_000_000 } else { 0 },
                }
            })
            .collect();
        let placed: Vec<PlacedLabel> = place_labels(&candidates, vp, 60);
        let labels: Vec<(PlacedLabel, String)> = placed
            .into_iter()
            .map(|l| (l.clone(), node_name(&explore, locale, scene.nodes[l.node].key)))
            .collect();
        let counts = choropleth.get_untracked();
        let base = base_layer.with_value(|b| b.clone());
        let show_inset =
            profile.get_untracked() == MapProfile::China && inset_wanted(&projection, &v, vp);
        palette.with_value(|pal| {
            let Some(pal) = pal else { return };
            arc_layer.with_value(|arcs| {
                let frame = Frame {
                    projection: &projection,
                    view: v,
                    viewport: vp,
                    dpr,
                    base: base.as_deref(),
                    arcs: arcs.as_ref(),
                    scene: &scene,
                    choropleth: counts.as_ref().map(|c| (&c.0, &c.1)),
                    selected,
                    hovered: hovered_node,
                    labels: &labels,
                    palette: pal,
                    inset: if show_inset { base.as_deref() } else { None },
                };
                render::draw(&ctx, &frame);
            });
        });
        let complete = base.is_some();
        perf::mark("yc-paint");
        perf::measure_since("yc-draw", "yc-draw-start");
        if complete && !painted_once.get_value() {
            painted_once.set_value(true);
            perf::mark_once("yc-first-map-paint");
        }
        if let Some(frame_el) = frame_ref.get_untracked() {
            let _ =
                frame_el.set_attribute("data-painted", if complete { "full" } else { "partial" });
            // Which borders the painted frame shows (tests wait for a profile switch).
            let painted_profile = if complete { profile.get_untracked().as_str() } else { "" };
            let _ = frame_el.set_attribute("data-basemap", painted_profile);
        }
    };
    // Pan, zoom and hover draw once per animation frame (however many events arrive);
    // new data draws at once, so a filter change does not wait up to a frame for its map.
    let dirty = StoredValue::new_local(false);
    let draw_at_once = move || {
        dirty.set_value(false);
        draw_now();
    };
    let request_draw = move || {
        dirty.set_value(true);
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            if frame_pending.try_set_value(false).is_some() {
                return;
            }
            if dirty.try_get_value() == Some(true) {
                dirty.set_value(false);
                draw_now();
            }
        });
    };

    // Rebuild canvas paths when the geometry changes, then redraw.
    Effect::new(move |_| {
        let layer = projected.get().map(|p| Arc::new(BaseLayer::new(&p)));
        base_layer.set_value(layer);
        draw_at_once();
    });
    Effect::new(move |_| {
        let layer = ArcLayer::new(&batches.get());
        arc_layer.set_value(Some(layer));
        draw_at_once();
    });
    Effect::new(move |_| {
        map_visible.track();
        view.track();
        viewport.track();
        hovered.track();
        choropleth.track();
        state.locale.track();
        request_draw();
    });
    // A theme change (host colours, dark mode) re-reads the palette.
    Effect::new(move |_| {
        state.url.with(|u| (u.theme, u.accent.clone()));
        palette.set_value(None);
        request_draw();
    });

    // The view follows the URL (back/forward, shared links) and writes back to it.
    Effect::new(move |_| {
        let at = state.url.with(|u| u.at);
        let p = projection.get();
        let current = view.get_untracked();
        let target = at.map(|at| view_from_at(&p, at)).unwrap_or_default();
        let written = at.map(round_at) == at_from_view(&p, &current).map(round_at);
        if !written && (at.is_some() || current != View::default()) {
            view.set(target);
        }
    });
    let write_timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<View>| {
        let v = view.get();
        if let Some(handle) = write_timer.get_value() {
            handle.clear();
        }
        if previous.is_some_and(|p| p != v) {
            let handle = set_timeout_with_handle(
                move || {
                    let Some(p) = projection.try_get_untracked() else { return };
                    let at = if v == View::default() {
                        None
                    } else {
                        at_from_view(&p, &v).map(round_at)
                    };
                    if state.url.try_with_untracked(|u| u.at) != Some(at) {
                        state.replace(|u| u.at = at);
                    }
                },
                std::time::Duration::from_millis(300),
            )
            .ok();
            write_timer.set_value(handle);
        }
        v
    });

    // Track the element size.
    Effect::new(move |_| {
        let Some(frame_el) = frame_ref.get() else { return };
        let measure = move || {
            if let Some(el) = frame_ref.try_get_untracked().flatten() {
                let rect = el.get_bounding_client_rect();
                // Hidden (another tab is open): keep the last size.
                if rect.width() < 1.0 {
                    return;
                }
                let next =
                    Viewport { width: rect.width().max(100.0), height: rect.height().max(100.0) };
                if viewport.try_get_untracked().is_some_and(|v| v != next) {
                    viewport.set(next);
                }
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&frame_el);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        callback.forget();
    });

    // Pointer interaction: drag to pan, click to select, pinch to zoom, hover for tooltips.
    let pointers: StoredValue<HashMap<i32, [f64; 2]>, LocalStorage> =
        StoredValue::new_local(HashMap::new());
    let drag_start = StoredValue::new_local(None::<[f64; 2]>);
    let moved = StoredValue::new_local(0.0f64);
    let local_point = move |ev: &web_sys::MouseEvent| -> [f64; 2] {
        let rect = frame_ref.get_untracked().map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
        [ev.client_x() as f64 - left, ev.client_y() as f64 - top]
    };
    let on_pointer_down = move |ev: leptos::ev::PointerEvent| {
        let point = local_point(&ev);
        pointers.update_value(|p| _ = p.insert(ev.pointer_id(), point));
        drag_start.set_value(Some(point));
        moved.set_value(0.0);
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointer_move = move |ev: leptos::ev::PointerEvent| {
        let point = local_point(&ev);
        let previous = pointers.with_value(|p| p.get(&ev.pointer_id()).copied());
        let Some(previous) = previous else {
            // Hover.
            let v = view.get_untracked();
            let hit = hit_test(
                &scene.get_untracked(),
                &projection.get_untracked(),
                &v,
                viewport.get_untracked(),
                point,
                2.0,
            );
            if hovered.get_untracked() != hit {
                hovered.set(hit);
            }
            return;
        };
        let count = pointers.with_value(HashMap::len);
        if count >= 2 {
            // Pinch: zoom by the change of distance between the two pointers, about their middle.
            let others: Vec<[f64; 2]> = pointers.with_value(|p| {
                p.iter().filter(|(id, _)| **id != ev.pointer_id()).map(|(_, v)| *v).collect()
            });
            if let Some(other) = others.first() {
                let before =
                    ((previous[0] - other[0]).powi(2) + (previous[1] - other[1]).powi(2)).sqrt();
                let after = ((point[0] - other[0]).powi(2) + (point[1] - other[1]).powi(2)).sqrt();
                if before > 1.0 {
                    let mid = [(point[0] + other[0]) / 2.0, (point[1] + other[1]) / 2.0];
                    let (p, vp) = (projection.get_untracked(), viewport.get_untracked());
                    view.update(|v| *v = v.zoomed_at(&p, vp, after / before, mid));
                }
            }
        } else {
            let (dx, dy) = (point[0] - previous[0], point[1] - previous[1]);
            moved.update_value(|m| *m += dx.abs() + dy.abs());
            if moved.get_value() > 3.0 {
                let (p, vp) = (projection.get_untracked(), viewport.get_untracked());
                view.update(|v| *v = v.panned(&p, vp, dx, dy));
            }
        }
        pointers.update_value(|p| _ = p.insert(ev.pointer_id(), point));
    };
    let select_at = move |point: [f64; 2]| {
        let (p, v, vp) =
            (projection.get_untracked(), view.get_untracked(), viewport.get_untracked());
        let scene_now = scene.get_untracked();
        if let Some(i) = hit_test(&scene_now, &p, &v, vp, point, 4.0) {
            select_node(state, &explore, scene_now.nodes[i].key);
        } else if let Some(e) = arc_hit_test(&scene_now, &p, &v, vp, point, 4.0) {
            let edge = &scene_now.edges[e];
            if let Some(&pair) = edge.pairs.first() {
                let id = explore.with_data(|d| d.partnership(pair).id.clone());
                if edge.pairs.len() == 1 {
                    state.navigate(move |u| {
                        u.pair = Some(id);
                        u.selected = None;
                    });
                } else {
                    select_node(state, &explore, scene_now.nodes[edge.from].key);
                }
            }
        } else if state.url.with_untracked(|u| u.selected.is_some() || u.pair.is_some()) {
            state.navigate(|u| {
                u.selected = None;
                u.pair = None;
            });
        }
    };
    let on_pointer_up = move |ev: leptos::ev::PointerEvent| {
        let point = local_point(&ev);
        let was_single = pointers.with_value(HashMap::len) == 1;
        pointers.update_value(|p| _ = p.remove(&ev.pointer_id()));
        if was_single && moved.get_value() <= 3.0 && drag_start.get_value().is_some() {
            select_at(point);
        }
        drag_start.set_value(None);
    };
    let on_pointer_cancel = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| _ = p.remove(&ev.pointer_id()));
        drag_start.set_value(None);
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let point = local_point(&ev);
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.0018 }).exp();
        let (p, vp) = (projection.get_untracked(), viewport.get_untracked());
        view.update(|v| *v = v.zoomed_at(&p, vp, factor, point));
    };
    let zoom_by = move |factor: f64| {
        let (p, vp) = (projection.get_untracked(), viewport.get_untracked());
        let centre = [vp.width / 2.0, vp.height / 2.0];
        view.update(|v| *v = v.zoomed_at(&p, vp, factor, centre));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (p, vp) = (projection.get_untracked(), viewport.get_untracked());
        let step = 60.0;
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                view.update(|v| *v = v.panned(&p, vp, step, 0.0));
                true
            }
            "ArrowRight" => {
                view.update(|v| *v = v.panned(&p, vp, -step, 0.0));
                true
            }
            "ArrowUp" => {
                view.update(|v| *v = v.panned(&p, vp, 0.0, step));
                true
            }
            "ArrowDown" => {
                view.update(|v| *v = v.panned(&p, vp, 0.0, -step));
                true
            }
            "+" | "=" => {
                zoom_by(1.5);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5);
                true
            }
            "0" => {
                view.set(View::default());
                true
            }
            "Escape" => {
                state.navigate(|u| {
                    u.selected = None;
                    u.pair = None;
                });
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let tooltip = move || {
        let i = hovered.get()?;
        let scene_now = scene.get();
        let node = scene_now.nodes.get(i)?;
        let (p, v, vp) = (projection.get(), view.get(), viewport.get());
        let [x, y] = v.to_screen(&p, vp, node.pos);
        let locale = state.locale.get();
        let (title, other, detail) = explore.with_data(|d| match node.key {
            NodeKey::Place(pl) => {
                let place = d.place(pl);
                let other = match locale {
                    crate::model::i18n::Locale::Zh => place.name_en.clone(),
                    crate::model::i18n::Locale::En => {
                        place.name_zh.clone().or(place.name_local.clone()).unwrap_or_default()
                    }
                };
                (
                    place_name(locale, place).to_owned(),
                    other,
                    country_name(locale, d.country(place.country)).to_owned(),
                )
            }
            NodeKey::Country(c) => {
                (country_name(locale, d.country(c)).to_owned(), String::new(), String::new())
            }
        });
        let count = locale.messages().n_partnerships.format(locale, node.weight as u64);
        let flip = x > vp.width * 0.65;
        Some(view! {
            <div
                class="map-tooltip"
                class:flip=flip
                role="tooltip"
                data-testid="map-tooltip"
                style:left=format!("{:.0}px", x)
                style:top=format!("{:.0}px", y)
            >
                <strong>{title}</strong>
                {(!other.is_empty()).then(|| view! { <span class="other-name">{other}</span> })}
                {(!detail.is_empty()).then(|| view! { <span>{detail}</span> })}
                <span>{count}</span>
            </div>
        })
    };

    let summary = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let scene_now = scene.get();
        let homes = scene_now.nodes.iter().filter(|n| n.home).count();
        let partners = scene_now.nodes.len() - homes;
        let drawn: usize = scene_now.edges.iter().map(|e| e.pairs.len()).sum();
        fill(
            m.map_summary,
            &[
                ("pairs", &locale.number(drawn as u64)),
                ("homes", &locale.number(homes as u64)),
                ("partners", &locale.number(partners as u64)),
                ("unplaced", &locale.number(scene_now.unplaced as u64)),
            ],
        )
    };
    let drawn_pairs =
        move || scene.with(|s| s.edges.iter().map(|e| e.pairs.len()).sum::<usize>().to_string());

    view! {
        <div class="map-layout">
            <div class="map-main">
                <MapToolbar zoom_by grouping />
                <Playback />
                <div
                    class="map-frame"
                    node_ref=frame_ref
                    tabindex="0"
                    role="region"
                    aria-label=move || state.messages().map_label
                    aria-describedby="map-help map-summary"
                    data-testid="map"
                    data-profile=move || profile.get().as_str()
                    data-centre=move || centre.get().as_str()
                    data-zoom=move || format!("{:.2}", view.get().zoom)
                    data-pairs=drawn_pairs
                    data-grouped=move || grouped.get().to_string()
                    on:keydown=on_key
                    on:wheel=on_wheel
                >
                    <canvas
                        node_ref=canvas_ref
                        class="map-canvas"
                        role="img"
                        aria-label=summary
                        on:pointerdown=on_pointer_down
                        on:pointermove=on_pointer_move
                        on:pointerup=on_pointer_up
                        on:pointercancel=on_pointer_cancel
                        on:pointerleave=move |_| hovered.set(None)
                    ></canvas>
                    {tooltip}
                    <Show when=move || state.basemap_error.get().is_some()>
                        <p class="map-error" role="alert">
                            {move || state.messages().basemap_failed} " " {move || state.basemap_error.get()}
                        </p>
                    </Show>
                </div>
                <p id="map-help" class="map-help">{move || state.messages().map_help}</p>
                <p id="map-summary" class="map-summary" data-testid="map-summary">{summary}</p>
                <Legend />
                <PlacesList />
            </div>
            <PlacePanel />
        </div>
    }
}

/// Selects a map node: a place is selected (its arcs highlighted), a country opens its profile.
fn select_node(state: super::state::AppState, explore: &super::explorer::Explore, key: NodeKey) {
    match key {
        NodeKey::Place(p) => {
            let id = explore.with_data(|d| d.place(p).id.clone());
            state.navigate(move |u| {
                u.selected = Some(id);
                u.pair = None;
            });
        }
        NodeKey::Country(c) => {
            let iso = explore.with_data(|d| d.country(c).iso.clone());
            state.navigate(move |u| {
                u.profile = Some(ProfileRef::Country(iso));
                u.selected = None;
                u.pair = None;
            });
        }
    }
}

/// The map position to store in the URL for a view.
fn at_from_view(projection: &Projection, view: &View) -> Option<MapAt> {
    let [lon, lat] = projection.inverse(view.cx, view.cy)?;
    Some(MapAt { lon, lat, zoom: view.zoom })
}

/// The view for a stored map position.
fn view_from_at(projection: &Projection, at: MapAt) -> View {
    let [cx, cy] = projection.forward(at.lon, at.lat);
    View { cx, cy, zoom: at.zoom }.clamped(projection)
}

/// True when the view is on China but the South China Sea is off screen.
fn inset_wanted(projection: &Projection, view: &View, viewport: Viewport) -> bool {
    if view.zoom < 2.5 {
        return false;
    }
    let Some([lon, lat]) = projection.inverse(view.cx, view.cy) else { return false };
    let on_china = (73.0..=135.0).contains(&lon) && (18.0..=54.0).contains(&lat);
    let [west, south, east, north] = SOUTH_CHINA_SEA_INSET;
    let corners = [[west, south], [east, north]]
        .map(|[lo, la]| view.to_screen(projection, viewport, projection.forward(lo, la)));
    let visible = corners
        .iter()
        .all(|[x, y]| *x >= 0.0 && *y >= 0.0 && *x <= viewport.width && *y <= viewport.height);
    on_china && !visible
}

/// Zoom buttons and the map options.
#[component]
fn MapToolbar(
    /// Zoom about the centre by a factor.
    zoom_by: impl Fn(f64) + Copy + Send + Sync + 'static,
    /// Grouping choice.
    grouping: RwSignal<Grouping>,
) -> impl IntoView {
    let state = use_app_state();
    let map = expect_context::<MapState>();
    let option = |pressed: Signal<bool>,
                  label: Signal<&'static str>,
                  on: Box<dyn Fn() + Send + Sync>| {
        view! {
            <button type="button" class="toggle" aria-pressed=move || pressed.get().to_string() on:click=move |_| on()>
                {move || label.get()}
            </button>
        }
    };
    view! {
        <div class="map-toolbar" role="toolbar" aria-label=move || state.messages().map_controls>
            <div class="button-group" role="group" aria-label=move || state.messages().zoom>
                <button type="button" class="icon-button" on:click=move |_| zoom_by(1.5) aria-label=move || state.messages().zoom_in title=move || state.messages().zoom_in>
                    "+"
                </button>
                <button type="button" class="icon-button" on:click=move |_| zoom_by(1.0 / 1.5) aria-label=move || state.messages().zoom_out title=move || state.messages().zoom_out>
                    "−"
                </button>
                <button type="button" class="button small" on:click=move |_| map.view.set(View::default())>
                    {move || state.messages().reset_view}
                </button>
            </div>
            <div class="button-group" role="group" aria-label=move || state.messages().borders_label>
                {option(
                    Signal::derive(move || state.map_profile() == MapProfile::China),
                    Signal::derive(move || state.messages().profile_china),
                    Box::new(move || state.navigate(|u| u.map_profile = Some(MapProfile::China))),
                )}
                {option(
                    Signal::derive(move || state.map_profile() == MapProfile::Neutral),
                    Signal::derive(move || state.messages().profile_neutral),
                    Box::new(move || state.navigate(|u| u.map_profile = Some(MapProfile::Neutral))),
                )}
            </div>
            <div class="button-group" role="group" aria-label=move || state.messages().centre_label>
                {option(
                    Signal::derive(move || state.url.with(|u| u.centre.unwrap_or_default()) == Centre::Pacific),
                    Signal::derive(move || state.messages().centre_pacific),
                    Box::new(move || {
                        map.view.set(View::default());
                        state.navigate(|u| {
                            u.centre = Some(Centre::Pacific);
                            u.at = None;
                        })
                    }),
                )}
                {option(
                    Signal::derive(move || state.url.with(|u| u.centre.unwrap_or_default()) == Centre::Atlantic),
                    Signal::derive(move || state.messages().centre_atlantic),
                    Box::new(move || {
                        map.view.set(View::default());
                        state.navigate(|u| {
                            u.centre = Some(Centre::Atlantic);
                            u.at = None;
                        })
                    }),
                )}
            </div>
            <div class="button-group" role="group" aria-label=move || state.messages().shading_label>
                {option(
                    Signal::derive(move || state.url.with(|u| u.shading) == Shading::Arcs),
                    Signal::derive(move || state.messages().shading_arcs),
                    Box::new(move || state.navigate(|u| u.shading = Shading::Arcs)),
                )}
                {option(
                    Signal::derive(move || state.url.with(|u| u.shading) == Shading::Choropleth),
                    Signal::derive(move || state.messages().shading_choropleth),
                    Box::new(move || state.navigate(|u| u.shading = Shading::Choropleth)),
                )}
            </div>
            <label class="field inline">
                <span>{move || state.messages().grouping_label}</span>
                <select on:change=move |ev| {
                    grouping
                        .set(
                            match event_target_value(&ev).as_str() {
                                "grouped" => Grouping::Grouped,
                                "places" => Grouping::Places,
                                _ => Grouping::Auto,
                            },
                        )
                }>
                    <option value="auto" selected=move || grouping.get() == Grouping::Auto>
                        {move || state.messages().grouping_auto}
                    </option>
                    <option value="grouped" selected=move || grouping.get() == Grouping::Grouped>
                        {move || state.messages().grouping_grouped}
                    </option>
                    <option value="places" selected=move || grouping.get() == Grouping::Places>
                        {move || state.messages().grouping_places}
                    </option>
                </select>
            </label>
        </div>
    }
}
