//! A compiled pattern seen from the side of a column store: the plan for matching many events
//! by field instead of one event at a time.
//!
//! A column matcher evaluates each leaf's conditions once per distinct value of its field
//! ([`PlanLeaf::accepts`]), turns that into per-event facts ([`LeafFacts`]), combines them
//! through the and/or tree ([`Plan::node`]), and asks [`Plan::decide`] for the events whose
//! facts leave array consistency open; where that says `None` (or the plan
//! [`Plan::needs_events`]), only the event itself can answer (`Pattern::matches`). The rules
//! stay here: the plan exposes the same decision the per-event fast path takes, so the two
//! can never disagree.
//!
//! ```
//! use eventpen_pattern::columns::{LeafFacts, PlanNode, Scalar};
//!
//! let pattern = eventpen_pattern::compile(r#"{"detail": {"eventName": [{"prefix": "Run"}]}}"#).unwrap();
//! let plan = pattern.plan();
//! let leaf = plan.leaf(0);
//! assert_eq!(leaf.name(), "detail.eventName");
//! assert!(leaf.accepts(Scalar::Str("RunInstances")));
//! assert!(!leaf.accepts(Scalar::Str("StopInstances")));
//! assert!(matches!(plan.node(plan.root()), PlanNode::All(_)));
//! // One event whose only value matched, outside any array: decided without the event.
//! let facts = LeafFacts { matched: true, matched_anywhere: true, present: true, in_array: false };
//! assert_eq!(plan.decide(&mut |_| facts), Some(true));
//! ```

use std::ops::Range;

use crate::Pattern;
use crate::compile::{Compiled, Field};
use crate::matching::{FieldOutcome, decide};
use crate::tree::{Liveness, Node};

pub use crate::event::Scalar;

/// How a pattern combines its leaves, for matching by column.
#[derive(Debug, Clone, Copy)]
pub struct Plan<'p> {
    compiled: &'p Compiled,
}

/// A node of the and/or tree; ids index [`Plan::node`], leaves index [`Plan::leaf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanNode<'p> {
    /// The leaf with this index.
    Leaf(usize),
    /// Every child must hold (an object, or a `$or` branch).
    All(&'p [usize]),
    /// Some child must hold (a `$or`).
    Any(&'p [usize]),
}

/// Whether a leaf counts, given that a later leaf with the same flattened name replaces it
/// (duplicate keys: AWS keeps the last).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeafRole {
    /// Counts wherever it is.
    Counts,
    /// Replaced on every path: it never counts (treat it as satisfied).
    Replaced,
    /// Replaced on some paths only: the plan [`Plan::needs_events`].
    SometimesReplaced,
}

/// What one event's values at a leaf's field did: the facts [`Plan::decide`] needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeafFacts {
    /// Some value satisfies one of the leaf's conditions.
    pub matched: bool,
    /// A value that satisfies a condition is outside any array of objects (and outside any
    /// nested array): it goes with any other value.
    pub matched_anywhere: bool,
    /// The field has at least one value.
    pub present: bool,
    /// Some value came from inside an array of objects or a nested array.
    pub in_array: bool,
}

impl<'p> Plan<'p> {
    /// How many leaves the pattern has (written leaves, replaced ones included).
    pub fn leaf_count(&self) -> usize {
        self.compiled.fields.len()
    }

