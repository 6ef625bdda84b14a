//! Duplicate detection: the first record with an id or a text wins; later ones are skipped.
//!
//! Keeps one entry per analysed article (its id and a 16-byte text digest prefix), so memory
//! grows by about 40 bytes per article: 40 MB for a million articles.
//!
//! A cluster run maps each part of a corpus on its own, so a part cannot see the records of
//! the parts before it. [`KnownDuplicates`] carries what a pass over the whole corpus found
//! (`framelens recurring --duplicates FILE`, in the order `analyze` reads): every `map` then
//! skips the same records, with the same reasons, as `analyze` of the whole corpus.

use super::article::{Article, Skip, SkipKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Remembers ids and text hashes seen so far.
#[derive(Default)]
pub struct Dedup {
    ids: FxHashSet<String>,
    texts: FxHashMap<u128, String>,
    known: Option<Arc<KnownDuplicates>>,
}

/// Where a record was read: (input path, line, id).
type Place = (String, Option<u64>, Option<String>);

/// The duplicate records of a whole corpus, by where they were read.
#[derive(Debug, Default, PartialEq)]
pub struct KnownDuplicates {
    by_place: FxHashMap<Place, Skip>,
}

impl KnownDuplicates {
    /// From the skips of a pass over the whole corpus (those of other kinds are left out).
    pub fn new(skips: impl IntoIterator<Item = Skip>) -> KnownDuplicates {
        let by_place = skips
            .into_iter()
            .filter(|s| matches!(s.kind, SkipKind::DuplicateId | SkipKind::DuplicateText))
            .map(|s| ((s.source.clone(), s.line, s.id.clone()), s))
            .collect();
        KnownDuplicates { by_place }
    }

    /// Reads a file written by [`KnownDuplicates::to_jsonl`]; `name` names it in errors.
    pub fn parse(text: &str, name: &str) -> Result<KnownDuplicates, String> {
        let mut skips = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let s: Skip = serde_json::from_str(line).map_err(|e| {
                format!(
                    "{name}, line {}: not a duplicate record ({e}); write the file with `framelens recurring INPUT... --duplicates FILE`",
                    i + 1
                )
            })?;
            if !matches!(s.kind, SkipKind::DuplicateId | SkipKind::DuplicateText) {
                return Err(format!(
                    "{name}, line {}: kind {:?} is not a duplicate (duplicate-id or duplicate-text); write the file with `framelens recurring INPUT... --duplicates FILE`",
                    i + 1,
                    s.kind.name()
                ));
            }
            skips.push(s);
        }
        Ok(KnownDuplicates::new(skips))
    }

    /// One JSON line per duplicate, in (source, line, id) order.
    pub fn to_jsonl(&self) -> String {
        let mut all: Vec<(&Place, &Skip)> = self.by_place.iter().collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::new();
        for (_, s) in all {
            out.push_str(&serde_json::to_string(s).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// How many records are known duplicates.
    pub fn len(&self) -> usize {
        self.by_place.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.by_place.is_empty()
    }

    fn get(&self, a: &Article) -> Option<&Skip> {
        self.by_place
            .get(&(a.source.clone(), a.line, Some(a.id.clone())))
    }
}

impl Dedup {
    /// A detector that also skips the records a pass over the whole corpus found to repeat
    /// earlier ones, in parts that it does not read.
    pub fn with_known(known: Option<Arc<KnownDuplicates>>) -> Dedup {
        Dedup {
            known,
            ..Dedup::default()
        }
    }

    /// Passes the article on, or turns it into a skip when it repeats an earlier one.
    pub fn check(&mut self, a: Article) -> Result<Article, Skip> {
        self.check_ref(&a).map(|()| a)
    }

    /// [`Dedup::check`] of an article that the caller keeps either way.
    pub fn check_ref(&mut self, a: &Article) -> Result<(), Skip> {
        if let Some(s) = self.known.as_ref().and_then(|k| k.get(a)) {
            return Err(s.clone());
        }
        if self.ids.contains(&a.id) {
            return Err(skip(a, SkipKind::DuplicateId, format!("duplicate id {:?}: an earlier record has the same id; give each record its own id", a.id)));
        }
        let digest = u128::from_str_radix(&a.hash[..32], 16).unwrap_or(0);
        if let Some(first) = self.texts.get(&digest) {
            return Err(skip(
                a,
                SkipKind::DuplicateText,
                format!("exact duplicate of the text of article {first:?}"),
            ));
        }
        self.ids.insert(a.id.clone());
        self.texts.insert(digest, a.id.clone());
        Ok(())
    }
}

fn skip(a: &Article, kind: SkipKind, reason: String) -> Skip {
    Skip {
        source: a.source.clone(),
        line: a.line,
        id: Some(a.id.clone()),
        kind,
        reason,
    }
}
