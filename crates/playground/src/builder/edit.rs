//! Edits at a location: add, replace or remove one condition, toggle an exact value, remove a
//! field or an `$or` branch, group fields into an `$or`.
//!
//! Every edit tidies up after itself (an emptied leaf, object or `$or` branch disappears; an
//! `$or` left with one branch is merged back when that changes nothing), so the JSON a click
//! produces is always what a person would have written.
use super::outline::value_leaves;
use serde_json::{Map, Value};
use std::fmt;

/// Why an edit could not be made (the pattern is returned unchanged alongside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// What kind of problem.
    pub kind: BuildErrorKind,
    /// The location it is about (segments).
    pub location: Vec<String>,
    /// For people.
    pub message: String,
}

/// The kinds of [`BuildError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildErrorKind {
    /// Fewer than two fields to group, or the same field twice.
    NotEnoughFields,
    /// A field to group sits inside an `$or` already.
    AlreadyGrouped,
    /// No leaf at that location.
    NoSuchField,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BuildError {}

/// Add `condition` to the leaf at `location` (created, with any objects on the way, when
/// missing; `"$or", "<number of branches>"` makes a new branch). A second value at the same
/// field is an OR within that field.
pub fn add_condition(pattern: &Value, location: &[String], condition: Value) -> Value {
    edit_leaf(pattern, location, true, |leaf| {
        if !leaf.contains(&condition) {
            leaf.push(condition)
        }
    })
}

/// Remove condition number `index` of the leaf at `location` (the field goes when it was the last).
pub fn remove_condition(pattern: &Value, location: &[String], index: usize) -> Value {
    edit_leaf(pattern, location, false, |leaf| {
        if index < leaf.len() {
            leaf.remove(index);
        }
    })
}

/// Replace condition number `index` of the leaf at `location` with `condition`.
pub fn replace_condition(
    pattern: &Value,
    location: &[String],
    index: usize,
    condition: Value,
) -> Value {
    edit_leaf(pattern, location, false, |leaf| {
        if let Some(slot) = leaf.get_mut(index) {
            *slot = condition
        }
    })
}

/// Add the exact value `value` at the event field `path`, or remove it when the pattern already
/// has it there (also inside an `$or` branch) — the event tree's and the facets' click.
pub fn toggle_exact(pattern: &Value, path: &[String], value: &Value) -> Value {
    let found = value_leaves(pattern)
        .into_iter()
        .filter(|leaf| leaf.path == path && leaf.conditions.contains(value))
        .min_by_key(|leaf| leaf.location.len())
        .map(|leaf| leaf.location);
    match found {
        Some(location) => edit_leaf(pattern, &location, false, |leaf| {
            leaf.retain(|c| c != value);
        }),
        None => add_condition(pattern, path, value.clone()),
    }
}

/// Remove what sits at `location`: a whole field, an `$or` branch (`[…, "$or", "1"]`) or a
/// whole `$or` group (`[…, "$or"]`).
pub fn remove_location(pattern: &Value, location: &[String]) -> Value {
    let mut root = root_of(pattern);
    let Some((last, prefix)) = location.split_last() else {
        return root;
    };
    if let Some(Ok(branch)) = prefix
        .last()
        .filter(|p| *p == "$or")
        .map(|_| last.parse::<usize>())
    {
        with_parent(&mut root, prefix, false, &mut |map, key| {
            if let Some(Value::Array(branches)) = map.get_mut(key)
                && branch < branches.len()
            {
                branches.remove(branch);
            }
        });
    } else {
        with_parent(&mut root, location, false, &mut |map, key| {
            map.shift_remove(key);
        });
    }
    root
}

/// Make the fields at `locations` (none inside an `$or`) alternatives: one `$or` in the deepest
/// object they share, `{"detail": {"a": […], "b": […]}}` → `{"detail": {"$or": [{"a": […]},
/// {"b": […]}]}}`. When that object has an `$or` already (an object holds only one), they join
/// it as more branches — so a single field can be added to an existing group too.
pub fn wrap_in_or(pattern: &Value, locations: &[Vec<String>]) -> Result<Value, BuildError> {
    let error = |kind, location: &[String], message: &str| BuildError {
        kind,
        location: location.to_vec(),
        message: message.to_string(),
    };
    let mut unique: Vec<&Vec<String>> = Vec::new();
    for location in locations {
        if location.iter().any(|s| s == "$or") {
            return Err(error(
                BuildErrorKind::AlreadyGrouped,
                location,
                "This field is already inside an $or group.",
            ));
        }
        if !unique.contains(&location) {
            unique.push(location);
        }
    }
    let shared = common_parent(&unique);
    let mut root = root_of(pattern);
    let joins_group = object_at(&root, &shared).is_some_and(|m| m.contains_key("$or"));
    if unique.len() < 2 && !joins_group {
        return Err(error(
            BuildErrorKind::NotEnoughFields,
            &[],
            "Choose at least two different fields to group with $or.",
        ));
    }
    let mut branches = Vec::new();
    for location in unique {
        let mut taken = None;
        with_parent(&mut root, location, false, &mut |map, key| {
            taken = map.shift_remove(key);
        });
        let Some(leaf) = taken else {
            return Err(error(
                BuildErrorKind::NoSuchField,
                location,
                "No such field in the pattern.",
            ));
        };
        let branch = location[shared.len()..]
            .iter()
            .rev()
            .fold(leaf, |inner, key| {
                Value::Object(Map::from_iter([(key.clone(), inner)]))
            });
        branches.push(branch);
    }
    let mut branches = Some(branches);
    let mut location = shared.clone();
    location.push("$or".to_string());
    with_parent(&mut root, &location, true, &mut |map, key| {
        let Some(branches) = branches.take() else {
            return;
        };
        match map.get_mut(key) {
            Some(Value::Array(existing)) => existing.extend(branches),
            _ => {
                map.insert(key.to_string(), Value::Array(branches));
            }
        }
    });
    Ok(root)
}

