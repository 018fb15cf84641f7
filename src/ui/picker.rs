//! A filterable list as an ARIA combobox: type to narrow, arrows to move, Enter or a click to
//! add the value. Used for the province and country filters, where a native `<select>` would
//! apply every value the keyboard passes over (Chrome fires `change` on arrow keys).

use leptos::prelude::*;

use super::state::use_app_state;
use crate::model::ask::choices::{PickOption, matching};

/// The state of an open or closed list: the text typed, whether it is open, the option the
/// arrows are on, and the options that match.
#[derive(Clone, Copy)]
struct Combo {
    id: &'static str,
    text: RwSignal<String>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    shown: Memo<Vec<PickOption>>,
}

impl Combo {
    fn new(id: &'static str, options: Memo<Vec<PickOption>>) -> Combo {
        let text = RwSignal::new(String::new());
        let open = RwSignal::new(false);
        // Only an open list is built: a filter change then updates no hidden option.
        let shown = Memo::new(move |_| {
            if !open.get() {
                return Vec::new();
            }
            let typed = text.get();
            options.with(|all| matching(all, &typed).into_iter().cloned().collect::<Vec<_>>())
        });
        Combo { id, text, open, active: RwSignal::new(None), shown }
    }

    fn option_id(self, i: usize) -> String {
        format!("{}-option-{i}", self.id)
    }

    fn close(self) {
        self.text.set(String::new());
        self.open.set(false);
        self.active.set(None);
    }

    fn move_to(self, next: impl FnOnce(Option<usize>) -> usize) {
        self.active.update(|a| *a = Some(next(*a)));
        if let Some(i) = self.active.get_untracked()
            && let Some(el) = document().get_element_by_id(&self.option_id(i))
        {
            el.scroll_into_view_with_bool(false);
        }
    }

    /// Arrows move, Enter picks (the first match when none is active), Escape closes.
    fn on_key(self, ev: leptos::ev::KeyboardEvent, pick: impl Fn(String)) {
        let key = ev.key();
        if (key == "ArrowDown" || key == "ArrowUp") && !self.open.get_untracked() {
            self.open.set(true);
        }
        let n = self.shown.with(Vec::len);
        match key.as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                self.move_to(|a| a.map_or(0, |i| (i + 1).min(n - 1)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                self.move_to(|a| a.map_or(n - 1, |i| i.saturating_sub(1)));
            }
            "Enter" => {
                let first = (n > 0 && self.open.get_untracked()).then_some(0);
                let index = self.active.get_untracked().or(first);
                if let Some(value) =
                    index.and_then(|i| self.shown.with(|s| s.get(i).map(|o| o.value.clone())))
                {
                    ev.prevent_default();
                    pick(value);
                }
            }
            "Escape" if self.open.get_untracked() => {
                ev.prevent_default();
                ev.stop_propagation();
                self.open.set(false);
                self.active.set(None);
            }
            _ => {}
        }
    }
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
    let combo = Combo::new(id, options);
    let Combo { text, open, active, shown, .. } = combo;
    let pick = move |value: String| {
        on_pick(value);
        combo.close();
    };
    let input_id = format!("{id}-input");
    let listbox_id = format!("{id}-listbox");
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
                aria-activedescendant=move || active.get().map(|i| combo.option_id(i)).unwrap_or_default()
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
                on:keydown=move |ev| combo.on_key(ev, pick)
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
                {move || shown.get().into_iter().enumerate().map(|(i, o)| option(combo, i, o, pick)).collect_view()}
            </ul>
        </div>
    }
}

/// One option of the list: its name (ticked when chosen) and its count.
fn option(
    combo: Combo,
    i: usize,
    option: PickOption,
    pick: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let value = option.value.clone();
    let count = state.locale.get().number(option.count as u64);
    view! {
        <li
            id=combo.option_id(i)
            role="option"
            class="suggestion picker-option"
            class:chosen=option.chosen
            class:empty=option.count == 0 && !option.chosen
            aria-selected=move || (combo.active.get() == Some(i)).to_string()
            on:mousedown=move |ev| {
                ev.prevent_default();
                pick(value.clone());
            }
        >
            <span class="suggestion-main">{option.chosen.then_some("✓ ")} {option.label}</span>
            <span class="count">{format!("({count})")}</span>
        </li>
    }
}
