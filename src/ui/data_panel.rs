//! The data tab: what the dataset is and where it comes from (attribution and licences), the
//! validation report of the loaded file, every official figure, and loading your own data.

use leptos::prelude::*;

use super::download::download_bytes;
use super::explorer::use_explore;
use super::import::{dropped_file, load_file};
use super::sources::SourceLink;
use super::state::{DataOrigin, use_app_state};
use crate::model::i18n::{fill, place_name, problem_text, reported_kind_label};
use crate::model::import_csv::template;
use crate::model::problem::Severity;

/// The data tab.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let locale = move || state.locale.get();
    let meta = explore.with_data(|d| d.meta().clone());
    let counts = explore.with_data(|d| {
        (d.partnerships().len(), d.places().len(), d.countries().len(), d.sources().len())
    });
    let problems = explore.loaded.with_value(|l| l.problems.clone());
    let n_skipped = problems.iter().filter(|p| p.severity == Severity::Skipped).count();
    let n_warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count();
    let file_error = RwSignal::new(None::<String>);
    let pick = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        file_error.set(None);
        load_file(state, file, state.gazetteer(), move |message| file_error.set(Some(message)));
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = dropped_file(&ev) {
            file_error.set(None);
            load_file(state, file, state.gazetteer(), move |message| file_error.set(Some(message)));
        }
    };
    let title = {
        let meta = meta.clone();
        move || match locale() {
            crate::model::i18n::Locale::Zh => {
                meta.title_zh.clone().unwrap_or(meta.title_en.clone())
            }
            crate::model::i18n::Locale::En => meta.title_en.clone(),
        }
    };
    let attribution = meta.attribution.clone();
    let reported = explore.with_data(|d| {
        d.reported()
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.scope,
                    r.as_of,
                    r.kind,
                    r.programme,
                    r.pairs,
                    r.countries,
                    r.source,
                )
            })
            .collect::<Vec<_>>()
    });
    let n_sources = counts.3;
    view! {
        <div class="data-panel" data-testid="data-panel">
            <section class="card" aria-labelledby="dataset-title">
                <h2 id="dataset-title">{title}</h2>
                <p class="muted" data-testid="data-origin">
                    {move || {
                        let m = state.messages();
                        match state.origin.get() {
                            DataOrigin::Bundled => m.origin_bundled.to_owned(),
                            DataOrigin::Url(u) => fill(m.origin_url, &[("url", &u)]),
                            DataOrigin::File(f) => fill(m.origin_file, &[("name", &f)]),
                        }
                    }}
                    {(!meta.version.is_empty()).then(|| format!(" · {}", meta.version))}
                    {meta.licence.clone().map(|l| format!(" · {l}"))}
                </p>
                <Show when=move || state.origin.get() != DataOrigin::Bundled>
                    <button
                        type="button"
                        class="button small"
                        on:click=move |_| {
                            state.navigate(|u| u.data = None);
                            state.origin.set(DataOrigin::Bundled);
                        }
                    >
                        {move || state.messages().use_bundled}
                    </button>
                </Show>
                <h3>{move || state.messages().attribution_title}</h3>
                <ul class="attribution" data-testid="attribution">
                    {attribution.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    <li>{move || state.messages().basemap_attribution}</li>
                </ul>
            </section>

            <section class="card" aria-labelledby="own-data-title">
                <h2 id="own-data-title">{move || state.messages().own_data_title}</h2>
                <p>{move || state.messages().own_data_help}</p>
                <div class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop data-testid="drop-zone">
                    <label class="button">
                        {move || state.messages().choose_file}
                        <input type="file" accept=".json,.csv,.txt,application/json,text/csv" class="visually-hidden" on:change=pick data-testid="file-input" />
                    </label>
                    <span class="muted">{move || state.messages().or_drop}</span>
                </div>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        let _ = download_bytes("youcheng-template.csv", "text/csv;charset=utf-8", format!("\u{feff}{}", template()).as_bytes());
                    }
                >
                    {move || state.messages().download_template}
                </button>
                {move || file_error.get().map(|e| view! { <p class="notice warning" role="alert" data-testid="file-error">{e}</p> })}
                {move || state.data_error.get().map(|e| view! {
                    <div class="notice warning" role="alert" data-testid="data-error">
                        <p>{e}</p>
                        <p>{state.messages().showing_bundled}</p>
                        <button type="button" class="button small" on:click=move |_| state.reload.update(|n| *n += 1)>
                            {state.messages().retry}
                        </button>
                    </div>
                })}
                {move || state.data_notice.get().map(|n| view! { <p class="notice">{n}</p> })}
            </section>

            <section class="card" aria-labelledby="report-title" data-testid="validation-report">
                <h2 id="report-title">{move || state.messages().report_title}</h2>
                <p data-testid="report-counts">
                    {move || {
                        let l = locale();
                        fill(
                            l.messages().report_counts,
                            &[
                                ("pairs", &l.messages().n_rows.format(l, counts.0 as u64)),
                                ("places", &l.messages().n_places_phrase.format(l, counts.1 as u64)),
                                ("countries", &l.messages().n_countries_phrase.format(l, counts.2 as u64)),
                                ("sources", &l.messages().n_sources.format(l, counts.3 as u64)),
                                ("skipped", &l.messages().n_records_skipped.format(l, n_skipped as u64)),
                                ("warnings", &l.messages().n_values_dropped.format(l, n_warnings as u64)),
                            ],
                        )
                    }}
                </p>
                {if problems.is_empty() {
                    view! { <p class="muted">{move || state.messages().report_clean}</p> }.into_any()
                } else {
                    let problems = problems.clone();
                    view! {
                        <ul class="problem-list" data-testid="problem-list">
                            {move || {
                                let l = locale();
                                problems
                                    .iter()
                                    .map(|p| {
                                        let class = if p.is_error() { "problem error" } else { "problem" };
                                        view! { <li class=class data-code=p.kind.code()>{problem_text(l, p)}</li> }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    }
                    .into_any()
                }}
            </section>

            <section class="card" aria-labelledby="reported-title">
                <h2 id="reported-title">{move || state.messages().reported_title}</h2>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || state.messages().col_scope}</th>
                                <th scope="col">{move || state.messages().col_date}</th>
                                <th scope="col">{move || state.messages().col_counts}</th>
                                <th scope="col">{move || state.messages().col_pairs}</th>
                                <th scope="col">{move || state.messages().col_countries}</th>
                                <th scope="col">{move || state.messages().col_sources}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {reported
                                .into_iter()
                                .map(|(id, scope, as_of, kind, programme, pairs, countries, source)| {
                                    let scope_name = move || {
                                        let l = locale();
                                        match scope {
                                            Some(p) => explore.with_data(|d| place_name(l, d.place(p)).to_owned()),
                                            None => l.messages().scope_national.to_owned(),
                                        }
                                    };
                                    let what = move || {
                                        let l = locale();
                                        let m = l.messages();
                                        let programme = programme.map(|p| match p {
                                            crate::model::dataset::Programme::Bri => m.bri_short,
                                            crate::model::dataset::Programme::Sco => m.sco_short,
                                        });
                                        match programme {
                                            Some(p) => format!("{} · {p}", reported_kind_label(l, kind)),
                                            None => reported_kind_label(l, kind).to_owned(),
                                        }
                                    };
                                    view! {
                                        <tr data-id=id>
                                            <td>{scope_name}</td>
                                            <td>{move || locale().date(as_of)}</td>
                                            <td>{what}</td>
                                            <td>{move || pairs.map(|n| locale().number(n as u64))}</td>
                                            <td>{move || countries.map(|n| locale().number(n as u64))}</td>
                                            <td><SourceLink source /></td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>

            <section class="card" aria-labelledby="sources-title">
                <details>
                    <summary>
                        <h2 id="sources-title" class="inline-heading">
                            {move || locale().messages().n_sources.format(locale(), n_sources as u64)}
                        </h2>
                    </summary>
                    <ul class="source-list">
                        {explore.with_data(|d| {
                            (0..d.sources().len())
                                .map(|i| view! { <li><SourceLink source=crate::model::dataset::SourceIdx(i as u32) /></li> })
                                .collect_view()
                        })}
                    </ul>
                </details>
            </section>
        </div>
    }
}
