//! Why an event matched or not: one [`Clause`] per field of the pattern, computed on demand.

use std::fmt;
use std::ops::Range;

use serde_json::Value;

use crate::choice::{self, Goal};
use crate::compile::Compiled;
use crate::event::values_of;
use crate::matching::{evaluate, matches};
use crate::search::Walk;
use crate::tree::Liveness;

/// The outcome of matching one event, clause by clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Whether the pattern matches the event (always equal to [`crate::Pattern::matches`]).
    pub matched: bool,
    /// One clause per field of the pattern in text order (a field inside `$or` branches once
    /// per branch it is written in; a field every path replaces by a later one with the
    /// same name is left out), plus, when only array consistency failed, a clause saying so.
    pub clauses: Vec<Clause>,
}

/// One field of the pattern checked against the event.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The keys of the field, outermost first (`{"a.b": …}` is the one segment `a.b`).
    pub path: Vec<String>,
    /// What the event has at that path.
    pub found: Found,
    /// What the pattern wants, in words: `"RunInstances"`, `prefix "Create"`, `to exist`, …
    pub condition: String,
    /// Whether the field's condition holds on its own.
    pub passed: bool,
    /// Position inside nested `$or`s (branch indexes, outermost first); empty outside `$or`.
    pub or_branch: Vec<usize>,
    /// Span of this field's value list in the pattern text.
    pub pattern_span: Range<usize>,
}

/// The values an event has at a path.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// No value at that path (objects are not values).
    Missing,
    /// All values at the path, arrays flattened.
    Values(Vec<Value>),
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Missing => write!(f, "missing"),
            Found::Values(values) if values.len() == 1 => write!(f, "{}", values[0]),
            Found::Values(values) => {
                let shown: Vec<String> = values.iter().map(Value::to_string).collect();
                write!(f, "[{}]", shown.join(", "))
            }
        }
    }
}

impl fmt::Display for Clause {
    /// `detail.eventName is "TerminateInstances"; pattern wants "RunInstances"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is {}; pattern wants {}",
            self.path.join("."),
            self.found,
            self.condition
        )
    }
}

/// Builds the explanation of one event: each clause once, in time linear in pattern size ×
/// event size (no listing of sub-rules).
pub(crate) fn explain(compiled: &Compiled, event: &Value) -> Explanation {
    let matched = matches(compiled, event);
    let mut clauses = Vec::new();
    for (field, liveness) in compiled.fields.iter().zip(&compiled.tree.liveness) {
        if *liveness == Liveness::Dead {
            continue;
        }
        let values = values_of(event, &field.name);
        let found = if values.is_empty() {
            Found::Missing
        } else {
            Found::Values(values)
        };
        clauses.push(Clause {
            path: field.segments.clone(),
            found,
            condition: field.describe(),
            passed: evaluate(field, event).passed(field),
            or_branch: field.origin.clone(),
            pattern_span: field.span.clone(),
        });
    }
    if !matched && let Some(clause) = consistency_clause(compiled, event) {
        clauses.push(clause);
    }
    Explanation { matched, clauses }
}

/// When a sub-rule has every field passing on its own (or an absence that array elements
/// could satisfy) but the pattern still fails, the values come from different elements of an
/// array: say so, naming the fields and their common path.
fn consistency_clause(compiled: &Compiled, event: &Value) -> Option<Clause> {
    let mut walk = Walk::new(compiled, event);
    let rule = choice::find(&mut walk, Goal::Possible)?;
    let fields: Vec<_> = rule
        .iter()
        .filter(|&&i| walk.outcome(i).in_array)
        .map(|&i| &compiled.fields[i])
        .collect();
    let first = fields.first()?;
    let mut common: Vec<String> = first.segments.clone();
    for field in &fields[1..] {
        let shared = common
            .iter()
            .zip(&field.segments)
            .take_while(|(a, b)| a == b)
            .count();
        common.truncate(shared);
    }
    let names: Vec<String> = fields.iter().map(|f| f.segments.join(".")).collect();
    let container = if common.is_empty() {
        "an array".to_string()
    } else {
        common.join(".")
    };
    let values = match raw_at(event, &common) {
        Some(raw) => vec![raw.clone()],
        None => Vec::new(),
    };
    let start = fields.iter().map(|f| f.span.start).min().unwrap_or(0);
    let end = fields.iter().map(|f| f.span.end).max().unwrap_or(0);
    Some(Clause {
        path: common,
        found: if values.is_empty() {
            Found::Missing
        } else {
            Found::Values(values)
        },
        condition: format!(
            "{} to come from the same element of {container}",
            names.join(" and ")
        ),
        passed: false,
        or_branch: Vec::new(),
        pattern_span: start..end,
    })
}

/// The value at a path of keys, without flattening (for showing an array as a whole).
fn raw_at<'v>(event: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(event, |value, key| value.get(key))
}

#[cfg(test)]
mod tests {
    use super::Found;
    use crate::check;
    use serde_json::{Value, json};

    fn explain(pattern: &str, event: Value) -> super::Explanation {
        let checked = check(pattern);
        let Some(pattern) = checked.pattern else {
            panic!("{pattern}: {:?}", checked.errors)
        };
        let explanation = pattern.explain(&event);
        assert_eq!(explanation.matched, pattern.matches(&event));
        explanation
    }

