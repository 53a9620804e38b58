//! Keeping what a pattern spells out: the literal parts of its `prefix`, `suffix` and
//! `wildcard` operators.
//!
//! A pattern like `{"wildcard": "arn:aws:iam::*:role/BreakGlass*"}` only works if role names
//! still start with `BreakGlass` after redaction. Those fragments are already in the pattern,
//! which is shared as written, so they are no secret: a name that starts or ends with one keeps
//! it around its placeholder (`BreakGlassAdmin` → `BreakGlassrole1`), and names in the
//! operator's own value are left as written. Everything else in the value (an account in an
//! ARN, an e-mail address) is still redacted, and is not a fragment: fragments are only the
//! parts that redaction leaves alone, so they are the same when redacting again.

use super::mapper::Mapper;
use super::scan::{Context, scan};
use serde_json::{Map, Value};

/// Operators whose value is a partial value: what they spell out is kept.
pub(crate) const LITERAL_OPERATORS: [&str; 3] = ["prefix", "suffix", "wildcard"];

/// ARN structure, not names: never used as fragments.
const STRUCTURE: [&str; 10] = [
    "arn",
    "aws",
    "aws-cn",
    "aws-us-gov",
    "iam",
    "sts",
    "user",
    "role",
    "assumed-role",
    "federated-user",
];

/// The name fragments a pattern's partial-value operators spell out.
#[derive(Debug, Default)]
pub(crate) struct Literals {
    fragments: Vec<String>,
}

impl Literals {
    /// Collect from the pattern text (nothing when it is not JSON). Read from the JSON, not
    /// from the checked pattern: redacting can make a valid pattern invalid (an account after
    /// a wildcard redacted to `111111111111` is a repeating sequence AWS calls too complex), and
    /// the fragments must be the same when that redacted pattern is redacted again.
    pub(crate) fn of_pattern(pattern: &str) -> Literals {
        let mut texts = Vec::new();
        if let Ok(value) = serde_json::from_str::<Value>(pattern) {
            partial_values(&value, &mut texts);
        }
        let kept: Vec<String> = texts
            .iter()
            .map(|text| scan(text, Context::PatternLiteral, &mut Mapper::blanking(), &[]))
            .collect();
        let mut fragments: Vec<String> = kept
            .iter()
            .flat_map(|text| text.split(|c: char| !is_fragment_char(c)))
            .filter(|f| f.len() >= 2 && f.chars().any(char::is_alphabetic))
            .filter(|f| !STRUCTURE.contains(f))
            .map(String::from)
            .collect();
        fragments.sort_by_key(|f| std::cmp::Reverse(f.len()));
        fragments.dedup();
        Literals { fragments }
    }

    /// Whether the pattern spells out `name` whole (then it is no secret, and kept as is so
    /// `prefix: ".../assumed-role/S3AclRemediation/"` still matches that role).
    pub(crate) fn spells(&self, name: &str) -> bool {
        self.fragments.iter().any(|f| f == name)
    }

    /// `base` dressed with the longest fragment `original` starts with and the longest it ends
    /// with (in the rest), so prefix, suffix and wildcard operators still match.
    pub(crate) fn dress(&self, original: &str, base: &str) -> String {
        let head = self.longest(|f| original.starts_with(f));
        let rest = &original[head.len()..];
        let tail = self.longest(|f| f.len() < rest.len() && rest.ends_with(f));
        format!("{head}{base}{tail}")
    }

    /// The possible undressed cores of `value` (itself first), to recognise a dressed
    /// placeholder on a second redaction.
    pub(crate) fn cores<'a>(&'a self, value: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let heads = std::iter::once("").chain(self.fragments.iter().map(String::as_str));
        heads
            .filter_map(move |head| value.strip_prefix(head))
            .flat_map(move |rest| {
                let tails = std::iter::once("").chain(self.fragments.iter().map(String::as_str));
                tails.filter_map(move |tail| rest.strip_suffix(tail))
            })
            .filter(|core| !core.is_empty())
    }

    fn longest(&self, fits: impl Fn(&str) -> bool) -> &str {
        // Sorted longest first, so the first fit is the longest.
        self.fragments
            .iter()
            .find(|f| fits(f.as_str()))
            .map_or("", String::as_str)
    }
}

/// The partial values a pattern spells out, into `out`: the string values of `prefix`,
/// `suffix` and `wildcard` in the operator objects of its value arrays, also inside
/// `anything-but` (one or a list) and with `equals-ignore-case`. Keys of objects outside value
/// arrays are field names (a field may be called `prefix`).
fn partial_values(value: &Value, out: &mut Vec<String>) {
    let Value::Object(fields) = value else {
        return;
    };
    for (key, value) in fields {
        match (key.as_str(), value) {
            // `$or` holds patterns, not values.
            ("$or", Value::Array(branches)) => {
                branches.iter().for_each(|b| partial_values(b, out));
            }
            (_, Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_object)
                .for_each(|operator| operator_values(operator, out)),
            _ => partial_values(value, out),
        }
    }
}

/// The partial values of one operator object (`{"prefix": "x"}`, `{"anything-but":
/// {"suffix": ["a", "b"]}}`, `{"prefix": {"equals-ignore-case": "x"}}`).
fn operator_values(operator: &Map<String, Value>, out: &mut Vec<String>) {
    for (key, value) in operator {
        if LITERAL_OPERATORS.contains(&key.as_str()) {
            match value {
                Value::String(text) => out.push(text.clone()),
                Value::Object(inner) => {
                    if let Some(Value::String(text)) = inner.get("equals-ignore-case") {
                        out.push(text.clone());
                    }
                }
                Value::Array(texts) => {
                    out.extend(texts.iter().filter_map(Value::as_str).map(String::from));
                }
                _ => {}
            }
        } else if let ("anything-but", Value::Object(inner)) = (key.as_str(), value) {
            operator_values(inner, out);
        }
    }
}

/// Characters IAM allows in names (`+=,.@-_` and alphanumerics).
fn is_fragment_char(c: char) -> bool {
    c.is_alphanumeric() || "+=,.@-_".contains(c)
}
