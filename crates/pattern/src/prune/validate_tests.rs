//! The block validator against the byte-by-byte skipper: on every one-byte change,
//! deletion and insertion of varied JSON values, both must accept the same values and end
//! at the same byte, or both refuse.

use super::quick::skip_valid;
use super::scanner::{MAX_DEPTH, Scanner};

/// Ok(end) or Err, from the block validator (`block`) or the byte loop.
fn skip_with(bytes: &[u8], block: bool) -> Result<usize, ()> {
    let mut scanner = Scanner::new(bytes);
    scanner.whitespace();
    let result = if block {
        scanner.skip_container()
    } else {
        scanner.skip_bytewise()
    };
    result.map(|()| scanner.pos).map_err(|_| ())
}

/// The three skippers on one value: the block validator and the byte loop agree, and the
/// token walk ([`skip_valid`]) either defers or accepts the same value, ending at the same
/// byte. Returns whether the token walk accepted it.
fn agree(bytes: &[u8]) -> bool {
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    if !matches!(bytes[start], b'{' | b'[') {
        return false;
    }
    let exact = skip_with(bytes, false);
    let text = String::from_utf8_lossy(bytes);
    assert_eq!(skip_with(bytes, true), exact, "{text:?}");
    let walked = skip_valid(bytes, start, MAX_DEPTH);
    if let Some(end) = walked {
        assert_eq!(Ok(end), exact, "token walk on {text:?}");
    }
    walked.is_some()
}

/// Values with strings across block boundaries, escapes, numbers, words, pretty printing.
fn samples() -> Vec<String> {
    let long = "x".repeat(70);
    let del = '\u{7f}';
    vec![
        r#"{"a":"b","c":[1,-2.5,3e4,true,false,null,{},[]],"d":{"e":"\"\\\/\b\f\n\r\t\u00e9"}}"#
            .to_string(),
        format!(r#"[{{"k":"{long}\\"}},"{long}\"x",1234567890123456789012345678901234567890]"#),
        format!(r#"{{"{long}":"\\\\\\\\","z":"é{del}","n":[0,-0,0.5,1E+2,2e-3]}} tail"#),
        "{\n  \"a\": [\n    1,\n    \"two\"\t,\r\n    {\"b\" : null}\n  ]\n}\n".to_string(),
        format!("[{}\"\\u12ab\\\\\\\"\"{}]", " ".repeat(61), " ".repeat(3)),
        r#"[[[-122.428608960964200,37.802838894635120,0],[-122.4286,37.8,0]]],"next""#.to_string(),
    ]
}

#[test]
fn agrees_with_the_byte_loop_after_any_edit() {
    let replacements = b"\"\\,:[]{}-+.eE0 tx\n\x01\x1f/u\xc3";
    for sample in samples() {
        let original = sample.into_bytes();
        // Every sample is valid: the token walk must take it, not defer.
        assert!(agree(&original), "{:?}", String::from_utf8_lossy(&original));
        for at in 0..original.len() {
            let mut bytes = original.clone();
            for &replacement in replacements {
                bytes[at] = replacement;
                agree(&bytes);
            }
            let mut deleted = original.clone();
            deleted.remove(at);
            agree(&deleted);
            for &inserted in b"\"\\,]} " {
                let mut grown = original.clone();
                grown.insert(at, inserted);
                agree(&grown);
            }
        }
    }
}

#[test]
fn agrees_on_nesting_at_the_limit() {
    for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
        for inner in ["", "1", "[]", "{}", " [ ] ", "[1]", "{\"a\":1}"] {
            let text = format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth));
            agree(text.as_bytes());
            let objects = format!(
                "{}{inner}{}",
                "{\"k\":[".repeat(depth / 2),
                "]}".repeat(depth / 2)
            );
            agree(objects.as_bytes());
        }
    }
}

/// On valid JSON the pre-validated reader steps to the same end as the validator; on any
/// edit (valid or not) it never panics.
#[test]
fn structure_skip_ends_where_the_validator_does() {
    for sample in samples() {
        let original = sample.into_bytes();
        for at in 0..original.len() {
            for &replacement in b"\"\\[]{}x" {
                let mut bytes = original.clone();
                bytes[at] = replacement;
                let mut scanner = Scanner::new(&bytes);
                scanner.whitespace();
                if !matches!(scanner.peek(), Some(b'{' | b'[')) {
                    continue;
                }
                let structural = scanner.skip_structure().map(|()| scanner.pos);
                if let Ok(end) = skip_with(&bytes, true) {
                    assert_eq!(
                        structural.ok(),
                        Some(end),
                        "{:?}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
            }
        }
    }
}
