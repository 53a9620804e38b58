//! JSON text for patterns, keeping the user's key order and number text.
//!
//! The workspace's serde_json has `preserve_order` and `arbitrary_precision`, so writing a
//! `Value` gives back each number exactly as the user typed it (`300.0` stays `300.0`).

use serde_json::Value;

/// The pattern on one line, as the AWS docs print patterns, and pretty-printed the one way
/// EventPen writes patterns (the editor, the builder and `pattern.json` agree).
pub use eventpen_pattern::pretty::{one_line, pretty};

/// A JSON string literal for `text` (quotes and escapes included).
pub fn string_literal(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_keeps_order_and_number_text() {
        let cases = [
            (r#"{"b":[1],"a":[300.0]}"#, r#"{"b": [1], "a": [300.0]}"#),
            // serde_json (arbitrary_precision) writes exponents with a sign: 1e2 → 1e+2.
            (
                r#"{"x":{"y":[{"numeric":[">",1e2]}]}}"#,
                r#"{"x": {"y": [{"numeric": [">", 1e+2]}]}}"#,
            ),
            (
                r#"{"s":["it's \"q\" é \n"]}"#,
                r#"{"s": ["it's \"q\" é \n"]}"#,
            ),
            (r#"{}"#, r#"{}"#),
        ];
        for (input, want) in cases {
            let value: Value = serde_json::from_str(input).unwrap();
            assert_eq!(one_line(&value), want);
        }
    }
}
