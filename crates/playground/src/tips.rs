//! Tips: what the pattern *and* the loaded events say together.
//!
//! The pattern crate validates and lints a pattern on its own; only with the events can we say
//! "no loaded event has `eventName` — did you mean `detail.eventName`?" or "`CreateFunction` is
//! never seen, but `CreateFunction20150331` is: use `prefix`". Each tip is a [`Diagnostic`]
//! with severity [`Severity::Tip`], a [`Kind`], and where possible a [`Suggestion`] the editor
//! applies in one step. Tips read the pattern through its model, never its JSON.

use eventpen_pattern::model::{Leaf, Literal, Member, Operator, PatternModel};
use eventpen_pattern::{Diagnostic, Kind, Path, Severity, Suggestion};
use serde_json::Value;

use crate::index::Facets;

/// A JSON string literal.
fn quoted(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// The tips for a valid pattern (`text`, read as `model`) against the loaded events' index.
pub fn field_tips(text: &str, model: &PatternModel, index: &Facets) -> Vec<Diagnostic> {
    let mut tips = Vec::new();
    if index.event_count() == 0 {
        return tips;
    }
    for leaf in model.leaves() {
        let path = leaf.path.key_vec();
        let name = leaf.path.to_string();
        let tip = |kind: Kind, span: std::ops::Range<usize>, message: String| {
            Diagnostic::new(
                text,
                Severity::Tip,
                kind,
                message,
                span,
                leaf.json_path.clone(),
            )
        };
        if path.first().is_some_and(|f| f == "resources") && path.len() > 1 {
            tips.push(tip(
                Kind::EnvelopeResources,
                leaf.key_span.clone(),
                format!(
                    "`{name}` reads the envelope's `resources`, a list of ARN strings (empty for CloudTrail events). CloudTrail's resource objects are under `detail.resources`: try `detail.{name}`."
                ),
            ));
            continue;
        }
        if !index.has(&path) {
            // Only `exists: false` is satisfied by a missing field; `anything-but` is not.
            if leaf.accepts_absence() {
                continue;
            }
            let mut message = format!("No loaded event has `{name}`.");
            let mut diagnostic = tip(Kind::MissingField, leaf.key_span.clone(), String::new());
            if let Some(better) = similar_path(&path, index) {
                let better_text = better.join(".");
                message.push_str(&format!(" Did you mean `{better_text}`?"));
                if let Some(fix) = rename_key(leaf, better) {
                    diagnostic = diagnostic.with_suggestion(fix);
                }
            }
            diagnostic.message = message;
            tips.push(diagnostic.with_value(name));
            continue;
        }
        let seen = index.strings_at(&path);
        for condition in &leaf.conditions {
            let Operator::Exact(Literal::String(wanted)) = &condition.operator else {
                continue;
            };
            if seen.contains(&wanted.as_str()) {
                continue;
            }
            if let Some((kind, message, fix)) = near_value(&name, wanted, &seen) {
                let fix = Suggestion::replace(fix.0, condition.span.clone(), fix.1);
                tips.push(
                    tip(kind, condition.span.clone(), message)
                        .with_value(wanted.clone())
                        .with_suggestion(fix),
                );
            }
        }
    }
    tips
}

/// Renames a leaf's key so it reads `better` (a dotted key: valid in AWS, and it never
/// collides with an object already written at that place).
fn rename_key(leaf: &Leaf, better: &[String]) -> Option<Suggestion> {
    let resolved = leaf.path.key_vec();
    let parent = &resolved[..resolved.len() - 1];
    let written_parent = Path::of_pattern_keys(&leaf.keys[..leaf.keys.len() - 1]).key_vec();
    if parent != written_parent.as_slice() || !better.starts_with(parent) {
        return None;
    }
    let key = better[parent.len()..].join(".");
    if key.is_empty() {
        return None;
    }
    Some(Suggestion::replace(
        format!("Rename `{}` to `{key}`", leaf.key),
        leaf.key_span.clone(),
        quoted(&key),
    ))
}

/// A path the user probably meant: the same last segment somewhere else (e.g. `eventName` at the
/// top level → `detail.eventName`), else the closest path by edit distance.
fn similar_path<'a>(wanted: &[String], index: &'a Facets) -> Option<&'a Vec<String>> {
    let last = wanted.last()?;
    let same_leaf = index
        .all_paths()
        .filter(|p| p.last() == Some(last))
        .min_by_key(|p| (p.len(), p.join(".")));
    if same_leaf.is_some() {
        return same_leaf;
    }
    let wanted_text = wanted.join(".").to_lowercase();
    index
        .all_paths()
        // An ancestor (`detail` for `detail.x`) is no spelling of the field.
        .filter(|p| !wanted.starts_with(p))
        .map(|p| {
            let distance = strsim::levenshtein(&p.join(".").to_lowercase(), &wanted_text);
            (distance, p)
        })
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, p)| (*distance, p.join(".")))
        .map(|(_, p)| p)
}

/// The fix of a near value: (title, replacement text for the condition).
type Fix = (String, String);

