//! A folder of `.txt` files, one article each, with an optional `manifest.toml` or
//! `manifest.csv` giving each file's outlet, date, title, URL, language and id.
//!
//! Files are read in manifest order, then any `.txt` file the manifest does not name, in name
//! order, with outlet `unknown`. A manifest row naming a missing file becomes a skip, and so do
//! a dangling symbolic link and a link loop. A manifest row or a link that resolves outside the
//! folder (`../secret.txt`, `/etc/passwd`, a link to another folder) is skipped with a reason
//! unless `LoadOptions::allow_outside_folder` is set: a manifest must not pull other files into a
//! report.

use super::article::{Record, Skip, SkipKind};
use super::{
    build_article, display_path, utf8_problem, Error, InputInfo, InputKind, LoadOptions,
    RecordStream,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// One manifest row.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// File name inside the folder.
    pub file: String,
    /// Article id (default: the file stem).
    pub id: Option<String>,
    /// Host outlet.
    pub outlet: Option<String>,
    /// Publication date as written (shown in reports; the timeline reads its month, see
    /// `corpus::date`).
    pub date: Option<String>,
    /// Headline, shown with the article's evidence.
    pub title: Option<String>,
    /// Address of the original article, linked from its evidence.
    pub url: Option<String>,
    /// Language code (`en`); recorded, the analysis is English-only.
    pub lang: Option<String>,
    /// Free text about the source (ignored by the analysis).
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestToml {
    article: Vec<toml::Spanned<ManifestEntry>>,
}

/// A manifest: its path, its rows with the line each starts on, and its bytes.
pub type Manifest = (PathBuf, Vec<(usize, ManifestEntry)>, Vec<u8>);

/// Reads the folder's manifest (rows with the line each starts on), if it has one.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>, Error> {
    let toml_path = dir.join("manifest.toml");
    let csv_path = dir.join("manifest.csv");
    for path in [toml_path, csv_path] {
        if path.is_file() {
            let shown = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| Error::Io {
                path: shown.clone(),
                source: e,
            })?;
            let rows = parse_manifest(&bytes, &shown)?;
            return Ok(Some((path, rows, bytes)));
        }
    }
    Ok(None)
}

/// Parses manifest bytes: TOML (`[[article]]` tables) unless `shown` ends in `.csv`. Returns
/// the rows with the line each starts on; errors name `shown` and the line.
pub fn parse_manifest(bytes: &[u8], shown: &str) -> Result<Vec<(usize, ManifestEntry)>, Error> {
    if !shown.to_lowercase().ends_with(".csv") {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::Manifest {
            path: shown.to_string(),
            line: line_of_bytes(bytes, e.valid_up_to()),
            message: format!(
                "not UTF-8 (byte {}); save the manifest as UTF-8",
                e.valid_up_to()
            ),
        })?;
        let parsed: ManifestToml = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            Error::Manifest {
                path: shown.to_string(),
                line,
                message: format!("{}; see the manifest format in README.md", e.message()),
            }
        })?;
        return Ok(parsed
            .article
            .into_iter()
            .map(|s| (line_of(text, s.span().start), s.into_inner()))
            .collect());
    }
    let mut rdr = csv::ReaderBuilder::new().from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let headers = rdr
        .headers()
        .map_err(|e| Error::Manifest {
            path: shown.to_string(),
            line: 1,
            message: format!(
                "cannot read the header: {e}; columns are file,id,outlet,date,title,url,lang,note"
            ),
        })?
        .clone();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line() as usize).unwrap_or(1);
                match record.deserialize::<ManifestEntry>(Some(&headers)) {
                    Ok(row) => rows.push((line, row)),
                    Err(e) => {
                        return Err(Error::Manifest {
                            path: shown.to_string(),
                            line,
                            message: format!(
                                "{e}; columns are file,id,outlet,date,title,url,lang,note"
                            ),
                        })
                    }
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
                return Err(Error::Manifest {
                    path: shown.to_string(),
                    line,
                    message: format!("{e}; columns are file,id,outlet,date,title,url,lang,note"),
                });
            }
        }
    }
    Ok(rows)
}

