//! The stories tab: each news report the atlas grew from, claim by claim. A card quotes the
//! claim in the report's words (translated when the page is in the other language, with the
//! original), says what the dataset counts, gives its answer, and links to exactly those ties.

mod claim;

use leptos::prelude::*;

use self::claim::ClaimCard;
use super::state::use_app_state;
use crate::model::show::stories::{Report, reports};

/// The stories tab.
#[component]
pub fn StoriesPanel() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="stories" data-testid="stories">
            <p class="muted">{move || state.messages().stories_intro}</p>
            {reports().into_iter().map(|report| view! { <ReportCard report /> }).collect_view()}
        </div>
    }
}

/// One report: its title and source line as it gives them, then its claims.
#[component]
fn ReportCard(
    /// The report.
    report: Report,
) -> impl IntoView {
    let state = use_app_state();
    let title = report.title;
    let source = Report { claims: Vec::new(), ..report.clone() };
    let source_text = move |locale| source.source_text(locale);
    let (original, title_original, own_version) =
        (report.original, report.title_original, report.own_version);
    let labelled = Report { claims: Vec::new(), ..report.clone() };
    let title_note = move || {
        labelled.title_label(state.locale.get()).map(|label| {
            view! {
                <p class="original" lang=title_original.html_lang() translate="no">
                    {label} {title(title_original.messages())}
                </p>
            }
        })
    };
    let translation_note = move || {
        let locale = state.locale.get();
        let m = locale.messages();
        (locale != original).then_some(if own_version {
            m.story_own_version
        } else {
            m.story_our_translation
        })
    };
    let claims = report.claims;
    view! {
        <article class="story" data-testid=format!("story-{}", report.id)>
            <h2>{move || title(state.messages())}</h2>
            {title_note}
            <p class="muted story-source" data-testid="story-source">
                {move || source_text(state.locale.get())}
            </p>
            {move || translation_note().map(|note| view! { <p class="muted story-source">{note}</p> })}
            <ol class="claims">
                {claims.into_iter().map(|claim| view! { <ClaimCard claim original /> }).collect_view()}
            </ol>
        </article>
    }
}
