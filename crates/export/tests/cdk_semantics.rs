//! The CDK export synthesizes the pattern: its `eventPattern` expression is evaluated the way
//! aws-cdk-lib's `events.Match` and `Rule` do (read from aws-cdk-lib's event-pattern.ts: each
//! helper returns a one-element list; `anyOf` flattens its arguments; `allOf`/`interval` merge
//! numeric conditions; `Rule` renames `detailType` to `detail-type`), and the result must equal
//! the pattern for every tricky and conformance pattern.
mod common;

use eventpen_export::cdk_event_pattern;
use eventpen_export::code_literal::Expr;
use serde_json::{Map, Value, json};

/// What one `events.Match.<name>(args)` call resolves to: a list of conditions.
fn resolve_call(name: &str, args: &[Expr]) -> Vec<Value> {
    let values: Vec<Value> = args.iter().map(evaluate).collect();
    let one = |value: Value| vec![value];
    let first = || values[0].clone();
    match name.trim_start_matches("events.Match.") {
        "exactString" => one(first()),
        "nullValue" => one(Value::Null),
        "exists" => one(json!({"exists": true})),
        "doesNotExist" => one(json!({"exists": false})),
        "equalsIgnoreCase" => one(json!({"equals-ignore-case": first()})),
        "prefix" => one(json!({"prefix": first()})),
        "suffix" => one(json!({"suffix": first()})),
        "prefixEqualsIgnoreCase" => one(json!({"prefix": {"equals-ignore-case": first()}})),
        "suffixEqualsIgnoreCase" => one(json!({"suffix": {"equals-ignore-case": first()}})),
        "wildcard" => one(json!({"wildcard": first()})),
        "cidr" => one(json!({"cidr": first()})),
        "anythingBut" => one(json!({"anything-but": values})),
        "anythingButPrefix" => one(json!({"anything-but": {"prefix": values}})),
        "anythingButSuffix" => one(json!({"anything-but": {"suffix": values}})),
        "anythingButWildcard" => one(json!({"anything-but": {"wildcard": values}})),
        "anythingButEqualsIgnoreCase" => {
            one(json!({"anything-but": {"equals-ignore-case": values}}))
        }
        "greaterThan" => one(json!({"numeric": [">", first()]})),
        "greaterThanOrEqual" => one(json!({"numeric": [">=", first()]})),
        "lessThan" => one(json!({"numeric": ["<", first()]})),
        "lessThanOrEqual" => one(json!({"numeric": ["<=", first()]})),
        "equal" => one(json!({"numeric": ["=", first()]})),
        "interval" => one(json!({"numeric": [">=", values[0], "<=", values[1]]})),
        "allOf" => {
            let mut merged = Vec::new();
            for value in values {
                let Value::Array(conditions) = value else {
                    panic!("allOf takes matchers")
                };
                for condition in conditions {
                    merged.extend(
                        condition["numeric"]
                            .as_array()
                            .expect("numeric only")
                            .clone(),
                    );
                }
            }
            one(json!({"numeric": merged}))
        }
        "anyOf" => values
            .into_iter()
            .flat_map(|value| match value {
                Value::Array(items) => items,
                other => vec![other],
            })
            .collect(),
        other => panic!("unknown helper {other}"),
    }
}

fn evaluate(expr: &Expr) -> Value {
    match expr {
        Expr::Raw(value) => value.clone(),
        Expr::Call(name, args) => Value::Array(resolve_call(name, args)),
        Expr::Array(items) => Value::Array(items.iter().map(evaluate).collect()),
        Expr::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, value)| (key.clone(), evaluate(value)))
                .collect(),
        ),
    }
}

/// `Rule`'s renderEventPattern: only `detailType` is renamed.
fn render_event_pattern(value: Value) -> Value {
    let Value::Object(map) = value else {
        return value;
    };
    let renamed: Map<String, Value> = map
        .into_iter()
        .map(|(key, value)| {
            (
                if key == "detailType" {
                    "detail-type".to_owned()
                } else {
                    key
                },
                value,
            )
        })
        .collect();
    Value::Object(renamed)
}

#[test]
fn cdk_synthesizes_every_pattern_exactly() {
    let patterns = common::all_patterns();
    let mut helpers = 0;
    for (name, pattern) in &patterns {
        let expr = cdk_event_pattern(&common::model(pattern));
        helpers += format!("{expr:?}").matches("events.Match.").count();
        let synthesized = render_event_pattern(evaluate(&expr));
        assert_eq!(&synthesized, pattern, "{name}\n{expr:?}");
    }
    assert!(helpers > 100, "helpers used: {helpers}");
    println!(
        "cdk: {} patterns, {helpers} Match helper calls",
        patterns.len()
    );
}
