//! The UI stays a set of small rooms (ARCHITECTURE.md, invariants 2 and 11): no file in
//! `src/ui` over 300 lines, no component function over 120 lines, no import cycle between UI
//! files, and no component module reaching into another component's module for state (state
//! comes from `ui::state`). No file anywhere in `src/` (core, UI, binaries) imports itself
//! through others either (invariant 12). Read from the source, natively.
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

// The import graph of `src/`: which file's code names which other file. A file is a node named
// by its module (`youcheng::model::read::csv`, `youcheng-data::build::merge`); an edge is any
// path in its code (a `use`, grouped or not, or a path written inline) that resolves to another
// file: `crate::…`, `super::…` (from an inline `mod tests` too), `self::…`, a child module by
// its name, and `youcheng::…` from a binary. Comments and string literals are left out.

/// A module path, starting with its crate: `youcheng` (the library), `youcheng(bin)` (the app's
/// `src/main.rs`) or a binary's directory name under `src/bin/`.
type Module = Vec<String>;

/// The import graph: each file's module and the files it imports.
type Graph = BTreeMap<Module, BTreeSet<Module>>;

/// The module of a file given by its path under `src/`: `model/read/csv.rs` →
/// `youcheng::model::read::csv`, `bin/youcheng-data/build/mod.rs` → `youcheng-data::build`.
fn module_of(rel: &str) -> Module {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    let (krate, rest) = match parts.as_slice() {
        ["bin", name, rest @ ..] => (name.to_string(), rest),
        ["main"] => ("youcheng(bin)".to_owned(), &[][..]),
        ["lib"] => ("youcheng".to_owned(), &[][..]),
        rest => ("youcheng".to_owned(), rest),
    };
    let mut module = vec![krate];
    module.extend(rest.iter().map(|s| s.to_string()));
    if module.len() > 1 && module.last().is_some_and(|m| m == "mod" || m == "main") {
        module.pop();
    }
    module
}

/// The code of a file with comments, string and character literals blanked out.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == Some('*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
            continue;
        }
        // Raw strings: r"…", r#"…"#, br"…".
        let raw_start = match (c, at(i + 1)) {
            ('r', _) => Some(i + 1),
            ('b', Some('r')) => Some(i + 2),
            _ => None,
        };
        if let Some(start) = raw_start.filter(|_| !ident_before) {
            let hashes = chars[start..].iter().take_while(|&&h| h == '#').count();
            if at(start + hashes) == Some('"') {
                let closing: Vec<char> =
                    std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let mut j = start + hashes + 1;
                while j < chars.len() && !chars[j..].starts_with(&closing) {
                    j += 1;
                }
                i = j + closing.len();
                out.push_str("\"\"");
                continue;
            }
        }
        if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
            continue;
        }
        if c == '\'' {
            // A character literal ('a', '\n', '\u{4e2d}'); otherwise a lifetime or a label.
            if at(i + 1) == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(' ');
                continue;
            }
            if at(i + 2) == Some('\'') {
                i += 3;
                out.push(' ');
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    PathSep,
    Punct(char),
}

fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // A raw identifier (r#type) is the identifier.
            if word == "r" && chars.get(i) == Some(&'#') {
                i += 1;
                continue;
            }
            out.push(Token::Word(word));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Token::PathSep);
            i += 2;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

