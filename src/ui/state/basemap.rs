//! Loading the basemap of the current map profile: a resource, and the states derived from it.

use std::sync::Arc;

use leptos::prelude::*;

use super::loading::FETCH_TIMEOUT_SECONDS;
use crate::model::geo::basemap::{Basemap, MapProfile, basemap_files, decode_basemap};
use crate::model::show::failure::Failure;
use crate::ui::fetch::fetch_text;

/// A decoded basemap and its profile.
#[derive(Clone, Debug)]
pub struct LoadedBasemap {
    /// Which profile.
    pub profile: MapProfile,
    /// The decoded outlines.
    pub map: Arc<Basemap>,
}

impl PartialEq for LoadedBasemap {
    fn eq(&self, other: &Self) -> bool {
        self.profile == other.profile && Arc::ptr_eq(&self.map, &other.map)
    }
}

/// The basemap of the current profile.
#[derive(Clone, Copy)]
pub struct BasemapState {
    /// The basemap, once loaded (always the current profile's).
    pub loaded: Memo<Option<LoadedBasemap>>,
    /// Why it could not be loaded.
    pub failure: Memo<Option<Failure>>,
}

impl BasemapState {
    /// Loads the basemap of `profile` (again whenever it changes).
    pub fn new(profile: Memo<MapProfile>) -> BasemapState {
        let resource = LocalResource::new(move || {
            let profile = profile.get();
            async move { load_basemap(profile).await }
        });
        let loaded = Memo::new(move |_| {
            resource.get().and_then(Result::ok).filter(|b| b.profile == profile.get())
        });
        let failure = Memo::new(move |_| resource.get().and_then(Result::err));
        BasemapState { loaded, failure }
    }
}

/// Fetches a profile's basemap files at once (boot.js has usually preloaded them) and decodes
/// them.
async fn load_basemap(profile: MapProfile) -> Result<LoadedBasemap, Failure> {
    let [world, provinces, extras] = basemap_files(profile);
    let fetch = |url: Option<&'static str>| async move {
        match url {
            Some(u) => fetch_text(u, FETCH_TIMEOUT_SECONDS).await.map(Some),
            None => Ok(None),
        }
    };
    let (world, provinces, extras) = futures::join!(fetch(world), fetch(provinces), fetch(extras));
    let (world, provinces, extras) = (world?, provinces?, extras?);
    let map = decode_basemap(
        world.as_deref().unwrap_or_default(),
        provinces.as_deref().unwrap_or_default(),
        extras.as_deref(),
    )?;
    Ok(LoadedBasemap { profile, map: Arc::new(map) })
}
