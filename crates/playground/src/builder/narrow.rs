//! Tightening a rule from a value seen among its matches (the breakdown chart's clicks): keep
//! only that value at a field, or exclude it with `anything-but`.
//!
//! Why here and not in the chart: each click must leave a pattern that matches a subset of
//! what it matched before (a chart is a way to *narrow* a rule), and that is a property of the
//! pattern rewrite, tested in tables natively.
use super::edit::{add_condition, remove_location};
use super::outline::value_leaves as leaves;
use serde_json::{Value, json};

/// Why a value cannot be excluded without loosening the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrowError {
    /// The field (event path) it is about.
    pub path: Vec<String>,
    /// For people.
    pub message: String,
}

/// Keep only events whose `path` is `value`: the field's top-level conditions become `[value]`
/// (conditions inside `$or` branches stay; the new field is ANDed with them).
pub fn keep_only(pattern: &Value, path: &[String], value: &Value) -> Value {
    let without = remove_location(pattern, path);
    add_condition(&without, path, value.clone())
}

/// Exclude events whose `path` is `value`:
/// - no top-level condition at the field: add `{"anything-but": [value]}`;
/// - the field lists `value` exactly: remove it (the field goes when it was the last);
/// - the field is only `anything-but` lists: add `value` to the (first) list;
/// - anything else (a prefix, a number range…) would become "prefix OR anything-but", which
///   loosens the rule: an error says so and the pattern is left alone.
pub fn exclude(pattern: &Value, path: &[String], value: &Value) -> Result<Value, NarrowError> {
    let leaf = leaves(pattern)
        .into_iter()
        .find(|leaf| leaf.location.as_slice() == path);
    let Some(leaf) = leaf else {
        return Ok(add_condition(
            pattern,
            path,
            json!({"anything-but": [value]}),
        ));
    };
    if leaf.conditions.contains(value) {
        let kept: Vec<Value> = leaf.conditions.into_iter().filter(|c| c != value).collect();
        return Ok(with_conditions(pattern, path, kept));
    }
    let only_anything_but = leaf
        .conditions
        .iter()
        .all(|c| anything_but_list(c).is_some());
    if !only_anything_but {
        return Err(NarrowError {
            path: path.to_vec(),
            message: format!(
                "{} already has other conditions; excluding a value there would widen the rule",
                path.join(".")
            ),
        });
    }
    let mut conditions = leaf.conditions;
    if let Some(list) = conditions.first_mut().and_then(anything_but_list_mut)
        && !list.contains(value)
    {
        list.push(value.clone());
    }
    Ok(with_conditions(pattern, path, conditions))
}

/// The pattern with the field at `path` holding exactly `conditions` (removed when empty).
fn with_conditions(pattern: &Value, path: &[String], conditions: Vec<Value>) -> Value {
    conditions
        .into_iter()
        .fold(remove_location(pattern, path), |next, condition| {
            add_condition(&next, path, condition)
        })
}

/// The values of `{"anything-but": [..]}` or `{"anything-but": "x"}` (not its prefix forms).
fn anything_but_list(condition: &Value) -> Option<Vec<&Value>> {
    match condition.as_object()?.get("anything-but")? {
        Value::Array(values) => Some(values.iter().collect()),
        Value::Object(_) => None,
        single => Some(vec![single]),
    }
}

/// The `anything-but` list to extend (a single value becomes a list first).
fn anything_but_list_mut(condition: &mut Value) -> Option<&mut Vec<Value>> {
    let slot = condition.as_object_mut()?.get_mut("anything-but")?;
    if !slot.is_array() && !slot.is_object() {
        *slot = Value::Array(vec![slot.take()]);
    }
    slot.as_array_mut()
}
