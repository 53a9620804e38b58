//! JSON text for patterns, keeping the user's key order and number text.
//!
//! The workspace's serde_json has `preserve_order` and `arbitrary_precision`, so writing a
//! `Value` gives back each number exactly as the user typed it (`300.0` stays `300.0`).

use serde_json::Value;
use serde_json::ser::Formatter;
use std::io;

/// The pattern on one line with `", "` and `": "` separators, as the AWS docs print patterns:
/// `{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}`.
///
/// The space after the first key's colon matters for PowerShell 5.1 (see `quote`): it makes
/// PowerShell wrap the argument in quotes, so spaces inside values stay inside one argument.
pub fn one_line(value: &Value) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SpacedFormatter);
    // Writing a Value into a Vec cannot fail: no I/O, and every key is a string.
    if serde::Serialize::serialize(value, &mut serializer).is_err() {
        return value.to_string();
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
}

/// The pattern indented by two spaces, as it is saved in `pattern.json`.
pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// A JSON string literal for `text` (quotes and escapes included).
pub fn string_literal(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

struct SpacedFormatter;

impl Formatter for SpacedFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
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
