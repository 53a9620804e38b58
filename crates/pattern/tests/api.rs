//! The public API as the app and the CLI use it: diagnostics (code, message, span,
//! line:column, path), compile, fields, matches_json, check_test_event.

use eventpen_pattern::{
    LineColumn, MAX_PATTERN_LENGTH, Severity, check, check_test_event, compile,
};

#[test]
fn errors_carry_code_message_place_and_path() {
    // (pattern, code, message, line, column, path)
    let cases: &[(&str, &str, &str, usize, usize, &str)] = &[
        (
            "{\n  \"source\": \"aws.ec2\"\n}",
            "scalar-leaf",
            "\"source\" must be an object or an array",
            2,
            13,
            "source",
        ),
        (
            "{\"detail\": {\"eventName\": [{\"prefix\": 5}]}}",
            "operand-type",
            "prefix match pattern must be a string",
            1,
            38,
            "detail.eventName[0].prefix",
        ),
        (
            "{\"a\": [{\"nope\": 1}]}",
            "unknown-operator",
            "Unrecognized match type nope",
            1,
            9,
            "a[0]",
        ),
        (
            "{\"a\": [\"x\",]}",
            "json-syntax",
            "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            1,
            12,
            "a[1]",
        ),
        (
            "{\n\n  'a': 1}",
            "json-syntax",
            "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
            3,
            3,
            "",
        ),
        ("", "not-an-object", "Filter is not an object", 1, 1, ""),
        (
            "{\"$or\": [{\"a\": [\"1\"]}]}",
            "or-too-few",
            "There must have at least 2 Objects in $or relationship.",
            1,
            9,
            "$or",
        ),
        (
            "{\"$or\": {\"a\": [\"1\"]}}",
            "or-not-array",
            "It must be an Array followed with $or.",
            1,
            9,
            "$or",
        ),
        (
            "{\"$or\": [{\"prefix\": [\"1\"]}, {\"b\": [\"2\"]}]}",
            "reserved-field",
            "prefix is Ruler reserved fieldName which cannot be used inside $or.",
            1,
            11,
            "",
        ),
    ];
    for &(pattern, code, message, line, column, path) in cases {
        let checked = check(pattern);
        assert!(checked.pattern.is_none(), "{pattern}");
        let error = &checked.errors[0];
        assert_eq!(
            (
                error.code(),
                error.message.as_str(),
                error.position,
                error.path.to_string().as_str(),
                error.severity
            ),
            (
                code,
                message,
                LineColumn { line, column },
                path,
                Severity::Error
            ),
            "{pattern}"
        );
        assert_eq!(compile(pattern).err().as_deref(), Some(error), "{pattern}");
    }
}

#[test]
fn refuses_patterns_longer_than_aws_allows() {
    let long = format!("{{\"a\": [\"{}\"]}}", "x".repeat(MAX_PATTERN_LENGTH));
    let checked = check(&long);
    assert_eq!(checked.errors[0].code(), "too-long");
    let just_fits = format!("{{\"a\": [\"{}\"]}}", "x".repeat(MAX_PATTERN_LENGTH - 11));
    assert_eq!(just_fits.chars().count(), MAX_PATTERN_LENGTH);
    assert!(check(&just_fits).errors.is_empty());
}

#[test]
fn lists_the_fields_a_pattern_reads() {
    let pattern = compile(
        r#"{"source": ["s"], "detail": {"a.b": ["x"], "$or": [{"c": ["1"]}, {"d": {"e": ["2"]}}]}}"#,
    );
    let fields = pattern.map(|p| p.fields()).unwrap_or_default();
    let expected: Vec<Vec<&str>> = vec![
        vec!["source"],
        vec!["detail", "a.b"],
        vec!["detail", "c"],
        vec!["detail", "d", "e"],
    ];
    assert_eq!(fields, expected);
}

#[test]
fn matches_json_agrees_with_matches_and_reports_bad_json() {
    let Ok(pattern) =
        compile(r#"{"detail": {"n": [{"numeric": [">", 1]}], "s": [{"prefix": "a"}]}}"#)
    else {
        panic!("valid pattern");
    };
    let cases: &[(&str, Option<bool>)] = &[
        (
            r#"{"detail": {"n": 2, "s": "abc"}, "other": [1, {"x": [true, null, "\u00e9"]}]}"#,
            Some(true),
        ),
        (
            r#"{"detail": {"n": [0, 5.5e0], "s": ["zz", "a\n"]}}"#,
            Some(true),
        ),
        (r#"{"detail": {"n": 1, "s": "abc"}}"#, Some(false)),
        (r#"{"detail.n": 3, "detail": {"s": "a"}}"#, Some(true)),
        (r#"{"detail": {"n": 2, "s": "abc"}, "other": [1,]}"#, None),
        // Read as event-ruler reads events: nothing after the closing brace is read.
        (r#"{"detail": {"n": 2, "s": "abc"}} trailing"#, Some(true)),
        (r#"[{"detail": {"n": 2, "s": "abc"}}]"#, None),
        (r#"not json"#, None),
    ];
    for &(event, expected) in cases {
        let by_bytes = pattern.matches_json(event.as_bytes()).ok();
        assert_eq!(by_bytes, expected, "{event}");
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(event)
            && value.is_object()
        {
            assert_eq!(Some(pattern.matches(&value)), expected, "{event}");
        }
    }
}

#[test]
fn test_event_needs_the_envelope() {
    let ok = r#"{"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d", "detail": {}}"#;
    assert!(check_test_event(ok).is_ok());
    let missing = check_test_event(r#"{"id": "1"}"#).err().unwrap_or_default();
    assert!(
        missing.starts_with("Parameter Event is not valid."),
        "{missing}"
    );
}

#[test]
fn warnings_are_separate_and_keep_the_pattern() {
    let checked = check(r#"{"eventName": ["RunInstances"]}"#);
    assert!(checked.errors.is_empty());
    assert!(checked.pattern.is_some());
    assert_eq!(checked.warnings[0].severity, Severity::Warning);
    assert_eq!(checked.warnings[0].code(), "cloudtrail-field-at-top");
    assert_eq!(checked.warnings[0].path, "eventName");
}
