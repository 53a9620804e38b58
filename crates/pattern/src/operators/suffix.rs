//! `{"suffix": "…"}` and `{"suffix": {"equals-ignore-case": "…"}}`: strings that end with
//! the operand.

use super::equals_ignore_case::Folded;
use super::prefix::ignore_case_operand;
use super::{Matcher, quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::reader::{Json, Node};

/// The operator name.
pub(crate) const OPERATOR: &str = "suffix";

/// A suffix, possibly compared ignoring case (then stored folded in `lower`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Suffix {
    pub text: String,
    pub lower: Option<Folded>,
}

impl Suffix {
    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        let Scalar::Str(s) = value else {
            return false;
        };
        match &self.lower {
            None => s.ends_with(&self.text),
            Some(lower) => lower.is_suffix_of(s),
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self.lower {
            None => format!("suffix {}", quoted(&self.text)),
            Some(_) => format!("suffix {} ignoring case", quoted(&self.text)),
        }
    }
}

/// Reads `"suffix": "…"` or `"suffix": {"equals-ignore-case": "…"}`.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    if let Json::Object(members) = &operand.json {
        let text = ignore_case_operand(ctx, operand, members, "Suffix", OPERATOR, path)?;
        return Ok(Matcher::Suffix(Suffix {
            lower: Some(Folded::new(&text)),
            text,
        }));
    }
    let text = string_operand(ctx, operand, "suffix match pattern must be a string", path)?;
    Ok(Matcher::Suffix(Suffix {
        text: text.to_string(),
        lower: None,
    }))
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_string_suffixes() {
        let cases: &[(&str, &str, bool)] = &[
            (r#"{"a": [{"suffix": ".png"}]}"#, r#"{"a": "x.png"}"#, true),
            (r#"{"a": [{"suffix": ".png"}]}"#, r#"{"a": "x.PNG"}"#, false),
            (
                r#"{"a": [{"suffix": ".png"}]}"#,
                r#"{"a": "x.png.gz"}"#,
                false,
            ),
            (
                r#"{"a": [{"suffix": {"equals-ignore-case": ".PNG"}}]}"#,
                r#"{"a": "x.png"}"#,
                true,
            ),
            (r#"{"a": [{"suffix": "5"}]}"#, r#"{"a": 5}"#, false),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn rejects_bad_forms() {
        let cases: &[(&str, &str, usize)] = &[
            (
                r#"{"a": [{"suffix": 3}]}"#,
                "suffix match pattern must be a string",
                18,
            ),
            (
                r#"{"a": [{"suffix": {"x": "y"}}]}"#,
                "Unsupported suffix pattern: x",
                19,
            ),
            (
                r#"{"a": [{"suffix": {}}]}"#,
                "Suffix expression name not found",
                18,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
