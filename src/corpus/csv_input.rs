//! CSV input with a header row; the columns for text, outlet, date, id, title and URL are
//! chosen by name (flags `--text-col` and friends). When the named column is not in the header,
//! the names that exports of Media Cloud, GDELT and news-please give it are tried
//! ([`ALIASES`]), so such files are read without flags; an outlet taken from such a column that
//! is a host name or address (`nytimes.com`) is named as [`super::web::outlet_of_host`] names a
//! host. A row with the wrong number of
//! fields or invalid UTF-8 is skipped with its line.

use super::article::{Record, Skip, SkipKind};
use super::{build_article, utf8_problem, Error, InputInfo, InputKind, LoadOptions, RecordStream};
use crate::hash::{hex_digest, HashingReader};
use sha2::Sha256;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Other names of each column (lower case), tried in order when the one asked for is not in
/// the header: Media Cloud (`media_name`, `publish_date`, `stories_id`), GDELT
/// (`seendate`, `domain`, `sourcecommonname`, `documentidentifier`), news-please (`maintext`,
/// `source_domain`, `date_publish`, `language`) and common export names.
pub const ALIASES: &[(&str, &[&str])] = &[
    (
        "text",
        &[
            "maintext",
            "content",
            "body",
            "story_text",
            "full_text",
            "article_text",
            "article",
        ],
    ),
    (
        "outlet",
        &[
            "media_name",
            "source_domain",
            "domain",
            "sourcecommonname",
            "source",
            "source_name",
            "media",
            "publisher",
            "media_url",
        ],
    ),
    (
        "date",
        &[
            "publish_date",
            "date_publish",
            "published",
            "publication_date",
            "pub_date",
            "published_at",
            "seendate",
        ],
    ),
    ("id", &["stories_id", "story_id", "guid"]),
    ("title", &["headline"]),
    ("url", &["link", "documentidentifier", "sourceurl"]),
    ("lang", &["language"]),
];

struct Columns {
    text: usize,
    /// The outlet column is an export's (`media_name`, `domain`, ...): a value that is a host
    /// name or an address is named by its host.
    outlet_is_domain: bool,
    outlet: Option<usize>,
    date: Option<usize>,
    id: Option<usize>,
    title: Option<usize>,
    url: Option<usize>,
    lang: Option<usize>,
    width: usize,
    names: Vec<String>,
}

/// Streams records from a CSV file.
pub struct CsvReader {
    source: String,
    reader: csv::Reader<HashingReader<Box<dyn std::io::Read + Send>>>,
    hasher: Arc<Mutex<Sha256>>,
    columns: Columns,
    options: LoadOptions,
    record: csv::ByteRecord,
    done: bool,
}

