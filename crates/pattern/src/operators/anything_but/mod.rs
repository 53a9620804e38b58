//! `{"anything-but": …}`: any value except the listed ones. Forms: a string or a number, a
//! list of strings or of numbers (not mixed), and `{"prefix"|"suffix"|"equals-ignore-case"|
//! "wildcard": one string or a list}`.
//!
//! The field must have a value: a missing field never matches. Values of another type than
//! the exclusions are not excluded, so `{"anything-but": "x"}` matches the number 5 and
//! null — event-ruler compares the values' texts (strings in quotes), and so does AWS.

use super::equals_ignore_case::Folded;
use super::wildcard::{self, Wildcard};
use super::{Matcher, quoted};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::number::{approximate, comparable, is_exact};
use crate::reader::{Json, Member, Node};

/// The operator name.
pub(crate) const OPERATOR: &str = "anything-but";

const TOO_MANY: &str = "Too many elements in numeric expression";

/// The values an anything-but excludes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AnythingBut {
    Strings(Vec<String>),
    /// Exact doubles, with the text written, for describing.
    Numbers(Vec<(f64, String)>),
    Prefixes(Vec<String>),
    Suffixes(Vec<String>),
    /// Stored as written and folded.
    IgnoreCase(Vec<(String, Folded)>),
    Wildcards(Vec<Wildcard>),
}

impl AnythingBut {
    /// Whether the value is one of the excluded ones.
    #[inline]
    fn excludes(&self, value: Scalar<'_>) -> bool {
        match (self, value) {
            (AnythingBut::Strings(set), Scalar::Str(s)) => set.iter().any(|x| x == s),
            (AnythingBut::Numbers(set), Scalar::Num(n)) => {
                approximate(n).is_some_and(|v| set.iter().any(|(x, _)| *x == v) && is_exact(n, v))
            }
            (AnythingBut::Prefixes(set), Scalar::Str(s)) => {
                set.iter().any(|p| s.starts_with(p.as_str()))
            }
            (AnythingBut::Suffixes(set), Scalar::Str(s)) => {
                set.iter().any(|p| s.ends_with(p.as_str()))
            }
            (AnythingBut::IgnoreCase(set), Scalar::Str(s)) => set.iter().any(|(_, l)| l.equals(s)),
            (AnythingBut::Wildcards(set), Scalar::Str(s)) => set.iter().any(|w| w.matches_str(s)),
            _ => false,
        }
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        !self.excludes(value)
    }

    pub(crate) fn describe(&self) -> String {
        let list = |items: Vec<String>| items.join(", ");
        match self {
            AnythingBut::Strings(set) => format!(
                "anything but {}",
                list(set.iter().map(|s| quoted(s)).collect())
            ),
            AnythingBut::Numbers(set) => format!(
                "anything but {}",
                list(set.iter().map(|(_, t)| t.clone()).collect())
            ),
            AnythingBut::Prefixes(set) => {
                format!(
                    "anything but prefix {}",
                    list(set.iter().map(|s| quoted(s)).collect())
                )
            }
            AnythingBut::Suffixes(set) => {
                format!(
                    "anything but suffix {}",
                    list(set.iter().map(|s| quoted(s)).collect())
                )
            }
            AnythingBut::IgnoreCase(set) => format!(
                "anything but {} ignoring case",
                list(set.iter().map(|(s, _)| quoted(s)).collect())
            ),
            AnythingBut::Wildcards(set) => format!(
                "anything but wildcard {}",
                list(set.iter().map(|w| quoted(&w.text)).collect())
            ),
        }
    }
}

/// The kinds of the object form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    IgnoreCase,
    Prefix,
    Suffix,
    Wildcard,
}

impl Kind {
    fn type_error(self) -> &'static str {
        match self {
            Kind::IgnoreCase => {
                "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
            }
            Kind::Wildcard => "wildcard match pattern must be a string",
            Kind::Prefix | Kind::Suffix => "prefix/suffix match pattern must be a string",
        }
    }
}

/// Reads the operand of `anything-but`, as event-ruler does.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    match &operand.json {
        Json::Object(members) => parse_object_form(ctx, operand, members, path),
        Json::Array(items) => parse_list(ctx, operand, items, path),
        Json::String(s) => Ok(Matcher::AnythingBut(AnythingBut::Strings(vec![s.clone()]))),
        Json::Number(text) => {
            let value = number(ctx, operand, text, path)?;
            Ok(Matcher::AnythingBut(AnythingBut::Numbers(vec![(
                value,
                text.clone(),
            )])))
        }
        Json::Incomplete => Err(Stop::Syntax),
        _ => Err(not_a_value(ctx, operand, path)),
    }
}

fn not_a_value(ctx: &mut Ctx, node: &Node, path: &str) -> Stop {
    ctx.problem(
        node.span.clone(),
        node.span.start,
        "operand-type",
        "Value of anything-but must be an array or single string/number value.",
        path,
    )
}

fn number(ctx: &mut Ctx, node: &Node, text: &str, path: &str) -> Result<f64, Stop> {
    comparable(text).ok_or_else(|| {
        ctx.problem(
            node.span.clone(),
            node.span.start,
            "number-out-of-range",
            format!("Cannot compare number : {text}"),
            path,
        )
    })
}

