//! Table tests of the reader: spans, escapes, Jackson's syntax errors, partial trees.

use super::*;

fn error_of(text: &str) -> (usize, String) {
    let doc = read(text);
    let error = doc.error.unwrap_or(SyntaxError {
        offset: usize::MAX,
        message: String::new(),
    });
    (error.offset, error.message)
}

#[test]
fn keeps_spans_number_text_and_repeated_keys() {
    let doc = read(r#"{"a": [3.018e2, "x"], "a": {"b": null}}"#);
    assert_eq!(doc.error, None);
    let Some(Node {
        json: Json::Object(members),
        span,
        closed: true,
    }) = doc.root
    else {
        panic!("not an object");
    };
    assert_eq!(span, 0..39);
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].key_span, 1..4);
    let Json::Array(items) = &members[0].value.json else {
        panic!("not an array")
    };
    assert_eq!(items[0].json, Json::Number("3.018e2".into()));
    assert_eq!(items[0].span, 7..14);
    assert_eq!(items[1].json, Json::String("x".into()));
}

#[test]
fn decodes_escapes() {
    let doc = read(r#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#);
    let Some(Node {
        json: Json::Array(items),
        ..
    }) = doc.root
    else {
        panic!()
    };
    assert_eq!(items[0].json, Json::String("a\"b\\c/\né😀".into()));
}

#[test]
fn syntax_errors_use_jacksons_words() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "this is it",
            0,
            "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        ),
        (
            "{'bad': 1}",
            1,
            "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
        ),
        (
            r#"{"a": [1, 2 3]}"#,
            12,
            "Unexpected character ('3' (code 51)): was expecting comma to separate Array entries",
        ),
        (
            r#"{"a" 1}"#,
            5,
            "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
        ),
        (
            r#"{"a": 1 "b": 2}"#,
            8,
            "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
        ),
        (
            r#"{"a": "x}"#,
            9,
            "Unexpected end-of-input: was expecting closing quote for a string value",
        ),
        (
            r#"{"a": ["1" }"#,
            11,
            "Unexpected close marker '}': expected ']' (for Array starting at [Source: (String)\"{\"a\": [\"1\" }\"; line: 1, column: 7])",
        ),
        (
            r#"{"a": ]"#,
            6,
            "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        ),
        (
            r#"{"a": [01]}"#,
            7,
            "Invalid numeric value: Leading zeroes not allowed",
        ),
        (
            r#"{"a": [-x]}"#,
            8,
            "Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value",
        ),
        (
            r#"{"a": ["\q"]}"#,
            9,
            "Unrecognized character escape 'q' (code 113)",
        ),
        (
            "{\"a\": [\"\n\"]}",
            8,
            "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value",
        ),
        (
            "{\"a\": [1",
            8,
            "Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)\"{\"a\": [1\"; line: 1, column: 7])",
        ),
        (
            "{",
            1,
            "Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\"; line: 1, column: 1])",
        ),
    ];
    for &(text, offset, message) in cases {
        assert_eq!(error_of(text), (offset, message.to_string()), "{text}");
    }
}

#[test]
fn keeps_what_was_read_before_a_syntax_error() {
    let doc = read(r#"{"a": [ { "prefix": [1, 2 3] } ] }"#);
    let Some(Node {
        json: Json::Object(members),
        closed: false,
        ..
    }) = doc.root
    else {
        panic!("expected a partial object");
    };
    assert_eq!(members[0].key, "a");
    assert!(!members[0].value.closed);
}

#[test]
fn notes_trailing_text_and_blank_input() {
    assert_eq!(read(r#"{"a": ["b"]} x"#).trailing, Some(13));
    assert_eq!(read("  ").root, None);
}
