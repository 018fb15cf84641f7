//! Links to sources: followed only when the address is http(s); otherwise the title is text.
//! A source's own title stays in its own language; the project's note on it (what it is when
//! its title is not known, where the copy read was found) follows in the UI language. A source
//! whose details are in the dataset's sources file asks for it and says so until it arrives
//! (or why it did not, with a retry).

use leptos::prelude::*;

use super::state::{SourcesStatus, use_app_state, use_explore};
use crate::model::format::dataset::SourceIdx;
use crate::model::format::load::is_http_url;
use crate::model::i18n::{bracketed, cited_title, source_label, source_note};

/// Its children once the sources' details are there (`pending`: they were not when it was
/// made, and it asked for them); until then "loading sources…", or why they did not come.
#[component]
pub fn WhenSourcesReady(
    /// True when what it shows needs the sources file.
    pending: bool,
    /// What it shows.
    children: ChildrenFn,
) -> impl IntoView {
    let state = use_app_state();
    let sources = use_explore().sources;
    if pending {
        sources.want();
    }
    move || {
        let m = state.messages();
        match sources.status.get() {
            _ if !pending => children().into_any(),
            SourcesStatus::Ready => children().into_any(),
            SourcesStatus::Loading => view! {
                <span class="sources-loading muted" role="status" data-testid="sources-loading">{m.sources_loading}</span>
            }
            .into_any(),
            SourcesStatus::Failed(failure) => {
                let reason = failure.message(state.locale.get());
                view! {
                    <span class="sources-failed" role="alert" data-testid="sources-failed">
                        {crate::model::i18n::fill(m.sources_failed, &[("reason", &reason)])} " "
                        <button type="button" class="button small" on:click=move |_| sources.want()>{m.retry}</button>
                    </span>
                }
                .into_any()
            }
        }
    }
}

/// One source, as a link when it has a safe address, with the project's note after it (once
/// its details are there).
#[component]
pub fn SourceLink(
    /// The source.
    source: SourceIdx,
) -> impl IntoView {
    let pending = use_explore().with_data(|d| d.source_pending(source));
    view! { <WhenSourcesReady pending><SourceNow source /></WhenSourcesReady> }
}

/// One source whose details are there.
#[component]
fn SourceNow(
    /// The source.
    source: SourceIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let (title, url, document) = explore.with_data(|d| {
        let s = d.source(source);
        (s.title.clone(), s.url.clone().filter(|u| is_http_url(u)), s.document.clone())
    });
    let untitled = title.is_empty();
    // The note in the UI language: bracketed after a title, alone when there is none.
    let note = move || {
        let locale = state.locale.get();
        explore.with_data(|d| {
            source_note(locale, d.source(source)).map(|n| match untitled {
                true => n,
                false => bracketed(locale, "", &n),
            })
        })
    };
    let note = move || note().map(|n| view! { <span class="source-note">{n}</span> });
    let name = (!untitled).then(|| {
        view! { <span translate="no">{move || cited_title(state.locale.get(), &title)}</span> }
    });
    match url {
        Some(url) => view! {
            <a class="source-link" href=url target="_blank" rel="noopener noreferrer">
                {name} {note}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="source-text">
                {name} {note}
                {document.map(|d| view! { <span class="document" translate="no">" (" {d} ")"</span> })}
            </span>
        }
        .into_any(),
    }
}

/// Sources as numbered links ("[1] [2]"), each named by its full title for screen readers and
/// on hover: compact enough for a table cell (once their details are there).
#[component]
pub fn SourceRefs(
    /// The sources.
    sources: Vec<SourceIdx>,
) -> impl IntoView {
    let pending = use_explore().with_data(|d| sources.iter().any(|s| d.source_pending(*s)));
    let sources = StoredValue::new(sources);
    view! {
        <WhenSourcesReady pending>
            <SourceRefsNow sources=sources.get_value() />
        </WhenSourcesReady>
    }
}

#[component]
fn SourceRefsNow(
    /// The sources.
    sources: Vec<SourceIdx>,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let locale = state.locale.get_untracked();
    sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let (title, url) = explore.with_data(|d| {
                let s = d.source(source);
                (source_label(locale, s), s.url.clone().filter(|u| is_http_url(u)))
            });
            let label = format!("[{}]", i + 1);
            // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
            let name = format!("{label} {title}");
            match url {
                Some(url) => view! {
                    <a class="source-ref" href=url target="_blank" rel="noopener noreferrer" title=title.clone() aria-label=name translate="no">
                        {label}
                    </a>
                }
                .into_any(),
                None => view! {
                    <span class="source-ref" title=title.clone() aria-label=name translate="no">
                        {label}
                    </span>
                }
                .into_any(),
            }
        })
        .collect_view()
}
