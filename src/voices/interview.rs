//! Interviews laid out as questions and answers: the answers are the interviewee's words.
//!
//! Two layouts are read (docs/attribution.md, "Interviews and headlines"):
//! - marked: paragraphs that open with `Q:` / `Question:` and `A:` / `Answer:` (a dot or dash
//!   in place of the colon), at least two of each; each answer, after its marker, is the
//!   interviewee's;
//! - alternating: in an article whose first two paragraphs say "interview", at least two
//!   paragraphs that end with a question mark, each followed by a paragraph that does not: the
//!   paragraph after each question is the interviewee's answer.
//!
//! The interviewee is the first person of the gazetteer named in the first two paragraphs, else
//! an unlisted name there after a title or role ("political analyst Marwa Osman"), else
//! `unknown`. Questions stay the outlet's own. An answer is a quotation (`quoted`), the cue the
//! marker or the question before it; quotes and reported speech inside it keep their own
//! speakers.

use super::attribution::State;
use super::{Context, Voice, Voiced};
use crate::lexicon::ActorKind;
use crate::span::Span;
use crate::voices::quotes::Quote;

/// The marker a paragraph opens with, and where the text after it starts.
fn marker(text: &str, p: Span) -> Option<(bool, usize)> {
    let t = p.of(text);
    for (word, answer) in [
        ("question", false),
        ("answer", true),
        ("q", false),
        ("a", true),
    ] {
        let Some(head) = t.get(..word.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(word) {
            continue;
        }
        let rest = &t[word.len()..];
        let after = rest.trim_start_matches([' ', '\u{a0}']);
        let Some(c) = after.chars().next() else {
            continue;
        };
        if matches!(c, ':' | '.' | '-' | '\u{2013}' | '\u{2014}') {
            let body = after[c.len_utf8()..].trim_start();
            return Some((answer, p.end - body.len()));
        }
    }
    None
}

/// The answers of an interview article, as quotes with the interviewee's voice; empty when the
/// article is not laid out as an interview.
pub(super) fn answers(cx: &Context, st: &mut State) -> Vec<Voiced> {
    let paras = cx.paragraphs;
    let marks: Vec<Option<(bool, usize)>> = paras.iter().map(|&p| marker(cx.text, p)).collect();
    let questions = marks
        .iter()
        .filter(|m| matches!(m, Some((false, _))))
        .count();
    let answered = marks
        .iter()
        .filter(|m| matches!(m, Some((true, _))))
        .count();
    // (answer span, cue span)
    let mut found: Vec<(Span, Span)> = Vec::new();
    if questions >= 2 && answered >= 2 {
        for (i, m) in marks.iter().enumerate() {
            if let Some((true, body)) = *m {
                if body < paras[i].end {
                    found.push((
                        Span::new(body, paras[i].end),
                        Span::new(paras[i].start, body),
                    ));
                }
            }
        }
    } else {
        let lead = paras
            .iter()
            .take(2)
            .any(|p| p.of(cx.text).to_lowercase().contains("interview"));
        let asks = |p: &Span| p.of(cx.text).trim_end().ends_with('?');
        if lead {
            for i in 2..paras.len() {
                if asks(&paras[i - 1]) && !asks(&paras[i]) {
                    found.push((paras[i], paras[i - 1]));
                }
            }
        }
        if found.len() < 2 {
            return Vec::new();
        }
    }
    let lead_end = paras.get(1).or(paras.first()).map_or(0, |p| p.end);
    let g = cx.gazetteer;
    let voice = cx
        .mentions
        .iter()
        .take_while(|m| m.span.end <= lead_end)
        .find(|m| !m.place && g.actor(m.actor).kind == ActorKind::Person)
        .map(|m| Voice::Source(m.actor))
        .or_else(|| st.lead_name(Span::new(0, lead_end)))
        .unwrap_or(Voice::Unknown);
    found
        .into_iter()
        .map(|(span, cue)| Voiced {
            quote: Quote {
                span,
                para: 0,
                closed: true,
                continues: false,
                nested: false,
                single: false,
            },
            voice,
            cue: Some(cue),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::marker;
    use crate::span::Span;

    #[test]
    fn markers_open_questions_and_answers() {
        let t = "Q: Will the talks go on?";
        assert_eq!(marker(t, Span::new(0, t.len())), Some((false, 3)));
        let t = "Answer - They will.";
        assert_eq!(marker(t, Span::new(0, t.len())), Some((true, 9)));
        let t = "A. Yes";
        assert_eq!(marker(t, Span::new(0, t.len())), Some((true, 3)));
        for t in [
            "Assad said",
            "Aleppo: the siege",
            "Qatar - talks",
            "As he said",
        ] {
            assert_eq!(marker(t, Span::new(0, t.len())), None, "{t}");
        }
    }
}
