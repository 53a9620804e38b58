//! Differential test: matching with the `$or` tree agrees with a straightforward expansion
//! into event-ruler's sub-rules, on small random patterns with nested `$or`s, duplicate
//! (and dotted) names, `exists`, and events with arrays of objects.
//!
//! The reference follows event-ruler's `JsonRuleCompiler` literally: each `$or` branch forks
//! the sub-rules built so far, and a leaf replaces an earlier one with the same flattened
//! name in every sub-rule. Each sub-rule is then matched on its own, as a pattern without
//! `$or` or duplicates; the pattern matches when one sub-rule does.
#![cfg(not(target_arch = "wasm32"))]

use eventpen_pattern::check;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

/// A pattern value as generated: a leaf array (as text), a nested object, or a `$or`.
#[derive(Debug, Clone)]
enum Part {
    Leaf(&'static str),
    Object(Vec<(&'static str, Part)>),
    Or(Vec<Vec<(&'static str, Part)>>),
}

const KEYS: &[&str] = &["a", "b", "c", "a.b"];

const LEAVES: &[&str] = &[
    "[1]",
    r#"["x"]"#,
    "[1, \"x\"]",
    r#"[{"exists": false}]"#,
    r#"[{"exists": true}]"#,
    r#"[{"prefix": "y"}]"#,
];

/// `"key": value` members as text; a `$or` part is written under the key `$or`.
fn write(members: &[(&str, Part)]) -> String {
    let written: Vec<String> = members
        .iter()
        .map(|(key, part)| match part {
            Part::Leaf(text) => format!("\"{key}\": {text}"),
            Part::Object(inner) => format!("\"{key}\": {}", write(inner)),
            Part::Or(branches) => {
                let branches: Vec<String> = branches.iter().map(|b| write(b)).collect();
                format!("\"$or\": [{}]", branches.join(", "))
            }
        })
        .collect();
    format!("{{{}}}", written.join(", "))
}

/// A sub-rule: (flattened name, leaf text), in insertion order.
type SubRule = Vec<(String, &'static str)>;

/// event-ruler's expansion of an object into sub-rules.
fn expand(members: &[(&str, Part)], path: &[&str], rules: &mut Vec<SubRule>) {
    for (key, part) in members {
        match part {
            Part::Or(branches) => {
                let before = std::mem::take(rules);
                for branch in branches {
                    let mut forked = before.clone();
                    if forked.is_empty() {
                        forked.push(Vec::new());
                    }
                    expand(branch, path, &mut forked);
                    rules.extend(forked);
                }
            }
            Part::Object(inner) => {
                let mut deeper = path.to_vec();
                deeper.push(key);
                expand(inner, &deeper, rules);
            }
            Part::Leaf(text) => {
                let mut names = path.to_vec();
                names.push(key);
                let name = names.join(".");
                if rules.is_empty() {
                    rules.push(Vec::new());
                }
                for rule in rules.iter_mut() {
                    match rule.iter_mut().find(|(existing, _)| *existing == name) {
                        Some(slot) => slot.1 = text,
                        None => rule.push((name.clone(), text)),
                    }
                }
            }
        }
    }
}

/// Whether one sub-rule matches, as a pattern of dotted names without `$or`.
fn sub_rule_matches(rule: &SubRule, event: &Value) -> bool {
    let members: Vec<String> = rule
        .iter()
        .map(|(name, text)| format!("\"{name}\": {text}"))
        .collect();
    let text = format!("{{{}}}", members.join(", "));
    match check(&text).pattern {
        Some(pattern) => pattern.matches(event),
        None => panic!("sub-rule {text} is invalid"),
    }
}

fn part() -> impl Strategy<Value = Part> {
    select(LEAVES)
        .prop_map(Part::Leaf)
        .prop_recursive(3, 24, 3, |inner| {
            let members = prop::collection::vec((select(KEYS), inner), 1..4);
            prop_oneof![
                members.clone().prop_map(Part::Object),
                prop::collection::vec(members, 2..4).prop_map(Part::Or),
            ]
        })
}

fn event_object(inner: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    prop::collection::vec((select(KEYS), inner), 1..4).prop_map(|members| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    })
}

/// Values biased towards arrays of objects, where array consistency decides.
fn event_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(1)),
        Just(json!("x")),
        Just(json!(2)),
        Just(json!("yes"))
    ]
    .prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 1..4).prop_map(Value::Array),
            3 => prop::collection::vec(event_object(inner.clone()), 1..4).prop_map(Value::Array),
            2 => event_object(inner),
        ]
    })
}

fn event() -> impl Strategy<Value = Value> {
    prop::collection::vec((select(KEYS), event_value()), 0..4).prop_map(|members| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tree_agrees_with_expanded_sub_rules(
        members in prop::collection::vec((select(KEYS), part()), 1..4),
        events in prop::collection::vec(event(), 1..8),
    ) {
        let text = write(&members);
        let checked = check(&text);
        let Some(pattern) = checked.pattern else {
            panic!("{text} is invalid: {:?}", checked.errors);
        };
        let mut rules = Vec::new();
        expand(&members, &[], &mut rules);
        for event in &events {
            let expected = rules.iter().any(|rule| sub_rule_matches(rule, event));
            prop_assert_eq!(pattern.matches(event), expected, "matches: {} on {}", text, event);
            prop_assert_eq!(pattern.explain(event).matched, expected, "explain: {} on {}", text, event);
            let bytes = event.to_string();
            prop_assert_eq!(pattern.matches_json(bytes.as_bytes()).ok(), Some(expected), "matches_json: {} on {}", text, event);
        }
    }
}