    /// Leaf `index` (`0..leaf_count()`, in text order).
    pub fn leaf(&self, index: usize) -> PlanLeaf<'p> {
        PlanLeaf {
            field: &self.compiled.fields[index],
            role: match self.compiled.tree.liveness[index] {
                Liveness::Final => LeafRole::Counts,
                Liveness::Dead => LeafRole::Replaced,
                Liveness::Contested => LeafRole::SometimesReplaced,
            },
        }
    }

    /// Every leaf, in text order.
    pub fn leaves(&self) -> impl Iterator<Item = PlanLeaf<'p>> + '_ {
        (0..self.leaf_count()).map(|index| self.leaf(index))
    }

    /// The root node's id.
    pub fn root(&self) -> usize {
        self.compiled.tree.root
    }

    /// How many nodes the tree has; children always have smaller ids than their parent.
    pub fn node_count(&self) -> usize {
        self.compiled.tree.nodes.len()
    }

    /// Node `id` of the and/or tree.
    pub fn node(&self, id: usize) -> PlanNode<'p> {
        match &self.compiled.tree.nodes[id] {
            Node::Leaf(index) => PlanNode::Leaf(*index),
            Node::All(children) => PlanNode::All(children),
            Node::Any(branches) => PlanNode::Any(branches),
        }
    }

    /// Whether every event must be matched on its own: some leaf is replaced on some paths
    /// only ([`LeafRole::SometimesReplaced`]), which the facts cannot decide. A matcher may
    /// still rule out events no path could match, treating such leaves as satisfied.
    pub fn needs_events(&self) -> bool {
        self.compiled.tree.contested
    }

    /// The verdict for one event from its leaves' facts (asked for by leaf index, only for
    /// leaves that count), or `None` when array consistency must be checked on the event.
    /// Must not be called when [`Plan::needs_events`].
    pub fn decide(&self, facts: &mut dyn FnMut(usize) -> LeafFacts) -> Option<bool> {
        let mut outcome = |index: usize| {
            let f = facts(index);
            FieldOutcome {
                matched: f.matched,
                matched_anywhere: f.matched_anywhere,
                present: f.present,
                in_array: f.in_array,
            }
        };
        decide(self.compiled, &mut outcome)
    }
}

/// One leaf of the pattern: a field and its conditions.
#[derive(Debug, Clone, Copy)]
pub struct PlanLeaf<'p> {
    field: &'p Field,
    role: LeafRole,
}

impl<'p> PlanLeaf<'p> {
    /// The flattened name the leaf reads (`detail.eventName`): every event value whose keys,
    /// joined with `.`, spell it (so `{"a.b": 1}` and `{"a": {"b": 1}}` both count).
    pub fn name(&self) -> &'p str {
        &self.field.name
    }

    /// The keys as written, outermost first (`{"a.b": …}` is one key `a.b`).
    pub fn keys(&self) -> &'p [String] {
        &self.field.segments
    }

    /// Whether event-ruler can ever find a value for this name (a trailing empty key, as in
    /// `b.`, is never read): when not, the leaf sees no values in any event.
    pub fn readable(&self) -> bool {
        crate::event::reachable(&self.field.name)
    }

    /// Whether the leaf counts, given duplicate names.
    pub fn role(&self) -> LeafRole {
        self.role
    }

    /// Whether `{"exists": false}` is among its conditions: an event without values passes.
    pub fn accepts_absence(&self) -> bool {
        self.field.accepts_absence
    }

    /// Whether one event value satisfies any of the leaf's conditions.
    pub fn accepts(&self, value: Scalar<'_>) -> bool {
        self.field.value_matches(value)
    }

    /// How many conditions (items of the leaf's list) it has.
    pub fn condition_count(&self) -> usize {
        self.field.matchers.len()
    }

    /// Whether one event value satisfies condition `index` (an `exists: false` condition is
    /// satisfied by no value, only by absence).
    pub fn condition_accepts(&self, index: usize, value: Scalar<'_>) -> bool {
        self.field.matchers[index].matches(value)
    }

    /// Span of the leaf's `[…]` list in the pattern text (the model leaf's `span`).
    pub fn span(&self) -> Range<usize> {
        self.field.span.clone()
    }

    /// Span of the leaf's key in the pattern text.
    pub fn key_span(&self) -> Range<usize> {
        self.field.key_span.clone()
    }

    /// Span of each condition's item in the pattern text.
    pub fn condition_spans(&self) -> &'p [Range<usize>] {
        &self.field.item_spans
    }

    /// Whether `other` (possibly of another pattern) reads the same name with the same
    /// conditions, so it accepts exactly the same values: the key of a per-leaf cache.
    pub fn same_test(&self, other: &PlanLeaf<'_>) -> bool {
        self.field.name == other.field.name && self.field.matchers == other.field.matchers
    }
}

impl Pattern {
    /// The plan for matching by column.
    pub fn plan(&self) -> Plan<'_> {
        Plan {
            compiled: &self.inner,
        }
    }
}
