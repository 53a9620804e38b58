//! `{"exists": true}` / `{"exists": false}`: whether the field has a value.
//!
//! Only leaves count: a field whose value is an object has no value of its own, so
//! `exists: true` on it does not match (AWS-verified). `exists: false` matches when no value
//! is found — inside arrays of objects, none in the same array element as the other fields.

use super::Matcher;
use crate::compile::{Ctx, Stop};
use crate::reader::{Json, Node};

/// The operator name.
pub(crate) const OPERATOR: &str = "exists";

/// Reads the operand: `true` or `false` only.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    match operand.json {
        Json::Bool(b) => Ok(Matcher::Exists(b)),
        Json::Incomplete => Err(Stop::Syntax),
        _ => Err(ctx.problem(
            operand.span.clone(),
            operand.span.start,
            "operand-type",
            "exists match pattern must be either true or false.",
            path,
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_presence_of_leaf_values() {
        let cases: &[(&str, &str, bool)] = &[
            (r#"{"a": [{"exists": true}]}"#, r#"{"a": "x"}"#, true),
            (r#"{"a": [{"exists": true}]}"#, r#"{"a": null}"#, true),
            (r#"{"a": [{"exists": true}]}"#, r#"{"b": "x"}"#, false),
            (r#"{"a": [{"exists": true}]}"#, r#"{"a": {"b": 1}}"#, false),
            (r#"{"a": [{"exists": true}]}"#, r#"{"a": []}"#, false),
            (r#"{"a": [{"exists": false}]}"#, r#"{"b": "x"}"#, true),
            (r#"{"a": [{"exists": false}]}"#, r#"{"a": "x"}"#, false),
            (r#"{"a": [{"exists": false}]}"#, r#"{"a": {"b": 1}}"#, true),
            (r#"{"a": ["x", {"exists": false}]}"#, r#"{"a": "x"}"#, true),
            (r#"{"a": ["x", {"exists": false}]}"#, r#"{}"#, true),
            (r#"{"a": ["x", {"exists": false}]}"#, r#"{"a": "y"}"#, false),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn rejects_bad_forms() {
        let cases: &[(&str, &str, usize)] = &[
            (
                r#"{"x": [{"exists": "yes"}]}"#,
                "exists match pattern must be either true or false.",
                18,
            ),
            (
                r#"{"x": [{"exists": true, "y": 1}]}"#,
                "Only one key allowed in match expression",
                24,
            ),
            (
                r#"{"x": [{"EXISTS": true}]}"#,
                "Unrecognized match type EXISTS",
                8,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
