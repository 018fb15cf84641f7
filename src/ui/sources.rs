//! Links to sources: followed only when the address is http(s); otherwise the title is text.

use leptos::prelude::*;

use super::state::use_explore;
use crate::model::format::dataset::SourceIdx;
use crate::model::format::load::is_http_url;

/// One source, as a link when it has a safe address.
#[component]
pub fn SourceLink(
    /// The source.
    source: SourceIdx,
) -> impl IntoView {
    let explore = use_explore();
    let (title, url, document) = explore.with_data(|d| {
        let s = d.source(source);
        (s.title.clone(), s.url.clone().filter(|u| is_http_url(u)), s.document.clone())
    });
    match url {
        Some(url) => view! {
            <a class="source-link" href=url target="_blank" rel="noopener noreferrer" translate="no">
                {title}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="source-text" translate="no">
                {title} {document.map(|d| view! { <span class="document">" (" {d} ")"</span> })}
            </span>
        }
        .into_any(),
    }
}

/// Sources as numbered links ("[1] [2]"), each named by its full title for screen readers and
/// on hover: compact enough for a table cell.
#[component]
pub fn SourceRefs(
    /// The sources.
    sources: Vec<SourceIdx>,
) -> impl IntoView {
    let explore = use_explore();
    sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let (title, url) = explore.with_data(|d| {
                let s = d.source(source);
                (s.title.clone(), s.url.clone().filter(|u| is_http_url(u)))
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