/// Reads one use tree from `toks[*i..]` (after `use`), adding each full path it names to
/// `out`: `a::{b, c::{self, d}}` names `a::b`, `a::c` and `a::c::d`.
fn use_tree(toks: &[Token], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    while let Some(token) = toks.get(*i) {
        match token {
            Token::Word(w) if w == "as" => {
                *i += 2;
                break;
            }
            Token::Word(w) => {
                path.push(w.clone());
                *i += 1;
            }
            Token::PathSep => *i += 1,
            Token::Punct('{') => {
                *i += 1;
                while let Some(token) = toks.get(*i) {
                    match token {
                        Token::Punct('}') => {
                            *i += 1;
                            return;
                        }
                        Token::Punct(',') => *i += 1,
                        _ => {
                            let before = *i;
                            use_tree(toks, i, &path, out);
                            if *i == before {
                                *i += 1;
                            }
                        }
                    }
                }
                return;
            }
            Token::Punct('*') => {
                *i += 1;
                break;
            }
            Token::Punct(_) => break,
        }
    }
    if path.len() > 1 && path.last().is_some_and(|s| s == "self") {
        path.pop();
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// The file a path written in module `here` (a file's module, plus any inline modules it is
/// in) leads to, if it leads to a file of `files`.
fn resolve(path: &[String], here: &[String], files: &BTreeSet<Module>) -> Option<Module> {
    let first = path.first()?;
    let mut base: Module = match first.as_str() {
        "crate" | "super" | "self" => here.to_vec(),
        "youcheng" if here[0] != "youcheng" => Vec::new(),
        _ => {
            // A child module of this one, by its name.
            let mut child = here.to_vec();
            child.push(first.clone());
            if !files.iter().any(|f| f.starts_with(&child)) {
                return None;
            }
            here.to_vec()
        }
    };
    let mut rest = path;
    while let Some(segment) = rest.first() {
        match segment.as_str() {
            "crate" => base.truncate(1),
            "super" => {
                base.pop();
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    while !base.is_empty() && !files.contains(&base) {
        base.pop();
    }
    (!base.is_empty()).then_some(base)
}

/// The files a file's code names: every path of its `use` trees and every path written inline.
fn imports_of(module: &Module, text: &str, files: &BTreeSet<Module>) -> BTreeSet<Module> {
    let toks = tokens(&code_only(text));
    let mut targets = BTreeSet::new();
    // Inline modules (`mod tests { … }`) the cursor is in, with the brace depth they close at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here: Module =
            module.iter().cloned().chain(inline.iter().map(|(m, _)| m.clone())).collect();
        let mut paths = Vec::new();
        match &toks[i] {
            Token::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Token::Word(w) if w == "mod" => {
                if let (Some(Token::Word(name)), Some(Token::Punct('{'))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    depth += 1;
                    inline.push((name.clone(), depth));
                    i += 3;
                } else {
                    i += 1;
                }
            }
            Token::Word(w) if w == "use" => {
                i += 1;
                use_tree(&toks, &mut i, &[], &mut paths);
            }
            Token::Word(w) if i == 0 || toks[i - 1] != Token::PathSep => {
                let mut path = vec![w.clone()];
                let mut j = i + 1;
                while toks.get(j) == Some(&Token::PathSep) {
                    let Some(Token::Word(next)) = toks.get(j + 1) else { break };
                    path.push(next.clone());
                    j += 2;
                }
                if path.len() > 1 {
                    paths.push(path);
                }
                i = j;
            }
            _ => i += 1,
        }
        for path in paths {
            if let Some(target) = resolve(&path, &here, files).filter(|t| t != module) {
                targets.insert(target);
            }
        }
    }
    targets
}

/// The import graph of a set of files, each given by its path under `src/` and its text.
fn import_graph(sources: &[(String, String)]) -> Graph {
    let files: BTreeSet<Module> = sources.iter().map(|(rel, _)| module_of(rel)).collect();
    sources
        .iter()
        .map(|(rel, text)| {
            let module = module_of(rel);
            let targets = imports_of(&module, text, &files);
            (module, targets)
        })
        .collect()
}

/// Every `.rs` file under `src/`, by its path under `src/`, with its text.
fn src_sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&src)
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(&f).expect("readable"))
        })
        .collect()
}

/// A cycle of `graph` (`a → b → a`), if it has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    // Depth-first search for a back edge.
    fn visit(
        node: &Module,
        graph: &Graph,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
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
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
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
    let ui: Vec<(String, String)> =
        src_sources().into_iter().filter(|(rel, _)| rel.starts_with("ui/")).collect();
    let cycle = find_cycle(&import_graph(&ui));
    assert!(cycle.is_none(), "import cycle in src/ui: {}", cycle.unwrap_or_default().join(" → "));
}