    #[test]
    fn says_what_each_clause_found_and_wanted() {
        let event = json!({"source": "aws.ec2", "detail": {"eventName": "TerminateInstances", "n": [1, 2]}});
        let cases: &[(&str, &str, bool)] = &[
            (
                r#"{"detail": {"eventName": ["RunInstances"]}}"#,
                r#"detail.eventName is "TerminateInstances"; pattern wants "RunInstances""#,
                false,
            ),
            (
                r#"{"detail": {"errorCode": [{"exists": true}]}}"#,
                "detail.errorCode is missing; pattern wants to exist",
                false,
            ),
            (
                r#"{"detail": {"errorCode": [{"exists": false}]}}"#,
                "detail.errorCode is missing; pattern wants not to exist",
                true,
            ),
            (
                r#"{"source": ["aws.s3", "aws.ec2"]}"#,
                r#"source is "aws.ec2"; pattern wants one of "aws.s3", "aws.ec2""#,
                true,
            ),
            (
                r#"{"detail": {"n": [{"numeric": [">", 1]}]}}"#,
                "detail.n is [1, 2]; pattern wants a number > 1",
                true,
            ),
            (
                r#"{"source": [{"prefix": "aws."}, {"anything-but": "x"}]}"#,
                r#"source is "aws.ec2"; pattern wants prefix "aws." or anything but "x""#,
                true,
            ),
            (
                r#"{"source": [{"cidr": "10.0.0.0/8"}]}"#,
                r#"source is "aws.ec2"; pattern wants an IP address in 10.0.0.0/8"#,
                false,
            ),
            (
                r#"{"detail.eventName": [{"equals-ignore-case": "terminateinstances"}]}"#,
                r#"detail.eventName is "TerminateInstances"; pattern wants "terminateinstances" ignoring case"#,
                true,
            ),
        ];
        for &(pattern, shown, passed) in cases {
            let explanation = explain(pattern, event.clone());
            assert_eq!(explanation.clauses.len(), 1, "{pattern}");
            assert_eq!(explanation.clauses[0].to_string(), shown, "{pattern}");
            assert_eq!(explanation.clauses[0].passed, passed, "{pattern}");
            assert_eq!(explanation.matched, passed, "{pattern}");
        }
    }

    #[test]
    fn numbers_or_branches_and_spans() {
        let pattern =
            r#"{"source": ["a"], "$or": [{"x": ["1"]}, {"$or": [{"y": ["2"]}, {"z": ["3"]}]}]}"#;
        let explanation = explain(pattern, json!({"source": "a", "z": "3"}));
        let branches: Vec<(String, Vec<usize>, bool)> = explanation
            .clauses
            .iter()
            .map(|c| (c.path.join("."), c.or_branch.clone(), c.passed))
            .collect();
        let expected = [
            ("source".to_string(), vec![], true),
            ("x".to_string(), vec![0], false),
            ("y".to_string(), vec![1, 0], false),
            ("z".to_string(), vec![1, 1], true),
        ];
        assert_eq!(branches, expected);
        assert!(explanation.matched);
        assert_eq!(
            &pattern[explanation.clauses[0].pattern_span.clone()],
            r#"["a"]"#
        );
    }

    /// A clause as (path, `$or` branch, passed).
    type Shown = (&'static str, &'static [usize], bool);

    #[test]
    fn clauses_follow_the_text_and_leave_out_fields_always_replaced() {
        let cases: &[(&str, &[Shown])] = &[
            (
                r#"{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}"#,
                &[("a", &[], false), ("a", &[0], true), ("b", &[1], false)],
            ),
            (r#"{"a": ["1"], "a": ["2"]}"#, &[("a", &[], true)]),
            (
                r#"{"$or": [{"x": ["1"]}, {"b": ["3"]}], "s": ["2"]}"#,
                &[("x", &[0], false), ("b", &[1], false), ("s", &[], false)],
            ),
        ];
        for &(pattern, expected) in cases {
            let explanation = explain(pattern, json!({"a": "2"}));
            let got: Vec<(String, Vec<usize>, bool)> = explanation
                .clauses
                .iter()
                .map(|c| (c.path.join("."), c.or_branch.clone(), c.passed))
                .collect();
            let want: Vec<(String, Vec<usize>, bool)> = expected
                .iter()
                .map(|&(path, branch, passed)| (path.to_string(), branch.to_vec(), passed))
                .collect();
            assert_eq!(got, want, "{pattern}");
        }
    }

    #[test]
    fn names_the_array_when_consistency_fails_inside_or() {
        let event = json!({"d": [{"n": "x"}, {"s": "on"}]});
        let pattern = r#"{"d": {"n": ["x"]}, "$or": [{"d": {"s": ["on"]}}, {"t": ["y"]}]}"#;
        let explanation = explain(pattern, event);
        assert!(!explanation.matched);
        let last = explanation.clauses.last().map(|c| c.condition.as_str());
        assert_eq!(last, Some("d.n and d.s to come from the same element of d"));
    }

    #[test]
    fn paths_are_segments_and_dotted_keys_stay_whole() {
        let explanation = explain(r#"{"a.b": {"c": ["x"]}}"#, json!({"a": {"b": {"c": "x"}}}));
        assert_eq!(
            explanation.clauses[0].path,
            vec!["a.b".to_string(), "c".to_string()]
        );
        assert_eq!(
            explanation.clauses[0].found,
            Found::Values(vec![json!("x")])
        );
    }

    #[test]
    fn names_the_array_when_only_consistency_fails() {
        let event = json!({"d": [{"name": "alice"}, {"status": "active"}]});
        let explanation = explain(r#"{"d": {"name": ["alice"], "status": ["active"]}}"#, event);
        assert!(!explanation.matched);
        assert!(explanation.clauses[..2].iter().all(|c| c.passed));
        let last = &explanation.clauses[2];
        assert!(!last.passed);
        assert_eq!(last.path, vec!["d".to_string()]);
        assert_eq!(
            last.condition,
            "d.name and d.status to come from the same element of d"
        );
    }
}
