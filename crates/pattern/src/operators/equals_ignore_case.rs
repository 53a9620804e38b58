//! `{"equals-ignore-case": "…"}`: a string equal to the operand when case is ignored.
//! Also the case folding that the prefix, suffix and anything-but forms share.
//!
//! Folding is Unicode lower-casing, character by character, done on the fly so matching
//! allocates nothing.

use super::{Matcher, quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::reader::Node;

/// The operator name.
pub(crate) const OPERATOR: &str = "equals-ignore-case";

/// The characters of `s`, case-folded.
#[inline]
pub(crate) fn folded(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase)
}

/// The folded form of a pattern operand, computed once at compile time.
pub(crate) fn fold(s: &str) -> String {
    folded(s).collect()
}

/// Whether `s` equals the already-folded `lower` ignoring case.
#[inline]
pub(crate) fn eq_folded(s: &str, lower: &str) -> bool {
    if s.is_ascii() && lower.is_ascii() {
        return s.eq_ignore_ascii_case(lower);
    }
    folded(s).eq(lower.chars())
}

/// Whether `s` starts with the already-folded `lower` ignoring case.
#[inline]
pub(crate) fn starts_with_folded(s: &str, lower: &str) -> bool {
    let mut have = folded(s);
    lower.chars().all(|want| have.next() == Some(want))
}

/// Whether `s` ends with the already-folded `lower` ignoring case.
#[inline]
pub(crate) fn ends_with_folded(s: &str, lower: &str) -> bool {
    let mut have = s.chars().rev().flat_map(|c| c.to_lowercase().rev());
    lower.chars().rev().all(|want| have.next() == Some(want))
}

/// A string to compare ignoring case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EqualsIgnoreCase {
    pub text: String,
    pub lower: String,
}

impl EqualsIgnoreCase {
    pub(crate) fn new(text: &str) -> Self {
        EqualsIgnoreCase {
            text: text.to_string(),
            lower: fold(text),
        }
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        matches!(value, Scalar::Str(s) if eq_folded(s, &self.lower))
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
    use super::{ends_with_folded, eq_folded, fold, starts_with_folded};
    use crate::testing::{invalid, matching};

    #[test]
    fn folds_unicode_and_ascii() {
        assert!(eq_folded("ÉTÉ", &fold("été")));
        assert!(starts_with_folded("StartsWith", &fold("STARTS")));
        assert!(ends_with_folded("file.PNG", &fold(".png")));
        assert!(!ends_with_folded("png", &fold(".png")));
    }

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
