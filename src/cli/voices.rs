//! `framelens voices INPUT... [--format table|json|csv]`: every passage with its article, byte
//! offsets, voice (`own`, a source id or `unknown`) and text; boilerplate lines are listed with
//! voice `boilerplate` and the rule that matched.

use super::common::{self, InputArgs, ListFormat as Format};
use super::{ExitStatus, Outcome};
use serde::Serialize;
use std::io::Write;

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
    /// Byte spans of the quoted words inside a reported passage (a mixed quotation); JSON only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    verbatim: Vec<(usize, usize)>,
}

/// Runs `voices`.
pub fn run(args: Args) -> Outcome {
    let az = common::analyzer(&args.input, None)?;
    // Rows stream out article by article, so memory does not grow with the corpus.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed: Option<std::io::Error> = None;
    let mut first = true;
    if args.format == Format::Json {
        failed = out.write_all(b"[").err();
    }
    if args.format == Format::Csv {
        failed = out
            .write_all(&common::csv_record(&[
                "article", "outlet", "start", "end", "voice", "quoted", "cue", "rule", "text",
            ]))
            .err();
    }
    common::visit(&az, &args.input, |an| {
        if failed.is_some() {
            return;
        }
        let text = &an.article.text;
        let mut local: Vec<Row> = an
            .passages
            .iter()
            .map(|p| Row {
                article: an.article.id.clone(),
                outlet: an.host_key.clone(),
                start: p.span.start,
                end: p.span.end,
                voice: az.voice_label(an, p.voice),
                quoted: p.quoted,
                cue: p.cue.map(|c| c.of(text).to_string()),
                rule: None,
                text: p.span.of(text).to_string(),
                verbatim: an
                    .verbatim
                    .iter()
                    .filter(|v| p.span.contains(**v))
                    .map(|v| (v.start, v.end))
                    .collect(),
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
            verbatim: Vec::new(),
        }));
        local.sort_by_key(|r| (r.start, r.end));
        for r in local
            .iter()
            .filter(|r| args.voice.as_deref().map(|v| v == r.voice).unwrap_or(true))
        {
            let res = match args.format {
                Format::Json => {
                    let sep: &[u8] = if first { b"\n" } else { b",\n" };
                    first = false;
                    out.write_all(sep).and_then(|_| {
                        serde_json::to_writer_pretty(&mut out, r).map_err(std::io::Error::from)
                    })
                }
                Format::Csv => out.write_all(&common::csv_record(&[
                    r.article.clone(),
                    r.outlet.clone(),
                    r.start.to_string(),
                    r.end.to_string(),
                    r.voice.clone(),
                    r.quoted.to_string(),
                    r.cue.clone().unwrap_or_default(),
                    r.rule.clone().unwrap_or_default(),
                    r.text.clone(),
                ])),
                Format::Table => {
                    let t: String = r.text.chars().take(100).collect();
                    let more = if r.text.chars().count() > 100 {
                        "…"
                    } else {
                        ""
                    };
                    writeln!(
                        out,
                        "{:<24} {:>6}-{:<6} {:<14} {}{}",
                        r.article,
                        r.start,
                        r.end,
                        r.voice,
                        t.replace(['\n', '\r'], " "),
                        more
                    )
                }
            };
            if let Err(e) = res {
                failed = Some(e);
                return;
            }
        }
    })?;
    if failed.is_none() && args.format == Format::Json {
        failed = out.write_all(b"\n]\n").err();
    }
    if let Some(e) = failed.or_else(|| out.flush().err()) {
        return Err(common::stdout_failure(e));
    }
    Ok(ExitStatus::Success)
}
