//! `{"prefix": "…"}` and `{"prefix": {"equals-ignore-case": "…"}}`: strings that start with
//! the operand. Numbers, booleans and null never match, even if their text would.

use super::equals_ignore_case::{self as eic, Folded};
use super::{Matcher, only_one_key, quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::reader::{Json, Node};

/// The operator name.
pub(crate) const OPERATOR: &str = "prefix";

/// A prefix, possibly compared ignoring case (then `text` is stored folded in `lower`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prefix {
    pub text: String,
    pub lower: Option<Folded>,
}

impl Prefix {
    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        let Scalar::Str(s) = value else {
            return false;
        };
        match &self.lower {
            None => s.starts_with(&self.text),
            Some(lower) => lower.is_prefix_of(s),
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self.lower {
            None => format!("prefix {}", quoted(&self.text)),
            Some(_) => format!("prefix {} ignoring case", quoted(&self.text)),
        }
    }
}

/// Reads `"prefix": "…"` or `"prefix": {"equals-ignore-case": "…"}`.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    if let Json::Object(members) = &operand.json {
        let text = ignore_case_operand(ctx, operand, members, "Prefix", OPERATOR, path)?;
        return Ok(Matcher::Prefix(Prefix {
            lower: Some(Folded::new(&text)),
            text,
        }));
    }
    let text = string_operand(ctx, operand, "prefix match pattern must be a string", path)?;
    Ok(Matcher::Prefix(Prefix {
        text: text.to_string(),
        lower: None,
    }))
}

/// The `{"equals-ignore-case": "…"}` object inside `prefix` or `suffix`.
pub(crate) fn ignore_case_operand(
    ctx: &mut Ctx,
    operand: &Node,
    members: &[crate::reader::Member],
    title: &str,
    operator: &str,
    path: &str,
) -> Result<String, Stop> {
    let Some(first) = members.first() else {
        return Err(ctx.at_close(
            operand,
            "unknown-operator",
            format!("{title} expression name not found"),
            path,
        ));
    };
    if first.key != eic::OPERATOR {
        return Err(ctx.problem(
            first.key_span.clone(),
            first.key_span.start,
            "unknown-operator",
            format!("Unsupported {operator} pattern: {}", first.key),
            path,
        ));
    }
    let inner_path = format!("{path}.{}", first.key);
    let text = string_operand(
        ctx,
        &first.value,
        "equals-ignore-case match pattern must be a string",
        &inner_path,
    )?
    .to_string();
    only_one_key(
        ctx,
        operand,
        members,
        "Only one key allowed in match expression",
        path,
    )?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_string_prefixes() {
        let cases: &[(&str, &str, bool)] = &[
            (r#"{"a": [{"prefix": "ab"}]}"#, r#"{"a": "abc"}"#, true),
            (r#"{"a": [{"prefix": "ab"}]}"#, r#"{"a": "ab"}"#, true),
            (r#"{"a": [{"prefix": "ab"}]}"#, r#"{"a": "ABc"}"#, false),
            (r#"{"a": [{"prefix": "ab"}]}"#, r#"{"a": "xab"}"#, false),
            (r#"{"a": [{"prefix": "1"}]}"#, r#"{"a": 12}"#, false),
            (r#"{"a": [{"prefix": ""}]}"#, r#"{"a": "anything"}"#, true),
            (
                r#"{"a": [{"prefix": {"equals-ignore-case": "AB"}}]}"#,
                r#"{"a": "abc"}"#,
                true,
            ),
            (
                r#"{"a": [{"prefix": {"equals-ignore-case": "AB"}}]}"#,
                r#"{"a": "xabc"}"#,
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
                r#"{"a": [{"prefix": 3}]}"#,
                "prefix match pattern must be a string",
                18,
            ),
            (
                r#"{"a": [{"prefix": ["x"]}]}"#,
                "prefix match pattern must be a string",
                18,
            ),
            (
                r#"{"a": [{"prefix": "x", "foo": []}]}"#,
                "Only one key allowed in match expression",
                23,
            ),
            (
                r#"{"a": [{"prefix": {"nope": "x"}}]}"#,
                "Unsupported prefix pattern: nope",
                19,
            ),
            (
                r#"{"a": [{"prefix": {"equals-ignore-case": 5}}]}"#,
                "equals-ignore-case match pattern must be a string",
                41,
            ),
            (
                r#"{"a": [{"prefix": {"equals-ignore-case": "x", "t": 1}}]}"#,
                "Only one key allowed in match expression",
                46,
            ),
            (
                r#"{"a": [ { "prefix": [1, 2 3] } ] }"#,
                "prefix match pattern must be a string",
                20,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