fn line_of_bytes(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

enum Job {
    Listed {
        manifest: String,
        line: usize,
        entry: ManifestEntry,
    },
    Unlisted(PathBuf),
}

/// Extensions of the files a folder's articles are read from: plain text, saved pages and JSON
/// articles (news-please writes one per file).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "html", "htm", "json"];

/// The article files of a folder (by [`ARTICLE_EXTENSIONS`]) in name order, symbolic links included whatever they point
/// to (a dangling link or a loop is read, and so becomes a skip, instead of vanishing).
fn txt_entries(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |e| Error::Io {
        path: display_path(dir),
        source: e,
    };
    let mut v = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let p = entry.path();
        let txt = p
            .extension()
            .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)));
        let kind = entry.file_type().map_err(io)?;
        if txt && (kind.is_file() || kind.is_symlink()) {
            if kind.is_symlink() && p.is_dir() {
                continue;
            }
            v.push(p);
        }
    }
    v.sort();
    Ok(v)
}

/// Streams the articles of a folder.
pub struct FolderReader {
    dir: PathBuf,
    /// The folder after symbolic links, to tell entries inside it from entries outside.
    canonical: Option<PathBuf>,
    source: String,
    jobs: VecDeque<Job>,
    hasher: Sha256,
    options: LoadOptions,
    /// Further records of a JSON file holding an array.
    pending: VecDeque<Record>,
}

impl FolderReader {
    /// Lists the folder and reads its manifest.
    pub fn open(dir: &Path, options: &LoadOptions) -> Result<FolderReader, Error> {
        let mut hasher = Sha256::new();
        let mut jobs = VecDeque::new();
        let mut listed = BTreeSet::new();
        if let Some((path, rows, bytes)) = read_manifest(dir)? {
            hasher.update(&bytes);
            let shown = path.display().to_string();
            for (line, entry) in rows {
                listed.insert(entry.file.clone());
                jobs.push_back(Job::Listed {
                    manifest: shown.clone(),
                    line,
                    entry,
                });
            }
        }
        for p in txt_entries(dir)? {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !listed.contains(&name) {
                jobs.push_back(Job::Unlisted(p));
            }
        }
        Ok(FolderReader {
            dir: dir.to_path_buf(),
            canonical: std::fs::canonicalize(dir).ok(),
            source: dir.display().to_string(),
            jobs,
            hasher,
            options: options.clone(),
            pending: VecDeque::new(),
        })
    }

    fn read_file(
        &mut self,
        path: &Path,
        entry: &ManifestEntry,
        manifest: Option<(&str, usize)>,
    ) -> Record {
        let shown = path.display().to_string();
        let (source, line) = manifest
            .map(|(m, l)| (m.to_string(), Some(l as u64)))
            .unwrap_or((shown.clone(), None));
        if !self.options.allow_outside_folder {
            if let (Ok(real), Some(folder)) = (std::fs::canonicalize(path), &self.canonical) {
                if !real.starts_with(folder) {
                    return Err(Skip {
                        source,
                        line,
                        id: entry.id.clone(),
                        kind: SkipKind::OutsideFolder,
                        reason: format!(
                            "{shown} resolves to {}, outside the corpus folder {}; not read (move the file into the folder, or pass --allow-outside-folder if you trust this manifest)",
                            real.display(),
                            folder.display()
                        ),
                    });
                }
            }
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let what = if manifest.is_some() {
                    "fix the file name in the manifest or add the file"
                } else if path.is_symlink() {
                    "the symbolic link is dangling or loops; fix or remove it"
                } else {
                    "check the file's permissions"
                };
                return Err(Skip {
                    source,
                    line,
                    id: entry.id.clone(),
                    kind: SkipKind::MissingFile,
                    reason: format!("cannot read {shown}: {e}; {what}"),
                });
            }
        };
        self.hasher.update(entry.file.as_bytes());
        self.hasher.update(&bytes);
        if let Some(c) = &self.options.bytes_read {
            c.fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let content = super::sniff(&bytes[..bytes.len().min(8192)]);
        let id = entry
            .id
            .clone()
            .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()));
        // A page (by its name or its content, a `.txt` saved from a browser), or a JSON
        // article: read as such, the manifest's fields winning over the file's own.
        if ext == "html" || ext == "htm" || content == Some(super::Content::Html) {
            let at = super::document::PageSource {
                source: &shown,
                line: None,
                id,
                fetched_from: entry.url.as_deref(),
                charset: None,
                given: Some(entry),
            };
            return super::document::page_record(&bytes, &at, &self.options);
        }
        if ext == "json" {
            if let Some(problem) = utf8_problem(&bytes, 0) {
                return Err(Skip {
                    source: shown,
                    line: None,
                    id,
                    kind: SkipKind::InvalidUtf8,
                    reason: problem,
                });
            }
            let text = String::from_utf8(bytes).unwrap_or_default();
            let mut records = super::document::json_records(&text, &shown, &self.options)
                .into_iter()
                .map(|r| r.map(|a| with_entry(a, entry, records_of_one(&text))));
            let first = records.next().unwrap_or_else(|| {
                Err(Skip {
                    source: shown.clone(),
                    line: None,
                    id: entry.id.clone(),
                    kind: SkipKind::EmptyText,
                    reason: "an empty JSON array: no article in the file".into(),
                })
            });
            self.pending.extend(records);
            return first;
        }
        if let Some(problem) = utf8_problem(&bytes, 0) {
            return Err(Skip {
                source: shown,
                line: None,
                id: entry.id.clone(),
                kind: SkipKind::InvalidUtf8,
                reason: problem,
            });
        }
        let text = String::from_utf8(bytes).unwrap_or_default();
        build_article(
            &shown,
            None,
            id,
            entry.outlet.as_deref(),
            entry.date.clone(),
            entry.title.clone(),
            entry.url.clone(),
            entry.lang.clone(),
            text,
            &self.options,
        )
    }
}

