//! Time playback: the network as it stood at the end of each year. Pairs with no known year
//! cannot be placed in time; while playing they are left out, and the bar says how many.

use leptos::prelude::*;

use super::super::explorer::use_explore;
use super::super::state::use_app_state;
use crate::model::i18n::fill;

const SPEEDS: [(u32, &str); 3] = [(1, "1×"), (2, "2×"), (4, "4×")];

/// The playback bar.
#[component]
pub fn Playback() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let (first, last) = explore.with_data(|d| {
        let years: Vec<i32> = d.partnerships().iter().filter_map(|p| p.first_year()).collect();
        (years.iter().copied().min().unwrap_or(1970), years.iter().copied().max().unwrap_or(2025))
    });
    let playing = RwSignal::new(false);
    let speed = RwSignal::new(1u32);
    let year = Memo::new(move |_| state.url.with(|u| u.play_year));
    let reduced_motion = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let set_year = move |y: Option<i32>| state.replace(|u| u.play_year = y);
    let step = move |delta: i32| {
        let next = year.get_untracked().unwrap_or(first - 1) + delta;
        if next > last {
            playing.set(false);
            set_year(Some(last));
        } else {
            set_year(Some(next.clamp(first, last)));
        }
    };
    // One tick per year; slower when the user prefers reduced motion.
    Effect::new(move |_| {
        if !playing.get() {
            return;
        }
        let base_ms = if reduced_motion { 2000 } else { 800 };
        let interval = base_ms / speed.get();
        if let Ok(handle) = set_interval_with_handle(
            move || {
                if playing.try_get_untracked() == Some(true) {
                    step(1);
                }
            },
            std::time::Duration::from_millis(interval as u64),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let undated = Memo::new(move |_| {
        explore.with_data(|d| {
            explore
                .selection
                .get()
                .pairs
                .iter()
                .filter(|p| d.partnership(**p).first_year().is_none())
                .count()
        })
    });
    view! {
        <div class="playback" role="group" aria-label=move || state.messages().playback data-testid="playback">
            <button
                type="button"
                class="button small"
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| {
                    if !playing.get_untracked() && year.get_untracked().is_none_or(|y| y >= last) {
                        set_year(Some(first));
                    }
                    playing.update(|p| *p = !*p);
                }
            >
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
                min=first
                max=last
                aria-label=move || state.messages().playback_year
                prop:value=move || year.get().unwrap_or(last).to_string()
                on:input=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        set_year(Some(y));
                    }
                }
            />
            <output class="play-year" data-testid="play-year">
                {move || year.get().map(|y| y.to_string()).unwrap_or_else(|| state.messages().all_years.to_owned())}
            </output>
            <label class="field inline">
                <span class="visually-hidden">{move || state.messages().speed}</span>
                <select on:change=move |ev| speed.set(event_target_value(&ev).parse().unwrap_or(1))>
                    {SPEEDS.iter().map(|(v, label)| view! { <option value=v.to_string()>{*label}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || year.get().is_some()>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        playing.set(false);
                        set_year(None);
                    }
                >
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
