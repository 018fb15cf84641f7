//! Where a foreign place goes, and why.
//!
//! The order: a reviewed choice (`data/curated/place_fixes.csv`) first; then the pair sources'
//! own geocodes (Wikipedia, Wikidata); then the gazetteer built from them; then Natural Earth's
//! admin-1 label points and the countrystatecity regions and cities. Every point is checked
//! against its country's outline ([`Borders`]) and a point outside is never used. A name that
//! countrystatecity knows in several places of one country is a homonym: the name's own
//! qualifier ("Richmond, California"), a reviewed row, or a source geocode at one of the
//! candidates picks it, and the choice is recorded ([`Placement::homonym`]). A homonym that
//! nothing picks stays unplaced rather than being put at a guess.

use std::collections::HashMap;
use std::path::Path;

use crate::borders::{Borders, Verdict};
use crate::csc::{Csc, CscPlace, split_qualifier};
use crate::gazetteer::{Admin1, Gazetteer};
use crate::util::{Columns, InputError, distance_km, read_csv};

/// How close a source geocode must be to a gazetteer candidate to count as that candidate, km.
pub const SAME_PLACE_KM: f64 = 40.0;

/// Qualifiers that say a name is a first-level region ("Washington (state)").
const REGION_KINDS: &[&str] = &["state", "province", "region", "prefecture", "oblast", "krai"];

/// A reviewed placement: which gazetteer entry a partner is, or that it stays unplaced.
#[derive(Clone, Debug)]
pub struct PlaceFix {
    /// The gazetteer entry: country and name with its region (`US`, `Richmond, California`);
    /// `None` leaves the place unplaced.
    pub entry: Option<(String, String)>,
    /// Why, with the source that says so.
    pub reason: String,
}

/// Reviewed placements by (country, partner name as the dataset writes it).
pub type PlaceFixes = HashMap<(String, String), PlaceFix>;

/// Reads `place_fixes.csv` (`country,partner,gazetteer,reason`; `gazetteer` is `ISO:Name`
/// or `none`).
pub fn load_fixes(curated: &Path) -> Result<PlaceFixes, InputError> {
    let table = read_csv(&curated.join("place_fixes.csv"))?;
    let c = Columns::new(&table, "place_fixes.csv");
    let (iso_i, partner_i, entry_i, reason_i) =
        (c.index("country")?, c.index("partner")?, c.index("gazetteer")?, c.index("reason")?);
    let mut fixes = PlaceFixes::new();
    for row in &table.rows {
        let entry = match row.get(entry_i) {
            "none" => None,
            text => {
                let (iso, name) = text.split_once(':').ok_or_else(|| {
                    InputError(format!(
                        "place_fixes.csv line {}: gazetteer {text:?} is not ISO:Name or none",
                        row.line
                    ))
                })?;
                Some((iso.to_owned(), name.to_owned()))
            }
        };
        if row.get(reason_i).trim().is_empty() {
            return Err(InputError(format!("place_fixes.csv line {}: no reason", row.line)));
        }
        fixes.insert(
            (row.get(iso_i).to_owned(), row.get(partner_i).to_owned()),
            PlaceFix { entry, reason: row.get(reason_i).to_owned() },
        );
    }
    Ok(fixes)
}

/// What decided a place's point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Basis {
    /// A row of `place_fixes.csv`.
    Reviewed,
    /// The pair sources' geocodes.
    Sources,
    /// The gazetteer of the pair sources' geocodes, by name.
    SourceGazetteer,
    /// Natural Earth's admin-1 label point.
    Admin1,
    /// A countrystatecity region.
    CscRegion,
    /// A countrystatecity city.
    CscCity,
    /// Nothing: see the reason.
    Unplaced,
}

impl Basis {
    /// The word the report and the choices file use.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Reviewed => "reviewed",
            Basis::Sources => "source geocode",
            Basis::SourceGazetteer => "source gazetteer",
            Basis::Admin1 => "Natural Earth admin-1",
            Basis::CscRegion => "countrystatecity region",
            Basis::CscCity => "countrystatecity city",
            Basis::Unplaced => "unplaced",
        }
    }
}

