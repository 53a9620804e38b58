//! Paths: one type for every place in a pattern or an event, printed one way.
//!
//! A field path (`detail.requestParameters.instanceType`) is a list of keys; a JSON path in a
//! diagnostic (`detail.eventName[0].prefix`) also has array indexes. Both are a [`Path`], so
//! the app, the CLI and every crate print and compare them the same way.

use std::fmt;

/// One step of a [`Path`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// An object key, as written (unescaped).
    Key(String),
    /// An array index.
    Index(usize),
}

/// A place in a JSON document: keys and indexes, outermost first. The root is the empty path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path {
    /// The steps, outermost first.
    pub segments: Vec<Segment>,
}

impl Path {
    /// The root.
    pub fn root() -> Path {
        Path::default()
    }

    /// A path of keys only, e.g. a field path `["detail", "eventName"]`.
    pub fn of_keys<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> Path {
        Path {
            segments: keys
                .into_iter()
                .map(|k| Segment::Key(k.as_ref().to_string()))
                .collect(),
        }
    }

    /// A field path from pattern keys as written: a dotted key names nested fields, as
    /// event-ruler flattens them (`{"a.b": …}` reads `a` → `b`).
    pub fn of_pattern_keys<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> Path {
        let mut path = Path::root();
        for key in keys {
            for part in key.as_ref().split('.') {
                path.push_key(part);
            }
        }
        path
    }

    /// Reads the printed form back (`detail.items[0].sku`). Keys containing `.` or `[`
    /// cannot round-trip; diagnostics never produce them for field paths.
    pub fn parse(text: &str) -> Path {
        let mut path = Path::root();
        if text.is_empty() {
            return path;
        }
        for part in text.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(at) => (&part[..at], &part[at..]),
                None => (part, ""),
            };
            if !key.is_empty() || rest.is_empty() {
                path.push_key(key);
            }
            while let Some(close) = rest.find(']') {
                // `rest` starts with `[` only on the first round: a key like `a]]` (a pattern
                // key may hold any text) leaves a `]` first, kept as part of a key.
                let inside = rest.strip_prefix('[').and_then(|r| r.get(..close - 1));
                match inside.and_then(|i| i.parse().ok()) {
                    Some(index) => path.segments.push(Segment::Index(index)),
                    None => path.push_key(&rest[..=close]),
                }
                rest = &rest[close + 1..];
            }
        }
        path
    }

    /// Appends a key.
    pub fn push_key(&mut self, key: &str) {
        self.segments.push(Segment::Key(key.to_string()));
    }

    /// This path with a key appended.
    pub fn with_key(&self, key: &str) -> Path {
        let mut path = self.clone();
        path.push_key(key);
        path
    }

    /// This path with an index appended.
    pub fn with_index(&self, index: usize) -> Path {
        let mut path = self.clone();
        path.segments.push(Segment::Index(index));
        path
    }

    /// The keys, skipping indexes: the event field a JSON path names.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Key(k) => Some(k.as_str()),
            Segment::Index(_) => None,
        })
    }

    /// The keys as owned strings (what field indexes are keyed by).
    pub fn key_vec(&self) -> Vec<String> {
        self.keys().map(str::to_string).collect()
    }

    /// Whether this is the root.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The last key, if any.
    pub fn last_key(&self) -> Option<&str> {
        self.keys().last()
    }
}

impl fmt::Display for Path {
    /// Keys joined with `.`, indexes as `[i]`: `detail.eventName[0].prefix`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Compares with the printed form (`path == "detail.eventName"`), as tests and tables write paths.
impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        *self == Path::parse(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_parses_one_way() {
        // (printed, segments)
        let cases: [(&str, Path); 4] = [
            ("", Path::root()),
            ("detail.eventName", Path::of_keys(["detail", "eventName"])),
            (
                "detail.eventName[0].prefix",
                Path::of_keys(["detail", "eventName"])
                    .with_index(0)
                    .with_key("prefix"),
            ),
            (
                "$or[1].a",
                Path::of_keys(["$or"]).with_index(1).with_key("a"),
            ),
        ];
        for (text, path) in cases {
            assert_eq!(path.to_string(), text);
            assert_eq!(Path::parse(text), path, "{text}");
        }
    }

    #[test]
    fn dotted_pattern_keys_resolve_to_nested_fields() {
        let path = Path::of_pattern_keys(["detail.requestParameters", "instanceType"]);
        assert_eq!(
            path,
            Path::of_keys(["detail", "requestParameters", "instanceType"])
        );
        assert_eq!(path.key_vec().len(), 3);
        assert_eq!(path.last_key(), Some("instanceType"));
    }
}
