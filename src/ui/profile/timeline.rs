//! The parts of a profile: a small timeline of partnerships (a bar per year, the years as a
//! list) and lists of labels with counts.

use leptos::prelude::*;

use crate::model::format::dataset::PairIdx;
use crate::model::i18n::fill;
use crate::model::show::profile::timeline;
use crate::ui::state::{use_app_state, use_explore};

/// The timeline of `pairs`.
#[component]
pub fn Timeline(
    /// Pairs to place on it.
    pairs: Vec<PairIdx>,
    /// Name each entry by its partner (true) or by its Chinese side (false).
    name_partner: bool,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    move || {
        let locale = state.locale.get();
        let m = locale.messages();
        let t = explore.with_data(|d| timeline(d, &pairs, name_partner, locale));
        let bars = t
            .bars
            .iter()
            .map(|b| {
                view! {
                    <rect x=format!("{:.1}", b.x) y=format!("{:.1}", b.y) width=format!("{:.1}", b.width) height=format!("{:.1}", b.height) class="timeline-bar"></rect>
                }
            })
            .collect_view();
        view! {
            <div class="timeline">
                <svg viewBox="0 0 300 46" class="timeline-svg" role="img" aria-label=fill(m.timeline_label, &[("span", &t.span)])>
                    {bars}
                </svg>
                <p class="muted">{t.span.clone()} {t.undated_note.map(|n| format!(" · {n}"))}</p>
                <details>
                    <summary>{m.timeline_list}</summary>
                    <ul class="timeline-list">
                        {t.entries.into_iter().map(|(y, names)| view! { <li><strong>{y}</strong> ": " {names}</li> }).collect_view()}
                    </ul>
                </details>
            </div>
        }
    }
}

/// A list of labels with counts.
pub fn counts_list(
    items: Vec<(String, usize)>,
    locale: crate::model::i18n::Locale,
) -> impl IntoView {
    view! {
        <ul class="count-list">
            {items
                .into_iter()
                .map(|(label, n)| view! { <li><span>{label}</span> <span class="count">{locale.number(n as u64)}</span></li> })
                .collect_view()}
        </ul>
    }
}
