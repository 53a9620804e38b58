//! What the slow path ([`crate::choice`]) knows about one event: each leaf evaluated once,
//! its values with their array memberships collected at most once, and for each node of the
//! tree whether some path through it has only leaves that can pass, so the search skips the
//! others before it starts.

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

    pub(crate) fn outcome(&self, index: usize) -> FieldOutcome {
        self.outcomes[index]
    }
}

/// Whether the event matches, by [`crate::choice`]'s search.
pub(crate) fn matches<N: EventNode>(compiled: &Compiled, event: &N) -> bool {
    let mut walk = Walk::new(compiled, event);
    crate::choice::find(&mut walk, crate::choice::Goal::Match).is_some()
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
