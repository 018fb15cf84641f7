//! The UI stays a set of small rooms (ARCHITECTURE.md, invariants 2 and 11): no file in
//! `src/ui` over 300 lines, no component function over 120 lines, no import cycle between UI
//! files, and no component module reaching into another component's module for state (state
//! comes from `ui::state`). Read from the source, natively.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 300;
const MAX_COMPONENT_LINES: usize = 120;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")
}

/// The module path of a file: `src/ui/map/mod.rs` → `ui::map`, `src/ui/map/gestures.rs` →
/// `ui::map::gestures`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(ui_dir()).expect("under src/ui");
    let mut parts: Vec<String> =
        rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    let mut module = vec!["ui".to_owned()];
    module.extend(parts);
    module
}

/// The UI files each file imports (`use super::…`, `use self::…`, `use crate::ui::…`),
/// resolved to the longest module path that is a file.
fn imports(files: &[PathBuf]) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut graph = BTreeMap::new();
    for file in files {
        let here = module_of(file);
        let text = fs::read_to_string(file).expect("readable");
        let mut targets = BTreeSet::new();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("use ") || l.starts_with("pub use "))
        {
            let path = line.trim_start_matches("pub ").trim_start_matches("use ");
            let segments: Vec<&str> = path.split("::").collect();
            // `super` is the module holding this one (for a mod.rs, its parent directory's).
            let mut base: Vec<String> = match segments.first() {
                Some(&"crate") => Vec::new(),
                Some(&"super") => here[..here.len() - 1].to_vec(),
                Some(&"self") => here.clone(),
                _ => continue,
            };
            base.extend(
                segments[1..]
                    .iter()
                    .map(|s| {
                        let s = s.trim_matches(|c: char| "{};*".contains(c));
                        s.split(',').next().unwrap_or("").trim().to_owned()
                    })
                    .take_while(|s| !s.is_empty()),
            );
            // Longest prefix that is a UI file.
            while !base.is_empty() && !modules.contains(&base) {
                base.pop();
            }
            if !base.is_empty() && base != here && base.first().is_some_and(|m| m == "ui") {
                targets.insert(base);
            }
        }
        graph.insert(here, targets);
    }
    graph
}

#[test]
fn every_ui_file_is_small() {
    let too_long: Vec<String> = rust_files(&ui_dir())
        .into_iter()
        .filter_map(|f| {
            let n = fs::read_to_string(&f).expect("readable").lines().count();
            (n > MAX_FILE_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(too_long.is_empty(), "UI files over {MAX_FILE_LINES} lines: {too_long:?}");
}

#[test]
fn every_component_function_is_small() {
    let mut too_long = Vec::new();
    for file in rust_files(&ui_dir()) {
        let text = fs::read_to_string(&file).expect("readable");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim() != "#[component]" {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let closing = format!("{}}}", " ".repeat(indent));
            let end = lines[i..].iter().position(|l| *l == closing).map(|p| i + p);
            let Some(end) = end else { continue };
            let n = end - i;
            if n > MAX_COMPONENT_LINES {
                let name = lines[i..end].iter().find(|l| l.contains("fn ")).unwrap_or(&"?").trim();
                too_long.push(format!("{}: {name} ({n} lines)", file.display()));
            }
        }
    }
    assert!(too_long.is_empty(), "components over {MAX_COMPONENT_LINES} lines: {too_long:?}");
}

#[test]
fn ui_files_import_each_other_without_cycles() {
    let graph = imports(&rust_files(&ui_dir()));
    // Depth-first search for a back edge.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|m| m.join("::")).collect();
            cycle.push(node.join("::"));
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle in src/ui: {}",
            cycle.unwrap_or_default().join(" → ")
        );
    }
}

#[test]
fn state_comes_from_the_state_layer() {
    // A component module may use another component (to mount it) but not its state hooks.
    let hooks = ["use_explore", "use_app_state", "use_map", "ExploreState", "MapState", "AppState"];
    let mut wrong = Vec::new();
    for file in rust_files(&ui_dir()) {
        if file.starts_with(ui_dir().join("state")) {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable");
        for line in text.lines().map(str::trim).filter(|l| l.starts_with("use ")) {
            let from_state = line.contains("state::") || line.contains("use super::{");
            if hooks.iter().any(|h| line.contains(h)) && !from_state {
                wrong.push(format!("{}: {line}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "state imported from outside ui::state: {wrong:?}");
}
