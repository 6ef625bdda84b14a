//! Duplicate detection: the first record with an id or a text wins; later ones are skipped.
//!
//! Keeps one entry per analysed article (its id and a 16-byte text digest prefix), so memory
//! grows by about 40 bytes per article: 40 MB for a million articles.

use super::article::{Article, Skip, SkipKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// Remembers ids and text hashes seen so far.
#[derive(Default)]
pub struct Dedup {
    ids: FxHashSet<String>,
    texts: FxHashMap<u128, String>,
}

impl Dedup {
    /// Passes the article on, or turns it into a skip when it repeats an earlier one.
    pub fn check(&mut self, a: Article) -> Result<Article, Skip> {
        if self.ids.contains(&a.id) {
            return Err(skip(&a, SkipKind::DuplicateId, format!("duplicate id {:?}: an earlier record has the same id; give each record its own id", a.id)));
        }
        let digest = u128::from_str_radix(&a.hash[..32], 16).unwrap_or(0);
        if let Some(first) = self.texts.get(&digest) {
            return Err(skip(
                &a,
                SkipKind::DuplicateText,
                format!("exact duplicate of the text of article {first:?}"),
            ));
        }
        self.ids.insert(a.id.clone());
        self.texts.insert(digest, a.id.clone());
        Ok(a)
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
