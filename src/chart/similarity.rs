//! Voice similarity matrix: cosine similarity of the voices' term frequencies (the report's
//! `actor == "all"` matrix, or the one of the words around one actor), white–blue. At most
//! [`SIMILARITY_VOICES`] voices, those with the most words, ordered so that similar voices sit
//! next to each other (a greedy nearest-neighbour chain from the most central voice).

use super::canvas::{self, Header};
use super::heatmap::{self, Cell, Heading, Heatmap, Swatch};
use super::style::{nice_ceil, Scale, SIMILARITY_VOICES};
use super::{actor_name, list, named, provenance, voice_name, Drawn, Error, Kind, Size};
use crate::rank::top_k_by;
use crate::report::{Report, SimilarityMatrix};

fn two(x: f64) -> String {
    format!("{:.2}", if x.is_finite() { x } else { 0.0 })
}

/// Indices of the voices to show, in display order.
fn order(r: &Report, m: &SimilarityMatrix) -> Vec<usize> {
    let n = m.voices.len().min(m.matrix.len());
    let at = |i: usize, j: usize| m.matrix[i].get(j).copied().unwrap_or(0.0);
    let tokens = |v: &str| {
        r.voices
            .iter()
            .find(|x| x.voice == v)
            .map(|x| x.tokens)
            .unwrap_or(0)
    };
    let busiest = top_k_by(
        m.voices.iter().enumerate().take(n),
        SIMILARITY_VOICES,
        |(_, v)| tokens(v),
        |(_, v)| *v,
    );
    let mut keep: Vec<usize> = busiest.into_iter().map(|(i, _)| i).collect();
    keep.sort_unstable();
    let mean = |i: usize| {
        keep.iter()
            .filter(|&&j| j != i)
            .map(|&j| at(i, j))
            .sum::<f64>()
            / (keep.len().max(2) - 1) as f64
    };
    let Some(&start) = keep
        .iter()
        .max_by(|&&a, &&b| mean(a).total_cmp(&mean(b)).then_with(|| b.cmp(&a)))
    else {
        return Vec::new();
    };
    let mut out = vec![start];
    let mut left: Vec<usize> = keep.iter().copied().filter(|&i| i != start).collect();
    while !left.is_empty() {
        let last = *out.last().unwrap_or(&start);
        let (k, _) = left
            .iter()
            .enumerate()
            .max_by(|a, b| {
                at(last, *a.1)
                    .total_cmp(&at(last, *b.1))
                    .then_with(|| b.1.cmp(a.1))
            })
            .unwrap_or((0, &0));
        out.push(left.remove(k));
    }
    out
}

pub(crate) fn draw(r: &Report, actor: &str, size: Size) -> Result<Drawn, Error> {
    let Some(m) = r.similarity.iter().find(|m| m.actor == actor) else {
        if actor == "all" {
            return Err(Error::NoData {
                kind: Kind::Similarity,
                reason: format!(
                    "fewer than two voices have {} or more words (--min-tokens)",
                    r.provenance.options.min_tokens
                ),
            });
        }
        return Err(Error::UnknownMatrix {
            actor: super::markup::clean(actor),
            known: list(r.similarity.iter().map(|m| m.actor.as_str())),
        });
    };
    let idx = order(r, m);
    if idx.len() < 2 {
        return Err(Error::NoData {
            kind: Kind::Similarity,
            reason: "the matrix has fewer than two voices".into(),
        });
    }
    let at = |i: usize, j: usize| m.matrix[i].get(j).copied().unwrap_or(0.0);
    let names: Vec<String> = idx.iter().map(|&i| voice_name(r, &m.voices[i])).collect();
    let full: Vec<String> = idx
        .iter()
        .zip(&names)
        .map(|(&i, n)| named(n, &m.voices[i]))
        .collect();
    let mut hi = 0.0f64;
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (a, &i) in idx.iter().enumerate() {
        for (b, &j) in idx.iter().enumerate().skip(a + 1) {
            hi = hi.max(at(i, j));
            pairs.push((at(i, j), a, b));
        }
    }
    let hi = nice_ceil(hi, 0.1).min(1.0);
    let rows: Vec<Heading> = names
        .iter()
        .zip(&full)
        .map(|(n, f)| Heading {
            label: n.clone(),
            tip: f.clone(),
        })
        .collect();
    let cols: Vec<Heading> = names
        .iter()
        .zip(&full)
        .map(|(n, f)| Heading {
            label: n.clone(),
            tip: f.clone(),
        })
        .collect();
    let cells = idx
        .iter()
        .enumerate()
        .map(|(a, &i)| {
            idx.iter()
                .enumerate()
                .map(|(b, &j)| {
                    Some(if a == b {
                        Cell {
                            value: 1.0,
                            lines: Vec::new(),
                            tip: format!("{}: the same voice", full[a]),
                            low_n: false,
                            diagonal: true,
                        }
                    } else {
                        Cell {
                            value: at(i, j),
                            lines: vec![two(at(i, j))],
                            tip: format!("{} and {}: cosine {}", full[a], full[b], two(at(i, j))),
                            low_n: false,
                            diagonal: false,
                        }
                    })
                })
                .collect()
        })
        .collect();

    let prov = provenance(r);
    let (title, what) = if actor == "all" {
        (
            "Vocabulary similarity between voices".to_string(),
            "all their words".to_string(),
        )
    } else {
        let a = actor_name(r, actor);
        (
            format!("Similarity of how voices write about {a}"),
            format!("the words around mentions of {a}"),
        )
    };
    let lede = format!(
        "Cosine similarity of term frequencies over {what} ({} terms): {} voices with the most words",
        m.terms,
        idx.len()
    );
    let notes = vec![
        "1 = the same word distribution, 0 = no words in common. Voices ordered so that similar ones are neighbours.".to_string(),
        format!("Colour scale from 0 to {} (higher values get the end colour). Hover over a cell for both names.", two(hi)),
    ];
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut desc = format!("{lede}. {prov}.");
    if let (Some(most), Some(least)) = (pairs.first(), pairs.last()) {
        desc.push_str(&format!(
            " Most similar: {} and {} ({}). Least similar: {} and {} ({}).",
            names[most.1],
            names[most.2],
            two(most.0),
            names[least.1],
            names[least.2],
            two(least.0)
        ));
    }
    let hm = Heatmap {
        header: Header {
            title: title.clone(),
            lede,
            provenance: &prov,
            notes,
        },
        rows,
        cols,
        cells,
        empty_tip: String::new(),
        row_title: "voice".into(),
        col_title: "voice".into(),
        scale: Scale::Sequential(hi),
        legend_title: "cosine similarity".into(),
        legend_ends: ("different".into(), "alike".into()),
        legend_fmt: two,
        swatches: vec![(Swatch::Diagonal, "same voice".into())],
        square: true,
    };
    let svg = canvas::svg(size, &title, &desc, |c| heatmap::draw(c, &hm))?;
    Ok(Drawn { title, svg })
}
