//! The sources' details as a resource: a dataset that keeps them in a second file
//! (`format::sources`) is shown at once, and that file is fetched when a source is shown,
//! exported or printed, or when the page is idle after the first full map paint. Which file,
//! and whether a source waits for it, is the core's rule (`Dataset::source_pending`,
//! `sources_address`); here it is fetched once, and the dataset is given its sources.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::loading::FETCH_TIMEOUT_SECONDS;
use crate::model::format::load::Loaded;
use crate::model::format::problem::{Problem, ProblemKind};
use crate::model::format::sources::{load_sources, sources_address};
use crate::model::show::failure::Failure;
use crate::ui::fetch::fetch_text;

/// Where the sources' details stand.
#[derive(Clone, Debug, PartialEq)]
pub enum SourcesStatus {
    /// Every source can be shown (in the dataset from the start, or loaded).
    Ready,
    /// Not asked for yet, or on the way.
    Loading,
    /// The sources file could not be loaded: why (a retry fetches again).
    Failed(Failure),
}

/// The sources file of the dataset shown. `Copy`.
#[derive(Clone, Copy)]
pub struct SourcesState {
    /// Where the details stand (views showing a source follow it).
    pub status: RwSignal<SourcesStatus>,
    /// Asked for and not failed since.
    started: StoredValue<bool>,
    /// The sources file's address, or why there is none (a picked file names none beside it).
    url: StoredValue<Option<Result<String, Failure>>>,
    /// The explorer's dataset: given its sources when they arrive.
    loaded: StoredValue<Arc<Loaded>>,
}

impl SourcesState {
    /// The state for a dataset fetched from `shown_from` (none: a file picked or dropped).
    pub fn new(loaded: StoredValue<Arc<Loaded>>, shown_from: Option<String>) -> SourcesState {
        let pending = loaded.with_value(|l| {
            l.dataset.sources_pending().map(|file| (file.to_owned(), l.dataset.meta().id.clone()))
        });
        let url = pending.map(|(file, dataset)| match shown_from {
            Some(from) => Ok(sources_address(&from, &file)),
            // A file picked or dropped has no address for a file beside it.
            None => Err(Failure::File {
                name: dataset,
                problem: Problem::fatal(ProblemKind::SourcesFileElsewhere { value: file }),
            }),
        });
        let status = match url {
            None => SourcesStatus::Ready,
            Some(_) => SourcesStatus::Loading,
        };
        SourcesState {
            status: RwSignal::new(status),
            started: StoredValue::new(false),
            url: StoredValue::new(url),
            loaded,
        }
    }

    /// True when every source can be shown now.
    pub fn ready_untracked(&self) -> bool {
        self.status.with_untracked(|s| *s == SourcesStatus::Ready)
    }

    /// Fetches the sources file unless it is loaded or on its way (again after a failure).
    pub fn want(self) {
        if self.ready_untracked() || self.started.get_value() {
            return;
        }
        let Some(url) = self.url.try_get_value().flatten() else { return };
        self.started.set_value(true);
        self.status.set(SourcesStatus::Loading);
        leptos::task::spawn_local(async move {
            let result = match url {
                Ok(url) => self.fetch(&url).await,
                Err(failure) => Err(failure),
            };
            match result {
                Ok(()) => self.status.set(SourcesStatus::Ready),
                Err(failure) => {
                    self.started.set_value(false);
                    self.status.set(SourcesStatus::Failed(failure));
                }
            }
        });
    }

    /// Fetches once the page is idle (after the first full map paint), so a source shown
    /// later is there at once. A fetch that failed is not tried again behind the visitor's
    /// back: the failure stays on screen, and its Try again button fetches.
    pub fn want_when_idle(self) {
        if self.ready_untracked() {
            return;
        }
        let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
            let failed = self
                .status
                .try_with_untracked(|s| matches!(s, SourcesStatus::Failed(_)))
                .unwrap_or(false);
            if !failed {
                self.want();
            }
        });
        let window = window();
        if window.request_idle_callback(callback.unchecked_ref()).is_err() {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    }

    async fn fetch(self, url: &str) -> Result<(), Failure> {
        let text = fetch_text(url, FETCH_TIMEOUT_SECONDS).await?;
        let file = |problem| Failure::File { name: url.to_owned(), problem };
        let whole = self
            .loaded
            .try_with_value(|l| {
                let details = load_sources(&l.dataset, &text).map_err(|e| file(e.problem))?;
                let mut problems = l.problems.clone();
                problems.extend(details.problems);
                Ok(Arc::new(Loaded {
                    dataset: l.dataset.with_sources(details.sources),
                    problems,
                    context_places: l.context_places,
                }))
            })
            .unwrap_or_else(|| Err(file(Problem::fatal(ProblemKind::Empty))))?;
        // The same dataset with its sources' details: nothing shown is counted differently,
        // so no memo is recomputed; the views showing a source follow `status`.
        let _ = self.loaded.try_set_value(whole);
        Ok(())
    }
}
