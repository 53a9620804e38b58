//! AWS CDK v2 (TypeScript and Python): `events.Rule` with `eventPattern` written with
//! `events.Match` helpers where a helper produces exactly the pattern's JSON, else raw JSON.
//!
//! A helper is used only when its output equals the element: `Match.anythingBut(...)` always
//! writes a list, so `{"anything-but": "x"}` (a single value) stays raw. Raw values are valid
//! everywhere under `detail`; top-level fields are typed `string[]`, so a non-string raw value
//! there is wrapped in `Match.anyOf(...)`, which flattens its arguments into the same list.

use crate::code_literal::Expr;
use crate::operators::{OperatorKind, kind_of};
use eventpen_pattern::model::{Condition, Leaf, Member, Object, PatternModel};
use serde_json::Value;

fn call(name: &str, args: Vec<Expr>) -> Expr {
    Expr::Call(format!("events.Match.{name}"), args)
}

fn raw(value: &Value) -> Expr {
    Expr::Raw(value.clone())
}

fn strings(value: &Value) -> Option<Vec<Expr>> {
    let items = value.as_array()?;
    (!items.is_empty() && items.iter().all(Value::is_string))
        .then(|| items.iter().map(raw).collect())
}

fn inner<'a>(element: &'a Value, outer: &str, key: &str) -> Option<&'a Value> {
    element.get(outer)?.get(key)
}

/// The `events.Match` helper for one condition, if one writes exactly that element.
pub fn helper(condition: &Condition) -> Option<Expr> {
    let element = &condition.json;
    let text = |key: &str| element.get(key).filter(|value| value.is_string()).map(raw);
    match kind_of(&condition.operator) {
        OperatorKind::Prefix => Some(call("prefix", vec![text("prefix")?])),
        OperatorKind::Suffix => Some(call("suffix", vec![text("suffix")?])),
        OperatorKind::EqualsIgnoreCase => {
            Some(call("equalsIgnoreCase", vec![text("equals-ignore-case")?]))
        }
        OperatorKind::PrefixIgnoreCase => {
            let value = inner(element, "prefix", "equals-ignore-case").filter(|v| v.is_string())?;
            Some(call("prefixEqualsIgnoreCase", vec![raw(value)]))
        }
        OperatorKind::SuffixIgnoreCase => {
            let value = inner(element, "suffix", "equals-ignore-case").filter(|v| v.is_string())?;
            Some(call("suffixEqualsIgnoreCase", vec![raw(value)]))
        }
        OperatorKind::Wildcard => Some(call("wildcard", vec![text("wildcard")?])),
        OperatorKind::Cidr => {
            // Match.cidr checks the range with a regex that mishandles some IPv6 forms.
            let range = element.get("cidr")?.as_str()?;
            (!range.contains(':'))
                .then(|| call("cidr", vec![raw(&Value::String(range.to_owned()))]))
        }
        OperatorKind::Exists => Some(call("exists", vec![])),
        OperatorKind::DoesNotExist => Some(call("doesNotExist", vec![])),
        OperatorKind::AnythingBut => {
            let items = element.get("anything-but")?.as_array()?;
            let same_kind =
                items.iter().all(Value::is_string) || items.iter().all(Value::is_number);
            (!items.is_empty() && same_kind)
                .then(|| call("anythingBut", items.iter().map(raw).collect()))
        }
        OperatorKind::AnythingButPrefix => Some(call(
            "anythingButPrefix",
            strings(inner(element, "anything-but", "prefix")?)?,
        )),
        OperatorKind::AnythingButSuffix => Some(call(
            "anythingButSuffix",
            strings(inner(element, "anything-but", "suffix")?)?,
        )),
        OperatorKind::AnythingButIgnoreCase => Some(call(
            "anythingButEqualsIgnoreCase",
            strings(inner(element, "anything-but", "equals-ignore-case")?)?,
        )),
        OperatorKind::AnythingButWildcard => Some(call(
            "anythingButWildcard",
            strings(inner(element, "anything-but", "wildcard")?)?,
        )),
        OperatorKind::Numeric => numeric(element.get("numeric")?.as_array()?),
        OperatorKind::Exact | OperatorKind::Or => None,
    }
}

