//! Reading an event from bytes, keeping only what the pattern looks at.
//!
//! [`crate::Pattern::matches_json`] does not build the whole event: a [`Trie`] of the
//! pattern's flattened field names decides, key by key, whether to keep a value whole (a
//! field the pattern reads), descend into it (a prefix of one), or skip it without
//! allocating (everything else). Arrays keep all their elements, so array membership is
//! unchanged, and the pruned event matches exactly as the full one would.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// The pattern's field names, split at dots: event keys are split the same way, so
/// `{"a.b": …}` and `{"a": {"b": …}}` reach the same node, as event-ruler's flattening does.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Trie {
    /// A field's name ends here: keep the value whole.
    leaf: bool,
    children: Vec<(String, Trie)>,
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
        root
    }

    /// The node an event key leads to, if the pattern reads anything under it.
    #[inline]
    fn step(&self, key: &str) -> Option<&Trie> {
        key.split('.').try_fold(self, |node, part| {
            node.children
                .iter()
                .find(|(k, _)| k == part)
                .map(|(_, child)| child)
        })
    }
}

/// Parses JSON bytes into an event holding only the values the trie asks for.
pub(crate) fn read_pruned(bytes: &[u8], trie: &Trie) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = Pruned(trie).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// A seed that reads one value under a trie node.
struct Pruned<'t>(&'t Trie);

impl<'de> DeserializeSeed<'de> for Pruned<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de> Visitor<'de> for Pruned<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(Key(key)) = access.next_key::<Key<'de>>()? {
            match self.0.step(&key) {
                None => {
                    access.next_value::<IgnoredAny>()?;
                }
                Some(node) if node.leaf => {
                    let value: Value = access.next_value()?;
                    map.insert(key.into_owned(), value);
                }
                Some(node) => {
                    let value = access.next_value_seed(Pruned(node))?;
                    map.insert(key.into_owned(), value);
                }
            }
        }
        Ok(Value::Object(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element_seed(Pruned(self.0))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    // Scalars above the pattern's leaves are never looked at.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::{Trie, read_pruned};

    #[test]
    fn keeps_only_what_the_names_reach() {
        let trie = Trie::of(["a.b", "c", "d.e.f"]);
        let text = br#"{"a": {"b": [1, {"x": 2}], "z": 3}, "a.b": "dotted", "c": {"deep": [1.50]},
                        "d": [{"e.f": true, "g": 1}, 5], "skip": {"big": [1, 2, 3]}}"#;
        let pruned = read_pruned(text, &trie).unwrap_or_default();
        let expected: serde_json::Value = serde_json::from_str(
            r#"{"a": {"b": [1, {"x": 2}]}, "a.b": "dotted", "c": {"deep": [1.50]}, "d": [{"e.f": true}, null]}"#,
        )
        .unwrap_or_default();
        assert_eq!(pruned, expected);
    }

    #[test]
    fn rejects_what_json_rejects() {
        let trie = Trie::of(["a"]);
        for bad in [&b"{"[..], b"{\"a\": 1} x", b"{\"skip\": [1,}", b"[1"] {
            assert!(
                read_pruned(bad, &trie).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
