//! The field index: for every field path in the loaded events, its distinct values and how
//! many events carry each — `detail.eventName: RunInstances 34 · TerminateInstances 12`.
//!
//! One walk over the events serves the facets, the editor's completion and the tips. Collected
//! once per event set, in one pass that allocates only for new paths and new values, so 10,000
//! CloudTrail events stay fast; searching then runs over the collected values only.
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Distinct values kept per field: beyond this a field (ids, timestamps) is only counted.
pub(crate) const MAX_DISTINCT: usize = 1000;

/// The fields most rules start from (the AWS walkthrough's), listed first.
const KEY_FIELDS: [&[&str]; 4] = [
    &["source"],
    &["detail-type"],
    &["detail", "eventSource"],
    &["detail", "eventName"],
];

/// One value of a field.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FacetValue {
    /// The value.
    pub value: Value,
    /// How many events carry it at this path.
    pub count: usize,
    /// Its text (strings unquoted), lowercased, for search.
    search_text: String,
}

impl FacetValue {
    /// The value as people read it (strings without quotes).
    pub fn text(&self) -> String {
        match &self.value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

/// One field path and its values, most common first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FacetField {
    /// The path (array indexes skipped).
    pub path: Vec<String>,
    /// Distinct values, by count (descending), then by text.
    pub values: Vec<FacetValue>,
    /// How many events have a value here.
    pub events: usize,
    /// More than the kept number of distinct values were seen (the rest are not listed).
    pub truncated: bool,
    dotted_lower: String,
}

impl FacetField {
    /// The values a search for `query` shows here: all of them when the path contains it (or
    /// it is empty), else those containing it; case-insensitive.
    pub fn values_matching(&self, query: &str) -> Vec<&FacetValue> {
        let query = query.trim().to_lowercase();
        if self.dotted_lower.contains(&query) {
            return self.values.iter().collect();
        }
        self.values
            .iter()
            .filter(|v| v.search_text.contains(&query))
            .collect()
    }

    /// Every event has its own value here (ids, timestamps): not worth clicking through.
    pub fn all_distinct(&self) -> bool {
        self.truncated || (self.values.len() > 10 && self.values.len() == self.events)
    }
}

/// A field matching a search, with the values that matched (all of them when the path did).
#[derive(Debug, Clone, PartialEq)]
pub struct FacetHit<'a> {
    /// The field's index in [`Facets::fields`].
    pub index: usize,
    /// The field.
    pub field: &'a FacetField,
    /// Its values to show.
    pub values: Vec<&'a FacetValue>,
}

/// The facets of a set of events.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Facets {
    fields: Vec<FacetField>,
    events: usize,
    /// Every path seen, objects and arrays included (a pattern may test them with `exists`).
    seen: HashSet<Vec<String>>,
}

/// Collection state of one path: value text → (value, events counted, last event counted).
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) values: HashMap<String, (Value, usize, usize)>,
    pub(crate) events: usize,
    last_event: Option<usize>,
    pub(crate) truncated: bool,
}

