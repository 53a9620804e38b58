//! Table tests of the warnings.

use crate::check;

fn codes(pattern: &str) -> Vec<&'static str> {
    let checked = check(pattern);
    assert!(checked.errors.is_empty(), "{pattern}: {:?}", checked.errors);
    checked.warnings.iter().map(|w| w.code()).collect()
}

#[test]
fn warns_about_likely_mistakes() {
    let cases: &[(&str, &[&str])] = &[
        (r#"{"source": ["aws.ec2"]}"#, &[]),
        (r#"{"detail": {"count": ["5"]}}"#, &["number-as-string"]),
        (r#"{"account": ["123456789012"]}"#, &[]),
        (r#"{"detail": {"Keys": {"Id": {"N": ["5"]}}}}"#, &[]),
        (r#"{"account": [123456789012]}"#, &["never-matches"]),
        (r#"{"source": [{"numeric": [">", 1]}]}"#, &["never-matches"]),
        (
            r#"{"a": [{"exists": true}, {"exists": false}]}"#,
            &["always-matches"],
        ),
        (
            r#"{"a": ["x", {"anything-but": "x"}]}"#,
            &["always-matches"],
        ),
        (
            r#"{"a": [{"equals-ignore-case": "123"}]}"#,
            &["ignore-case-without-letters"],
        ),
        (r#"{"a": [" x"]}"#, &["surrounding-space"]),
        (
            r#"{"eventName": ["RunInstances"]}"#,
            &["cloudtrail-field-at-top"],
        ),
        (r#"{"detail": {"eventName": ["RunInstances"]}}"#, &[]),
        (
            r#"{"detail": {"resources": ["arn:x"]}}"#,
            &["detail-resources"],
        ),
        (r#"{"detailType": ["x"]}"#, &["envelope-field-spelling"]),
        (
            r#"{"detail-type": ["AWS API Call via CloudTrail"], "resources": ["arn:aws:s3:::b"]}"#,
            &["cloudtrail-resources"],
        ),
        (
            r#"{"detail-type": ["Object Created"], "resources": ["arn:aws:s3:::b"]}"#,
            &[],
        ),
        (r#"{"a": ["x"], "a": ["y"]}"#, &["duplicate-key"]),
        (r#"{"a": {"b": ["x"]}, "a": {"c": ["y"]}}"#, &[]),
        (r#"{"a.b": ["x"], "a": {"b": ["y"]}}"#, &["duplicate-key"]),
        (
            r#"{"a": ["x"], "$or": [{"a": ["y"]}, {"b": ["z"]}]}"#,
            &["duplicate-key"],
        ),
        (
            r#"{"a": [{"wildcard": "abc"}]}"#,
            &["wildcard-without-star"],
        ),
        (r#"{"a": [{"prefix": ""}]}"#, &["always-matches"]),
        (
            r#"{"a": [{"numeric": ["<", 6e9]}]}"#,
            &["numeric-range-limit"],
        ),
        (r#"{"detail": [{"exists": true}]}"#, &["never-matches"]),
        (r#"{"a": ["x"]} trailing"#, &["trailing-text"]),
    ];
    for &(pattern, expected) in cases {
        assert_eq!(codes(pattern), expected, "{pattern}");
    }
}
