//! Integration tests: one binary, one module per topic.

mod bad_input;
mod browser;
mod charts;
mod cli;
mod cluster;
mod dependencies;
mod determinism;
mod expectations;
mod faults;
mod findings;
mod gold;
mod hostile;
mod keyness;
mod learn;
mod properties;
mod referents;
mod regress;
mod security;
mod stance_rules;
mod tables;
mod user_files;
mod web_inputs;

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The built binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_framelens"))
}

/// Runs the binary; returns (exit code, stdout, stderr). The report.json of every `analyze`
/// or `report` that succeeds is checked against `docs/report.schema.json`.
pub fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs");
    if out.status.success() && matches!(args.first(), Some(&"analyze") | Some(&"report")) {
        let folder = args
            .iter()
            .position(|a| *a == "--out")
            .and_then(|i| args.get(i + 1))
            .map(|o| dir.join(o));
        if let Some(report) = folder.map(|f| f.join("report.json")).filter(|p| p.exists()) {
            check_schema(&report);
        }
    }
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Checks a report.json against the committed JSON Schema (`docs/report.schema.json`).
pub fn check_schema(report: &Path) {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    let v = VALIDATOR.get_or_init(|| {
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap(),
        )
        .unwrap();
        jsonschema::validator_for(&schema).expect("the schema compiles")
    });
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&value)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{} does not match docs/report.schema.json: {errors:#?}",
        report.display()
    );
    assert_eq!(value["schema_version"], framelens::report::SCHEMA_VERSION);
}

/// Every file under `dir`, by path relative to it.
pub fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}
