//! `youcheng-data`: builds the app's dataset from `data/raw` and `data/curated`, and validates
//! partnership files.
//!
//! ```text
//! youcheng-data build [--check] [--registry FILE] [--out DIR]
//!                                   write (or compare) public/data/*, print the quality report;
//!                                   --registry merges a saved CPAFFC registry answer (docs/registry.md)
//! youcheng-data validate FILE       print the problems of a partnership JSON file
//! youcheng-data synthetic N SEED OUT  write a labelled synthetic dataset for benchmarks
//! youcheng-data count FILE [QUERY]  the headline figures for a URL query, as JSON
//! youcheng-data expand FILE         a compact file (format 1.2) written out in full, as JSON
//! youcheng-data messages LANG       every UI string of a language, as JSON (for tests)
//! youcheng-data hanzi               the traditional-only Han characters, as JSON (for tests)
//! youcheng-data profile FILE        time each core step of a first view and a filter change
//! youcheng-data firstview [--dist DIR]  write the default view (map, headline, tabs) into the
//!                                   built page (DIR, else $TRUNK_STAGING_DIR; Trunk's hook)
//! ```
//!
//! `count` runs the same query codec, filters and aggregates as the app, so end-to-end tests
//! can check the figures the page shows against the pure model.

#[cfg(not(target_arch = "wasm32"))]
mod audit;
#[cfg(not(target_arch = "wasm32"))]
mod basemap;
#[cfg(not(target_arch = "wasm32"))]
mod borders;
#[cfg(not(target_arch = "wasm32"))]
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod china;
#[cfg(not(target_arch = "wasm32"))]
mod countries;
#[cfg(not(target_arch = "wasm32"))]
mod country_names;
#[cfg(not(target_arch = "wasm32"))]
mod csc;
#[cfg(not(target_arch = "wasm32"))]
mod divisions;
#[cfg(not(target_arch = "wasm32"))]
mod firstview;
#[cfg(not(target_arch = "wasm32"))]
mod firstview_panels;
#[cfg(not(target_arch = "wasm32"))]
mod gazetteer;
#[cfg(not(target_arch = "wasm32"))]
mod harvest;
#[cfg(not(target_arch = "wasm32"))]
mod kstars;
#[cfg(not(target_arch = "wasm32"))]
mod mainland;
#[cfg(not(target_arch = "wasm32"))]
mod naming;
#[cfg(not(target_arch = "wasm32"))]
mod placing;
#[cfg(not(target_arch = "wasm32"))]
mod registry;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod synth;
#[cfg(not(target_arch = "wasm32"))]
mod util;
#[cfg(not(target_arch = "wasm32"))]
mod world;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => {
            let value = |flag: &str| {
                args.iter()
                    .position(|a| a == flag)
                    .and_then(|i| args.get(i + 1))
                    .map(std::path::Path::new)
            };
            cli::build(args.iter().any(|a| a == "--check"), value("--registry"), value("--out"))
        }
        Some("validate") => match args.get(1) {
            Some(path) => cli::validate(std::path::Path::new(path)),
            None => Err("usage: youcheng-data validate FILE".to_owned()),
        },
        Some("synthetic") => cli::synthetic(&args[1..]),
        Some("expand") => match args.get(1) {
            Some(path) => cli::expand(std::path::Path::new(path)),
            None => Err("usage: youcheng-data expand FILE".to_owned()),
        },
        Some("count") => match args.get(1) {
            Some(path) => cli::count(std::path::Path::new(path), args.get(2).map_or("", |q| q)),
            None => Err("usage: youcheng-data count FILE [QUERY]".to_owned()),
        },
        Some("profile") => match args.get(1) {
            Some(path) => cli::profile(std::path::Path::new(path)),
            None => Err("usage: youcheng-data profile FILE".to_owned()),
        },
        Some("firstview") => {
            let dist = args
                .iter()
                .position(|a| a == "--dist")
                .and_then(|i| args.get(i + 1).cloned())
                .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
            match dist {
                Some(dir) => firstview::run(std::path::Path::new(&dir))
                    .map(|()| std::process::ExitCode::SUCCESS),
                None => Err("usage: youcheng-data firstview --dist DIR".to_owned()),
            }
        }
        Some("messages") => cli::messages(args.get(1).map_or("en", |l| l)),
        Some("hanzi") => cli::traditional_characters(),
        _ => {
            eprintln!(
                "usage:\n  youcheng-data build [--check] [--registry FILE] [--out DIR]\n  youcheng-data validate FILE\n  youcheng-data synthetic PAIRS SEED OUT\n  youcheng-data count FILE [QUERY]\n  youcheng-data expand FILE\n  youcheng-data messages LANG\n  youcheng-data hanzi\n  youcheng-data profile FILE\n  youcheng-data firstview [--dist DIR]"
            );
            Err(String::new())
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use youcheng::model::format::load::load;
    use youcheng::model::format::problem::Severity;
    use youcheng::model::format::sources::load_sources;

    /// The bundled dataset's sources file, beside it in `public/data/`.
    const SOURCES_FILE: &str = "sources.json";

    use crate::{audit, basemap, borders, build, placing, report, synth, world};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// Every output file: path under the repository root and contents.
    pub fn outputs(
        registry: Option<&Path>,
    ) -> Result<(Vec<(PathBuf, String)>, report::Report), String> {
        let root = root();
        let raw = root.join("data/raw");
        let curated = root.join("data/curated");
        let version = fs::read_to_string(curated.join("version.txt"))
            .map_err(|e| format!("data/curated/version.txt: {e}"))?;
        let version = version.trim();
        let mut built = build::build_china(&raw, &curated, version).map_err(|e| e.to_string())?;
        let registry_section = match registry {
            Some(path) => Some(merge_registry(&mut built.file, path, &raw)?),
            None => None,
        };
        let china_json = built.file.to_json();
        // The first view's file names its sources by id; their details are a second file,
        // fetched when a source is shown (docs/data-format.md).
        let (first_view, sources) = built.file.split_sources(SOURCES_FILE);
        let (world, world_dropped) =
            world::build_world(&raw, version).map_err(|e| e.to_string())?;
        let mut files = vec![
            (PathBuf::from("public/data/partnerships.json"), first_view.to_json()),
            (PathBuf::from("public/data/world.json"), world.to_json()),
            (PathBuf::from("public/data").join(SOURCES_FILE), sources.to_json()),
        ];
        let countries = crate::country_names::table(&raw).map_err(|e| e.to_string())?;
        files.push((
            PathBuf::from(crate::country_names::PATH),
            crate::country_names::rust(&countries),
        ));
        for (name, text) in basemap::build(&raw).map_err(|e| e.to_string())? {
            files.push((PathBuf::from("public/data/basemap").join(name), text));
        }
        // What the builder writes must load without a single problem.
        for (path, text) in &files[..2] {
            let loaded = load(text).map_err(|e| format!("{}: {:?}", path.display(), e.problem))?;
            if let Some(problem) = loaded.problems.first() {
                return Err(format!(
                    "{}: the built file has {} problem(s), the first: {problem}",
                    path.display(),
                    loaded.problems.len()
                ));
            }
        }
        // Its sources file too, against it: every source found, nothing else wrong.
        let first = load(&files[0].1).map_err(|e| format!("partnerships.json: {:?}", e.problem))?;
        let details = load_sources(&first.dataset, &files[2].1)
            .map_err(|e| format!("{SOURCES_FILE}: {:?}", e.problem))?;
        if let Some(problem) = details.problems.first() {
            return Err(format!("{SOURCES_FILE}: {problem}"));
        }
        // The coordinate audit: no foreign place outside its country unless allowed.
        let audit_places: Vec<audit::AuditPlace> = built
            .file
            .places
            .iter()
            .map(|p| audit::AuditPlace {
                id: p.id.clone(),
                name: p.en.clone(),
                country: p.country.clone(),
                point: p.lat.zip(p.lon),
            })
            .collect();
        let borders = borders::Borders::load(&raw).map_err(|e| e.to_string())?;
        let allowed = placing::load_allowed(&curated).map_err(|e| e.to_string())?;
        let outside = audit::outside(&audit_places, &borders, &allowed);
        if !outside.is_empty() {
            return Err(format!(
                "coordinate audit: {} foreign place(s) outside their country: {outside:?}",
                outside.len()
            ));
        }
        files.push((
            PathBuf::from("docs/chinese-names.csv"),
            crate::build::names::chinese_names_csv(&built.chinese_names),
        ));
        files.push((
            PathBuf::from("docs/place-choices.csv"),
            crate::placing::choices_csv(&built.placements),
        ));
        let mut report = report::Report::new(
            &built,
            &china_json,
            [&files[0].1, &files[2].1],
            &world,
            world_dropped,
        );
        if let Some(section) = registry_section {
            report.append(&section);
        }
        files.push((PathBuf::from("docs/dataset-report.txt"), report.render().to_owned()));
        Ok((files, report))
    }

    /// Merges a saved registry answer into the built file; returns the report's section.
    fn merge_registry(
        file: &mut youcheng::model::format::schema::WireFile,
        path: &Path,
        raw: &Path,
    ) -> Result<String, String> {
        use std::fmt::Write as _;
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rows = crate::registry::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let han = crate::naming::HanNames::load(raw).map_err(|e| e.to_string())?;
        let before = crate::registry::figures(file);
        let merged = crate::registry::merge(file, &rows, &han);
        let after = crate::registry::figures(file);
        let mut t = String::new();
        let _ = writeln!(t, "\nregistry {}: {} rows", path.display(), rows.len());
        let _ = writeln!(
            t,
            "  matched {} pairs ({} gained a date, {} with a different year kept side by side); {} new pairs",
            merged.matched, merged.dated, merged.conflicts, merged.new_pairs
        );
        let _ = writeln!(t, "  before → after: {}", crate::registry::compare(&before, &after));
        let _ = writeln!(t, "  per province, pairs before → after:");
        for (province, (b, a)) in crate::registry::per_province(&before, &after) {
            let _ = writeln!(t, "    {province:<16} {b:>4} → {a:>4}");
        }
        let _ = writeln!(t, "  new places without a point ({}):", merged.unplaced.len());
        for (id, zh) in &merged.unplaced {
            let _ = writeln!(t, "    {id}: {zh} (no gazetteer entry of that Chinese name)");
        }
        let _ = writeln!(t, "  rows left out ({}):", merged.skipped.len());
        for (row, why) in &merged.skipped {
            let _ = writeln!(t, "    {row}: {why}");
        }
        Ok(t)
    }

    pub fn build(
        check: bool,
        registry: Option<&Path>,
        out: Option<&Path>,
    ) -> Result<ExitCode, String> {
        let (files, report) = outputs(registry)?;
        let root = out.map_or_else(root, Path::to_path_buf);
        print!("{}", report.render());
        if check {
            let mut differ = Vec::new();
            for (path, text) in &files {
                let existing = fs::read(root.join(path)).unwrap_or_default();
                if existing != text.as_bytes() {
                    differ.push(path.display().to_string());
                }
            }
            if differ.is_empty() {
                println!("\ncheck: all {} files are byte-identical to a fresh build", files.len());
                return Ok(ExitCode::SUCCESS);
            }
            println!("\ncheck: these files differ from a fresh build (run `make data`):");
            for path in differ {
                println!("  {path}");
            }
            return Ok(ExitCode::from(1));
        }
        for (path, text) in &files {
            let full = root.join(path);
            if let Some(dir) = full.parent() {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            fs::write(&full, text).map_err(|e| format!("{}: {e}", full.display()))?;
        }
        println!(
            "\nwrote {} files under {}",
            files.len(),
            out.map_or("the repository".into(), |o| o.display().to_string())
        );
        Ok(ExitCode::SUCCESS)
    }

    /// Prints the headline figures of `file` under the URL query `query`, as one JSON object.
    /// Prints a compact file (format 1.2) in full: every id put in, pairs naming places and
    /// sources by id (`format::ids::expand_compact`).
    pub fn expand(file: &Path) -> Result<ExitCode, String> {
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut root: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        youcheng::model::format::ids::expand_compact(&mut root);
        println!("{root}");
        Ok(ExitCode::SUCCESS)
    }

    pub fn count(file: &Path, query: &str) -> Result<ExitCode, String> {
        use youcheng::model::ask::aggregate::headline;
        use youcheng::model::ask::filter::apply;
        use youcheng::model::ask::query::parse;

        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let loaded = load(&text).map_err(|e| format!("{}: {:?}", file.display(), e.problem))?;
        let (state, notices) = parse(query);
        let dataset = &loaded.dataset;
        let mut pairs = apply(dataset, &state.filters).pairs;
        if let Some(year) = state.play_year {
            pairs.retain(|p| dataset.partnership(*p).first_year().is_some_and(|y| y <= year));
        }
        let h = headline(dataset, &pairs);
        let ids: Vec<&str> = pairs.iter().map(|p| dataset.partnership(*p).id.as_str()).collect();
        let out = serde_json::json!({
            "pairs": h.pairs,
            "countries": h.countries,
            "home_places": h.home_places,
            "partner_places": h.partner_places,
            "undated": h.undated,
            "notices": notices.iter().map(|n| n.param.clone()).collect::<Vec<_>>(),
            "ids": ids,
        });
        println!("{out}");
        Ok(ExitCode::SUCCESS)
    }

    /// Prints every UI string of a language as a JSON array of [name, text] (the end-to-end
    /// tests look for English strings left in the Chinese UI).
    pub fn messages(tag: &str) -> Result<ExitCode, String> {
        let locale = youcheng::model::i18n::Locale::from_tag(tag)
            .ok_or_else(|| format!("unknown language {tag:?}"))?;
        println!("{}", serde_json::json!(locale.messages().entries()));
        Ok(ExitCode::SUCCESS)
    }

    /// Prints the Han characters that simplified Chinese writes differently (those hanconv's
    /// traditional-to-simplified table changes), as one JSON string: the end-to-end reviewer
    /// looks for them in the Chinese interface.
    pub fn traditional_characters() -> Result<ExitCode, String> {
        let chars: String = ('\u{3400}'..='\u{9fff}')
            .filter(|c| {
                let s = c.to_string();
                hanconv::t2s(&s) != s
            })
            .collect();
        println!("{}", serde_json::json!(chars));
        Ok(ExitCode::SUCCESS)
    }

    /// Times the pure steps behind a first view and a filter change (natively; the browser
    /// runs the same code as wasm, typically 1.5–3× slower). The benchmark prints this as the
    /// profile of where the time goes.
    pub fn profile(file: &Path) -> Result<ExitCode, String> {
        use std::collections::HashMap;
        use std::time::Instant;
        use youcheng::model::ask::aggregate::headline;
        use youcheng::model::ask::filter::{Filters, apply};
        use youcheng::model::ask::query::{ChartKind, parse};
        use youcheng::model::ask::search::SearchIndex;
        use youcheng::model::geo::LonLat;
        use youcheng::model::geo::basemap::{country_points, decode_basemap, project_basemap};
        use youcheng::model::geo::projection::Projection;
        use youcheng::model::i18n::Locale;
        use youcheng::model::show::charts::spec;
        use youcheng::model::show::flows::arc_batches;
        use youcheng::model::show::map::build_scene;

        let time = |label: &str, f: &mut dyn FnMut()| {
            let runs = 5;
            let start = Instant::now();
            for _ in 0..runs {
                f();
            }
            println!(
                "{label:<48} {:>9.2} ms",
                start.elapsed().as_secs_f64() * 1000.0 / runs as f64
            );
        };
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let root = root().join("public/data/basemap");
        let read = |name: &str| fs::read_to_string(root.join(name)).unwrap_or_default();
        let (world, provinces, extras) = (
            read("world-china.topo.json"),
            read("provinces-china.topo.json"),
            read("china-extras.geojson"),
        );
        println!("{}: {} bytes", file.display(), text.len());
        let mut loaded = None;
        time("load (parse + validate)", &mut || loaded = load(&text).ok());
        let loaded = loaded.ok_or("the file does not load")?;
        let d = &loaded.dataset;
        println!("{} partnerships, {} places", d.partnerships().len(), d.places().len());
        time("search index", &mut || {
            std::hint::black_box(SearchIndex::new(d));
        });
        let mut basemap = None;
        time("decode basemap (China view)", &mut || {
            basemap = decode_basemap(&world, &provinces, Some(&extras)).ok()
        });
        let basemap = basemap.ok_or("the basemap does not decode")?;
        let projection = Projection::new(Default::default());
        time("project basemap", &mut || {
            std::hint::black_box(project_basemap(&basemap, &projection));
        });
        let by_iso = country_points(&basemap);
        let points: HashMap<_, _> = d
            .countries()
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let [lon, lat] = by_iso.get(c.iso.as_str())?;
                Some((
                    youcheng::model::format::dataset::CountryIdx(i as u16),
                    LonLat::new(*lon, *lat)?,
                ))
            })
            .collect();
        let mut selection = None;
        time("filter: apply (no filter, with facets)", &mut || {
            selection = Some(apply(d, &Filters::default()))
        });
        let pairs = selection.map(|s| s.pairs).unwrap_or_default();
        time("headline", &mut || {
            std::hint::black_box(headline(d, &pairs));
        });
        let mut scene = None;
        time("scene (grouped, world zoom)", &mut || {
            scene = Some(build_scene(d, &pairs, &projection, true, &points))
        });
        time("scene (every place)", &mut || {
            drop(build_scene(d, &pairs, &projection, false, &points))
        });
        let scene = scene.ok_or("no scene")?;
        time("arc batches (grouped)", &mut || {
            drop(arc_batches(&scene, &projection, None, None, &mut Default::default()))
        });
        let full = build_scene(d, &pairs, &projection, false, &points);
        time("arc batches (every place)", &mut || {
            drop(arc_batches(&full, &projection, None, None, &mut Default::default()))
        });
        time("charts: all five specs", &mut || {
            for kind in ChartKind::ALL {
                std::hint::black_box(spec(kind, d, &pairs, &Filters::default(), None, Locale::En));
            }
        });
        let (europe, _) = parse("?cont=EU");
        time("filter change: apply (continent)", &mut || {
            std::hint::black_box(apply(d, &europe.filters));
        });
        let europe_pairs = apply(d, &europe.filters).pairs;
        let mut warm = youcheng::model::show::map::ArcCache::default();
        std::hint::black_box(arc_batches(&full, &projection, None, None, &mut warm));
        time("filter change: scene + arcs (every place, warm cache)", &mut || {
            let s = build_scene(d, &europe_pairs, &projection, false, &points);
            std::hint::black_box(arc_batches(&s, &projection, None, None, &mut warm));
        });
        time("filter change: scene + arcs (grouped, cold cache)", &mut || {
            let s = build_scene(d, &europe_pairs, &projection, true, &points);
            std::hint::black_box(arc_batches(&s, &projection, None, None, &mut Default::default()));
        });
        Ok(ExitCode::SUCCESS)
    }

    pub fn validate(path: &Path) -> Result<ExitCode, String> {
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                println!(
                    "fatal: the file is not UTF-8 (first bad byte at {})",
                    e.utf8_error().valid_up_to()
                );
                return Ok(ExitCode::from(1));
            }
        };
        match load(&text) {
            Err(error) => {
                println!("fatal: {}", error.problem);
                Ok(ExitCode::from(1))
            }
            Ok(loaded) => {
                let d = &loaded.dataset;
                println!(
                    "{}: {} partnerships, {} places, {} countries, {} sources, {} reported figures",
                    path.display(),
                    d.partnerships().len(),
                    d.places().len(),
                    d.countries().len(),
                    d.sources().len(),
                    d.reported().len()
                );
                for problem in &loaded.problems {
                    let tag = match problem.severity {
                        Severity::Fatal => "fatal",
                        Severity::Skipped => "error",
                        Severity::Warning => "warning",
                    };
                    println!("{tag}: {problem}");
                }
                let errors = loaded.problems.iter().filter(|p| p.is_error()).count();
                println!("{} problem(s), {errors} error(s)", loaded.problems.len());
                Ok(if errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
            }
        }
    }

    pub fn synthetic(args: &[String]) -> Result<ExitCode, String> {
        let usage = || "usage: youcheng-data synthetic PAIRS SEED OUT".to_owned();
        let n: usize = args.first().and_then(|a| a.parse().ok()).ok_or_else(usage)?;
        let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).ok_or_else(usage)?;
        let out = args.get(2).ok_or_else(usage)?;
        let root = root();
        let version =
            fs::read_to_string(root.join("data/curated/version.txt")).map_err(|e| e.to_string())?;
        let built =
            build::build_china(&root.join("data/raw"), &root.join("data/curated"), version.trim())
                .map_err(|e| e.to_string())?;
        let file = synth::generate(&built.file, n, seed);
        fs::write(out, file.to_json()).map_err(|e| format!("{out}: {e}"))?;
        println!("wrote {n} synthetic partnerships (seed {seed}) to {out}");
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn two_builds_are_byte_identical() {
        let (a, _) = super::cli::outputs(None).expect("first build");
        let (b, _) = super::cli::outputs(None).expect("second build");
        assert_eq!(a.len(), b.len());
        for ((pa, ta), (pb, tb)) in a.iter().zip(&b) {
            assert_eq!(pa, pb);
            assert!(ta == tb, "{} differs between two builds", pa.display());
        }
    }
}