fn comparison(operator: &Value, number: &Value) -> Option<Expr> {
    let name = match operator.as_str()? {
        ">" => "greaterThan",
        ">=" => "greaterThanOrEqual",
        "<" => "lessThan",
        "<=" => "lessThanOrEqual",
        "=" => "equal",
        _ => return None,
    };
    number.is_number().then(|| call(name, vec![raw(number)]))
}

fn numeric(terms: &[Value]) -> Option<Expr> {
    match terms {
        [operator, number] => comparison(operator, number),
        [low_op, low, high_op, high] => {
            if low_op == ">=" && high_op == "<=" {
                Some(call("interval", vec![raw(low), raw(high)]))
            } else {
                Some(call(
                    "allOf",
                    vec![comparison(low_op, low)?, comparison(high_op, high)?],
                ))
            }
        }
        _ => None,
    }
}

/// One leaf array; `typed` when the field is typed `string[]` (top level of `EventPattern`).
fn leaf(leaf: &Leaf, typed: bool) -> Expr {
    let exprs: Vec<Expr> = leaf
        .conditions
        .iter()
        .map(|c| helper(c).unwrap_or_else(|| raw(&c.json)))
        .collect();
    let all_raw = exprs.iter().all(|expr| matches!(expr, Expr::Raw(_)));
    let all_strings = leaf.conditions.iter().all(|c| c.json.is_string());
    match &exprs[..] {
        [only @ Expr::Call(..)] => only.clone(),
        _ if all_raw && (!typed || all_strings) => Expr::Array(exprs),
        _ => call("anyOf", exprs),
    }
}

/// A pattern object (below the top level) as an expression.
fn object(object: &Object) -> Expr {
    Expr::Object(
        object
            .members
            .iter()
            .map(|member| (key_of(member).to_owned(), field(member, false)))
            .collect(),
    )
}

/// The key a member is written under.
fn key_of(member: &Member) -> &str {
    match member {
        Member::Nested(nested) => &nested.key,
        Member::Leaf(leaf) => &leaf.key,
        Member::Or(_) => "$or",
    }
}

/// A member's value as JSON, as written.
fn json_of(member: &Member) -> Value {
    match member {
        Member::Nested(nested) => nested.object.to_json(),
        Member::Leaf(leaf) => leaf.to_json(),
        Member::Or(group) => Value::Array(group.branches.iter().map(Object::to_json).collect()),
    }
}

fn field(member: &Member, typed: bool) -> Expr {
    match member {
        Member::Or(group) => Expr::Array(group.branches.iter().map(object).collect()),
        Member::Leaf(l) => leaf(l, typed),
        Member::Nested(nested) => object(&nested.object),
    }
}

/// Top-level fields of the CDK `EventPattern` interface: pattern key → property name.
const TYPED_FIELDS: [(&str, &str); 8] = [
    ("version", "version"),
    ("id", "id"),
    ("detail-type", "detailType"),
    ("source", "source"),
    ("account", "account"),
    ("time", "time"),
    ("region", "region"),
    ("resources", "resources"),
];

/// The `eventPattern` entries the interface types, and the other top-level keys.
/// Top-level entries: typed properties (with expressions) and raw extra keys.
pub(crate) struct TopLevel {
    pub(crate) typed: Vec<(String, Expr)>,
    pub(crate) extra: Vec<(String, Value)>,
}

pub(crate) fn split_top_level(pattern: &PatternModel) -> TopLevel {
    let mut typed = Vec::new();
    let mut extra = Vec::new();
    for member in &pattern.root.members {
        let key = key_of(member);
        if let Some((_, property)) = TYPED_FIELDS.iter().find(|(json, _)| *json == key)
            && matches!(member, Member::Leaf(_))
        {
            typed.push(((*property).to_owned(), field(member, true)));
        } else if key == "detail" && matches!(member, Member::Nested(_)) {
            typed.push(("detail".to_owned(), field(member, false)));
        } else {
            extra.push((key.to_owned(), json_of(member)));
        }
    }
    TopLevel { typed, extra }
}

