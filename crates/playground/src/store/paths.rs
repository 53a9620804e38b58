//! The store's index: one column per field path (keys as written, array indexes skipped),
//! holding for every occurrence of a scalar there the event it belongs to and the value's
//! id in the column's [`Dictionary`].
//!
//! Paths are those of [`crate::Facets`]: objects and arrays are paths too (a pattern may
//! test them with `exists`), and array elements share their array's path. Each occurrence
//! also keeps two facts the matcher needs about the way to it: whether it came through an
//! array of objects or a nested array (array consistency applies), and whether it came
//! through any array at all (the row summary reads only plain values).

use std::collections::HashMap;

use serde_json::Value;

use super::chunked::{ByteArena, ChunkedVec, Span};
use super::dictionary::{Dictionary, tagged, value_hash};
use super::hash::{FastBuild, same_bytes};
use super::tape::{Op, Tape, Text};

/// Flag on an occurrence: it came from inside an array of objects or a nested array.
pub(crate) const IN_ARRAY: u32 = 1 << 31;
/// Flag on an occurrence: some array was on the way to it.
pub(crate) const VIA_ARRAY: u32 = 1 << 30;
/// The value id bits of an occurrence.
pub(crate) const VALUE_ID: u32 = VIA_ARRAY - 1;

/// The scalars found at one path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Column {
    /// Per occurrence: the event index (non-decreasing).
    pub events: ChunkedVec<u32>,
    /// Per occurrence: the value id, with [`IN_ARRAY`] and [`VIA_ARRAY`].
    pub values: ChunkedVec<u32>,
    pub dictionary: Dictionary,
}

impl Column {
    /// The occurrences of event `event`: a range of occurrence indexes.
    pub(crate) fn occurrences_of(&self, event: u32) -> std::ops::Range<usize> {
        let start = self.events.lower_bound(event);
        let mut end = start;
        while self.events.get(end) == Some(event) {
            end += 1;
        }
        start..end
    }

    fn heap_bytes(&self) -> usize {
        self.events.heap_bytes() + self.values.heap_bytes() + self.dictionary.heap_bytes()
    }
}

/// One path: its keys, its children by key, its column.
#[derive(Debug, Clone, Default)]
pub(crate) struct PathNode {
    pub keys: Vec<String>,
    /// Keyed by the key's bytes: a load looks every key up as read from the text.
    children: HashMap<Box<[u8]>, u32, FastBuild>,
    pub column: Column,
}

/// Every path seen, as a trie (node 0 is the event itself), and the paths by flattened name.
#[derive(Debug, Clone)]
pub(crate) struct Paths {
    pub nodes: Vec<PathNode>,
    /// The keys joined with `.` → the paths spelling it (`a.b` is `["a.b"]` and `["a","b"]`).
    by_name: HashMap<String, Vec<u32>, FastBuild>,
    /// (parent, the key's hash from the tape) → the child path seen first with them: a load
    /// finds a key's path without hashing or comparing the key again but once (a different
    /// key with the same hash goes the `children` way).
    edges: HashMap<(u32, u32), u32, FastBuild>,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            nodes: vec![PathNode::default()],
            by_name: HashMap::default(),
            edges: HashMap::default(),
        }
    }
}

/// Scratch space reused across events, so indexing allocates only for new paths and values.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    tagged: Vec<u8>,
    /// The open objects and arrays of [`Paths::add_tapes`]: path, flags, whether an array.
    stack: Vec<(u32, u32, bool)>,
    /// The event's scalars found by [`Paths::add_tapes`], interned after the walk.
    scalars: Vec<Found>,
    /// What the first slots read (kept, so the reads are not optimised away).
    slots_read: u64,
}

/// A scalar of the event being indexed: its path and flags, which part's tape it is on, its
/// text there and its [`value_hash`].
#[derive(Debug, Clone, Copy)]
struct Found {
    node: u32,
    flags: u32,
    part: usize,
    text: Text,
    hash: u64,
}

/// Where indexing one event writes: new values' texts, and the event's own JSON (already
/// stored), which new strings may point into.
pub(crate) struct Target<'a> {
    pub texts: &'a mut ByteArena,
    pub events: &'a ByteArena,
    pub json: Span,
    pub scratch: &'a mut Scratch,
}

impl Paths {
    /// The paths whose keys joined with `.` spell `name`.
    pub(crate) fn named(&self, name: &str) -> &[u32] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// The path with exactly these keys.
    pub(crate) fn find(&self, keys: &[&str]) -> Option<u32> {
        let mut node = 0u32;
        for key in keys {
            node = *self.nodes[node as usize].children.get(key.as_bytes())?;
        }
        Some(node)
    }

    /// [`Paths::child`] of a key whose hash the tape gives.
    fn child_hashed(&mut self, parent: u32, key: &[u8], hash: u32) -> u32 {
        if let Some(&child) = self.edges.get(&(parent, hash)) {
            let keys = &self.nodes[child as usize].keys;
            if keys
                .last()
                .is_some_and(|last| same_bytes(last.as_bytes(), key))
            {
                return child;
            }
        }
        let child = self.child(parent, key);
        self.edges.entry((parent, hash)).or_insert(child);
        child
    }

