//! Scoring a learner's pattern against marked events: pure, so the app, the CLI and the tests
//! agree on what "solved" means.
//!
//! The learner (or an example) marks each event "must match" or "must not match", or leaves it
//! unmarked. [`score`] compiles the pattern once, runs it over every event and compares. Hidden
//! challenge events are not special here: on submit the caller appends them to the visible
//! events and their marks, and scores the whole list.

use eventpen_pattern::check;
use serde_json::Value;

/// What a correct rule does with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Expectation {
    /// `true`: the rule must match the event; `false`: it must not.
    pub must_match: bool,
}

impl From<Expectation> for Option<bool> {
    fn from(expectation: Expectation) -> Option<bool> {
        Some(expectation.must_match)
    }
}

/// The outcome for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventScore {
    /// The event's position in the list given to [`score`].
    pub index: usize,
    /// The mark: `Some(true)` must match, `Some(false)` must not, `None` unmarked.
    pub expected: Option<bool>,
    /// Whether the pattern matched; `None` when the pattern is not valid.
    pub matched: Option<bool>,
    /// Whether the result agrees with the mark; `None` when unmarked or the pattern is invalid.
    pub correct: Option<bool>,
}

/// The outcome for a pattern over a list of events.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Score {
    /// Whether the pattern compiled (no errors; warnings do not count).
    pub valid_pattern: bool,
    /// One entry per event, in order.
    pub per_event: Vec<EventScore>,
    /// How many marked events the pattern got right.
    pub correct: usize,
    /// How many events are marked.
    pub total: usize,
    /// Valid pattern, at least one marked event, and every marked event right. A list with no
    /// marks proves nothing, so it is never "solved".
    pub solved: bool,
}

/// Scores `pattern_text` against `events`. `expectations[i]` marks `events[i]`; a missing entry
/// (a shorter list) means unmarked, and entries beyond the events are ignored.
pub fn score(pattern_text: &str, events: &[Value], expectations: &[Option<bool>]) -> Score {
    let pattern = check(pattern_text).pattern;
    let per_event: Vec<EventScore> = events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let expected = expectations.get(index).copied().flatten();
            let matched = pattern.as_ref().map(|pattern| pattern.matches(event));
            let correct = match (expected, matched) {
                (Some(expected), Some(matched)) => Some(expected == matched),
                _ => None,
            };
            EventScore {
                index,
                expected,
                matched,
                correct,
            }
        })
        .collect();
    let total = per_event.iter().filter(|e| e.expected.is_some()).count();
    let correct = per_event.iter().filter(|e| e.correct == Some(true)).count();
    let valid_pattern = pattern.is_some();
    Score {
        valid_pattern,
        solved: valid_pattern && total > 0 && correct == total,
        per_event,
        correct,
        total,
    }
}
