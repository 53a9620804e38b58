//! Tips against loaded events: which kind each pattern gets, with or without a fix, and the
//! fix applied gives a pattern that matches what the user meant.

use eventpen_playground::{Kind, Playground, Severity};
use serde_json::{Value, json};

fn events() -> Vec<Value> {
    let call = |name: &str, error: Option<&str>, read_only: bool| {
        let mut detail = json!({"eventSource": "lambda.amazonaws.com", "eventName": name, "readOnly": read_only,
            "requestParameters": {"functionName": "f"}, "userIdentity": {"type": "IAMUser"}});
        if let Some(error) = error {
            detail["errorCode"] = json!(error);
        }
        json!({"source": "aws.lambda", "detail-type": "AWS API Call via CloudTrail", "detail": detail})
    };
    vec![
        call("CreateFunction20150331", None, false),
        call(
            "CreateFunction20150331",
            Some("AccessDeniedException"),
            false,
        ),
        call("UpdateFunctionConfiguration20150331v2", None, false),
        call("GetFunction20150331v2", None, true),
        call("DeleteFunction20150331", None, false),
    ]
}

/// The tip kinds (severity Tip) a pattern gets over the events.
fn tip_kinds(playground: &Playground, pattern: &str) -> Vec<Kind> {
    playground
        .evaluate(pattern)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Tip)
        .map(|d| d.kind)
        .collect()
}

#[test]
fn each_pattern_gets_the_tips_its_events_call_for() {
    let playground = Playground::new(events());
    // (pattern, tip kinds)
    let cases: &[(&str, &[Kind])] = &[
        (
            r#"{"detail": {"eventName": ["CreateFunction20150331"]}}"#,
            &[Kind::FailedCallsMatch],
        ),
        (
            r#"{"detail": {"eventName": ["CreateFunction"]}}"#,
            &[Kind::UsePrefix],
        ),
        (
            r#"{"detail": {"eventName": ["createfunction20150331"]}}"#,
            &[Kind::UseEqualsIgnoreCase],
        ),
        (
            r#"{"detail": {"eventName": ["DeleteFunction20150330"]}}"#,
            &[Kind::NearValue],
        ),
        (
            r#"{"eventName": ["DeleteFunction20150331"]}"#,
            &[Kind::MissingField],
        ),
        // A dotted key is the nested field: no "no event has detail.eventName".
        (r#"{"detail.eventName": ["DeleteFunction20150331"]}"#, &[]),
        // anything-but needs the field: a missing field is worth a tip.
        (
            r#"{"detail": {"nothere": [{"anything-but": "a"}]}}"#,
            &[Kind::MissingField],
        ),
        // exists:false is satisfied by a missing field: no tip.
        (
            r#"{"detail": {"nothere": [{"exists": false}]}}"#,
            &[Kind::ReadOnlyEvents, Kind::FailedCallsMatch],
        ),
        (
            r#"{"resources": {"ARN": [{"prefix": "arn:"}]}}"#,
            &[Kind::EnvelopeResources],
        ),
        (
            r#"{"detail": {"eventName": ["GetFunction20150331v2"]}}"#,
            &[Kind::ReadOnlyEvents],
        ),
        (
            r#"{"detail": {"eventName": ["CreateFunction20150331"], "errorCode": [{"exists": false}]}}"#,
            &[],
        ),
    ];
    for (pattern, kinds) in cases {
        assert_eq!(tip_kinds(&playground, pattern), *kinds, "{pattern}");
    }
}

#[test]
fn fixes_apply_as_one_edit_and_match_what_was_meant() {
    let playground = Playground::new(events());
    // (pattern, tip kind, matches after the fix)
    let cases = [
        (
            r#"{"detail": {"eventName": ["CreateFunction"]}}"#,
            Kind::UsePrefix,
            2,
        ),
        (
            r#"{"detail": {"eventName": ["createfunction20150331"]}}"#,
            Kind::UseEqualsIgnoreCase,
            2,
        ),
        (
            r#"{"detail": {"eventName": ["DeleteFunction20150330"]}}"#,
            Kind::NearValue,
            1,
        ),
        (
            r#"{"eventName": ["DeleteFunction20150331"]}"#,
            Kind::MissingField,
            1,
        ),
        (
            r#"{"detail": {"eventName": ["CreateFunction20150331"]}}"#,
            Kind::FailedCallsMatch,
            1,
        ),
        (
            r#"{"source": ["aws.lambda"], "detail.eventName": [{"prefix": "Create"}]}"#,
            Kind::FailedCallsMatch,
            1,
        ),
    ];
    for (pattern, kind, matched) in cases {
        let evaluation = playground.evaluate(pattern);
        let tip = evaluation
            .diagnostics
            .iter()
            .find(|d| d.kind == kind)
            .unwrap_or_else(|| panic!("{pattern}: no {kind} tip"));
        let fixed = tip
            .suggestion
            .as_ref()
            .and_then(|s| s.apply(pattern))
            .unwrap_or_else(|| panic!("{pattern}: the {kind} tip has a fix"));
        let after = playground.evaluate(&fixed);
        assert!(after.checked.errors.is_empty(), "{fixed}");
        assert_eq!(after.matched(), matched, "{fixed}");
    }
}

#[test]
fn warnings_the_events_disprove_are_dropped() {
    let events = vec![json!({"detail": {"ipProtocol": "-1", "port": 22}})];
    let playground = Playground::new(events);
    // (pattern, number-as-string warning kept)
    let cases = [
        (r#"{"detail": {"ipProtocol": ["-1"]}}"#, false),
        (
            r#"{"$or": [{"detail": {"ipProtocol": ["-1"]}}, {"source": ["x"]}]}"#,
            false,
        ),
        (r#"{"detail": {"port": ["22"]}}"#, true),
    ];
    for (pattern, kept) in cases {
        let has = playground
            .evaluate(pattern)
            .diagnostics
            .iter()
            .any(|d| d.kind == Kind::NumberAsString);
        assert_eq!(has, kept, "{pattern}");
    }
}

#[test]
fn a_missing_field_is_never_renamed_to_its_parent() {
    let playground = Playground::new(events());
    let evaluation = playground.evaluate(r#"{"detail": {"x": [{"anything-but": "a"}]}}"#);
    let tip = evaluation
        .diagnostics
        .iter()
        .find(|d| d.kind == Kind::MissingField);
    assert_eq!(
        tip.map(|t| t.message.as_str()),
        Some("No loaded event has `detail.x`.")
    );
    assert!(tip.is_some_and(|t| t.suggestion.is_none()));
}

#[test]
fn no_events_no_tips() {
    let playground = Playground::new(Vec::new());
    assert!(tip_kinds(&playground, r#"{"eventName": ["x"]}"#).is_empty());
}
