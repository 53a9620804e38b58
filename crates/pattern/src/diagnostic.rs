//! Diagnostics: errors and warnings about a pattern, each with a place in the pattern text.

use std::fmt;
use std::ops::Range;

use crate::position::LineColumn;

/// Whether a diagnostic makes the pattern invalid (as AWS would) or is only advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// AWS rejects the pattern.
    Error,
    /// AWS accepts the pattern, but it is probably not what the author meant.
    Warning,
}

/// One finding about a pattern text: what, where, and how bad.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `json-syntax`, `unknown-operator`, `never-matches`.
    pub code: &'static str,
    /// For errors, event-ruler's / AWS's reason text where AWS has one (without the
    /// `Event pattern is not valid. Reason: ` prefix); otherwise our own wording.
    pub message: String,
    /// Byte span in the pattern text.
    pub span: Range<usize>,
    /// Line and column of `span.start`.
    pub position: LineColumn,
    /// JSON path of the place, e.g. `detail.eventName[0].prefix`; `""` for the root.
    pub path: String,
}

impl Diagnostic {
    /// Builds a diagnostic, computing the line:column of `span.start` in `text`.
    pub(crate) fn new(
        text: &str,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        span: Range<usize>,
        path: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            position: LineColumn::of(text, span.start),
            span,
            path: path.into(),
        }
    }

    /// The full message AWS returns for an invalid pattern:
    /// `Event pattern is not valid. Reason: <message>`.
    pub fn aws_message(&self) -> String {
        format!("Event pattern is not valid. Reason: {}", self.message)
    }
}

impl fmt::Display for Diagnostic {
    /// `2:15 at detail.eventName[0]: <message>` (the `at …` part is left out at the root).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.position, self.message)
        } else {
            write!(f, "{} at {}: {}", self.position, self.path, self.message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_position_path_and_message() {
        let text = "{\n  \"a\": 1}";
        let with_path = Diagnostic::new(text, Severity::Error, "scalar-leaf", "m", 9..10, "a");
        let at_root = Diagnostic::new(text, Severity::Error, "json-syntax", "m", 0..1, "");
        assert_eq!(with_path.to_string(), "2:8 at a: m");
        assert_eq!(at_root.to_string(), "1:1: m");
        assert_eq!(
            with_path.aws_message(),
            "Event pattern is not valid. Reason: m"
        );
    }
}
