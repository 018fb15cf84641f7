//! A user's list beside the public dataset: counts of the three groups, the ties of each, and
//! the comparison as CSV. Shown only when the data shown is the user's.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::format::dataset::{Dataset, PairIdx};
use crate::model::format::load::Loaded;
use crate::model::i18n::{Locale, country_name, place_name};
use crate::model::read::compare::{Comparison, compare, comparison_csv};
use crate::ui::download::download_bytes;
use crate::ui::state::{AppState, DataOrigin, use_app_state, use_explore};

/// How many ties of a group are listed (all are in the CSV).
const LISTED: usize = 100;

type Compared = (Arc<Loaded>, Arc<Loaded>, Arc<Comparison>);

/// The compare card.
#[component]
pub fn CompareWithPublic() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let user = move || !matches!(state.data.origin.get(), DataOrigin::Bundled);
    let result = LocalResource::new(move || {
        let wanted = user();
        let list = explore.loaded.get_value();
        async move {
            if !wanted {
                return None;
            }
            let public = state.data.gazetteer().await?;
            let c = Arc::new(compare(&list.dataset, &public.dataset));
            Some((list, public, c))
        }
    });
    move || result.get().flatten().map(|compared| view! { <CompareCard state compared /> })
}

fn tie_line(d: &Dataset, pair: PairIdx, locale: Locale) -> String {
    let p = d.partnership(pair);
    let date = p.established.map(|e| format!(", {}", locale.date(e))).unwrap_or_default();
    format!(
        "{} – {} ({}){date}",
        place_name(locale, d.place(p.home)),
        place_name(locale, d.place(p.partner)),
        country_name(locale, d.country_of(p.partner))
    )
}

#[component]
fn CompareCard(state: AppState, compared: Compared) -> impl IntoView {
    let (list, public, c) = compared;
    let download = {
        let (list, public, c) = (list.clone(), public.clone(), c.clone());
        move |_| {
            let name = "youcheng-comparison.csv";
            let text = format!("\u{feff}{}", comparison_csv(&list.dataset, &public.dataset, &c));
            state.downloaded(name, download_bytes(name, "text/csv;charset=utf-8", text.as_bytes()));
        }
    };
    let group = move |label: fn(
        &crate::model::i18n::messages::Messages,
    ) -> &crate::model::i18n::messages::Plural,
                      n: usize,
                      lines: Vec<(Arc<Loaded>, PairIdx)>,
                      testid: &'static str| {
        view! {
            <details data-testid=testid>
                <summary>{move || {
                    let l = state.locale.get();
                    label(l.messages()).format(l, n as u64)
                }}</summary>
                <ul class="compare-list">
                    {move || {
                        let l = state.locale.get();
                        lines
                            .iter()
                            .take(LISTED)
                            .map(|(d, i)| view! { <li>{tie_line(&d.dataset, *i, l)}</li> })
                            .collect_view()
                    }}
                </ul>
            </details>
        }
    };
    let only_list: Vec<_> = c.only_list.iter().map(|i| (list.clone(), *i)).collect();
    let differ: Vec<_> = c.differ.iter().map(|(i, _, _)| (list.clone(), *i)).collect();
    let only_public: Vec<_> = c.only_public.iter().map(|i| (public.clone(), *i)).collect();
    view! {
        <section class="card" aria-labelledby="compare-title" data-testid="compare">
            <h2 id="compare-title">{move || state.messages().compare_title}</h2>
            <p class="muted">{move || state.messages().compare_help}</p>
            {group(|m| &m.compare_only_list, c.only_list.len(), only_list, "compare-only-list")}
            {group(|m| &m.compare_only_public, c.only_public.len(), only_public, "compare-only-public")}
            {group(|m| &m.compare_differ, c.differ.len(), differ, "compare-differ")}
            <p>{move || {
                let l = state.locale.get();
                l.messages().compare_same.format(l, c.same as u64)
            }}</p>
            <button type="button" class="button small" on:click=download>
                {move || state.messages().compare_download}
            </button>
        </section>
    }
}
