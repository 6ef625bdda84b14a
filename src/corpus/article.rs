//! Articles and skip records: every input record ends as exactly one of the two.

use serde::{Deserialize, Serialize};

/// One loaded article. `text` is kept exactly as read (after UTF-8 decoding, without a BOM).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: from the input, or `<file>:<line>` when the input has none.
    pub id: String,
    /// Host outlet as given by the input (lowercased and trimmed), `unknown` when absent.
    pub outlet: String,
    /// Publication date as given (ISO 8601 expected).
    pub date: Option<String>,
    /// Title as given.
    pub title: Option<String>,
    /// URL as given.
    pub url: Option<String>,
    /// Language code as given.
    pub lang: Option<String>,
    /// The article text, never changed after loading.
    pub text: String,
    /// Where the record came from: input path.
    pub source: String,
    /// Line (JSONL, CSV, manifest) where the record starts; none for a text file.
    pub line: Option<u64>,
    /// Hex SHA-256 of the text: a stable content hash.
    pub hash: String,
}

impl Article {
    /// Where the record came from, as `path:line` or `path`.
    pub fn origin(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{}", self.source, l),
            None => self.source.clone(),
        }
    }
}

/// Why a record was not analysed.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SkipKind {
    /// The line is not valid JSON.
    InvalidJson,
    /// A field has the wrong type.
    InvalidField,
    /// A required field (`text`, `outlet`) is missing or null.
    MissingField,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// The text is empty or only whitespace.
    EmptyText,
    /// Nothing is left once boilerplate is set aside.
    EmptyAfterBoilerplate,
    /// Another record already used this id.
    DuplicateId,
    /// Another record has exactly the same text.
    DuplicateText,
    /// The article is larger than `--max-article-bytes`.
    TooLarge,
    /// A CSV row with a different number of fields than the header.
    RaggedRow,
    /// A file that does not exist or cannot be read: a manifest row naming a missing file, a
    /// dangling symbolic link, a link loop.
    MissingFile,
    /// A manifest row or a symbolic link that resolves outside the corpus folder (read only
    /// with `--allow-outside-folder`).
    OutsideFolder,
    /// The input could not be read further (truncated gzip, IO error).
    ReadError,
    /// No loaded lexicon is written in the article's language.
    Language,
    /// A web page in which no main text was found (an index page, a page of links).
    NoMainText,
    /// A WARC record that is not an article page (an image, a redirect, an error page).
    NotArticle,
}

/// A record that was read but not analysed, with the reason and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Skip {
    /// Input path.
    pub source: String,
    /// Line where the record starts, when the input has lines.
    pub line: Option<u64>,
    /// Article id when known.
    pub id: Option<String>,
    /// Kind of problem.
    pub kind: SkipKind,
    /// What is wrong and what to do, in words.
    pub reason: String,
}

impl SkipKind {
    /// The kind as report.json writes it (`invalid-json`, `missing-file`, ...).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

impl Skip {
    /// The kind as report.json writes it (`invalid-json`, `missing-file`, ...).
    pub fn kind_name(&self) -> String {
        self.kind.name()
    }

    /// `path:line: reason`.
    pub fn message(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{}: {}", self.source, l, self.reason),
            None => format!("{}: {}", self.source, self.reason),
        }
    }
}

/// One input record: an article, or a skip.
pub type Record = Result<Article, Skip>;
