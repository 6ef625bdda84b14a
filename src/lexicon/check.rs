//! Semantic validation of a lexicon: duplicate entries, one term in two labels of a set, empty
//! sets, weights out of range, malformed terms, and terms that shadow each other (warnings).

use super::framing::{Lexicon, Term};
use crate::text::keys::term_key;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The lexicon must not be used.
    Error,
    /// Worth a look; the lexicon still works.
    Warning,
}

/// One finding, located in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether the problem makes the lexicon unusable (error) or only suspect (warning).
    pub severity: Severity,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// Checks a lexicon; returns diagnostics in file order.
pub fn check(lex: &Lexicon) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut all_terms: Vec<(&Term, &str)> = Vec::new();
    for s in &lex.stance {
        all_terms.push((&s.term, "stance"));
        if !(-4.0..=4.0).contains(&s.weight) || !s.weight.is_finite() {
            err(
                &mut out,
                &s.term,
                format!(
                    "stance weight {} of {:?} is out of range; use -4..+4",
                    s.weight, s.term.text
                ),
            );
        }
    }
    for (t, v) in &lex.intensifiers {
        all_terms.push((t, "intensifiers"));
        if !(-1.0..=1.0).contains(v) || !v.is_finite() {
            err(
                &mut out,
                t,
                format!(
                    "intensifier scalar {v} of {:?} is out of range; use -1..+1",
                    t.text
                ),
            );
        }
    }
    let mut concepts: FxHashMap<&str, usize> = FxHashMap::default();
    for set in &lex.label_sets {
        let at = Term {
            text: set.concept.clone(),
            line: set.line,
            col: 1,
        };
        if concepts.insert(&set.concept, set.line).is_some() {
            err(
                &mut out,
                &at,
                format!("duplicate label set {:?}", set.concept),
            );
        }
        if set.labels.len() < 2 {
            err(
                &mut out,
                &at,
                format!(
                    "label set {:?} has {} label(s); a label set needs at least two alternatives",
                    set.concept,
                    set.labels.len()
                ),
            );
        }
        let mut owner: FxHashMap<(String, bool), &str> = FxHashMap::default();
        let mut ids: FxHashMap<&str, ()> = FxHashMap::default();
        for label in &set.labels {
            let lat = Term {
                text: label.id.clone(),
                line: label.line,
                col: 1,
            };
            if ids.insert(&label.id, ()).is_some() {
                err(
                    &mut out,
                    &lat,
                    format!("duplicate label {:?} in set {:?}", label.id, set.concept),
                );
            }
            if label.terms.is_empty() {
                err(
                    &mut out,
                    &lat,
                    format!("label {:?} of set {:?} has no terms", label.id, set.concept),
                );
            }
            for t in &label.terms {
                all_terms.push((t, "label"));
                match owner.get(&term_key(&t.text)) {
                    Some(other) if *other == label.id => err(&mut out, t, format!("duplicate term {:?} in label {:?}", t.text, label.id)),
                    Some(other) => err(&mut out, t, format!("term {:?} is in two labels of set {:?} ({:?} and {:?}); keep it in one", t.text, set.concept, other, label.id)),
                    None => {
                        owner.insert(term_key(&t.text), &label.id);
                    }
                }
            }
        }
        for t in &set.exclude {
            all_terms.push((t, "exclude"));
        }
        for t in &set.in_context {
            if !owner.contains_key(&term_key(&t.text)) {
                err(&mut out, t, format!("in_context term {:?} is not a term of a label of set {:?}; write it exactly as in the label's terms", t.text, set.concept));
            }
        }
        // Whether a term is one of the set's in-context terms (by key).
        let in_context = |t: &Term| {
            let k = term_key(&t.text);
            set.in_context.iter().any(|c| term_key(&c.text) == k)
        };
        for t in &set.back_reference {
            if !owner.contains_key(&term_key(&t.text)) {
                err(&mut out, t, format!("back_reference term {:?} is not a term of a label of set {:?}; write it exactly as in the label's terms", t.text, set.concept));
            }
            if in_context(t) {
                err(&mut out, t, format!("term {:?} of set {:?} is both in_context and back_reference; a use is decided one way, keep it in one", t.text, set.concept));
            }
        }
        if set.unlisted_qualifiers && (set.in_context.is_empty() || set.referent.is_none()) {
            let at_set = Term {
                text: set.concept.clone(),
                line: set.line,
                col: 1,
            };
            err(&mut out, &at_set, format!("set {:?} has unlisted_qualifiers but no referent or no in_context terms; it applies to in-context terms of a set with a referent", set.concept));
        }
        for t in &set.relational {
            if !in_context(t) {
                err(&mut out, t, format!("relational term {:?} of set {:?} is not in its in_context list; a partner's word is decided in context, add it there too", t.text, set.concept));
            }
        }
        for c in &set.context {
            let at_table = Term {
                text: set.concept.clone(),
                line: c.line,
                col: 1,
            };
            if c.terms.is_empty() {
                err(&mut out, &at_table, format!("a context table of label set {:?} names no terms; list the label terms it applies to in `terms`", set.concept));
            }
            if c.before.is_empty()
                && c.after.is_empty()
                && c.not_before.is_empty()
                && c.not_after.is_empty()
                && c.not_near.is_empty()
                && c.near.is_empty()
            {
                err(&mut out, &at_table, format!("a context table of label set {:?} sets no condition; give `before`, `after`, `not_before`, `not_after`, `near` or `not_near`", set.concept));
            }
            for t in &c.terms {
                if !owner.contains_key(&term_key(&t.text)) {
                    err(&mut out, t, format!("context term {:?} is not a term of a label of set {:?}; write it exactly as in the label's terms", t.text, set.concept));
                }
            }
            for t in c
                .before
                .iter()
                .chain(&c.after)
                .chain(&c.not_before)
                .chain(&c.not_after)
                .chain(&c.not_near)
                .chain(&c.near)
            {
                if term_key(&t.text).0.is_empty() {
                    err(&mut out, t, format!("context word {:?} of label set {:?} has no letters or digits; write a word", t.text, set.concept));
                }
            }
        }
        if !set.in_context.is_empty() && set.referent.is_none() {
            err(
                &mut out,
                &at,
                format!(
                    "label set {:?} has in_context terms but no referent; in_context terms count only when the state in focus is the referent's",
                    set.concept
                ),
            );
        }
        shadow_warnings(
            set.labels.iter().flat_map(|l| l.terms.iter()),
            &format!("label set {:?}", set.concept),
            &mut out,
        );
    }
    let mut frame_ids: FxHashMap<&str, ()> = FxHashMap::default();
    for f in &lex.frames {
        let at = Term {
            text: f.id.clone(),
            line: f.line,
            col: 1,
        };
        if frame_ids.insert(&f.id, ()).is_some() {
            out.push(Diagnostic {
                severity: Severity::Error,
                line: f.line,
                col: 1,
                message: format!("duplicate frame {:?}", f.id),
            });
        }
        if f.terms.is_empty() {
            out.push(Diagnostic {
                severity: Severity::Error,
                line: at.line,
                col: 1,
                message: format!("frame {:?} has no terms", f.id),
            });
        }
        duplicates(f.terms.iter(), &format!("frame {:?}", f.id), &mut out);
        all_terms.extend(f.terms.iter().map(|t| (t, "frame")));
    }
    for (name, list) in [
        ("negators", &lex.negators),
        ("contrast", &lex.contrast),
        ("distancing", &lex.distancing),
        ("harm", &lex.harm),
        ("villains", &lex.villains),
        ("against", &lex.against),
    ] {
        duplicates(list.iter(), name, &mut out);
        all_terms.extend(list.iter().map(|t| (t, name)));
    }
    shadow_warnings(lex.stance.iter().map(|s| &s.term), "stance", &mut out);
    for (t, section) in all_terms {
        let body = t.text.trim_end_matches('*');
        if t.text.trim().is_empty() || term_key(&t.text).0.is_empty() {
            out.push(Diagnostic {
                severity: Severity::Error,
                line: t.line,
                col: t.col,
                message: format!("empty term in {section}"),
            });
        } else if body.contains('*') {
            out.push(Diagnostic {
                severity: Severity::Error,
                line: t.line,
                col: t.col,
                message: format!("{:?}: `*` is only allowed at the end of a term", t.text),
            });
        } else if t.text.trim() != t.text {
            out.push(Diagnostic {
                severity: Severity::Warning,
                line: t.line,
                col: t.col,
                message: format!("{:?} has leading or trailing spaces", t.text),
            });
        }
    }
    out.sort_by_key(|d| (d.line, d.col, d.severity));
    out.dedup();
    out
}

