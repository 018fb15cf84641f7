//! The map's labels from frame to frame: a plan (`show::labels::LabelPlan`: every candidate
//! of the zoom named, measured and in order) is kept while the zoom, scene, selection,
//! language, controls and size stay, and a pan's frames place its labels again along the last
//! frame's, so a frame neither names nor measures anything and a label does not jump round its
//! marker while the map moves. Canvas-side state, outside the reactive graph.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::geo::projection::Viewport;
use crate::model::i18n::Locale;
use crate::model::show::labels::{
    CANDIDATE_MARGIN_PX, LabelPlan, PlacedFrame, PlacedLabel, plan_region,
};
use crate::model::show::map::Symbol;

/// What the labels of the last frame were placed with: a plan is kept while the zoom, scene,
/// selection, language, controls and size stay (a pan within its region), and the labels
/// of a pan's frames follow their markers.
pub struct LabelCache {
    layout: Arc<Vec<Symbol>>,
    locale: Locale,
    selected: Option<usize>,
    covered: Arc<Vec<[f64; 4]>>,
    viewport: Viewport,
    plan: LabelPlan,
    last: PlacedFrame,
}

/// A plan covers this share of the map's larger side past each edge, so a pan seldom needs a
/// new one.
const PLAN_MARGIN_SHARE: f64 = 0.25;

/// The labels of a frame: placed again along the last frame's while the plan holds (a pan, a
/// hover), else with a new plan (`plan` for a region): along the last frame's when only the
/// pan left the old plan's region, else afresh.
#[allow(clippy::too_many_arguments)]
pub fn frame_labels(
    cache: StoredValue<Option<LabelCache>, LocalStorage>,
    layout: &Arc<Vec<Symbol>>,
    offset: [f64; 2],
    viewport: Viewport,
    selected: Option<usize>,
    covered: &Arc<Vec<[f64; 4]>>,
    locale: Locale,
    plan: &dyn Fn([f64; 4]) -> LabelPlan,
) -> Vec<(PlacedLabel, String)> {
    // Some(labels) while the plan holds; None for a new plan, with the last frame's labels
    // when only the pan left the plan's region (they stay on their markers).
    let kept = cache.try_update_value(|cache| {
        let c = cache.as_mut()?;
        let same = Arc::ptr_eq(&c.layout, layout)
            && c.locale == locale
            && c.selected == selected
            && Arc::ptr_eq(&c.covered, covered)
            && c.viewport == viewport;
        if !same {
            return None;
        }
        if !c.plan.covers(offset, viewport) {
            return Some(Err(std::mem::take(&mut c.last)));
        }
        if c.last.offset != offset {
            c.last = c.plan.place_after(Some(&c.last), offset, viewport, covered);
        }
        Some(Ok(c.last.labels.clone()))
    });
    let previous = match kept.flatten() {
        Some(Ok(labels)) => return labels,
        Some(Err(last)) => Some(last),
        None => None,
    };
    // A new zoom (every frame of a wheel or pinch) plans only what the frame shows; a pan
    // that leaves the plan plans a larger region, so the next frames of the pan need none.
    let margin = if previous.is_some() {
        (PLAN_MARGIN_SHARE * viewport.width.max(viewport.height)).max(CANDIDATE_MARGIN_PX)
    } else {
        CANDIDATE_MARGIN_PX
    };
    let new_plan = plan(plan_region(offset, viewport, margin));
    let last = new_plan.place_after(previous.as_ref(), offset, viewport, covered);
    let labels = last.labels.clone();
    cache.set_value(Some(LabelCache {
        layout: layout.clone(),
        locale,
        selected,
        covered: covered.clone(),
        viewport,
        plan: new_plan,
        last,
    }));
    labels
}
