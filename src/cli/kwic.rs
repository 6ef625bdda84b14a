//! `framelens kwic INPUT... --actor NAME [--voice V] [--width N]`: keyword-in-context lines
//! for one actor, with the spelling as found, the outlet and the voice.

use super::common::{self, InputArgs};
use super::{ExitStatus, Failure, Outcome};

/// Flags of `kwic`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// The actor: an id, a name, an alias or a spelling of one
    #[arg(long, value_name = "NAME")]
    actor: String,
    /// Only mentions in this voice (own, unknown or a source id)
    #[arg(long, value_name = "V")]
    voice: Option<String>,
    /// Characters of context on each side (1 to 1000)
    #[arg(long, default_value_t = 60, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    width: usize,
}

fn left(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let start = chars.len().saturating_sub(n);
    chars[start..]
        .iter()
        .collect::<String>()
        .replace(['\n', '\r'], " ")
}

fn right(s: &str, n: usize) -> String {
    s.chars()
        .take(n)
        .collect::<String>()
        .replace(['\n', '\r'], " ")
}

/// Runs `kwic`.
pub fn run(args: Args) -> Outcome {
    let az = common::analyzer(&args.input, None)?;
    let Some(actor) = az.actors.lookup(&az.gazetteer, &args.actor) else {
        return Err(Failure::usage(anyhow::anyhow!(
            "no actor {:?} in the gazetteer; `framelens actors` lists the actors found",
            args.actor
        )));
    };
    let mut out = String::new();
    common::visit(&az, &args.input, |an| {
        let text = &an.article.text;
        for m in an.mentions.iter().filter(|m| m.actor == actor && !m.place) {
            let v = az.voice_label(an, an.voice_at(m.span.start));
            if args.voice.as_deref().map(|x| x != v).unwrap_or(false) {
                continue;
            }
            out.push_str(&format!(
                "{:<14} {:<14} {:>w$} [{}] {}\n",
                an.host_key,
                v,
                left(&text[..m.span.start], args.width),
                m.span.of(text),
                right(&text[m.span.end..], args.width),
                w = args.width
            ));
        }
    })?;
    common::print(&out)?;
    Ok(ExitStatus::Success)
}
