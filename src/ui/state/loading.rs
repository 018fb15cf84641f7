//! Loading the dataset: a resource, and the states derived from it (the basemap: `basemap.rs`).
//!
//! The dataset is the bundled one, a user's `?data=` file (partnership JSON or a spreadsheet,
//! read against the bundled places), or a file the user picked or dropped. When a user's file
//! fails, the bundled data is shown and the failure is said; failures stay typed
//! ([`Failure`]) until displayed, so their words follow the language.

use std::sync::Arc;

use leptos::prelude::*;

use super::reading::{Read, read_file};
use crate::model::format::dataset::Dataset;
use crate::model::format::load::{Loaded, load};
use crate::model::read::import_csv::{Columns, Mapping, mapping_from_param, read_columns};
use crate::model::read::list::{ReadNote, SheetText};
use crate::model::show::failure::Failure;
use crate::ui::fetch::{fetch_bytes, fetch_text};
use crate::ui::perf;

/// Seconds before a fetch gives up.
pub(super) const FETCH_TIMEOUT_SECONDS: u32 = 30;

/// Where the data load stands.
#[derive(Clone, Debug)]
pub enum LoadState {
    /// Waiting for the file.
    Loading,
    /// Nothing could be shown; `user_supplied` when the failing file was the user's (and the
    /// bundled one failed too).
    Failed {
        /// Why.
        failure: Failure,
        /// Offer the bundled data.
        user_supplied: bool,
    },
    /// Loaded (possibly with problems).
    Ready(Arc<Loaded>),
}

impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Loading, LoadState::Loading) => true,
            (
                LoadState::Failed { failure: a, user_supplied: x },
                LoadState::Failed { failure: b, user_supplied: y },
            ) => a == b && x == y,
            (LoadState::Ready(a), LoadState::Ready(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A file the user picked or dropped, already read.
#[derive(Clone, Debug)]
pub struct UserFile {
    /// Its name.
    pub name: String,
    /// What it gave.
    pub loaded: Arc<Loaded>,
    /// How it was read, if worth saying.
    pub note: Option<ReadNote>,
}

impl PartialEq for UserFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Arc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// Where the dataset shown comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataOrigin {
    /// The bundled China dataset.
    Bundled,
    /// A URL given with `?data=`.
    Url(String),
    /// A file the user dropped or picked.
    File(String),
}

/// What one load gave: the dataset to show (or why none), and the user's file's failure when
/// the bundled data stands in for it.
#[derive(Clone, Debug)]
struct DataResult {
    shown: Result<Arc<Loaded>, Failure>,
    user_failure: Option<Failure>,
    note: Option<ReadNote>,
    sheet: Option<SheetText>,
}

/// The dataset's load and where it came from.
#[derive(Clone, Copy)]
pub struct DataState {
    resource: LocalResource<DataResult>,
    /// A file the user picked or dropped; shown instead of any address's file.
    pub file: RwSignal<Option<UserFile>>,
    /// A picked or dropped file that could not be read (the data shown stays).
    pub import_failure: RwSignal<Option<Failure>>,
    /// Loading, loaded or failed.
    pub load: Memo<LoadState>,
    /// The user's `?data=` file failed: why (the bundled data is shown).
    pub user_failure: Memo<Option<Failure>>,
    /// How the user's file was read, if worth saying.
    pub note: Memo<Option<ReadNote>>,
    /// Where the data shown comes from.
    pub origin: Memo<DataOrigin>,
    /// The name of a picked, dropped or pasted file being read (shown as a status).
    pub reading: RwSignal<Option<String>>,
    /// A picked, dropped or pasted list's rows (kept even when it failed, to map its columns).
    pub picked_sheet: RwSignal<Option<SheetText>>,
    /// The rows of the list shown or refused, picked or linked.
    pub sheet: Memo<Option<SheetText>>,
    /// How that list's columns are read: what the mapping step shows.
    pub columns: Memo<Option<Columns>>,
    /// The bundled dataset once loaded: the fallback and the gazetteer for spreadsheets.
    bundled: StoredValue<Option<Arc<Loaded>>>,
    /// Where the bundled dataset is fetched from.
    bundled_url: StoredValue<String>,
}

impl DataState {
    /// Starts loading the file the address names (`data`, its columns read as `cols` says),
    /// else the bundled one.
    pub fn new(
        data: Memo<Option<String>>,
        cols: Memo<Option<String>>,
        bundled_url: String,
    ) -> DataState {
        let bundled = StoredValue::new(None::<Arc<Loaded>>);
        let bundled_url = StoredValue::new(bundled_url);
        let resource = LocalResource::new(move || {
            let user_url = data.get();
            let mapping = cols.get().map(|c| mapping_from_param(&c));
            let bundled_url = bundled_url.get_value();
            async move { load_data(user_url, mapping, bundled_url, bundled).await }
        });
        let picked_sheet = RwSignal::new(None::<SheetText>);
        let sheet =
            Memo::new(move |_| picked_sheet.get().or_else(|| resource.get().and_then(|r| r.sheet)));
        let columns = Memo::new(move |_| {
            let sheet = sheet.get()?;
            let gazetteer = bundled.try_get_value().flatten();
            let empty = Dataset::default();
            let gazetteer = gazetteer.as_deref().map_or(&empty, |l| &l.dataset);
            Some(read_columns(&sheet.text, gazetteer, sheet.mapping.as_deref()))
        });
        let file = RwSignal::new(None::<UserFile>);
        let load = Memo::new(move |_| {
            if let Some(f) = file.get() {
                return LoadState::Ready(f.loaded);
            }
            match resource.get() {
                None => LoadState::Loading,
                Some(DataResult { shown: Ok(loaded), .. }) => LoadState::Ready(loaded),
                Some(DataResult { shown: Err(failure), user_failure, .. }) => {
                    LoadState::Failed { failure, user_supplied: user_failure.is_some() }
                }
            }
        });
        let user_failure = Memo::new(move |_| {
            if file.with(Option::is_some) {
                return None;
            }
            resource.get().and_then(|r| r.user_failure)
        });
        let note = Memo::new(move |_| match file.get() {
            Some(f) => f.note,
            None => resource.get().and_then(|r| r.note),
        });
        let origin = Memo::new(move |_| match (file.get(), data.get()) {
            (Some(f), _) => DataOrigin::File(f.name),
            (None, Some(url)) => DataOrigin::Url(url),
            (None, None) => DataOrigin::Bundled,
        });
        DataState {
            resource,
            file,
            import_failure: RwSignal::new(None),
            reading: RwSignal::new(None),
            picked_sheet,
            sheet,
            columns,
            load,
            user_failure,
            note,
            origin,
            bundled,
            bundled_url,
        }
    }

    /// Loads the data again (after a failure).
    pub fn reload(&self) {
        self.resource.refetch();
    }

    /// Shows a file the user picked or dropped.
    pub fn show_file(&self, file: UserFile) {
        self.import_failure.set(None);
        self.file.set(Some(file));
    }

    /// Leaves the user's file: back to the address's data (the caller clears `?data=`).
    pub fn forget_file(&self) {
        self.file.set(None);
        self.picked_sheet.set(None);
        self.import_failure.set(None);
    }

    /// The address the dataset shown was fetched from (a sources file it names is beside
    /// it): the user's `?data=` file, or the bundled one, also when it stands in for a user's
    /// file that failed; none for a file picked or dropped.
    pub fn shown_from(&self) -> Option<String> {
        match self.origin.get_untracked() {
            DataOrigin::File(_) => None,
            DataOrigin::Url(url) if self.user_failure.get_untracked().is_none() => Some(url),
            _ => self.bundled_url.try_get_value(),
        }
    }

    /// The bundled dataset if it has loaded (what place names are looked up in).
    pub fn gazetteer_now(&self) -> Option<Arc<Loaded>> {
        self.bundled.try_get_value().flatten()
    }

    /// The bundled dataset, loaded once: what a spreadsheet's place names are looked up in.
    pub async fn gazetteer(self) -> Option<Arc<Loaded>> {
        let url = self.bundled_url.try_get_value()?;
        load_bundled(&url, self.bundled).await.ok()
    }
}

/// Loads the bundled dataset once (a failure is not kept, so a retry fetches again).
async fn load_bundled(
    url: &str,
    cache: StoredValue<Option<Arc<Loaded>>>,
) -> Result<Arc<Loaded>, Failure> {
    if let Some(Some(bundled)) = cache.try_get_value() {
        return Ok(bundled);
    }
    let text = fetch_text(url, FETCH_TIMEOUT_SECONDS).await?;
    perf::mark("yc-data-parse-start");
    let loaded =
        load(&text).map_err(|e| Failure::File { name: url.to_owned(), problem: e.problem })?;
    perf::measure_since("yc-data-parse", "yc-data-parse-start");
    let loaded = Arc::new(loaded);
    let _ = cache.try_set_value(Some(loaded.clone()));
    Ok(loaded)
}

/// Loads a user's `?data=` file: partnership JSON, or a spreadsheet read against the bundled
/// dataset's places.
async fn load_user_url(
    url: &str,
    mapping: Option<Mapping>,
    bundled_url: &str,
    cache: StoredValue<Option<Arc<Loaded>>>,
) -> Read {
    let bytes = match fetch_bytes(url, FETCH_TIMEOUT_SECONDS).await {
        Ok(bytes) => bytes,
        Err(e) => return Read { result: Err(e.into()), sheet: None },
    };
    let gazetteer = load_bundled(bundled_url, cache).await.ok();
    read_file(url, &bytes, gazetteer.as_deref().map(|l| &l.dataset), mapping).await
}

async fn load_data(
    user_url: Option<String>,
    mapping: Option<Mapping>,
    bundled_url: String,
    cache: StoredValue<Option<Arc<Loaded>>>,
) -> DataResult {
    let result = match user_url {
        None => DataResult {
            shown: load_bundled(&bundled_url, cache).await,
            user_failure: None,
            note: None,
            sheet: None,
        },
        Some(url) => match load_user_url(&url, mapping, &bundled_url, cache).await {
            Read { result: Ok((loaded, note)), sheet } => {
                DataResult { shown: Ok(loaded), user_failure: None, note, sheet }
            }
            // The user's file failed: say so, and show the bundled data instead.
            Read { result: Err(failure), sheet } => DataResult {
                shown: load_bundled(&bundled_url, cache).await.map_err(|_| failure.clone()),
                user_failure: Some(failure),
                note: None,
                sheet,
            },
        },
    };
    if result.shown.is_ok() {
        perf::mark("yc-data-loaded");
    }
    result
}
