//! A bounded fuzzing harness on stable Rust: feeds the same target functions as the cargo-fuzz
//! targets in `fuzz/` (`framelens::fuzz_targets`) with inputs mutated from the repository's
//! fixtures and with random bytes, and stops after a number of executions or seconds.
//!
//! ```text
//! cargo run --release --example fuzz_smoke -- [--target NAME] [--runs N] [--seconds S] [--seed N]
//! ```
//!
//! A panicking input is written to `fuzz/artifacts/smoke-<target>-<hash>` and the harness exits
//! with status 1. See docs/fuzzing.md.

use framelens::fuzz_targets::TARGETS;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: a tiny seeded generator, so that a run can be repeated exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Byte strings that the parsers treat specially.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"'",
    "\u{201C}".as_bytes(),
    "\u{201D}".as_bytes(),
    "\u{2018}".as_bytes(),
    "\u{2019}".as_bytes(),
    "\u{00AB}".as_bytes(),
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xED\xA0\x80",
    b"\xC0\xAF",
    b"\xE2\x82",
    b"\xFF",
    "\u{202E}".as_bytes(),
    "\u{200B}".as_bytes(),
    b"{",
    b"}",
    b"[",
    b"]",
    b"[[article]]\n",
    b"[[actor]]\n",
    b"[[label_set.label]]\n",
    b"=",
    b",",
    b":",
    b"\\",
    b"\\u0000",
    b"*",
    b".",
    b"...",
    b" said ",
    b"Lavrov",
    b"Sergei Lavrov",
    b"the Kremlin",
    b"Damascus",
    b"according to",
    b"U.S.",
    b"Comments 0",
    b"\"text\": \"",
    b"\"outlet\": \"tass\"",
    b"1e999",
    b"-",
    b"9999999999999999999999",
];

fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let globs: &[(&str, &[&str])] = &[
        (
            "jsonl",
            &[
                "fixtures/bad",
                "fixtures/hostile",
                "fixtures/stance",
                ".jsonl",
            ],
        ),
        ("csv", &["fixtures/csv", "fixtures/bad", ".csv"]),
        (
            "manifest",
            &[
                "fixtures/seeds",
                "fixtures/hard",
                "fixtures/bad/manifest_missing",
                "manifest.toml",
            ],
        ),
        ("lexicon", &["lexicons", "fixtures/bad", ".toml"]),
        ("gazetteer", &["data", "fixtures/bad", ".toml"]),
        ("text", &["fixtures/hard", "fixtures/seeds", ".txt"]),
        ("warc", &["fixtures/web", ".warc"]),
        ("page", &["fixtures/web/pages", ".html"]),
        ("json", &["fixtures/bad", "fixtures/stance", ".json"]),
    ];
    let (_, spec) = globs.iter().find(|(t, _)| *t == target).unwrap();
    let (dirs, suffix) = spec.split_at(spec.len() - 1);
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(root.join(d)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_file() && name.ends_with(suffix[0]) && !name.ends_with(".gz") {
                if let Ok(b) = std::fs::read(&p) {
                    out.push(b);
                }
            }
        }
    }
    out.push(Vec::new());
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if rng.below(20) == 0 {
        let n = rng.below(512);
        return (0..n).map(|_| rng.next() as u8).collect();
    }
    let mut d = seeds[rng.below(seeds.len())].clone();
    // Keep inputs small enough that each execution stays fast.
    if d.len() > 16_384 {
        let start = rng.below(d.len() - 16_384);
        d = d[start..start + 16_384].to_vec();
    }
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(d.len() + 1);
        match rng.below(7) {
            0 if !d.is_empty() => {
                let i = rng.below(d.len());
                d[i] ^= 1 << rng.below(8);
            }
            1 => d.insert(at, rng.next() as u8),
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let reps = if rng.below(10) == 0 {
                    1 + rng.below(200)
                } else {
                    1
                };
                for _ in 0..reps {
                    d.splice(at..at, t.iter().copied());
                }
            }
            3 if !d.is_empty() => {
                let end = (at + rng.below(64)).min(d.len());
                d.drain(at.min(end)..end);
            }
            4 if !d.is_empty() => {
                let end = (at + rng.below(64)).min(d.len());
                let piece = d[at.min(end)..end].to_vec();
                d.splice(at..at, piece);
            }
            5 => d.truncate(at),
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + rng.below(256)).min(other.len());
                    d.splice(at..at, other[from..to].iter().copied());
                }
            }
        }
    }
    d
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let only = flag("--target");
    let runs: u64 = flag("--runs").map(|s| s.parse().unwrap()).unwrap_or(2000);
    let seconds: Option<u64> = flag("--seconds").map(|s| s.parse().unwrap());
    let seed: u64 = flag("--seed").map(|s| s.parse().unwrap()).unwrap_or(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    for (name, target) in TARGETS {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let seeds = seeds(&root, name);
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let start = Instant::now();
        let deadline = seconds.map(|s| start + Duration::from_secs(s));
        let mut execs = 0u64;
        // The seeds themselves first, then mutations.
        let mut queue: Vec<Vec<u8>> = seeds.clone();
        loop {
            let limit_hit = match deadline {
                Some(d) => Instant::now() >= d,
                None => execs >= runs,
            };
            if limit_hit {
                break;
            }
            let input = queue.pop().unwrap_or_else(|| mutate(&mut rng, &seeds));
            let res = std::panic::catch_unwind(|| target(&input));
            execs += 1;
            if let Err(e) = res {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let hash = framelens::hash::sha256_hex(String::from_utf8_lossy(&input).as_bytes());
                let dir = root.join("fuzz/artifacts");
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("smoke-{name}-{}", &hash[..16]));
                let _ = std::fs::write(&path, &input);
                eprintln!(
                    "{name}: panic after {execs} executions: {msg}; input saved to {}",
                    path.display()
                );
                failed = true;
                break;
            }
        }
        println!(
            "{name}: {execs} executions in {:.1} s, no panic{}",
            start.elapsed().as_secs_f64(),
            if failed { " before the one above" } else { "" }
        );
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
