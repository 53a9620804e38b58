//! Table tests of anything-but: what it matches and the forms AWS rejects.

use crate::testing::{invalid, matching};

#[test]
fn matches_everything_but_the_exclusions() {
    let cases: &[(&str, &str, bool)] = &[
        (r#"{"a": [{"anything-but": "x"}]}"#, r#"{"a": "y"}"#, true),
        (r#"{"a": [{"anything-but": "x"}]}"#, r#"{"a": "x"}"#, false),
        (r#"{"a": [{"anything-but": "x"}]}"#, r#"{}"#, false),
        (r#"{"a": [{"anything-but": "x"}]}"#, r#"{"a": 5}"#, true),
        (
            r#"{"a": [{"anything-but": ["x", "y"]}]}"#,
            r#"{"a": "y"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": [1, 2]}]}"#,
            r#"{"a": 2.0}"#,
            false,
        ),
        (r#"{"a": [{"anything-but": [1, 2]}]}"#, r#"{"a": 3}"#, true),
        (r#"{"a": [{"anything-but": 5}]}"#, r#"{"a": "5"}"#, true),
        (
            r#"{"a": [{"anything-but": {"prefix": "in"}}]}"#,
            r#"{"a": "init"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": ["in", "te"]}}]}"#,
            r#"{"a": "test"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": "in"}}]}"#,
            r#"{"a": "out"}"#,
            true,
        ),
        (
            r#"{"a": [{"anything-but": {"suffix": ".png"}}]}"#,
            r#"{"a": "x.png"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": {"equals-ignore-case": "X"}}]}"#,
            r#"{"a": "x"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": {"equals-ignore-case": ["X", "Y"]}}]}"#,
            r#"{"a": "z"}"#,
            true,
        ),
        (
            r#"{"a": [{"anything-but": {"wildcard": "*/lib/*"}}]}"#,
            r#"{"a": "/usr/lib/x"}"#,
            false,
        ),
        (
            r#"{"a": [{"anything-but": {"wildcard": "*/lib/*"}}]}"#,
            r#"{"a": "/usr/bin/x"}"#,
            true,
        ),
    ];
    for &(pattern, event, expected) in cases {
        assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
    }
}

#[test]
fn rejects_bad_forms() {
    let cases: &[(&str, &str, usize)] = &[
        (
            r#"{"a": [{"anything-but": null}]}"#,
            "Value of anything-but must be an array or single string/number value.",
            24,
        ),
        (
            r#"{"a": [{"anything-but": ["x", null]}]}"#,
            "Inside anything but list, start|null|boolean is not supported.",
            30,
        ),
        (
            r#"{"a": [{"anything-but": ["x", 1]}]}"#,
            "Inside anything but list, either all values are number or string, mixed type is not supported",
            24,
        ),
        (
            r#"{"a": [{"anything-but": []}]}"#,
            "Inside anything but list, either all values are number or string, mixed type is not supported",
            24,
        ),
        (
            r#"{"a": [{"anything-but": "x", "b": 1}]}"#,
            "Too many elements in numeric expression",
            29,
        ),
        (
            r#"{"a": [{"anything-but": {"foo": 3}}]}"#,
            "Unsupported anything-but pattern: foo",
            25,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": ""}}]}"#,
            "Null prefix/suffix not allowed",
            35,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": 1}}]}"#,
            "prefix/suffix match pattern must be a string",
            35,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": "x", "y": 1}}]}"#,
            "Too many elements in numeric expression",
            40,
        ),
        (
            r#"{"a": [{"anything-but": {"prefix": {"equals-ignore-case": "x"}}}]}"#,
            "Value of anything-but must be an array or single string/number value.",
            35,
        ),
        (
            r#"{"a": [{"anything-but": {"equals-ignore-case": 1}}]}"#,
            "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
            47,
        ),
        (
            r#"{"a": [{"anything-but": {"wildcard": ["x", "a**"]}}]}"#,
            "Consecutive wildcard characters at pos 2",
            43,
        ),
    ];
    for &(pattern, message, offset) in cases {
        assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
    }
}
