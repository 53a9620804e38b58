//! The compiled pattern as an and/or tree over its leaves, instead of event-ruler's list of
//! sub-rules (one per combination of `$or` branches, which grows as the product of the
//! branch counts: ten `$or`s of three branches are 59,049 sub-rules).
//!
//! The tree keeps the text order: an object is an [`Node::All`] of its leaves and `$or`s in
//! the order written, and a `$or` is an [`Node::Any`] of its branches. A sub-rule of
//! event-ruler is one path through the tree (one branch chosen at every `$or` met), and the
//! pattern matches when some path does.
//!
//! Duplicate flattened names make this subtle: within a sub-rule the last leaf with a name
//! replaces the earlier ones, even across `$or` nesting (`{"a":[1],"$or":[{"a":[2]},{"b":[3]}]}`
//! is the sub-rules `[a=2]` and `[a=1, b=3]`). While building, [`TreeBuilder`] tracks for each
//! name the set of leaves that can be the last one with that name on some path (merging
//! branches as sets, which is exact because each name is followed on its own), so that every
//! leaf gets a [`Liveness`] without listing any path:
//! - [`Liveness::Dead`]: replaced on every path through it (it never counts);
//! - [`Liveness::Final`]: replaced on no path (it always counts where it is);
//! - [`Liveness::Contested`]: replaced on some paths only (decided per path, slow path).

use std::collections::{HashMap, HashSet};

/// Index of a node in [`Tree::nodes`].
pub(crate) type NodeId = usize;

/// A node of the and/or tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A leaf of the pattern: an index into `Compiled::fields`.
    Leaf(usize),
    /// Every child must hold (an object, or one `$or` branch).
    All(Vec<NodeId>),
    /// Some child must hold (a `$or`).
    Any(Vec<NodeId>),
}

/// Whether a leaf counts, given that a later leaf with the same name replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Liveness {
    /// Replaced on every path through it.
    Dead,
    /// Replaced on no path through it.
    Final,
    /// Replaced on some paths through it and not on others.
    Contested,
}

/// The compiled and/or tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub root: NodeId,
    /// Per field (parallel to `Compiled::fields`).
    pub liveness: Vec<Liveness>,
    /// Per field: a number shared by fields with the same flattened name.
    pub name_ids: Vec<usize>,
    /// Whether any leaf is [`Liveness::Contested`] (then the fast path does not apply).
    pub contested: bool,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            nodes: vec![Node::All(Vec::new())],
            root: 0,
            liveness: Vec::new(),
            name_ids: Vec::new(),
            contested: false,
        }
    }
}

/// The items of one object (or branch) being compiled, and how many sub-rules event-ruler
/// would have built so far in that context (0 before the first leaf, as its empty list).
#[derive(Debug, Default)]
pub(crate) struct Sequence {
    pub items: Vec<NodeId>,
    pub combinations: usize,
}

/// What a `$or` collects from its branches: per name, the union of the branches' possible
/// last leaves and how many branches wrote that name.
#[derive(Debug, Default)]
pub(crate) struct BranchMerge {
    slots: HashMap<usize, usize>,
    merged: Vec<(usize, Vec<usize>, usize)>,
    branches: usize,
}

/// Builds the tree while the compiler walks the pattern in text order.
#[derive(Debug, Default)]
pub(crate) struct TreeBuilder {
    nodes: Vec<Node>,
    names: HashMap<String, usize>,
    name_ids: Vec<usize>,
    /// Name id → the leaves that can be the last with that name on a path walked so far.
    last: HashMap<usize, Vec<usize>>,
    /// Changes to `last` (name, value before), so a `$or` branch can be rolled back.
    undo: Vec<(usize, Option<Vec<usize>>)>,
    /// Leaves already reported as replaced (each once: one warning per replaced leaf, not
    /// one per pair, which can be quadratic).
    replaced_seen: HashSet<usize>,
}

impl TreeBuilder {
    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn set_last(&mut self, name: usize, leaves: Vec<usize>) {
        let before = self.last.insert(name, leaves);
        self.undo.push((name, before));
    }

