//! Showing the answers. A dataset, a selection, the URL state and the UI language enter; what
//! the panels show leaves, worked out here so that the browser only draws it: the map's scene
//! and arc batches, chart specs drawn once against plotters' `DrawingBackend`, profiles, rows
//! and stories in words, filters in words, exports (CSV, partnership JSON, GeoJSON, PNG
//! metadata), colours, and the words of a failure. It imports `format`, `geo`, `i18n`, `ask`
//! and the CSV writer of `read`; nothing else in the core imports it, and like all of the
//! core it never imports a browser crate.

pub mod charts;
pub mod counted;
pub mod describe;
pub mod export;
pub mod failure;
pub mod first_view;
pub mod first_view_panels;
pub mod flows;
pub mod labels;
pub mod map;
pub mod map_draw;
pub mod map_export;
pub mod path_cache;
pub mod png;
pub mod profile;
pub mod rows;
pub mod stories;
pub mod theme;
