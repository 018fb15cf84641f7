//! The stories tab: each news report as a guided view. Every claim links to the filters that
//! answer it, with the reported figure beside the dataset's own answer.

use leptos::prelude::*;

use super::sources::SourceLink;
use super::state::{use_app_state, use_explore};
use crate::model::format::dataset::SourceIdx;
use crate::model::show::describe::reported_citation;
use crate::model::show::stories::{answer, claim_state, stories};

/// The stories tab.
#[component]
pub fn StoriesPanel() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    view! {
        <div class="stories" data-testid="stories">
            <p class="muted">{move || state.messages().stories_intro}</p>
            {move || {
                let locale = state.locale.get();
                let m = locale.messages();
                stories(locale)
                    .into_iter()
                    .map(|story| {
                        let source = explore.with_data(|d| d.sources().iter().position(|s| s.id == story.source));
                        view! {
                            <article class="story" data-testid=format!("story-{}", story.id)>
                                <h2>{story.title}</h2>
                                {source
                                    .map(|i| {
                                        view! {
                                            <p class="muted">
                                                {m.story_source} " " <SourceLink source=SourceIdx(i as u32) />
                                            </p>
                                        }
                                    })}
                                <ol class="claims">
                                    {story
                                        .claims
                                        .into_iter()
                                        .map(|claim| {
                                            let reported = claim.reported.and_then(|id| {
                                                explore.with_data(|d| d.reported().iter().find(|r| r.id == id).map(|r| reported_citation(r, locale)))
                                            });
                                            let dataset_answer = explore.with_data(|d| answer(d, &claim, locale));
                                            let query = claim.query;
                                            view! {
                                                <li class="claim">
                                                    <p class="claim-text">{claim.text}</p>
                                                    <dl class="claim-figures">
                                                        {reported.map(|r| view! { <dt>{m.story_reported}</dt> <dd data-testid="claim-reported">{r}</dd> })}
                                                        <dt>{m.story_dataset}</dt>
                                                        <dd data-testid="claim-dataset">{dataset_answer}</dd>
                                                    </dl>
                                                    <a
                                                        class="button small story-link"
                                                        href=format!("?{query}")
                                                        on:click=move |ev| {
                                                            ev.prevent_default();
                                                            let next = state.url.with_untracked(|u| claim_state(u, query));
                                                            state.navigate(move |u| *u = next);
                                                        }
                                                    >
                                                        {m.story_show}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </article>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
