//! The coordinate audit of the shipped file: every foreign place with a point lies inside its
//! country's outline (or within [`crate::borders::NEAR_KM`] of it), unless
//! `data/curated/outside_allowed.csv` names it with a reason (enclaves, small islands, disputed
//! areas). It runs as a native test on the committed `public/data/partnerships.json`, so a
//! change to the builder or its inputs that misplaces a town fails `make test`.

use std::collections::HashMap;

use crate::borders::{Borders, Verdict};

/// A foreign place of the built file, as the audit sees it.
pub struct AuditPlace {
    pub id: String,
    pub name: String,
    pub country: String,
    pub point: Option<(f64, f64)>,
}

/// The foreign places whose point lies outside their country, with where it lies; places
/// allowed by (country, name) are left out.
pub fn outside(
    places: &[AuditPlace],
    borders: &Borders,
    allowed: &HashMap<(String, String), String>,
) -> Vec<(String, Option<String>)> {
    places
        .iter()
        .filter(|p| p.country != "CN")
        .filter(|p| !allowed.contains_key(&(p.country.clone(), p.name.clone())))
        .filter_map(|p| match borders.check(&p.country, p.point?) {
            Verdict::Outside(land) => Some((p.id.clone(), land)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    fn shipped() -> Vec<AuditPlace> {
        let text = std::fs::read_to_string(root().join("public/data/partnerships.json"))
            .expect("the built file");
        let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
        youcheng::model::format::ids::expand_compact(&mut json);
        json["places"]
            .as_array()
            .expect("places")
            .iter()
            .map(|p| AuditPlace {
                id: p["id"].as_str().unwrap_or_default().to_owned(),
                name: p["en"].as_str().unwrap_or_default().to_owned(),
                country: p["country"].as_str().unwrap_or_default().to_owned(),
                point: p["lat"].as_f64().zip(p["lon"].as_f64()),
            })
            .collect()
    }

    #[test]
    fn every_foreign_place_lies_in_its_country_or_is_allowed_with_a_reason() {
        let raw = root().join("data/raw");
        let borders = Borders::load(&raw).expect("outlines");
        let allowed = crate::placing::load_allowed(&root().join("data/curated")).expect("allowed");
        let places = shipped();
        assert!(places.len() > 2000, "the shipped file has its places");
        assert_eq!(outside(&places, &borders, &allowed), Vec::new());
    }

    #[test]
    fn the_audit_catches_a_town_put_in_another_country() {
        let raw = root().join("data/raw");
        let borders = Borders::load(&raw).expect("outlines");
        let ipswich = AuditPlace {
            id: "au-ipswich".to_owned(),
            name: "Ipswich".to_owned(),
            country: "AU".to_owned(),
            point: Some((52.059, 1.155)),
        };
        let found = outside(&[ipswich], &borders, &HashMap::new());
        assert_eq!(found, vec![("au-ipswich".to_owned(), Some("GB".to_owned()))]);
    }

    /// The misplacements found while harvesting stay fixed: each place in its country and
    /// region (a box around the right town), and the duplicates merged.
    #[test]
    fn the_places_the_harvest_found_wrong_stay_fixed() {
        let places = shipped();
        let at = |id: &str| {
            places
                .iter()
                .find(|p| p.id == id)
                .unwrap_or_else(|| panic!("{id} is in the file"))
                .point
                .unwrap_or_else(|| panic!("{id} has a point"))
        };
        let within = |id: &str, (lat, lon): (f64, f64), km: f64| {
            let d = crate::util::distance_km(at(id), (lat, lon));
            assert!(d < km, "{id} is {d:.0} km from where it belongs");
        };
        within("au-ipswich", (-27.61, 152.76), 30.0);
        within("nz-hastings", (-39.64, 176.84), 30.0);
        within("au-perth", (-31.95, 115.86), 30.0);
        within("gb-perth", (56.40, -3.43), 30.0);
        within("us-alhambra-california", (34.09, -118.13), 30.0);
        within("us-greenwich-connecticut", (41.03, -73.63), 30.0);
        within("ca-london", (42.98, -81.25), 30.0);
        within("kr-anyang", (37.39, 126.93), 30.0);
        within("gb-bury", (53.59, -2.30), 30.0);
        within("fr-saint-denis", (-20.88, 55.45), 30.0);
        within("us-richmond-california", (37.94, -122.35), 30.0);
        within("us-wilmington-north-carolina", (34.23, -77.94), 30.0);
        within("us-wilmington-delaware", (39.74, -75.55), 30.0);
        within("us-columbia-missouri", (38.95, -92.33), 30.0);
        within("us-rochester-minnesota", (44.02, -92.47), 30.0);
        within("us-rochester-new-york", (43.16, -77.61), 30.0);
        within("jp-chuo-yamanashi", (35.60, 138.52), 30.0);
        within("jp-showa-yamanashi", (35.63, 138.54), 30.0);
        within("jp-sukagawa", (37.29, 140.37), 30.0);
        let ids: Vec<&str> = places.iter().map(|p| p.id.as_str()).collect();
        for gone in [
            "kz-nur-sultan",
            "in-bangalore",
            "de-brunswick",
            "de-giessen-2",
            "au-moreland",
            "kp-nampho",
            "au-city-of-perth",
            "by-sovetsky-district",
            "by-sovetsky-district-minsk",
            "kr-seoul-seocho",
            "ca-richmond",
        ] {
            assert!(!ids.contains(&gone), "{gone} is merged into its other spelling");
        }
        // Homonyms nothing decides stay off the map rather than at a guess.
        for id in ["us-kent", "us-norwich", "jp-shibata-miyagi"] {
            assert!(places.iter().any(|p| p.id == id && p.point.is_none()), "{id} unplaced");
        }
    }
}
