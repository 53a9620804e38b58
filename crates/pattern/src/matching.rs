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
//! Fast path: one pass per field that only counts array depth and allocates nothing. Only a
//! sub-rule with two or more fields, one of which found values inside an array of objects,
//! takes the slow path that records memberships and searches for a consistent choice.

use std::ops::ControlFlow;

use serde_json::Value;

use crate::compile::{Compiled, Field};
use crate::event::{Trail, for_each_value};

/// What one pass over a field's values found.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FieldOutcome {
    /// Some value satisfies a condition.
    pub matched: bool,
    /// The field has at least one value.
    pub present: bool,
    /// Some value came from inside an array of objects (membership matters).
    pub in_array: bool,
}

impl FieldOutcome {
    /// Satisfied on its own (ignoring array consistency).
    pub(crate) fn passed(&self, field: &Field) -> bool {
        self.matched || (field.accepts_absence && !self.present)
    }
}

/// Evaluates one field without allocating.
#[inline]
pub(crate) fn evaluate(field: &Field, event: &Value) -> FieldOutcome {
    let mut outcome = FieldOutcome::default();
    let track_arrays = !field.accepts_absence;
    let _ = for_each_value(
        event,
        &field.name,
        &mut Trail::counting(),
        &mut |value, trail| {
            outcome.present = true;
            if trail.depth > 0 {
                outcome.in_array = true;
            }
            if field.value_matches(value) {
                outcome.matched = true;
                if trail.depth == 0 && track_arrays {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        },
    );
    outcome
}

/// Whether the event matches the compiled pattern.
pub(crate) fn matches(compiled: &Compiled, event: &Value) -> bool {
    compiled
        .rules
        .iter()
        .any(|rule| rule_matches(compiled, rule, event))
}

/// Whether one sub-rule matches.
pub(crate) fn rule_matches(compiled: &Compiled, rule: &[usize], event: &Value) -> bool {
    let mut arrays = false;
    let mut all_passed = true;
    for &index in rule {
        let field = &compiled.fields[index];
        let outcome = evaluate(field, event);
        arrays |= outcome.in_array;
        if !outcome.passed(field) {
            // An absence can still hold relative to the element the other fields come from.
            if field.accepts_absence && outcome.in_array {
                all_passed = false;
            } else {
                return false;
            }
        }
    }
    if !arrays || rule.len() < 2 {
        return all_passed;
    }
    consistent_choice_exists(compiled, rule, event)
}

/// One value of a field with its memberships.
struct Candidate {
    memberships: Vec<(usize, usize)>,
    matched: bool,
}

fn candidates(field: &Field, event: &Value) -> Vec<Candidate> {
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
fn consistent_choice_exists(compiled: &Compiled, rule: &[usize], event: &Value) -> bool {
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
