//! Which conditions fit a value, how a chip reads, and the chip editor's form both ways.
use eventpen_playground::builder::{
    Operator, build_condition, conditions_for, describe, split_condition,
};
use serde_json::{Value, json};

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
        (json!("arn:aws:sts::111122223333:assumed-role/Dev/alice"), json!({"prefix": "arn:aws:sts::111122223333:assumed-"}), false),
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
