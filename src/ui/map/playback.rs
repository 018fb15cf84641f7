//! Time playback: the network as it stood at the end of each year. Pairs with no known year
//! cannot be placed in time; while playing they are left out, and the bar says how many.

use leptos::prelude::*;

use crate::model::ask::filter::count_undated;
use crate::model::i18n::fill;
use crate::model::show::describe::playback_label;
use crate::ui::state::{use_app_state, use_explore};

const SPEEDS: [(u32, &str); 3] = [(1, "1×"), (2, "2×"), (4, "4×")];
/// Milliseconds per year at 1×; slower when the user prefers reduced motion.
const TICK_MS: u32 = 800;
const TICK_REDUCED_MS: u32 = 2000;

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The playback bar.
#[component]
pub fn Playback() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let span = explore.span;
    let playing = RwSignal::new(false);
    let speed = RwSignal::new(1u32);
    let year = state.query.play_year;
    let set_year = move |y: Option<i32>| state.replace(|u| u.play_year = y);
    let step = move |delta: i32| {
        let (next, go_on) = span.step(year.get_untracked(), delta);
        if !go_on {
            playing.set(false);
        }
        set_year(Some(next));
    };
    // One tick per year while playing (a timer, outside the reactive graph).
    Effect::new(move |_| {
        if !playing.get() {
            return;
        }
        let base = if prefers_reduced_motion() { TICK_REDUCED_MS } else { TICK_MS };
        let interval = u64::from(base / speed.get());
        let tick = move || {
            if playing.try_get_untracked() == Some(true) {
                step(1);
            }
        };
        if let Ok(handle) =
            set_interval_with_handle(tick, std::time::Duration::from_millis(interval))
        {
            on_cleanup(move || handle.clear());
        }
    });
    let undated = Memo::new(move |_| {
        let selection = explore.selection.get();
        explore.with_data(|d| count_undated(d, &selection.pairs))
    });
    let toggle = move |_| {
        if !playing.get_untracked() {
            set_year(Some(span.play_from(year.get_untracked())));
        }
        playing.update(|p| *p = !*p);
    };
    view! {
        <div class="playback" role="group" aria-label=move || state.messages().playback data-testid="playback">
            <button type="button" class="button small" aria-pressed=move || playing.get().to_string() on:click=toggle>
                {move || if playing.get() { state.messages().pause } else { state.messages().play }}
            </button>
            <button type="button" class="icon-button" aria-label=move || state.messages().step_back title=move || state.messages().step_back on:click=move |_| step(-1)>
                "‹"
            </button>
            <button type="button" class="icon-button" aria-label=move || state.messages().step_forward title=move || state.messages().step_forward on:click=move |_| step(1)>
                "›"
            </button>
            <input
                type="range"
                min=span.first
                max=span.last
                aria-label=move || state.messages().playback_year
                prop:value=move || year.get().unwrap_or(span.last).to_string()
                on:input=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        set_year(Some(y));
                    }
                }
            />
            <output class="play-year" data-testid="play-year">
                {move || state.query.filters.with(|f| playback_label(f, year.get(), state.locale.get()))}
            </output>
            <label class="field inline">
                <span class="visually-hidden">{move || state.messages().speed}</span>
                <select on:change=move |ev| speed.set(event_target_value(&ev).parse().unwrap_or(1))>
                    {SPEEDS.iter().map(|(v, label)| view! { <option value=v.to_string()>{*label}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || year.get().is_some()>
                <button type="button" class="button small" on:click=move |_| { playing.set(false); set_year(None); }>
                    {move || state.messages().show_all_years}
                </button>
                <span class="muted">
                    {move || {
                        let locale = state.locale.get();
                        fill(locale.messages().playback_undated, &[("n", &locale.number(undated.get() as u64))])
                    }}
                </span>
            </Show>
        </div>
    }
}
