//! Array consistency across the paths of the tree, without listing paths: one search that
//! chooses a branch at each `$or` and a value (or an absence) for each leaf as it goes, in
//! text order, and gives up on a choice as soon as its values come from different elements
//! of one array.
//!
//! What the rest of a path can still achieve depends only on where the walk is (the node it
//! is about to enter: each node has one place in the tree, so one continuation) and on what
//! was chosen so far (the array elements used, the absences still to check, the count of
//! leaves tied to array elements, whether every leaf passed on its own). The search records
//! each such situation that failed and never explores it twice, so `$or`s whose branches all
//! use the same elements cost their sum, not their product.
//!
//! Used when no leaf is replaced on some paths only (then every leaf that counts is known
//! before the walk); patterns with such leaves take [`crate::search`].

use std::collections::HashSet;

use crate::compile::Compiled;
use crate::event::EventNode;
use crate::search::{Walk, consistent};
use crate::tree::{Liveness, Node, NodeId};

/// What was chosen on the path so far.
#[derive(Debug, Default)]
struct Chosen {
    /// Array elements the chosen values came from: (array identity, element index).
    elements: Vec<(usize, usize)>,
    /// Leaves chosen as absent whose values exist somewhere: checked at the end, against
    /// the elements finally chosen.
    absent: Vec<usize>,
    /// Leaves tied to array elements, capped at 2.
    tied: u8,
    /// Whether every leaf so far passed on its own.
    all_passed: bool,
}

/// A situation already known to fail: (node about to be entered, what was chosen).
type Situation = (NodeId, Vec<(usize, usize)>, Vec<usize>, u8, bool);

struct Search<'w, 'c, 'e, N> {
    walk: &'w mut Walk<'c, 'e, N>,
    compiled: &'c Compiled,
    failed: HashSet<Situation>,
}

/// Whether some path matches with values from consistent array elements.
pub(crate) fn matches<N: EventNode>(walk: &mut Walk<'_, '_, N>) -> bool {
    let compiled = walk.compiled();
    let root = compiled.tree.root;
    if !walk.node_possible(root) {
        return false;
    }
    let mut search = Search {
        walk,
        compiled,
        failed: HashSet::new(),
    };
    let mut chosen = Chosen {
        all_passed: true,
        ..Chosen::default()
    };
    search.step(&mut vec![root], &mut chosen)
}

impl<N: EventNode> Search<'_, '_, '_, N> {
    fn step(&mut self, todo: &mut Vec<NodeId>, chosen: &mut Chosen) -> bool {
        let Some(id) = todo.pop() else {
            return self.finish(chosen);
        };
        let compiled = self.compiled;
        let found = match &compiled.tree.nodes[id] {
            Node::Leaf(index) if compiled.tree.liveness[*index] == Liveness::Dead => {
                self.step(todo, chosen)
            }
            Node::Leaf(index) => self.leaf(*index, todo, chosen),
            Node::All(children) => {
                let mark = todo.len();
                todo.extend(children.iter().rev());
                let found = self.step(todo, chosen);
                todo.truncate(mark);
                found
            }
            Node::Any(branches) => {
                let mut elements = chosen.elements.clone();
                elements.sort_unstable();
                let mut absent = chosen.absent.clone();
                absent.sort_unstable();
                let situation = (id, elements, absent, chosen.tied, chosen.all_passed);
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

    /// Chooses how leaf `index` is satisfied, then goes on with the path.
    fn leaf(&mut self, index: usize, todo: &mut Vec<NodeId>, chosen: &mut Chosen) -> bool {
        let field = &self.compiled.fields[index];
        let outcome = self.walk.outcome(index);
        if !outcome.possible(field) {
            return false;
        }
        let (tied, all_passed) = (chosen.tied, chosen.all_passed);
        chosen.tied = (chosen.tied + u8::from(outcome.constrained(field))).min(2);
        chosen.all_passed &= outcome.passed(field);
        let found = if outcome.matched_anywhere || (!outcome.matched && !outcome.present) {
            // A value outside arrays of objects, or an absence with no value anywhere:
            // consistent with every choice, and better than any other option.
            self.step(todo, chosen)
        } else {
            self.value_or_absence(index, todo, chosen)
        };
        chosen.tied = tied;
        chosen.all_passed = all_passed;
        found
    }

    fn value_or_absence(
        &mut self,
        index: usize,
        todo: &mut Vec<NodeId>,
        chosen: &mut Chosen,
    ) -> bool {
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
            let found = self.step(todo, chosen);
            chosen.elements.truncate(mark);
            if found {
                return true;
            }
        }
        if self.compiled.fields[index].accepts_absence {
            chosen.absent.push(index);
            let found = self.step(todo, chosen);
            chosen.absent.pop();
            return found;
        }
        false
    }

    /// The end of a path: with fewer than two leaves tied to array elements, any values go
    /// together (the path matches when every leaf passed); otherwise each absence must have
    /// no value in the elements chosen.
    fn finish(&mut self, chosen: &Chosen) -> bool {
        if chosen.tied < 2 {
            return chosen.all_passed;
        }
        chosen.absent.iter().all(|&index| {
            self.walk
                .candidates(index)
                .iter()
                .all(|c| !consistent(&c.memberships, &chosen.elements))
        })
    }
}
