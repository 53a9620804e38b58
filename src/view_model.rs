//! Turning the state into what the view shows: ingested events as rows, the checked pattern as
//! editor diagnostics, and teaching hints. Called from `use_memo` only, so each runs once per
//! change of its inputs, never per render.
use crate::components::editor::EditorDiagnostic;
use crate::components::events_panel::ProblemView;
use crate::components::hints::Tip;
use crate::derived::{ByPtr, EventRow, Matching, Summary};
use crate::state::{EventFile, PASTED};
use eventpen_ingest::{Input, Severity as IngestSeverity};
use eventpen_pattern::{Checked, Diagnostic, Severity};
use eventpen_playground::{Facets, LoadedEvent, NamedText};
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
    /// Every field path and the values seen there, with counts (facets, tips): one walk.
    pub index: Rc<Facets>,
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
            pasted_offset: p.offset.filter(|_| p.input == PASTED),
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
    let index = Facets::collect(rows.iter().map(|r| &*r.event));
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
        index: Rc::new(index),
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
    /// The pattern as written, typed, when it is valid (exports read it).
    pub model: Option<Rc<eventpen_pattern::PatternModel>>,
    /// The editor is empty: a start, not an error.
    pub blank: bool,
    /// The text checked (spans index into it).
    pub text: Rc<str>,
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
            model: None,
            blank: true,
            text: Rc::from(text),
        };
    }
    let diagnostics = checked
        .diagnostics()
        .map(|d| editor_diagnostic(text, d))
        .collect();
    let value = checked.model.as_ref().map(|m| Rc::new(m.to_json()));
    let model = checked.model.clone().map(Rc::new);
    CheckedPattern {
        checked,
        diagnostics: Rc::new(diagnostics),
        value,
        model,
        blank: false,
        text: Rc::from(text),
    }
}

impl LoadedEvent for EventRow {
    fn event(&self) -> &Value {
        &self.event
    }

    fn is_read_only(&self) -> bool {
        self.note_codes.contains(&"read-only")
    }
}

/// A diagnostic as the editor lists it, with its fix applied to `text` (when it has one).
fn editor_diagnostic(text: &str, d: &Diagnostic) -> EditorDiagnostic {
    EditorDiagnostic {
        code: d.code(),
        is_error: d.severity == Severity::Error,
        span: d.span.clone(),
        line: d.position.line,
        column: d.position.column,
        path: d.path.to_string(),
        message: d.message.clone(),
        fix: fix_of(text, d),
    }
}

/// A diagnostic's suggestion as (title, the whole fixed text).
fn fix_of(text: &str, d: &Diagnostic) -> Option<(String, String)> {
    let suggestion = d.suggestion.as_ref()?;
    Some((suggestion.title.clone(), suggestion.apply(text)?))
}

/// The editor's list (errors, then warnings the events do not disprove) and the tips that need
/// the events, from the evaluation core.
pub fn with_events(
    text: &str,
    checked: &CheckedPattern,
    events: &DerivedEvents,
    matching: Option<&ByPtr<Matching>>,
) -> (Rc<Vec<EditorDiagnostic>>, Rc<Vec<Tip>>) {
    if checked.blank {
        return (checked.diagnostics.clone(), Rc::new(Vec::new()));
    }
    let facts = matching
        .filter(|m| !m.stale)
        .map(|m| eventpen_playground::matched_facts(&events.rows, &m.matched));
    let index = (!events.rows.is_empty()).then_some(&*events.index);
    let all = eventpen_playground::diagnostics(text, &checked.checked, index, facts.as_ref());
    let (tips, listed): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        all.iter().partition(|d| d.severity == Severity::Tip);
    let listed = listed
        .into_iter()
        .map(|d| editor_diagnostic(text, d))
        .collect();
    let tips = tips
        .into_iter()
        .map(|d| Tip {
            message: d.message.clone(),
            span: Some(d.span.clone()),
            fix: fix_of(text, d),
        })
        .collect();
    (Rc::new(listed), Rc::new(tips))
}

/// Whether redacting changed any match result (a pattern value replaced in some places only).
pub fn redaction_changes_results(
    full: &crate::share::Snapshot,
    redacted: &crate::redact::Redaction,
) -> bool {
    let results = |inputs: &[NamedText], pattern: &str| -> Option<Vec<bool>> {
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
    results(&named(&full.events), &full.pattern) != results(&redacted.events, &redacted.pattern)
}

/// The share link's inputs as the evaluation core names texts.
pub fn named(inputs: &[crate::share::SharedInput]) -> Vec<NamedText> {
    inputs
        .iter()
        .map(|i| NamedText {
            name: i.name.clone(),
            text: i.text.clone(),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::check_pattern;

    #[test]
    fn the_export_gets_the_model_whenever_the_pattern_is_valid() {
        // (text, has a model for the export, listed codes)
        let cases: [(&str, bool, &[&str]); 3] = [
            (
                r#"{"source": ["aws.ec2"]} trailing words"#,
                true,
                &["trailing-text"],
            ),
            (r#"{"source": ["aws.ec2"]}"#, true, &[]),
            (r#"{"source": "aws.ec2"}"#, false, &["scalar-leaf"]),
        ];
        for (text, exported, codes) in cases {
            let checked = check_pattern(text);
            assert_eq!(checked.model.is_some(), exported, "{text}");
            let listed: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
            assert_eq!(listed, codes, "{text}");
        }
    }
}
