//! Is a place where its country is? The Natural Earth outlines the app ships (de facto
//! borders, 1:50m) answer for every coordinate the builder gives a foreign place; the audit
//! (`audit`) checks the built file the same way.

use std::path::Path;

use youcheng::model::geo::basemap::{Basemap, decode_basemap};

use crate::util::{InputError, read_text};

/// How far outside its simplified outline a coastal or border place may lie, in km.
pub const NEAR_KM: f64 = 25.0;

/// Where a point lies relative to its country.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Inside the country's outline.
    Inside,
    /// Outside, but within [`NEAR_KM`] of it (the outline is simplified).
    Near,
    /// Outside: in another country (its key), or in the sea.
    Outside(Option<String>),
    /// The basemap has no outline for the country (a small island state).
    NoOutline,
}

impl Verdict {
    /// True when the point may stand.
    pub fn ok(&self) -> bool {
        matches!(self, Verdict::Inside | Verdict::Near | Verdict::NoOutline)
    }
}

/// The country outlines.
pub struct Borders {
    map: Basemap,
}

impl Borders {
    /// Reads the shipped de facto world outlines from `data/raw/basemaps`.
    pub fn load(raw: &Path) -> Result<Borders, InputError> {
        let dir = raw.join("basemaps/simplified");
        let world = read_text(&dir.join("world_50m_de_facto.topo.json"))?;
        let provinces = read_text(&dir.join("china_provinces_50m_de_facto.topo.json"))?;
        let map = decode_basemap(&world, &provinces, None)
            .map_err(|e| InputError(format!("world outlines: {e}")))?;
        Ok(Borders { map })
    }

    /// Where (lat, lon) lies relative to the country `iso`.
    pub fn check(&self, iso: &str, (lat, lon): (f64, f64)) -> Verdict {
        let Some(country) = self.map.countries.iter().find(|c| c.key == iso) else {
            return Verdict::NoOutline;
        };
        let inside = |c: &youcheng::model::geo::basemap::Outline| {
            c.polygons
                .iter()
                .any(|rings| youcheng::model::geo::topo::polygon_contains(rings, lon, lat))
        };
        if inside(country) {
            return Verdict::Inside;
        }
        let near = country
            .polygons
            .iter()
            .flatten()
            .any(|ring| ring.windows(2).any(|w| segment_km((lat, lon), w[0], w[1]) < NEAR_KM));
        if near {
            return Verdict::Near;
        }
        Verdict::Outside(self.map.countries.iter().find(|c| inside(c)).map(|c| c.key.clone()))
    }
}

/// Distance in km from a point to a segment of an outline (lon/lat ends), on a local flat
/// projection (good to a few percent at the distances that matter here).
fn segment_km((lat, lon): (f64, f64), a: [f64; 2], b: [f64; 2]) -> f64 {
    let k = lat.to_radians().cos();
    let (ax, ay) = ((a[0] - lon) * k, a[1] - lat);
    let (bx, by) = ((b[0] - lon) * k, b[1] - lat);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0) };
    let (px, py) = (ax + t * dx, ay + t * dy);
    (px * px + py * py).sqrt() * 111.2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_checked_against_their_country() {
        let b = Borders::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw"))
            .expect("outlines");
        assert_eq!(b.check("JP", (34.685, 135.805)), Verdict::Inside, "Nara");
        // Ipswich, Queensland, put in England by a same-named town's geocode.
        assert_eq!(b.check("AU", (52.059, 1.155)), Verdict::Outside(Some("GB".to_owned())));
        assert!(b.check("AU", (-27.614, 152.759)).ok());
        // Kobe's port and Attica's label point: just off the simplified coast.
        assert!(b.check("JP", (34.66, 135.21)).ok());
        assert_eq!(b.check("GR", (37.756, 23.667)), Verdict::Near);
        // Sukagawa as one source geocodes it, in the Pacific east of Miyagi.
        assert_eq!(b.check("JP", (38.322, 142.369)), Verdict::Outside(None));
    }
}
