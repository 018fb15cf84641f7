//! The table's order and the file exports of a selection: CSV (safe to open in a
//! spreadsheet), partnership JSON and GeoJSON (arcs as great-circle lines).

use std::cmp::Ordering;

use serde_json::{Value, json};

use crate::model::ask::query::SortColumn;
use crate::model::format::dataset::{Dataset, PairIdx};
use crate::model::format::schema::export;
use crate::model::geo::arc::great_circle;
use crate::model::i18n::{Locale, country_name, kind_label, place_name, status_label};
use crate::model::read::csv::{formula_safe, quote};

/// Sorts partnerships by a table column (unknown dates last in either direction).
pub fn sort_pairs(
    dataset: &Dataset,
    pairs: &[PairIdx],
    column: SortColumn,
    descending: bool,
    locale: Locale,
) -> Vec<PairIdx> {
    let key = |p: PairIdx| -> (String, String) {
        let pair = dataset.partnership(p);
        let home = dataset.place(pair.home);
        let partner = dataset.place(pair.partner);
        let primary = match column {
            SortColumn::Home => place_name(locale, home).to_lowercase(),
            SortColumn::Province => dataset
                .province_of(pair.home)
                .map(|pr| place_name(locale, dataset.place(pr)).to_lowercase())
                .unwrap_or_default(),
            SortColumn::Partner => place_name(locale, partner).to_lowercase(),
            SortColumn::Country => {
                country_name(locale, dataset.country(partner.country)).to_lowercase()
            }
            SortColumn::Kind => kind_label(locale, pair.kind).to_owned(),
            SortColumn::Status => status_label(locale, pair.status).to_owned(),
            SortColumn::Established => pair.first_date().map(|d| d.to_string()).unwrap_or_default(),
        };
        (primary, pair.id.clone())
    };
    let mut keyed: Vec<((String, String), PairIdx)> = pairs.iter().map(|p| (key(*p), *p)).collect();
    keyed.sort_by(|(a, _), (b, _)| {
        // Empty values (an unknown date) go last whichever way the column is sorted.
        match (a.0.is_empty(), b.0.is_empty()) {
            (true, false) => return Ordering::Greater,
            (false, true) => return Ordering::Less,
            _ => {}
        }
        let order = a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1));
        if descending { order.reverse() } else { order }
    });
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 19] = [
    "id",
    "chinese_place_id",
    "chinese_place_en",
    "chinese_place_zh",
    "province_en",
    "province_zh",
    "partner_id",
    "partner_en",
    "partner_local",
    "country_iso",
    "country_en",
    "country_zh",
    "type",
    "status",
    "established",
    "ended",
    "sources",
    "disputed",
    "disputed_source",
];

