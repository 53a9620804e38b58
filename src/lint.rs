//! Diagnostics that teach: what the pattern *and* the loaded events say together.
//!
//! The engine validates a pattern on its own; only here do we know the user's events, so only
//! here can we say "no loaded event has `eventName` — did you mean `detail.eventName`?" or
//! "`CreateFunction` is never seen, but `CreateFunction20150331` is: use `prefix`". Pure, so it
//! is tested natively.
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Distinct values remembered per path (enough for hints; bounded for 20,000 events).
const MAX_VALUES_PER_PATH: usize = 2000;

/// One teaching hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The pattern field it is about (dotted for people), if any.
    pub path: Option<String>,
    /// What to tell the user.
    pub message: String,
}

/// Every field path in the events (array elements flattened) with the distinct string values
/// seen there, computed once per event set.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct EventPaths {
    values: BTreeMap<Vec<String>, BTreeSet<String>>,
}

impl EventPaths {
    /// Collect the paths and values of `events`.
    pub fn collect<'a>(events: impl IntoIterator<Item = &'a Value>) -> EventPaths {
        let mut paths = EventPaths::default();
        for event in events {
            let mut path = Vec::new();
            paths.walk(event, &mut path);
        }
        paths
    }

    fn walk(&mut self, value: &Value, path: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    path.push(key.clone());
                    self.walk(child, path);
                    path.pop();
                }
                if !path.is_empty() {
                    self.seen_at(path);
                }
            }
            Value::Array(items) => {
                self.seen_at(path);
                for item in items {
                    self.walk(item, path);
                }
            }
            Value::String(text) => self.record(path, text),
            // Only strings are remembered as values: a pattern's "22" never equals a number 22.
            _ => {
                self.seen_at(path);
            }
        }
    }

    /// The value set at `path`, created on first sight (the path is cloned only then: this
    /// runs for every leaf of every loaded event).
    fn seen_at(&mut self, path: &[String]) -> &mut BTreeSet<String> {
        if !self.values.contains_key(path) {
            self.values.insert(path.to_vec(), BTreeSet::new());
        }
        self.values.get_mut(path).expect("inserted above")
    }

    fn record(&mut self, path: &[String], text: &str) {
        let seen = self.seen_at(path);
        if seen.len() < MAX_VALUES_PER_PATH && !seen.contains(text) {
            seen.insert(text.to_string());
        }
    }

    /// Whether any event has `path`.
    pub fn has(&self, path: &[String]) -> bool {
        self.values.contains_key(path)
    }

    /// The distinct string values seen at `path`.
    pub fn values(&self, path: &[String]) -> Option<&BTreeSet<String>> {
        self.values.get(path)
    }

    /// Every path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &Vec<String>> {
        self.values.keys()
    }
}

/// A leaf of the pattern: a field path and its list of conditions.
struct Leaf<'a> {
    path: Vec<String>,
    conditions: &'a [Value],
}

fn leaves<'a>(pattern: &'a Value, path: &mut Vec<String>, out: &mut Vec<Leaf<'a>>) {
    let Value::Object(map) = pattern else { return };
    for (key, value) in map {
        match value {
            Value::Array(branches) if key == "$or" && branches.iter().all(Value::is_object) => {
                for branch in branches {
                    leaves(branch, path, out);
                }
            }
            Value::Array(conditions) => {
                path.push(key.clone());
                out.push(Leaf {
                    path: path.clone(),
                    conditions,
                });
                path.pop();
            }
            Value::Object(_) => {
                path.push(key.clone());
                leaves(value, path, out);
                path.pop();
            }
            _ => {}
        }
    }
}

/// Dotted path for people.
pub fn dotted(path: &[String]) -> String {
    path.join(".")
}

/// Whether a condition is satisfied by a missing field (so a missing path is expected).
fn allows_missing(condition: &Value) -> bool {
    match condition {
        Value::Object(op) => {
            op.get("exists") == Some(&Value::Bool(false)) || op.contains_key("anything-but")
        }
        _ => false,
    }
}

