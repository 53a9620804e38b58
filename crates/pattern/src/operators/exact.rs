//! Exact values: `"source": ["aws.ec2"]`, `[300]`, `[true]`, `[null]`, `[""]`, and the
//! `{"exactly": "…"}` operator form.
//!
//! Values compare by type: the string `"5"` never equals the number `5`. Numbers compare by
//! value when a double holds both exactly (`300` equals `300.0`), otherwise by their text.
//! A string that is an IP address compares as an address, as event-ruler turns it into a
//! one-address range (`"2001:db8::1"` equals `"2001:0db8:0:0:0:0:0:1"`); like every
//! event-ruler range it compares hex digits, so `"10.0.0.1"` also equals `"a00:1::"`.

use super::cidr::{self, Ip};
use super::{quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::number::{approximate, comparable, is_exact};
use crate::reader::{Json, Node};

/// The operator name of the explicit form.
pub(crate) const OPERATOR: &str = "exactly";

/// An exact value to match.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Exact {
    String { text: String, ip: Option<Ip> },
    Number { text: String, value: Option<f64> },
    Bool(bool),
    Null,
}

impl Exact {
    /// The exact match for a plain value in a leaf array.
    pub(crate) fn from_json(json: &Json) -> Exact {
        match json {
            Json::String(s) => Exact::string(s),
            Json::Number(text) => Exact::Number {
                text: text.clone(),
                value: comparable(text),
            },
            Json::Bool(b) => Exact::Bool(*b),
            _ => Exact::Null,
        }
    }

    fn string(s: &str) -> Exact {
        Exact::String {
            text: s.to_string(),
            ip: cidr::parse_ip(s),
        }
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        match (self, value) {
            (Exact::String { text, ip }, Scalar::Str(s)) => {
                s == text
                    || ip.is_some_and(|ip| {
                        cidr::parse_ip(s).is_some_and(|found| cidr::same_address(ip, found))
                    })
            }
            (
                Exact::Number {
                    text,
                    value: wanted,
                },
                Scalar::Num(found),
            ) => {
                found == text
                    || wanted.is_some_and(|w| approximate(found) == Some(w) && is_exact(found, w))
            }
            (Exact::Bool(b), Scalar::Bool(v)) => *b == v,
            (Exact::Null, Scalar::Null) => true,
            _ => false,
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Exact::String { text, .. } => quoted(text),
            Exact::Number { text, .. } => text.clone(),
            Exact::Bool(b) => b.to_string(),
            Exact::Null => "null".to_string(),
        }
    }
}

/// `{"exactly": "…"}`.
pub(crate) fn parse_operand(
    ctx: &mut Ctx,
    operand: &Node,
    path: &str,
) -> Result<super::Matcher, Stop> {
    let text = string_operand(ctx, operand, "exact match pattern must be a string", path)?;
    Ok(super::Matcher::Exact(Exact::string(text)))
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_by_type_and_value() {
        let cases: &[(&str, &str, bool)] = &[
            (r#"{"a": ["x"]}"#, r#"{"a": "x"}"#, true),
            (r#"{"a": ["x"]}"#, r#"{"a": "X"}"#, false),
            (r#"{"a": ["x", "y"]}"#, r#"{"a": "y"}"#, true),
            (r#"{"a": ["5"]}"#, r#"{"a": 5}"#, false),
            (r#"{"a": [5]}"#, r#"{"a": "5"}"#, false),
            (r#"{"a": [300]}"#, r#"{"a": 300.0}"#, true),
            (r#"{"a": [3.0e2]}"#, r#"{"a": 300}"#, true),
            (r#"{"a": [300]}"#, r#"{"a": 300.5}"#, false),
            (r#"{"a": [true]}"#, r#"{"a": true}"#, true),
            (r#"{"a": [true]}"#, r#"{"a": "true"}"#, false),
            (r#"{"a": [null]}"#, r#"{"a": null}"#, true),
            (r#"{"a": [null]}"#, r#"{}"#, false),
            (r#"{"a": [""]}"#, r#"{"a": ""}"#, true),
            (r#"{"a": [""]}"#, r#"{"a": null}"#, false),
            (r#"{"a": ["x"]}"#, r#"{"a": ["y", "x"]}"#, true),
            (r#"{"a": [{"exactly": "x"}]}"#, r#"{"a": "x"}"#, true),
            (
                r#"{"a": ["2001:db8::1"]}"#,
                r#"{"a": "2001:0db8:0:0:0:0:0:1"}"#,
                true,
            ),
            (r#"{"a": {"b": ["x"]}}"#, r#"{"a": {"b": "x"}}"#, true),
            (r#"{"a.b": ["x"]}"#, r#"{"a": {"b": "x"}}"#, true),
            (r#"{"a": {"b": ["x"]}}"#, r#"{"a.b": "x"}"#, true),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn rejects_bad_forms() {
        let cases: &[(&str, &str, usize)] = &[
            (
                r#"{"a": [{"exactly": 33}]}"#,
                "exact match pattern must be a string",
                19,
            ),
            (r#"{"a": "x"}"#, "\"a\" must be an object or an array", 6),
            (r#"{"a": []}"#, "Empty arrays are not allowed", 6),
            (r#"{"a": {}}"#, "Empty objects are not allowed", 6),
            (
                r#"{"a": [["x"]]}"#,
                "Match value must be String, number, true, false, or null",
                7,
            ),
            (r#"["a"]"#, "Filter is not an object", 0),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
