//! Turning the state into what the view shows: ingested events as rows, the checked pattern as
//! editor diagnostics, and teaching hints. Called from `use_memo` only, so each runs once per
//! change of its inputs, never per render.
use crate::components::editor::EditorDiagnostic;
use crate::components::events_panel::ProblemView;
use crate::derived::{ByPtr, EventRow, Matching, Summary};
use crate::lint::{self, EventPaths};
use crate::state::{EventFile, PASTED};
use eventpen_ingest::{Input, Severity as IngestSeverity};
use eventpen_pattern::{Checked, Severity};
use serde_json::Value;
use std::collections::HashMap;
use std::rc::Rc;

/// The loaded events, ready for the view.
#[derive(Debug)]
pub struct DerivedEvents {
    /// One row per event, in input order.
    pub rows: ByPtr<Vec<EventRow>>,
    /// What went wrong reading the inputs.
    pub problems: Rc<Vec<ProblemView>>,
    /// Every field path and the values seen there (for hints and facets).
    pub paths: Rc<EventPaths>,
    /// The account most events come from.
    pub account: Option<String>,
    /// The region most events come from.
    pub region: Option<String>,
}

/// Ingest the paste box and the files.
pub fn derive_events(text: &Rc<str>, files: &[EventFile]) -> DerivedEvents {
    let mut inputs = Vec::with_capacity(files.len() + 1);
    if !text.trim().is_empty() {
        inputs.push(Input {
            name: PASTED,
            bytes: text.as_bytes(),
        });
    }
    for file in files {
        inputs.push(Input {
            name: &file.name,
            bytes: file.text.as_bytes(),
        });
    }
    let ingested = eventpen_ingest::ingest(&inputs);
    let problems = ingested
        .problems
        .iter()
        .map(|p| ProblemView {
            is_error: p.severity == IngestSeverity::Error,
            text: p.to_string(),
        })
        .collect();
    let rows: Vec<EventRow> = ingested
        .events
        .into_iter()
        .map(|e| {
            let position = e
                .origin
                .position
                .map(|p| format!(", line {}", p.line))
                .unwrap_or_default();
            EventRow {
                summary: Summary::of(&e.event),
                notes: e.notes.iter().map(|n| n.message.clone()).collect(),
                note_codes: e.notes.iter().map(|n| n.code).collect(),
                origin: format!(
                    "{} ({}, event {}{position})",
                    e.origin.input,
                    e.shape.label(),
                    e.origin.index + 1
                ),
                original: Rc::from(e.original),
                event: Rc::new(e.event),
            }
        })
        .collect();
    let paths = EventPaths::collect(rows.iter().map(|r| &*r.event));
    let most_common = |pointer: &str| {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for row in &rows {
            if let Some(v) = row.event.pointer(pointer).and_then(Value::as_str) {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(v, n)| (*n, std::cmp::Reverse(*v)))
            .map(|(v, _)| v.to_string())
    };
    let account = most_common("/account");
    let region = most_common("/region");
    DerivedEvents {
        rows: ByPtr(Rc::new(rows)),
        problems: Rc::new(problems),
        paths: Rc::new(paths),
        account,
        region,
    }
}

/// The pattern, checked, with what the editor and exporter need.
pub struct CheckedPattern {
    /// The engine's verdict.
    pub checked: Checked,
    /// Errors then warnings, for the editor.
    pub diagnostics: Rc<Vec<EditorDiagnostic>>,
    /// The pattern as JSON, when it is valid.
    pub value: Option<Rc<Value>>,
    /// The editor is empty: a start, not an error.
    pub blank: bool,
}

/// Check the pattern text with the engine.
pub fn check_pattern(text: &str) -> CheckedPattern {
    let checked = eventpen_pattern::check(text);
    if text.trim().is_empty() {
        // An empty editor is a start, not an error: the results pane says what to do.
        return CheckedPattern {
            checked,
            diagnostics: Rc::new(Vec::new()),
            value: None,
            blank: true,
        };
    }
    let diagnostics = checked
        .errors
        .iter()
        .chain(&checked.warnings)
        .map(|d| EditorDiagnostic {
            code: d.code(),
            is_error: d.severity == Severity::Error,
            span: d.span.clone(),
            line: d.position.line,
            column: d.position.column,
            path: d.path.to_string(),
            message: d.message.clone(),
        })
        .collect();
    let value = checked
        .pattern
        .as_ref()
        .and_then(|_| serde_json::from_str::<Value>(text).ok())
        .map(Rc::new);
    CheckedPattern {
        checked,
        diagnostics: Rc::new(diagnostics),
        value,
        blank: false,
    }
}

/// Hints that need both the pattern and the events.
pub fn hints(
    checked: &CheckedPattern,
    events: &DerivedEvents,
    matching: Option<&ByPtr<Matching>>,
) -> Vec<String> {
    let Some(value) = &checked.value else {
        return Vec::new();
    };
    let mut hints: Vec<String> = lint::teach(value, &events.paths, events.rows.len())
        .into_iter()
        .map(|h| h.message)
        .collect();
    if let Some(matching) = matching.filter(|m| !m.stale) {
        let read_only = events
            .rows
            .iter()
            .zip(&matching.matched)
            .filter(|(row, matched)| **matched && row.note_codes.contains(&"read-only"))
            .count();
        if read_only > 0 {
            hints.push(format!(
                "{read_only} matched event{} read-only (readOnly: true). EventBridge delivers read-only CloudTrail events only to rules in state {}: the export proposes it.",
                if read_only == 1 { " is" } else { "s are" },
                crate::app::READ_ONLY_STATE
            ));
        }
    }
    hints
}

/// Whether redacting changed any match result (a pattern value replaced in some places only).
pub fn redaction_changes_results(
    full: &crate::share::Snapshot,
    redacted: &crate::redact::Redaction,
) -> bool {
    let results = |inputs: &[crate::share::SharedInput], pattern: &str| -> Option<Vec<bool>> {
        let pattern = eventpen_pattern::check(pattern).pattern?;
        let inputs: Vec<Input> = inputs
            .iter()
            .map(|i| Input {
                name: &i.name,
                bytes: i.text.as_bytes(),
            })
            .collect();
        let ingested = eventpen_ingest::ingest(&inputs);
        Some(
            ingested
                .events
                .iter()
                .map(|e| pattern.matches(&e.event))
                .collect(),
        )
    };
    results(&full.events, &full.pattern) != results(&redacted.events, &redacted.pattern)
}

/// The challenge's live score on the visible events and, once submitted, on the hidden ones.
pub fn challenge_scores(
    pattern: &str,
    challenge: Option<&crate::state::ActiveChallenge>,
    rows: &[EventRow],
) -> Option<(crate::challenge::Score, Option<crate::challenge::Score>)> {
    let challenge = challenge?;
    let visible: Vec<Value> = rows.iter().map(|r| (*r.event).clone()).collect();
    let score = crate::challenge::score(pattern, &visible, &challenge.expectations);
    let hidden = (challenge.submitted && !challenge.hidden.is_empty()).then(|| {
        let inputs: Vec<Input> = challenge
            .hidden
            .iter()
            .map(|i| Input {
                name: &i.name,
                bytes: i.text.as_bytes(),
            })
            .collect();
        let events: Vec<Value> = eventpen_ingest::ingest(&inputs)
            .events
            .into_iter()
            .map(|e| e.event)
            .collect();
        let marks = crate::gallery::hidden_marks(challenge.example.as_deref());
        crate::challenge::score(pattern, &events, &marks)
    });
    Some((score, hidden))
}

/// The engine's diagnostics, less the warnings the loaded events prove wrong: "`\"-1\"` is a
/// string, never the number -1" is noise when the events do carry the string "-1" there.
pub fn event_aware(
    diagnostics: &Rc<Vec<EditorDiagnostic>>,
    paths: &EventPaths,
) -> Rc<Vec<EditorDiagnostic>> {
    let disproved = |d: &EditorDiagnostic| {
        d.code == "number-as-string"
            && paths
                .values(&field_segments(&d.path))
                .is_some_and(|values| {
                    values
                        .iter()
                        .any(|v| d.message.starts_with(&format!("\"{v}\"")))
                })
    };
    if !diagnostics.iter().any(disproved) {
        return diagnostics.clone();
    }
    Rc::new(
        diagnostics
            .iter()
            .filter(|d| !disproved(d))
            .cloned()
            .collect(),
    )
}

/// The event field a diagnostic's JSON path names: `detail.a.b[0]` → `["detail","a","b"]`
/// (`$or` branches and operator parts dropped).
fn field_segments(path: &str) -> Vec<String> {
    path.split('.')
        .map(|part| part.split('[').next().unwrap_or(part).to_string())
        .filter(|part| !part.is_empty() && part != "$or")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn loaded_events_disprove_number_as_string_warnings() {
        let warning = |path: &str, text: &str| EditorDiagnostic {
            code: "number-as-string",
            is_error: false,
            span: 0..1,
            line: 1,
            column: 1,
            path: path.to_string(),
            message: format!("\"{text}\" is a string: it never matches the number {text}"),
        };
        let events = [json!({"detail": {"ipProtocol": "-1", "port": 22}})];
        let paths = EventPaths::collect(&events);
        // (diagnostic path, value, kept)
        let cases = [
            ("detail.ipProtocol[0]", "-1", false),
            ("$or[1].detail.ipProtocol[0]", "-1", false),
            ("detail.port[0]", "22", true),
            ("detail.missing[0]", "5", true),
        ];
        for (path, text, kept) in cases {
            let diagnostics = Rc::new(vec![warning(path, text)]);
            assert_eq!(event_aware(&diagnostics, &paths).len() == 1, kept, "{path}");
        }
    }
}