#[test]
fn no_file_of_src_imports_itself_through_others() {
    let graph = import_graph(&src_sources());
    let cycle = find_cycle(&graph);
    assert!(cycle.is_none(), "import cycle in src: {}", cycle.unwrap_or_default().join(" → "));
    // Not vacuous: the graph holds the core, the UI and the binaries, and their imports.
    let crates: BTreeSet<&str> = graph.keys().map(|m| m[0].as_str()).collect();
    assert_eq!(
        crates,
        BTreeSet::from(["youcheng", "youcheng(bin)", "youcheng-data", "youcheng-sheets"])
    );
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(edges > 2 * graph.len(), "only {edges} imports between {} files", graph.len());
}

/// The import graph of a few files, each given by its path under `src/` and its text.
fn synthetic_graph(files: &[(&str, &str)]) -> Graph {
    let sources: Vec<(String, String)> =
        files.iter().map(|(rel, text)| (rel.to_string(), text.to_string())).collect();
    import_graph(&sources)
}

#[test]
fn the_checker_reads_every_kind_of_import() {
    let graph = synthetic_graph(&[
        ("lib.rs", "pub mod model;"),
        ("model/mod.rs", "pub mod a;\npub mod b;\npub mod c;\npub mod geo;"),
        // Grouped and nested, over several lines, `self` in a group, a renaming, a glob.
        ("model/a.rs", "use crate::model::{\n    b::{self, X},\n    geo::arc::{Y as Z, *},\n};"),
        // `super::` written inline, not under `use`; a path in a comment or a string is not
        // an import.
        (
            "model/b.rs",
            "// crate::model::c::Q\nfn f() { let s = \"crate::model::c::Q\"; super::geo::g(); }",
        ),
        // `self::` and a child by its name.
        ("model/geo/mod.rs", "pub mod arc;\nuse self::arc::A;\nfn f() -> char { arc::g('x') }"),
        // An inline `mod tests` reaches its own file by `super::*` (no edge) and the core's
        // other files by `super::super::super::`.
        (
            "model/geo/arc.rs",
            "#[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::super::c::T;\n}",
        ),
        // `pub(crate)` and `Vec::<u8>::new` are not module paths.
        ("model/c.rs", "pub(crate) fn c() -> Vec<u8> { Vec::<u8>::new() }"),
        // A binary: `crate::` is its own main.rs, `youcheng::` the library.
        ("bin/tool/main.rs", "mod step;\nuse youcheng::model::a::F;"),
        ("bin/tool/step.rs", "use crate::helper;\nfn f() { youcheng::model::c::c(); }"),
    ]);
    let edges: BTreeSet<String> = graph
        .iter()
        .flat_map(|(from, to)| {
            to.iter().map(move |t| format!("{} -> {}", from.join("::"), t.join("::")))
        })
        .collect();
    let expected: BTreeSet<String> = [
        "youcheng::model::a -> youcheng::model::b",
        "youcheng::model::a -> youcheng::model::geo::arc",
        "youcheng::model::b -> youcheng::model::geo",
        "youcheng::model::geo -> youcheng::model::geo::arc",
        "youcheng::model::geo::arc -> youcheng::model::c",
        "tool -> youcheng::model::a",
        "tool::step -> tool",
        "tool::step -> youcheng::model::c",
    ]
    .iter()
    .map(|e| e.to_string())
    .collect();
    assert_eq!(edges, expected);
}

#[test]
fn the_checker_finds_a_small_cycle() {
    let sources = [
        ("lib.rs", "pub mod model;"),
        ("model/mod.rs", "pub mod problem;\npub mod i18n;"),
        ("model/problem.rs", "fn f() -> String { super::i18n::problem_text() }"),
        ("model/i18n/mod.rs", "use crate::model::{problem::{Problem, Kind}};"),
    ];
    let cycle = find_cycle(&synthetic_graph(&sources)).expect("the cycle is found");
    assert_eq!(cycle.len(), 3, "{cycle:?}");
    assert!(cycle.contains(&"youcheng::model::problem".to_owned()), "{cycle:?}");
    assert!(cycle.contains(&"youcheng::model::i18n".to_owned()), "{cycle:?}");
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