/// The `eventPattern` object the CDK exports write: typed properties (`detailType`, …) with
/// `events.Match` calls, then any other top-level keys as raw JSON. Public so tests can
/// evaluate the calls the way CDK does and compare the result with the pattern.
pub fn event_pattern_expr(pattern: &PatternModel) -> Expr {
    let TopLevel { mut typed, extra } = split_top_level(pattern);
    typed.extend(
        extra
            .into_iter()
            .map(|(key, value)| (key, Expr::Raw(value))),
    );
    Expr::Object(typed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_literal::{Lang, write};
    use serde_json::json;

    fn ts(element: Value) -> String {
        let text = format!(r#"{{"f": [{element}]}}"#);
        let model = eventpen_pattern::check(&text).model.expect("valid");
        helper(&model.leaves()[0].conditions[0]).map_or_else(
            || "raw".to_owned(),
            |expr| write(Lang::TypeScript, &expr, 0),
        )
    }

    #[test]
    fn helpers_only_where_they_write_the_same_json() {
        let cases = [
            (json!("a"), "raw"),
            (json!({"prefix": "a"}), "events.Match.prefix('a')"),
            (
                json!({"prefix": {"equals-ignore-case": "a"}}),
                "events.Match.prefixEqualsIgnoreCase('a')",
            ),
            (json!({"suffix": ".png"}), "events.Match.suffix('.png')"),
            (
                json!({"suffix": {"equals-ignore-case": "a"}}),
                "events.Match.suffixEqualsIgnoreCase('a')",
            ),
            (
                json!({"equals-ignore-case": "a"}),
                "events.Match.equalsIgnoreCase('a')",
            ),
            (
                json!({"anything-but": ["a", "b"]}),
                "events.Match.anythingBut('a', 'b')",
            ),
            (
                json!({"anything-but": [1, 2]}),
                "events.Match.anythingBut(1, 2)",
            ),
            (json!({"anything-but": "a"}), "raw"),
            (
                json!({"anything-but": {"prefix": ["a"]}}),
                "events.Match.anythingButPrefix('a')",
            ),
            (json!({"anything-but": {"prefix": "a"}}), "raw"),
            (
                json!({"anything-but": {"suffix": ["a"]}}),
                "events.Match.anythingButSuffix('a')",
            ),
            (
                json!({"anything-but": {"equals-ignore-case": ["a"]}}),
                "events.Match.anythingButEqualsIgnoreCase('a')",
            ),
            (
                json!({"anything-but": {"wildcard": ["*a"]}}),
                "events.Match.anythingButWildcard('*a')",
            ),
            (json!({"numeric": [">", 1]}), "events.Match.greaterThan(1)"),
            (
                serde_json::from_str(r#"{"numeric": ["=", 1.50]}"#).unwrap(),
                "events.Match.equal(1.50)",
            ),
            (
                json!({"numeric": [">=", 0, "<=", 9]}),
                "events.Match.interval(0, 9)",
            ),
            (
                json!({"numeric": [">", 0, "<", 9]}),
                "events.Match.allOf(events.Match.greaterThan(0), events.Match.lessThan(9))",
            ),
            (json!({"exists": true}), "events.Match.exists()"),
            (json!({"exists": false}), "events.Match.doesNotExist()"),
            (
                json!({"cidr": "10.0.0.0/8"}),
                "events.Match.cidr('10.0.0.0/8')",
            ),
            (json!({"cidr": "2001:db8::/32"}), "raw"),
            (json!({"wildcard": "a*b"}), "events.Match.wildcard('a*b')"),
        ];
        for (element, want) in cases {
            assert_eq!(ts(element.clone()), want, "{element}");
        }
    }

    #[test]
    fn leaves_combine_with_any_of() {
        let cases = [
            (json!(["a", "b"]), false, "['a', 'b']"),
            (json!([1, null]), false, "[1, null]"),
            (json!([1, null]), true, "events.Match.anyOf(1, null)"),
            (
                json!([{"prefix": "a"}, "b"]),
                true,
                "events.Match.anyOf(events.Match.prefix('a'), 'b')",
            ),
            (
                json!([{"anything-but": "a"}]),
                false,
                "[{ 'anything-but': 'a' }]",
            ),
        ];
        for (elements, typed, want) in cases {
            let model = eventpen_pattern::check(&json!({"f": elements}).to_string())
                .model
                .expect("valid");
            let expr = leaf(model.leaves()[0], typed);
            assert_eq!(write(Lang::TypeScript, &expr, 0), want);
        }
    }
}
