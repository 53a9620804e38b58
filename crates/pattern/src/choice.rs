//! The slow path of matching, for what the fast path in [`crate::matching`] cannot decide in
//! one bottom-up pass: a leaf replaced on some paths only (a duplicate name across `$or`s,
//! whose verdict depends on the rest of the path), or a path with two or more leaves tied to
//! array elements (values must come from consistent elements, as in event-ruler's
//! `rulesForJSONEvent`).
//!
//! One search walks the tree in text order, choosing a branch at each `$or` and a value (or
//! an absence) for each leaf as it goes, and gives up on a choice as soon as its values come
//! from different elements of one array. A leaf replaced on some paths only waits, pending,
//! until the path ends (or a later leaf with its name replaces it).
//!
//! What the rest of a path can still achieve depends only on where the walk is (the node it
//! is about to enter: each node has one place in the tree, so one continuation) and on what
//! was chosen so far. The search records each such situation that failed and never explores
//! it twice, so `$or`s whose branches leave the same situation cost their sum, not their
//! product.

use std::collections::HashSet;

use crate::compile::Compiled;
use crate::event::EventNode;
use crate::matching::FieldOutcome;
use crate::search::{Walk, consistent};
use crate::tree::{Liveness, Node, NodeId};

/// What the search looks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal {
    /// A path that matches, array consistency included.
    Match,
    /// A path whose leaves all pass on their own or may pass with array consistency (for
    /// explaining a failure that only array consistency caused).
    Possible,
}

/// What was chosen on the path so far.
#[derive(Debug, Default)]
struct Chosen {
    /// Array elements the chosen values came from: (array identity, element index).
    elements: Vec<(usize, usize)>,
    /// Leaves chosen as absent while having values: checked at the end, against the elements
    /// finally chosen.
    absent: Vec<usize>,
    /// Leaves tied to array elements, capped at 2.
    tied: u8,
    /// Whether every leaf so far passed on its own.
    all_passed: bool,
    /// Leaves replaced on some paths, not (yet) replaced on this one.
    pending: Vec<usize>,
    /// Leaves that count whatever the path, in order (kept for [`Goal::Possible`]).
    path: Vec<usize>,
}

/// A situation already known to fail: the node about to be entered and what was chosen.
type Situation = (
    NodeId,
    Vec<(usize, usize)>,
    Vec<usize>,
    u8,
    bool,
    Vec<usize>,
);

struct Search<'w, 'c, 'e, N> {
    walk: &'w mut Walk<'c, 'e, N>,
    compiled: &'c Compiled,
    goal: Goal,
    failed: HashSet<Situation>,
    /// The leaves that count on the path found.
    found: Vec<usize>,
}

/// The leaves that count on the first path meeting `goal`, or `None`.
pub(crate) fn find<N: EventNode>(walk: &mut Walk<'_, '_, N>, goal: Goal) -> Option<Vec<usize>> {
    let compiled = walk.compiled();
    let root = compiled.tree.root;
    if !walk.node_possible(root) {
        return None;
    }
    let mut search = Search {
        walk,
        compiled,
        goal,
        failed: HashSet::new(),
        found: Vec::new(),
    };
    let mut chosen = Chosen {
        all_passed: true,
        ..Chosen::default()
    };
    search
        .step(&mut vec![root], &mut chosen)
        .then_some(search.found)
}

/// A value outside arrays of objects, or an absence with no value anywhere: it goes with
/// every choice of array elements, so no other way to satisfy the leaf can do better.
fn satisfied_anyhow(outcome: &FieldOutcome) -> bool {
    outcome.matched_anywhere || (!outcome.matched && !outcome.present)
}

fn sorted<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut items = items.to_vec();
    items.sort_unstable();
    items
}

