//! Stepping over a valid object or array token by token, deferring every doubt.
//!
//! The block validator ([`super::validate`]) classifies every byte of a skipped value into
//! five masks before it walks the tokens; on CloudTrail events, where most bytes are string
//! bodies, that costs more than walking the tokens themselves: a string body is stepped
//! over sixteen bytes per compare ([`string_stop`]), and a compact member `"key":"value",`
//! is four byte checks and two such steps. [`skip_valid`] does only that: it accepts
//! exactly the values the byte-by-byte skipper accepts within the nesting limit and
//! returns where they end, and says `None` for everything else (any syntax error, or
//! nesting that reaches the limit), so the caller runs the exact validator from the same
//! place, which words the error and finds its position. The accepted values and their ends
//! are therefore those of [`super::scanner::Scanner::skip`]; `validate_tests.rs` checks it
//! on edited values.

use super::find::string_stop;
use super::syntax::digit_run;

/// Where the object or array at `bytes[start]` ends (the index after its closing bracket)
/// if it is valid JSON nested at most `room` levels deep (counting itself); `None` when it
/// is not, or is nested deeper (the caller then checks it the exact way).
pub(super) fn skip_valid(bytes: &[u8], start: usize, room: usize) -> Option<usize> {
    let mut pos = start;
    // Open containers as bits (1 = object), innermost lowest, as in `skip_bytewise`.
    let mut open: u128 = 0;
    let mut depth = 0usize;
    loop {
        // A value.
        pos = blank(bytes, pos);
        match *bytes.get(pos)? {
            b'"' => pos = string_end(bytes, pos + 1)?,
            b'-' | b'0'..=b'9' => pos = numbers_end(bytes, pos, depth > 0 && open & 1 == 0)?,
            b't' => pos = word_end(bytes, pos, b"true")?,
            b'f' => pos = word_end(bytes, pos, b"false")?,
            b'n' => pos = word_end(bytes, pos, b"null")?,
            opening @ (b'{' | b'[') => {
                // `{` + 2 is `}`, `[` + 2 is `]`.
                let after = blank(bytes, pos + 1);
                if bytes.get(after) == Some(&(opening + 2)) {
                    pos = after + 1;
                } else {
                    if depth >= room {
                        return None;
                    }
                    depth += 1;
                    let object = opening == b'{';
                    open = (open << 1) | u128::from(object);
                    pos = if object {
                        key_end(bytes, after)?
                    } else {
                        after
                    };
                    continue;
                }
            }
            _ => return None,
        }
        // After a value: close what ends here; a comma leads to the next value.
        loop {
            if depth == 0 {
                return Some(pos);
            }
            pos = blank(bytes, pos);
            let object = open & 1 == 1;
            match *bytes.get(pos)? {
                b',' if object => {
                    pos = key_end(bytes, pos + 1)?;
                    break;
                }
                b',' => {
                    pos += 1;
                    break;
                }
                b'}' if object => {}
                b']' if !object => {}
                _ => return None,
            }
            pos += 1;
            open >>= 1;
            depth -= 1;
        }
    }
}

/// Past JSON whitespace at `pos`: compact JSON has none, so the first test usually ends it.
#[inline(always)]
fn blank(bytes: &[u8], mut pos: usize) -> usize {
    if bytes.get(pos).is_none_or(|&b| b > b' ') {
        return pos;
    }
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// Past `"key":` (whitespace allowed around), from `pos`.
#[inline(always)]
fn key_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let pos = blank(bytes, pos);
    if bytes.get(pos) != Some(&b'"') {
        return None;
    }
    let pos = blank(bytes, string_end(bytes, pos + 1)?);
    (bytes.get(pos) == Some(&b':')).then_some(pos + 1)
}

/// Past the closing quote of the string whose body starts at `from`, its escapes checked
/// as [`super::scanner::Scanner::skip_string`] checks them.
#[inline(always)]
pub(super) fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut pos = from;
    loop {
        pos = string_stop(bytes, pos);
        match *bytes.get(pos)? {
            b'"' => return Some(pos + 1),
            b'\\' => match *bytes.get(pos + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => pos += 2,
                b'u' if bytes
                    .get(pos + 2..pos + 6)?
                    .iter()
                    .all(u8::is_ascii_hexdigit) =>
                {
                    pos += 6
                }
                _ => return None,
            },
            _ => return None,
        }
    }
}

/// Past the number at `pos` and, in an array, the compact run of numbers it starts
/// (`-122.4,37.8,0.0`: coordinates, sizes, counts): the commas and the next numbers at once,
/// without the value dispatch; on x86-64 a whole run within 64 bytes in one check.
#[inline(always)]
fn numbers_end(bytes: &[u8], pos: usize, in_array: bool) -> Option<usize> {
    if !in_array {
        return number_end(bytes, pos);
    }
    #[cfg(target_arch = "x86_64")]
    if let Some(end) = super::number_run::number_run_end(bytes, pos) {
        return Some(end);
    }
    let mut pos = number_end(bytes, pos)?;
    while bytes.get(pos) == Some(&b',') && matches!(bytes.get(pos + 1), Some(b'-' | b'0'..=b'9')) {
        pos = number_end(bytes, pos + 1)?;
    }
    Some(pos)
}

/// Past `word` at `pos`.
#[inline(always)]
fn word_end(bytes: &[u8], pos: usize, word: &[u8]) -> Option<usize> {
    let end = pos + word.len();
    (bytes.get(pos..end)? == word).then_some(end)
}

