use super::*;
use crate::check;
use serde_json::json;

fn model(text: &str) -> PatternModel {
    let checked = check(text);
    assert!(checked.errors.is_empty(), "{text}: {:?}", checked.errors);
    checked.model.expect("a valid pattern has a model")
}

fn only_operator(text: &str) -> Operator {
    let model = model(text);
    let leaves = model.leaves();
    assert_eq!(leaves.len(), 1, "{text}");
    assert_eq!(leaves[0].conditions.len(), 1, "{text}");
    leaves[0].conditions[0].operator.clone()
}

fn num(text: &str) -> NumberLiteral {
    NumberLiteral {
        text: text.to_string(),
        value: text.parse().ok(),
    }
}

#[test]
fn every_operator_is_typed_with_its_operands() {
    let s = |v: &str| v.to_string();
    // (leaf item, operator, name)
    let cases = [
        (
            r#""RunInstances""#,
            Operator::Exact(Literal::String(s("RunInstances"))),
            "exact",
        ),
        (
            "300.0",
            Operator::Exact(Literal::Number(num("300.0"))),
            "exact",
        ),
        ("null", Operator::Exact(Literal::Null), "exact"),
        ("false", Operator::Exact(Literal::Bool(false)), "exact"),
        (
            r#"{"exactly": "x"}"#,
            Operator::Exact(Literal::String(s("x"))),
            "exact",
        ),
        (
            r#"{"prefix": "Cr"}"#,
            Operator::Prefix {
                value: s("Cr"),
                ignore_case: false,
            },
            "prefix",
        ),
        (
            r#"{"prefix": {"equals-ignore-case": "cR"}}"#,
            Operator::Prefix {
                value: s("cR"),
                ignore_case: true,
            },
            "prefix/equals-ignore-case",
        ),
        (
            r#"{"suffix": ".png"}"#,
            Operator::Suffix {
                value: s(".png"),
                ignore_case: false,
            },
            "suffix",
        ),
        (
            r#"{"suffix": {"equals-ignore-case": ".PNG"}}"#,
            Operator::Suffix {
                value: s(".PNG"),
                ignore_case: true,
            },
            "suffix/equals-ignore-case",
        ),
        (
            r#"{"equals-ignore-case": "aLiCe"}"#,
            Operator::EqualsIgnoreCase(s("aLiCe")),
            "equals-ignore-case",
        ),
        (
            r#"{"anything-but": "x"}"#,
            Operator::AnythingBut(AnythingBut::Values(vec![Literal::String(s("x"))])),
            "anything-but",
        ),
        (
            r#"{"anything-but": [1, 2.50]}"#,
            Operator::AnythingBut(AnythingBut::Values(vec![
                Literal::Number(num("1")),
                Literal::Number(num("2.50")),
            ])),
            "anything-but",
        ),
        (
            r#"{"anything-but": {"prefix": "init"}}"#,
            Operator::AnythingBut(AnythingBut::Prefix(vec![s("init")])),
            "anything-but/prefix",
        ),
        (
            r#"{"anything-but": {"suffix": ["a", "b"]}}"#,
            Operator::AnythingBut(AnythingBut::Suffix(vec![s("a"), s("b")])),
            "anything-but/suffix",
        ),
        (
            r#"{"anything-but": {"equals-ignore-case": ["X"]}}"#,
            Operator::AnythingBut(AnythingBut::EqualsIgnoreCase(vec![s("X")])),
            "anything-but/equals-ignore-case",
        ),
        (
            r#"{"anything-but": {"wildcard": "*.tmp"}}"#,
            Operator::AnythingBut(AnythingBut::Wildcard(vec![s("*.tmp")])),
            "anything-but/wildcard",
        ),
        (
            r#"{"numeric": [">", 0, "<=", 5.50]}"#,
            Operator::Numeric(vec![
                Comparison {
                    op: NumericOp::Gt,
                    value: num("0"),
                },
                Comparison {
                    op: NumericOp::Le,
                    value: num("5.50"),
                },
            ]),
            "numeric",
        ),
        (
            r#"{"numeric": ["=", 3]}"#,
            Operator::Numeric(vec![Comparison {
                op: NumericOp::Eq,
                value: num("3"),
            }]),
            "numeric",
        ),
        (
            r#"{"exists": false}"#,
            Operator::Exists(false),
            "exists:false",
        ),
        (
            r#"{"cidr": "10.0.0.0/8"}"#,
            Operator::Cidr(s("10.0.0.0/8")),
            "cidr",
        ),
        (
            r#"{"wildcard": "a*b"}"#,
            Operator::Wildcard(s("a*b")),
            "wildcard",
        ),
    ];
    for (item, operator, name) in cases {
        let text = format!(r#"{{"f": [{item}]}}"#);
        let got = only_operator(&text);
        assert_eq!(got, operator, "{text}");
        assert_eq!(got.name(), name, "{text}");
        // The model keeps the item as written; the operator writes an equivalent item.
        let want: serde_json::Value = serde_json::from_str(item).unwrap();
        assert_eq!(model(&text).leaves()[0].conditions[0].json, want, "{text}");
        let canonical = format!(r#"{{"f": [{}]}}"#, got.to_json());
        assert_eq!(only_operator(&canonical), got, "{canonical}");
    }
}

#[test]
fn keys_keep_written_order_and_dotted_keys_resolve() {
    let text = r#"{"source": ["aws.ec2"], "detail.requestParameters": {"instanceType": ["t2.micro"]}, "account": ["1"]}"#;
    let model = model(text);
    let keys: Vec<String> = model
        .root
        .members
        .iter()
        .map(|m| match m {
            Member::Nested(n) => n.key.clone(),
            Member::Leaf(l) => l.key.clone(),
            Member::Or(_) => "$or".to_string(),
        })
        .collect();
    assert_eq!(keys, ["source", "detail.requestParameters", "account"]);
    let leaf = model.leaves()[1];
    assert_eq!(leaf.keys, ["detail.requestParameters", "instanceType"]);
    assert_eq!(
        leaf.path.to_string(),
        "detail.requestParameters.instanceType"
    );
    assert_eq!(
        leaf.path.key_vec(),
        ["detail", "requestParameters", "instanceType"]
    );
    assert_eq!(&text[leaf.key_span.clone()], r#""instanceType""#);
    assert_eq!(&text[leaf.span.clone()], r#"["t2.micro"]"#);
    assert_eq!(&text[leaf.conditions[0].span.clone()], r#""t2.micro""#);
}

#[test]
fn or_is_a_tree_with_branch_origins_and_paths() {
    let text = r#"{"detail": {"$or": [{"a": [1]}, {"b": {"c": [{"exists": true}]}}]}}"#;
    let model = model(text);
    let leaves = model.leaves();
    assert_eq!(leaves.len(), 2);
    assert_eq!(leaves[0].branches, [0]);
    assert_eq!(leaves[1].branches, [1]);
    assert_eq!(leaves[1].path.to_string(), "detail.b.c");
    assert_eq!(leaves[1].json_path.to_string(), "detail.$or[1].b.c");
    let Member::Nested(detail) = &model.root.members[0] else {
        panic!("detail is nested")
    };
    let Member::Or(group) = &detail.object.members[0] else {
        panic!("$or group")
    };
    assert_eq!(group.branches.len(), 2);
    assert_eq!(
        model.leaf_at(text.find("exists").unwrap()).unwrap().key,
        "c"
    );
}

#[test]
fn to_json_and_pretty_keep_the_pattern() {
    let text = r#"{"b":[300.0,{"numeric":[">",1e2]}],"a":{"$or":[{"x":["1"]},{"y":[null]}]}}"#;
    let model = model(text);
    assert_eq!(
        model.to_json(),
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
    assert_eq!(
        model.one_line(),
        r#"{"b": [300.0, {"numeric": [">", 1e+2]}], "a": {"$or": [{"x": ["1"]}, {"y": [null]}]}}"#
    );
    // Pretty text is a valid pattern with the same model (spans aside).
    let again = self::model(&model.pretty());
    assert_eq!(again.to_json(), model.to_json());
    assert_eq!(json!({"b": [1]}), self::model(r#"{"b": [1]}"#).to_json());
}
