//! `{"wildcard": "*/lib/*.so"}`: `*` stands for any run of characters (also none), `\*` for
//! a literal star and `\\` for a literal backslash. Two stars in a row, and any other escape,
//! are invalid (positions in messages count bytes of the value in quotes, as event-ruler's).
//!
//! AWS also refuses rules whose wildcards would make its matching machine too big ("Rule is
//! too complex"). We compute event-ruler's `MachineComplexityEvaluator` score
//! ([`complexity`]) and apply AWS's limit to it: of AWS's recorded cases the rule scoring 7
//! is accepted and the one scoring 11 refused, so 11 and above is an error and 8–10 (where
//! AWS's answer is not known) a warning that names the score.

use super::{Matcher, anything_but::AnythingBut, quoted, string_operand};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::reader::Node;

/// The operator name.
pub(crate) const OPERATOR: &str = "wildcard";

mod complexity;

pub(crate) use complexity::complexity;

/// The smallest score AWS refuses: `*:*:*:*:*:event-bus/*` (11) was refused.
pub(crate) const TOO_COMPLEX: usize = 11;

/// The largest score AWS is known to accept: `/Users/*/dir/dir/dir/dir/dir/doc.txt` (7).
pub(crate) const KNOWN_ACCEPTED: usize = 7;

/// AWS's message for over-complex wildcard rules.
pub(crate) const TOO_COMPLEX_MESSAGE: &str = "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character";

/// A parsed wildcard pattern: the literal pieces between the stars.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Wildcard {
    /// The pattern as written.
    pub text: String,
    /// Literal pieces, unescaped; `pieces.len()` is the number of stars plus one.
    pub pieces: Vec<String>,
}

impl Wildcard {
    /// Parses a wildcard pattern, with event-ruler's error messages.
    pub(crate) fn parse(text: &str) -> Result<Wildcard, String> {
        let bytes = text.as_bytes();
        let mut pieces = vec![Vec::new()];
        let mut i = 0;
        while i < bytes.len() {
            // Positions count from the opening quote event-ruler puts around the value.
            let pos = i + 1;
            match bytes[i] {
                b'*' => {
                    if bytes.get(i + 1) == Some(&b'*') {
                        return Err(format!("Consecutive wildcard characters at pos {pos}"));
                    }
                    pieces.push(Vec::new());
                }
                b'\\' => match bytes.get(i + 1) {
                    Some(&next @ (b'*' | b'\\')) => {
                        if let Some(piece) = pieces.last_mut() {
                            piece.push(next);
                        }
                        i += 1;
                    }
                    _ => return Err(format!("Invalid escape character at pos {pos}")),
                },
                b => {
                    if let Some(piece) = pieces.last_mut() {
                        piece.push(b);
                    }
                }
            }
            i += 1;
        }
        let pieces = pieces
            .into_iter()
            .map(|p| String::from_utf8_lossy(&p).into_owned())
            .collect();
        Ok(Wildcard {
            text: text.to_string(),
            pieces,
        })
    }

    /// Whether the string matches: first piece a prefix, last a suffix, the others in order.
    #[inline]
    pub(crate) fn matches_str(&self, s: &str) -> bool {
        let (first, rest) = match self.pieces.split_first() {
            Some(split) => split,
            None => return s.is_empty(),
        };
        let Some((last, middle)) = rest.split_last() else {
            return s == first;
        };
        if s.len() < first.len() + last.len()
            || !s.starts_with(first.as_str())
            || !s.ends_with(last.as_str())
        {
            return false;
        }
        let end = s.len() - last.len();
        let mut pos = first.len();
        for piece in middle {
            match s
                .get(pos..end)
                .and_then(|window| window.find(piece.as_str()))
            {
                Some(found) => pos += found + piece.len(),
                None => return false,
            }
        }
        true
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        matches!(value, Scalar::Str(s) if self.matches_str(s))
    }

    pub(crate) fn describe(&self) -> String {
        format!("wildcard {}", quoted(&self.text))
    }
}

/// Reads the operand: a wildcard string.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    let text = string_operand(
        ctx,
        operand,
        "wildcard match pattern must be a string",
        path,
    )?;
    Wildcard::parse(text)
        .map(Matcher::Wildcard)
        .map_err(|message| {
            ctx.problem(
                operand.span.clone(),
                operand.span.start,
                "wildcard-syntax",
                message,
                path,
            )
        })
}

/// Records AWS's "too complex" error for a leaf whose wildcards are over the limit. AWS finds
/// this only after the whole pattern compiled, so it is deferred behind any other problem.
pub(crate) fn check_complexity(
    ctx: &mut Ctx,
    matchers: &[Matcher],
    node: &Node,
    path: &str,
) -> Result<(), Stop> {
    let mut patterns: Vec<&Wildcard> = Vec::new();
    for m in matchers {
        match m {
            Matcher::Wildcard(w) => patterns.push(w),
            Matcher::AnythingBut(AnythingBut::Wildcards(ws)) => patterns.extend(ws.iter()),
            _ => {}
        }
    }
    if complexity(&patterns, TOO_COMPLEX) >= TOO_COMPLEX {
        ctx.defer(node.span.clone(), "too-complex", TOO_COMPLEX_MESSAGE, path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Wildcard;
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_with_stars_and_escapes() {
        let cases: &[(&str, &str, bool)] = &[
            ("*bc", "abc", true),
            ("*bc", "bc", true),
            ("*bc", "abcd", false),
            ("a*c", "abbbc", true),
            ("a*c", "ac", true),
            ("a*a", "a", false),
            ("*/lib/*", "/usr/lib/x", true),
            ("x", "x", true),
            ("x", "xx", false),
            ("*", "", true),
            (r"a\*b", "a*b", true),
            (r"a\*b", "axb", false),
            (r"a\\*", r"a\zz", true),
            ("*é*", "café!", true),
        ];
        for &(pattern, s, expected) in cases {
            let w = Wildcard::parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
            assert_eq!(w.matches_str(s), expected, "{pattern} vs {s}");
        }
        assert!(matching(
            r#"{"a": [{"wildcard": "*.png"}]}"#,
            r#"{"a": "x.png"}"#
        ));
        assert!(!matching(
            r#"{"a": [{"wildcard": "*.png"}]}"#,
            r#"{"a": 5}"#
        ));
    }

    #[test]
    fn rejects_bad_forms() {
        let cases: &[(&str, &str, usize)] = &[
            (
                r#"{"a": [{"wildcard": 5}]}"#,
                "wildcard match pattern must be a string",
                20,
            ),
            (
                r#"{"a": [{"wildcard": "a**"}]}"#,
                "Consecutive wildcard characters at pos 2",
                20,
            ),
            (
                r#"{"a": [{"wildcard": "a\\x"}]}"#,
                "Invalid escape character at pos 2",
                20,
            ),
            (
                r#"{"a": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}"#,
                super::TOO_COMPLEX_MESSAGE,
                6,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
