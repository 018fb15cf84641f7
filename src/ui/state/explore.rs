//! The state of the loaded app, built once per dataset by [`ExploreState::new`]: the
//! selection under the filters, the pairs on show (cut at the playback year), the selected
//! place and pair, the year span, the filter lists, the headline and the search index.

use std::sync::Arc;

use leptos::prelude::*;

use super::app::AppState;
use super::sources::SourcesState;
use crate::model::ask::aggregate::{Headline, headline};
use crate::model::ask::choices::{Choice, country_choices, province_choices};
use crate::model::ask::filter::{Selection, YearSpan, apply, cut_at_year, year_span};
use crate::model::ask::query::{ProfileRef, Tab};
use crate::model::ask::scope::kinds_of;
use crate::model::ask::search::{Hit, SearchIndex};
use crate::model::format::dataset::{CountryIdx, Dataset, PairIdx, PlaceIdx};
use crate::model::format::load::Loaded;
use crate::model::show::counted::pairs_with_countries;
use crate::model::show::map::NodeKey;

/// The filter lists, worked out once per dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Lists {
    /// The home country's provinces.
    pub provinces: Vec<Choice>,
    /// Countries with partners.
    pub countries: Vec<Choice>,
}

/// What every panel of the loaded app reads. `Copy`.
#[derive(Clone, Copy)]
pub struct ExploreState {
    /// The dataset and its problems (never changes while shown, but for its sources' details
    /// arriving from its sources file: `SourcesState`).
    pub loaded: StoredValue<Arc<Loaded>>,
    /// The sources' details, when the dataset keeps them in a second file.
    pub sources: SourcesState,
    /// The search index, built on first use (not before the first paint).
    index: StoredValue<Option<Arc<SearchIndex>>>,
    /// The filtered selection with its facet counts.
    pub selection: Memo<Arc<Selection>>,
    /// The pairs on show: the selection, cut at the playback year while playing.
    pub shown: Memo<Arc<Vec<PairIdx>>>,
    /// The headline figures of the pairs on show.
    pub headline: Memo<Headline>,
    /// The selected place, if it is in the data.
    pub selected_place: Memo<Option<PlaceIdx>>,
    /// The selected partnership, if it is in the data.
    pub selected_pair: Memo<Option<PairIdx>>,
    /// The country whose profile is open.
    pub profile_country: Memo<Option<CountryIdx>>,
    /// The place a place card shows (the selected place, else the place filter).
    pub card_place: Memo<Option<PlaceIdx>>,
    /// The years the year filter and the playback offer.
    pub span: YearSpan,
    /// The province and country lists.
    pub lists: StoredValue<Arc<Lists>>,
    /// What the live region says after a change ("312 pairs with 41 countries"); empty until
    /// the first change.
    pub announcement: Memo<String>,
}

impl ExploreState {
    /// Builds the state for a loaded dataset.
    pub fn new(app: AppState, loaded: Arc<Loaded>) -> ExploreState {
        let q = app.query;
        let span = year_span(&loaded.dataset);
        let lists = Lists {
            provinces: province_choices(&loaded.dataset),
            countries: country_choices(&loaded.dataset),
        };
        let loaded = StoredValue::new(loaded);
        let sources = SourcesState::new(loaded, app.data.shown_from());
        let selection = Memo::new(move |_| {
            q.filters.with(|filters| loaded.with_value(|l| Arc::new(apply(&l.dataset, filters))))
        });
        let shown = Memo::new(move |_| {
            let selection = selection.get();
            match q.play_year.get() {
                None => Arc::new(selection.pairs.clone()),
                Some(year) => {
                    loaded.with_value(|l| Arc::new(cut_at_year(&l.dataset, &selection.pairs, year)))
                }
            }
        });
        let headline = Memo::new(move |_| {
            shown.with(|pairs| loaded.with_value(|l| headline(&l.dataset, pairs)))
        });
        let place = move |id: Option<String>| {
            id.and_then(|id| loaded.with_value(|l| l.dataset.place_by_id(&id)))
        };
        let selected_place = Memo::new(move |_| place(q.selected.get()));
        let selected_pair = Memo::new(move |_| {
            q.pair.get().and_then(|id| loaded.with_value(|l| l.dataset.pair_by_id(&id)))
        });
        let profile_country = Memo::new(move |_| match q.profile.get() {
            Some(ProfileRef::Country(iso)) => loaded.with_value(|l| l.dataset.country_by_iso(&iso)),
            _ => None,
        });
        let card_place =
            Memo::new(move |_| place(app.url.with(|u| u.card_place().map(str::to_owned))));
        let announcement = Memo::new(move |previous: Option<&String>| {
            let h = headline.get();
            let locale = app.locale.get();
            // Nothing is announced at load; after the first change, every state is.
            match previous {
                None => String::new(),
                Some(_) => q
                    .filters
                    .with(|f| pairs_with_countries(kinds_of(f), h.pairs, h.countries, locale)),
            }
        });
        ExploreState {
            loaded,
            sources,
            index: StoredValue::new(None),
            selection,
            shown,
            headline,
            selected_place,
            selected_pair,
            profile_country,
            card_place,
            span,
            lists: StoredValue::new(Arc::new(lists)),
            announcement,
        }
    }

    /// Runs `f` with the dataset.
    pub fn with_data<T>(&self, f: impl FnOnce(&Dataset) -> T) -> T {
        self.loaded.with_value(|l| f(&l.dataset))
    }

    /// The search index (built the first time it is needed).
    pub fn search_index(&self) -> Arc<SearchIndex> {
        if let Some(index) = self.index.get_value() {
            return index;
        }
        let index = Arc::new(self.with_data(SearchIndex::new));
        self.index.set_value(Some(index.clone()));
        index
    }

    /// Selects what a map marker stands for: a place is selected (its arcs highlighted), a
    /// country's profile opens.
    pub fn select_node(&self, app: AppState, key: NodeKey) {
        match key {
            NodeKey::Place(p) => app.select_place(self.with_data(|d| d.place(p).id.clone())),
            NodeKey::Country(c) => {
                let iso = self.with_data(|d| d.country(c).iso.clone());
                app.navigate(move |u| {
                    u.profile = Some(ProfileRef::Country(iso));
                    u.selected = None;
                    u.pair = None;
                });
                app.request_fit();
            }
        }
    }

    /// Chooses a search suggestion: a place is selected on the map, a country's profile opens.
    pub fn choose_hit(&self, app: AppState, hit: Hit) {
        match hit {
            Hit::Place(p) => {
                let id = self.with_data(|d| d.place(p).id.clone());
                app.navigate(move |u| {
                    u.selected = Some(id);
                    u.pair = None;
                    u.search = None;
                    u.tab = Tab::Map;
                });
            }
            Hit::Country(c) => {
                let iso = self.with_data(|d| d.country(c).iso.clone());
                app.navigate(move |u| {
                    u.profile = Some(ProfileRef::Country(iso));
                    u.search = None;
                });
            }
        }
        app.request_fit();
    }
}

/// The explorer state; provided by [`crate::ui::explorer::Explorer`].
pub fn use_explore() -> ExploreState {
    expect_context::<ExploreState>()
}
