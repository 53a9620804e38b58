//! Matching an event against a compiled pattern.
//!
//! The pattern matches when any sub-rule does. A sub-rule matches when every field is
//! satisfied — by a value one of its conditions accepts, or, for a field with
//! `exists: false`, by having no value. Like event-ruler's `rulesForJSONEvent`, values used
//! together must be *array-consistent*: two values that came from the same array of objects
//! must come from the same element of it (`{"d": {"a": …, "b": …}}` does not match
//! `{"d": [{"a": …}, {"b": …}]}`), and `exists: false` only needs no value in the element
//! the other fields' values came from.
//!
//! Fast path: one pass per field that only counts array depth, stops at the first match and
//! allocates nothing. Only a sub-rule with two or more fields that can only be satisfied from
//! inside arrays of objects takes the slow path, which records memberships and searches for a
//! consistent choice.

use std::ops::ControlFlow;

use crate::compile::{Compiled, Field};
use crate::event::{EventNode, Trail, for_each_value};

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

    /// Whether array consistency could change this field's verdict: it is only satisfied
    /// by values inside arrays of objects, or it is an absence with values in such arrays.
    fn constrained(&self, field: &Field) -> bool {
        (self.matched && !self.matched_anywhere)
            || (field.accepts_absence && !self.matched && self.in_array)
    }
}

/// Evaluates one field without allocating. Stops at the first matching value unless the
/// field accepts absence (which needs to see every value).
#[inline]
pub(crate) fn evaluate<N: EventNode>(field: &Field, event: &N) -> FieldOutcome {
    let mut outcome = FieldOutcome::default();
    let stop_at_match = !field.accepts_absence;
    let _ = for_each_value(
        event,
        &field.name,
        &mut Trail::counting(),
        &mut |value, trail| {
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
        },
    );
    outcome
}

/// Whether the event matches the compiled pattern.
pub(crate) fn matches<N: EventNode>(compiled: &Compiled, event: &N) -> bool {
    compiled
        .rules
        .iter()
        .any(|rule| rule_matches(compiled, rule, event))
}

/// Whether one sub-rule matches.
pub(crate) fn rule_matches<N: EventNode>(compiled: &Compiled, rule: &[usize], event: &N) -> bool {
    let mut constrained = 0;
    let mut all_passed = true;
    for &index in rule {
        let field = &compiled.fields[index];
        let outcome = evaluate(field, event);
        if outcome.constrained(field) {
            constrained += 1;
        }
        if !outcome.passed(field) {
            // An absence can still hold relative to the element the other fields come from.
            if field.accepts_absence && outcome.in_array {
                all_passed = false;
            } else {
                return false;
            }
        }
    }
    // With at most one field tied to array elements, any choice of values is consistent.
    if constrained < 2 {
        return all_passed;
    }
    consistent_choice_exists(compiled, rule, event)
}

/// One value of a field with its memberships.
struct Candidate {
    memberships: Vec<(usize, usize)>,
    matched: bool,
}

fn candidates<N: EventNode>(field: &Field, event: &N) -> Vec<Candidate> {
    let mut out = Vec::new();
    let _ = for_each_value(
        event,
        &field.name,
        &mut Trail::recording(),
        &mut |value, trail| {
            out.push(Candidate {
                memberships: trail.memberships().to_vec(),
                matched: field.value_matches(value),
            });
            ControlFlow::Continue(())
        },
    );
    out
}

fn consistent(memberships: &[(usize, usize)], chosen: &[(usize, usize)]) -> bool {
    memberships
        .iter()
        .all(|&(array, index)| chosen.iter().all(|&(a, i)| a != array || i == index))
}

/// The slow path: is there one value per field (or an absence) that are all consistent?
fn consistent_choice_exists<N: EventNode>(compiled: &Compiled, rule: &[usize], event: &N) -> bool {
    let fields: Vec<(&Field, Vec<Candidate>)> = rule
        .iter()
        .map(|&i| {
            let field = &compiled.fields[i];
            (field, candidates(field, event))
        })
        .collect();
    let mut chosen = Vec::new();
    let mut absent = Vec::new();
    search(&fields, 0, &mut chosen, &mut absent)
}

fn search(
    fields: &[(&Field, Vec<Candidate>)],
    next: usize,
    chosen: &mut Vec<(usize, usize)>,
    absent: &mut Vec<usize>,
) -> bool {
    let Some((field, values)) = fields.get(next) else {
        // Every absent field must have no value in the elements chosen for the others.
        return absent.iter().all(|&f| {
            fields[f]
                .1
                .iter()
                .all(|c| !consistent(&c.memberships, chosen))
        });
    };
    for candidate in values.iter().filter(|c| c.matched) {
        if consistent(&candidate.memberships, chosen) {
            let before = chosen.len();
            chosen.extend(
                candidate
                    .memberships
                    .iter()
                    .filter(|m| !chosen.contains(m))
                    .collect::<Vec<_>>(),
            );
            if search(fields, next + 1, chosen, absent) {
                return true;
            }
            chosen.truncate(before);
        }
    }
    if field.accepts_absence {
        absent.push(next);
        if search(fields, next + 1, chosen, absent) {
            return true;
        }
        absent.pop();
    }
    false
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
