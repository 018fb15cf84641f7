//! Geography: coordinates, map projections, great-circle arcs, basemap decoding and the
//! SVG/canvas path strings built from them. All pure functions, tested natively.

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
