//! Matching an event against a compiled pattern.
//!
//! The pattern matches when some path through its and/or tree (one of event-ruler's
//! sub-rules) does. A path matches when every leaf that counts on it is satisfied — by a
//! value one of its conditions accepts, or, for a leaf with `exists: false`, by having no
//! value. Like event-ruler's `rulesForJSONEvent`, values used together must be
//! *array-consistent*: two values that came from the same array of objects must come from
//! the same element of it (`{"d": {"a": …, "b": …}}` does not match
//! `{"d": [{"a": …}, {"b": …}]}`), and `exists: false` only needs no value in the element the
//! other leaves' values came from.
//!
//! Fast path, linear in pattern size × event size: every leaf is evaluated once (one pass
//! over its values that only counts array depth, stops at the first match and allocates
//! nothing), then one bottom-up pass over the tree decides. It is exact unless a leaf is
//! replaced on some paths only (duplicate names across `$or`s) or a path that could match
//! has two or more leaves tied to array elements; those cases go to [`crate::choice`],
//! which searches paths and values together.

use std::ops::ControlFlow;

use crate::compile::{Compiled, Field};
use crate::event::{EventNode, Scalar, Trail, for_each_value, leaf};
use crate::tree::{Liveness, Node, NodeId};

/// What one pass over a field's values found.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FieldOutcome {
    /// Some value satisfies a condition.
    pub matched: bool,
    /// A value outside any array of objects satisfies a condition: it goes with any other
    /// value, so the field puts no constraint on array consistency.
    pub matched_anywhere: bool,
    /// The field has at least one value.
    pub present: bool,
    /// Some value seen came from inside an array of objects (membership matters).
    pub in_array: bool,
}

impl FieldOutcome {
    /// Satisfied on its own (ignoring array consistency).
    pub(crate) fn passed(&self, field: &Field) -> bool {
        self.matched || (field.accepts_absence && !self.present)
    }

    /// Not passed, but an absence that can still hold relative to the array element the
    /// other leaves' values come from.
    pub(crate) fn maybe_absent(&self, field: &Field) -> bool {
        !self.passed(field) && field.accepts_absence && self.in_array
    }

    /// Passed, or may pass once array consistency is looked at.
    pub(crate) fn possible(&self, field: &Field) -> bool {
        self.passed(field) || self.maybe_absent(field)
    }

    /// Whether array consistency could change this field's verdict: it is only satisfied
    /// by values inside arrays of objects, or it is an absence with values in such arrays.
    pub(crate) fn constrained(&self, field: &Field) -> bool {
        (self.matched && !self.matched_anywhere)
            || (field.accepts_absence && !self.matched && self.in_array)
    }
}

/// Evaluates one field without allocating. Stops at the first matching value unless the
/// field accepts absence (which needs to see every value).
#[inline]
pub(crate) fn evaluate<N: EventNode>(field: &Field, event: &N) -> FieldOutcome {
    outcome_of_values(field, |found| {
        for_each_value(event, &field.name, &mut Trail::counting(), found)
    })
}

/// [`evaluate`] on one value of the field (the value of a key that names it), for the
/// byte path's early verdicts ([`crate::prune`]).
#[inline]
pub(crate) fn evaluate_value<N: EventNode>(field: &Field, value: &N) -> FieldOutcome {
    outcome_of_values(field, |found| leaf(value, &mut Trail::counting(), found))
}

