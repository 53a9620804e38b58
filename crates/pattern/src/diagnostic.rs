//! Diagnostics: errors, warnings and tips about a pattern, each with a kind callers branch
//! on, a place in the pattern text, and (where one exists) a fix an editor can apply.

use std::fmt;
use std::ops::Range;

use crate::kind::Kind;
use crate::path::Path;
use crate::position::LineColumn;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// AWS rejects the pattern.
    Error,
    /// AWS accepts the pattern, but it is probably not what the author meant.
    Warning,
    /// Advice that needs the loaded events ("no event has this field; did you mean …").
    Tip,
}

impl Severity {
    /// `error`, `warning` or `tip`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Tip => "tip",
        }
    }
}

/// One replacement of a span of the pattern text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace.
    pub span: Range<usize>,
    /// What goes there.
    pub text: String,
}

/// A fix for a diagnostic: applied as one undoable edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What the fix does, for a button or menu ("Use prefix \"CreateFunction\"").
    pub title: String,
    /// The replacements, in text order, not overlapping.
    pub edits: Vec<Edit>,
}

impl Suggestion {
    /// A fix made of one replacement.
    pub fn replace(title: impl Into<String>, span: Range<usize>, text: impl Into<String>) -> Self {
        Suggestion {
            title: title.into(),
            edits: vec![Edit {
                span,
                text: text.into(),
            }],
        }
    }

    /// The pattern text with the fix applied; `None` when an edit does not fit the text
    /// (the text changed since the suggestion was made).
    pub fn apply(&self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for edit in &self.edits {
            if edit.span.start < at
                || edit.span.end > text.len()
                || !text.is_char_boundary(edit.span.start)
                || !text.is_char_boundary(edit.span.end)
            {
                return None;
            }
            out.push_str(&text[at..edit.span.start]);
            out.push_str(&edit.text);
            at = edit.span.end;
        }
        out.push_str(&text[at..]);
        Some(out)
    }
}

/// One finding about a pattern text: what, where, how bad, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error, warning or tip.
    pub severity: Severity,
    /// What was found; branch on this, never on the message.
    pub kind: Kind,
    /// For errors, event-ruler's / AWS's reason text where AWS has one (without the
    /// `Event pattern is not valid. Reason: ` prefix); otherwise our own wording.
    pub message: String,
    /// Byte span in the pattern text.
    pub span: Range<usize>,
    /// Line and column of `span.start`.
    pub position: LineColumn,
    /// JSON path of the place, e.g. `detail.eventName[0].prefix`; the root is empty.
    pub path: Path,
    /// The operator involved, as written (`prefix`, `anything-but`, an unknown name …).
    pub operator: Option<String>,
    /// The offending value, as written (`"t2.micro"`, `1e309`, a field name …).
    pub value: Option<String>,
    /// A fix an editor can apply, where one is known.
    pub suggestion: Option<Suggestion>,
}

impl Diagnostic {
    /// A diagnostic about `text`, with the line:column of `span.start` computed.
    pub fn new(
        text: &str,
        severity: Severity,
        kind: impl Into<Kind>,
        message: impl Into<String>,
        span: Range<usize>,
        path: impl Into<Path>,
    ) -> Diagnostic {
        let kind = kind.into();
        debug_assert!(
            kind != Kind::Other,
            "a diagnostic kind without a code in kind.rs"
        );
        Diagnostic {
            severity,
            kind,
            message: message.into(),
            position: LineColumn::of(text, span.start),
            span,
            path: path.into(),
            operator: None,
            value: None,
            suggestion: None,
        }
    }

    /// The kind's stable kebab-case code (`json-syntax`, `never-matches`, …).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// With the operator involved.
    pub fn with_operator(mut self, operator: impl Into<String>) -> Self {
        self.operator = Some(operator.into());
        self
    }

    /// With the offending value.
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// With a fix.
    pub fn with_suggestion(mut self, suggestion: Suggestion) -> Self {
        self.suggestion = Some(suggestion);
        self
    }

    /// The full message AWS returns for an invalid pattern:
    /// `Event pattern is not valid. Reason: <message>`.
    pub fn aws_message(&self) -> String {
        format!("Event pattern is not valid. Reason: {}", self.message)
    }
}

impl From<&str> for Path {
    fn from(text: &str) -> Path {
        Path::parse(text)
    }
}

impl From<String> for Path {
    fn from(text: String) -> Path {
        Path::parse(&text)
    }
}

impl fmt::Display for Diagnostic {
    /// `2:15 at detail.eventName[0]: <message>` (the `at …` part is left out at the root).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
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
        let with_path = Diagnostic::new(text, Severity::Error, Kind::ScalarLeaf, "m", 9..10, "a");
        let at_root = Diagnostic::new(text, Severity::Error, Kind::JsonSyntax, "m", 0..1, "");
        assert_eq!(with_path.to_string(), "2:8 at a: m");
        assert_eq!(at_root.to_string(), "1:1: m");
        assert_eq!(with_path.code(), "scalar-leaf");
        assert_eq!(
            with_path.aws_message(),
            "Event pattern is not valid. Reason: m"
        );
    }

    #[test]
    fn suggestions_apply_or_refuse() {
        // (text, span, replacement, expected)
        let cases: [(&str, Range<usize>, &str, Option<&str>); 3] = [
            (
                r#"["a"]"#,
                1..4,
                r#"{"prefix": "a"}"#,
                Some(r#"[{"prefix": "a"}]"#),
            ),
            ("ab", 0..0, "x", Some("xab")),
            ("ab", 1..9, "x", None),
        ];
        for (text, span, replacement, want) in cases {
            let fix = Suggestion::replace("t", span, replacement);
            assert_eq!(fix.apply(text).as_deref(), want, "{text}");
        }
    }
}
