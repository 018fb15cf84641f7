//! The bundled dataset and basemaps as the map tests read them, and the map sizes the layout
//! gives on a phone and a laptop.
#![allow(clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;

use youcheng::model::ask::query::MapProfile;
use youcheng::model::format::dataset::{CountryIdx, Dataset, PairIdx};
use youcheng::model::format::load::load;
use youcheng::model::geo::LonLat;
use youcheng::model::geo::basemap::{country_points, decode_basemap};
use youcheng::model::geo::projection::Viewport;
use youcheng::model::show::map::country_anchors;

/// The map element's drawing size at 390 × 844 and 1280 × 720 (measured in Chromium on the
/// release build, first screen, English), and the part the selection sheet covers.
pub const PHONE: Viewport = Viewport { width: 372.0, height: 542.0 };
/// See [`PHONE`].
pub const LAPTOP: Viewport = Viewport { width: 934.0, height: 491.0 };

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of `public/data` (the bundled dataset's files), as text.
pub fn data_file(name: &str) -> String {
    std::fs::read_to_string(root().join("public/data").join(name)).expect("bundled file")
}

/// Every partnership of `d`, in order.
pub fn all_pairs(d: &Dataset) -> Vec<PairIdx> {
    (0..d.partnerships().len()).map(|i| PairIdx(i as u32)).collect()
}

pub fn dataset() -> Dataset {
    let text = std::fs::read_to_string(root().join("public/data/partnerships.json"))
        .expect("the bundled dataset");
    load(&text).expect("loads").dataset
}

pub fn anchors(d: &Dataset, profile: MapProfile) -> HashMap<CountryIdx, LonLat> {
    let dir = root().join("public/data/basemap");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("basemap file");
    let map = match profile {
        MapProfile::China => decode_basemap(
            &read("world-china.topo.json"),
            &read("provinces-china.topo.json"),
            Some(&read("china-extras.geojson")),
        ),
        MapProfile::Neutral => decode_basemap(
            &read("world-neutral.topo.json"),
            &read("provinces-neutral.topo.json"),
            None,
        ),
    }
    .expect("basemap decodes");
    country_anchors(d, &country_points(&map), profile)
}
