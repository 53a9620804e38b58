//! Facets: for every field path in the loaded events, its distinct values and how many events
//! carry each — `detail.eventName: RunInstances 34 · TerminateInstances 12`.
//!
//! Collected once per event set (the App keeps it in a `use_memo`), in one pass that allocates
//! only for new paths and new values, so 10,000 CloudTrail events stay fast; searching then
//! runs over the collected values only.
use serde_json::Value;
use std::collections::HashMap;

/// Distinct values kept per field: beyond this a field (ids, timestamps) is only counted.
const MAX_DISTINCT: usize = 1000;

/// One value of a field.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
    /// Every event has its own value here (ids, timestamps): not worth clicking through.
    pub fn all_distinct(&self) -> bool {
        self.truncated || (self.values.len() > 10 && self.values.len() == self.events)
    }
}

/// A field matching a search, with the values that matched (all of them when the path did).
#[derive(Debug, Clone, PartialEq)]
pub struct FacetHit<'a> {
    /// The field.
    pub field: &'a FacetField,
    /// Its values to show.
    pub values: Vec<&'a FacetValue>,
}

/// The facets of a set of events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facets {
    fields: Vec<FacetField>,
    events: usize,
}

/// Collection state of one path: value text → (value, events counted, last event counted).
#[derive(Default)]
struct Tally {
    values: HashMap<String, (Value, usize, usize)>,
    events: usize,
    last_event: Option<usize>,
    truncated: bool,
}

impl Facets {
    /// Collect the facets of `events`.
    pub fn collect<'a>(events: impl IntoIterator<Item = &'a Value>) -> Facets {
        let mut order: Vec<Vec<String>> = Vec::new();
        let mut tallies: HashMap<Vec<String>, Tally> = HashMap::new();
        let mut count = 0;
        for (index, event) in events.into_iter().enumerate() {
            walk(event, &mut Vec::new(), index, &mut order, &mut tallies);
            count = index + 1;
        }
        let fields = order
            .into_iter()
            .filter_map(|path| {
                let tally = tallies.remove(&path)?;
                let mut values: Vec<FacetValue> = tally
                    .values
                    .into_iter()
                    .map(|(text, (value, count, _))| FacetValue {
                        value,
                        count,
                        search_text: text.to_lowercase(),
                    })
                    .collect();
                values.sort_by(|a, b| {
                    b.count
                        .cmp(&a.count)
                        .then_with(|| a.search_text.cmp(&b.search_text))
                });
                Some(FacetField {
                    dotted_lower: path.join(".").to_lowercase(),
                    path,
                    values,
                    events: tally.events,
                    truncated: tally.truncated,
                })
            })
            .collect();
        Facets {
            fields,
            events: count,
        }
    }

    /// Every field, in the order first seen in the events.
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
        let query = query.trim().to_lowercase();
        self.fields
            .iter()
            .filter_map(|field| {
                if field.dotted_lower.contains(&query) {
                    return Some(FacetHit {
                        field,
                        values: field.values.iter().collect(),
                    });
                }
                let values: Vec<&FacetValue> = field
                    .values
                    .iter()
                    .filter(|v| v.search_text.contains(&query))
                    .collect();
                (!values.is_empty()).then_some(FacetHit { field, values })
            })
            .collect()
    }
}

fn walk(
    value: &Value,
    path: &mut Vec<String>,
    event: usize,
    order: &mut Vec<Vec<String>>,
    tallies: &mut HashMap<Vec<String>, Tally>,
) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(key.clone());
                walk(child, path, event, order, tallies);
                path.pop();
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, path, event, order, tallies);
            }
        }
        scalar => {
            if path.is_empty() {
                return;
            }
            if !tallies.contains_key(path.as_slice()) {
                order.push(path.clone());
                tallies.insert(path.clone(), Tally::default());
            }
            let Some(tally) = tallies.get_mut(path.as_slice()) else {
                return;
            };
            if tally.last_event != Some(event) {
                tally.last_event = Some(event);
                tally.events += 1;
            }
            let owned;
            let text: &str = match scalar {
                Value::String(s) => s,
                other => {
                    // Type-tagged so the string "5" and the number 5 stay apart.
                    owned = format!("\u{0}{other}");
                    &owned
                }
            };
            let full = tally.values.len() >= MAX_DISTINCT;
            match tally.values.get_mut(text) {
                Some((_, count, last)) => {
                    if *last != event {
                        *last = event;
                        *count += 1;
                    }
                }
                None if full => tally.truncated = true,
                None => {
                    tally
                        .values
                        .insert(text.to_string(), (scalar.clone(), 1, event));
                }
            }
        }
    }
}