fn err(out: &mut Vec<Diagnostic>, t: &Term, message: String) {
    out.push(Diagnostic {
        severity: Severity::Error,
        line: t.line,
        col: t.col,
        message,
    });
}

fn duplicates<'a>(terms: impl Iterator<Item = &'a Term>, section: &str, out: &mut Vec<Diagnostic>) {
    let mut seen: FxHashMap<(String, bool), ()> = FxHashMap::default();
    for t in terms {
        if seen.insert(term_key(&t.text), ()).is_some() {
            out.push(Diagnostic {
                severity: Severity::Error,
                line: t.line,
                col: t.col,
                message: format!("duplicate term {:?} in {section}", t.text),
            });
        }
    }
}

/// Warns where a wildcard term also matches another listed term of the same section. Linear
/// in the section's size: for each term, only its own prefixes (within its last word) are
/// looked up among the wildcard keys, shortest first, which is the keys' sorted order.
fn shadow_warnings<'a>(
    terms: impl Iterator<Item = &'a Term>,
    section: &str,
    out: &mut Vec<Diagnostic>,
) {
    let terms: Vec<&Term> = terms.collect();
    let mut wild: rustc_hash::FxHashMap<String, Vec<&Term>> = Default::default();
    for t in &terms {
        let (k, w) = term_key(&t.text);
        if w {
            wild.entry(k).or_default().push(t);
        }
    }
    if wild.is_empty() {
        return;
    }
    for t in &terms {
        let (k, w) = term_key(&t.text);
        let from = k.rfind(' ').map_or(0, |i| i + 1);
        for end in (from..=k.len()).filter(|&e| k.is_char_boundary(e)) {
            let wk = &k[..end];
            let Some(wts) = wild.get(wk) else {
                continue;
            };
            if w && k == wk {
                continue;
            }
            for wt in wts {
                if std::ptr::eq(*wt, *t) {
                    continue;
                }
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    line: t.line,
                    col: t.col,
                    message: format!("{:?} is also matched by {:?} in {section}; the longer, more specific entry wins where both match", t.text, wt.text),
                });
            }
        }
    }
}
