//! Click edits: toggle an exact value, add / replace / remove a condition, remove a field or
//! branch, group fields into an `$or`.
use crate::p;
use eventpen_playground::builder::{
    BuildError, add_condition, remove_condition, remove_location, replace_condition, toggle_exact,
    wrap_in_or,
};
use serde_json::{Value, json};

#[test]
fn toggle_exact_adds_ors_and_removes() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str, Value, Value)> = vec![
        (json!(null), "source", json!("aws.ec2"), json!({"source": ["aws.ec2"]})),
        (json!({}), "detail.eventName", json!("RunInstances"), json!({"detail": {"eventName": ["RunInstances"]}})),
        (json!({"source": ["aws.ec2"]}), "source", json!("aws.ec2"), json!({})),
        (json!({"source": ["aws.ec2"]}), "source", json!("aws.s3"), json!({"source": ["aws.ec2", "aws.s3"]})),
        (json!({"detail": {"eventName": ["A"], "x": [1]}}), "detail.eventName", json!("A"), json!({"detail": {"x": [1]}})),
        (json!({"detail": {"eventName": ["A"]}}), "detail.eventName", json!("A"), json!({})),
        (json!({"a": [{"prefix": "R"}]}), "a", json!("Run"), json!({"a": [{"prefix": "R"}, "Run"]})),
        (json!({"a": [5]}), "a", json!("5"), json!({"a": [5, "5"]})),
        (json!({"a": [5]}), "a", json!(5), json!({})),
        (json!({"a": "x"}), "a", json!("y"), json!({"a": ["x", "y"]})),
        (json!({"r": {"i": {"items": {"instanceType": ["t2.micro"]}}}}), "r.i.items.instanceType", json!("t3.micro"),
            json!({"r": {"i": {"items": {"instanceType": ["t2.micro", "t3.micro"]}}}})),
        (json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]}), "b", json!("2"), json!({"a": ["1"]})),
        (json!({"$or": [{"a": ["1"]}, {"b": ["2", "3"]}]}), "b", json!("3"), json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]})),
        (json!({"a": ["1"], "$or": [{"a": ["1"]}, {"b": ["2"]}]}), "a", json!("1"), json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]})),
        (json!({"source": ["x"], "detail": {"n": ["y"]}, "z": [1]}), "detail.n", json!("y"), json!({"source": ["x"], "z": [1]})),
    ];
    for (pattern, path, value, want) in cases {
        assert_eq!(
            toggle_exact(&pattern, &p(path), &value),
            want,
            "{pattern} toggle {path} {value}"
        );
    }
}

