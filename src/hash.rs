//! Hashing: every hash framelens computes, in one place.
//!
//! Two families with different jobs:
//!
//! - SHA-256, written as lowercase hex, for provenance: the bytes of each input (while it
//!   streams, [`HashingReader`]), each article's text (its content hash) and each lexicon file.
//!   A reader can check a report against the files it names.
//! - [`fnv`] and [`splitmix`], fast 64-bit hashes that are the same on every platform and
//!   version, for decisions that must not depend on order or threads: bootstrap weights from an
//!   article id, evidence chosen by hash rank.
//!
//! Changing any of these changes report bytes: the outputs are pinned by the snapshot tests.

use sha2::{Digest, Sha256};
use std::io::Read;
use std::sync::{Arc, Mutex};

/// FNV-1a's starting value (with seed 0), for hashing a byte stream with [`fnv_step`].
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a: `bytes.fold(FNV_OFFSET, fnv_step)` is `fnv(bytes, 0)`.
pub fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
}

/// 64-bit FNV-1a: a stable hash (the same on every platform and version).
pub fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let h = FNV_OFFSET ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    bytes.iter().fold(h, |h, &b| fnv_step(h, b))
}

/// SplitMix64's finaliser: spreads the bits of `x` evenly (a stable pseudo-random number from a
/// hash).
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Hex SHA-256 of bytes (an article's text, a lexicon file): a stable content hash.
pub fn sha256_hex(bytes: impl AsRef<[u8]>) -> String {
    hex(&Sha256::digest(bytes.as_ref()))
}

/// Hex SHA-256 of everything fed to `hasher` so far; the hasher can go on.
pub fn finish_hex(hasher: &Sha256) -> String {
    hex(&hasher.clone().finalize())
}

/// A reader that feeds every byte it reads into a shared SHA-256.
pub struct HashingReader<R> {
    inner: R,
    hasher: Arc<Mutex<Sha256>>,
    counter: Option<Arc<std::sync::atomic::AtomicU64>>,
}

impl<R: Read> HashingReader<R> {
    /// Wraps `inner`; the hash is read from the returned handle.
    pub fn new(inner: R) -> (Self, Arc<Mutex<Sha256>>) {
        let hasher = Arc::new(Mutex::new(Sha256::new()));
        (
            HashingReader {
                inner,
                hasher: hasher.clone(),
                counter: None,
            },
            hasher,
        )
    }

    /// Also adds the number of bytes read to `counter` (for a progress display).
    pub fn counting(mut self, counter: Option<Arc<std::sync::atomic::AtomicU64>>) -> Self {
        self.counter = counter;
        self
    }
}

/// The hex SHA-256 of everything a [`HashingReader`] has read so far.
pub fn hex_digest(hasher: &Mutex<Sha256>) -> String {
    let digest = hasher
        .lock()
        .map(|h| h.clone().finalize().to_vec())
        .unwrap_or_default();
    hex(&digest)
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut h) = self.hasher.lock() {
            h.update(&buf[..n]);
        }
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
        // FNV-1a offset basis with seed 0, and the empty input.
        assert_eq!(fnv(b"", 0), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a", 0), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(splitmix(0), 0xe220_a839_7b1d_cdaf);
        assert_eq!(
            b"a".iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b)),
            fnv(b"a", 0)
        );
    }

    #[test]
    fn hashing_reader_hashes_what_it_reads() {
        let (mut r, h) = HashingReader::new(&b"abc"[..]);
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(hex_digest(&h), sha256_hex("abc"));
        let mut s = Sha256::new();
        s.update(b"abc");
        assert_eq!(finish_hex(&s), sha256_hex("abc"));
    }
}