/// Whether a JSON file holds one article (not an array).
fn records_of_one(text: &str) -> bool {
    !text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('[')
}

/// A JSON article of a folder with its manifest row's fields, which win over the file's; the
/// id is the row's, else the record's own, else (a file of one article) the file's stem.
fn with_entry(mut a: super::Article, entry: &ManifestEntry, one: bool) -> super::Article {
    let defaulted = a.line.is_some_and(|l| a.id == format!("{}:{l}", a.source));
    let stem = std::path::Path::new(&entry.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|_| one && defaulted);
    if let Some(id) = entry.id.clone().or(stem) {
        a.id = id;
    }
    if let Some(o) = &entry.outlet {
        a.outlet = super::normalize_outlet(Some(o));
    }
    a.date = entry.date.clone().or(a.date);
    a.title = entry.title.clone().or(a.title);
    a.url = entry.url.clone().or(a.url);
    a.lang = entry.lang.clone().or(a.lang);
    a
}

impl Iterator for FolderReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(r) = self.pending.pop_front() {
            return Some(r);
        }
        let job = self.jobs.pop_front()?;
        Some(match job {
            Job::Listed {
                manifest,
                line,
                entry,
            } => {
                let path = self.dir.join(&entry.file);
                self.read_file(&path, &entry, Some((&manifest, line)))
            }
            Job::Unlisted(path) => {
                let entry = ManifestEntry {
                    file: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    ..Default::default()
                };
                self.read_file(&path, &entry, None)
            }
        })
    }
}

impl RecordStream for FolderReader {
    fn info(&self) -> InputInfo {
        InputInfo {
            path: self.source.clone(),
            kind: InputKind::Folder,
            sha256: crate::hash::finish_hex(&self.hasher),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_rows_and_errors_carry_their_lines() {
        let csv = b"file,outlet\na.txt,tass\n\"b\nc.txt\",irna\nd.txt,x,extra\n";
        let rows = parse_manifest(&csv[..38], "m.csv").unwrap();
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3]);
        let e = parse_manifest(csv, "m.csv").unwrap_err().to_string();
        assert!(e.starts_with("m.csv:5: "), "{e}");
        let toml = "[[article]]\nfile = \"a.txt\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = 3\n";
        let e = parse_manifest(toml.as_bytes(), "m.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("m.toml:6: "), "{e}");
        let e = parse_manifest(b"[[article]]\nfile = \"\xff\"\n", "m.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("m.toml:2: not UTF-8 (byte 20)"), "{e}");
    }
}
