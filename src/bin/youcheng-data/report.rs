//! The quality report printed by every build.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::Write as _;

use youcheng::model::format::dataset::{Dataset, PlaceIdx};
use youcheng::model::format::load::load;
use youcheng::model::format::schema::WireFile;

use crate::build::Built;
use crate::china::CoordSource;

/// Figures of one build, ready to print.
pub struct Report {
    text: String,
}

/// Brotli size at a quality level (11 is what a static server precompresses with).
pub fn brotli_size(bytes: &[u8], quality: u32) -> usize {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        let _ = writer.write_all(bytes);
    }
    out.len()
}

fn pct(n: usize, total: usize) -> String {
    if total == 0 { "-".to_owned() } else { format!("{:.1}%", 100.0 * n as f64 / total as f64) }
}

fn pairs_within(dataset: &Dataset, root: PlaceIdx) -> (usize, usize) {
    let mut countries = std::collections::BTreeSet::new();
    let mut n = 0;
    for pair in dataset.partnerships() {
        if dataset.is_within(pair.home, root) {
            n += 1;
            countries.insert(dataset.place(pair.partner).country);
        }
    }
    (n, countries.len())
}

impl Report {
    /// Computes the report.
    pub fn new(
        built: &Built,
        china_json: &str,
        shipped: [&str; 2],
        world: &WireFile,
        world_dropped: usize,
    ) -> Report {
        let mut t = String::new();
        let file = &built.file;
        let _ =
            writeln!(t, "Youcheng dataset report: {} {}", file.dataset.id, file.dataset.version);
        let _ = writeln!(
            t,
            "inputs: {} candidate rows (Wikipedia/Wikidata), {} dated fact rows, {} harvested rows ({} left out, listed below)",
            built.n_candidate_rows,
            built.n_fact_rows,
            built.n_harvest_rows,
            built.harvest_skipped.len()
        );
        let pairs = &file.partnerships;
        let n = pairs.len();
        let dated = pairs
            .iter()
            .filter(|p| p.est.is_some() || p.history.iter().any(|h| h.date.is_some()))
            .count();
        let typed = pairs.iter().filter(|p| p.kind != "unknown").count();
        let sourced = pairs.iter().filter(|p| !p.src.is_empty()).count();
        let conflicts = pairs.iter().filter(|p| !p.alt.is_empty()).count();
        let staged = pairs.iter().filter(|p| !p.history.is_empty()).count();
        let ended = pairs.iter().filter(|p| p.status == "ended").count();
        let disputed = pairs.iter().filter(|p| p.disputed.is_some()).count();
        let _ = writeln!(
            t,
            "pairs: {n} distinct ({} only in the dated facts); {dated} with a year ({}); {typed} with a known type ({}); {sourced} with a source ({}); {conflicts} with conflicting values kept; {staged} with an earlier stage; {ended} ended; {disputed} disputed (a source contradicts them, docs: data/curated/doubts.csv)",
            built.n_fact_only_pairs,
            pct(dated, n),
            pct(typed, n),
            pct(sourced, n)
        );
        let unplaced_now = built.unplaced_foreign.len()
            + built.cn_coords.values().filter(|s| matches!(s, CoordSource::Unplaced(_))).count();
        // Two baselines: the release before the first harvest, and the build before the third
        // (issue 25's ten folders), each a row of `data/curated/report_baseline.csv`.
        for (scope, label) in [
            ("all", "the release before the harvest"),
            ("before-harvest-3", "the build before the third harvest"),
        ] {
            let Some([b_n, b_dated, b_typed, b_unplaced]) = built.baseline.get(scope).copied()
            else {
                continue;
            };
            let _ = writeln!(
                t,
                "before → after ({label} → this build): pairs {b_n} → {n}; dated {} → {}; typed {} → {}; unplaced places {b_unplaced} → {unplaced_now}",
                pct(b_dated, b_n),
                pct(dated, n),
                pct(b_typed, b_n),
                pct(typed, n),
            );
        }
        let cn_places = file.places.iter().filter(|p| p.country == "CN").count();
        let foreign = file.places.len() - cn_places;
        let geocoded = file.places.iter().filter(|p| p.lat.is_some()).count();
        let partner_countries: std::collections::BTreeSet<&str> = file
            .places
            .iter()
            .filter(|p| p.country != "CN" && pairs.iter().any(|x| x.partner == p.id))
            .map(|p| p.country.as_str())
            .collect();
        let _ = writeln!(
            t,
            "places: {} ({cn_places} Chinese, {foreign} foreign); {geocoded} with coordinates ({}); partner countries: {}",
            file.places.len(),
            pct(geocoded, file.places.len()),
            partner_countries.len()
        );
        let mut name_sources: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, _, zh, source) in &built.chinese_names {
            let listed = crate::mainland::ZH_NAME_LISTS.iter().find(|l| source.starts_with(l.1));
            let key = match listed {
                _ if zh.is_empty() => "none",
                Some((_, label)) => label,
                None => source.split(' ').next().unwrap_or(""),
            };
            *name_sources.entry(key).or_default() += 1;
        }
        let named = built.chinese_names.iter().filter(|n| !n.2.is_empty()).count();
        let _ = writeln!(
            t,
            "foreign places with a Chinese name: {named} of {} ({}), by source {name_sources:?} (docs/chinese-names.csv)",
            built.chinese_names.len(),
            pct(named, built.chinese_names.len()),
        );
        let (outcomes, unused) = &built.mainland_forms;
        let applied = outcomes.iter().filter(|o| o.3.starts_with("applied")).count();
        let _ = writeln!(
            t,
            "mainland forms (zh-names/mainland-form-check.csv, curated/mainland_forms.csv): {applied} applied ({} over a later source's form, listed), {} not applied, {} rows without their place",
            outcomes.iter().filter(|o| o.3 != "applied").count(),
            outcomes.len() - applied,
            unused.len()
        );
        for (place, from, to, what) in outcomes.iter().filter(|o| o.3 != "applied") {
            let _ = writeln!(t, "    {place}: {from} → {to}: {what}");
        }
        for row in unused {
            let _ = writeln!(t, "    {row}: no place of that name");
        }
        let mut by_source: BTreeMap<String, usize> = BTreeMap::new();
        for source in built.cn_coords.values() {
            let key = match source {
                CoordSource::GeoNames(_) => "GeoNames".to_owned(),
                CoordSource::Source => "source geocode".to_owned(),
                CoordSource::ProvincePolygon => "province outline".to_owned(),
                CoordSource::Csc => "countrystatecity".to_owned(),
                CoordSource::Unplaced(_) => "unplaced".to_owned(),
            };
            *by_source.entry(key).or_default() += 1;
        }
        let _ = writeln!(t, "Chinese place coordinates: {by_source:?}");
        let _ = writeln!(
            t,
            "sources: {}; reported figures: {}",
            file.sources.len(),
            file.reported.len()
        );
        let unplaced_cn: Vec<_> = built
            .cn_coords
            .iter()
            .filter_map(|(id, s)| match s {
                CoordSource::Unplaced(reason) => Some((id, reason)),
                _ => None,
            })
            .collect();
        let _ = writeln!(
            t,
            "\nunplaced places ({}), shown in lists but not on the map:",
            unplaced_cn.len() + built.unplaced_foreign.len()
        );
        for (id, reason) in &unplaced_cn {
            let _ = writeln!(t, "  {id}: {reason}");
        }
        for (id, reason) in &built.unplaced_foreign {
            let _ = writeln!(t, "  {id}: {reason}");
        }
        if !built.doubts.is_empty() {
            let counts = crate::build::doubts::by_decision(&built.doubts);
            let counts: Vec<String> = counts.iter().map(|(d, n)| format!("{n} {d}")).collect();
            let _ = writeln!(
                t,
                "\nreviewed doubts (data/curated/doubts.csv) ({}: {}):",
                built.doubts.len(),
                counts.join(", ")
            );
            for (decision, pair) in &built.doubts {
                let _ = writeln!(t, "  {}: {pair}", decision.as_str());
            }
        }
        if !built.harvest_skipped.is_empty() {
            let _ = writeln!(t, "\nharvested rows left out ({}):", built.harvest_skipped.len());
            for (row, why) in &built.harvest_skipped {
                let _ = writeln!(t, "  {row}: {why}");
            }
        }
        if !built.spread_names.is_empty() {
            let _ = writeln!(
                t,
                "\nforeign names geocoded to points more than 100 km apart (review for homonyms) ({}):",
                built.spread_names.len()
            );
            for (name, km) in &built.spread_names {
                let _ = writeln!(t, "  {name}: {km:.0} km");
            }
        }
        match load(china_json) {
            Ok(loaded) => {
                let d = &loaded.dataset;
                let _ = writeln!(t, "\nvalidation: {} problem(s)", loaded.problems.len());
                for p in loaded.problems.iter().take(20) {
                    let _ = writeln!(t, "  {p}");
                }
                let _ = writeln!(
                    t,
                    "\nper province (pairs of the province and every place under it / partner countries):"
                );
                let mut provinces: Vec<PlaceIdx> = d
                    .place_indices()
                    .filter(|i| {
                        d.place(*i).level.as_str() == "province" && d.country_of(*i).iso == "CN"
                    })
                    .collect();
                provinces.sort_by_key(|i| std::cmp::Reverse(pairs_within(d, *i).0));
                for province in provinces {
                    let (n, c) = pairs_within(d, province);
                    let reported: Vec<String> = d
                        .reported()
                        .iter()
                        .filter(|r| r.scope == Some(province))
                        .filter_map(|r| {
                            r.pairs
                                .map(|v| format!("{v} ({} {}, {})", r.kind.as_str(), r.as_of, r.id))
                        })
                        .collect();
                    let _ = writeln!(
                        t,
                        "  {:<16} {n:>4} pairs / {c:>3} countries (before: {:>3}){}",
                        d.place(province).name_en,
                        built.baseline.get(&d.place(province).name_en).map_or(0, |b| b[0]),
                        if reported.is_empty() {
                            String::new()
                        } else {
                            format!("   reported: {}", reported.join("; "))
                        }
                    );
                }
                let _ = writeln!(
                    t,
                    "\nreported figures beside the dataset (pairs/countries under the scope, all types, all years):"
                );
                for r in d.reported() {
                    let (have_pairs, have_countries, scope) = match r.scope {
                        Some(place) => {
                            let (a, b) = pairs_within(d, place);
                            (a, b, d.place(place).name_en.clone())
                        }
                        None => {
                            let countries: std::collections::BTreeSet<_> = d
                                .partnerships()
                                .iter()
                                .map(|p| d.place(p.partner).country)
                                .collect();
                            (d.partnerships().len(), countries.len(), "China".to_owned())
                        }
                    };
                    let reported = format!(
                        "{}{}{}",
                        r.pairs
                            .map(|v| format!("{v} {}", r.unit.as_str().replace('_', " ")))
                            .unwrap_or_default(),
                        if r.pairs.is_some() && r.countries.is_some() { " / " } else { "" },
                        r.countries.map(|v| format!("{v} countries")).unwrap_or_default()
                    );
                    let _ = writeln!(
                        t,
                        "  {:<28} {:<12} {:<9} reported {:<26} dataset {have_pairs} pairs / {have_countries} countries",
                        r.id,
                        scope,
                        r.kind.as_str(),
                        reported
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(t, "\nvalidation: FATAL {}", e.problem);
            }
        }
        let raw = china_json.len();
        let br = brotli_size(china_json.as_bytes(), 11);
        let _ = writeln!(
            t,
            "\npartnerships.json: {raw} bytes raw, {br} bytes brotli (targets: ≤ 600,000 raw, ≤ 120,000 brotli)"
        );
        let [first_view, sources] = shipped;
        let _ = writeln!(
            t,
            "as shipped: partnerships.json (sources by id) {} bytes raw, {} bytes brotli; sources.json {} bytes raw, {} bytes brotli (first-view target ≤ 125,000 brotli)",
            first_view.len(),
            brotli_size(first_view.as_bytes(), 11),
            sources.len(),
            brotli_size(sources.as_bytes(), 11)
        );
        let world_json = world.to_json();
        let _ = writeln!(
            t,
            "world.json: {} pairs, {} places ({world_dropped} rows dropped for an unknown country); {} bytes raw, {} bytes brotli (quality 5)",
            world.partnerships.len(),
            world.places.len(),
            world_json.len(),
            brotli_size(world_json.as_bytes(), 5)
        );
        let _ = writeln!(
            t,
            "acceptance: pairs ≥ 2,100: {}; every pair sourced: {}; pairs with a year ≥ 400: {}; raw ≤ 600 KB: {}; brotli ≤ 120 KB: {}",
            yes(n >= 2100),
            yes(sourced == n),
            yes(dated >= 400),
            yes(raw <= 600_000),
            yes(br <= 120_000)
        );
        Report { text: t }
    }

    /// The report as text.
    /// Adds a section at the end.
    pub fn append(&mut self, section: &str) {
        self.text.push_str(section);
    }

    pub fn render(&self) -> &str {
        &self.text
    }
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "NO" }
}
