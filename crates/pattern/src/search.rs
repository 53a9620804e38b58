//! The slow path of matching, for the two cases the fast path in [`crate::matching`] cannot
//! decide with one bottom-up pass:
//! - a leaf replaced on some paths only (a duplicate name across `$or`s), whose verdict
//!   depends on the rest of the path;
//! - a path with two or more leaves tied to array elements, which needs a search for values
//!   from consistent elements (event-ruler's `rulesForJSONEvent`).
//!
//! Each leaf is evaluated at most once per event, and its values with their array
//! memberships are collected at most once. Without the first case, [`crate::choice`] searches
//! paths and values together and never repeats a failed situation. With it, [`Walk::paths`]
//! lists paths one by one: subtrees with no possible path are skipped before the walk, and a
//! path stops at its first leaf that always counts and cannot pass, so it visits few paths in
//! practice; its worst case is bounded by the number of sub-rules, which compiling caps.

use std::ops::ControlFlow;
use std::rc::Rc;

use crate::compile::{Compiled, Field};
use crate::event::{EventNode, Trail, for_each_value};
use crate::matching::{FieldOutcome, evaluate};
use crate::tree::{Liveness, Node, NodeId};

/// One value of a field with its memberships.
pub(crate) struct Candidate {
    pub memberships: Vec<(usize, usize)>,
    pub matched: bool,
}

/// Per-event memory: each leaf evaluated once, its candidates collected once.
pub(crate) struct Walk<'c, 'e, N> {
    compiled: &'c Compiled,
    event: &'e N,
    outcomes: Vec<FieldOutcome>,
    candidates: Vec<Option<Rc<[Candidate]>>>,
    /// Per node: whether some path through it has only possible leaves (optimistic for
    /// leaves replaced on some paths only).
    possible: Vec<bool>,
}

impl<'c, 'e, N: EventNode> Walk<'c, 'e, N> {
    pub(crate) fn new(compiled: &'c Compiled, event: &'e N) -> Self {
        let outcomes: Vec<FieldOutcome> = compiled
            .fields
            .iter()
            .zip(&compiled.tree.liveness)
            .map(|(field, liveness)| match liveness {
                Liveness::Dead => FieldOutcome::default(),
                _ => evaluate(field, event),
            })
            .collect();
        let mut walk = Walk {
            compiled,
            event,
            outcomes,
            candidates: (0..compiled.fields.len()).map(|_| None).collect(),
            possible: vec![false; compiled.tree.nodes.len()],
        };
        // Children always come before their parent in `nodes`.
        for id in 0..compiled.tree.nodes.len() {
            walk.possible[id] = match &compiled.tree.nodes[id] {
                Node::Leaf(index) => match compiled.tree.liveness[*index] {
                    Liveness::Final => walk.outcome_possible(*index),
                    Liveness::Dead | Liveness::Contested => true,
                },
                Node::All(children) => children.iter().all(|&c| walk.possible[c]),
                Node::Any(branches) => branches.iter().any(|&b| walk.possible[b]),
            };
        }
        walk
    }

