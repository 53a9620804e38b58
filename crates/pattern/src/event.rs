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
//!
//! Events come as `serde_json::Value` or as the pruned tree `matches_json` reads from bytes
//! ([`crate::prune::Raw`]); both are an [`EventNode`].

use std::ops::ControlFlow;

use serde_json::Value;

/// A leaf value as the operators see it: numbers keep their text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// A string (unescaped).
    Str(&'a str),
    /// A number, as written in the event.
    Num(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

/// What a node of an event is, for walking.
pub(crate) enum Shape<'a, N> {
    Object,
    Array(&'a [N]),
    Leaf(Scalar<'a>),
}

/// A node of an event tree.
pub(crate) trait EventNode: Sized {
    /// Object, array or scalar.
    fn shape(&self) -> Shape<'_, Self>;
    /// Calls `visit` with every child whose key is `rest` (then the remaining name is
    /// `None`: the child is the field) or a part of `rest` up to a dot (then the remaining
    /// name is what follows the dot, possibly `Some("")`: the empty key, as in `b.`).
    fn children_on_path<'s>(
        &'s self,
        rest: &str,
        visit: &mut dyn FnMut(&'s Self, Option<&str>) -> ControlFlow<()>,
    ) -> ControlFlow<()>;
}

/// Objects with at most this many keys are scanned rather than probed by hash.
const SCAN_LIMIT: usize = 16;

impl EventNode for Value {
    #[inline]
    fn shape(&self) -> Shape<'_, Self> {
        match self {
            Value::Object(_) => Shape::Object,
            Value::Array(items) => Shape::Array(items),
            Value::String(s) => Shape::Leaf(Scalar::Str(s)),
            Value::Number(n) => Shape::Leaf(Scalar::Num(n.as_str())),
            Value::Bool(b) => Shape::Leaf(Scalar::Bool(*b)),
            Value::Null => Shape::Leaf(Scalar::Null),
        }
    }

    #[inline]
    fn children_on_path<'s>(
        &'s self,
        rest: &str,
        visit: &mut dyn FnMut(&'s Self, Option<&str>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Value::Object(map) = self else {
            return ControlFlow::Continue(());
        };
        if map.len() <= SCAN_LIMIT {
            // Small objects: one pass over the keys beats hashing every candidate key.
            for (key, child) in map {
                if let Some(after) = rest.strip_prefix(key.as_str()) {
                    if after.is_empty() {
                        visit(child, None)?;
                    } else if let Some(deeper) = after.strip_prefix('.') {
                        visit(child, Some(deeper))?;
                    }
                }
            }
            return ControlFlow::Continue(());
        }
        let mut from = 0;
        while let Some(dot) = rest[from..].find('.').map(|i| i + from) {
            if let Some(child) = map.get(&rest[..dot]) {
                visit(child, Some(&rest[dot + 1..]))?;
            }
            from = dot + 1;
        }
        match map.get(rest) {
            Some(child) => visit(child, None),
            None => ControlFlow::Continue(()),
        }
    }
}

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
    fn push<N>(&mut self, array: &[N], index: usize) {
        self.depth += 1;
        if let Some(entries) = &mut self.entries {
            entries.push((std::ptr::from_ref(array).cast::<N>() as usize, index));
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

/// Calls `found` with every leaf value named `name` in `event`, and the trail that led there.
/// Stops early when `found` breaks.
#[inline]
pub(crate) fn for_each_value<'v, N: EventNode>(
    event: &'v N,
    name: &str,
    trail: &mut Trail,
    found: &mut dyn FnMut(Scalar<'v>, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if !reachable(name) {
        return ControlFlow::Continue(());
    }
    walk(event, name, trail, found)
}

/// Whether event-ruler can ever read a field of this name. It only reads an event key
/// that is a "step" of some pattern name, and finds the steps with Java's `split("\\.")`,
/// which drops trailing empty strings: in `b.` (the key "" inside b) the "" is no step, so
/// the empty key is skipped and the field is never found. We decide this per name (an
/// empty step before the end, as in `a..b.`, makes the empty key readable); event-ruler
/// decides it from all the rule's names together.
pub(crate) fn reachable(name: &str) -> bool {
    let trimmed = name.trim_end_matches('.');
    trimmed.len() == name.len()
        || trimmed.is_empty() && name.is_empty()
        || trimmed.starts_with('.')
        || trimmed.contains("..")
}

fn walk<'v, N: EventNode>(
    node: &'v N,
    rest: &str,
    trail: &mut Trail,
    found: &mut dyn FnMut(Scalar<'v>, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match node.shape() {
        Shape::Object => node.children_on_path(rest, &mut |child, deeper| match deeper {
            None => leaf(child, trail, found),
            Some(deeper) => walk(child, deeper, trail, found),
        }),
        Shape::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                if !matches!(item.shape(), Shape::Leaf(_)) {
                    trail.push(items, index);
                    let flow = walk(item, rest, trail, found);
                    trail.pop();
                    flow?;
                }
            }
            ControlFlow::Continue(())
        }
        Shape::Leaf(_) => ControlFlow::Continue(()),
    }
}

