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
//! reached before the closing brace could be wrong both ways. [`read_pruned_prevalidated`],
//! for bytes serde_json wrote from a map (valid, no repeated key), steps over what it skips
//! by brackets only (`structure`) and leaves the root object once every field under it has
//! been read and no later dotted key can reach one ([`Trie::rest_cannot_reach`]). The `quamina` crate stops reading once it has
//! seen every field its patterns name and does not check what it skips (it matches
//! `{"detail":{"x":[1 2 @@]},"source":"aws.ec2"}`), which is why it is faster when the
//! fields come first; see `benches/README.md`.

use std::borrow::Cow;

use crate::event::{EventNode, Scalar, Shape};

#[cfg(target_arch = "x86_64")]
mod classify;
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

use scanner::Scanner;

/// The pattern's field names, split at dots: event keys are split the same way, so
/// `{"a.b": …}` and `{"a": {"b": …}}` reach the same node, as event-ruler's flattening does.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Trie {
    /// A field's name ends here: keep the value whole.
    leaf: bool,
    children: Vec<(String, Trie)>,
    /// At the root only: `"name.` for each child with children of its own, the bytes a
    /// later dotted key reaching under that child starts with as serde_json writes it
    /// (see [`Trie::rest_cannot_reach`]); `None` when a name holds a byte serde_json
    /// escapes, or there are more than 64 children, so the root is read to its end.
    dotted_keys: Option<DottedKeys>,
}

/// The searchers for [`Trie::dotted_keys`], built once per pattern.
#[derive(Debug, Clone)]
struct DottedKeys(Vec<memchr::memmem::Finder<'static>>);

impl PartialEq for DottedKeys {
    fn eq(&self, other: &Self) -> bool {
        let needles = |keys: &DottedKeys| {
            keys.0
                .iter()
                .map(|f| f.needle().to_vec())
                .collect::<Vec<_>>()
        };
        needles(self) == needles(other)
    }
}

impl Trie {
    /// The trie of these flattened names.
    pub(crate) fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Trie {
        let mut root = Trie::default();
        for name in names {
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
        }
        let plain = |name: &str| !name.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20);
        if root.children.len() <= 64 && root.children.iter().all(|(name, _)| plain(name)) {
            let needles = root
                .children
                .iter()
                .filter(|(_, child)| !child.children.is_empty());
            let finder =
                |name: &str| memchr::memmem::Finder::new(&format!("\"{name}.")).into_owned();
            root.dotted_keys = Some(DottedKeys(needles.map(|(name, _)| finder(name)).collect()));
        }
        root
    }

    /// Whether no member in `rest` (the unread part of the root object of JSON written by
    /// serde_json from a map, hence with no repeated key) can add a value to a field the
    /// pattern reads, once every child of the root has been read: only a dotted key under a
    /// child that has children could, and its text would contain `"child.`.
    fn rest_cannot_reach(&self, rest: &[u8]) -> bool {
        self.dotted_keys
            .as_ref()
            .is_some_and(|keys| keys.0.iter().all(|finder| finder.find(rest).is_none()))
    }

    /// The index of the child named exactly `key`.
    fn child_index(&self, key: &[u8]) -> Option<usize> {
        self.children
            .iter()
            .position(|(name, _)| name.as_bytes() == key)
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
    read(Scanner::new(bytes), trie)
}

/// [`read_pruned`] for bytes known to be valid JSON (written by a JSON serialiser): what the
/// pattern does not read is stepped over without being checked. On other bytes the result
/// is unspecified (but it never panics).
pub(crate) fn read_pruned_prevalidated<'b>(
    bytes: &'b [u8],
    trie: &Trie,
) -> Result<Raw<'b>, serde_json::Error> {
    let mut scanner = Scanner::new(bytes);
    scanner.prevalidated = true;
    read(scanner, trie)
}

fn read<'b>(mut scanner: Scanner<'b>, trie: &Trie) -> Result<Raw<'b>, serde_json::Error> {
    scanner.whitespace();
    if scanner.peek() != Some(b'{') {
        return Err(scanner.error("an event must be a JSON object"));
    }
    scanner.value(trie)
}
