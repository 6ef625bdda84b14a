//! Keyness against the independent numpy implementation in `../shared/bench/peers.py`
//! (stored by `scripts/keyness_reference.py`), to 1e-9.

use ndarray::Array1;
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    a: Vec<f64>,
    b: Vec<f64>,
    z: Vec<f64>,
}

#[test]
fn log_odds_matches_the_peer_implementation() {
    let t: Table = serde_json::from_str(
        &std::fs::read_to_string(crate::fixture("keyness/table.json")).unwrap(),
    )
    .unwrap();
    let a = Array1::from(t.a);
    let b = Array1::from(t.b);
    let prior = &a + &b + 0.01;
    let z = framelens::compare::log_odds_z(&a, &b, &prior);
    assert_eq!(z.len(), t.z.len());
    for (i, (x, y)) in z.iter().zip(t.z.iter()).enumerate() {
        assert!((x - y).abs() < 1e-9, "term {i}: {x} vs {y}");
    }
}

#[test]
fn keyness_ranks_state_and_wire_terms_apart() {
    let t: Table = serde_json::from_str(
        &std::fs::read_to_string(crate::fixture("keyness/table.json")).unwrap(),
    )
    .unwrap();
    let terms = [
        "terrorists",
        "rebels",
        "syrian government",
        "assad regime",
        "liberation",
        "fall",
        "resistance",
        "militias",
        "civilians",
        "talks",
        "the",
        "aleppo",
    ];
    let a: framelens::compare::Counts = terms
        .iter()
        .zip(&t.a)
        .map(|(k, v)| (k.to_string(), *v as u64))
        .collect();
    let b: framelens::compare::Counts = terms
        .iter()
        .zip(&t.b)
        .map(|(k, v)| (k.to_string(), *v as u64))
        .collect();
    let (top, bottom) = framelens::compare::keyness(&a, &b, 3, 1);
    assert_eq!(top[0].term, "terrorists");
    assert_eq!(bottom[0].term, "rebels");
    let mut total = a.clone();
    for (k, v) in &b {
        *total.entry(k.clone()).or_default() += v;
    }
    let (top2, bottom2) = framelens::compare::keyness_vs_rest(&a, &total, 3, 1);
    assert_eq!(top, top2);
    assert_eq!(bottom, bottom2);
}
