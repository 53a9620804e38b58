//! A YAML writer for JSON values, careful that every scalar reads back as what it was.
//!
//! CloudFormation and the Serverless Framework read YAML with YAML 1.1-era rules, where
//! `yes`, `on`, `n`, `~` and `1:30` are not strings; YAML 1.2 parsers read `1e5` as a
//! number. So a string is written plain only when it starts with a letter, `_` or `/`, holds
//! only letters, digits, spaces and `_ . / - ( ) @ +` (or `:` not followed by a space), has
//! no leading or trailing space, and is not one of the 1.1 booleans or nulls; anything else
//! is double-quoted with escapes. Numbers keep their JSON text unless YAML 1.1 would not read
//! it as a number (`1e5`, `2E-3`): those get a `.0` mantissa and a signed exponent, the same value.

use serde_json::{Map, Number, Value};

/// Options for the writer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YamlStyle {
    /// Write CloudFormation intrinsics in short form: `{"Ref": "X"}` as `!Ref X`,
    /// `{"Fn::GetAtt": ["X", "Arn"]}` as `!GetAtt X.Arn`, `{"Fn::Sub": "…"}` as `!Sub …`.
    pub cfn_short_tags: bool,
}

/// The YAML document for `value` (a mapping or a sequence at the top), ending with a newline.
pub fn to_yaml(value: &Value, style: YamlStyle) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_entries(&mut out, map, 0, style),
        Value::Array(items) if !items.is_empty() => write_items(&mut out, items, 0, style),
        other => {
            out.push_str(&inline(other, style).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// The one-line form of `value`, if it has one: a scalar, an empty collection, or (with
/// `cfn_short_tags`) an intrinsic function.
fn inline(value: &Value, style: YamlStyle) -> Option<String> {
    match value {
        Value::Null => Some("null".to_owned()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number_text(number)),
        Value::String(text) => Some(string(text)),
        Value::Array(items) if items.is_empty() => Some("[]".to_owned()),
        Value::Object(map) if map.is_empty() => Some("{}".to_owned()),
        Value::Object(map) if style.cfn_short_tags => short_tag(map),
        _ => None,
    }
}

fn short_tag(map: &Map<String, Value>) -> Option<String> {
    if map.len() != 1 {
        return None;
    }
    let (key, value) = map.iter().next()?;
    match (key.as_str(), value) {
        ("Ref", Value::String(name)) => Some(format!("!Ref {}", string(name))),
        ("Fn::Sub", Value::String(text)) => Some(format!("!Sub {}", string(text))),
        ("Fn::GetAtt", Value::Array(parts)) => match &parts[..] {
            [Value::String(resource), Value::String(attribute)]
                if !resource.contains('.') && is_plain(resource) && is_plain(attribute) =>
            {
                Some(format!("!GetAtt {resource}.{attribute}"))
            }
            _ => None,
        },
        _ => None,
    }
}

fn indent(out: &mut String, columns: usize) {
    out.extend(std::iter::repeat_n(' ', columns));
}

/// YAML limits an implicit (`key:`) key to 1024 characters; longer keys use `? key` / `: value`.
const MAX_IMPLICIT_KEY: usize = 1000;

fn write_entries(out: &mut String, map: &Map<String, Value>, column: usize, style: YamlStyle) {
    for (key, value) in map {
        indent(out, column);
        let key = string(key);
        if key.chars().count() > MAX_IMPLICIT_KEY {
            out.push_str("? ");
            out.push_str(&key);
            out.push('\n');
            indent(out, column);
        } else {
            out.push_str(&key);
        }
        out.push(':');
        write_after_indicator(out, value, column, style);
    }
}

fn write_items(out: &mut String, items: &[Value], column: usize, style: YamlStyle) {
    for item in items {
        indent(out, column);
        out.push('-');
        match inline(item, style) {
            Some(text) => {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            }
            None => {
                // A collection inside a sequence starts on the dash's line: write it two
                // columns in, then pull its first line up next to the dash.
                let mut nested = String::new();
                match item {
                    Value::Object(map) => write_entries(&mut nested, map, column + 2, style),
                    Value::Array(inner) => write_items(&mut nested, inner, column + 2, style),
                    _ => {}
                }
                out.push(' ');
                out.push_str(&nested[column + 2..]);
            }
        }
    }
}

fn write_after_indicator(out: &mut String, value: &Value, column: usize, style: YamlStyle) {
    if let Some(text) = inline(value, style) {
        out.push(' ');
        out.push_str(&text);
        out.push('\n');
        return;
    }
    out.push('\n');
    match value {
        Value::Object(map) => write_entries(out, map, column + 2, style),
        Value::Array(items) => write_items(out, items, column + 2, style),
        _ => {}
    }
}

/// Words YAML 1.1 reads as booleans or null (compared ignoring case, to be safe).
const RESERVED: [&str; 10] = [
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
];

/// True when `text` can be written as a plain scalar and read back as the same string by
/// YAML 1.1 and 1.2 parsers (see the module doc).
pub fn is_plain(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || first == '_' || first == '/') {
        return false;
    }
    if text.ends_with(' ') || RESERVED.contains(&text.to_ascii_lowercase().as_str()) {
        return false;
    }
    while let Some(c) = chars.next() {
        let ok = match c {
            ':' => chars.peek().is_some_and(|next| *next != ' '),
            c => {
                c.is_ascii_alphanumeric()
                    || matches!(c, ' ' | '_' | '.' | '/' | '-' | '(' | ')' | '@' | '+')
            }
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A string scalar: plain when [`is_plain`], else double-quoted with YAML escapes
/// (non-ASCII printable characters stay as they are).
pub fn string(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c if c.is_control() => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number's JSON text, made readable as a number by YAML 1.1 when it is not already.
pub fn number_text(number: &Number) -> String {
    let text = number.to_string();
    let Some(at) = text.find(['e', 'E']) else {
        return text;
    };
    let (mantissa, exponent) = text.split_at(at);
    let (marker, digits) = exponent.split_at(1);
    let mantissa = if mantissa.contains('.') {
        mantissa.to_owned()
    } else {
        format!("{mantissa}.0")
    };
    let digits = if digits.starts_with(['+', '-']) {
        digits.to_owned()
    } else {
        format!("+{digits}")
    };
    format!("{mantissa}{marker}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_quote_only_when_needed() {
        let cases = [
            ("aws.ec2", "aws.ec2"),
            (
                "EC2 Instance State-change Notification",
                "EC2 Instance State-change Notification",
            ),
            (
                "arn:aws:sns:us-east-1:111122223333:alerts",
                "arn:aws:sns:us-east-1:111122223333:alerts",
            ),
            ("AWS::Events::Rule", "AWS::Events::Rule"),
            ("yes", "\"yes\""),
            ("No", "\"No\""),
            ("ON", "\"ON\""),
            ("y", "\"y\""),
            ("null", "\"null\""),
            ("~", "\"~\""),
            ("1.0", "\"1.0\""),
            ("0x1", "\"0x1\""),
            ("2010-09-09", "\"2010-09-09\""),
            ("1:30", "\"1:30\""),
            ("*", "\"*\""),
            ("*.png", "\"*.png\""),
            (":", "\":\""),
            ("a: b", "\"a: b\""),
            ("a:", "\"a:\""),
            ("a #b", "\"a #b\""),
            (" lead", "\" lead\""),
            ("trail ", "\"trail \""),
            ("", "\"\""),
            ("$or", "\"$or\""),
            ("détail", "\"détail\""),
            ("it's", "\"it's\""),
            ("say \"hi\"\n", "\"say \\\"hi\\\"\\n\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("bell\u{7}", "\"bell\\x07\""),
            ("nel\u{85}", "\"nel\\u0085\""),
            ("-dash", "\"-dash\""),
            ("!tag", "\"!tag\""),
            ("&anchor", "\"&anchor\""),
            ("@at", "\"@at\""),
            ("%pct", "\"%pct\""),
            ("{a}", "\"{a}\""),
        ];
        for (text, want) in cases {
            assert_eq!(string(text), want, "{text:?}");
        }
    }

    #[test]
    fn numbers_stay_numbers_in_yaml_1_1() {
        let cases = [
            ("300", "300"),
            ("300.0", "300.0"),
            ("-1.5", "-1.5"),
            ("1e5", "1.0e+5"),
            ("2E-3", "2.0e-3"),
            ("1.5e+2", "1.5e+2"),
            ("12345678901234567890", "12345678901234567890"),
        ];
        for (text, want) in cases {
            let number: Number = serde_json::from_str(text).unwrap();
            assert_eq!(number_text(&number), want, "{text}");
        }
    }

    #[test]
    fn long_keys_are_explicit() {
        let long = "k".repeat(1001);
        let value = json!({ long.clone(): ["v"], "short": [1] });
        let want = format!("? {long}\n:\n  - v\nshort:\n  - 1\n");
        assert_eq!(to_yaml(&value, YamlStyle::default()), want);
    }

    #[test]
    fn block_layout() {
        let value = json!({
            "a": [1, "x", {"b": [true, null], "c": {}}],
            "d": {"e": [[1, 2], []]},
            "f": {"Ref": "Topic"},
            "g": {"Fn::GetAtt": ["Rule", "Arn"]}
        });
        let want = "\
a:
  - 1
  - x
  - b:
      - true
      - null
    c: {}
d:
  e:
    - - 1
      - 2
    - []
f: !Ref Topic
g: !GetAtt Rule.Arn
";
        assert_eq!(
            to_yaml(
                &value,
                YamlStyle {
                    cfn_short_tags: true
                }
            ),
            want
        );
        let long = to_yaml(&value, YamlStyle::default());
        assert!(long.contains("f:\n  Ref: Topic\n"), "{long}");
    }
}