/// A same-named place resolved: the candidates' regions and which one was taken, by what.
#[derive(Clone, Debug, PartialEq)]
pub struct Homonym {
    /// The regions of the same-named cities ("California", "Virginia", …), sorted.
    pub regions: Vec<String>,
    /// The region taken, if any.
    pub chosen: Option<String>,
    /// What chose it: "name", "reviewed", "source geocode".
    pub by: &'static str,
}

/// Where a place goes.
#[derive(Clone, Debug)]
pub struct Placement {
    /// The point, if any.
    pub point: Option<(f64, f64)>,
    /// What decided it.
    pub basis: Basis,
    /// Why there is no point, or the reviewed reason.
    pub reason: String,
    /// Source geocodes dropped because they lie outside the country (point, where it lies).
    pub dropped: Vec<((f64, f64), Option<String>)>,
    /// The homonym choice, when the name has several same-named places.
    pub homonym: Option<Homonym>,
    /// True when the place is a first-level region.
    pub region: bool,
    /// The source geocode lies this far (km) from the one same-named gazetteer city (in this
    /// region): kept, listed for review.
    pub far_from_gazetteer: Option<(String, f64)>,
    /// The GeoNames city a reviewed row names (`geonames:ID`).
    pub geonames: Option<String>,
}

impl Placement {
    fn new(point: Option<(f64, f64)>, basis: Basis, region: bool) -> Placement {
        Placement {
            point,
            basis,
            reason: String::new(),
            dropped: Vec::new(),
            homonym: None,
            region,
            far_from_gazetteer: None,
            geonames: None,
        }
    }
}

/// The gazetteers and outlines a place is placed with.
pub struct Placer {
    pub csc: Csc,
    pub gazetteer: Gazetteer,
    pub admin1: Admin1,
    pub borders: Borders,
    pub fixes: PlaceFixes,
    /// Places whose geocodes may lie outside their country's outline, with the reason
    /// (`data/curated/outside_allowed.csv`: enclaves, small islands, disputed areas).
    pub allowed: HashMap<(String, String), String>,
    /// GeoNames cities with Han-script names (also a gazetteer for reviewed rows).
    pub han: crate::naming::HanNames,
}

/// Reads `outside_allowed.csv` (`country,partner,reason`).
pub fn load_allowed(curated: &Path) -> Result<HashMap<(String, String), String>, InputError> {
    let table = read_csv(&curated.join("outside_allowed.csv"))?;
    let c = Columns::new(&table, "outside_allowed.csv");
    let (iso_i, partner_i, reason_i) =
        (c.index("country")?, c.index("partner")?, c.index("reason")?);
    let mut out = HashMap::new();
    for row in &table.rows {
        if row.get(reason_i).trim().is_empty() {
            return Err(InputError(format!("outside_allowed.csv line {}: no reason", row.line)));
        }
        out.insert(
            (row.get(iso_i).to_owned(), row.get(partner_i).to_owned()),
            row.get(reason_i).to_owned(),
        );
    }
    Ok(out)
}

impl Placer {
    /// Places the partner `name` of country `iso`. `region` says the partner is a first-level
    /// division; `sources` are the pair sources' geocodes of it.
    pub fn place(&self, iso: &str, name: &str, region: bool, sources: &[(f64, f64)]) -> Placement {
        if let Some(fix) = self.fixes.get(&(iso.to_owned(), name.to_owned())) {
            return self.reviewed(iso, name, region, fix);
        }
        let allowed = self.allowed.get(&(iso.to_owned(), name.to_owned()));
        let exact_ok = sources.is_empty() && self.gazetteer.lookup(iso, name).is_empty();
        let state_point = self.admin1.lookup(iso, name, exact_ok);
        // "Washington (state)": the qualifier says what it is, not where.
        let kind_word = split_qualifier(name)
            .1
            .is_some_and(|q| REGION_KINDS.contains(&q.to_lowercase().as_str()));
        let region = region || kind_word || state_point.is_some();
        let (inside, dropped) = match allowed {
            Some(_) => (sources.to_vec(), Vec::new()),
            None => self.inside(iso, sources),
        };
        let mut placement = if region {
            self.place_region(iso, name, &inside, state_point)
        } else {
            self.place_city(iso, name, &inside)
        };
        placement.dropped = dropped;
        if let Some(reason) = allowed {
            placement.reason = format!("allowed outside the outline: {reason}");
        }
        placement
    }

