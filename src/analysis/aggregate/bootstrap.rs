//! Bootstrap weights: each article counts Poisson(1) times in each replicate, the weights drawn
//! from a hash of its id, so that any split of the corpus into batches, threads or shards folds
//! to the same replicates.

use crate::hash::{fnv, splitmix};

/// Bootstrap replicates.
pub const REPLICATES: usize = 200;

/// Poisson(1) weights of one article for every replicate, from a hash of its id and the seed.
pub fn poisson_weights(id: &str, seed: u64) -> [u8; REPLICATES] {
    // Cumulative Poisson(1) probabilities for k = 0..=7.
    const CDF: [f64; 8] = [
        0.367_879_441,
        0.735_758_882,
        0.919_698_603,
        0.981_011_843,
        0.996_340_153,
        0.999_405_815,
        0.999_916_759,
        0.999_989_751,
    ];
    let base = fnv(id.as_bytes(), seed);
    let mut w = [0u8; REPLICATES];
    for (b, slot) in w.iter_mut().enumerate() {
        let u = (splitmix(base ^ (b as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93)) >> 11) as f64
            / (1u64 << 53) as f64;
        *slot = CDF.iter().position(|c| u < *c).unwrap_or(8) as u8;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_weights_are_stable_and_mean_one() {
        let w = poisson_weights("article-1", 7);
        assert_eq!(w, poisson_weights("article-1", 7));
        let total: u64 = (0..200)
            .map(|i| {
                poisson_weights(&format!("a{i}"), 1)
                    .iter()
                    .map(|x| *x as u64)
                    .sum::<u64>()
            })
            .sum();
        let mean = total as f64 / (200.0 * REPLICATES as f64);
        assert!((mean - 1.0).abs() < 0.03, "{mean}");
    }
}
