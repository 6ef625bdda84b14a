//! Dependencies: every crate in the graph has an allowed licence, none speaks to the network,
//! and docs/dependencies.md lists the direct dependencies at the versions Cargo.lock resolves.
//! Runs `cargo metadata --offline --filter-platform <host>`: it needs no network, and only the
//! crates that a build on this machine has already downloaded (a fresh cargo cache holds no
//! crate for another platform, such as `anstyle-wincon`, so an unfiltered graph cannot be read
//! offline there).

use crate::root;
use serde_json::Value;

const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "0BSD",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "MPL-2.0",
    "Unlicense",
    "BSL-1.0",
    "CC0-1.0",
];

/// Crates that open network connections: none may enter the graph.
const NETWORK: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "h2",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio",
];

/// Whether an SPDX licence expression is allowed: `OR` needs one allowed side, `AND` both;
/// `A/B` is the old spelling of `A OR B`; `X WITH exception` counts as `X`.
fn allowed(expr: &str) -> bool {
    let tokens: Vec<String> = expr
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ")
        .split_whitespace()
        .map(String::from)
        .collect();
    let mut pos = 0;
    let ok = or_expr(&tokens, &mut pos);
    ok && pos == tokens.len()
}

fn or_expr(t: &[String], pos: &mut usize) -> bool {
    let mut ok = and_expr(t, pos);
    while t.get(*pos).map(String::as_str) == Some("OR") {
        *pos += 1;
        ok |= and_expr(t, pos);
    }
    ok
}

fn and_expr(t: &[String], pos: &mut usize) -> bool {
    let mut ok = atom(t, pos);
    while t.get(*pos).map(String::as_str) == Some("AND") {
        *pos += 1;
        ok &= atom(t, pos);
    }
    ok
}

fn atom(t: &[String], pos: &mut usize) -> bool {
    let Some(tok) = t.get(*pos) else {
        return false;
    };
    *pos += 1;
    if tok == "(" {
        let ok = or_expr(t, pos);
        if t.get(*pos).map(String::as_str) == Some(")") {
            *pos += 1;
        }
        return ok;
    }
    let ok = ALLOWED.contains(&tok.as_str());
    if t.get(*pos).map(String::as_str) == Some("WITH") {
        *pos += 2;
    }
    ok
}

#[test]
fn spdx_expressions_are_read_correctly() {
    assert!(allowed("MIT OR Apache-2.0"));
    assert!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(allowed("Unlicense/MIT"));
    assert!(allowed("Apache-2.0 WITH LLVM-exception OR MIT"));
    assert!(allowed("MIT OR Apache-2.0 OR LGPL-2.1-or-later"));
    assert!(!allowed("GPL-3.0-only"));
    assert!(!allowed("MIT AND GPL-2.0"));
    assert!(!allowed("(GPL-2.0 OR LGPL-2.1) AND MIT"));
    assert!(!allowed(""));
}

/// The host's target triple, as `rustc -vV` prints it.
fn host_triple() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let out = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV prints the host triple")
        .trim()
        .to_string()
}

#[test]
fn licences_are_allowed_and_this_list_is_current() {
    let cargo = option_env!("CARGO").unwrap_or("cargo");
    let host = host_triple();
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--locked",
            "--filter-platform",
            &host,
        ])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    let mut refused = Vec::new();
    for p in packages {
        let name = p["name"].as_str().unwrap();
        let licence = p["license"].as_str().unwrap_or("");
        if !allowed(licence) {
            refused.push(format!("{name} {}: {licence:?}", p["version"]));
        }
        assert!(
            !NETWORK.contains(&name),
            "{name} would give framelens network access"
        );
    }
    assert!(refused.is_empty(), "licences not allowed: {refused:#?}");
    // docs/dependencies.md lists every direct dependency at its resolved version.
    let doc = std::fs::read_to_string(root().join("docs/dependencies.md")).unwrap();
    let me = packages.iter().find(|p| p["name"] == "framelens").unwrap();
    let node = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == me["id"])
        .unwrap();
    let mut listed = 0;
    for d in node["deps"].as_array().unwrap() {
        let p = packages.iter().find(|p| p["id"] == d["pkg"]).unwrap();
        let row = format!(
            "| {} | {} | {} |",
            p["name"].as_str().unwrap(),
            p["version"].as_str().unwrap(),
            p["license"].as_str().unwrap_or("")
        );
        assert!(
            doc.contains(&row),
            "docs/dependencies.md lacks {row:?}; update the table"
        );
        listed += 1;
    }
    assert_eq!(
        doc.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| crate"))
            .count(),
        listed,
        "docs/dependencies.md lists a dependency that is gone"
    );
}

/// No network code in framelens itself.
#[test]
fn no_network_code_in_the_sources() {
    let mut stack = vec![root().join("src")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let s = std::fs::read_to_string(&p).unwrap();
                for needle in ["std::net", "TcpStream", "UdpSocket", "TcpListener"] {
                    assert!(!s.contains(needle), "{} uses {needle}", p.display());
                }
            }
        }
    }
}
