//! The visual builder's pure core, table by table: one line per case.
use eventpen::builder::{
    BuildError, Clause, Facets, Operator, add_condition, build_condition, conditions_for, describe,
    field_path, outline, parse_path, picks_in, pretty, quick_start, remove_condition,
    remove_location, replace_condition, split_condition, toggle_exact, wrap_in_or,
};
use serde_json::{Value, json};

/// `"detail.eventName"` → segments (test shorthand only; the API takes segments).
fn p(dotted: &str) -> Vec<String> {
    if dotted.is_empty() {
        return Vec::new();
    }
    dotted.split('.').map(str::to_string).collect()
}

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

#[test]
fn conditions_fit_the_value() {
    let labels = |value: Value| -> Vec<String> {
        conditions_for(&value).into_iter().map(|(l, _)| l).collect()
    };
    #[rustfmt::skip]
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!("RunInstances"), vec![r#"equals "RunInstances""#, r#"prefix "Run""#, r#"suffix "Instances""#,
            r#"equals-ignore-case "RunInstances""#, r#"anything-but "RunInstances""#, r#"wildcard "Run*""#, "exists", "does not exist"]),
        (json!("UpdateFunctionConfiguration20150331v2"), vec![r#"equals "UpdateFunctionConfiguration20150331v2""#,
            r#"prefix "UpdateFunctionConfiguration""#, r#"prefix "Update""#, r#"suffix "Configuration20150331v2""#,
            r#"equals-ignore-case "UpdateFunctionConfiguration20150331v2""#, r#"anything-but "UpdateFunctionConfiguration20150331v2""#,
            r#"wildcard "UpdateFunctionConfiguration*""#, "exists", "does not exist"]),
        (json!("198.51.100.7"), vec![r#"equals "198.51.100.7""#, r#"prefix "198.""#, r#"suffix ".7""#,
            r#"equals-ignore-case "198.51.100.7""#, r#"anything-but "198.51.100.7""#, r#"wildcard "198.51.100.*""#,
            "cidr 198.51.100.7/32", "cidr 198.51.100.0/24", "cidr 198.51.0.0/16", "exists", "does not exist"]),
        (json!(443), vec!["equals 443", "numeric = 443", "numeric > 443", "numeric < 443", "numeric >= 0, <= 443", "anything-but 443", "exists", "does not exist"]),
        (json!(-2.5), vec!["equals -2.5", "numeric = -2.5", "numeric > -2.5", "numeric < -2.5", "numeric >= -2.5, <= 0", "anything-but -2.5", "exists", "does not exist"]),
        (json!(true), vec!["equals true", "exists", "does not exist"]),
        (json!(null), vec!["equals null", "exists", "does not exist"]),
    ];
    for (value, want) in cases {
        assert_eq!(labels(value.clone()), want, "{value}");
    }
}

#[test]
fn condition_suggestions_details() {
    let has = |value: Value, condition: Value| {
        conditions_for(&value).iter().any(|(_, c)| *c == condition)
    };
    #[rustfmt::skip]
    let cases: Vec<(Value, Value, bool)> = vec![
        (json!("t2.micro"), json!({"prefix": "t2."}), true),
        (json!("t2.micro"), json!({"suffix": ".micro"}), true),
        (json!("alice@example.com"), json!({"suffix": "@example.com"}), true),
        (json!("arn:aws:iam::111122223333:role/Admin"), json!({"prefix": "arn:aws:iam::111122223333:role/"}), true),
        (json!("arn:aws:iam::111122223333:role/Admin"), json!({"wildcard": "arn:aws:iam::*:role/Admin"}), true),
        (json!("CreateFunction20150331"), json!({"prefix": "CreateFunction"}), true),
        (json!("a*b1"), json!({"wildcard": "a\\*b*"}), true),
        (json!("i-0abc12345def"), json!({"wildcard": "i-0abc*def"}), true),
        (json!("user-7"), json!({"wildcard": "user-*"}), true),
        (json!("2024"), json!({"wildcard": "2024*"}), false),
        (json!("2001:db8::1"), json!({"cidr": "2001:db8::/64"}), true),
        (json!("not-an-ip"), json!({"cidr": "not-an-ip/32"}), false),
        (json!("x"), json!({"prefix": "x"}), true),
        (json!(true), json!({"anything-but": true}), false),
    ];
    for (value, condition, want) in cases {
        assert_eq!(
            has(value.clone(), condition.clone()),
            want,
            "{value} offers {condition}"
        );
    }
}

#[test]
fn describe_chips() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str)> = vec![
        (json!("RunInstances"), r#""RunInstances""#),
        (json!(5), "5"),
        (json!(null), "null"),
        (json!({"prefix": "Run"}), r#"prefix "Run""#),
        (json!({"numeric": [">", 0, "<=", 5]}), "numeric > 0, <= 5"),
        (json!({"exists": true}), "exists"),
        (json!({"exists": false}), "does not exist"),
        (json!({"cidr": "10.0.0.0/24"}), "cidr 10.0.0.0/24"),
        (json!({"anything-but": ["a", "b"]}), r#"anything-but ["a", "b"]"#),
        (json!({"anything-but": {"prefix": "x"}}), r#"anything-but prefix "x""#),
        (json!({"prefix": {"equals-ignore-case": "x"}}), r#"prefix equals-ignore-case "x""#),
        (json!({"a": 1, "b": 2}), r#"{"a":1,"b":2}"#),
    ];
    for (condition, want) in cases {
        assert_eq!(describe(&condition), want, "{condition}");
    }
}

#[test]
fn condition_forms_round_trip() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Operator, &str)> = vec![
        (json!("RunInstances"), Operator::Equals, "RunInstances"),
        (json!(443), Operator::EqualsValue, "443"),
        (json!(null), Operator::EqualsValue, "null"),
        (json!({"prefix": "Run"}), Operator::Prefix, "Run"),
        (json!({"suffix": ".png"}), Operator::Suffix, ".png"),
        (json!({"equals-ignore-case": "x"}), Operator::EqualsIgnoreCase, "x"),
        (json!({"anything-but": "x"}), Operator::AnythingBut, "x"),
        (json!({"wildcard": "a*"}), Operator::Wildcard, "a*"),
        (json!({"numeric": [">", 0, "<=", 5]}), Operator::Numeric, "> 0, <= 5"),
        (json!({"numeric": ["=", 1.5]}), Operator::Numeric, "= 1.5"),
        (json!({"cidr": "10.0.0.0/8"}), Operator::Cidr, "10.0.0.0/8"),
        (json!({"exists": true}), Operator::Exists, ""),
        (json!({"exists": false}), Operator::DoesNotExist, ""),
        (json!({"anything-but": ["a", "b"]}), Operator::Json, r#"{"anything-but":["a","b"]}"#),
        (json!({"prefix": {"equals-ignore-case": "x"}}), Operator::Json, r#"{"prefix":{"equals-ignore-case":"x"}}"#),
    ];
    for (condition, operator, text) in cases {
        assert_eq!(
            split_condition(&condition),
            (operator, text.to_string()),
            "{condition}"
        );
        assert_eq!(
            build_condition(operator, text),
            Ok(condition.clone()),
            "{condition}"
        );
    }
}

#[test]
fn condition_forms_build() {
    #[rustfmt::skip]
    let cases: Vec<(Operator, &str, Result<Value, usize>)> = vec![
        (Operator::Numeric, ">0 <=5", Ok(json!({"numeric": [">", 0, "<=", 5]}))),
        (Operator::Numeric, ">= -0.50,<2", Ok(json!({"numeric": [">=", -0.5, "<", 2]}))),
        (Operator::Numeric, "", Err(0)),
        (Operator::Numeric, "> x", Err(2)),
        (Operator::Numeric, "> 1, 5", Err(5)),
        (Operator::EqualsValue, "true", Ok(json!(true))),
        (Operator::EqualsValue, "abc", Err(0)),
        (Operator::Cidr, " 10.0.0.0/8 ", Ok(json!({"cidr": "10.0.0.0/8"}))),
        (Operator::Json, "{\"a\": ", Err(6)),
        (Operator::Equals, "", Ok(json!(""))),
    ];
    for (operator, text, want) in cases {
        let got = build_condition(operator, text).map_err(|e| e.column);
        match (&got, &want) {
            (Ok(a), Ok(b)) => assert_eq!(
                a.to_string().replace("-0.50", "-0.5"),
                b.to_string(),
                "{text}"
            ),
            _ => assert_eq!(got, want, "{operator:?} {text}"),
        }
    }
    for operator in Operator::ALL {
        assert_eq!(Operator::from_id(operator.id()), Some(operator));
    }
}

#[test]
fn picks_are_the_exact_values() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Vec<(&str, Value)>)> = vec![
        (json!({"source": ["aws.ec2"], "detail": {"eventName": ["A", {"prefix": "B"}, 5]}}),
            vec![("source", json!("aws.ec2")), ("detail.eventName", json!("A")), ("detail.eventName", json!(5))]),
        (json!({"$or": [{"a": ["1"]}, {"d": {"b": [null]}}]}), vec![("a", json!("1")), ("d.b", json!(null))]),
        (json!({"a": "scalar"}), vec![("a", json!("scalar"))]),
        (json!([1]), vec![]),
    ];
    for (pattern, want) in cases {
        let want: Vec<(Vec<String>, Value)> =
            want.into_iter().map(|(path, v)| (p(path), v)).collect();
        assert_eq!(picks_in(&pattern), want, "{pattern}");
    }
}

#[test]
fn outline_lists_fields_and_groups() {
    let pattern = json!({"source": ["aws.ec2"], "detail": {"eventName": ["A"], "$or": [{"x": [1]}, {"y": {"z": [{"exists": true}]}}]}, "bad": "s"});
    let clauses = outline(&pattern);
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
            r#"bad @ bad = [String("s")] (not a list)"#,
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

#[test]
fn facets_count_events_per_value() {
    let events = [
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "items": [{"t": "t2.micro"}, {"t": "t2.micro"}, {"t": "m5.large"}], "n": 5}}),
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "items": [{"t": "t2.micro"}], "n": "5"}}),
        json!({"source": "aws.s3", "detail": {"eventName": "PutObject", "empty": [], "o": {}}}),
    ];
    let facets = Facets::collect(&events);
    let show = |path: &str| -> Vec<(String, usize)> {
        facets
            .field(&p(path))
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| (v.value.to_string(), v.count))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(facets.event_count(), 3);
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<(&str, usize)>)> = vec![
        ("source", vec![(r#""aws.ec2""#, 2), (r#""aws.s3""#, 1)]),
        ("detail.eventName", vec![(r#""RunInstances""#, 2), (r#""PutObject""#, 1)]),
        ("detail.items.t", vec![(r#""t2.micro""#, 2), (r#""m5.large""#, 1)]),
        ("detail.n", vec![("5", 1), (r#""5""#, 1)]),
        ("detail.empty", vec![]),
    ];
    for (path, want) in cases {
        let want: Vec<(String, usize)> =
            want.into_iter().map(|(v, n)| (v.to_string(), n)).collect();
        assert_eq!(show(path), want, "{path}");
    }
    let paths: Vec<String> = facets.paths().iter().map(|p| p.join(".")).collect();
    assert_eq!(
        paths,
        ["source", "detail.eventName", "detail.items.t", "detail.n"]
    );
}

#[test]
fn facets_search() {
    let events = [
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "userAgent": "console"}}),
        json!({"source": "aws.lambda", "detail": {"eventName": "UpdateFunctionConfiguration20150331v2"}}),
    ];
    let facets = Facets::collect(&events);
    let hits = |query: &str| -> Vec<String> {
        facets
            .search(query)
            .iter()
            .map(|h| {
                format!(
                    "{}: {}",
                    h.field.path.join("."),
                    h.values
                        .iter()
                        .map(|v| v.text())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect()
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("eventname", vec!["detail.eventName: RunInstances, UpdateFunctionConfiguration20150331v2"]),
        ("update", vec!["detail.eventName: UpdateFunctionConfiguration20150331v2"]),
        ("  CONSOLE ", vec!["detail.userAgent: console"]),
        ("zzz", vec![]),
    ];
    for (query, want) in cases {
        assert_eq!(hits(query), want, "{query}");
    }
    assert_eq!(facets.search("").len(), 3);
}

#[test]
fn facets_cap_distinct_values_and_stay_fast() {
    let events: Vec<Value> = (0..10_000)
        .map(|i| {
            let name = ["RunInstances", "StopInstances", "TerminateInstances"][i % 3];
            json!({"version": "0", "id": format!("id-{i}"), "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2",
                "account": "111122223333", "time": "2024-05-01T12:00:00Z", "region": "eu-west-1", "resources": [],
                "detail": {"eventVersion": "1.09", "eventName": name,
                    "userIdentity": {"type": "IAMUser", "userName": format!("user{}", i % 40), "accountId": "111122223333"},
                    "sourceIPAddress": format!("198.51.100.{}", i % 250), "readOnly": false,
                    "requestParameters": {"instancesSet": {"items": [{"instanceId": format!("i-{i:08x}"), "instanceType": "t2.micro"}]}},
                    "eventID": format!("e-{i}")}})
        })
        .collect();
    let started = std::time::Instant::now();
    let facets = Facets::collect(&events);
    let elapsed = started.elapsed();
    println!(
        "Facets::collect over 10,000 events: {elapsed:?} ({} fields)",
        facets.fields().len()
    );
    let ids = facets.field(&p("id"));
    assert!(ids.is_some_and(|f| f.truncated && f.values.len() == 1000 && f.all_distinct()));
    let names = facets.field(&p("detail.eventName"));
    assert!(
        names
            .is_some_and(|f| f.values.len() == 3 && f.values[0].count == 3334 && !f.all_distinct())
    );
    let order: Vec<String> = facets.fields().iter().map(|f| f.path.join(".")).collect();
    assert_eq!(order[..3], ["source", "detail-type", "detail.eventName"]);
    let position = |name: &str| order.iter().position(|o| o == name);
    assert!(
        position("region") < position("id") && position("region") < position("detail.eventID"),
        "{order:?}"
    );
    let started = std::time::Instant::now();
    let hits = facets.search("stop").len();
    println!(
        "Facets::search over them: {:?} ({hits} hits)",
        started.elapsed()
    );
}
