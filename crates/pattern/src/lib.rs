//! The Amazon EventBridge event-pattern language, as EventBridge implements it.
//!
//! - [`check`] reads a pattern (keeping byte spans), validates it as AWS does — same
//!   rules, same error texts (event-ruler's, which AWS returns) — compiles it, and lints it.
//! - [`Pattern::matches`] is the fast path: no allocation per clause for ordinary events.
//! - [`Pattern::explain`] says, clause by clause, why an event matched or not.
//! - [`model::PatternModel`] is the pattern as written, typed (keys in order, dotted keys
//!   resolved, every condition an [`model::Operator`], `$or` as a tree, spans): the one
//!   reading of pattern JSON that exports, tips, the builder and SQL share.
//! - Every [`Diagnostic`] has a [`Kind`], a [`Path`], and where known a [`Suggestion`].
//!
//! Where sources disagree, AWS's recorded answers win, then event-ruler (the library
//! EventBridge is built on), then the documentation. Choices worth knowing:
//! - Fields match by flattened name, as event-ruler flattens events: `{"a.b": …}` and
//!   `{"a": {"b": …}}` read the same values (AWS-verified). [`Clause::path`] keeps the keys
//!   as written.
//! - A non-array `$or` is an error, as in event-ruler's JSON compiler, whose messages AWS
//!   returns.
//! - Numbers compare as doubles when a double holds them exactly (`300` = `300.0`);
//!   otherwise a pattern operand is invalid and an event number matches only by its text.
//! - Values used together from an array of objects must come from the same element
//!   (event-ruler's `rulesForJSONEvent`).
//! - "Rule is too complex" for wildcards applies AWS's limit (11) to event-ruler's own
//!   complexity score; `$or` combinations above the documented 1000 only warn (event-ruler
//!   accepts them).
//! - Events are read as event-ruler reads them by [`Pattern::matches_json`] (every repeated
//!   key, text after the event ignored); `cidr`, ignore-case and the smallest doubles
//!   compare as event-ruler compares them (see PATTERNS.md).
//!
//! This crate is pure: no I/O, no web dependencies. It builds for the host and for
//! `wasm32-unknown-unknown`, so the browser app and the CLI share one matcher and can never
//! disagree.
//!
//! ```
//! use eventpen_pattern::{check, Found};
//! use serde_json::json;
//!
//! let checked = check(r#"{"source": ["aws.ec2"], "detail": {"state": [{"prefix": "run"}]}}"#);
//! assert!(checked.errors.is_empty());
//! let pattern = checked.pattern.expect("valid");
//!
//! let event = json!({"source": "aws.ec2", "detail": {"state": "stopped"}});
//! assert!(!pattern.matches(&event));
//!
//! let why = pattern.explain(&event);
//! assert!(!why.matched);
//! assert_eq!(why.clauses[1].found, Found::Values(vec![json!("stopped")]));
//! assert_eq!(why.clauses[1].to_string(), r#"detail.state is "stopped"; pattern wants prefix "run""#);
//!
//! // The pattern as written, typed: what every other crate reads instead of the JSON.
//! use eventpen_pattern::model::Operator;
//! let model = checked.model.as_ref().expect("valid");
//! let state = model.leaves()[1];
//! assert_eq!(state.path.to_string(), "detail.state");
//! assert_eq!(state.conditions[0].operator, Operator::Prefix { value: "run".into(), ignore_case: false });
//!
//! let bad = check(r#"{"source": "aws.ec2"}"#);
//! assert_eq!(bad.errors[0].aws_message(),
//!     r#"Event pattern is not valid. Reason: "source" must be an object or an array"#);
//! assert_eq!(bad.errors[0].to_string(), r#"1:12 at source: "source" must be an object or an array"#);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod choice;
pub mod columns;
mod compile;
mod diagnostic;
mod event;
mod explain;
mod fixes;
mod kind;
mod lints;
mod matching;
pub mod model;
mod number;
mod operators;
pub mod path;
pub mod position;
pub mod pretty;
mod prune;
mod reader;
mod search;
mod test_event;
#[cfg(test)]
mod testing;
mod tree;

use std::sync::Arc;

pub use diagnostic::{Diagnostic, Edit, Severity, Suggestion};
pub use explain::{Clause, Explanation, Found};
pub use kind::Kind;
pub use model::PatternModel;
pub use path::{Path, Segment};
pub use position::LineColumn;
pub use test_event::{INVALID_EVENT_MESSAGE, REQUIRED_ENVELOPE_FIELDS, check_test_event};

use compile::{Compiled, Stop, compile_root};

/// The longest pattern `TestEventPattern` and `PutRule` accept, in characters.
pub const MAX_PATTERN_LENGTH: usize = 4096;

/// The result of [`check`]: the compiled pattern (when valid), errors and warnings.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The compiled pattern; `Some` exactly when `errors` is empty.
    pub pattern: Option<Pattern>,
    /// The pattern as written, typed; `Some` exactly when `pattern` is.
    pub model: Option<PatternModel>,
    /// Why AWS would reject the pattern; the first is the one AWS reports.
    pub errors: Vec<Diagnostic>,
    /// Advice about a pattern AWS accepts.
    pub warnings: Vec<Diagnostic>,
}

