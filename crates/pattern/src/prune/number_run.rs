//! Checking a compact run of numbers in an array (`-122.428608960964200,37.80283889463512,0.0`)
//! in one pass over 64 bytes.
//!
//! A GeoJSON polygon is mostly such runs: three numbers per point, about 45 bytes. Read
//! number by number, each costs a dispatch, a digit scan and the comma's check; here the
//! window's digits, minus signs, dots, commas and zeros become bit masks (SSE2, through
//! `safe_arch`), and the grammar `n(,n)*` with `n = -?(0|[1-9][0-9]*)(\.[0-9]+)?` is checked
//! with a dozen mask operations. Anything else (an exponent, whitespace inside the run, a
//! run longer than the window, any error) is left to the number-by-number path.

use safe_arch::{
    cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
    set_splat_i8_m128i, sub_i8_m128i,
};

/// The window's byte classes, bit `i` for byte `i`.
struct RunMasks {
    digit: u64,
    minus: u64,
    dot: u64,
    comma: u64,
    zero: u64,
}

#[inline(always)]
fn classify(window: &[u8; 64]) -> RunMasks {
    let mut masks = RunMasks {
        digit: 0,
        minus: 0,
        dot: 0,
        comma: 0,
        zero: 0,
    };
    for (lane, bytes) in window.chunks_exact(16).enumerate() {
        let bytes: &[u8; 16] = bytes.try_into().unwrap_or(&[b' '; 16]);
        let v = load_unaligned_m128i(bytes);
        let bits = |m| u64::from(move_mask_i8_m128i(m) as u16) << (16 * lane);
        let from_zero = sub_i8_m128i(v, set_splat_i8_m128i(b'0' as i8));
        let nine = set_splat_i8_m128i(9);
        masks.digit |= bits(cmp_eq_mask_i8_m128i(
            min_u8_m128i(from_zero, nine),
            from_zero,
        ));
        masks.minus |= bits(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'-' as i8)));
        masks.dot |= bits(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'.' as i8)));
        masks.comma |= bits(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b',' as i8)));
        masks.zero |= bits(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'0' as i8)));
    }
    masks
}

/// Where the run of numbers starting at `bytes[pos]` ends (the first byte after its last
/// number), when the run is valid and ends within the 64 bytes from `pos` at a byte that
/// cannot continue a number; `None` leaves it to the number-by-number path.
#[inline]
pub(super) fn number_run_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let window: &[u8; 64] = bytes.get(pos..pos + 64)?.try_into().ok()?;
    let masks = classify(window);
    let len = (!(masks.digit | masks.minus | masks.dot | masks.comma)).trailing_zeros();
    if len == 0 || len == 64 || matches!(window[len as usize], b'e' | b'E' | b'+') {
        return None;
    }
    let region = (1u64 << len) - 1;
    let digit = masks.digit & region;
    let minus = masks.minus & region;
    let dot = masks.dot & region;
    let comma = masks.comma & region;
    // Every number ends in a digit: the byte before each comma and the run's last byte.
    let last = 1u64 << (len - 1);
    if comma & !(digit << 1) != 0 || last & !digit != 0 {
        return None;
    }
    // Numbers start at the run's first byte and after each comma (never past the run, as
    // its last byte is a digit): with a digit, or a minus sign and then a digit.
    let starts = 1 | (comma << 1);
    if starts & !(digit | minus) != 0 || minus & !starts != 0 || (minus << 1) & !digit != 0 {
        return None;
    }
    // No leading zero before another digit.
    let integer_starts = (starts & digit) | (minus << 1);
    if ((integer_starts & masks.zero) << 1) & digit != 0 {
        return None;
    }
    // A dot has digits on both sides, and the digits after it run to the number's end, not
    // to another dot (adding the first fraction digit carries through the run and lands on
    // the byte after it; the run is shorter than 64 bytes, so nothing carries out).
    if dot & !(digit << 1) != 0 || (dot << 1) & !digit != 0 {
        return None;
    }
    let after_fractions = digit.wrapping_add(dot << 1) & !digit;
    if after_fractions & dot != 0 {
        return None;
    }
    Some(pos + len as usize)
}

#[cfg(test)]
mod tests {
    use super::number_run_end;

    /// Each case: a run and what follows, and where the run ends (`None`: left to the
    /// number-by-number path).
    #[test]
    fn checks_runs_of_numbers() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<usize>)] = &[
            ("-122.428608960964200,37.802838894635120,0.0]", Some(43)),
            ("0]", Some(1)), ("-0,1,2}", Some(6)), ("10.25 ,", Some(5)), ("7\"", Some(1)),
            ("1,", None), (",1]", None), ("1,,2]", None), ("-]", None), ("--1]", None),
            ("1-2]", None), ("1,-,2]", None), ("01]", None), ("-01]", None), ("0.01]", Some(4)),
            ("10]", Some(2)), ("1.]", None), (".5]", None), ("1.2.3]", None), ("1..2]", None),
            ("1.2,3.4.5]", None), ("1.5e3]", None), ("1E3]", None), ("1.5+]", None),
            ("0,0.0,-0.0,100]", Some(14)),
            ("1234567890123456789012345678901234567890123456789012345678901234]", None),
        ];
        for &(text, expected) in cases {
            let padded = format!("{text:<70}");
            assert_eq!(number_run_end(padded.as_bytes(), 0), expected, "{text:?}");
            assert_eq!(
                number_run_end(text.as_bytes(), 0),
                None,
                "{text:?} near the end"
            );
        }
    }
}
