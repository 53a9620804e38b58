//! Narrowing from a chart: keep only a value, or exclude it without widening the rule.
use crate::p;
use eventpen_playground::builder::{exclude, keep_only};
use serde_json::{Value, json};

#[test]
fn keep_only_replaces_the_field() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str, Value, Value)> = vec![
        (json!({}), "region", json!("us-east-1"), json!({"region": ["us-east-1"]})),
        (json!({"region": ["a", "b"]}), "region", json!("b"), json!({"region": ["b"]})),
        (json!({"source": ["aws.ec2"]}), "detail.eventName", json!("Run"), json!({"source": ["aws.ec2"], "detail": {"eventName": ["Run"]}})),
        (json!({"detail": {"eventName": [{"prefix": "Run"}]}}), "detail.eventName", json!("RunInstances"), json!({"detail": {"eventName": ["RunInstances"]}})),
    ];
    for (pattern, path, value, expected) in cases {
        assert_eq!(
            keep_only(&pattern, &p(path), &value),
            expected,
            "{pattern} {path} {value}"
        );
    }
}

#[test]
fn exclude_narrows_or_refuses() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str, Value, Option<Value>)> = vec![
        (json!({}), "region", json!("us-east-1"), Some(json!({"region": [{"anything-but": ["us-east-1"]}]}))),
        (json!({"source": ["aws.ec2"]}), "detail.errorCode", json!("AccessDenied"),
            Some(json!({"source": ["aws.ec2"], "detail": {"errorCode": [{"anything-but": ["AccessDenied"]}]}}))),
        (json!({"region": ["a", "b"]}), "region", json!("a"), Some(json!({"region": ["b"]}))),
        (json!({"source": ["x"], "region": ["a"]}), "region", json!("a"), Some(json!({"source": ["x"]}))),
        (json!({"region": [{"anything-but": ["a"]}]}), "region", json!("b"), Some(json!({"region": [{"anything-but": ["a", "b"]}]}))),
        (json!({"region": [{"anything-but": "a"}]}), "region", json!("b"), Some(json!({"region": [{"anything-but": ["a", "b"]}]}))),
        (json!({"region": [{"anything-but": ["a"]}]}), "region", json!("a"), Some(json!({"region": [{"anything-but": ["a"]}]}))),
        (json!({"region": [{"prefix": "us-"}]}), "region", json!("us-east-1"), None),
        (json!({"region": [{"anything-but": {"prefix": "eu-"}}]}), "region", json!("us-east-1"), None),
        (json!({"$or": [{"region": ["a"]}, {"source": ["s"]}]}), "region", json!("b"),
            Some(json!({"$or": [{"region": ["a"]}, {"source": ["s"]}], "region": [{"anything-but": ["b"]}]}))),
    ];
    for (pattern, path, value, expected) in cases {
        let got = exclude(&pattern, &p(path), &value).ok();
        assert_eq!(got, expected, "{pattern} {path} {value}");
    }
}
