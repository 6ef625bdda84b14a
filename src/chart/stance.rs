//! Stance heatmap: mean stance of each voice (rows) toward each actor (columns), on a
//! red–white–blue scale centred on zero. Only the [`STANCE_VOICES`] voices and the
//! [`STANCE_ACTORS`] actors with the most observations are shown, the busiest first; each
//! cell shows the mean and n, its tooltip the 95 % interval and the counts; cells with fewer
//! than five observations are striped.

use super::canvas::{self, Header};
use super::heatmap::{self, Cell, Heading, Heatmap, Swatch};
use super::style::{nice_ceil, Scale, STANCE_ACTORS, STANCE_VOICES};
use super::{actor_name, named, provenance, signed, voice_name, Drawn, Error, Kind, Size};
use crate::rank::top_k;
use crate::report::{Report, StanceRow, LOW_N};
use std::collections::BTreeMap;

/// Keys with the largest totals, largest first, ties by key; at most `cap`.
pub(crate) fn top_keys(totals: BTreeMap<&str, u64>, cap: usize) -> Vec<&str> {
    let counted = totals.into_iter().filter(|(_, n)| *n > 0);
    top_k(counted, cap).into_iter().map(|(k, _)| k).collect()
}

pub(crate) fn draw(r: &Report, size: Size) -> Result<Drawn, Error> {
    let mut by_voice: BTreeMap<&str, u64> = BTreeMap::new();
    for s in &r.stance {
        *by_voice.entry(&s.voice).or_default() += s.n;
    }
    let voices = top_keys(by_voice.clone(), STANCE_VOICES);
    if voices.is_empty() {
        return Err(Error::NoData {
            kind: Kind::Stance,
            reason: "no stance observations: no sentence scored a voice's stance toward an actor"
                .into(),
        });
    }
    let mut by_actor: BTreeMap<&str, u64> = BTreeMap::new();
    for s in r
        .stance
        .iter()
        .filter(|s| voices.contains(&s.voice.as_str()))
    {
        *by_actor.entry(&s.actor).or_default() += s.n;
    }
    let actors = top_keys(by_actor, STANCE_ACTORS);
    let cell: BTreeMap<(&str, &str), &StanceRow> = r
        .stance
        .iter()
        .map(|s| ((s.voice.as_str(), s.actor.as_str()), s))
        .collect();

    let shown: Vec<&StanceRow> = voices
        .iter()
        .flat_map(|v| actors.iter().filter_map(|a| cell.get(&(*v, *a)).copied()))
        .collect();
    let solid: Vec<f64> = shown.iter().filter(|s| !s.low_n).map(|s| s.mean).collect();
    let basis = if solid.is_empty() {
        shown.iter().map(|s| s.mean).collect()
    } else {
        solid
    };
    let d = nice_ceil(basis.iter().fold(0.0f64, |m, x| m.max(x.abs())), 0.1).min(1.0);

    let vnames: Vec<String> = voices.iter().map(|v| named(&voice_name(r, v), v)).collect();
    let rows: Vec<Heading> = voices
        .iter()
        .zip(&vnames)
        .map(|(v, full)| Heading {
            tip: format!("{full}: {} observations", by_voice[v]),
            label: voice_name(r, v),
        })
        .collect();
    let cols: Vec<Heading> = actors
        .iter()
        .map(|a| {
            let name = actor_name(r, a);
            Heading {
                tip: named(&name, a),
                label: name,
            }
        })
        .collect();
    let cells = voices
        .iter()
        .enumerate()
        .map(|(i, v)| {
            actors
                .iter()
                .enumerate()
                .map(|(j, a)| {
                    cell.get(&(*v, *a)).map(|s| Cell {
                        value: s.mean,
                        lines: vec![signed(s.mean), format!("n={}", s.n)],
                        tip: format!(
                            "{} → {}: mean {} (95% interval {} to {}), n = {} sentences in {} articles, {} positive, {} negative{}",
                            vnames[i],
                            cols[j].tip,
                            signed(s.mean),
                            signed(s.ci_low),
                            signed(s.ci_high),
                            s.n,
                            s.articles,
                            s.positive,
                            s.negative,
                            if s.low_n { "; low n" } else { "" }
                        ),
                        low_n: s.low_n,
                        diagonal: false,
                    })
                })
                .collect()
        })
        .collect();

    let prov = provenance(r);
    let title = "Stance toward actors, by voice".to_string();
    let lede = format!(
        "Mean stance per sentence (−1 hostile … +1 favourable): {} voices × {} actors with the most observations",
        voices.len(),
        actors.len()
    );
    let notes = vec![
        format!("Cells: mean and number of sentences. Striped: fewer than {LOW_N} observations. Hover for the bootstrap 95% interval."),
        format!("Colour scale from {} to {} (stronger values get the end colour). Empty: the voice never took a stance toward the actor.", signed(-d), signed(d)),
    ];
    let desc = describe(r, &shown, &lede, &prov);
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
        empty_tip: "no observations".into(),
        row_title: "voice".into(),
        col_title: "actor".into(),
        scale: Scale::Diverging(d),
        legend_title: "mean stance".into(),
        legend_ends: ("hostile".into(), "favourable".into()),
        legend_fmt: signed,
        swatches: vec![
            (Swatch::Hatched, format!("n < {LOW_N}")),
            (Swatch::Empty, "no observations".into()),
        ],
        square: false,
    };
    let svg = canvas::svg(size, &title, &desc, |c| heatmap::draw(c, &hm))?;
    Ok(Drawn { title, svg })
}

/// A text summary for screen readers: what is shown and the extremes.
fn describe(r: &Report, shown: &[&StanceRow], lede: &str, prov: &str) -> String {
    let solid: Vec<&&StanceRow> = shown.iter().filter(|s| !s.low_n).collect();
    let mut out = format!("{lede}. {prov}.");
    let pick = |best: Option<&&&StanceRow>| {
        best.map(|s| {
            format!(
                "{} toward {}: {} (n = {})",
                voice_name(r, &s.voice),
                actor_name(r, &s.actor),
                signed(s.mean),
                s.n
            )
        })
    };
    let lowest = solid.iter().min_by(|a, b| {
        a.mean
            .total_cmp(&b.mean)
            .then_with(|| (&a.voice, &a.actor).cmp(&(&b.voice, &b.actor)))
    });
    let highest = solid.iter().max_by(|a, b| {
        a.mean
            .total_cmp(&b.mean)
            .then_with(|| (&b.voice, &b.actor).cmp(&(&a.voice, &a.actor)))
    });
    if let Some(t) = pick(lowest) {
        out.push_str(&format!(" Most hostile: {t}."));
    }
    if let Some(t) = pick(highest) {
        out.push_str(&format!(" Most favourable: {t}."));
    }
    out
}
