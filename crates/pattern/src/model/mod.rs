//! The pattern as written, typed: the public, read-only model every other crate works on.
//!
//! The compiled form is built for matching; the model is built for people and tools — the
//! editor's completion and quick fixes, the builder's tree, exports, SQL, tips. It keeps the
//! keys in their written order (repeats included), dotted keys as written beside the field
//! path they resolve to, every condition typed with its operands, `$or` as a tree, and the
//! byte span of each part. Only [`crate::check`] builds it, from a valid pattern, so nothing
//! outside this crate ever parses pattern JSON again.

mod build;
mod operator;

use std::ops::Range;

use serde_json::Value;

use crate::path::Path;

pub(crate) use build::build;
pub use operator::{AnythingBut, Comparison, Literal, NumberLiteral, NumericOp, Operator};

/// A valid pattern, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternModel {
    /// The top-level object.
    pub root: Object,
}

/// An object of the pattern: the root, a nested field, or a `$or` branch. Its members must all
/// hold (AND).
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// From `{` to after `}`.
    pub span: Range<usize>,
    /// In written order, repeats included (AWS keeps the last of a repeated field).
    pub members: Vec<Member>,
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq)]
pub enum Member {
    /// `"key": { … }`: a nested object.
    Nested(Nested),
    /// `"key": [ … ]`: conditions on a field's values.
    Leaf(Leaf),
    /// `"$or": [ {…}, {…} ]`: alternatives.
    Or(OrGroup),
}

/// `"key": { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Nested {
    /// The key as written (a dotted key stays one key here).
    pub key: String,
    /// Span of the key with its quotes.
    pub key_span: Range<usize>,
    /// The field path this object stands for (dotted keys resolved).
    pub path: Path,
    /// The object.
    pub object: Object,
}

/// `"key": [conditions]`: the field at `path` matches when any condition holds for any of its
/// values (`exists: false` when it has none).
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    /// The key as written.
    pub key: String,
    /// Span of the key with its quotes.
    pub key_span: Range<usize>,
    /// Span of the `[…]` list.
    pub span: Range<usize>,
    /// The keys from the root as written, outermost first (`{"a.b": {"c": …}}` → `a.b`, `c`).
    pub keys: Vec<String>,
    /// The field path the engine reads: the keys with dotted keys split (`a`, `b`, `c`).
    pub path: Path,
    /// The JSON path of the list in the pattern (`$or[1].detail.eventName`), for diagnostics.
    pub json_path: Path,
    /// The conditions, in written order.
    pub conditions: Vec<Condition>,
    /// The `$or` branch indexes this leaf sits in, outermost first.
    pub branches: Vec<usize>,
}

/// One item of a leaf list.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// Span of the item (`"RunInstances"` or `{"prefix": "Create"}`).
    pub span: Range<usize>,
    /// What it asks.
    pub operator: Operator,
    /// The item as written (`{"exactly": "x"}` stays explicit, a one-item list stays a list).
    pub json: Value,
}

/// `"$or": [ … ]`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrGroup {
    /// Span of the `$or` key.
    pub key_span: Range<usize>,
    /// Span of the list of branches.
    pub span: Range<usize>,
    /// The branches; the group holds when any branch does.
    pub branches: Vec<Object>,
}

impl PatternModel {
    /// Every leaf, depth first in written order (`$or` branches included).
    pub fn leaves(&self) -> Vec<&Leaf> {
        let mut out = Vec::new();
        self.root.collect_leaves(&mut out);
        out
    }

    /// The leaf whose list span contains `offset` (for the editor's cursor).
    pub fn leaf_at(&self, offset: usize) -> Option<&Leaf> {
        self.leaves()
            .into_iter()
            .filter(|leaf| leaf.key_span.start <= offset && offset <= leaf.span.end)
            .min_by_key(|leaf| leaf.span.end - leaf.key_span.start)
    }

    /// The pattern as JSON, keys in written order, numbers as written. A repeated key keeps
    /// the last value, as AWS does.
    pub fn to_json(&self) -> Value {
        self.root.to_json()
    }

    /// The pattern pretty-printed the one way EventPen writes patterns (see [`crate::pretty`]).
    pub fn pretty(&self) -> String {
        crate::pretty::pretty(&self.to_json())
    }

    /// The pattern on one line, as the AWS documentation prints patterns.
    pub fn one_line(&self) -> String {
        crate::pretty::one_line(&self.to_json())
    }
}

impl Object {
    fn collect_leaves<'m>(&'m self, out: &mut Vec<&'m Leaf>) {
        for member in &self.members {
            match member {
                Member::Nested(nested) => nested.object.collect_leaves(out),
                Member::Leaf(leaf) => out.push(leaf),
                Member::Or(group) => {
                    for branch in &group.branches {
                        branch.collect_leaves(out);
                    }
                }
            }
        }
    }

    /// The object as JSON.
    pub fn to_json(&self) -> Value {
        let mut map = serde_json::Map::new();
        for member in &self.members {
            let (key, value) = match member {
                Member::Nested(nested) => (nested.key.clone(), nested.object.to_json()),
                Member::Leaf(leaf) => (leaf.key.clone(), leaf.to_json()),
                Member::Or(group) => (
                    crate::operators::or::KEYWORD.to_string(),
                    Value::Array(group.branches.iter().map(Object::to_json).collect()),
                ),
            };
            map.insert(key, value);
        }
        Value::Object(map)
    }
}

impl Leaf {
    /// The leaf's list as JSON.
    pub fn to_json(&self) -> Value {
        Value::Array(self.conditions.iter().map(|c| c.json.clone()).collect())
    }

    /// Whether a missing field satisfies the leaf (an `exists: false` among its conditions).
    pub fn accepts_absence(&self) -> bool {
        self.conditions.iter().any(|c| c.operator.accepts_absence())
    }
}

#[cfg(test)]
mod tests;