/// Calls `found` with every leaf value of `node` taken as a field's value: itself if a
/// scalar, the scalars of an array (nested arrays looked through, objects skipped).
pub(crate) fn leaf<'v, N: EventNode>(
    node: &'v N,
    trail: &mut Trail,
    found: &mut dyn FnMut(Scalar<'v>, &Trail) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match node.shape() {
        Shape::Object => ControlFlow::Continue(()),
        Shape::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                match item.shape() {
                    Shape::Object => {}
                    Shape::Array(_) => {
                        trail.push(items, index);
                        let flow = leaf(item, trail, found);
                        trail.pop();
                        flow?;
                    }
                    Shape::Leaf(scalar) => found(scalar, trail)?,
                }
            }
            ControlFlow::Continue(())
        }
        Shape::Leaf(scalar) => found(scalar, trail),
    }
}

/// All leaf values named `name`, arrays flattened (for explanations).
pub(crate) fn values_of(event: &Value, name: &str) -> Vec<Value> {
    let mut out = Vec::new();
    if !reachable(name) {
        return out;
    }
    let _ = walk_values(event, name, &mut |v| {
        out.push(v.clone());
        ControlFlow::Continue(())
    });
    out
}

/// Like [`for_each_value`] on a `serde_json::Value`, giving the values themselves.
fn walk_values<'v>(
    node: &'v Value,
    rest: &str,
    found: &mut dyn FnMut(&'v Value) -> ControlFlow<()>,
) -> ControlFlow<()> {
    fn leaf_values<'v>(
        node: &'v Value,
        found: &mut dyn FnMut(&'v Value) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match node {
            Value::Object(_) => ControlFlow::Continue(()),
            Value::Array(items) => {
                for item in items {
                    if !item.is_object() {
                        leaf_values(item, found)?;
                    }
                }
                ControlFlow::Continue(())
            }
            scalar => found(scalar),
        }
    }
    match node {
        Value::Object(_) => node.children_on_path(rest, &mut |child, deeper| match deeper {
            None => leaf_values(child, found),
            Some(deeper) => walk_values(child, deeper, found),
        }),
        Value::Array(items) => {
            for item in items {
                if item.is_object() || item.is_array() {
                    walk_values(item, rest, found)?;
                }
            }
            ControlFlow::Continue(())
        }
        _ => ControlFlow::Continue(()),
    }
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
            "h": {"i": {}},
            "j": {"": {"": 10, "m": 13}, "k": 11},
            "l": 12
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
            // Empty keys are names too: `b.` is the key "" inside b, never b itself.
            ("h.", vec![]),
            ("j..", vec![]),
            ("j.", vec![]),
            ("l.", vec![]),
            ("j...", vec![]),
            ("j..m", vec![json!(13)]),
        ];
        for (name, expected) in cases {
            assert_eq!(&values_of(&event, name), expected, "{name}");
        }
    }
}