    /// The path under `parent` at key `key` (UTF-8: it was read from text), added when new.
    fn child(&mut self, parent: u32, key: &[u8]) -> u32 {
        if let Some(&child) = self.nodes[parent as usize].children.get(key) {
            return child;
        }
        let mut keys = self.nodes[parent as usize].keys.clone();
        keys.push(String::from_utf8_lossy(key).into_owned());
        let child = self.nodes.len() as u32;
        self.by_name.entry(keys.join(".")).or_default().push(child);
        self.nodes.push(PathNode {
            keys,
            ..PathNode::default()
        });
        self.nodes[parent as usize]
            .children
            .insert(key.into(), child);
        child
    }

    /// Indexes every scalar of `event` (number `index`, whose JSON is at `json` in
    /// `events`).
    pub(crate) fn add_event(&mut self, target: Target<'_>, event: &Value, index: u32) {
        let mut target = target;
        self.add(&mut target, event, 0, index, 0);
    }

    /// Indexes every scalar of the event read into tapes (number `index`, whose JSON is at
    /// `json` in `events`), as [`Paths::add_event`] does for its tree: the event read in
    /// parts, one after another, each tape with where its JSON starts in the event's (one
    /// tape at 0, or a head and the `detail` it ends with). Returns the tagged text of the
    /// event's top-level `time` when it is a string.
    pub(crate) fn add_tapes<'t>(
        &mut self,
        target: Target<'_>,
        parts: &[(&'t Tape, usize)],
        index: u32,
    ) -> Option<&'t [u8]> {
        // Per open object or array: its path, the flags of the way to it, whether an array.
        let stack = &mut target.scratch.stack;
        stack.clear();
        target.scratch.scalars.clear();
        let mut time = None;
        let mut at_time = false;
        // The path and flags of the next value.
        let mut next = (0u32, 0u32);
        for (part, &(tape, _)) in parts.iter().enumerate() {
            for op in &tape.ops {
                if let (Some(&(node, flags, true)), false) = (stack.last(), *op == Op::Close) {
                    let inner = match op {
                        Op::Open(_) => flags | IN_ARRAY | VIA_ARRAY,
                        _ => flags | VIA_ARRAY,
                    };
                    next = (node, inner);
                }
                match *op {
                    Op::Open(array) => {
                        stack.push((next.0, next.1, array));
                        at_time = false;
                    }
                    Op::Close => {
                        stack.pop();
                    }
                    Op::Key(key, hash) => {
                        let Some(&(node, flags, _)) = stack.last() else {
                            continue;
                        };
                        let key = tape.text(key).get(1..).unwrap_or_default();
                        at_time = stack.len() == 1 && key == b"time";
                        next = (self.child_hashed(node, key, hash), flags);
                    }
                    Op::Scalar(text) => {
                        let tagged = tape.text(text);
                        if std::mem::take(&mut at_time) && tagged.first() == Some(&b'"') {
                            time = Some(tagged);
                        }
                        let (node, flags) = next;
                        if node == 0 {
                            continue;
                        }
                        let hash = value_hash(tagged);
                        let dictionary = &self.nodes[node as usize].column.dictionary;
                        target.scratch.slots_read ^= dictionary.first_slot(hash);
                        target.scratch.scalars.push(Found {
                            node,
                            flags,
                            part,
                            text,
                            hash,
                        });
                    }
                }
            }
        }
        for found in target.scratch.scalars.drain(..) {
            let (tape, base) = parts[found.part];
            let column = &mut self.nodes[found.node as usize].column;
            let text = found.text;
            let at = || text.in_json.then_some(base + text.start as usize);
            let id = column.dictionary.intern_hashed(
                target.texts,
                target.events,
                target.json,
                tape.text(text),
                found.hash,
                at,
            );
            column.events.push(index);
            column.values.push(id | found.flags);
        }
        time
    }

    /// `flags` says how the walk got here; the rules follow the matcher's (see
    /// `eventpen_pattern`'s event walk): elements of an array that are objects or arrays
    /// are "in an array", scalar elements are not.
    fn add(&mut self, target: &mut Target<'_>, value: &Value, node: u32, index: u32, flags: u32) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let next = self.child(node, key.as_bytes());
                    self.add(target, child, next, index, flags);
                }
            }
            Value::Array(items) => {
                for item in items {
                    let inner = if item.is_object() || item.is_array() {
                        flags | IN_ARRAY | VIA_ARRAY
                    } else {
                        flags | VIA_ARRAY
                    };
                    self.add(target, item, node, index, inner);
                }
            }
            scalar if node != 0 => {
                tagged(scalar, &mut target.scratch.tagged);
                let column = &mut self.nodes[node as usize].column;
                let id = column.dictionary.intern(
                    target.texts,
                    target.events,
                    target.json,
                    &target.scratch.tagged,
                );
                column.events.push(index);
                column.values.push(id | flags);
            }
            _ => {}
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        let nodes = self.nodes.capacity() * std::mem::size_of::<PathNode>();
        let per_node: usize = self
            .nodes
            .iter()
            .map(|n| {
                n.keys.iter().map(|k| k.capacity() + 24).sum::<usize>()
                    + n.children.capacity() * (std::mem::size_of::<(Box<[u8]>, u32)>() + 1)
                    + n.children.keys().map(|key| key.len()).sum::<usize>()
                    + n.column.heap_bytes()
            })
            .sum();
        let names: usize = self
            .by_name
            .iter()
            .map(|(name, ids)| name.capacity() + ids.capacity() * 4 + 48)
            .sum();
        let edges = self.edges.capacity() * (std::mem::size_of::<((u32, u32), u32)>() + 1);
        nodes + per_node + names + edges
    }
}
