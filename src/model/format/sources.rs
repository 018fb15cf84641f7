//! A dataset's sources file: the details of the sources (titles, addresses, publishers'
//! notes) kept apart from the partnerships, so the file fetched for the first view carries
//! only the sources' ids (`docs/data-format.md`). The dataset names it in its header
//! (`dataset.sources_file`, relative to the dataset's own address); [`load_sources`] reads it
//! against the dataset and [`super::dataset::Dataset::with_sources`] gives the whole dataset.
//!
//! Only a file that cannot be the dataset's sources file is an error (not JSON, too large,
//! another format, dataset or version); a source the file lacks keeps its id and is a problem.

use std::collections::HashMap;

use serde_json::Value;

use super::dataset::{Dataset, Source};
use super::load::{LoadError, fatal, parse_json, read_sources, read_version};
use super::problem::{Problem, ProblemKind, Problems, RecordKind, RecordRef, Severity};

/// The `format` value of a sources file.
pub const SOURCES_FORMAT: &str = "youcheng-sources";

/// The sources file's details, one per source of the dataset, in its order.
#[derive(Debug)]
pub struct SourcesLoaded {
    /// One per [`Dataset::sources`], in order: the file's details, or the id alone when the
    /// file does not have it.
    pub sources: Vec<Source>,
    /// What was wrong with the file (a source it lacks, a bad record).
    pub problems: Vec<Problem>,
}

/// The address of the sources file named `file` by the dataset at `data_url`: beside it (in
/// the same folder). `data_url` is the address the dataset was fetched from, relative or not.
pub fn sources_address(data_url: &str, file: &str) -> String {
    // Only the path counts: a query or fragment of the dataset's address is not the folder.
    let path_end = data_url.find(['?', '#']).unwrap_or(data_url.len());
    let path = &data_url[..path_end];
    match path.rfind('/') {
        Some(slash) => format!("{}{file}", &path[..=slash]),
        None => file.to_owned(),
    }
}

/// Reads the sources file `text` of `dataset`: each of the dataset's sources gets its details.
pub fn load_sources(dataset: &Dataset, text: &str) -> Result<SourcesLoaded, LoadError> {
    let meta = dataset.meta();
    let not_ours = || fatal(ProblemKind::NotSourcesFile { dataset: meta.id.clone() });
    let mut problems = Problems::default();
    let root = parse_json(text, &mut problems)?;
    let root = root.as_object().ok_or_else(not_ours)?;
    if root.get("format").and_then(Value::as_str) != Some(SOURCES_FORMAT) {
        return Err(not_ours());
    }
    read_version(root, &mut problems)?;
    // The file of another dataset, or of another build of this one, would give wrong titles.
    let of = root.get("dataset").and_then(Value::as_object);
    let field = |key: &str| of.and_then(|o| o.get(key)).and_then(Value::as_str);
    if field("id") != Some(meta.id.as_str()) || field("version") != Some(meta.version.as_str()) {
        return Err(not_ours());
    }
    let (details, mut problems) = read_sources(root, problems);
    let mut by_id: HashMap<&str, &Source> = details.iter().map(|s| (s.id.as_str(), s)).collect();
    let sources = dataset
        .sources()
        .iter()
        .enumerate()
        .map(|(index, known)| match by_id.remove(known.id.as_str()) {
            Some(found) => found.clone(),
            None => {
                let mut rec = RecordRef::at(RecordKind::Source, index);
                rec.id = Some(known.id.clone());
                problems.push(
                    &rec,
                    None,
                    ProblemKind::DanglingReference {
                        target: RecordKind::Source,
                        id: known.id.clone(),
                    },
                    Severity::Warning,
                );
                // Known by its id only, and no longer waiting for anything.
                Source { elsewhere: false, ..known.clone() }
            }
        })
        .collect();
    Ok(SourcesLoaded { sources, problems: problems.into_vec() })
}
