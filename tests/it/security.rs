//! Untrusted text in outputs and untrusted patterns: CSV cells a spreadsheet will not run,
//! boilerplate regular expressions with a size limit.

use crate::{root, run};

/// Cells that a spreadsheet would run as formulas, in every field that reaches CSV output.
const HOSTILE: &[&str] = &[
    "=HYPERLINK(\"http://attacker.example/\",\"x\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
];

#[test]
fn csv_outputs_neutralise_formula_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.jsonl");
    let mut lines = String::new();
    for (i, h) in HOSTILE.iter().enumerate() {
        let rec = serde_json::json!({
            "id": h,
            "outlet": h,
            "title": h,
            "text": format!("{h} Sergei Lavrov said the talks in Moscow went well {i}.\n\n{h}\n\n\"{h} we condemned it,\" Zarif said."),
        });
        lines.push_str(&format!("{rec}\n"));
    }
    std::fs::write(&path, lines).unwrap();
    let input = path.to_str().unwrap();
    for cmd in ["actors", "voices"] {
        let (code, out, err) = run(&[cmd, input, "--format", "csv"], &root());
        assert_eq!(code, 0, "{err}");
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(out.as_bytes());
        let mut cells = 0;
        let mut prefixed = 0;
        for rec in rdr.records() {
            for cell in rec.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cmd}: live formula cell {cell:?}"
                );
                if cell.starts_with('\'') {
                    prefixed += 1;
                }
            }
        }
        assert!(cells > 0, "{cmd}: {out}");
        // Actors' cells are gazetteer names and counts; voices carries the hostile text.
        if cmd == "voices" {
            assert!(prefixed >= HOSTILE.len(), "{cmd}: {out}");
        }
    }
}

#[test]
fn an_oversized_boilerplate_pattern_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    std::fs::write(
        &path,
        "[meta]\nname = \"b\"\nversion = \"1\"\n[repeats]\nmin_chars = 20\ncaption_prefix_chars = 30\n\
         [[pattern]]\nname = \"fine\"\nregex = '^Comments \\d+$'\n\
         [[pattern]]\nname = \"explosive\"\nregex = '(\\w{500}){500}'\n",
    )
    .unwrap();
    let (code, _, err) = run(
        &[
            "actors",
            "fixtures/seeds",
            "--boilerplate",
            path.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "{}: pattern \"explosive\" ([[pattern]] number 2) compiles to more than the limit of",
            path.display()
        )) && err.contains("simplify it"),
        "{err}"
    );
}
