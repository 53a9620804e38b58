//! Reading an event from bytes, keeping only what the pattern looks at.
//!
//! [`crate::Pattern::matches_json`] does not build the whole event: a [`Trie`] of the
//! pattern's flattened field names decides, key by key, whether to keep a value whole (a
//! field the pattern reads, decoded by serde_json), descend into it (a prefix of one), or
//! skip it (everything else). Arrays keep all their elements, so array membership is
//! unchanged, and the pruned event matches exactly as the full one would.
//!
//! Skipping is a hand-written scanner that checks JSON syntax (structure, strings and their
//! escapes, the number grammar, `true`/`false`/`null`, serde_json's nesting limit of 128)
//! but builds nothing. It is laxer than serde_json in two corners only: it does not check
//! that skipped strings are UTF-8 or that their `\u` escapes pair surrogates. String bodies
//! are stepped over sixteen bytes at a time (`find`), short numbers checked in one window
//! (`number`), compact number arrays without the per-value dispatch.
//!
//! A skipped object or array is first walked token by token (`quick`: string bodies sixteen
//! bytes per SSE2 compare, compact runs of numbers in arrays 64 bytes per check in
//! `number_run` on x86-64); that walk accepts only valid JSON and defers every doubt (an
//! error, nesting at the limit) to the exact validators, which word the error: on x86-64
//! the block validator (`classify`, `validate`, 64 bytes at a time), elsewhere the byte
//! loop, both with the same verdicts.
//!
//! [`read_pruned`] never stops early. AWS refuses an event that is not valid JSON anywhere,
//! and a repeated key later in the event adds values to a field already seen, so a verdict
//! reached before the closing brace could be wrong both ways. [`matches_prevalidated`], for
//! bytes a serialiser wrote (valid JSON, keys without needless escapes), steps over what it
//! skips by brackets only (`structure`) and stops as soon as the verdict is known (`early`:
//! a field satisfied for good, or failed with no later key able to reach it), repeated keys
//! included. The `quamina` crate likewise stops reading once it has seen every field its
//! patterns name, and does not check what it skips (it matches
//! `{"detail":{"x":[1 2 @@]},"source":"aws.ec2"}`); see `benches/README.md`.

use std::borrow::Cow;

use crate::compile::{Compiled, Field};
use crate::event::{EventNode, Scalar, Shape};

#[cfg(target_arch = "x86_64")]
mod classify;
mod early;
mod find;
mod number;
#[cfg(target_arch = "x86_64")]
mod number_run;
mod quick;
mod scanner;
mod structure;
mod syntax;
#[cfg(test)]
mod tests;
#[cfg(target_arch = "x86_64")]
mod validate;
#[cfg(all(test, target_arch = "x86_64"))]
mod validate_tests;

pub(crate) use early::EarlyPlan;
use scanner::Scanner;

/// The pattern's field names, split at dots: event keys are split the same way, so
/// `{"a.b": …}` and `{"a": {"b": …}}` reach the same node, as event-ruler's flattening does.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Trie {
    /// A field's name ends here: keep the value whole.
    leaf: bool,
    /// At a leaf: the indexes of the fields with this name (in the order given to
    /// [`Trie::of`], which is the compiled pattern's field order).
    fields: Vec<usize>,
    children: Vec<(String, Trie)>,
    /// For early verdicts: the fields named at or under this node, one bit each.
    under: u64,
    /// For early verdicts: the needles of the name segments leading to this node (bits
    /// of [`EarlyPlan`]'s needles).
    path_needles: u64,
    /// At the root only: what deciding before the end needs, when the pattern allows it
    /// (see [`Trie::plan_early`]).
    early: Option<EarlyPlan>,
}

impl Trie {
    /// The trie of these flattened names.
    pub(crate) fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Trie {
        let mut root = Trie::default();
        for (index, name) in names.into_iter().enumerate() {
            let mut node = &mut root;
            for part in name.split('.') {
                let index = match node.children.iter().position(|(key, _)| key == part) {
                    Some(index) => index,
                    None => {
                        node.children.push((part.to_string(), Trie::default()));
                        node.children.len() - 1
                    }
                };
                node = &mut node.children[index].1;
            }
            node.leaf = true;
            node.fields.push(index);
        }
        root
    }

    /// Enables early verdicts for [`matches_prevalidated`] where they are exact: the fields
    /// are the ones the trie was built from; `contested` says a leaf is replaced on some
    /// `$or` paths only (then no per-field outcome decides). A field whose name is a prefix
    /// of another's (`a` and `a.b`) is read whole, so the deeper one's values are never
    /// noted: no early verdict there either.
    pub(crate) fn plan_early(&mut self, fields: &[Field], contested: bool) {
        let plan = if contested || self.leaf_with_children() {
            None
        } else {
            EarlyPlan::of(fields)
        };
        if let Some(plan) = &plan {
            self.mark(plan, 0);
        }
        self.early = plan;
    }