/// The hints for `pattern` (already valid JSON) against the loaded events' paths.
pub fn teach(pattern: &Value, events: &EventPaths, event_count: usize) -> Vec<Hint> {
    let mut hints = Vec::new();
    if event_count == 0 {
        return hints;
    }
    let mut found = Vec::new();
    leaves(pattern, &mut Vec::new(), &mut found);
    for leaf in &found {
        let name = dotted(&leaf.path);
        if leaf.path.first().is_some_and(|f| f == "resources") && leaf.path.len() > 1 {
            hints.push(Hint {
                path: Some(name.clone()),
                message: format!(
                    "`{name}` reads the envelope's `resources`, a list of ARN strings (empty for CloudTrail events). CloudTrail's resource objects are under `detail.resources` — try `detail.{name}`."
                ),
            });
            continue;
        }
        if !events.has(&leaf.path) {
            if leaf.conditions.iter().all(allows_missing) {
                continue;
            }
            let mut message = format!("No loaded event has `{name}`.");
            if let Some(suggestion) = similar_path(&leaf.path, events) {
                message.push_str(&format!(" Did you mean `{}`?", dotted(suggestion)));
            }
            hints.push(Hint {
                path: Some(name),
                message,
            });
            continue;
        }
        let Some(seen) = events.values(&leaf.path) else {
            continue;
        };
        for condition in leaf.conditions {
            let Value::String(wanted) = condition else {
                continue;
            };
            if seen.contains(wanted) {
                continue;
            }
            if let Some(hint) = near_value(&name, wanted, seen) {
                hints.push(Hint {
                    path: Some(name.clone()),
                    message: hint,
                });
            }
        }
    }
    hints
}

/// A path the user probably meant: the same last segment somewhere else (e.g. `eventName` at the
/// top level → `detail.eventName`), else the closest path by edit distance.
fn similar_path<'a>(wanted: &[String], events: &'a EventPaths) -> Option<&'a Vec<String>> {
    let last = wanted.last()?;
    let same_leaf = events
        .paths()
        .filter(|p| p.last() == Some(last))
        .min_by_key(|p| p.len());
    if same_leaf.is_some() {
        return same_leaf;
    }
    let wanted_text = dotted(wanted).to_lowercase();
    events
        .paths()
        .map(|p| {
            (
                strsim::levenshtein(&dotted(p).to_lowercase(), &wanted_text),
                p,
            )
        })
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, p)| p)
}

/// Advice when no event has the exact value `wanted` at `name` but a near one exists.
fn near_value(name: &str, wanted: &str, seen: &BTreeSet<String>) -> Option<String> {
    let longer: Vec<&String> = seen.iter().filter(|v| v.starts_with(wanted)).collect();
    if let Some(first) = longer.first() {
        let mut hint = format!(
            "No loaded event has `{name}` = \"{wanted}\", but \"{first}\" starts with it. Exact values must match whole: use {{\"prefix\": \"{wanted}\"}}."
        );
        if longer.len() > 1 {
            // The obvious prefix can be too broad (CreateFunction also starts CreateFunctionUrlConfig…).
            let others: Vec<String> = longer[1..]
                .iter()
                .take(3)
                .map(|v| format!("\"{v}\""))
                .collect();
            hint.push_str(&format!(
                " Careful: that prefix also matches {}{} — lengthen it if those should not match.",
                others.join(", "),
                if longer.len() > 4 { ", …" } else { "" }
            ));
        }
        return Some(hint);
    }
    if let Some(other_case) = seen.iter().find(|v| v.eq_ignore_ascii_case(wanted)) {
        return Some(format!(
            "No loaded event has `{name}` = \"{wanted}\", but one has \"{other_case}\". Matching is case-sensitive: fix the case or use {{\"equals-ignore-case\": \"{wanted}\"}}."
        ));
    }
    let closest = seen
        .iter()
        .map(|v| (strsim::levenshtein(v, wanted), v))
        .filter(|(distance, v)| *distance <= 2.max(wanted.len() / 8) && !v.is_empty())
        .min_by_key(|(distance, _)| *distance)?;
    Some(format!(
        "No loaded event has `{name}` = \"{wanted}\". Did you mean \"{}\"?",
        closest.1
    ))
}

#[cfg(test)]
mod tests;
