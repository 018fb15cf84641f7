//! One claim's card: the quote (and the original), the terms, the dataset's answer with what it
//! counted apart, and the link that shows exactly those ties.

use leptos::prelude::*;

use crate::model::ask::query::to_query;
use crate::model::i18n::Locale;
use crate::model::show::stories::{Claim, Words, answer, claim_state, claim_target};
use crate::ui::state::{use_app_state, use_explore};

/// One claim of a report.
#[component]
pub fn ClaimCard(
    /// The claim.
    claim: Claim,
    /// The language of the report's text.
    original: Locale,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let (id, quote, terms) = (claim.id, claim.quote, claim.terms);
    let target = explore.with_data(|d| claim_target(d, &claim));
    let result = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.with_data(|d| answer(d, &claim, locale))
    });
    let link = target.map(|target| {
        let href = {
            let target = target.clone();
            move || format!("?{}", state.url.with(|u| to_query(&claim_state(u, &target))))
        };
        view! {
            <a
                class="button small story-link"
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    let next = state.url.with_untracked(|u| claim_state(u, &target));
                    state.navigate(move |u| *u = next);
                }
            >
                {move || state.messages().story_show}
            </a>
        }
    });
    view! {
        <li class="claim" data-testid=format!("claim-{id}")>
            <blockquote class="claim-quote">{move || quote(state.messages())}</blockquote>
            <Original words=quote original />
            <p class="claim-terms muted">{move || terms(state.messages())}</p>
            {move || result.get().map(|a| view! { <AnswerBlock answer=a /> })}
            {link}
        </li>
    }
}

/// A report's own words in its own language (marked so, and left untranslated), shown when
/// the page is in the other language.
#[component]
pub fn Original(
    /// The words, in whichever language's messages they are read from.
    words: Words,
    /// The language the report wrote them in.
    original: Locale,
) -> impl IntoView {
    let state = use_app_state();
    move || {
        let locale = state.locale.get();
        (locale != original).then(|| {
            view! {
                <p class="original" lang=original.html_lang() translate="no">
                    {locale.messages().story_original} {words(original.messages())}
                </p>
            }
        })
    }
}

/// The dataset's answer: what it counted (with the figures the link reproduces, for tests),
/// the named pairs, what it counted apart and another reading of the claim.
#[component]
fn AnswerBlock(
    /// The answer.
    answer: crate::model::show::stories::Answer,
) -> impl IntoView {
    let state = use_app_state();
    let f = answer.figures;
    let unit = if answer.counts_partners { "partners" } else { "pairs" };
    view! {
        <p class="claim-answer" data-testid="claim-dataset" data-pairs=f.pairs
            data-countries=f.countries data-partners=f.partners data-unit=unit>
            <strong>{move || state.messages().story_dataset}</strong>
            {answer.text}
        </p>
        {(!answer.items.is_empty()).then(|| view! {
            <ul class="claim-pairs">
                {answer.items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
            </ul>
        })}
        {answer.apart.map(|text| view! { <p class="claim-apart muted" data-testid="claim-apart">{text}</p> })}
        {answer.also.map(|text| view! { <p class="claim-also">{text}</p> })}
    }
}
