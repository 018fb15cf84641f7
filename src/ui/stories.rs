//! The stories tab: each news report as a guided view. Every claim links to the filters that
//! answer it, with the reported figure beside the dataset's own answer.

use leptos::prelude::*;

use super::explorer::use_explore;
use super::sources::SourceLink;
use super::state::use_app_state;
use crate::model::i18n::fill;
use crate::model::query::{UrlState, parse};
use crate::model::stories::{answer, stories};

/// Applies a story's query: its filters and view replace the current ones; the language, the
/// map's borders and centring, the data source and the embed options stay.
fn open_claim(state: super::state::AppState, query: &'static str) {
    let (target, _) = parse(query);
    state.navigate(move |u| {
        *u = UrlState {
            lang: u.lang,
            map_profile: u.map_profile,
            centre: u.centre,
            data: u.data.clone(),
            embed: u.embed,
            theme: u.theme,
            accent: u.accent.clone(),
            font: u.font.clone(),
            ..target
        };
    });
}

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
                                                {m.story_source} " " <SourceLink source=crate::model::dataset::SourceIdx(i as u32) />
                                            </p>
                                        }
                                    })}
                                <ol class="claims">
                                    {story
                                        .claims
                                        .into_iter()
                                        .map(|claim| {
                                            let reported = claim.reported.and_then(|id| {
                                                explore.with_data(|d| {
                                                    d.reported().iter().find(|r| r.id == id).map(|r| {
                                                        let more = if r.qualifier == crate::model::dataset::Qualifier::MoreThan { m.more_than } else { "" };
                                                        let numbers = [
                                                            r.pairs.map(|n| fill(m.reported_pairs_only, &[("pairs", &format!("{more}{}", locale.number(n as u64)))])),
                                                            r.countries.map(|n| fill(m.reported_countries_only, &[("countries", &format!("{more}{}", locale.number(n as u64)))])),
                                                        ]
                                                        .into_iter()
                                                        .flatten()
                                                        .collect::<Vec<_>>()
                                                        .join(", ");
                                                        format!("{numbers} ({})", locale.date(r.as_of))
                                                    })
                                                })
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
                                                            open_claim(state, query);
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
