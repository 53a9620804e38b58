//! Teaching hints, one case per line: (pattern, expected fragments of the hints).
use super::*;
use serde_json::json;

fn events() -> Vec<Value> {
    vec![
        json!({"source": "aws.lambda", "resources": [], "detail": {
            "eventName": "CreateFunction20150331", "eventSource": "lambda.amazonaws.com",
            "userIdentity": {"type": "Root"}, "resources": [{"ARN": "arn:aws:iam::1:role/x"}],
            "items": [{"instanceType": "t2.micro"}, {"instanceType": "m5.large"}]}}),
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "errorCode": null}}),
        json!({"source": "aws.lambda", "detail": {"eventName": "CreateFunctionUrlConfig20211031"}}),
    ]
}

#[test]
fn hints_name_the_problem_and_the_fix() {
    let cases: &[(Value, &[&str])] = &[
        (json!({"source": ["aws.ec2"]}), &[]),
        (
            json!({"eventName": ["RunInstances"]}),
            &["No loaded event has `eventName`", "`detail.eventName`"],
        ),
        (
            json!({"detail": {"eventName": ["CreateFunction"]}}),
            &[
                "\"CreateFunction20150331\" starts with it",
                "prefix",
                "Careful: that prefix also matches \"CreateFunctionUrlConfig20211031\"",
            ],
        ),
        (
            json!({"detail": {"eventName": ["runinstances"]}}),
            &["case-sensitive", "equals-ignore-case"],
        ),
        (
            json!({"detail": {"eventName": ["RunInstance"]}}),
            &["\"RunInstances\" starts with it"],
        ),
        (
            json!({"detail": {"eventName": ["RunInstancez"]}}),
            &["Did you mean \"RunInstances\""],
        ),
        (
            json!({"resources": {"ARN": ["arn:aws:iam::1:role/x"]}}),
            &["detail.resources"],
        ),
        (
            json!({"detail": {"userIdentiy": {"type": ["Root"]}}}),
            &["Did you mean `detail.userIdentity.type`"],
        ),
        (
            json!({"detail": {"missingField": [{"exists": false}]}}),
            &[],
        ),
        (
            json!({"detail": {"items": {"instanceType": ["t2.micro"]}}}),
            &[],
        ),
        (json!({"detail": {"errorCode": [null]}}), &[]),
        (
            json!({"$or": [{"source": ["aws.ec2"]}, {"detail-typ": ["x"]}]}),
            &["`detail-typ`"],
        ),
    ];
    let paths = EventPaths::collect(&events());
    for (pattern, fragments) in cases {
        let hints = teach(pattern, &paths, 2);
        let text: Vec<&str> = hints.iter().map(|h| h.message.as_str()).collect();
        if fragments.is_empty() {
            assert!(hints.is_empty(), "{pattern}: unexpected {text:?}");
        }
        for fragment in *fragments {
            assert!(
                text.iter().any(|t| t.contains(fragment)),
                "{pattern}: {fragment:?} not in {text:?}"
            );
        }
    }
}

#[test]
fn no_events_no_hints() {
    let paths = EventPaths::collect(&[]);
    assert!(teach(&json!({"eventName": ["x"]}), &paths, 0).is_empty());
}

#[test]
fn paths_flatten_arrays_and_keep_values() {
    let paths = EventPaths::collect(&events());
    let items = vec!["detail".to_string(), "items".into(), "instanceType".into()];
    assert!(paths.has(&items));
    assert_eq!(paths.values(&items).map(|v| v.len()), Some(2));
    assert!(paths.has(&["detail".to_string(), "errorCode".into()]));
}
