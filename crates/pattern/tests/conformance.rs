//! Runs every line of the conformance corpus (read in place from `../shared/conformance`,
//! never copied) against the engine.
//!
//! - `aws-verified.jsonl` must agree 100%, including that invalid patterns are invalid with
//!   AWS's reason text, and that invalid events are refused by `check_test_event`.
//! - `event-ruler.jsonl` and `docs.jsonl` must agree 100% except the lines listed in
//!   [`EXCEPTIONS`], each flagged in the corpus and each with its reason.
//!
//! Every line also checks that `explain(..).matched == matches(..)`.

use std::path::Path;

use eventpen_pattern::{check, check_test_event};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance");

/// Lines we deliberately answer differently, with why. Each is flagged in the corpus.
const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "doc-number-representation",
        "contradicted_by_aws: AWS matched event 300.0 against [300] (ls-number_comparison_float); we follow AWS",
    ),
    (
        "doc-or-over-1000-combinations",
        "unsure: documented limit, not enforced by event-ruler nor verified on AWS; we accept and warn",
    ),
];

const REASON_PREFIX: &str = "Event pattern is not valid. Reason: ";

/// The text to send for a pattern or event: a string is exact text, anything else is
/// serialised (numbers keep their text: serde_json's arbitrary_precision).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
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
        let wanted = match file {
            "aws-verified.jsonl" => line["aws_error"]
                .as_str()
                .map(|m| m.trim_start_matches(REASON_PREFIX)),
            _ => line["engine_error"].as_str(),
        };
        return match wanted {
            Some(wanted) if wanted != error.message => Err(format!(
                "message differs:\n   want {wanted}\n    got {}",
                error.message
            )),
            _ => Ok(()),
        };
    }

    let Some(pattern) = checked.pattern else {
        return Err(format!("pattern should be valid: {}", checked.errors[0]));
    };
    let event: Value =
        serde_json::from_str(&event_text).map_err(|e| format!("event unreadable: {e}"))?;
    let matched = pattern.matches(&event);
    let explained = pattern.explain(&event);
    if explained.matched != matched {
        return Err(format!(
            "explain says {} but matches says {matched}",
            explained.matched
        ));
    }
    let by_bytes = pattern
        .matches_json(event_text.as_bytes())
        .map_err(|e| e.to_string())?;
    if by_bytes != matched {
        return Err(format!(
            "matches_json says {by_bytes} but matches says {matched}"
        ));
    }
    let want = expect == "match";
    if matched != want {
        return Err(format!(
            "expected {expect}, got {}",
            if matched { "match" } else { "no-match" }
        ));
    }
    Ok(())
}

#[test]
fn conformance_corpus() {
    // A git worktree sits elsewhere than the main checkout: let it point at the corpus.
    let from_env = std::env::var("EVENTPEN_CONFORMANCE").ok();
    let dir = Path::new(from_env.as_deref().unwrap_or(CORPUS));
    if !dir.exists() {
        println!("conformance corpus not found: skipped");
        return;
    }
    let mut failures = Vec::new();
    let mut warning_counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for file in ["aws-verified.jsonl", "event-ruler.jsonl", "docs.jsonl"] {
        let text = match std::fs::read_to_string(dir.join(file)) {
            Ok(text) => text,
            Err(e) => panic!("cannot read {file}: {e}"),
        };
        let (mut agreed, mut excepted, mut disagreed) = (0, 0, 0);
        for (number, raw) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let line: Value =
                serde_json::from_str(raw).unwrap_or_else(|e| panic!("{file}:{}: {e}", number + 1));
            let id = line["id"].as_str().unwrap_or_default().to_string();
            for warning in check(&text_of(&line["pattern"])).warnings {
                *warning_counts.entry(warning.code()).or_default() += 1;
            }
            match run_line(file, &line) {
                Ok(()) => agreed += 1,
                Err(why) => match EXCEPTIONS.iter().find(|(e, _)| *e == id) {
                    Some((_, reason)) if file != "aws-verified.jsonl" => {
                        excepted += 1;
                        println!("  exception {id}: {reason} ({why})");
                    }
                    _ => {
                        disagreed += 1;
                        failures.push(format!("{file} {id}: {why}"));
                    }
                },
            }
        }
        println!("{file}: {agreed} agree, {excepted} listed exceptions, {disagreed} disagree");
    }
    println!("warnings over the corpus's patterns: {warning_counts:?}");
    if !failures.is_empty() {
        panic!("{} disagreements:\n{}", failures.len(), failures.join("\n"));
    }
}