/// A compiled, immutable pattern. Cloning is cheap (shared).
#[derive(Debug, Clone)]
pub struct Pattern {
    inner: Arc<Compiled>,
}

impl Pattern {
    /// Whether the event matches — the fast path.
    pub fn matches(&self, event: &serde_json::Value) -> bool {
        matching::matches(&self.inner, event)
    }

    /// Why the event matches or not, clause by clause. `explain(e).matched == matches(e)`.
    pub fn explain(&self, event: &serde_json::Value) -> Explanation {
        explain::explain(&self.inner, event)
    }

    /// Every field path the pattern reads, as key segments, in pattern order, without repeats.
    pub fn fields(&self) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for field in &self.inner.fields {
            if !out.contains(&field.segments) {
                out.push(field.segments.clone());
            }
        }
        out
    }

    /// Parses the event from JSON bytes and matches it. Only the parts of the event the
    /// pattern reads are decoded; the rest is checked for JSON syntax and skipped.
    pub fn matches_json(&self, event_json: &[u8]) -> Result<bool, serde_json::Error> {
        let event = prune::read_pruned(event_json, &self.inner.trie)?;
        Ok(matching::matches(&self.inner, &event))
    }

    /// [`Pattern::matches_json`] for bytes the caller knows are valid JSON because a JSON
    /// serialiser wrote them (the playground's event store keeps each event as serde_json
    /// wrote it), the contract the `quamina` crate has: the parts the pattern does not read
    /// are stepped over by their brackets without checking their syntax, and reading stops
    /// as soon as the verdict is known (a field that fails and that no later key can reach,
    /// or every field of some `$or` path satisfied for good). The verdict is exactly
    /// `matches_json`'s on valid JSON whose keys carry no needless escapes (`"\u0061"` for
    /// `"a"`; no serialiser writes those), repeated keys included. On bytes that are not
    /// valid JSON the verdict is unspecified (it may match where `matches_json` refuses),
    /// so text from users, files or the network must go through `matches_json`.
    pub fn matches_json_prevalidated(&self, event_json: &[u8]) -> Result<bool, serde_json::Error> {
        prune::matches_prevalidated(event_json, &self.inner)
    }
}

/// Reads, validates, compiles and lints a pattern.
pub fn check(text: &str) -> Checked {
    let length = text.chars().count();
    if length > MAX_PATTERN_LENGTH {
        let error = Diagnostic::new(
            text,
            Severity::Error,
            "too-long",
            format!(
                "Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to {MAX_PATTERN_LENGTH} (this pattern has {length} characters)"
            ),
            0..text.len(),
            "",
        );
        return Checked::invalid(vec![error]);
    }
    let document = reader::read(text);
    let syntax_error = |document: &reader::Document| {
        document.error.as_ref().map(|e| {
            let end = text[e.offset.min(text.len())..]
                .chars()
                .next()
                .map_or(e.offset, |c| e.offset + c.len_utf8());
            Diagnostic::new(
                text,
                Severity::Error,
                "json-syntax",
                e.message.clone(),
                e.offset..end,
                reader::open_path(document.root.as_ref()),
            )
        })
    };
    let compiled = match compile_root(document.root.as_ref()) {
        Ok(compiled) if document.error.is_none() => compiled,
        Ok(_) | Err(Stop::Syntax) => {
            return Checked::invalid(syntax_error(&document).into_iter().collect());
        }
        Err(Stop::Problem(problem)) => {
            let error = Diagnostic::new(
                text,
                Severity::Error,
                problem.code,
                problem.message,
                problem.span,
                problem.path,
            );
            let error = fixes::explain_error(text, document.root.as_ref(), error);
            return Checked::invalid(vec![error]);
        }
    };
    let mut warnings = lints::lint(text, &compiled);
    if let Some(offset) = document.trailing {
        warnings.push(Diagnostic::new(
            text,
            Severity::Warning,
            "trailing-text",
            "AWS ignores everything after the pattern's closing brace",
            offset..text.len(),
            "",
        ));
    }
    let model = document
        .root
        .as_ref()
        .map(|root| model::build(root, &compiled));
    Checked {
        pattern: Some(Pattern {
            inner: Arc::new(compiled),
        }),
        model,
        errors: Vec::new(),
        warnings,
    }
}

impl Checked {
    fn invalid(errors: Vec<Diagnostic>) -> Checked {
        Checked {
            pattern: None,
            model: None,
            errors,
            warnings: Vec::new(),
        }
    }

    /// Errors, then warnings, in the order the editor lists them.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.errors.iter().chain(&self.warnings)
    }
}

/// Compiles a pattern, or returns the error AWS would report (boxed: a diagnostic is large,
/// and the error is the rare path).
pub fn compile(text: &str) -> Result<Pattern, Box<Diagnostic>> {
    let checked = check(text);
    match checked.pattern {
        Some(pattern) => Ok(pattern),
        None => Err(Box::new(checked.errors.into_iter().next().unwrap_or_else(
            || {
                Diagnostic::new(
                    text,
                    Severity::Error,
                    "invalid",
                    "Invalid pattern",
                    0..0,
                    "",
                )
            },
        ))),
    }
}
