//! `framelens voices INPUT... [--format table|json]`: every passage with its article, byte
//! offsets, voice (`own`, a source id or `unknown`) and text; boilerplate lines are listed with
//! voice `boilerplate` and the rule that matched.

use super::common::{self, Format, InputArgs};
use super::{Failure, Outcome};
use crate::voices::Voice;
use serde::Serialize;

/// Flags of `voices`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Only passages of this voice
    #[arg(long, value_name = "V")]
    voice: Option<String>,
}

#[derive(Serialize)]
struct Row {
    article: String,
    outlet: String,
    start: usize,
    end: usize,
    voice: String,
    quoted: bool,
    cue: Option<String>,
    rule: Option<String>,
    text: String,
}

/// Runs `voices`.
pub fn run(args: Args) -> Outcome {
    let az = common::analyzer(&args.input, None)?;
    let mut rows: Vec<Row> = Vec::new();
    common::visit(&az, &args.input, |an| {
        let text = &an.article.text;
        let mut local: Vec<Row> = an
            .passages
            .iter()
            .map(|p| Row {
                article: an.article.id.clone(),
                outlet: an.host_key.clone(),
                start: p.span.start,
                end: p.span.end,
                voice: match p.voice {
                    Voice::Own => "own".into(),
                    v => az.voice_key(v, &an.host_key),
                },
                quoted: p.quoted,
                cue: p.cue.map(|c| c.of(text).to_string()),
                rule: None,
                text: p.span.of(text).to_string(),
            })
            .collect();
        local.extend(an.layout.boilerplate.iter().map(|b| Row {
            article: an.article.id.clone(),
            outlet: an.host_key.clone(),
            start: b.span.start,
            end: b.span.end,
            voice: "boilerplate".into(),
            quoted: false,
            cue: None,
            rule: Some(b.rule.clone()),
            text: b.span.of(text).to_string(),
        }));
        local.sort_by_key(|r| (r.start, r.end));
        rows.extend(
            local
                .into_iter()
                .filter(|r| args.voice.as_deref().map(|v| v == r.voice).unwrap_or(true)),
        );
    })?;
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&rows).map_err(Failure::usage)? + "\n",
        Format::Table => {
            let mut s = String::new();
            for r in &rows {
                let text: String = r.text.chars().take(100).collect();
                let more = if r.text.chars().count() > 100 {
                    "…"
                } else {
                    ""
                };
                s.push_str(&format!(
                    "{:<24} {:>6}-{:<6} {:<14} {}{}\n",
                    r.article,
                    r.start,
                    r.end,
                    r.voice,
                    text.replace(['\n', '\r'], " "),
                    more
                ));
            }
            s
        }
    };
    common::print(&out)?;
    Ok(0)
}