/// The selection as CSV, one row per partnership, both languages' names. Every cell is
/// formula-safe: one starting with `=`, `+`, `-` or `@` is prefixed with an apostrophe.
pub fn to_csv(dataset: &Dataset, pairs: &[PairIdx]) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for &p in pairs {
        let pair = dataset.partnership(p);
        let home = dataset.place(pair.home);
        let partner = dataset.place(pair.partner);
        let province = dataset.province_of(pair.home).map(|pr| dataset.place(pr));
        let country = dataset.country(partner.country);
        let cite = |s: &crate::model::format::dataset::SourceIdx| {
            let src = dataset.source(*s);
            match &src.url {
                Some(url) => format!("{} <{url}>", src.title),
                None => src.title.clone(),
            }
        };
        let sources: Vec<String> = pair.sources.iter().map(cite).collect();
        let disputed = pair.disputed.as_ref();
        let cells = [
            pair.id.clone(),
            home.id.clone(),
            home.name_en.clone(),
            home.name_zh.clone().unwrap_or_default(),
            province.map(|p| p.name_en.clone()).unwrap_or_default(),
            province.and_then(|p| p.name_zh.clone()).unwrap_or_default(),
            partner.id.clone(),
            partner.name_en.clone(),
            partner.name_local.clone().or(partner.name_zh.clone()).unwrap_or_default(),
            country.iso.clone(),
            country.name_en.clone(),
            country.name_zh.clone().unwrap_or_default(),
            pair.kind.as_str().to_owned(),
            pair.status.as_str().to_owned(),
            pair.established.map(|d| d.to_string()).unwrap_or_default(),
            pair.ended.map(|d| d.to_string()).unwrap_or_default(),
            sources.join(" | "),
            disputed.map(|d| d.en.clone()).unwrap_or_default(),
            disputed.and_then(|d| d.source.as_ref()).map(cite).unwrap_or_default(),
        ];
        let row: Vec<String> = cells.iter().map(|c| quote(&formula_safe(c))).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The selection in the app's own JSON format (loads back into the app).
pub fn to_json(dataset: &Dataset, pairs: &[PairIdx]) -> String {
    export(dataset, pairs).to_json()
}

/// The selection as GeoJSON: each partnership a great-circle line (a MultiLineString when it
/// crosses 180°), with its names, type, status, date and sources as properties. Pairs with an
/// unplaced side are left out.
pub fn to_geojson(dataset: &Dataset, pairs: &[PairIdx]) -> String {
    let mut features = Vec::new();
    for &p in pairs {
        let pair = dataset.partnership(p);
        let (home, partner) = (dataset.place(pair.home), dataset.place(pair.partner));
        let (Some(a), Some(b)) = (home.coords, partner.coords) else { continue };
        let lines = split_at_antimeridian(&great_circle(a, b));
        let geometry = if lines.len() == 1 {
            json!({"type": "LineString", "coordinates": lines[0]})
        } else {
            json!({"type": "MultiLineString", "coordinates": lines})
        };
        let sources: Vec<Value> =
            pair.sources.iter().map(|s| Value::from(dataset.source(*s).title.clone())).collect();
        features.push(json!({
            "type": "Feature",
            "id": pair.id,
            "geometry": geometry,
            "properties": {
                "chinese_place": home.name_en,
                "chinese_place_zh": home.name_zh,
                "partner": partner.name_en,
                "country": dataset.country(partner.country).iso,
                "type": pair.kind.as_str(),
                "status": pair.status.as_str(),
                "established": pair.established.map(|d| d.to_string()),
                "sources": sources,
                "disputed": pair.disputed.as_ref().map(|d| d.en.clone()),
            }
        }));
    }
    let meta = dataset.meta();
    let collection = json!({
        "type": "FeatureCollection",
        "name": meta.title_en,
        "attribution": meta.attribution.iter().map(|a| a.en.as_str()).collect::<Vec<_>>(),
        "features": features,
    });
    serde_json::to_string(&collection).unwrap_or_default()
}

/// Splits a lon/lat line where it jumps across ±180°, interpolating the crossing.
fn split_at_antimeridian(points: &[[f64; 2]]) -> Vec<Vec<[f64; 2]>> {
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let mut out = vec![Vec::new()];
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            let q = points[i - 1];
            if (p[0] - q[0]).abs() > 180.0 {
                let edge = if q[0] > 0.0 { 180.0 } else { -180.0 };
                let unwrapped = if q[0] > 0.0 { p[0] + 360.0 } else { p[0] - 360.0 };
                let f = (edge - q[0]) / (unwrapped - q[0]);
                let lat = round(q[1] + f * (p[1] - q[1]));
                if let Some(last) = out.last_mut() {
                    last.push([edge, lat]);
                }
                out.push(vec![[-edge, lat]]);
            }
        }
        if let Some(last) = out.last_mut() {
            last.push([round(p[0]), round(p[1])]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::load::load;
    use crate::model::read::csv::read;

    fn fixture() -> Dataset {
        load(include_str!("../../../tests/fixtures/small.json")).unwrap().dataset
    }

    #[test]
    fn csv_has_a_row_per_pair_and_reads_back() {
        let d = fixture();
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let text = to_csv(&d, &pairs);
        let table = read(&text);
        assert_eq!(table.header, CSV_COLUMNS);
        assert_eq!(table.rows.len(), 5);
        assert!(table.bad.is_empty());
        let xian = table.rows.iter().find(|r| r.get(1) == "cn-xian").unwrap();
        assert_eq!(
            (xian.get(3), xian.get(5), xian.get(9), xian.get(14)),
            ("西安", "陕西", "JP", "1974")
        );
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        let text = r#"{"format":"youcheng-partnerships","version":"1.0","dataset":{"id":"x","version":"1","title":{"en":"x"}},
          "countries":[{"iso":"CN","en":"China"},{"iso":"JP","en":"=HYPERLINK(\"http://evil\",\"x\")"}],
          "places":[{"id":"a","en":"+cmd|' /C calc'!A0","country":"CN"},{"id":"b","en":"@SUM(1)","country":"JP"}],
          "partnerships":[{"id":"-1","home":"a","partner":"b"}]}"#;
        let d = load(text).unwrap().dataset;
        let csv = to_csv(&d, &[PairIdx(0)]);
        let row = &read(&csv).rows[0];
        for cell in &row.fields {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "unsafe cell {cell:?}");
        }
        assert_eq!(row.get(0), "'-1");
        assert_eq!(row.get(2), "'+cmd|' /C calc'!A0");
        assert_eq!(row.get(10), "'=HYPERLINK(\"http://evil\",\"x\")");
    }

    #[test]
    fn json_export_loads_back_with_the_same_pairs() {
        let d = fixture();
        let japan: Vec<PairIdx> = d
            .pair_indices()
            .filter(|p| d.country_of(d.partnership(*p).partner).iso == "JP")
            .collect();
        let text = to_json(&d, &japan);
        let back = load(&text).expect("loads");
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.dataset.partnerships().len(), 1);
        assert!(back.dataset.place_by_id("cn-shaanxi").is_some(), "parents come along");
        assert!(
            back.dataset.reported().iter().all(|r| r.scope.is_none_or(|s| back
                .dataset
                .place(s)
                .id
                != "cn-shanghai"))
        );
    }

    #[test]
    fn geojson_splits_lines_that_cross_180() {
        let d = fixture();
        let sf = d.pair_by_id("p-shanghai-sf").unwrap();
        let text = to_geojson(&d, &[sf]);
        let value: Value = serde_json::from_str(&text).unwrap();
        let geometry = &value["features"][0]["geometry"];
        assert_eq!(geometry["type"], "MultiLineString");
        let parts = geometry["coordinates"].as_array().unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].as_array().unwrap().last().unwrap()[0], 180.0);
        assert_eq!(parts[1][0][0], -180.0);
        let unplaced = d.pair_by_id("p-changning-sovetsky").unwrap();
        let none: Value = serde_json::from_str(&to_geojson(&d, &[unplaced])).unwrap();
        assert_eq!(none["features"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn sorting_puts_unknown_dates_last_both_ways() {
        let d = fixture();
        let pairs: Vec<PairIdx> = d.pair_indices().collect();
        let ids = |v: Vec<PairIdx>| {
            v.into_iter().map(|p| d.partnership(p).id.clone()).collect::<Vec<_>>()
        };
        let up = ids(sort_pairs(&d, &pairs, SortColumn::Established, false, Locale::En));
        assert_eq!(up.first().map(String::as_str), Some("p-xian-nara"));
        assert_eq!(up.last().map(String::as_str), Some("p-shanghai-sf"));
        let down = ids(sort_pairs(&d, &pairs, SortColumn::Established, true, Locale::En));
        assert_eq!(down.first().map(String::as_str), Some("p-changning-sovetsky"));
        assert_eq!(down.last().map(String::as_str), Some("p-shanghai-sf"));
        let by_country = ids(sort_pairs(&d, &pairs, SortColumn::Country, false, Locale::En));
        assert_eq!(
            by_country.first().map(String::as_str),
            Some("p-changning-sovetsky"),
            "Belarus first"
        );
    }
}
