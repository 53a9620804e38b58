//! The words `eventpen match` prints: pattern diagnostics, one block per event, a summary.
//!
//! Kept apart from the command so the layout can be read (and changed) in one place; the
//! golden tests in `tests/match_cmd.rs` pin it.

use eventpen_pattern::Pattern;
use serde_json::Value;
use std::fmt::Write as _;

/// Compile the pattern, printing its warnings to stderr; on errors, the message lists them all
/// (`FILE:LINE:COLUMN at PATH: message`), so one run shows everything to fix.
pub fn compile_or_report(file: &str, text: &str) -> Result<Pattern, String> {
    let checked = eventpen_pattern::check(text);
    for warning in &checked.warnings {
        eprintln!("warning: {file}:{warning}");
    }
    match checked.pattern {
        Some(pattern) if checked.errors.is_empty() => Ok(pattern),
        _ => {
            let mut message = String::from("invalid pattern");
            for error in &checked.errors {
                let _ = write!(message, "\n  {file}:{error}");
            }
            Err(message)
        }
    }
}

/// One event's block after its `event N`: ` (name): Matched`, or `: Not matched` followed by
/// every failed clause, indented, in the pattern's words. The writer puts the input name and
/// the number in front (numbers are known only in input order, on the writing thread).
pub fn describe_after_number(pattern: &Pattern, event: &Value, matched: bool) -> String {
    let mut block = String::new();
    if let Some(name) = event_name(event) {
        let _ = write!(block, " ({name})");
    }
    if matched {
        block.push_str(": Matched\n");
        return block;
    }
    block.push_str(": Not matched\n");
    for reason in eventpen_playground::reasons::failed_reasons(pattern, event) {
        let _ = writeln!(block, "  - {reason}");
    }
    block
}

/// The closing line: `2 of 5 events matched`.
pub fn summary(matched: usize, total: usize) -> String {
    let noun = if total == 1 { "event" } else { "events" };
    format!("{matched} of {total} {noun} matched")
}

/// What people call an event: CloudTrail's `detail.eventName`, else its `detail-type`.
fn event_name(event: &Value) -> Option<&str> {
    event
        .pointer("/detail/eventName")
        .and_then(Value::as_str)
        .or_else(|| event.get("detail-type").and_then(Value::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_and_summaries() {
        #[rustfmt::skip]
        let names = [
            (json!({"detail-type": "T", "detail": {"eventName": "RunInstances"}}), Some("RunInstances")),
            (json!({"detail-type": "T", "detail": {"eventName": 5}}), Some("T")),
            (json!({"detail-type": ["T"]}), None),
            (json!([1]), None),
        ];
        for (event, expected) in &names {
            assert_eq!(event_name(event), *expected, "{event}");
        }
        assert_eq!(summary(0, 1), "0 of 1 event matched");
        assert_eq!(summary(2, 5), "2 of 5 events matched");
    }
}