#[test]
fn toggle_keeps_key_order() {
    let pattern = json!({"source": ["x"], "detail": {"a": ["1"]}, "z": [1]});
    let text = serde_json::to_string(&toggle_exact(&pattern, &p("detail.a"), &json!("1")))
        .unwrap_or_default();
    assert_eq!(text, r#"{"source":["x"],"z":[1]}"#);
}

#[test]
fn add_remove_replace_conditions() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Value)> = vec![
        (add_condition(&json!({}), &p("detail.eventName"), json!({"prefix": "Update"})), json!({"detail": {"eventName": [{"prefix": "Update"}]}})),
        (add_condition(&json!({"a": ["x"]}), &p("a"), json!("x")), json!({"a": ["x"]})),
        (add_condition(&json!({"a": {"b": ["x"]}}), &p("a"), json!("x")), json!({"a": {"b": ["x"]}})),
        (add_condition(&json!({"a": "scalar"}), &p("a.b"), json!(1)), json!({"a": "scalar"})),
        (add_condition(&json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or.1.b"), json!("3")), json!({"$or": [{"a": ["1"]}, {"b": ["2", "3"]}]})),
        (add_condition(&json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or.2.d.c"), json!(3)), json!({"$or": [{"a": ["1"]}, {"b": ["2"]}, {"d": {"c": [3]}}]})),
        (add_condition(&json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or.1.c"), json!(3)), json!({"$or": [{"a": ["1"]}, {"b": ["2"], "c": [3]}]})),
        (add_condition(&json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or.5.c"), json!(3)), json!({"$or": [{"a": ["1"]}, {"b": ["2"]}]})),
        (remove_condition(&json!({"a": ["x", "y"]}), &p("a"), 0), json!({"a": ["y"]})),
        (remove_condition(&json!({"a": ["x"], "b": [1]}), &p("a"), 0), json!({"b": [1]})),
        (remove_condition(&json!({"a": ["x"]}), &p("a"), 7), json!({"a": ["x"]})),
        (remove_condition(&json!({"a": ["x"]}), &p("missing.path"), 0), json!({"a": ["x"]})),
        (remove_condition(&json!({"d": {"$or": [{"a": ["1"]}, {"b": ["2"]}], "c": [3]}}), &p("d.$or.0.a"), 0), json!({"d": {"b": ["2"], "c": [3]}})),
        (remove_condition(&json!({"b": [9], "$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or.0.a"), 0), json!({"b": [9], "$or": [{"b": ["2"]}]})),
        (replace_condition(&json!({"a": ["x", "y"]}), &p("a"), 1, json!({"prefix": "y"})), json!({"a": ["x", {"prefix": "y"}]})),
        (replace_condition(&json!({"a": ["x"]}), &p("a"), 3, json!("z")), json!({"a": ["x"]})),
        (remove_location(&json!({"a": ["x"], "d": {"b": [1]}}), &p("d.b")), json!({"a": ["x"]})),
        (remove_location(&json!({"$or": [{"a": ["1"]}, {"b": ["2"]}, {"c": ["3"]}]}), &p("$or.1")), json!({"$or": [{"a": ["1"]}, {"c": ["3"]}]})),
        (remove_location(&json!({"x": [1], "$or": [{"a": ["1"]}, {"b": ["2"]}]}), &p("$or")), json!({"x": [1]})),
    ];
    for (i, (got, want)) in cases.into_iter().enumerate() {
        assert_eq!(got, want, "case {i}");
    }
}

#[test]
fn wrap_fields_in_or() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Vec<&str>, Result<Value, &str>)> = vec![
        (json!({"source": ["aws.ec2"], "detail": {"eventName": ["A"], "errorCode": [{"exists": true}]}}), vec!["detail.eventName", "detail.errorCode"],
            Ok(json!({"source": ["aws.ec2"], "detail": {"$or": [{"eventName": ["A"]}, {"errorCode": [{"exists": true}]}]}}))),
        (json!({"source": ["a"], "detail": {"x": [1]}}), vec!["source", "detail.x"], Ok(json!({"$or": [{"source": ["a"]}, {"detail": {"x": [1]}}]}))),
        (json!({"a": [1]}), vec!["a"], Err("at least two")),
        (json!({"a": [1]}), vec!["a", "a"], Err("at least two")),
        (json!({"a": [1], "$or": [{"b": [1]}, {"c": [1]}]}), vec!["a", "$or.0.b"], Err("already inside")),
        (json!({"a": [1], "b": [2], "$or": [{"c": [1]}, {"d": [1]}]}), vec!["a", "b"], Ok(json!({"$or": [{"c": [1]}, {"d": [1]}, {"a": [1]}, {"b": [2]}]}))),
        (json!({"x": [0], "d": {"a": [1], "$or": [{"c": [1]}, {"e": [1]}]}}), vec!["d.a"], Ok(json!({"x": [0], "d": {"$or": [{"c": [1]}, {"e": [1]}, {"a": [1]}]}}))),
        (json!({"a": [1]}), vec!["a", "nope"], Err("No such field")),
    ];
    for (pattern, locations, want) in cases {
        let locations: Vec<Vec<String>> = locations.into_iter().map(p).collect();
        let got = wrap_in_or(&pattern, &locations).map_err(|e: BuildError| e.message);
        match want {
            Ok(value) => assert_eq!(got, Ok(value), "{pattern}"),
            Err(part) => assert!(
                got.as_ref().is_err_and(|m| m.contains(part)),
                "{pattern}: {got:?}"
            ),
        }
    }
}
