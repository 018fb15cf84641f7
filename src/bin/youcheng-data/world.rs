//! The worldwide dataset: every pair of the Wikipedia scrape (Hekman/twincities, about 26,000
//! geocoded pairs), converted to the app's format. Optional: it is for exploring the whole
//! network and for measuring the app at scale; types and dates are unknown throughout.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use youcheng::model::format::schema::{
    WireFile, WireHeader, WirePair, WirePlace, WireSource, WireText, format_version,
};

use crate::china::mode;
use crate::countries::Countries;
use crate::util::{Columns, InputError, read_csv, round3, short_id, slug};

/// The world dataset and how many rows were dropped (unknown country).
pub fn build_world(raw: &Path, dataset_date: &str) -> Result<(WireFile, usize), InputError> {
    let countries = Countries::load(raw)?;
    let table = read_csv(&raw.join("hekman-twincities/twin_cities_geocoded.csv"))?;
    let c = Columns::new(&table, "twin_cities_geocoded.csv");
    let sides = [
        (c.index("city1")?, c.index("country1")?, c.index("lat1")?, c.index("lng1")?),
        (c.index("city2")?, c.index("country2")?, c.index("lat2")?, c.index("lng2")?),
    ];
    let mut points: BTreeMap<(String, String), Vec<(f64, f64)>> = BTreeMap::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut dropped = 0;
    'rows: for row in &table.rows {
        let mut ends = Vec::with_capacity(2);
        for (name_i, country_i, lat_i, lon_i) in sides {
            let name = row.get(name_i).trim();
            let Some(iso) = countries.resolve(row.get(country_i)) else {
                dropped += 1;
                continue 'rows;
            };
            if name.is_empty() {
                dropped += 1;
                continue 'rows;
            }
            let key = (iso, name.to_owned());
            if let (Ok(lat), Ok(lon)) =
                (row.get(lat_i).parse::<f64>(), row.get(lon_i).parse::<f64>())
            {
                points.entry(key.clone()).or_default().push((lat, lon));
            }
            ends.push(key);
        }
        rows.push((ends[0].clone(), ends[1].clone()));
    }
    let mut ids: HashMap<(String, String), String> = HashMap::new();
    let mut used = BTreeSet::new();
    let mut places = Vec::with_capacity(points.len());
    for ((iso, name), list) in &points {
        let base = format!("{}-{}", iso.to_ascii_lowercase(), slug(name));
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        ids.insert((iso.clone(), name.clone()), id.clone());
        let point = mode(list);
        places.push(WirePlace {
            id,
            en: name.clone(),
            zh: None,
            local: None,
            py: None,
            level: "city".to_owned(),
            parent: None,
            country: iso.clone(),
            lat: point.map(|p| round3(p.0)),
            lon: point.map(|p| round3(p.1)),
            code: None,
            wikidata: None,
        });
    }
    let mut seen = BTreeSet::new();
    let mut pair_ids = BTreeSet::new();
    let mut pairs = Vec::with_capacity(rows.len());
    for (home, partner) in rows {
        let (Some(home_id), Some(partner_id)) = (ids.get(&home), ids.get(&partner)) else {
            continue;
        };
        if home_id == partner_id {
            continue;
        }
        let key = if home_id < partner_id {
            (home_id.clone(), partner_id.clone())
        } else {
            (partner_id.clone(), home_id.clone())
        };
        if !seen.insert(key.clone()) {
            continue;
        }
        // A 7-character hash collides about once in 25,000 pairs: lengthen until unique.
        let text = format!("{}|{}", key.0, key.1);
        let mut len = 7;
        let mut id = short_id("w", &text, len);
        while !pair_ids.insert(id.clone()) {
            len += 1;
            id = short_id("w", &text, len);
        }
        pairs.push(WirePair {
            id,
            home: home_id.clone(),
            partner: partner_id.clone(),
            kind: "unknown".to_owned(),
            status: "active".to_owned(),
            est: None,
            est_basis: None,
            ended: None,
            src: vec!["wp-hekman".to_owned()],
            note: None,
            history: Vec::new(),
            alt: Vec::new(),
            disputed: None,
        });
    }
    pairs.sort_by(|a, b| a.id.cmp(&b.id));
    let used_countries: BTreeSet<&str> = places.iter().map(|p| p.country.as_str()).collect();
    let file = WireFile {
        format: youcheng::model::format::load::FORMAT_NAME.to_owned(),
        version: format_version(),
        dataset: WireHeader {
            id: "world".to_owned(),
            version: dataset_date.to_owned(),
            date: Some(dataset_date.to_owned()),
            title: WireText {
                en: "Twin towns and sister cities worldwide (Wikipedia)".to_owned(),
                zh: Some("全球友好城市（维基百科）".to_owned()),
            },
            focus: None,
            licence: Some("CC BY-SA 4.0".to_owned()),
            attribution: vec![WireText {
                en: "Wikipedia, “List of twin towns and sister cities in …” pages, © Wikipedia contributors, CC BY-SA 4.0, scraped and geocoded by Hekman/twincities (MIT code; geocodes from the Wikipedia API and OpenStreetMap Nominatim, ODbL)".to_owned(),
                zh: Some("维基百科各国“友好城市列表”页面，© 维基百科贡献者，CC BY-SA 4.0，由Hekman/twincities抓取并地理编码（代码MIT许可；地理编码来自维基百科API与OpenStreetMap Nominatim，ODbL）".to_owned()),
            }],
            synthetic: false,
            sources_file: None,
        },
        sources: vec![WireSource {
            id: "wp-hekman".to_owned(),
            title: "Wikipedia, “List of twin towns and sister cities in …” (81 country pages, scraped by Hekman/twincities, 2026-02-08)".to_owned(),
            url: Some("https://github.com/Hekman/twincities".to_owned()),
            document: None,
            licence: Some("CC BY-SA 4.0 (Wikipedia contributors)".to_owned()),
            note: None,
        }],
        countries: countries.by_iso.values().filter(|c| used_countries.contains(c.iso.as_str())).cloned().collect(),
        places,
        partnerships: pairs,
        reported: Vec::new(),
    };
    Ok((file, dropped))
}