/// Advice when no event has the exact value `wanted` at `name` but a near one exists.
fn near_value(name: &str, wanted: &str, seen: &[&str]) -> Option<(Kind, String, Fix)> {
    let mut longer: Vec<&str> = seen
        .iter()
        .copied()
        .filter(|v| v.starts_with(wanted))
        .collect();
    longer.sort_unstable();
    if let Some(first) = longer.first() {
        let prefix = format!("{{\"prefix\": {}}}", quoted(wanted));
        let mut message = format!(
            "No loaded event has `{name}` = \"{wanted}\", but \"{first}\" starts with it. Exact values must match whole: use {prefix}."
        );
        if longer.len() > 1 {
            // The obvious prefix can be too broad (CreateFunction also starts CreateFunctionUrlConfig…).
            let others: Vec<String> = longer[1..]
                .iter()
                .take(3)
                .map(|v| format!("\"{v}\""))
                .collect();
            message.push_str(&format!(
                " Careful: that prefix also matches {}{}; lengthen it if those should not match.",
                others.join(", "),
                if longer.len() > 4 { ", …" } else { "" }
            ));
        }
        let fix = (format!("Use prefix \"{wanted}\""), prefix);
        return Some((Kind::UsePrefix, message, fix));
    }
    if let Some(other_case) = seen.iter().find(|v| v.eq_ignore_ascii_case(wanted)) {
        let operator = format!("{{\"equals-ignore-case\": {}}}", quoted(wanted));
        let message = format!(
            "No loaded event has `{name}` = \"{wanted}\", but one has \"{other_case}\". Matching is case-sensitive: fix the case or use {operator}."
        );
        let fix = (format!("Ignore case for \"{wanted}\""), operator);
        return Some((Kind::UseEqualsIgnoreCase, message, fix));
    }
    let (_, closest) = seen
        .iter()
        .map(|v| (strsim::levenshtein(v, wanted), *v))
        .filter(|(distance, v)| *distance <= 2.max(wanted.len() / 8) && !v.is_empty())
        .min_by_key(|(distance, v)| (*distance, *v))?;
    let message =
        format!("No loaded event has `{name}` = \"{wanted}\". Did you mean \"{closest}\"?");
    let fix = (format!("Use \"{closest}\""), quoted(closest));
    Some((Kind::NearValue, message, fix))
}

/// What the matched events say about the rule: read-only events need another rule state, and
/// failed calls (`errorCode`) match unless the pattern excludes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatchedFacts {
    /// How many matched events are read-only CloudTrail events.
    pub read_only: usize,
    /// How many matched events are failed calls (they have a `detail.errorCode`).
    pub failed_calls: usize,
}

/// The rule state that delivers read-only CloudTrail events.
pub const READ_ONLY_STATE: &str = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

/// Tips from what matched.
pub fn matched_tips(text: &str, model: &PatternModel, facts: &MatchedFacts) -> Vec<Diagnostic> {
    let mut tips = Vec::new();
    let whole = model.root.span.clone();
    if facts.read_only > 0 {
        let n = facts.read_only;
        tips.push(Diagnostic::new(
            text,
            Severity::Tip,
            Kind::ReadOnlyEvents,
            format!(
                "{n} matched event{} read-only (readOnly: true). EventBridge delivers read-only CloudTrail events only to rules in state {READ_ONLY_STATE}: the export proposes it.",
                if n == 1 { " is" } else { "s are" }
            ),
            whole.start..whole.start + 1,
            "",
        ));
    }
    let mentions_error_code = model
        .leaves()
        .iter()
        .any(|leaf| leaf.path.key_vec() == ["detail", "errorCode"]);
    if facts.failed_calls > 0 && !mentions_error_code {
        let n = facts.failed_calls;
        let mut tip = Diagnostic::new(
            text,
            Severity::Tip,
            Kind::FailedCallsMatch,
            format!(
                "{n} matched event{} failed call{} (detail.errorCode is set, e.g. AccessDenied): the rule fires on attempts that did nothing. Add \"errorCode\": [{{\"exists\": false}}] under detail to match only successful calls.",
                if n == 1 { " is a" } else { "s are" },
                if n == 1 { "" } else { "s" }
            ),
            whole.start..whole.start + 1,
            "",
        );
        if let Some(fix) = add_successful_only(model) {
            tip = tip.with_suggestion(fix);
        }
        tips.push(tip);
    }
    tips
}

/// Inserts `"errorCode": [{"exists": false}]` into the `detail` object (or adds one).
fn add_successful_only(model: &PatternModel) -> Option<Suggestion> {
    let title = "Match only successful calls".to_string();
    let detail = model.root.members.iter().find_map(|m| match m {
        Member::Nested(nested) if nested.key == "detail" => Some(nested),
        _ => None,
    });
    let (at, text) = match detail {
        Some(detail) => (
            detail.object.span.start + 1,
            "\"errorCode\": [{\"exists\": false}], ".to_string(),
        ),
        None => (
            model.root.span.start + 1,
            "\"detail\": {\"errorCode\": [{\"exists\": false}]}, ".to_string(),
        ),
    };
    Some(Suggestion::replace(title, at..at, text))
}
