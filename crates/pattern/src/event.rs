//! Finding a field's values in an event, as event-ruler flattens events.
//!
//! event-ruler names every leaf value by its keys joined with `.`, so the pattern field
//! `detail.state.status` finds `{"detail": {"state": {"status": …}}}` and also
//! `{"detail": {"state.status": …}}` (AWS-verified). Arrays are looked through: every
//! element is a value. Objects are not values, so `exists` on an object finds nothing.
//!
//! For array-consistent matching each value carries its *membership*: for every array of
//! objects (or of arrays) on the way, which element it came from. Arrays are identified by
//! their address in the event, which is stable while one event is matched.

use std::ops::ControlFlow;

use serde_json::Value;

/// The array elements a value came from: (array identity, element index), outermost first.
/// Only recorded when `entries` is present (the slow path); the fast path only counts.
#[derive(Debug, Default)]
pub(crate) struct Trail {
    pub entries: Option<Vec<(usize, usize)>>,
    pub depth: usize,
}

impl Trail {
    /// A trail that only counts depth (no allocation).
    pub(crate) fn counting() -> Trail {
        Trail {
            entries: None,
            depth: 0,
        }
    }

    /// A trail that records the memberships.
    pub(crate) fn recording() -> Trail {
        Trail {
            entries: Some(Vec::new()),
            depth: 0,
        }
    }

    #[inline]
    fn push(&mut self, array: &[Value], index: usize) {
        self.depth += 1;
        if let Some(entries) = &mut self.entries {
            entries.push((std::ptr::from_ref(array).cast::<Value>() as usize, index));
        }
    }

    #[inline]
    fn pop(&mut self) {
        self.depth -= 1;
        if let Some(entries) = &mut self.entries {
            entries.pop();
        }
    }

    /// The recorded memberships (empty when only counting).
    pub(crate) fn memberships(&self) -> &[(usize, usize)] {
        self.entries.as_deref().unwrap_or(&[])
    }
}

/// Objects with at most this many keys are scanned rather than probed by hash.
const SCAN_LIMIT: usize = 16;

/// Calls `found` with every leaf value named `name` in `event`, and the trail that led there.
/// Stops early when `found` breaks.
#[inline]
pub(crate) fn for_each_value<'v>(
    event: &'v Value,
    name: &str,
    trail: &mut Trail,
    found: &mut impl FnMut(&'v Value, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    walk(event, name, trail, found)
}

fn walk<'v>(
    value: &'v Value,
    rest: &str,
    trail: &mut Trail,
    found: &mut impl FnMut(&'v Value, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match value {
        Value::Object(map) if map.len() <= SCAN_LIMIT => {
            // Small objects: one pass over the keys beats hashing every candidate key.
            for (key, child) in map {
                let Some(after) = rest.strip_prefix(key.as_str()) else {
                    continue;
                };
                if after.is_empty() {
                    leaf(child, trail, found)?;
                } else if let Some(deeper) = after.strip_prefix('.') {
                    walk(child, deeper, trail, found)?;
                }
            }
            ControlFlow::Continue(())
        }
        Value::Object(map) => {
            // The key may be the whole remaining name or any part of it up to a dot.
            let mut from = 0;
            while let Some(dot) = rest[from..].find('.').map(|i| i + from) {
                if let Some(child) = map.get(&rest[..dot]) {
                    walk(child, &rest[dot + 1..], trail, found)?;
                }
                from = dot + 1;
            }
            if let Some(child) = map.get(rest) {
                leaf(child, trail, found)?;
            }
            ControlFlow::Continue(())
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                if matches!(item, Value::Object(_) | Value::Array(_)) {
                    trail.push(items, index);
                    let flow = walk(item, rest, trail, found);
                    trail.pop();
                    flow?;
                }
            }
            ControlFlow::Continue(())
        }
        _ => ControlFlow::Continue(()),
    }
}

fn leaf<'v>(
    value: &'v Value,
    trail: &mut Trail,
    found: &mut impl FnMut(&'v Value, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match value {
        Value::Object(_) => ControlFlow::Continue(()),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                match item {
                    Value::Object(_) => {}
                    Value::Array(_) => {
                        trail.push(items, index);
                        let flow = leaf(item, trail, found);
                        trail.pop();
                        flow?;
                    }
                    scalar => found(scalar, trail)?,
                }
            }
            ControlFlow::Continue(())
        }
        scalar => found(scalar, trail),
    }
}

/// All leaf values named `name`, arrays flattened (for explanations).
pub(crate) fn values_of(event: &Value, name: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let _ = for_each_value(event, name, &mut Trail::counting(), &mut |v, _| {
        out.push(v.clone());
        ControlFlow::Continue(())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::values_of;
    use serde_json::json;

    #[test]
    fn finds_values_by_flattened_name() {
        let event = json!({
            "a": {"b": 1, "c": [2, [3, {"x": 4}], {"d": 5}]},
            "a.b": 6,
            "e": [{"f": 7}, {"f": [8, 9]}, {"g": 0}],
            "h": {"i": {}}
        });
        let cases: &[(&str, Vec<serde_json::Value>)] = &[
            ("a.b", vec![json!(1), json!(6)]),
            ("a.c", vec![json!(2), json!(3)]),
            ("a.c.d", vec![json!(5)]),
            ("a.c.x", vec![json!(4)]),
            ("e.f", vec![json!(7), json!(8), json!(9)]),
            ("h", vec![]),
            ("h.i", vec![]),
            ("missing", vec![]),
        ];
        for (name, expected) in cases {
            assert_eq!(&values_of(&event, name), expected, "{name}");
        }
    }
}
