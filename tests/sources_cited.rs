//! A source is cited by its own title, outlet and date: the reviewed sources
//! (`data/curated/sources.csv`) never speak of the project instead ("… as compiled in the
//! project's review of peer systems"), and a Chinese citation is Chinese around its title too
//! (no "from CCTV News", "(copy)"), as the Chinese interface shows it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use youcheng::model::read::csv::read;

fn curated_sources() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/sources.csv");
    let text = std::fs::read_to_string(path).expect("data/curated/sources.csv");
    let table = read(&text);
    let (id, title) =
        (table.column("id").expect("an id column"), table.column("title").expect("a title"));
    table.rows.iter().map(|r| (r.get(id).to_owned(), r.get(title).to_owned())).collect()
}

/// Latin words of two letters or more that are not part of an address ("silo.tips").
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '/'))
        .filter(|w| !w.contains('.') && w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_source_speaks_of_the_project_instead_of_itself() {
    let words = ["the project", "this project", "peer systems", "as compiled", "本项目"];
    let bad: Vec<String> = curated_sources()
        .into_iter()
        .filter(|(_, title)| words.iter().any(|w| title.to_lowercase().contains(w)))
        .map(|(id, title)| format!("{id}: {title}"))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn a_chinese_citation_is_chinese_around_its_title() {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let bad: Vec<String> = curated_sources()
        .into_iter()
        .filter(|(_, title)| title.chars().any(han))
        .filter(|(_, title)| !latin_words(title).is_empty())
        .map(|(id, title)| format!("{id}: {title} ({:?})", latin_words(&title)))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    // The check finds what it looks for.
    assert_eq!(
        latin_words("新增8對（中國產業經濟信息網, from CCTV News）"),
        ["from", "CCTV", "News"]
    );
    assert!(latin_words("（南开大学论文，silo.tips 副本）").is_empty());
}

/// A source whose own title is not known is cited by its outlet and date, as a reader cites
/// it ("China News Service, 2026-05-13, by Li Mingrui: …" / "中新网，2026年5月13日"): the
/// data tab showed four notes ending "its own title is not recorded" / "原标题未记录", which
/// say what the project lacks instead of what the source is.
#[test]
fn a_source_is_cited_by_what_it_is_not_by_what_is_missing() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/sources.csv");
    let text = std::fs::read_to_string(path).expect("data/curated/sources.csv");
    let table = read(&text);
    let id = table.column("id").expect("an id column");
    let notes = [table.column("note_en").expect("note_en"), table.column("note_zh").expect("zh")];
    let words = ["not recorded", "untitled", "title unknown", "未记录", "标题不详", "无标题"];
    let bad: Vec<String> = table
        .rows
        .iter()
        .flat_map(|r| notes.iter().map(move |c| (r.get(id), r.get(*c))))
        .filter(|(_, note)| words.iter().any(|w| note.to_lowercase().contains(w)))
        .map(|(id, note)| format!("{id}: {note}"))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}
