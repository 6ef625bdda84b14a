//! Shards: the aggregate of part of a corpus with everything needed to merge it with others and
//! build the report, for running on a cluster: `framelens map` on each part (a Spark task per
//! file or partition), `framelens merge` on the shards (in any order, in any grouping: merging
//! is associative and commutative), `framelens report` on the merged shard.
//!
//! A shard records the lexicons, gazetteer and boilerplate rules it was mapped with (name,
//! version, SHA-256), the map-time options (seed, evidence cap, groups, report options) and its
//! inputs. Shards merge only when all of these agree; `report` checks the lexicons it is given
//! against them, so that a report never mixes counts made with different vocabularies.

use super::aggregate::Aggregate;
use super::Analyzer;
use crate::corpus::InputInfo;
use crate::lexicon::SourceInfo;
use crate::report::ReportOptions;
use serde::{Deserialize, Serialize};

/// The value of [`Shard::format`] this version writes and reads.
/// 2: skips and flags as counts by kind plus the first [`crate::analysis::aggregate::LIST_SAMPLE`].
pub const FORMAT: &str = "framelens-shard/2";

/// The aggregate of part of a corpus, with its provenance.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Shard {
    /// [`FORMAT`].
    pub format: String,
    /// The framelens version that mapped it: shards of different versions do not merge.
    pub framelens_version: String,
    /// Lexicons in order of precedence.
    pub lexicons: Vec<SourceInfo>,
    /// The gazetteer.
    pub gazetteer: SourceInfo,
    /// Boilerplate rules, `name version`.
    pub boilerplate: String,
    /// The recurring lines set aside (learned by `map` from its inputs, or read from
    /// `--recurring FILE`): `report` lists them as `analyze` does.
    #[serde(default)]
    pub recurring: Vec<crate::corpus::recurring::RecurringLine>,
    /// SHA-256 of the whole corpus's duplicate records given to `map` (`--duplicates FILE`,
    /// as [`KnownDuplicates::to_jsonl`](crate::corpus::KnownDuplicates::to_jsonl) writes
    /// them), if any: parts mapped with different lists, or some with one and some without,
    /// do not merge.
    #[serde(default)]
    pub duplicates: Option<String>,
    /// Options given to `map` (seed, evidence cap, groups, report options).
    pub options: ReportOptions,
    /// The inputs folded in.
    pub inputs: Vec<InputInfo>,
    /// The counts.
    pub aggregate: Aggregate,
}

impl Shard {
    /// The shard of one run.
    pub fn new(
        az: &Analyzer,
        aggregate: Aggregate,
        inputs: Vec<InputInfo>,
        options: ReportOptions,
    ) -> Shard {
        Shard {
            format: FORMAT.to_string(),
            framelens_version: env!("CARGO_PKG_VERSION").to_string(),
            lexicons: az.lexicons.iter().map(|l| l.info.clone()).collect(),
            gazetteer: az.gazetteer.info.clone(),
            boilerplate: az.boilerplate_description(),
            recurring: az.recurring.lines().to_vec(),
            duplicates: None,
            options,
            inputs,
            aggregate,
        }
    }

    /// Reads a shard written by [`Shard::to_json`]; `path` names it in errors.
    pub fn from_json(text: &str, path: &str) -> Result<Shard, String> {
        // The format first, skipping the rest without building it: a shard is read straight
        // into its types (a `serde_json::Value` of it took about ten times its size).
        #[derive(Deserialize)]
        struct Format {
            format: Option<serde_json::Value>,
        }
        let v: Format = serde_json::from_str(text)
            .map_err(|e| format!("{path}: not a framelens shard (invalid JSON: {e})"))?;
        match v.format.as_ref().and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(f) => {
                return Err(format!(
                    "{path}: shard format {f:?}, this framelens reads {FORMAT:?}; map the input again with this version"
                ))
            }
            None => {
                return Err(format!(
                    "{path}: not a framelens shard (no \"format\" field); write shards with `framelens map`"
                ))
            }
        }
        serde_json::from_str(text).map_err(|e| format!("{path}: damaged shard: {e}"))
    }

    /// The shard as JSON, written straight from its types: fields in declaration order, the
    /// aggregate's maps with their keys sorted at every level (`aggregate::map::Sorted`), so
    /// the same counts give the same bytes, without a `serde_json::Value` of the whole shard.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string(self).expect("a shard serialises");
        s.push('\n');
        s
    }

    /// Why `other` cannot be merged into this shard, if it cannot: the first field in which
    /// they differ.
    pub fn incompatible(&self, other: &Shard) -> Option<String> {
        let differ = |what: &str, a: String, b: String| {
            (a != b).then(|| format!("{what} differ: {a} against {b}"))
        };
        let lex = |s: &Shard| {
            s.lexicons
                .iter()
                .map(|l| {
                    format!(
                        "{} {} ({})",
                        l.name,
                        l.version,
                        &l.sha256[..12.min(l.sha256.len())]
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let opts = |s: &Shard| {
            let mut o = s.options.clone();
            o.threads = 0;
            serde_json::to_string(&o).unwrap_or_default()
        };
        differ(
            "framelens versions",
            self.framelens_version.clone(),
            other.framelens_version.clone(),
        )
        .or_else(|| differ("lexicons", lex(self), lex(other)))
        .or_else(|| {
            differ(
                "gazetteers",
                self.gazetteer.sha256.clone(),
                other.gazetteer.sha256.clone(),
            )
        })
        .or_else(|| {
            differ(
                "boilerplate rules",
                self.boilerplate.clone(),
                other.boilerplate.clone(),
            )
            .map(|why| {
                if self.recurring != other.recurring {
                    format!("{why} (each part learned the recurring lines of its own inputs: learn them once over the whole corpus with `framelens recurring INPUT... --out lines.json` and give every map `--recurring lines.json`)")
                } else {
                    why
                }
            })
        })
        .or_else(|| {
            let dups = |s: &Shard| s.duplicates.clone().unwrap_or_else(|| "none".into());
            differ("duplicate lists (--duplicates)", dups(self), dups(other)).map(|why| {
                format!("{why}: find the duplicates once over the whole corpus with `framelens recurring INPUT... --duplicates dups.jsonl` and give every map `--duplicates dups.jsonl`")
            })
        })
        .or_else(|| differ("map options", opts(self), opts(other)))
    }

    /// Merges `other` into this shard (check [`Shard::incompatible`] first). Associative and
    /// commutative: the report of the merged shard does not depend on the order.
    pub fn merge(&mut self, other: Shard) {
        self.aggregate.merge(other.aggregate);
        self.inputs.extend(other.inputs);
        self.inputs
            .sort_by(|a, b| (&a.path, &a.sha256).cmp(&(&b.path, &b.sha256)));
    }
}