    pub(crate) fn compiled(&self) -> &'c Compiled {
        self.compiled
    }

    /// Whether some path through node `id` has only possible leaves (optimistic for leaves
    /// replaced on some paths only).
    pub(crate) fn node_possible(&self, id: NodeId) -> bool {
        self.possible[id]
    }

    /// The values of leaf `index` with their array memberships, collected once.
    pub(crate) fn candidates(&mut self, index: usize) -> Rc<[Candidate]> {
        if let Some(found) = &self.candidates[index] {
            return Rc::clone(found);
        }
        let found: Rc<[Candidate]> = candidates(&self.compiled.fields[index], self.event).into();
        self.candidates[index] = Some(Rc::clone(&found));
        found
    }

    fn outcome_possible(&self, index: usize) -> bool {
        self.outcomes[index].possible(&self.compiled.fields[index])
    }

    /// Calls `at_end` with the leaves that count on each path whose leaves are all possible
    /// (in the tree's order), until it returns true; returns whether it did.
    pub(crate) fn paths(&mut self, at_end: &mut dyn FnMut(&mut Self, &[usize]) -> bool) -> bool {
        let root = self.compiled.tree.root;
        if !self.possible[root] {
            return false;
        }
        let mut todo = vec![root];
        let mut path = Vec::new();
        self.step(&mut todo, &mut path, at_end)
    }

    fn step(
        &mut self,
        todo: &mut Vec<NodeId>,
        path: &mut Vec<usize>,
        at_end: &mut dyn FnMut(&mut Self, &[usize]) -> bool,
    ) -> bool {
        let Some(id) = todo.pop() else {
            let counted = self.counted(path);
            return at_end(self, &counted);
        };
        let compiled = self.compiled;
        let tree = &compiled.tree;
        let found = match &tree.nodes[id] {
            Node::Leaf(index) => match tree.liveness[*index] {
                Liveness::Dead => self.step(todo, path, at_end),
                _ => {
                    path.push(*index);
                    let found = self.step(todo, path, at_end);
                    path.pop();
                    found
                }
            },
            Node::All(children) => {
                let mark = todo.len();
                todo.extend(children.iter().rev());
                let found = self.step(todo, path, at_end);
                todo.truncate(mark);
                found
            }
            Node::Any(branches) => {
                let mut found = false;
                for &branch in branches {
                    if self.possible[branch] {
                        todo.push(branch);
                        found = self.step(todo, path, at_end);
                        todo.pop();
                        if found {
                            break;
                        }
                    }
                }
                found
            }
        };
        todo.push(id);
        found
    }

    /// The leaves of a path that count: a leaf replaced on some paths counts on this one when
    /// no later leaf of the path has its name.
    fn counted(&self, path: &[usize]) -> Vec<usize> {
        let tree = &self.compiled.tree;
        path.iter()
            .enumerate()
            .filter(|&(at, &index)| {
                tree.liveness[index] == Liveness::Final
                    || !path[at + 1..]
                        .iter()
                        .any(|&later| tree.name_ids[later] == tree.name_ids[index])
            })
            .map(|(_, &index)| index)
            .collect()
    }

    /// Whether every leaf of a sub-rule passed or may pass with array consistency.
    pub(crate) fn all_possible(&self, rule: &[usize]) -> bool {
        rule.iter().all(|&index| self.outcome_possible(index))
    }

    pub(crate) fn outcome(&self, index: usize) -> FieldOutcome {
        self.outcomes[index]
    }

    /// Whether one sub-rule matches, array consistency included.
    pub(crate) fn rule_matches(&mut self, rule: &[usize]) -> bool {
        let mut constrained = 0;
        let mut all_passed = true;
        for &index in rule {
            let field = &self.compiled.fields[index];
            let outcome = self.outcomes[index];
            if outcome.constrained(field) {
                constrained += 1;
            }
            if !outcome.passed(field) {
                if outcome.maybe_absent(field) {
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
        let found: Vec<Rc<[Candidate]>> =
            rule.iter().map(|&index| self.candidates(index)).collect();
        let fields: Vec<(&Field, &[Candidate])> = rule
            .iter()
            .zip(&found)
            .map(|(&index, values)| (&self.compiled.fields[index], &values[..]))
            .collect();
        search(&fields, 0, &mut Vec::new(), &mut Vec::new())
    }
}

/// Whether the event matches: walking paths one by one when a leaf counts on some paths
/// only, else with [`crate::choice`].
pub(crate) fn matches<N: EventNode>(compiled: &Compiled, event: &N) -> bool {
    let mut walk = Walk::new(compiled, event);
    if compiled.tree.contested {
        walk.paths(&mut |walk, rule| walk.rule_matches(rule))
    } else {
        crate::choice::matches(&mut walk)
    }
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

pub(crate) fn consistent(memberships: &[(usize, usize)], chosen: &[(usize, usize)]) -> bool {
    memberships
        .iter()
        .all(|&(array, index)| chosen.iter().all(|&(a, i)| a != array || i == index))
}

/// Is there one value per field (or an absence) such that all are consistent?
fn search(
    fields: &[(&Field, &[Candidate])],
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
            let added: Vec<(usize, usize)> = candidate
                .memberships
                .iter()
                .filter(|m| !chosen.contains(m))
                .copied()
                .collect();
            chosen.extend(added);
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
