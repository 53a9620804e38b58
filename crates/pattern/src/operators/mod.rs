//! The comparison operators of the pattern language, one module each: how the operator is
//! written (validation, with event-ruler's messages), how it matches one event value, and how
//! it reads in words.
//!
//! A leaf of a pattern is a list of [`Matcher`]s; the leaf matches when any of them matches
//! any value found at its path (`exists: false` instead matches when there is none).

pub(crate) mod anything_but;
mod case_fold;
pub(crate) mod cidr;
pub(crate) mod equals_ignore_case;
pub(crate) mod exact;
pub(crate) mod exists;
pub(crate) mod numeric;
pub(crate) mod or;
pub(crate) mod prefix;
pub(crate) mod suffix;
pub(crate) mod wildcard;

use serde_json::Value;

use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::number::{LazyNumber, is_exact};
use crate::reader::{Json, Node};

/// One compiled condition on a field's values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Matcher {
    Exact(exact::Exact),
    Prefix(prefix::Prefix),
    Suffix(suffix::Suffix),
    EqualsIgnoreCase(equals_ignore_case::EqualsIgnoreCase),
    AnythingBut(anything_but::AnythingBut),
    Numeric(numeric::NumericRange),
    Exists(bool),
    Cidr(cidr::IpRange),
    Wildcard(wildcard::Wildcard),
}

impl Matcher {
    /// Whether one (scalar) event value satisfies this condition. `exists: false` never
    /// does: it is satisfied by the absence of values, which the field decides.
    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        match self {
            Matcher::Exact(m) => m.matches(value),
            Matcher::Prefix(m) => m.matches(value),
            Matcher::Suffix(m) => m.matches(value),
            Matcher::EqualsIgnoreCase(m) => m.matches(value),
            Matcher::AnythingBut(m) => m.matches(value),
            Matcher::Numeric(m) => m.matches(value),
            Matcher::Exists(present) => *present,
            Matcher::Cidr(m) => m.matches(value),
            Matcher::Wildcard(m) => m.matches(value),
        }
    }

    /// Like [`Matcher::matches`] for an event number that the caller parses at most once
    /// for all the conditions of a field.
    #[inline]
    pub(crate) fn matches_number(&self, number: &mut LazyNumber<'_>) -> bool {
        let text = number.text;
        match self {
            Matcher::Numeric(m) => m.matches_number(number),
            Matcher::Exact(exact::Exact::Number {
                text: wanted_text,
                value: wanted,
            }) => {
                wanted_text == text
                    || wanted.is_some_and(|w| number.value() == Some(w) && is_exact(text, w))
            }
            Matcher::AnythingBut(anything_but::AnythingBut::Numbers(set)) => !number
                .value()
                .is_some_and(|v| set.iter().any(|(x, _)| *x == v) && is_exact(text, v)),
            other => other.matches(Scalar::Num(text)),
        }
    }

    /// Whether this condition parses event numbers (worth parsing once per value).
    pub(crate) fn reads_numbers(&self) -> bool {
        matches!(
            self,
            Matcher::Numeric(_)
                | Matcher::Exact(exact::Exact::Number { .. })
                | Matcher::AnythingBut(anything_but::AnythingBut::Numbers(_))
        )
    }

    /// The condition in words: `"RunInstances"`, `prefix "Create"`, `a number > 100`, …
    pub(crate) fn describe(&self) -> String {
        match self {
            Matcher::Exact(m) => m.describe(),
            Matcher::Prefix(m) => m.describe(),
            Matcher::Suffix(m) => m.describe(),
            Matcher::EqualsIgnoreCase(m) => m.describe(),
            Matcher::AnythingBut(m) => m.describe(),
            Matcher::Numeric(m) => m.describe(),
            Matcher::Exists(true) => "to exist".to_string(),
            Matcher::Exists(false) => "not to exist".to_string(),
            Matcher::Cidr(m) => m.describe(),
            Matcher::Wildcard(m) => m.describe(),
        }
    }
}

