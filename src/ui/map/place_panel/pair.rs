//! A selected partnership: type, status, dates, earlier stages, the values sources give
//! differently, what contradicts it (a reviewed doubt, with its source), and every source.

use leptos::prelude::*;

use crate::model::format::dataset::PairIdx;
use crate::model::show::rows::{PairFacts, pair_facts};
use crate::ui::sources::SourceLink;
use crate::ui::state::{use_app_state, use_explore};

/// One partnership with every fact the sources give.
#[component]
pub fn PairDetails(
    /// The selected partnership.
    pair: PairIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let facts = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.with_data(|d| pair_facts(d, pair, locale))
    });
    let sources = explore.with_data(|d| d.partnership(pair).sources.clone());
    move || {
        let m = state.messages();
        let PairFacts {
            title,
            country,
            kind,
            status,
            established,
            ended,
            history,
            note,
            alternatives,
            ends,
            end_buttons,
            disputed,
        } = facts.get();
        let (home_id, partner_id) = ends;
        let (home_button, partner_button) = end_buttons;
        let show = move |id: String| state.select_place(id);
        view! {
            <div class="details" data-testid="pair-panel">
                <div class="details-head">
                    <h2 id="sheet-title" tabindex="-1">{title}</h2>
                    <button type="button" class="icon-button" aria-label=m.close title=m.close on:click=move |_| state.navigate(|u| u.pair = None)>
                        "×"
                    </button>
                </div>
                <p class="muted">{country}</p>
                {disputed.map(|(text, source)| view! {
                    <div class="notice disputed" role="note" data-testid="pair-disputed">
                        <p><strong>{m.pair_disputed}</strong>{m.label_separator}{text}</p>
                        {source.map(|s| view! { <p>{m.pair_disputed_source}{m.label_separator}<SourceLink source=s /></p> })}
                    </div>
                })}
                <dl class="facts">
                    <dt>{m.col_type}</dt>
                    <dd>{kind}</dd>
                    <dt>{m.col_status}</dt>
                    <dd>{status}</dd>
                    <dt>{m.col_established}</dt>
                    <dd>{established}</dd>
                    {ended.map(|e| view! { <dt>{m.col_ended}</dt> <dd>{e}</dd> })}
                    {(!history.is_empty()).then(|| view! { <dt>{m.earlier_stages}</dt> <dd>{history.join("; ")}</dd> })}
                    {(!note.is_empty()).then(|| view! {
                        <dt>{m.note}</dt>
                        <dd data-testid="pair-note">
                            {note
                                .into_iter()
                                .enumerate()
                                .map(|(i, part)| view! {
                                    {(i > 0).then_some("; ")}
                                    <span lang=part.lang>{part.text}</span>
                                })
                                .collect_view()}
                        </dd>
                    })}
                </dl>
                {(!alternatives.is_empty()).then(|| view! {
                    <div class="notice" data-testid="sources-differ">
                        <p>{m.sources_differ}</p>
                        <ul>
                            {alternatives
                                .into_iter()
                                .map(|(value, sources)| view! {
                                    <li>
                                        {value}{m.label_separator}
                                        {sources.into_iter().map(|s| view! { <SourceLink source=s /> }).collect_view()}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </div>
                })}
                <h3>{m.col_sources}</h3>
                <ul class="source-list">
                    {sources.iter().map(|s| view! { <li><SourceLink source=*s /></li> }).collect_view()}
                </ul>
                <div class="button-row">
                    <button type="button" class="button small" on:click=move |_| show(home_id.clone())>
                        {home_button}
                    </button>
                    <button type="button" class="button small" on:click=move |_| show(partner_id.clone())>
                        {partner_button}
                    </button>
                </div>
            </div>
        }
    }
}
