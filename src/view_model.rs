//! Turning the state into what the view shows: ingested events as rows, the checked pattern as
//! editor diagnostics, and teaching hints. Called from `use_memo` only, so each runs once per
//! change of its inputs, never per render.
use crate::components::editor::EditorDiagnostic;
use crate::components::hints::Tip;
use eventpen_ingest::Input;
use eventpen_pattern::{Checked, Diagnostic, Severity};
use eventpen_playground::NamedText;
use serde_json::Value;
use std::rc::Rc;

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

/// The worker's advice as the editor lists it (errors, then warnings the events do not
/// disprove) and as the hints show its tips.
pub fn advice_views(
    answer: &crate::worker::protocol::Answer,
) -> (Rc<Vec<EditorDiagnostic>>, Rc<Vec<Tip>>) {
    let listed = answer
        .evaluation
        .listed
        .iter()
        .map(|a| EditorDiagnostic {
            code: eventpen_pattern::Kind::from_code(&a.code).map_or("other", |k| k.code()),
            is_error: a.is_error,
            span: a.span.0..a.span.1,
            line: a.line,
            column: a.column,
            path: a.path.clone(),
            message: a.message.clone(),
            fix: a.fix.clone(),
        })
        .collect();
    let tips = answer
        .evaluation
        .tips
        .iter()
        .map(|a| Tip {
            message: a.message.clone(),
            span: Some(a.span.0..a.span.1),
            fix: a.fix.clone(),
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

/// The challenge's score on the hidden events, once submitted (they are few: scored here).
pub fn hidden_score(
    pattern: &str,
    challenge: Option<&crate::state::ActiveChallenge>,
) -> Option<crate::challenge::Score> {
    let challenge = challenge?;
    if !challenge.submitted || challenge.hidden.is_empty() {
        return None;
    }
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
    Some(crate::challenge::score(pattern, &events, &marks))
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