    fn reviewed(&self, iso: &str, name: &str, region: bool, fix: &PlaceFix) -> Placement {
        let geonames = fix
            .entry
            .as_ref()
            .filter(|(g_iso, _)| g_iso == "geonames")
            .and_then(|(_, id)| self.han.by_id(id));
        let found = fix.entry.as_ref().and_then(|(g_iso, g_name)| {
            let region_hit = self.csc.region(g_iso, g_name);
            let city_hit = self.csc.city(g_iso, g_name).ok().flatten();
            if region { region_hit.or(city_hit) } else { city_hit.or(region_hit) }
        });
        let point = found.map(|c| c.point).or(geonames.map(|g| g.point));
        let mut p = Placement::new(point, Basis::Reviewed, region);
        p.geonames = geonames.map(|g| g.id.clone());
        p.reason = match (&fix.entry, point) {
            (Some((g_iso, g_name)), None) => {
                format!("reviewed entry {g_iso}:{g_name} is not in the gazetteer")
            }
            _ => fix.reason.clone(),
        };
        let candidates = self.homonyms(iso, name);
        if candidates.len() > 1 {
            p.homonym = Some(Homonym {
                regions: regions(&candidates),
                chosen: found.map(|c| c.state_name.clone()),
                by: "reviewed",
            });
        }
        if point.is_none() {
            p.basis = Basis::Unplaced;
        }
        p
    }

    /// The source geocodes inside the country, and those dropped with where they lie.
    #[allow(clippy::type_complexity)]
    fn inside(
        &self,
        iso: &str,
        points: &[(f64, f64)],
    ) -> (Vec<(f64, f64)>, Vec<((f64, f64), Option<String>)>) {
        let mut inside = Vec::new();
        let mut dropped = Vec::new();
        for &p in points {
            match self.borders.check(iso, p) {
                Verdict::Outside(land) => dropped.push((p, land)),
                _ => inside.push(p),
            }
        }
        (inside, dropped)
    }

    fn ok(&self, iso: &str, point: (f64, f64)) -> bool {
        self.borders.check(iso, point).ok()
    }

    fn place_region(
        &self,
        iso: &str,
        name: &str,
        sources: &[(f64, f64)],
        state_point: Option<(f64, f64)>,
    ) -> Placement {
        if let Some(p) = state_point.filter(|p| self.ok(iso, *p)) {
            return Placement::new(Some(p), Basis::Admin1, true);
        }
        if let Some(point) = crate::china::mode(sources) {
            return Placement::new(Some(point), Basis::Sources, true);
        }
        let main = split_qualifier(name).0;
        let found = self.csc.region(iso, name).or_else(|| self.csc.region(iso, main));
        if let Some(r) = found.filter(|r| self.ok(iso, r.point)) {
            return Placement::new(Some(r.point), Basis::CscRegion, true);
        }
        let mut p = Placement::new(None, Basis::Unplaced, true);
        p.reason = "a region no gazetteer names".to_owned();
        p
    }