impl Facets {
    /// Collect the facets of `events`.
    pub fn collect<'a>(events: impl IntoIterator<Item = &'a Value>) -> Facets {
        let mut trie = Trie::default();
        let mut count = 0;
        for (index, event) in events.into_iter().enumerate() {
            trie.walk(event, Trie::ROOT, index);
            count = index + 1;
        }
        let paths = trie
            .nodes
            .into_iter()
            .skip(1)
            .map(|node| (node.path, node.tally));
        Facets::assemble(paths, count)
    }

    /// The facets of the events in `store`, from its columns (no event decoded): equal to
    /// [`Facets::collect`] over the same events.
    pub fn of_store(store: &crate::store::EventStore) -> Facets {
        Facets::assemble(store.facet_tallies(), store.len())
    }

    /// The facets from every path seen (in the order first seen, objects and arrays
    /// included) with its tally when scalars were seen there.
    pub(crate) fn assemble(
        paths: impl IntoIterator<Item = (Vec<String>, Option<Tally>)>,
        count: usize,
    ) -> Facets {
        let mut seen = HashSet::new();
        let mut fields: Vec<FacetField> = Vec::new();
        for (path, tally) in paths {
            seen.insert(path.clone());
            let Some(tally) = tally else {
                continue;
            };
            let mut values: Vec<(String, FacetValue)> = tally
                .values
                .into_iter()
                .map(|(text, (value, count, _))| {
                    let search_text = text.to_lowercase();
                    (
                        text,
                        FacetValue {
                            value,
                            count,
                            search_text,
                        },
                    )
                })
                .collect();
            // Ties by search text, then by the text itself ("XY" before "xy"), so the order
            // never depends on the hash map's.
            values.sort_by(|(a_text, a), (b_text, b)| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| a.search_text.cmp(&b.search_text))
                    .then_with(|| a_text.cmp(b_text))
            });
            let values: Vec<FacetValue> = values.into_iter().map(|(_, v)| v).collect();
            fields.push(FacetField {
                dotted_lower: path.join(".").to_lowercase(),
                path,
                values,
                events: tally.events,
                truncated: tally.truncated,
            });
        }
        // The fields a rule usually starts from first; fields where every event differs (ids,
        // timestamps) last; the rest in the order the events have them.
        fields.sort_by_key(|field| {
            let key = KEY_FIELDS
                .iter()
                .position(|k| field.path.iter().eq(k.iter()));
            match key {
                Some(position) => (0, position),
                None if field.truncated
                    || (field.values.len() == field.events && field.events > 1) =>
                {
                    (2, 0)
                }
                None => (1, 0),
            }
        });
        Facets {
            fields,
            events: count,
            seen,
        }
    }

    /// The same index with at most `values` values per field (for the facet panel, which lists
    /// the most common ones): counts stay exact, a cut field says it is truncated.
    pub fn capped(&self, values: usize) -> Facets {
        let mut capped = self.clone();
        for field in &mut capped.fields {
            if field.values.len() > values {
                field.values.truncate(values);
                field.truncated = true;
            }
        }
        capped
    }

    /// Whether any event has something (a value, an object or an array) at `path`.
    pub fn has(&self, path: &[String]) -> bool {
        self.seen.contains(path)
    }

    /// Every path seen, objects and arrays included, in no particular order.
    pub fn all_paths(&self) -> impl Iterator<Item = &Vec<String>> {
        self.seen.iter()
    }

    /// The distinct strings seen at `path` (what exact string conditions compare with).
    pub fn strings_at(&self, path: &[String]) -> Vec<&str> {
        self.field(path)
            .map(|field| {
                field
                    .values
                    .iter()
                    .filter_map(|v| v.value.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every field: the walkthrough's key fields first, fields unique per event last, the rest
    /// in the order first seen in the events.
    pub fn fields(&self) -> &[FacetField] {
        &self.fields
    }

    /// How many events were collected.
    pub fn event_count(&self) -> usize {
        self.events
    }

    /// Every field path (for completing a typed path).
    pub fn paths(&self) -> Vec<Vec<String>> {
        self.fields.iter().map(|f| f.path.clone()).collect()
    }

    /// The field at `path`.
    pub fn field(&self, path: &[String]) -> Option<&FacetField> {
        self.fields.iter().find(|f| f.path == path)
    }

    /// Fields whose dotted path contains `query` (with all their values), and fields with
    /// values containing it (with those values); case-insensitive. An empty query gives all.
    pub fn search(&self, query: &str) -> Vec<FacetHit<'_>> {
        self.matching(query)
            .into_iter()
            .map(|index| FacetHit {
                index,
                field: &self.fields[index],
                values: self.fields[index].values_matching(query),
            })
            .collect()
    }

    /// The indexes (into [`Facets::fields`]) of the fields [`Facets::search`] finds, without
    /// collecting their values: what a view needs to decide what to draw.
    pub fn matching(&self, query: &str) -> Vec<usize> {
        let query = query.trim().to_lowercase();
        (0..self.fields.len())
            .filter(|&i| {
                let field = &self.fields[i];
                field.dotted_lower.contains(&query)
                    || field.values.iter().any(|v| v.search_text.contains(&query))
            })
            .collect()
    }
}

/// The paths seen, as a trie, so each step of the walk hashes one key (borrowed, no allocation
/// once the path is known) instead of the whole path.
#[derive(Default)]
struct Trie {
    nodes: Vec<Node>,
}

/// One path: its children by key, and its values once a scalar was seen there.
#[derive(Default)]
struct Node {
    path: Vec<String>,
    children: HashMap<String, usize>,
    tally: Option<Tally>,
}

impl Trie {
    const ROOT: usize = 0;

    fn child(&mut self, parent: usize, key: &str) -> usize {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        if let Some(&child) = self.nodes[parent].children.get(key) {
            return child;
        }
        let mut path = self.nodes[parent].path.clone();
        path.push(key.to_string());
        let child = self.nodes.len();
        self.nodes.push(Node {
            path,
            ..Node::default()
        });
        self.nodes[parent].children.insert(key.to_string(), child);
        child
    }

    fn walk(&mut self, value: &Value, node: usize, event: usize) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let next = self.child(node, key);
                    self.walk(child, next, event);
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.walk(item, node, event);
                }
            }
            scalar if node != Trie::ROOT => {
                let tally = self.nodes[node].tally.get_or_insert_with(Tally::default);
                tally.add(scalar, event);
            }
            _ => {}
        }
    }
}

/// The key of a value that is not a string: type-tagged so the string "5" and the number 5
/// stay apart.
pub(crate) fn tally_key(value: &Value) -> String {
    format!("\u{0}{value}")
}

impl Tally {
    fn add(&mut self, scalar: &Value, event: usize) {
        if self.last_event != Some(event) {
            self.last_event = Some(event);
            self.events += 1;
        }
        let owned;
        let text: &str = match scalar {
            Value::String(s) => s,
            other => {
                owned = tally_key(other);
                &owned
            }
        };
        let full = self.values.len() >= MAX_DISTINCT;
        match self.values.get_mut(text) {
            Some((_, count, last)) => {
                if *last != event {
                    *last = event;
                    *count += 1;
                }
            }
            None if full => self.truncated = true,
            None => {
                self.values
                    .insert(text.to_string(), (scalar.clone(), 1, event));
            }
        }
    }
}