/// Past the number at `pos`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
/// Whatever follows is the caller's to check (a byte that cannot follow a value fails
/// there), as in [`super::scanner::Scanner::number`].
#[inline(always)]
fn number_end(bytes: &[u8], pos: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(end) = short_number_end(bytes, pos) {
        return Some(end);
    }
    let mut at = pos + usize::from(bytes[pos] == b'-');
    let whole = digit_run(bytes, at);
    if whole == 0 || (whole > 1 && bytes[at] == b'0') {
        return None;
    }
    at += whole;
    if bytes.get(at) == Some(&b'.') {
        let fraction = digit_run(bytes, at + 1);
        if fraction == 0 {
            return None;
        }
        at += 1 + fraction;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        if let Some(b'+' | b'-') = bytes.get(at) {
            at += 1;
        }
        let exponent = digit_run(bytes, at);
        if exponent == 0 {
            return None;
        }
        at += exponent;
    }
    Some(at)
}

/// [`number_end`] for a `-?(0|[1-9][0-9]*)(\.[0-9]+)?` that ends within the 32 bytes from
/// `pos` (coordinates, sizes, counts), read off one digit mask: two SSE2 loads and a few
/// bit scans instead of a digit loop. `None` (an exponent, a longer number, the input's end
/// within 32 bytes, or an error) leaves it to the general path.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn short_number_end(bytes: &[u8], pos: usize) -> Option<usize> {
    use safe_arch::{
        cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i, sub_i8_m128i,
    };
    let window = bytes.get(pos..pos + 32)?;
    let digits_of = |half: &[u8]| {
        let half: &[u8; 16] = half.try_into().unwrap_or(&[b' '; 16]);
        let from_zero = sub_i8_m128i(load_unaligned_m128i(half), set_splat_i8_m128i(b'0' as i8));
        let digit = cmp_eq_mask_i8_m128i(min_u8_m128i(from_zero, set_splat_i8_m128i(9)), from_zero);
        move_mask_i8_m128i(digit) as u32 & 0xffff
    };
    // Bit i: window[i] is an ASCII digit.
    let digits = digits_of(&window[..16]) | (digits_of(&window[16..]) << 16);
    let run = |from: usize| {
        digits
            .checked_shr(from as u32)
            .map_or(32, u32::trailing_ones) as usize
    };
    let start = usize::from(window[0] == b'-');
    let whole = run(start);
    let mut end = start + whole;
    if whole == 0 || end >= 32 || (whole > 1 && window[start] == b'0') {
        return None;
    }
    if window[end] == b'.' {
        let fraction = run(end + 1);
        end += 1 + fraction;
        if fraction == 0 || end >= 32 {
            return None;
        }
    }
    match window[end] {
        b'e' | b'E' => None,
        _ => Some(pos + end),
    }
}

#[cfg(test)]
mod tests {
    use super::{number_end, skip_valid};

    /// Each case: a number and what follows it, and where the number ends (`None`: not a
    /// number), both near the input's end and with room for the 32-byte window.
    #[test]
    fn reads_numbers_whole() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<usize>)] = &[
            ("0,", Some(1)), ("-0]", Some(2)), ("7}", Some(1)), ("0.0,", Some(3)),
            ("-122.428608960964200,", Some(20)), ("37.802838894635120]", Some(18)),
            ("1234567890123456789012345678901,", Some(31)),
            ("12345678901234567890123456789012345,", Some(35)),
            ("-1.23456789012345678901234567890123,", Some(35)),
            ("1.5e3,", Some(5)), ("1E+3]", Some(4)), ("2e-3,", Some(4)),
            ("01", None), ("-01", None), ("-", None), ("-,", None), ("1.", None), ("1.,", None),
            ("1e", None), ("1e+", None), ("-a", None), ("1..2", None), ("1.2.3", Some(3)),
        ];
        for &(text, expected) in cases {
            let padded = format!("{text:<40}");
            for bytes in [text.as_bytes(), padded.as_bytes()] {
                assert_eq!(number_end(bytes, 0), expected, "{text:?}");
            }
        }
    }

    /// Each case: the text, the nesting room, and where the walk ends (`None`: it defers).
    #[test]
    fn accepts_valid_values_and_defers_the_rest() {
        #[rustfmt::skip]
        let cases: &[(&str, usize, Option<usize>)] = &[
            (r#"{"a":"b","c":[1,-2.5,3e4,true,false,null,{},[]]} tail"#, 128, Some(48)),
            ("{ \"a\" : [ 1 , \"x\\u00e9\\n\" ] }\n", 128, Some(29)),
            (r#"[[-122.428608960964200,37.802838894635120,0.0]],"next""#, 128, Some(47)),
            ("[[[1]]]", 2, None),
            ("[[[1]]]", 3, Some(7)),
            ("[[{}]]", 2, Some(6)),
            (r#"{"a":01}"#, 128, None),
            (r#"{"a":1.}"#, 128, None),
            (r#"{"a":1e}"#, 128, None),
            (r#"{"a":-}"#, 128, None),
            (r#"{"a":tru}"#, 128, None),
            (r#"{"a":"\q"}"#, 128, None),
            ("{\"a\":\"\u{1}\"}", 128, None),
            (r#"{"a" 1}"#, 128, None),
            (r#"{"a":1,}"#, 128, None),
            (r#"[1,]"#, 128, None),
            (r#"[1 2]"#, 128, None),
            (r#"{"a":1]"#, 128, None),
            (r#"{1:2}"#, 128, None),
            (r#"{"a":[1,2}"#, 128, None),
            (r#"{"a":"b""#, 128, None),
        ];
        for &(text, room, expected) in cases {
            assert_eq!(skip_valid(text.as_bytes(), 0, room), expected, "{text:?}");
        }
    }
}
