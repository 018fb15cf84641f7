//! Loading your own data: pick or drop a file, download the template; what went wrong with a
//! file, and how it was read.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::i18n::fill;
use crate::model::read::import_csv::template;
use crate::ui::download::download_bytes;
use crate::ui::import::{dropped_file, load_file, load_pasted};
use crate::ui::state::use_app_state;

/// The "your own data" card.
#[component]
pub fn OwnData() -> impl IntoView {
    let state = use_app_state();
    let data = state.data;
    let pick = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(input) = input else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            load_file(state, file);
        }
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = dropped_file(&ev) {
            load_file(state, file);
        }
    };
    let save_template = move |_| {
        let name = "youcheng-template.csv";
        let bytes = format!("\u{feff}{}", template());
        state.downloaded(name, download_bytes(name, "text/csv;charset=utf-8", bytes.as_bytes()));
    };
    view! {
        <section class="card" aria-labelledby="own-data-title">
            <h2 id="own-data-title">{move || state.messages().own_data_title}</h2>
            <p>{move || state.messages().own_data_help}</p>
            <div class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop data-testid="drop-zone">
                <label class="button">
                    {move || state.messages().choose_file}
                    <input type="file" accept=".json,.csv,.txt,.tsv,.xlsx,.xls,application/json,text/csv" class="visually-hidden" on:change=pick data-testid="file-input" />
                </label>
                <span class="muted">{move || state.messages().or_drop}</span>
            </div>
            <p role="status" class="muted" data-testid="reading-file">
                {move || state.data.reading.get().map(|name| fill(state.messages().reading_file, &[("name", &name)]))}
            </p>
            <PasteBox />
            <button type="button" class="link-button" on:click=save_template>
                {move || state.messages().download_template}
            </button>
            {move || data.import_failure.get().map(|f| view! {
                <p class="notice warning" role="alert" data-testid="file-error">{move || f.message(state.locale.get())}</p>
            })}
            {move || data.user_failure.get().map(|f| view! {
                <div class="notice warning" role="alert" data-testid="data-error">
                    <p>{move || f.message(state.locale.get())}</p>
                    <p>{move || state.messages().showing_bundled}</p>
                    <button type="button" class="button small" on:click=move |_| data.reload()>
                        {move || state.messages().retry}
                    </button>
                </div>
            })}
            {move || data.note.get().map(|n| view! { <p class="notice">{move || n.message(state.locale.get())}</p> })}
        </section>
    }
}

/// A box to paste rows copied from a spreadsheet (tab-separated) and load them.
#[component]
fn PasteBox() -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let load = move |_| {
        let rows = text.get_untracked();
        if !rows.trim().is_empty() {
            load_pasted(state, state.messages().pasted_name.to_owned(), rows);
        }
    };
    view! {
        <div class="paste-box">
            <label class="field" for="paste-rows">
                <span>{move || state.messages().paste_label}</span>
            </label>
            <textarea
                id="paste-rows"
                rows="4"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="button small" on:click=load disabled=move || text.with(|t| t.trim().is_empty())>
                {move || state.messages().paste_load}
            </button>
        </div>
    }
}
