//! EventPen's evaluation core: events and pattern text in; verdicts, explanations, the field
//! index, diagnostics with tips, challenge scores and redaction out.
//!
//! The app (in its worker or UI thread), the CLI and the tests call these functions, so they
//! can never disagree on what matched, why not, or what to advise. Pure: no I/O, no web
//! dependencies; builds for the host and for `wasm32-unknown-unknown`.
//!
//! ```
//! use eventpen_playground::{Kind, Playground};
//! use serde_json::json;
//!
//! let events = vec![
//!     json!({"source": "aws.lambda", "detail": {"eventName": "CreateFunction20150331"}}),
//!     json!({"source": "aws.lambda", "detail": {"eventName": "DeleteFunction20150331"}}),
//! ];
//! let playground = Playground::new(events);
//! let pattern = r#"{"detail": {"eventName": ["CreateFunction"]}}"#;
//! let evaluation = playground.evaluate(pattern);
//! assert_eq!(evaluation.verdicts, Some(vec![false, false]));
//!
//! // The tip says to use prefix, and carries the fix.
//! let tip = evaluation.diagnostics.iter().find(|d| d.kind == Kind::UsePrefix).unwrap();
//! let fixed = tip.suggestion.as_ref().unwrap().apply(pattern).unwrap();
//! assert_eq!(playground.evaluate(&fixed).verdicts, Some(vec![true, false]));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod backtest;
pub mod breakdown;
pub mod builder;
pub mod catalog;
pub mod challenge;
pub mod columns;
pub mod index;
pub mod reasons;
pub mod redact;
pub mod session;
pub mod store;
pub mod timeline;
pub mod tips;

pub use catalog::Catalog;
pub use eventpen_pattern::{Checked, Diagnostic, Kind, Severity, Suggestion, check};
pub use index::Facets;
pub use tips::MatchedFacts;

use eventpen_pattern::Pattern;
use serde_json::Value;

/// A named text: one event input (a paste box, a file) with the name shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedText {
    /// The name shown for it ("" = the app's default name).
    pub name: String,
    /// The text: one event, several, JSON Lines, a CloudTrail file…
    pub text: String,
}

/// What the core needs to know of a loaded event.
pub trait LoadedEvent {
    /// The EventBridge event.
    fn event(&self) -> &Value;
    /// Whether it is a read-only CloudTrail event (delivered only to rules in state
    /// `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`).
    fn is_read_only(&self) -> bool {
        self.event().pointer("/detail/readOnly") == Some(&Value::Bool(true))
    }
}

impl LoadedEvent for Value {
    fn event(&self) -> &Value {
        self
    }
}

/// Which events `pattern` matches, in order.
pub fn verdicts<E: LoadedEvent>(pattern: &Pattern, events: &[E]) -> Vec<bool> {
    events.iter().map(|e| pattern.matches(e.event())).collect()
}

/// What the matched events say about the rule.
pub fn matched_facts<E: LoadedEvent>(events: &[E], verdicts: &[bool]) -> MatchedFacts {
    let matched = || {
        events
            .iter()
            .zip(verdicts)
            .filter(|(_, m)| **m)
            .map(|(e, _)| e)
    };
    MatchedFacts {
        read_only: matched().filter(|e| e.is_read_only()).count(),
        failed_calls: matched()
            .filter(|e| e.event().pointer("/detail/errorCode").is_some())
            .count(),
    }
}

/// What the matched events among `store`'s say about the rule ([`matched_facts`] from the
/// columns). A call counts as failed when its `detail.errorCode` is a value (CloudTrail's is
/// always a string; an object or array there is not counted).
pub fn matched_facts_in(store: &store::EventStore, matched: &columns::Bitset) -> MatchedFacts {
    use eventpen_pattern::columns::Scalar;
    let counted = |i: usize| matched.get(i);
    MatchedFacts {
        read_only: store.count_plain(&["detail", "readOnly"], counted, |value| {
            value == Scalar::Bool(true)
        }),
        failed_calls: store.count_plain(&["detail", "errorCode"], counted, |_| true),
    }
}

/// Everything to tell about a pattern: its errors, its warnings less those the loaded events
/// disprove, and the tips that need the events (when an index is given), in text order within
/// each severity.
pub fn diagnostics(
    text: &str,
    checked: &Checked,
    index: Option<&Facets>,
    facts: Option<&MatchedFacts>,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = checked.errors.clone();
    out.extend(
        checked
            .warnings
            .iter()
            .filter(|w| !index.is_some_and(|index| disproved(w, index)))
            .cloned(),
    );
    if let (Some(model), Some(index)) = (&checked.model, index) {
        out.extend(tips::field_tips(text, model, index));
        if let Some(facts) = facts {
            out.extend(tips::matched_tips(text, model, facts));
        }
    }
    out
}

/// A warning the events prove wrong: "`\"-1\"` is a string, never the number -1" is noise when
/// the events do carry the string "-1" there.
fn disproved(warning: &Diagnostic, index: &Facets) -> bool {
    warning.kind == Kind::NumberAsString
        && warning.value.as_deref().is_some_and(|value| {
            let path: Vec<String> = warning
                .path
                .keys()
                .filter(|k| *k != "$or")
                .map(str::to_string)
                .collect();
            index.strings_at(&path).contains(&value)
        })
}

/// One evaluation of a pattern over the loaded events.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The pattern, checked (compiled pattern and model when valid).
    pub checked: Checked,
    /// One verdict per event; `None` while the pattern is not valid.
    pub verdicts: Option<Vec<bool>>,
    /// Errors, warnings and tips.
    pub diagnostics: Vec<Diagnostic>,
}

impl Evaluation {
    /// How many events matched.
    pub fn matched(&self) -> usize {
        self.verdicts
            .as_ref()
            .map_or(0, |v| v.iter().filter(|m| **m).count())
    }
}

/// Loaded events with their field index: the core as the CLI and tests use it.
#[derive(Debug, Clone)]
pub struct Playground {
    events: Vec<Value>,
    index: Facets,
}

impl Playground {
    /// Indexes the events once.
    pub fn new(events: Vec<Value>) -> Playground {
        let index = Facets::collect(&events);
        Playground { events, index }
    }

    /// The events, in order.
    pub fn events(&self) -> &[Value] {
        &self.events
    }

    /// The field index of the events.
    pub fn index(&self) -> &Facets {
        &self.index
    }

    /// Checks `text`, matches every event, and gathers every diagnostic.
    pub fn evaluate(&self, text: &str) -> Evaluation {
        let checked = check(text);
        let verdicts = checked
            .pattern
            .as_ref()
            .map(|pattern| verdicts(pattern, &self.events));
        let facts = verdicts.as_ref().map(|v| matched_facts(&self.events, v));
        let index = (!self.events.is_empty()).then_some(&self.index);
        let diagnostics = diagnostics(text, &checked, index, facts.as_ref());
        Evaluation {
            checked,
            verdicts,
            diagnostics,
        }
    }

    /// Why event `i` does not match (empty when it does, or when the pattern is invalid).
    pub fn reasons(&self, evaluation: &Evaluation, i: usize) -> Vec<String> {
        match (&evaluation.checked.pattern, self.events.get(i)) {
            (Some(pattern), Some(event)) => reasons::failed_reasons(pattern, event),
            _ => Vec::new(),
        }
    }
}