/// Reads one element of a leaf array: a plain value (exact match) or an operator object.
pub(crate) fn parse_leaf_item(ctx: &mut Ctx, node: &Node, path: &str) -> Result<Matcher, Stop> {
    match &node.json {
        Json::Object(members) => parse_operator(ctx, node, members, path),
        Json::Incomplete => Err(Stop::Syntax),
        Json::Array(_) => Err(ctx.problem(
            node.span.clone(),
            node.span.start,
            "nested-array",
            "Match value must be String, number, true, false, or null",
            path,
        )),
        _ => Ok(Matcher::Exact(exact::Exact::from_json(&node.json))),
    }
}

/// Reads `{"<operator>": <operand>}` inside a leaf array, as event-ruler's
/// `processMatchExpression` does (same checks, same order, same messages).
fn parse_operator(
    ctx: &mut Ctx,
    node: &Node,
    members: &[crate::reader::Member],
    path: &str,
) -> Result<Matcher, Stop> {
    let Some(first) = members.first() else {
        return Err(ctx.at_close(
            node,
            "unknown-operator",
            "Match expression name not found",
            path,
        ));
    };
    let op_path = format!("{path}.{}", first.key);
    let operand = &first.value;
    let matcher = match first.key.as_str() {
        exact::OPERATOR => exact::parse_operand(ctx, operand, &op_path)?,
        prefix::OPERATOR => prefix::parse_operand(ctx, operand, &op_path)?,
        suffix::OPERATOR => suffix::parse_operand(ctx, operand, &op_path)?,
        equals_ignore_case::OPERATOR => equals_ignore_case::parse_operand(ctx, operand, &op_path)?,
        anything_but::OPERATOR => anything_but::parse_operand(ctx, operand, &op_path)?,
        numeric::OPERATOR => numeric::parse_operand(ctx, operand, &op_path)?,
        exists::OPERATOR => exists::parse_operand(ctx, operand, &op_path)?,
        cidr::OPERATOR => cidr::parse_operand(ctx, operand, &op_path)?,
        wildcard::OPERATOR => wildcard::parse_operand(ctx, operand, &op_path)?,
        other => {
            return Err(ctx.problem(
                first.key_span.clone(),
                first.key_span.start,
                "unknown-operator",
                format!("Unrecognized match type {other}"),
                path,
            ));
        }
    };
    // event-ruler words an extra key differently for the two operators whose operand it
    // reads with the numeric-expression helper.
    let extra = match first.key.as_str() {
        numeric::OPERATOR | anything_but::OPERATOR => "Too many elements in numeric expression",
        _ => "Only one key allowed in match expression",
    };
    only_one_key(ctx, node, members, extra, path)?;
    Ok(matcher)
}

/// Checks that an operator object has nothing after its first key.
pub(crate) fn only_one_key(
    ctx: &mut Ctx,
    node: &Node,
    members: &[crate::reader::Member],
    message: &str,
    path: &str,
) -> Result<(), Stop> {
    if let Some(second) = members.get(1) {
        return Err(ctx.problem(
            second.key_span.clone(),
            second.key_span.start,
            "extra-key",
            message,
            format!("{path}.{}", second.key),
        ));
    }
    if node.closed {
        Ok(())
    } else {
        Err(Stop::Syntax)
    }
}

/// The string operand an operator needs, or event-ruler's "… must be a string" problem.
pub(crate) fn string_operand<'n>(
    ctx: &mut Ctx,
    operand: &'n Node,
    message: &str,
    path: &str,
) -> Result<&'n str, Stop> {
    match &operand.json {
        Json::String(s) => Ok(s),
        Json::Incomplete => Err(Stop::Syntax),
        _ => Err(ctx.problem(
            operand.span.clone(),
            operand.span.start,
            "operand-type",
            message,
            path,
        )),
    }
}

/// A JSON string in quotes, as conditions quote values.
pub(crate) fn quoted(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// Jackson's text for the token at `node`, used in a few event-ruler messages.
pub(crate) fn token_text(node: &Node) -> String {
    match &node.json {
        Json::Object(_) => "{".to_string(),
        Json::Array(_) => "[".to_string(),
        Json::String(s) => s.clone(),
        Json::Number(n) => n.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Null => "null".to_string(),
        Json::Incomplete => String::new(),
    }
}