impl<N: EventNode> Search<'_, '_, '_, N> {
    fn step(&mut self, todo: &mut Vec<NodeId>, chosen: &mut Chosen) -> bool {
        let Some(id) = todo.pop() else {
            return self.finish(chosen);
        };
        let compiled = self.compiled;
        let found = match &compiled.tree.nodes[id] {
            Node::Leaf(index) => self.leaf(*index, todo, chosen),
            Node::All(children) => {
                let mark = todo.len();
                todo.extend(children.iter().rev());
                let found = self.step(todo, chosen);
                todo.truncate(mark);
                found
            }
            Node::Any(branches) => {
                let situation = (
                    id,
                    sorted(&chosen.elements),
                    sorted(&chosen.absent),
                    chosen.tied,
                    chosen.all_passed,
                    sorted(&chosen.pending),
                );
                let mut found = false;
                if !self.failed.contains(&situation) {
                    for &branch in branches {
                        if self.walk.node_possible(branch) {
                            todo.push(branch);
                            found = self.step(todo, chosen);
                            todo.pop();
                            if found {
                                break;
                            }
                        }
                    }
                    if !found {
                        self.failed.insert(situation);
                    }
                }
                found
            }
        };
        todo.push(id);
        found
    }

    /// Leaf `index` replaces pending leaves with its name, then counts as its liveness says.
    fn leaf(&mut self, index: usize, todo: &mut Vec<NodeId>, chosen: &mut Chosen) -> bool {
        let tree = &self.compiled.tree;
        let name = tree.name_ids[index];
        let replaced = chosen.pending.iter().any(|&p| tree.name_ids[p] == name);
        let before = replaced.then(|| chosen.pending.clone());
        if replaced {
            chosen.pending.retain(|&p| tree.name_ids[p] != name);
        }
        let found = match tree.liveness[index] {
            Liveness::Dead => self.step(todo, chosen),
            Liveness::Contested => {
                chosen.pending.push(index);
                let found = self.step(todo, chosen);
                chosen.pending.pop();
                found
            }
            Liveness::Final => self.counted(index, todo, chosen),
        };
        if let Some(pending) = before {
            chosen.pending = pending;
        }
        found
    }

    /// Leaf `index` counts: chooses how it is satisfied, then goes on with `next`.
    fn counted(&mut self, index: usize, todo: &mut Vec<NodeId>, chosen: &mut Chosen) -> bool {
        let field = &self.compiled.fields[index];
        let outcome = self.walk.outcome(index);
        if !outcome.possible(field) {
            return false;
        }
        chosen.path.push(index);
        let (tied, all_passed) = (chosen.tied, chosen.all_passed);
        let found = if self.goal == Goal::Possible {
            self.step(todo, chosen)
        } else {
            chosen.tied = (chosen.tied + u8::from(outcome.constrained(field))).min(2);
            chosen.all_passed &= outcome.passed(field);
            if satisfied_anyhow(&outcome) {
                // Straight on (one stack frame less per leaf on long paths).
                self.step(todo, chosen)
            } else {
                self.satisfy(index, chosen, &mut |search, chosen| {
                    search.step(todo, chosen)
                })
            }
        };
        chosen.tied = tied;
        chosen.all_passed = all_passed;
        chosen.path.pop();
        found
    }

    /// Tries each way leaf `index` can be satisfied (a matching value from elements
    /// consistent with those chosen, or an absence), calling `next` after each.
    fn satisfy(
        &mut self,
        index: usize,
        chosen: &mut Chosen,
        next: &mut dyn FnMut(&mut Self, &mut Chosen) -> bool,
    ) -> bool {
        if satisfied_anyhow(&self.walk.outcome(index)) {
            return next(self, chosen);
        }
        let candidates = self.walk.candidates(index);
        for candidate in candidates.iter().filter(|c| c.matched) {
            if !consistent(&candidate.memberships, &chosen.elements) {
                continue;
            }
            let mark = chosen.elements.len();
            for membership in &candidate.memberships {
                if !chosen.elements.contains(membership) {
                    chosen.elements.push(*membership);
                }
            }
            let found = next(self, chosen);
            chosen.elements.truncate(mark);
            if found {
                return true;
            }
        }
        if self.compiled.fields[index].accepts_absence {
            chosen.absent.push(index);
            let found = next(self, chosen);
            chosen.absent.pop();
            return found;
        }
        false
    }

    /// The end of a path: the pending leaves count too. With fewer than two leaves tied to
    /// array elements, any values go together (the path matches when every leaf passed);
    /// otherwise the pending leaves get values too, and each absence must have no value in
    /// the elements chosen.
    fn finish(&mut self, chosen: &mut Chosen) -> bool {
        let fields = &self.compiled.fields;
        let pending = chosen.pending.clone();
        if !pending
            .iter()
            .all(|&i| self.walk.outcome(i).possible(&fields[i]))
        {
            return false;
        }
        if self.goal == Goal::Possible {
            self.found = [chosen.path.clone(), pending].concat();
            self.found.sort_unstable();
            return true;
        }
        let mut tied = chosen.tied;
        let mut all_passed = chosen.all_passed;
        for &index in &pending {
            let outcome = self.walk.outcome(index);
            tied = (tied + u8::from(outcome.constrained(&fields[index]))).min(2);
            all_passed &= outcome.passed(&fields[index]);
        }
        let matched = if tied < 2 {
            all_passed
        } else {
            self.settle(&pending, chosen)
        };
        if matched {
            self.found = [chosen.path.clone(), pending].concat();
        }
        matched
    }

    /// Chooses values for the pending leaves, then checks every absence.
    fn settle(&mut self, pending: &[usize], chosen: &mut Chosen) -> bool {
        let Some((&index, rest)) = pending.split_first() else {
            return chosen.absent.clone().iter().all(|&index| {
                self.walk
                    .candidates(index)
                    .iter()
                    .all(|c| !consistent(&c.memberships, &chosen.elements))
            });
        };
        self.satisfy(index, chosen, &mut |search, chosen| {
            search.settle(rest, chosen)
        })
    }
}