/// The parent segments all locations share (where an `$or` grouping them can live).
fn common_parent(locations: &[&Vec<String>]) -> Vec<String> {
    let Some((first, rest)) = locations.split_first() else {
        return Vec::new();
    };
    let mut shared = first[..first.len().saturating_sub(1)].to_vec();
    for location in rest {
        let parent = &location[..location.len().saturating_sub(1)];
        let same = shared
            .iter()
            .zip(parent)
            .take_while(|(a, b)| a == b)
            .count();
        shared.truncate(same);
    }
    shared
}

/// The object at a plain (no `$or`) location, if there is one.
fn object_at<'a>(root: &'a Value, location: &[String]) -> Option<&'a Map<String, Value>> {
    location
        .iter()
        .try_fold(root, |value, key| value.get(key))?
        .as_object()
}

/// The pattern as an object to edit (anything else — no pattern yet — starts empty).
fn root_of(pattern: &Value) -> Value {
    match pattern {
        Value::Object(_) => pattern.clone(),
        _ => Value::Object(Map::new()),
    }
}

/// Run `edit` on the leaf array at `location` (created when `create`), then tidy up.
fn edit_leaf(
    pattern: &Value,
    location: &[String],
    create: bool,
    edit: impl FnOnce(&mut Vec<Value>),
) -> Value {
    let mut root = root_of(pattern);
    let mut edit = Some(edit);
    with_parent(&mut root, location, create, &mut |map, key| {
        if create && !map.contains_key(key) {
            map.insert(key.to_string(), Value::Array(Vec::new()));
        }
        let Some(leaf) = map.get_mut(key) else { return };
        if !leaf.is_array() && !leaf.is_object() {
            // A scalar leaf is invalid JSON for a pattern; the edit makes it the list it should be.
            *leaf = Value::Array(vec![leaf.take()]);
        }
        if let (Value::Array(conditions), Some(edit)) = (leaf, edit.take()) {
            edit(conditions);
        }
    });
    root
}

/// Walk to the object holding the last segment of `location` (creating objects on the way when
/// `create`), call `at(object, last_segment)`, then tidy every level on the way back.
fn with_parent(
    root: &mut Value,
    location: &[String],
    create: bool,
    at: &mut dyn FnMut(&mut Map<String, Value>, &str),
) {
    let Value::Object(map) = root else { return };
    walk(map, location, create, at);
}

fn walk(
    map: &mut Map<String, Value>,
    location: &[String],
    create: bool,
    at: &mut dyn FnMut(&mut Map<String, Value>, &str),
) {
    let Some((first, rest)) = location.split_first() else {
        return;
    };
    if rest.is_empty() {
        at(map, first);
        tidy(map, first);
        return;
    }
    if first == "$or"
        && let Ok(index) = rest[0].parse::<usize>()
        && let Some(Value::Array(branches)) = map.get_mut("$or")
    {
        if create && index == branches.len() {
            // One past the last branch: a new branch (how "add a branch" addresses it).
            branches.push(Value::Object(Map::new()));
        }
        if let Some(Value::Object(branch)) = branches.get_mut(index) {
            walk(branch, &rest[1..], create, at);
        }
        tidy(map, "$or");
        return;
    }
    if create && !map.contains_key(first.as_str()) {
        map.insert(first.clone(), Value::Object(Map::new()));
    }
    if let Some(Value::Object(child)) = map.get_mut(first.as_str()) {
        walk(child, rest, create, at);
        tidy(map, first);
    }
}

/// Drop `map[key]` when it became empty; keep an `$or` valid and minimal.
fn tidy(map: &mut Map<String, Value>, key: &str) {
    let empty = match map.get_mut(key) {
        Some(Value::Array(items)) => {
            if key == "$or" {
                items.retain(|b| !b.as_object().is_some_and(Map::is_empty));
            }
            items.is_empty()
        }
        Some(Value::Object(child)) => child.is_empty(),
        _ => false,
    };
    if empty {
        map.shift_remove(key);
    } else if key == "$or" {
        merge_single_branch(map);
    }
}

/// An `$or` with one branch means just that branch: merge it in, where it keeps its place,
/// unless its keys would clash with the object's own.
fn merge_single_branch(map: &mut Map<String, Value>) {
    let single = match map.get("$or") {
        Some(Value::Array(branches)) if branches.len() == 1 => match &branches[0] {
            Value::Object(branch) if branch.keys().all(|k| !map.contains_key(k)) => branch.clone(),
            _ => return,
        },
        _ => return,
    };
    let old = std::mem::take(map);
    for (key, value) in old {
        if key == "$or" {
            map.extend(single.clone());
        } else {
            map.insert(key, value);
        }
    }
}