/// The outcome of the values `walk` finds.
#[inline]
fn outcome_of_values<'v>(
    field: &Field,
    walk: impl FnOnce(&mut dyn FnMut(Scalar<'v>, &Trail) -> ControlFlow<()>) -> ControlFlow<()>,
) -> FieldOutcome {
    let mut outcome = FieldOutcome::default();
    let stop_at_match = !field.accepts_absence;
    let _ = walk(&mut |value, trail| {
        outcome.present = true;
        outcome.in_array |= trail.depth > 0;
        if field.value_matches(value) {
            outcome.matched = true;
            outcome.matched_anywhere |= trail.depth == 0;
            if stop_at_match {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    outcome
}

/// Whether the event matches the compiled pattern.
pub(crate) fn matches<N: EventNode>(compiled: &Compiled, event: &N) -> bool {
    if !compiled.tree.contested {
        let mut outcome = |index: usize| evaluate(&compiled.fields[index], event);
        if let Some(verdict) = decide(compiled, &mut outcome) {
            return verdict;
        }
    }
    crate::search::matches(compiled, event)
}

/// The fast path's verdict from each leaf's outcome (asked for lazily, by field index), or
/// `None` when array consistency must be checked on the event itself. Only for trees with
/// no [`Liveness::Contested`] leaf. Shared by [`matches`] and the column plan
/// ([`crate::columns`]), which supplies outcomes computed from columns.
pub(crate) fn decide<F: FnMut(usize) -> FieldOutcome>(
    compiled: &Compiled,
    outcome: &mut F,
) -> Option<bool> {
    match summarize(compiled, compiled.tree.root, outcome) {
        None => Some(false),
        Some(summary) if summary.fewest_tied_passing < 2 => Some(true),
        Some(summary) if summary.most_tied < 2 => Some(false),
        Some(_) => None,
    }
}

/// Over the paths through a node on which every leaf is possible (see
/// [`FieldOutcome::possible`]), counts of leaves tied to array elements, capped at 2 (enough
/// to know whether array consistency matters).
#[derive(Debug, Clone, Copy)]
struct Summary {
    /// The fewest on a path whose leaves all passed (3 when there is no such path). A path
    /// with fewer than 2 matches whatever the array elements.
    fewest_tied_passing: u8,
    /// The most on any such path: below 2, array consistency cannot help any path.
    most_tied: u8,
}

const NO_PASSING_PATH: u8 = 3;

/// The [`Summary`] of a node, `None` when no path through it is possible. Exact only when
/// no leaf is [`Liveness::Contested`].
fn summarize<F: FnMut(usize) -> FieldOutcome>(
    compiled: &Compiled,
    id: NodeId,
    outcome_of: &mut F,
) -> Option<Summary> {
    match &compiled.tree.nodes[id] {
        Node::Leaf(index) => {
            if compiled.tree.liveness[*index] == Liveness::Dead {
                return Some(Summary {
                    fewest_tied_passing: 0,
                    most_tied: 0,
                });
            }
            let field = &compiled.fields[*index];
            let outcome = outcome_of(*index);
            let tied = u8::from(outcome.constrained(field));
            if outcome.passed(field) {
                Some(Summary {
                    fewest_tied_passing: tied,
                    most_tied: tied,
                })
            } else if outcome.maybe_absent(field) {
                Some(Summary {
                    fewest_tied_passing: NO_PASSING_PATH,
                    most_tied: tied,
                })
            } else {
                None
            }
        }
        Node::All(children) => {
            let mut all = Summary {
                fewest_tied_passing: 0,
                most_tied: 0,
            };
            for &child in children {
                let part = summarize(compiled, child, outcome_of)?;
                all.fewest_tied_passing = if part.fewest_tied_passing == NO_PASSING_PATH
                    || all.fewest_tied_passing == NO_PASSING_PATH
                {
                    NO_PASSING_PATH
                } else {
                    (all.fewest_tied_passing + part.fewest_tied_passing).min(2)
                };
                all.most_tied = (all.most_tied + part.most_tied).min(2);
            }
            Some(all)
        }
        Node::Any(branches) => {
            let mut any: Option<Summary> = None;
            for &branch in branches {
                let Some(part) = summarize(compiled, branch, outcome_of) else {
                    continue;
                };
                any = Some(match any {
                    None => part,
                    Some(so_far) => Summary {
                        fewest_tied_passing: so_far
                            .fewest_tied_passing
                            .min(part.fewest_tied_passing),
                        most_tied: so_far.most_tied.max(part.most_tied),
                    },
                });
            }
            any
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::matching;

    #[test]
    fn values_used_together_come_from_one_array_element() {
        let items = r#"{"d": [{"name": "alice", "status": "active"}, {"name": "bob", "tags": ["x", "y"]}]}"#;
        let cases: &[(&str, &str, bool)] = &[
            (
                r#"{"d": {"name": ["alice"], "status": ["active"]}}"#,
                items,
                true,
            ),
            (
                r#"{"d": {"name": ["bob"], "status": ["active"]}}"#,
                items,
                false,
            ),
            (r#"{"d": {"name": ["bob"], "tags": ["y"]}}"#, items, true),
            (r#"{"d": {"name": ["alice"], "tags": ["y"]}}"#, items, false),
            (
                r#"{"d": {"name": ["bob"], "status": [{"exists": false}]}}"#,
                items,
                true,
            ),
            (
                r#"{"d": {"name": ["alice"], "status": [{"exists": false}]}}"#,
                items,
                false,
            ),
            (
                r#"{"d": {"name": ["alice"]}, "top": ["t"]}"#,
                r#"{"top": "t", "d": [{"name": "alice"}]}"#,
                true,
            ),
            (
                r#"{"a": {"x": [1]}, "b": {"y": [2]}}"#,
                r#"{"a": [{"x": 1}], "b": [{"y": 2}]}"#,
                true,
            ),
            (
                r#"{"d": {"e": {"x": [1], "y": [2]}}}"#,
                r#"{"d": [{"e": [{"x": 1}, {"y": 2}]}]}"#,
                false,
            ),
            (
                r#"{"d": {"e": {"x": [1], "y": [2]}}}"#,
                r#"{"d": [{"e": [{"x": 1, "y": 2}]}]}"#,
                true,
            ),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn the_last_leaf_with_a_name_wins_per_path() {
        let replaced_in_one_branch = r#"{"a": [1], "$or": [{"a": [2]}, {"b": [3]}]}"#;
        let absent_unless_replaced =
            r#"{"a": [{"exists": false}], "$or": [{"a": [2]}, {"b": [3]}]}"#;
        let replaced_deeper =
            r#"{"a": [1], "$or": [{"b": [1]}, {"$or": [{"a": [2]}, {"c": [2]}]}]}"#;
        let sequential =
            r#"{"p": {"$or": [{"a": [1]}, {"b": [1]}]}, "$or": [{"p.a": [2]}, {"q": [2]}]}"#;
        let cases: &[(&str, &str, bool)] = &[
            (replaced_in_one_branch, r#"{"a": 2}"#, true),
            (replaced_in_one_branch, r#"{"a": 1, "b": 3}"#, true),
            (replaced_in_one_branch, r#"{"a": 2, "b": 3}"#, true),
            (replaced_in_one_branch, r#"{"a": 1}"#, false),
            (replaced_in_one_branch, r#"{"b": 3}"#, false),
            (absent_unless_replaced, r#"{"b": 3}"#, true),
            (absent_unless_replaced, r#"{"a": 5, "b": 3}"#, false),
            (absent_unless_replaced, r#"{"a": 2}"#, true),
            (replaced_deeper, r#"{"a": 2}"#, true),
            (replaced_deeper, r#"{"a": 1, "c": 2}"#, true),
            (replaced_deeper, r#"{"a": 3, "c": 2}"#, false),
            (replaced_deeper, r#"{"a": 3, "b": 1}"#, false),
            (sequential, r#"{"p": {"a": 2}}"#, true),
            (sequential, r#"{"p": {"b": 1, "a": 2}}"#, true),
            (sequential, r#"{"p": {"a": 1}, "q": 2}"#, true),
            (sequential, r#"{"p": {"a": 1}}"#, false),
            (sequential, r#"{"p": {"b": 1}}"#, false),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn array_consistency_holds_on_each_path() {
        let across = r#"{"d": {"n": ["x"]}, "$or": [{"d": {"s": ["on"]}}, {"t": ["y"]}]}"#;
        let replaced = r#"{"d": {"n": ["x"]}, "$or": [{"d": {"n": ["z"]}}, {"d": {"s": ["on"]}}]}"#;
        let absent =
            r#"{"d": {"n": ["x"]}, "$or": [{"d": {"s": [{"exists": false}]}}, {"t": ["y"]}]}"#;
        let cases: &[(&str, &str, bool)] = &[
            (across, r#"{"d": [{"n": "x"}, {"s": "on"}]}"#, false),
            (across, r#"{"d": [{"n": "x", "s": "on"}]}"#, true),
            (
                across,
                r#"{"d": [{"n": "x"}, {"s": "on"}], "t": "y"}"#,
                true,
            ),
            (replaced, r#"{"d": [{"n": "x"}, {"s": "on"}]}"#, false),
            (replaced, r#"{"d": [{"n": "x", "s": "on"}]}"#, true),
            (replaced, r#"{"d": [{"n": "z"}]}"#, true),
            (absent, r#"{"d": [{"n": "x"}, {"s": "on"}]}"#, true),
            (absent, r#"{"d": [{"n": "x", "s": "on"}]}"#, false),
            (absent, r#"{"d": [{"n": "x", "s": "on"}], "t": "y"}"#, true),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn or_branches_and_duplicate_keys() {
        let cases: &[(&str, &str, bool)] = &[
            (
                r#"{"$or": [{"a": ["1"]}, {"b": ["2"]}]}"#,
                r#"{"b": "2"}"#,
                true,
            ),
            (
                r#"{"$or": [{"a": ["1"]}, {"b": ["2"]}]}"#,
                r#"{"c": "3"}"#,
                false,
            ),
            (
                r#"{"x": ["0"], "$or": [{"a": ["1"]}, {"b": ["2"]}]}"#,
                r#"{"b": "2"}"#,
                false,
            ),
            (
                r#"{"x": ["0"], "$or": [{"a": ["1"]}, {"$or": [{"b": ["2"]}, {"c": ["3"]}]}]}"#,
                r#"{"x": "0", "c": "3"}"#,
                true,
            ),
            (
                r#"{"d": {"$or": [{"a": ["1"]}, {"b": ["2"]}]}}"#,
                r#"{"d": {"a": "1"}}"#,
                true,
            ),
            (r#"{"a": ["1"], "a": ["2"]}"#, r#"{"a": "1"}"#, false),
            (
                r#"{"a": {"b": ["1"]}, "a": {"c": ["2"]}}"#,
                r#"{"a": {"b": "1", "c": "2"}}"#,
                true,
            ),
            (
                r#"{"a": {"b": ["1"]}, "a.b": ["2"]}"#,
                r#"{"a": {"b": "2"}}"#,
                true,
            ),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }
}
