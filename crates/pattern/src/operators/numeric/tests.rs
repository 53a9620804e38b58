//! Table tests of numeric: ranges, number conditions together, and the forms AWS rejects.

use crate::testing::{invalid, matching};

#[test]
fn matches_numbers_in_range() {
    let cases: &[(&str, &str, bool)] = &[
        (
            r#"{"a": [{"numeric": [">", 0, "<=", 5]}]}"#,
            r#"{"a": 5}"#,
            true,
        ),
        (
            r#"{"a": [{"numeric": [">", 0, "<=", 5]}]}"#,
            r#"{"a": 0}"#,
            false,
        ),
        (
            r#"{"a": [{"numeric": [">", 0, "<=", 5]}]}"#,
            r#"{"a": 5.0000001}"#,
            false,
        ),
        (
            r#"{"a": [{"numeric": [">=", 0, "<", 5]}]}"#,
            r#"{"a": 0}"#,
            true,
        ),
        (r#"{"a": [{"numeric": ["<", 10]}]}"#, r#"{"a": -1e3}"#, true),
        (
            r#"{"a": [{"numeric": ["=", 3.018e2]}]}"#,
            r#"{"a": 301.8}"#,
            true,
        ),
        (r#"{"a": [{"numeric": ["=", 5]}]}"#, r#"{"a": "5"}"#, false),
        (
            r#"{"a": [{"numeric": [">", 5]}]}"#,
            r#"{"a": [1, 9]}"#,
            true,
        ),
        (
            r#"{"a": [{"numeric": [">", 5]}]}"#,
            r#"{"a": 1E400}"#,
            false,
        ),
    ];
    for &(pattern, event, expected) in cases {
        assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
    }
}

#[test]
fn several_number_conditions_on_one_field() {
    let cases: &[(&str, &str, bool)] = &[
        (r#"{"a": [{"numeric": [">", 5]}]}"#, r#"{"a": 5.5}"#, true),
        (r#"{"a": [{"numeric": ["<", 5]}]}"#, r#"{"a": 5.0}"#, false),
        (r#"{"a": [{"numeric": ["<=", 5]}]}"#, r#"{"a": 5.0}"#, true),
        (
            r#"{"a": [{"numeric": [">=", -1]}]}"#,
            r#"{"a": -1.0}"#,
            true,
        ),
        (r#"{"a": [{"numeric": ["<", -1]}]}"#, r#"{"a": -1.5}"#, true),
        (
            r#"{"a": [{"numeric": [">", -1, "<", 0]}]}"#,
            r#"{"a": -0.5}"#,
            true,
        ),
        (
            r#"{"a": [{"numeric": [">", 0.5, "<", 1]}]}"#,
            r#"{"a": 0.75}"#,
            true,
        ),
        (
            r#"{"a": [{"numeric": ["<", 0]}, {"numeric": [">", 10]}]}"#,
            r#"{"a": 5}"#,
            false,
        ),
        (
            r#"{"a": [{"numeric": ["<", 0]}, {"numeric": [">", 10]}]}"#,
            r#"{"a": 11}"#,
            true,
        ),
        (
            r#"{"a": [{"numeric": ["<", 0]}, {"numeric": [">", 10]}]}"#,
            r#"{"a": -1}"#,
            true,
        ),
        (
            r#"{"a": [3, {"numeric": [">", 10]}]}"#,
            r#"{"a": 3.0}"#,
            true,
        ),
        (
            r#"{"a": [{"anything-but": [1, 2]}, {"numeric": ["=", 1]}]}"#,
            r#"{"a": 1}"#,
            true,
        ),
        (
            r#"{"a": [{"anything-but": [1, 2]}, {"numeric": ["=", 1]}]}"#,
            r#"{"a": 2}"#,
            false,
        ),
        (
            r#"{"a": [{"numeric": ["<", 0]}, {"numeric": [">", 10]}]}"#,
            r#"{"a": 37.795818585593523}"#,
            false,
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
            r#"{"x": [{"numeric": 10}]}"#,
            "Value of numeric must be an array.",
            19,
        ),
        (
            r#"{"x": [{"numeric": [">", 0, ">", 0]}]}"#,
            "Bad numeric range operator: >",
            28,
        ),
        (
            r#"{"x": [{"numeric": [">", 0, "<"]}]}"#,
            "Value of < must be numeric",
            19,
        ),
        (
            r#"{"x": [{"numeric": ["=", true]}]}"#,
            "Value of equals must be numeric",
            25,
        ),
        (
            r#"{"x": [{"numeric": ["=", 1E309]}]}"#,
            "Cannot compare number : 1E309",
            25,
        ),
        (
            r#"{"x": [{"numeric": ["<>", 1]}]}"#,
            "Unrecognized numeric range operator: <>",
            20,
        ),
        (
            r#"{"x": [{"numeric": ["<", 1, ">", 0]}]}"#,
            "Too many elements in numeric expression",
            28,
        ),
        (
            r#"{"x": [{"numeric": [">", 30, "<", 1]}]}"#,
            "Bottom must be less than top",
            19,
        ),
        (
            r#"{"x": [{"numeric": [">", 1, "<", 30, false]}]}"#,
            "Too many terms in numeric range expression",
            37,
        ),
        (
            r#"{"x": [{"numeric": []}]}"#,
            "Invalid member in numeric match: ]",
            19,
        ),
        (
            r#"{"x": [{"numeric": [5]}]}"#,
            "Invalid member in numeric match: 5",
            20,
        ),
        (
            r#"{"x": [{"numeric": [">", 1], "y": 2}]}"#,
            "Too many elements in numeric expression",
            29,
        ),
    ];
    for &(pattern, message, offset) in cases {
        assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
    }
}
