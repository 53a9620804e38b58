//! Reading events for `eventpen match`: each input holds one JSON value, an array of events,
//! or JSON Lines (any whitespace-separated stream of JSON values, in fact).
//!
//! Events are taken as given: turning CloudTrail records into EventBridge events is the
//! `events` subcommand's job, and mixing the two would hide which one a user is testing.

use crate::bounded::read_path;
use serde_json::Value;
use std::fmt;

/// An event and where it came from, for people to find it again.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedEvent {
    /// The event as read.
    pub event: Value,
    /// The input it came from (`-` for stdin).
    pub input: String,
}

/// An input that could not be read or is not JSON.
#[derive(Debug)]
pub struct LoadError {
    /// The input's name as given on the command line.
    pub input: String,
    /// Line:column of a JSON error, when the error is about the text.
    pub position: Option<(usize, usize)>,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.input, self.message),
            None => write!(f, "{}: {}", self.input, self.message),
        }
    }
}

/// The text of `input`: a file, or stdin for `-`; at most `limit` bytes are read.
pub fn read_input(input: &str, limit: usize) -> Result<String, LoadError> {
    let fail = |message: String| LoadError {
        input: input.to_owned(),
        position: None,
        message,
    };
    let bytes = read_path(std::path::Path::new(input), limit).map_err(|e| fail(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| fail(String::from("not UTF-8 text")))
}

/// The events in `text`: every top-level JSON value is an event, except an array, whose
/// elements are events. So one event, an array of events and JSON Lines all work.
pub fn parse_events(input: &str, text: &str) -> Result<Vec<SourcedEvent>, LoadError> {
    let mut events = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        let value = value.map_err(|error| LoadError {
            input: input.to_owned(),
            position: Some((error.line(), error.column())),
            message: without_position(&error),
        })?;
        let sourced = |event| SourcedEvent {
            event,
            input: input.to_owned(),
        };
        match value {
            Value::Array(elements) => events.extend(elements.into_iter().map(sourced)),
            single => events.push(sourced(single)),
        }
    }
    Ok(events)
}

/// serde_json's message without its ` at line L column C` tail (we print the position first).
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let tail = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&tail).unwrap_or(&text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> Result<usize, String> {
        parse_events("t", text)
            .map(|events| events.len())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn shapes_of_input() {
        #[rustfmt::skip]
        let cases = [
            ("{\"a\": 1}", Ok(1)),
            ("{\n  \"a\": 1\n}\n", Ok(1)),
            ("[{\"a\": 1}, {\"a\": 2}]", Ok(2)),
            ("{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n", Ok(3)),
            ("[]", Ok(0)),
            ("", Ok(0)),
            ("{\"a\": 1}\n{\"a\": \n", Err("t:3:0: EOF while parsing a value".to_owned())),
            ("{\"a\" 1}", Err("t:1:6: expected `:`".to_owned())),
        ];
        for (text, expected) in cases {
            assert_eq!(count(text), expected, "{text:?}");
        }
    }
}