    fn place_city(&self, iso: &str, name: &str, sources: &[(f64, f64)]) -> Placement {
        let candidates = self.homonyms(iso, name);
        let named = self.csc.city(iso, name);
        let by_name = matches!(named, Ok(Some(_))) && split_qualifier(name).1.is_some();
        if candidates.len() > 1 {
            // A homonym: the name's qualifier, else a source geocode at one of the candidates,
            // else the gazetteer of the sources' geocodes when it knows only one of them.
            let at_candidate = |points: &[(f64, f64)]| -> Vec<&CscPlace> {
                let mut hit: Vec<&CscPlace> = candidates
                    .iter()
                    .copied()
                    .filter(|c| points.iter().any(|s| distance_km(c.point, *s) < SAME_PLACE_KM))
                    .collect();
                hit.dedup_by(|a, b| a.point == b.point);
                hit
            };
            let known: Vec<(f64, f64)> =
                self.gazetteer.lookup(iso, name).into_iter().filter(|p| self.ok(iso, *p)).collect();
            let pick = match named {
                Ok(Some(c)) if by_name => Some((c, "name")),
                _ => match (at_candidate(sources).as_slice(), at_candidate(&known).as_slice()) {
                    ([one], _) => Some((*one, "source geocode")),
                    ([], _) if !sources.is_empty() => {
                        // The sources place it at none of the listed namesakes (Halle an der
                        // Saale is not in countrystatecity): their geocode stands, recorded.
                        let mut p =
                            Placement::new(crate::china::mode(sources), Basis::Sources, false);
                        p.homonym = Some(Homonym {
                            regions: regions(&candidates),
                            chosen: None,
                            by: "source geocode, not a listed namesake",
                        });
                        return p;
                    }
                    ([], [one]) => Some((*one, "source gazetteer")),
                    _ => None,
                },
            };
            let homonym = Homonym {
                regions: regions(&candidates),
                chosen: pick.map(|(c, _)| c.state_name.clone()),
                by: pick.map_or("", |(_, by)| by),
            };
            let mut p = match pick {
                Some((c, "name")) => Placement::new(Some(c.point), Basis::CscCity, false),
                Some((c, by)) => {
                    let evidence = if by == "source geocode" { sources } else { &known };
                    let near: Vec<(f64, f64)> = evidence
                        .iter()
                        .copied()
                        .filter(|s| distance_km(c.point, *s) < SAME_PLACE_KM)
                        .collect();
                    let basis = if by == "source geocode" {
                        Basis::Sources
                    } else {
                        Basis::SourceGazetteer
                    };
                    Placement::new(crate::china::mode(&near), basis, false)
                }
                None => {
                    let mut p = Placement::new(None, Basis::Unplaced, false);
                    p.reason = format!(
                        "{} same-named places ({}) and no source names which",
                        candidates.len(),
                        homonym.regions.join(", ")
                    );
                    p
                }
            };
            p.homonym = Some(homonym);
            return p;
        }
        if let Some(point) = crate::china::mode(sources) {
            let mut p = Placement::new(Some(point), Basis::Sources, false);
            if let Ok(Some(c)) = named {
                let km = distance_km(c.point, point);
                if km > SAME_PLACE_KM {
                    p.far_from_gazetteer = Some((c.state_name.clone(), km));
                }
            }
            return p;
        }
        let known: Vec<(f64, f64)> =
            self.gazetteer.lookup(iso, name).into_iter().filter(|p| self.ok(iso, *p)).collect();
        if let Some(point) = crate::china::mode(&known) {
            return Placement::new(Some(point), Basis::SourceGazetteer, false);
        }
        if let Ok(Some(c)) = named
            && self.ok(iso, c.point)
        {
            return Placement::new(Some(c.point), Basis::CscCity, false);
        }
        if let Some(r) = self.csc.region(iso, name).filter(|r| self.ok(iso, r.point)) {
            return Placement::new(Some(r.point), Basis::CscRegion, true);
        }
        let mut p = Placement::new(None, Basis::Unplaced, false);
        p.reason = "no geocode in the sources and no gazetteer entry of that name".to_owned();
        p
    }

    /// The same-named cities of a name (without its qualifier) in a country, one per town
    /// (entries a few km apart are one town).
    pub fn homonyms(&self, iso: &str, name: &str) -> Vec<&CscPlace> {
        let base = split_qualifier(name).0;
        let mut out: Vec<&CscPlace> = Vec::new();
        for c in self.csc.cities_named(iso, base) {
            if out.iter().all(|o| distance_km(o.point, c.point) >= SAME_PLACE_KM) {
                out.push(c);
            }
        }
        out
    }
}

fn regions(candidates: &[&CscPlace]) -> Vec<String> {
    let mut r: Vec<String> = candidates.iter().map(|c| c.state_name.clone()).collect();
    r.sort();
    r.dedup();
    r
}

