//! Pointer, wheel and keyboard on the map: drag to pan, pinch and wheel to zoom, hover for a
//! tooltip, click or tap to select, arrows/`+`/`-`/`0` and Escape from the keyboard.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::geo::projection::{ViewKey, pinch_step, view_key, wheel_zoom_factor};
use crate::model::show::flows::pick_at;
use crate::model::show::map::{MapPick, hit_symbol};
use crate::ui::state::{AppState, ExploreState, MapState};

/// A pointer that moved less than this many px between down and up was a click.
const CLICK_SLOP_PX: f64 = 3.0;
/// How far from a marker the pointer still hovers it, in px.
const HOVER_SLOP_PX: f64 = 2.0;

/// The map's event handlers, sharing the state of an ongoing gesture.
#[derive(Clone, Copy)]
pub struct Gestures {
    app: AppState,
    explore: ExploreState,
    map: MapState,
    frame: NodeRef<leptos::html::Div>,
    /// Pointers down, by id, at their last position.
    pointers: StoredValue<HashMap<i32, [f64; 2]>, LocalStorage>,
    /// Where the current drag started.
    drag_start: StoredValue<Option<[f64; 2]>, LocalStorage>,
    /// How far the pointer has moved since it went down.
    moved: StoredValue<f64, LocalStorage>,
}

impl Gestures {
    /// Handlers for the map in `frame`.
    pub fn new(
        app: AppState,
        explore: ExploreState,
        map: MapState,
        frame: NodeRef<leptos::html::Div>,
    ) -> Gestures {
        Gestures {
            app,
            explore,
            map,
            frame,
            pointers: StoredValue::new_local(HashMap::new()),
            drag_start: StoredValue::new_local(None),
            moved: StoredValue::new_local(0.0),
        }
    }

    /// A pointer position relative to the map's drawing (inside the element's border).
    fn local_point(&self, ev: &web_sys::MouseEvent) -> [f64; 2] {
        let el = self.frame.get_untracked();
        let (left, top) = el
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (r.left() + f64::from(el.client_left()), r.top() + f64::from(el.client_top()))
            })
            .unwrap_or((0.0, 0.0));
        [ev.client_x() as f64 - left, ev.client_y() as f64 - top]
    }

    /// A pointer went down: the start of a drag, a pinch or a click.
    pub fn pointer_down(self, ev: web_sys::PointerEvent) {
        self.map.stop_motion();
        let point = self.local_point(&ev);
        self.pointers.update_value(|p| _ = p.insert(ev.pointer_id(), point));
        self.drag_start.set_value(Some(point));
        self.moved.set_value(0.0);
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    }

    /// A pointer moved: hover (no button down), pan (one), or pinch (two).
    pub fn pointer_move(self, ev: web_sys::PointerEvent) {
        let point = self.local_point(&ev);
        let map = self.map;
        let (p, vp) = (map.projection.get_untracked(), map.viewport.get_untracked());
        let Some(previous) = self.pointers.with_value(|ps| ps.get(&ev.pointer_id()).copied())
        else {
            let hit = map.symbols.with_untracked(|s| hit_symbol(s, point, HOVER_SLOP_PX));
            if map.hovered.get_untracked() != hit {
                map.hovered.set(hit);
            }
            return;
        };
        let others: Vec<[f64; 2]> = self.pointers.with_value(|ps| {
            ps.iter().filter(|(id, _)| **id != ev.pointer_id()).map(|(_, v)| *v).collect()
        });
        if let Some(other) = others.first() {
            if let Some((factor, mid)) = pinch_step(previous, point, *other) {
                map.view.update(|v| *v = v.zoomed_at(&p, vp, factor, mid));
            }
            self.moved.set_value(f64::INFINITY);
        } else {
            let (dx, dy) = (point[0] - previous[0], point[1] - previous[1]);
            self.moved.update_value(|m| *m += dx.abs() + dy.abs());
            if self.moved.get_value() > CLICK_SLOP_PX {
                map.view.update(|v| *v = v.panned(&p, vp, dx, dy));
            }
        }
        self.pointers.update_value(|ps| _ = ps.insert(ev.pointer_id(), point));
    }

    /// A pointer went up: a click when it barely moved and was alone.
    pub fn pointer_up(self, ev: web_sys::PointerEvent) {
        let point = self.local_point(&ev);
        let was_single = self.pointers.with_value(HashMap::len) == 1;
        self.pointers.update_value(|p| _ = p.remove(&ev.pointer_id()));
        if was_single
            && self.moved.get_value() <= CLICK_SLOP_PX
            && self.drag_start.get_value().is_some()
        {
            self.pick(point);
        }
        self.drag_start.set_value(None);
    }

    /// A pointer was cancelled (the browser took over the gesture).
    pub fn pointer_cancel(self, ev: web_sys::PointerEvent) {
        self.pointers.update_value(|p| _ = p.remove(&ev.pointer_id()));
        self.drag_start.set_value(None);
    }

    /// A click at a point selects what is there, or clears the selection.
    fn pick(self, point: [f64; 2]) {
        let map = self.map;
        let (p, v, vp) = (
            map.projection.get_untracked(),
            map.view.get_untracked(),
            map.viewport.get_untracked(),
        );
        let (scene, symbols) = (map.scene.get_untracked(), map.symbols.get_untracked());
        let flows = map.flows.get_untracked();
        match pick_at(&scene, &flows, &symbols, &p, &v, vp, point) {
            MapPick::Node(key) => self.explore.select_node(self.app, key),
            MapPick::Pair(pair) => {
                self.app.select_pair(self.explore.with_data(|d| d.partnership(pair).id.clone()))
            }
            MapPick::Nothing => self.app.clear_selection(),
        }
    }

    /// The wheel zooms about the pointer.
    pub fn wheel(self, ev: web_sys::WheelEvent) {
        ev.prevent_default();
        self.map.stop_motion();
        let point = self.local_point(&ev);
        let factor = wheel_zoom_factor(ev.delta_y(), ev.delta_mode() == 1);
        let (p, vp) = (self.map.projection.get_untracked(), self.map.viewport.get_untracked());
        self.map.view.update(|v| *v = v.zoomed_at(&p, vp, factor, point));
    }

    /// Arrows pan, `+`/`-` zoom, `0` resets, Escape clears the selection.
    pub fn key(self, ev: web_sys::KeyboardEvent) {
        let key = ev.key();
        if key == "Escape" {
            self.app.clear_selection();
            ev.prevent_default();
            return;
        }
        let Some(change) = view_key(&key) else { return };
        ev.prevent_default();
        self.map.stop_motion();
        let (p, vp) = (self.map.projection.get_untracked(), self.map.viewport.get_untracked());
        let home = self.map.home.get_untracked();
        self.map.view.update(|v| {
            *v = match change {
                ViewKey::Reset => home,
                change => v.after_key(&p, vp, change),
            }
        });
    }

    /// Zooms about the centre by a factor (the toolbar's buttons).
    pub fn zoom_by(self, factor: f64) {
        let (p, vp) = (self.map.projection.get_untracked(), self.map.viewport.get_untracked());
        let centre = [vp.width / 2.0, vp.height / 2.0];
        self.map.view.update(|v| *v = v.zoomed_at(&p, vp, factor, centre));
    }
}
