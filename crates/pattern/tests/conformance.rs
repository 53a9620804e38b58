//! Runs every line of the conformance corpus (read in place from `../shared/conformance`,
//! never copied) against the engine.
//!
//! - `aws-verified.jsonl` must agree 100%, including that invalid patterns are invalid with
//!   AWS's reason text, and that invalid events are refused by `check_test_event`.
//! - `event-ruler.jsonl`, `docs.jsonl` and `event-ruler-generated.jsonl` must agree 100%
//!   (verdict, and for invalid patterns the message after "Reason: ") except the lines listed
//!   in `shared/exceptions.rs`, each with its reason.
//!
//! Every line also checks that `explain(..).matched`, `matches` and `matches_json` agree.

mod shared;

use eventpen_pattern::{check, check_test_event};
use serde_json::Value;
use shared::{REASON_PREFIX, Tally, text_of};

/// The message event-ruler (and so AWS, after "Reason: ") gives for an invalid pattern.
fn wanted_message<'l>(file: &str, line: &'l Value) -> Option<&'l str> {
    match file {
        "aws-verified.jsonl" => line["aws_error"]
            .as_str()
            .map(|m| m.trim_start_matches(REASON_PREFIX)),
        _ => line["engine_error"].as_str(),
    }
}

/// Checks one line; `Err` says how we disagree.
fn run_line(file: &str, line: &Value) -> Result<(), String> {
    let expect = line["expect"].as_str().unwrap_or_default();
    let pattern_text = text_of(&line["pattern"]);
    let event_text = text_of(&line["event"]);
    let checked = check(&pattern_text);

    if expect == "invalid" {
        if line["invalid_part"].as_str() == Some("event") {
            if !checked.errors.is_empty() {
                return Err(format!("pattern should be valid: {:?}", checked.errors));
            }
            return match check_test_event(&event_text) {
                Err(message) if message.starts_with("Parameter Event is not valid.") => Ok(()),
                other => Err(format!("event should be refused, got {other:?}")),
            };
        }
        let Some(error) = checked.errors.first() else {
            return Err("pattern should be invalid but is accepted".to_string());
        };
        // The corpus keeps a message's first line (Jackson's can quote a multi-line pattern).
        let first_line = error.message.lines().next().unwrap_or_default();
        return match wanted_message(file, line) {
            Some(wanted) if wanted != first_line => Err(format!(
                "message differs:\n   want {wanted}\n    got {}",
                error.message
            )),
            _ => Ok(()),
        };
    }

    let Some(pattern) = checked.pattern else {
        return Err(format!("pattern should be valid: {}", checked.errors[0]));
    };
    let by_bytes = pattern.matches_json(event_text.as_bytes());
    if expect == "invalid-event" {
        return match by_bytes {
            Err(_) => Ok(()),
            Ok(matched) => Err(format!("event should be unreadable, got matched={matched}")),
        };
    }
    let by_bytes = by_bytes.map_err(|e| format!("event unreadable: {e}"))?;
    // The parsed-value paths can only agree when serde_json reads the same event: it keeps
    // the last of repeated keys, and refuses lone surrogates and trailing text.
    if let Ok(event) = strict_event(&event_text) {
        let matched = pattern.matches(&event);
        let explained = pattern.explain(&event).matched;
        if (matched, explained) != (by_bytes, by_bytes) {
            return Err(format!(
                "matches {matched}, explain {explained}, matches_json {by_bytes}"
            ));
        }
    }
    let want = expect == "match";
    if by_bytes != want {
        return Err(format!(
            "expected {expect}, got {}",
            if by_bytes { "match" } else { "no-match" }
        ));
    }
    Ok(())
}

/// The event as a `Value` when serde_json reads it exactly (no repeated key).
fn strict_event(text: &str) -> Result<Value, String> {
    let event: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if has_repeated_key(text) {
        return Err("repeated key".to_string());
    }
    Ok(event)
}

#[test]
fn conformance_corpus() {
    let Some(dir) = shared::corpus_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let mut failures = Vec::new();
    let mut warning_counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for (file, _) in shared::FILES {
        let mut tally = Tally::default();
        let (mut verdicts, mut verdicts_agreed, mut messages, mut messages_agreed) = (0, 0, 0, 0);
        for line in shared::read_lines(&dir, file) {
            let id = line["id"].as_str().unwrap_or_default().to_string();
            for warning in check(&text_of(&line["pattern"])).warnings {
                *warning_counts.entry(warning.code()).or_default() += 1;
            }
            let outcome = run_line(file, &line);
            let is_message = line["expect"] == "invalid"
                && line["invalid_part"] != "event"
                && wanted_message(file, &line).is_some();
            let verdict_only = check(&text_of(&line["pattern"])).pattern.is_none()
                == (line["expect"] == "invalid");
            if is_message {
                messages += 1;
                messages_agreed += usize::from(outcome.is_ok());
            }
            verdicts += 1;
            verdicts_agreed += usize::from(outcome.is_ok() || (is_message && verdict_only));
            if let (Err(why), Some(_)) = (&outcome, shared::exception(file, &id)) {
                println!("  exception {id}: {why}");
            }
            tally.record(file, &id, outcome);
        }
        println!(
            "{file}: {} agree, {} listed exceptions, {} disagree; verdicts {verdicts_agreed}/{verdicts}, messages {messages_agreed}/{messages}",
            tally.agreed,
            tally.excepted,
            tally.failures.len()
        );
        failures.extend(tally.failures);
    }
    println!("warnings over the corpus's patterns: {warning_counts:?}");
    if !failures.is_empty() {
        panic!("{} disagreements:\n{}", failures.len(), failures.join("\n"));
    }
}

/// Whether some object in the JSON text repeats a key (serde_json keeps only the last one,
/// event-ruler reads them all). `false` for text that is not JSON.
pub fn has_repeated_key(text: &str) -> bool {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};

    /// Walks any JSON value, failing on the first repeated key.
    struct Unique;
    impl<'de> serde::Deserialize<'de> for Unique {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(UniqueVisitor)
        }
    }
    struct UniqueVisitor;
    impl<'de> Visitor<'de> for UniqueVisitor {
        type Value = Unique;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
            while seq.next_element::<Unique>()?.is_some() {}
            Ok(Unique)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key) {
                    return Err(serde::de::Error::custom("repeated key"));
                }
                map.next_value::<Unique>()?;
            }
            Ok(Unique)
        }
    }
    serde_json::from_str::<serde_json::Value>(text).is_ok()
        && serde_json::from_str::<Unique>(text).is_err()
}