impl CsvReader {
    /// Opens a CSV file and checks its header.
    pub fn open(path: &Path, options: &LoadOptions) -> Result<CsvReader, Error> {
        let source = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::Io {
            path: source.clone(),
            source: e,
        })?;
        CsvReader::from_reader(source, Box::new(file), options)
    }

    /// Reads CSV from `raw`, naming it `source` in skips (tab-separated when `source` ends in
    /// `.tsv`), and checks the header.
    pub fn from_reader(
        source: String,
        raw: Box<dyn std::io::Read + Send>,
        options: &LoadOptions,
    ) -> Result<CsvReader, Error> {
        let (hashing, hasher) = HashingReader::new(raw);
        let hashing = hashing.counting(options.bytes_read.clone());
        let tsv = source.to_lowercase().ends_with(".tsv");
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(if tsv { b'\t' } else { b',' })
            .from_reader(hashing);
        let header = reader
            .byte_headers()
            .map_err(|e| Error::Manifest {
                path: source.clone(),
                line: 1,
                message: format!("cannot read the CSV header: {e}"),
            })?
            .clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{FEFF}')
                    .to_lowercase()
            })
            .collect();
        let exact = |name: &str| names.iter().position(|n| *n == name.to_lowercase());
        let aliases = |name: &str| -> &'static [&'static str] {
            ALIASES
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| *v)
                .unwrap_or(&[])
        };
        // The column asked for, else (for the default name) its aliases in order.
        let find = |asked: &str, default: &str| -> Option<usize> {
            exact(asked).or_else(|| {
                (asked.eq_ignore_ascii_case(default))
                    .then(|| aliases(default).iter().find_map(|a| exact(a)))
                    .flatten()
            })
        };
        let need = |asked: &str, default: &str, flag: &str| {
            find(asked, default).ok_or_else(|| Error::MissingColumn {
                path: source.clone(),
                column: if asked.eq_ignore_ascii_case(default) {
                    format!("{asked:?} (nor {})", aliases(default).join(", "))
                } else {
                    format!("{asked:?}")
                },
                found: names.join(","),
                flag: flag.to_string(),
            })
        };
        let outlet = need(&options.outlet_col, "outlet", "--outlet-col")?;
        let columns = Columns {
            text: need(&options.text_col, "text", "--text-col")?,
            outlet_is_domain: names[outlet] != options.outlet_col.to_lowercase(),
            outlet: Some(outlet),
            date: find(&options.date_col, "date"),
            id: find(&options.id_col, "id"),
            title: find(&options.title_col, "title"),
            url: find(&options.url_col, "url"),
            lang: find("lang", "lang"),
            width: names.len(),
            names,
        };
        Ok(CsvReader {
            source,
            reader,
            hasher,
            columns,
            options: options.clone(),
            record: csv::ByteRecord::new(),
            done: false,
        })
    }

    fn convert(&self) -> Record {
        let pos = self.record.position();
        // The csv crate's position is where the previous record ended: the record itself
        // starts on the next line.
        let line = pos.map(|p| p.line() + 1);
        let byte = pos.map(|p| p.byte()).unwrap_or(0);
        let skip = |kind, reason: String| Skip {
            source: self.source.clone(),
            line,
            id: None,
            kind,
            reason,
        };
        if self.record.len() != self.columns.width {
            return Err(skip(
                SkipKind::RaggedRow,
                format!(
                    "row has {} fields but the header has {}; quote fields that contain commas",
                    self.record.len(),
                    self.columns.width
                ),
            ));
        }
        let mut fields = Vec::with_capacity(self.record.len());
        let mut offset = byte;
        for (i, f) in self.record.iter().enumerate() {
            if let Some(problem) = utf8_problem(f, offset) {
                let column = self.columns.names.get(i).map(String::as_str).unwrap_or("?");
                return Err(skip(
                    SkipKind::InvalidUtf8,
                    problem.replacen("; ", &format!(" in column {column:?}; "), 1),
                ));
            }
            offset += f.len() as u64 + 1;
            fields.push(std::str::from_utf8(f).unwrap_or_default());
        }
        let get = |c: Option<usize>| c.and_then(|i| fields.get(i)).map(|s| s.to_string());
        let outlet = get(self.columns.outlet).map(|o| {
            let host = o.contains('.') && !o.trim().contains(char::is_whitespace);
            if self.columns.outlet_is_domain && host {
                super::web::outlet_of_host(super::web::host_of(&o).unwrap_or(&o)).unwrap_or(o)
            } else {
                o
            }
        });
        if outlet.as_deref().map(str::trim).unwrap_or("").is_empty() {
            return Err(skip(
                SkipKind::MissingField,
                format!(
                    "empty outlet column {:?}; every record needs its outlet",
                    self.options.outlet_col
                ),
            ));
        }
        build_article(
            &self.source,
            line,
            get(self.columns.id),
            outlet.as_deref(),
            get(self.columns.date),
            get(self.columns.title),
            get(self.columns.url),
            get(self.columns.lang),
            fields[self.columns.text].to_string(),
            &self.options,
        )
    }
}

impl Iterator for CsvReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let mut record = std::mem::take(&mut self.record);
        let r = self.reader.read_byte_record(&mut record);
        self.record = record;
        match r {
            Ok(true) => Some(self.convert()),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                let line = e.position().map(|p| p.line() + 1);
                Some(Err(Skip {
                    source: self.source.clone(),
                    line,
                    id: None,
                    kind: SkipKind::ReadError,
                    reason: format!("cannot read further: {e}; records after this point are lost"),
                }))
            }
        }
    }
}

impl RecordStream for CsvReader {
    fn info(&self) -> InputInfo {
        InputInfo {
            path: self.source.clone(),
            kind: InputKind::Csv,
            sha256: hex_digest(&self.hasher),
        }
    }
}
