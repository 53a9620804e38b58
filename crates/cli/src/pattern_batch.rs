//! `test-event-pattern --batch`: many `TestEventPattern` calls in one process.
//!
//! JSON Lines in, JSON Lines out, one answer per input line and in the same order, so a caller
//! can `paste` or `zip` the two streams. A bad line is answered with an error line instead of
//! stopping the batch: one broken case must not hide the answers to all the others.
//!
//! Input line: `{"pattern": P, "event": E}` plus an optional `"require_envelope": false`.
//! P and E are JSON values, or JSON strings holding the exact text to send (so malformed JSON,
//! duplicate keys and number spellings like `3.018e2` can be tested).
//! Output line: `{"Result": true}` or `{"Error": {"Code": "…", "Message": "…"}}`.

use super::aws::ServiceError;
use super::service::{Envelope, test_event_pattern};
use crate::bounded::{Line, MAX_BATCH_LINE_BYTES, read_line_at_most, size_text};
use serde_json::Value;
use std::io::{self, BufRead, Write};

/// Answer every line of `input` on `output`. Only a failure to read or write stops the batch;
/// a line that is not UTF-8 is answered with an error like any other bad line. Each answer is
/// flushed as soon as it is written, so a program can keep one `--batch -` process running
/// and converse with it line by line.
pub fn run_batch(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut raw = Vec::new();
    let mut number = 0;
    loop {
        let line = read_line_at_most(&mut input, &mut raw, MAX_BATCH_LINE_BYTES)?;
        if line == Line::End {
            break;
        }
        number += 1;
        let answer = match std::str::from_utf8(&raw) {
            _ if line == Line::TooLong => Err(ServiceError::validation(format!(
                "Batch line {number} is not valid: longer than {}; it was skipped unread",
                size_text(MAX_BATCH_LINE_BYTES)
            ))),
            Ok(line) => answer_line(line.trim_end_matches(['\n', '\r']), number),
            Err(_) => Err(ServiceError::validation(format!(
                "Batch line {number} is not valid: not UTF-8 text"
            ))),
        };
        writeln!(output, "{}", render_answer(&answer))?;
        output.flush()?;
    }
    Ok(())
}

/// The answer to one input line (`number` is 1-based, for messages).
pub fn answer_line(line: &str, number: usize) -> Result<bool, ServiceError> {
    let request = parse_request(line).map_err(|reason| {
        ServiceError::validation(format!("Batch line {number} is not valid: {reason}"))
    })?;
    test_event_pattern(&request.pattern, &request.event, request.envelope)
}

/// One `TestEventPattern` call read from a batch line.
struct Request {
    pattern: String,
    event: String,
    envelope: Envelope,
}

fn parse_request(line: &str) -> Result<Request, String> {
    let value: Value = serde_json::from_str(line).map_err(|error| error.to_string())?;
    let Value::Object(fields) = value else {
        return Err(String::from("expected a JSON object"));
    };
    let text_of = |key: &str| match fields.get(key) {
        None => Err(format!("missing \"{key}\"")),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Ok(other.to_string()),
    };
    let envelope = match fields.get("require_envelope") {
        None | Some(Value::Bool(true)) => Envelope::Required,
        Some(Value::Bool(false)) => Envelope::Optional,
        Some(_) => return Err(String::from("\"require_envelope\" must be true or false")),
    };
    Ok(Request {
        pattern: text_of("pattern")?,
        event: text_of("event")?,
        envelope,
    })
}

/// One output line, in the same `{"Key": value}` spacing as the AWS CLI's JSON.
pub fn render_answer(answer: &Result<bool, ServiceError>) -> String {
    match answer {
        Ok(matched) => format!("{{\"Result\": {matched}}}"),
        Err(error) => format!(
            "{{\"Error\": {{\"Code\": {}, \"Message\": {}}}}}",
            Value::from(error.code),
            Value::from(error.message.as_str())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each input line and the start of its answer line.
    #[test]
    fn one_answer_per_line_in_order() {
        #[rustfmt::skip]
        let cases = [
            (r#"{"pattern":{"detail":{"n":[5]}},"event":{"detail":{"n":5.0}},"require_envelope":false}"#, r#"{"Result": true}"#),
            (r#"{"pattern":{"detail":{"n":[6]}},"event":"{\"detail\":{\"n\":5}}","require_envelope":false}"#, r#"{"Result": false}"#),
            (r#"{"pattern":"{\"a\": 1}","event":{},"require_envelope":false}"#, r#"{"Error": {"Code": "InvalidEventPatternException", "Message": "Event pattern is not valid. Reason: \"a\" must be"#),
            ("not json\r", r#"{"Error": {"Code": "ValidationException", "Message": "Batch line 4 is not valid: expected"#),
            ("", r#"{"Error": {"Code": "ValidationException", "Message": "Batch line 5 is not valid: EOF"#),
            (r#"{"pattern":{"a":["x"]}}"#, r#"{"Error": {"Code": "ValidationException", "Message": "Batch line 6 is not valid: missing \"event\""}}"#),
            (r#"{"pattern":{"a":["x"]},"event":{"a":"y"}}"#, r#"{"Error": {"Code": "ValidationException", "Message": "Parameter Event is not valid."}}"#),
        ];
        let input: String = cases.iter().map(|(line, _)| format!("{line}\n")).collect();
        let mut output = Vec::new();
        assert!(run_batch(input.as_bytes(), &mut output).is_ok());
        let output = String::from_utf8_lossy(&output);
        assert_eq!(output.lines().count(), cases.len());
        for ((line, expected), answer) in cases.iter().zip(output.lines()) {
            assert!(answer.starts_with(expected), "{line} gave {answer}");
        }
    }

    #[test]
    fn lines_that_are_not_utf8_get_an_answer_too() {
        let mut output = Vec::new();
        assert!(run_batch(&b"\xff\n"[..], &mut output).is_ok());
        let expected = "{\"Error\": {\"Code\": \"ValidationException\", \"Message\": \"Batch line 1 is not valid: not UTF-8 text\"}}\n";
        assert_eq!(String::from_utf8_lossy(&output), expected);
    }

    #[test]
    fn a_line_past_the_cap_is_answered_and_the_next_one_still_read() {
        let long = format!("{{\"pattern\":\"{}\"}}", "x".repeat(MAX_BATCH_LINE_BYTES));
        let next = r#"{"pattern":{"a":["x"]},"event":{"a":"x"},"require_envelope":false}"#;
        let input = format!("{long}\n{next}\n");
        let mut output = Vec::new();
        assert!(run_batch(input.as_bytes(), &mut output).is_ok());
        let expected = "{\"Error\": {\"Code\": \"ValidationException\", \"Message\": \"Batch line 1 is not valid: longer than 1 MiB; it was skipped unread\"}}\n{\"Result\": true}\n";
        assert_eq!(String::from_utf8_lossy(&output), expected);
    }
}