/// The record of every placement that needed a choice (`docs/place-choices.csv`): homonyms,
/// reviewed rows, dropped geocodes, places from a gazetteer rather than the sources, and the
/// unplaced, one row each.
pub fn choices_csv(placements: &[(String, String, String, Placement)]) -> String {
    use youcheng::model::read::csv::push_row;
    let mut out = String::from(
        "id,country,name,lat,lon,basis,same_named_in,chosen,chosen_by,dropped_geocodes,gazetteer_city_km,reason\n",
    );
    for (id, iso, name, p) in placements {
        if p.basis == Basis::Sources
            && p.homonym.is_none()
            && p.dropped.is_empty()
            && p.far_from_gazetteer.is_none()
            && p.reason.is_empty()
        {
            continue;
        }
        let (lat, lon) = p.point.map_or((String::new(), String::new()), |(a, b)| {
            (format!("{}", crate::util::round3(a)), format!("{}", crate::util::round3(b)))
        });
        let h = p.homonym.as_ref();
        let dropped: Vec<String> = p
            .dropped
            .iter()
            .map(|((a, b), land)| {
                format!("{a:.3} {b:.3} in {}", land.as_deref().unwrap_or("the sea"))
            })
            .collect();
        let fields = [
            id.as_str(),
            iso,
            name,
            &lat,
            &lon,
            p.basis.label(),
            &h.map(|h| h.regions.join("; ")).unwrap_or_default(),
            h.and_then(|h| h.chosen.as_deref()).unwrap_or(""),
            h.map_or("", |h| h.by),
            &dropped.join("; "),
            &p.far_from_gazetteer
                .as_ref()
                .map(|(r, km)| format!("{km:.0} ({r})"))
                .unwrap_or_default(),
            &p.reason,
        ];
        push_row(&mut out, &fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placer() -> Placer {
        let raw = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
        let countries = crate::countries::Countries::load(&raw).expect("countries");
        Placer {
            csc: Csc::load(&raw).expect("csc"),
            gazetteer: Gazetteer::load(&raw, &countries).expect("gazetteer"),
            admin1: Admin1::load(&raw).expect("admin1"),
            borders: Borders::load(&raw).expect("borders"),
            fixes: PlaceFixes::new(),
            allowed: HashMap::new(),
            han: crate::naming::HanNames::load(&raw).expect("han names"),
        }
    }

    #[test]
    fn a_geocode_in_another_country_is_dropped_for_the_gazetteer() {
        let p = placer();
        // Ipswich, Queensland, geocoded to Ipswich, England by a source.
        let placed = p.place("AU", "Ipswich", false, &[(52.059, 1.155)]);
        assert_eq!(placed.dropped.len(), 1);
        assert_eq!(placed.dropped[0].1.as_deref(), Some("GB"));
        let (lat, lon) = placed.point.expect("placed");
        assert!(lat < -20.0 && lon > 150.0, "in Queensland: {lat} {lon}");
    }

    #[test]
    fn a_homonym_is_taken_by_its_qualifier_or_a_source_geocode_and_recorded() {
        let p = placer();
        let ca = p.place("US", "Richmond, California", false, &[]);
        assert_eq!(ca.homonym.as_ref().map(|h| h.by), Some("name"));
        assert!(ca.point.expect("placed").1 < -120.0, "on the west coast");
        let va = p.place("US", "Richmond", false, &[(37.54, -77.43)]);
        let h = va.homonym.expect("a homonym");
        assert_eq!((h.chosen.as_deref(), h.by), (Some("Virginia"), "source geocode"));
        // No source geocode: the sources' gazetteer knows one Richmond only (Virginia).
        let known = p.place("US", "Richmond", false, &[]);
        assert_eq!(known.homonym.map(|h| h.by), Some("source gazetteer"));
        // Fourteen Monticellos and nothing to say which: unplaced, with the reason.
        let none = p.place("US", "Monticello", false, &[]);
        assert_eq!(none.point, None);
        assert!(none.reason.contains("14 same-named"), "{}", none.reason);
    }

    #[test]
    fn regions_are_placed_as_regions() {
        let p = placer();
        let ni = p.place("DE", "Lower Saxony", true, &[]);
        assert!(ni.point.is_some() && ni.region);
    }
}
