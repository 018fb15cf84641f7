//! Geography. Longitudes and latitudes (degrees, [`LonLat`]), a map view and basemap files
//! (TopoJSON, GeoJSON) enter; projected points (Natural Earth I, Pacific or Atlantic centre,
//! with its inverse), views after a pan or zoom, great-circle arcs cut at the map's edge,
//! decoded and projected basemaps, and the SVG/canvas path strings built from them leave. All
//! pure functions, tested natively. It imports nothing else of the core (every other folder
//! may import it).

pub mod arc;
pub mod basemap;
pub mod projection;
pub mod topo;

/// Longitude and latitude in degrees, always finite and inside their ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    lon_deg: f64,
    lat_deg: f64,
}

impl LonLat {
    /// A coordinate pair, or `None` when either value is not finite or out of range.
    pub fn new(lon_deg: f64, lat_deg: f64) -> Option<LonLat> {
        let ok = lon_deg.is_finite()
            && lat_deg.is_finite()
            && (-180.0..=180.0).contains(&lon_deg)
            && (-90.0..=90.0).contains(&lat_deg);
        ok.then_some(LonLat { lon_deg, lat_deg })
    }

    /// Longitude in degrees, -180 to 180.
    pub fn lon_deg(self) -> f64 {
        self.lon_deg
    }

    /// Latitude in degrees, -90 to 90.
    pub fn lat_deg(self) -> f64 {
        self.lat_deg
    }
}
