//! Foreign places (rule 4 of [`super`]): one record per partner, with its id, level, Chinese
//! name and coordinates, placed by [`crate::placing`] from the reviewed rows, the sources'
//! geocodes and the gazetteers, never invented.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use youcheng::model::format::schema::WirePlace;

use super::gather::PartnerAcc;
use super::names::{Namers, chinese_name, foreign_level};
use crate::china::China;
use crate::countries::Countries;
use crate::mainland::{FormOutcomes, Mainland};
use crate::naming::RegionNames;
use crate::placing::{Placement, Placer};
use crate::util::{InputError, round3, slug};

/// The foreign places and what the report says of them.
pub struct Foreign {
    /// One record per partner.
    pub places: Vec<WirePlace>,
    /// Each partner's place id, by (country, name).
    pub ids: HashMap<(String, String), String>,
    /// Places without coordinates, with the reason.
    pub unplaced: Vec<(String, String)>,
    /// Names that one spelling uses for places more than 100 km apart.
    pub spread_names: Vec<(String, f64)>,
    /// How each place was placed, by id, with its country and name.
    pub placements: Vec<(String, String, String, Placement)>,
    /// Every place's Chinese name and where it comes from: (id, English, Chinese, source).
    pub chinese_names: Vec<(String, String, String, String)>,
    /// What became of each mainland-form row, and the rows no place used.
    pub forms: (FormOutcomes, Vec<String>),
}

/// Step 3: a place for every foreign partner, its id unique beside the Chinese places'.
pub fn foreign_places(
    (raw, curated): (&Path, &Path),
    partners: &BTreeMap<(String, String), PartnerAcc>,
    china: &China,
    placer: &Placer,
    countries: &Countries,
    foreign_states: &BTreeSet<(String, String)>,
) -> Result<Foreign, InputError> {
    let mut foreign: Vec<WirePlace> = Vec::new();
    let mut foreign_ids: HashMap<(String, String), String> = HashMap::new();
    let mut used_ids: BTreeSet<String> = china.places.keys().cloned().collect();
    let mut unplaced_foreign = Vec::new();
    let mut spread_names = Vec::new();
    let mut placements = Vec::new();
    let mut chinese_names = Vec::new();
    let regions = RegionNames::load(raw)?;
    let mainland = Mainland::load(raw, curated)?;
    let kstars = crate::kstars::KstarsNames::load(raw, countries)?;
    let namers =
        Namers { placer, countries, regions: &regions, mainland: &mainland, kstars: &kstars };
    let mut outcomes = FormOutcomes::new();
    for ((iso, name), acc) in partners {
        let base = format!("{}-{}", iso.to_ascii_lowercase(), slug(name));
        let mut id = base.clone();
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used_ids.insert(id.clone());
        foreign_ids.insert((iso.clone(), name.clone()), id.clone());
        let points = &acc.coords;
        if let (Some(min), Some(max)) = (
            points.iter().map(|p| p.0).reduce(f64::min),
            points.iter().map(|p| p.0).reduce(f64::max),
        ) {
            let spread = crate::util::distance_km((min, 0.0), (max, 0.0));
            if spread > 100.0 {
                spread_names.push((format!("{name} ({iso})"), spread));
            }
        }
        let region = acc.region || foreign_level(name, iso, foreign_states) == "state";
        let placement = placer.place(iso, name, region, points);
        let point = placement.point;
        if point.is_none() {
            unplaced_foreign.push((id.clone(), placement.reason.clone()));
        }
        let is_region = placement.region;
        let most_common = |m: &BTreeMap<String, usize>| {
            m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| k.clone())
        };
        let zh = chinese_name(
            iso,
            name,
            (most_common(&acc.zh_names), most_common(&acc.local_names)),
            &placement,
            &namers,
            &mut outcomes,
        );
        chinese_names.push((
            id.clone(),
            name.clone(),
            zh.as_ref().map(|z| z.0.clone()).unwrap_or_default(),
            zh.as_ref().map(|z| z.1.clone()).unwrap_or_default(),
        ));
        placements.push((id.clone(), iso.clone(), name.clone(), placement));
        foreign.push(WirePlace {
            id,
            en: name.clone(),
            zh: zh.map(|z| z.0),
            local: most_common(&acc.local_names),
            py: None,
            level: if is_region { "state" } else { foreign_level(name, iso, foreign_states) }
                .to_owned(),
            parent: None,
            country: iso.clone(),
            lat: point.map(|p| round3(p.0)),
            lon: point.map(|p| round3(p.1)),
            code: None,
            // Foreign Wikidata ids are left out to keep the file within its size budget.
            wikidata: None,
        });
    }

    Ok(Foreign {
        places: foreign,
        ids: foreign_ids,
        unplaced: unplaced_foreign,
        spread_names,
        placements,
        chinese_names,
        forms: {
            let unused = mainland.unused_rows(&outcomes);
            (outcomes, unused)
        },
    })
}
