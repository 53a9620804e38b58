//! The engine's byte path on raw, mutated event text: `matches_json` must accept exactly the
//! texts whose first JSON value is an object (what serde_json reads), whichever skipper
//! (token walk, number runs, block validator, byte loop) steps over the parts the pattern
//! does not read; on serde_json's writing of a valid text it must agree with the
//! pre-validated path, and so it must on the raw text itself when that is valid JSON with
//! no backslash (repeated keys and whitespace included: the early verdicts' contract).
//!
//! Input layout: the event text itself. Texts that are not UTF-8 or hold a surrogate escape
//! (`\ud…`) are run but not compared: the skipper documents that it checks neither inside
//! the strings it skips, and reads a lone surrogate as U+FFFD as event-ruler does.

use crate::runner::Verdict;
use serde_json::Value;

/// JSON tokens and the shapes the skippers special-case: number runs, exponents, escapes,
/// deep nesting, whitespace.
pub const DICTIONARY: &[&[u8]] = &[
    b"-122.428608960964200,37.802838894635120,0.0",
    b"[[[",
    b"]]]",
    b"{\"a\":",
    b"\"source\":",
    b"\"source\":\"aws.ec2\",",
    b"\"properties.STREET\":",
    b"\"detail\":{",
    b"1e5",
    b"-0.5E-3",
    b"01",
    b"\\u00e9",
    b"\\\"",
    b"\\\\",
    b"true",
    b"false",
    b"null",
    b" \n\t",
    b",",
    b":",
];

/// Patterns reading a field near the start, one deep inside, and one in an array of
/// objects, so that most of each text is skipped.
const PATTERNS: &[&str] = &[
    r#"{"source": ["aws.ec2"]}"#,
    r#"{"detail": {"eventName": [{"prefix": "Put"}]}}"#,
    r#"{"properties": {"STREET": [{"prefix": "FOL"}]}, "geometry": {"type": ["Polygon"]}}"#,
];

/// Runs one input; panics if the byte path accepts or refuses what it must not.
pub fn run(data: &[u8]) -> Verdict {
    let comparable = std::str::from_utf8(data).is_ok()
        && !data
            .windows(3)
            .any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D'));
    let first = serde_json::Deserializer::from_slice(data)
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok)
        .filter(Value::is_object);
    let valid = first.is_some();
    // Valid text whose keys cannot carry needless escapes: the early path's contract.
    let vouched = valid && comparable && !data.contains(&b'\\');
    // The pre-validated path is for what serde_json writes (no repeated key, no whitespace).
    let written = first.map(|value| serde_json::to_vec(&value).unwrap_or_default());
    for text in PATTERNS {
        let Ok(pattern) = eventpen_pattern::compile(text) else {
            panic!("fuzz pattern {text} is invalid");
        };
        let ours = pattern.matches_json(data);
        if comparable {
            assert_eq!(
                ours.is_ok(),
                valid,
                "matches_json {} a text serde_json {}\npattern: {text}\nevent: {}",
                if ours.is_ok() { "accepts" } else { "refuses" },
                if valid { "accepts" } else { "refuses" },
                String::from_utf8_lossy(data)
            );
        }
        if vouched {
            assert_eq!(
                pattern.matches_json_prevalidated(data).ok(),
                ours.as_ref().ok().copied(),
                "matches_json_prevalidated disagrees on the text itself\npattern: {text}\nevent: {}",
                String::from_utf8_lossy(data)
            );
        }
        if let Some(written) = &written {
            assert_eq!(
                pattern.matches_json_prevalidated(written).ok(),
                pattern.matches_json(written).ok(),
                "matches_json_prevalidated disagrees\npattern: {text}\nevent: {}",
                String::from_utf8_lossy(data)
            );
        }
    }
    if valid {
        Verdict::Interesting
    } else {
        Verdict::Boring
    }
}
