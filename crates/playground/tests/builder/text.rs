//! The pattern as the tree sees it (outline, picks, paths) and as the editor gets it (pretty),
//! and the quick-start skeleton.
use crate::p;
use eventpen_playground::builder::{
    Clause, field_path, outline, parse_path, picks_in, pretty, quick_start,
};
use serde_json::{Value, json};

/// The model of a pattern written as JSON (the builder reads the model, as the app gives it).
fn model(pattern: &Value) -> eventpen_pattern::PatternModel {
    eventpen_pattern::check(&pattern.to_string())
        .model
        .expect("a valid pattern")
}

#[test]
fn picks_are_the_exact_values() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Vec<(&str, Value)>)> = vec![
        (json!({"source": ["aws.ec2"], "detail": {"eventName": ["A", {"prefix": "B"}, 5]}}),
            vec![("source", json!("aws.ec2")), ("detail.eventName", json!("A")), ("detail.eventName", json!(5))]),
        (json!({"$or": [{"a": ["1"]}, {"d": {"b": [null]}}]}), vec![("a", json!("1")), ("d.b", json!(null))]),
        // A dotted key reads the nested field; an explicit `exactly` is not a clicked value.
        (json!({"detail.eventName": ["A", {"exactly": "B"}]}), vec![("detail.eventName", json!("A"))]),
    ];
    for (pattern, want) in cases {
        let want: Vec<(Vec<String>, Value)> = want
            .into_iter()
            .map(|(path, v)| (path.split('.').map(String::from).collect(), v))
            .collect();
        assert_eq!(picks_in(&model(&pattern)), want, "{pattern}");
    }
}

#[test]
fn outline_lists_fields_and_groups() {
    let pattern = json!({"source": ["aws.ec2"], "detail": {"eventName": ["A"], "$or": [{"x": [1]}, {"y": {"z": [{"exists": true}]}}]}, "a.b": ["s"]});
    let clauses = outline(&model(&pattern));
    let summary: Vec<String> = clauses
        .iter()
        .map(|c| match c {
            Clause::Field(f) => format!(
                "{} @ {} = {:?}{}",
                f.path.join("."),
                f.location.join("."),
                f.conditions,
                if f.not_a_list { " (not a list)" } else { "" }
            ),
            Clause::AnyOf(g) => format!(
                "any of {} @ {}: {} branches",
                g.path.join("."),
                g.location.join("."),
                g.branches.len()
            ),
        })
        .collect();
    assert_eq!(
        summary,
        [
            r#"source @ source = [String("aws.ec2")]"#,
            r#"detail.eventName @ detail.eventName = [String("A")]"#,
            "any of detail @ detail.$or: 2 branches",
            r#"a.b @ a.b = [String("s")]"#,
        ]
    );
    let Clause::AnyOf(group) = &clauses[2] else {
        return;
    };
    let Clause::Field(inner) = &group.branches[1][0] else {
        return;
    };
    assert_eq!(
        (inner.path.join("."), inner.location.join(".")),
        ("detail.y.z".into(), "detail.$or.1.y.z".into())
    );
}

#[test]
fn field_paths_and_typed_paths() {
    #[rustfmt::skip]
    let cases: Vec<(&str, &str)> = vec![
        ("detail.$or.1.y.z", "detail.y.z"),
        ("$or.0.a", "a"),
        ("a.$or.b", "a.$or.b"),
        ("", ""),
    ];
    for (location, want) in cases {
        assert_eq!(field_path(&p(location)), p(want), "{location}");
    }
    let known = vec![vec!["detail".to_string(), "a.b".to_string()]];
    #[rustfmt::skip]
    let typed: Vec<(&str, Vec<&str>)> = vec![
        ("detail.a.b", vec!["detail", "a.b"]),
        (" detail.eventName ", vec!["detail", "eventName"]),
        ("a..b.", vec!["a", "b"]),
    ];
    for (text, want) in typed {
        assert_eq!(parse_path(text, &known), want, "{text}");
    }
}

#[test]
fn pretty_prints_readably() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "{}"),
        (json!({"detail": {"eventName": ["RunInstances"]}, "detail-type": ["AWS API Call via CloudTrail"], "source": ["aws.ec2"]}),
            "{\n  \"source\": [\"aws.ec2\"],\n  \"detail-type\": [\"AWS API Call via CloudTrail\"],\n  \"detail\": {\n    \"eventName\": [\"RunInstances\"]\n  }\n}"),
        (json!({"a": [{"numeric": [">", 0, "<=", 5]}, {"prefix": "x"}]}), "{\n  \"a\": [{\"numeric\": [\">\", 0, \"<=\", 5]}, {\"prefix\": \"x\"}]\n}"),
        (json!({"$or": [{"a": [1]}, {"b": [2]}]}), "{\n  \"$or\": [\n    {\n      \"a\": [1]\n    },\n    {\n      \"b\": [2]\n    }\n  ]\n}"),
        (json!({"a": ["aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccccc"]}),
            "{\n  \"a\": [\n    \"aaaaaaaaaaaaaaaaaaaa\",\n    \"bbbbbbbbbbbbbbbbbbbbbbbb\",\n    \"cccccccccccccccccccccccccccc\"\n  ]\n}"),
        (json!({"detail": {"eventName": [{"prefix": "UpdateFunctionConfiguration"}]}}),
            "{\n  \"detail\": {\n    \"eventName\": [\n      {\"prefix\": \"UpdateFunctionConfiguration\"}\n    ]\n  }\n}"),
        (json!({"x": {"detail-type": ["inner keeps order"], "source": ["s"]}}), "{\n  \"x\": {\n    \"detail-type\": [\"inner keeps order\"],\n    \"source\": [\"s\"]\n  }\n}"),
    ];
    for (pattern, want) in cases {
        assert_eq!(pretty(&pattern), want);
        assert_eq!(
            serde_json::from_str::<Value>(&pretty(&pattern)).ok(),
            Some(pattern)
        );
    }
}

#[test]
fn pretty_keeps_number_text() {
    let pattern: Value =
        serde_json::from_str(r#"{"a": [1.50, -0.0, 12345678901234567890123]}"#).unwrap_or_default();
    assert_eq!(
        pretty(&pattern),
        "{\n  \"a\": [1.50, -0.0, 12345678901234567890123]\n}"
    );
}

#[test]
fn quick_start_skeletons() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Value)> = vec![
        (json!({"source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "account": "1", "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "RunInstances", "awsRegion": "x"}}),
            json!({"source": ["aws.ec2"], "detail-type": ["AWS API Call via CloudTrail"], "detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["RunInstances"]}})),
        (json!({"source": "my.app", "detail-type": "OrderPlaced", "detail": {"id": 1}}), json!({"source": ["my.app"], "detail-type": ["OrderPlaced"]})),
        (json!({"source": 5}), json!({})),
        (json!("not an event"), json!({})),
    ];
    for (event, want) in cases {
        assert_eq!(quick_start(&event), want, "{event}");
    }
}
