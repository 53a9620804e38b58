//! `{"equals-ignore-case": "…"}`: a string equal to the operand when case is ignored.
//! Also the case folding that the prefix, suffix and anything-but forms share.
//!
//! Case is ignored as event-ruler ignores it, one UTF-16 unit at a time (see
//! [`super::case_fold`]), which is not Unicode case folding: `ﬀ` matches `FF` but not `ff`.

use super::{Matcher, quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::reader::Node;

/// The operator name.
pub(crate) const OPERATOR: &str = "equals-ignore-case";

pub(crate) use super::case_fold::Folded;

/// A string to compare ignoring case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EqualsIgnoreCase {
    pub text: String,
    pub lower: Folded,
}

impl EqualsIgnoreCase {
    pub(crate) fn new(text: &str) -> Self {
        EqualsIgnoreCase {
            text: text.to_string(),
            lower: Folded::new(text),
        }
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        matches!(value, Scalar::Str(s) if self.lower.equals(s))
    }

    pub(crate) fn describe(&self) -> String {
        format!("{} ignoring case", quoted(&self.text))
    }
}

/// Reads the operand: a string.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    let text = string_operand(
        ctx,
        operand,
        "equals-ignore-case match pattern must be a string",
        path,
    )?;
    Ok(Matcher::EqualsIgnoreCase(EqualsIgnoreCase::new(text)))
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_strings_ignoring_case() {
        let cases: &[(&str, &str, bool)] = &[
            (
                r#"{"a": [{"equals-ignore-case": "AbC"}]}"#,
                r#"{"a": "abc"}"#,
                true,
            ),
            (
                r#"{"a": [{"equals-ignore-case": "AbC"}]}"#,
                r#"{"a": "ABC"}"#,
                true,
            ),
            (
                r#"{"a": [{"equals-ignore-case": "AbC"}]}"#,
                r#"{"a": "abcd"}"#,
                false,
            ),
            (
                r#"{"a": [{"equals-ignore-case": "5"}]}"#,
                r#"{"a": 5}"#,
                false,
            ),
            (
                r#"{"a": [{"equals-ignore-case": "ﬀ"}]}"#,
                r#"{"a": "FF"}"#,
                true,
            ),
            (
                r#"{"a": [{"prefix": {"equals-ignore-case": "😀"}}]}"#,
                r#"{"a": "😀"}"#,
                false,
            ),
            (
                r#"{"a": [{"suffix": {"equals-ignore-case": "ǅ"}}]}"#,
                r#"{"a": "xǄ"}"#,
                true,
            ),
            (
                r#"{"a": [{"anything-but": {"equals-ignore-case": "ǅ"}}]}"#,
                r#"{"a": "ǅ"}"#,
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
                r#"{"a": [{"equals-ignore-case": 5}]}"#,
                "equals-ignore-case match pattern must be a string",
                30,
            ),
            (
                r#"{"a": [{"equals-ignore-case": ["x"]}]}"#,
                "equals-ignore-case match pattern must be a string",
                30,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
