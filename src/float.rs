//! The one rounding of floats that reach output (report.json, validation figures, chart labels
//! and font sizes), so that a value prints the same wherever it appears and never as `NaN` or
//! `-0`. [`round_signed`] is the same rounding for the stance scorer's own figures, which keep
//! the sign of a zero (see there).

/// Powers of ten, exact in `f64`.
const SCALE: [f64; 10] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/// `x` rounded half away from zero to `places` decimals (at most 9). A non-finite value becomes
/// 0 and a result of negative zero becomes 0.
pub fn round(x: f64, places: usize) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let r = round_signed(x, places);
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// `x` rounded half away from zero to `places` decimals (at most 9), a zero result keeping the
/// sign of `x` and a non-finite value passing through. Only for the stance scorer
/// (`framing::stance`): its contributions print with a sign in the evidence marks of
/// report.json (`fire -1.4 -> -0 other-clause,...`), where `-0` tells that a negative weight was
/// cancelled, and the committed reports hold such marks. Everything else uses [`round`].
pub fn round_signed(x: f64, places: usize) -> f64 {
    let scale = SCALE[places.min(SCALE.len() - 1)];
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_without_nan_or_negative_zero() {
        assert_eq!(round(0.1234565, 6), 0.123457);
        assert_eq!(round(-0.25, 1), -0.3);
        assert_eq!(round(2.5, 0), 3.0);
        assert_eq!(round(0.34567, 4), 0.3457);
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1e-9, -0.0] {
            let r = round(x, 6);
            assert!(r == 0.0 && r.is_sign_positive(), "{x} -> {r}");
        }
        // The same as the expression it replaces, for every value it met.
        for i in -2000..2000 {
            let x = i as f64 * 0.000_123_457;
            assert_eq!(round(x, 6), (x * 1e6).round() / 1e6 + 0.0);
            assert_eq!(round(x, 4), (x * 1e4).round() / 1e4 + 0.0);
            let s = round_signed(x, 6);
            let expected = (x * 1e6).round() / 1e6;
            assert_eq!(s.to_bits(), expected.to_bits(), "{x}");
        }
    }

    #[test]
    fn round_signed_keeps_the_sign_of_zero() {
        assert!(round_signed(-0.0, 6).is_sign_negative());
        assert!(round_signed(-1e-9, 6).is_sign_negative());
        assert!(round_signed(1e-9, 6).is_sign_positive());
        assert_eq!(format!("{:+}", round_signed(-1e-9, 6)), "-0");
        assert_eq!(round_signed(-0.25, 1), -0.3);
        assert!(round_signed(f64::NAN, 6).is_nan());
    }
}