    /// Adds leaf `field` (named `name`) to `sequence`; returns the (earlier, later) pairs it
    /// replaces on some path, for earlier leaves not reported before.
    pub(crate) fn leaf(
        &mut self,
        sequence: &mut Sequence,
        field: usize,
        name: &str,
    ) -> Vec<(usize, usize)> {
        sequence.combinations = sequence.combinations.max(1);
        let next_id = self.names.len();
        let name_id = *self.names.entry(name.to_string()).or_insert(next_id);
        self.name_ids.push(name_id);
        let mut replaced = Vec::new();
        for &earlier in self.last.get(&name_id).into_iter().flatten() {
            if self.replaced_seen.insert(earlier) {
                replaced.push((earlier, field));
            }
        }
        self.set_last(name_id, vec![field]);
        let node = self.push(Node::Leaf(field));
        sequence.items.push(node);
        replaced
    }

    /// Where a `$or` branch starts: the mark to hand to [`TreeBuilder::end_branch`].
    pub(crate) fn start_branch(&self) -> usize {
        self.undo.len()
    }

    /// Closes a branch compiled since `mark`: records its names' possible last leaves in
    /// `merge`, then rolls `last` back so the next branch starts from the same state.
    pub(crate) fn end_branch(
        &mut self,
        mark: usize,
        branch: Sequence,
        merge: &mut BranchMerge,
    ) -> NodeId {
        let mut seen = HashSet::new();
        let written: Vec<usize> = self.undo[mark..]
            .iter()
            .map(|&(name, _)| name)
            .filter(|&name| seen.insert(name))
            .collect();
        for name in written {
            let leaves = self.last.get(&name).cloned().unwrap_or_default();
            let slot = *merge.slots.entry(name).or_insert_with(|| {
                merge.merged.push((name, Vec::new(), 0));
                merge.merged.len() - 1
            });
            let (_, union, writers) = &mut merge.merged[slot];
            *writers += 1;
            for leaf in leaves {
                if !union.contains(&leaf) {
                    union.push(leaf);
                }
            }
        }
        while self.undo.len() > mark {
            if let Some((name, before)) = self.undo.pop() {
                match before {
                    Some(leaves) => self.last.insert(name, leaves),
                    None => self.last.remove(&name),
                };
            }
        }
        merge.branches += 1;
        self.push(Node::All(branch.items))
    }

    /// Closes a `$or` whose branches are `branches`: after it, a name's possible last leaves
    /// are the union over the branches (and the ones before, if some branch did not write it).
    pub(crate) fn end_or(
        &mut self,
        sequence: &mut Sequence,
        branches: Vec<NodeId>,
        merge: BranchMerge,
    ) {
        for (name, mut union, writers) in merge.merged {
            if writers < merge.branches {
                for &leaf in self.last.get(&name).into_iter().flatten() {
                    if !union.contains(&leaf) {
                        union.push(leaf);
                    }
                }
            }
            self.set_last(name, union);
        }
        let node = self.push(Node::Any(branches));
        sequence.items.push(node);
    }

    /// The finished tree, given the root object's sequence and the replaced pairs.
    pub(crate) fn finish(mut self, root: Sequence, replaced: &[(usize, usize)]) -> Tree {
        let root = self.push(Node::All(root.items));
        let live: HashSet<usize> = self.last.values().flatten().copied().collect();
        let sometimes_replaced: HashSet<usize> =
            replaced.iter().map(|&(earlier, _)| earlier).collect();
        let liveness: Vec<Liveness> = (0..self.name_ids.len())
            .map(|field| {
                if !live.contains(&field) {
                    Liveness::Dead
                } else if sometimes_replaced.contains(&field) {
                    Liveness::Contested
                } else {
                    Liveness::Final
                }
            })
            .collect();
        Tree {
            nodes: self.nodes,
            root,
            contested: liveness.contains(&Liveness::Contested),
            liveness,
            name_ids: self.name_ids,
        }
    }
}

#[cfg(test)]
mod tests;
