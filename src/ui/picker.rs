//! A filterable list as an ARIA combobox: type to narrow, arrows to move, Enter or a click to
//! add the value. Used for the province and country filters, where a native `<select>` would
//! apply every value the keyboard passes over (Chrome fires `change` on arrow keys).

use leptos::prelude::*;

use super::state::use_app_state;
use crate::model::text::fold;

/// One choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PickOption {
    /// The value passed to `on_pick`.
    pub value: String,
    /// The name shown.
    pub label: String,
    /// Folded names the typed text is matched against (every language).
    pub search: String,
    /// How many pairs choosing it would give.
    pub count: usize,
    /// Already chosen (shown ticked; picking it again removes it).
    pub chosen: bool,
}

/// The combobox.
#[component]
pub fn Picker<L, P, F>(
    /// Element id prefix (unique on the page).
    id: &'static str,
    /// The visible label.
    label: L,
    /// The placeholder text.
    placeholder: P,
    /// The choices, in display order.
    options: Memo<Vec<PickOption>>,
    /// Called with the chosen value.
    on_pick: F,
    /// Test id of the input.
    testid: &'static str,
) -> impl IntoView
where
    L: Fn() -> &'static str + Copy + Send + Sync + 'static,
    P: Fn() -> &'static str + Copy + Send + Sync + 'static,
    F: Fn(String) + Copy + Send + Sync + 'static,
{
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Only an open list is built: a filter change then updates no hidden option.
    let shown = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let needle = fold(&text.get());
        options.with(|all| {
            all.iter()
                .filter(|o| needle.is_empty() || o.search.contains(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let input_id = format!("{id}-input");
    let listbox_id = format!("{id}-listbox");
    let option_id = move |i: usize| format!("{id}-option-{i}");
    let pick = move |value: String| {
        on_pick(value);
        text.set(String::new());
        open.set(false);
        active.set(None);
    };
    let scroll_to_active = move || {
        if let Some(i) = active.get_untracked()
            && let Some(el) = document().get_element_by_id(&option_id(i))
        {
            el.scroll_into_view_with_bool(false);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if (key == "ArrowDown" || key == "ArrowUp") && !open.get_untracked() {
            open.set(true);
        }
        let n = shown.with(Vec::len);
        match key.as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1).min(n - 1))));
                scroll_to_active();
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| i.saturating_sub(1))));
                scroll_to_active();
            }
            "Enter" => {
                let index = active.get_untracked().or((n > 0 && open.get_untracked()).then_some(0));
                if let Some(value) =
                    index.and_then(|i| shown.with(|s| s.get(i).map(|o| o.value.clone())))
                {
                    ev.prevent_default();
                    pick(value);
                }
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    view! {
        <div class="picker search">
            <label class="field" for=input_id.clone()>
                <span>{label}</span>
            </label>
            <input
                id=input_id
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=listbox_id.clone()
                aria-expanded=move || (open.get() && !shown.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || active.get().map(option_id).unwrap_or_default()
                placeholder=placeholder
                prop:value=move || text.get()
                data-testid=testid
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:focus=move |_| open.set(!text.get_untracked().is_empty())
                on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=on_key
                on:blur=move |_| {
                    set_timeout(move || open.set(false), std::time::Duration::from_millis(150));
                }
            />
            <ul
                id=listbox_id
                role="listbox"
                class="suggestions picker-list"
                class:open=move || open.get() && !shown.with(Vec::is_empty)
                aria-label=label
            >
                {move || {
                    let locale = state.locale.get();
                    shown
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, option)| {
                            let value = option.value.clone();
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="suggestion picker-option"
                                    class:chosen=option.chosen
                                    class:empty=option.count == 0 && !option.chosen
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        pick(value.clone());
                                    }
                                >
                                    <span class="suggestion-main">
                                        {option.chosen.then_some("✓ ")}
                                        {option.label}
                                    </span>
                                    <span class="count">{format!("({})", locale.number(option.count as u64))}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