/// `["a", "b"]` or `[1, 2]`.
fn parse_list(ctx: &mut Ctx, operand: &Node, items: &[Node], path: &str) -> Result<Matcher, Stop> {
    let mut strings = Vec::new();
    let mut numbers = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        match &item.json {
            Json::String(s) => strings.push(s.clone()),
            Json::Number(text) => {
                numbers.push((number(ctx, item, text, &item_path)?, text.clone()))
            }
            Json::Incomplete => return Err(Stop::Syntax),
            _ => {
                return Err(ctx.problem(
                    item.span.clone(),
                    item.span.start,
                    "operand-type",
                    "Inside anything but list, start|null|boolean is not supported.",
                    item_path,
                ));
            }
        }
    }
    if !operand.closed {
        return Err(Stop::Syntax);
    }
    if strings.is_empty() == numbers.is_empty() {
        return Err(ctx.at_close(
            operand,
            "operand-type",
            "Inside anything but list, either all values are number or string, mixed type is not supported",
            path,
        ));
    }
    Ok(Matcher::AnythingBut(if numbers.is_empty() {
        AnythingBut::Strings(strings)
    } else {
        AnythingBut::Numbers(numbers)
    }))
}

/// `{"prefix": …}`, `{"suffix": …}`, `{"equals-ignore-case": …}`, `{"wildcard": …}`.
fn parse_object_form(
    ctx: &mut Ctx,
    operand: &Node,
    members: &[Member],
    path: &str,
) -> Result<Matcher, Stop> {
    let Some(first) = members.first() else {
        return Err(ctx.at_close(
            operand,
            "unknown-operator",
            "Anything-But expression name not found",
            path,
        ));
    };
    let kind = match first.key.as_str() {
        "equals-ignore-case" => Kind::IgnoreCase,
        "prefix" => Kind::Prefix,
        "suffix" => Kind::Suffix,
        "wildcard" => Kind::Wildcard,
        other => {
            return Err(ctx.problem(
                first.key_span.clone(),
                first.key_span.start,
                "unknown-operator",
                format!("Unsupported anything-but pattern: {other}"),
                path,
            ));
        }
    };
    let inner = &first.value;
    let inner_path = format!("{path}.{}", first.key);
    let (values, spans) = match &inner.json {
        Json::String(s) => {
            let s = checked_string(ctx, kind, inner, s, &inner_path)?;
            (vec![s], vec![inner.span.clone()])
        }
        Json::Number(_) => {
            return Err(ctx.problem(
                inner.span.clone(),
                inner.span.start,
                "operand-type",
                kind.type_error(),
                inner_path,
            ));
        }
        Json::Array(items) => {
            let mut values = Vec::with_capacity(items.len());
            let mut spans = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{inner_path}[{i}]");
                match &item.json {
                    Json::String(s) => {
                        values.push(checked_string(ctx, kind, item, s, &item_path)?);
                        spans.push(item.span.clone());
                    }
                    Json::Incomplete => return Err(Stop::Syntax),
                    _ => {
                        return Err(ctx.problem(
                            item.span.clone(),
                            item.span.start,
                            "operand-type",
                            kind.type_error(),
                            item_path,
                        ));
                    }
                }
            }
            if !inner.closed {
                return Err(Stop::Syntax);
            }
            (values, spans)
        }
        Json::Incomplete => return Err(Stop::Syntax),
        _ => return Err(not_a_value(ctx, inner, &inner_path)),
    };
    let set = match kind {
        Kind::IgnoreCase => AnythingBut::IgnoreCase(
            values
                .into_iter()
                .map(|v| (Folded::new(&v), v))
                .map(|(l, v)| (v, l))
                .collect(),
        ),
        Kind::Prefix => AnythingBut::Prefixes(values),
        Kind::Suffix => AnythingBut::Suffixes(values),
        Kind::Wildcard => {
            let trigger = if matches!(inner.json, Json::Array(_)) {
                inner.span.end.saturating_sub(1)
            } else {
                inner.span.start
            };
            let mut parsed = Vec::with_capacity(values.len());
            for (value, span) in values.iter().zip(spans) {
                match wildcard::Wildcard::parse(value) {
                    Ok(w) => parsed.push(w),
                    Err(message) => {
                        return Err(ctx.problem(
                            span,
                            trigger,
                            "wildcard-syntax",
                            message,
                            inner_path,
                        ));
                    }
                }
            }
            AnythingBut::Wildcards(parsed)
        }
    };
    // The inner object must end after its one key, then the outer one.
    if let Some(second) = members.get(1) {
        return Err(ctx.problem(
            second.key_span.clone(),
            second.key_span.start,
            "extra-key",
            TOO_MANY,
            path,
        ));
    }
    if !operand.closed {
        return Err(Stop::Syntax);
    }
    Ok(Matcher::AnythingBut(set))
}

fn checked_string(
    ctx: &mut Ctx,
    kind: Kind,
    node: &Node,
    s: &str,
    path: &str,
) -> Result<String, Stop> {
    if s.is_empty() && matches!(kind, Kind::Prefix | Kind::Suffix) {
        return Err(ctx.problem(
            node.span.clone(),
            node.span.start,
            "empty-operand",
            "Null prefix/suffix not allowed",
            path,
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests;