    /// Sets [`Trie::under`] and [`Trie::path_needles`] below this node, reached through
    /// the segments whose needles are `path`; returns `under`.
    fn mark(&mut self, plan: &EarlyPlan, path: u64) -> u64 {
        self.path_needles = path;
        let mut under = self
            .fields
            .iter()
            .fold(0u64, |bits, &index| bits | 1 << index);
        for (name, child) in &mut self.children {
            under |= child.mark(plan, path | plan.needle_bit(name));
        }
        self.under = under;
        under
    }

    fn leaf_with_children(&self) -> bool {
        (self.leaf && !self.children.is_empty())
            || self
                .children
                .iter()
                .any(|(_, child)| child.leaf_with_children())
    }

    /// The node an event key leads to, if the pattern reads anything under it.
    #[inline]
    fn step(&self, key: &[u8]) -> Option<&Trie> {
        // Names in the trie never hold a dot, so a plain key is one comparison per child,
        // and only a key that starts with a child's name and a dot needs splitting.
        let mut dotted = false;
        for (name, child) in &self.children {
            let name = name.as_bytes();
            // Most keys differ from the name in their first byte: no call to compare them.
            // (A name is empty where a field name starts with a dot, or has two in a row.)
            let same_start = name.first().is_none_or(|first| key.first() == Some(first));
            if key.len() >= name.len() && same_start && key.starts_with(name) {
                match key.get(name.len()) {
                    None => return Some(child),
                    Some(b'.') => dotted = true,
                    Some(_) => {}
                }
            }
        }
        if !dotted {
            return None;
        }
        key.split(|&b| b == b'.').try_fold(self, |node, part| {
            node.children
                .iter()
                .find(|(k, _)| k.as_bytes() == part)
                .map(|(_, child)| child)
        })
    }
}

/// An event read from bytes, pruned: strings and numbers borrow from the input (strings
/// with escapes are decoded), objects keep their keys in order, every repeated key kept.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw<'a> {
    Object(Vec<(Cow<'a, str>, Raw<'a>)>),
    Array(Vec<Raw<'a>>),
    Str(Cow<'a, str>),
    Num(&'a str),
    Bool(bool),
    Null,
}

impl EventNode for Raw<'_> {
    #[inline]
    fn shape(&self) -> Shape<'_, Self> {
        match self {
            Raw::Object(_) => Shape::Object,
            Raw::Array(items) => Shape::Array(items),
            Raw::Str(s) => Shape::Leaf(Scalar::Str(s)),
            Raw::Num(n) => Shape::Leaf(Scalar::Num(n)),
            Raw::Bool(b) => Shape::Leaf(Scalar::Bool(*b)),
            Raw::Null => Shape::Leaf(Scalar::Null),
        }
    }

    #[inline]
    fn children_on_path<'s>(
        &'s self,
        rest: &str,
        visit: &mut dyn FnMut(&'s Self, Option<&str>) -> std::ops::ControlFlow<()>,
    ) -> std::ops::ControlFlow<()> {
        if let Raw::Object(entries) = self {
            for (key, child) in entries {
                if let Some(after) = rest.strip_prefix(key.as_ref()) {
                    if after.is_empty() {
                        visit(child, None)?;
                    } else if let Some(deeper) = after.strip_prefix('.') {
                        visit(child, Some(deeper))?;
                    }
                }
            }
        }
        std::ops::ControlFlow::Continue(())
    }
}

/// Adds a member. A repeated key keeps every occurrence: event-ruler's streaming reader
/// sees each one, so `{"v": 97, "v": false}` matches both `[97]` and `[false]`.
fn insert<'a>(entries: &mut Vec<(Cow<'a, str>, Raw<'a>)>, key: Cow<'a, str>, value: Raw<'a>) {
    entries.push((key, value));
}

/// Parses JSON bytes into an event holding only the values the trie asks for, as
/// event-ruler reads an event: it must be a JSON object, whose syntax is checked whole, and
/// whatever follows it is never read (so it is ignored).
pub(crate) fn read_pruned<'b>(bytes: &'b [u8], trie: &Trie) -> Result<Raw<'b>, serde_json::Error> {
    read(&mut Scanner::new(bytes), trie)
}

/// Whether the event in these bytes matches, for bytes known to be valid JSON (see
/// [`crate::Pattern::matches_json_prevalidated`]): what the pattern does not read is
/// stepped over without being checked, and reading stops as soon as the verdict is known
/// (`early`). On other bytes the result is unspecified (but it never panics).
pub(crate) fn matches_prevalidated(
    bytes: &[u8],
    compiled: &Compiled,
) -> Result<bool, serde_json::Error> {
    let mut scanner = Scanner::new(bytes);
    scanner.prevalidated = true;
    scanner.early = compiled
        .trie
        .early
        .as_ref()
        .map(|plan| early::Early::new(compiled, plan));
    let event = read(&mut scanner, &compiled.trie)?;
    match scanner.early.and_then(|early| early.verdict) {
        Some(verdict) => Ok(verdict),
        None => Ok(crate::matching::matches(compiled, &event)),
    }
}

fn read<'b>(scanner: &mut Scanner<'b, '_>, trie: &Trie) -> Result<Raw<'b>, serde_json::Error> {
    scanner.whitespace();
    if scanner.peek() != Some(b'{') {
        return Err(scanner.error("an event must be a JSON object"));
    }
    scanner.value(trie)
}
