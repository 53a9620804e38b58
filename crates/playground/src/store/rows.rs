//! What a row of the event list shows, read from the columns (no event decoded).

use eventpen_pattern::columns::Scalar;

use super::paths::Column;
use super::{EventStore, VALUE_ID, VIA_ARRAY, scalar};

/// The fields a row shows: each a plain string at its path (not inside an array), if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowSummary {
    /// `detail.eventName`, else `detail-type`.
    pub name: Option<String>,
    /// `source`.
    pub source: Option<String>,
    /// `time`.
    pub time: Option<String>,
    /// `account`.
    pub account: Option<String>,
    /// `region`.
    pub region: Option<String>,
}

impl EventStore {
    /// The scalar at exactly `keys` in event `i`, as `event[k1][k2]…` reads it: not through
    /// an array (`None` when missing, an object, an array, or only inside arrays).
    pub fn plain_value(&self, i: usize, keys: &[&str]) -> Option<Scalar<'_>> {
        let node = self.paths.find(keys)?;
        let column = &self.paths.nodes[node as usize].column;
        column
            .occurrences_of(i as u32)
            .filter_map(|o| column.values.get(o))
            .find(|v| v & VIA_ARRAY == 0)
            .map(|v| scalar(column.dictionary.get(self.arenas(), v & VALUE_ID)))
    }

    /// The string at exactly `keys` in event `i`, as `event[k1][k2]…` then `as_str()` reads
    /// it.
    pub fn plain_string(&self, i: usize, keys: &[&str]) -> Option<&str> {
        match self.plain_value(i, keys)? {
            Scalar::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The row summary of event `i`.
    pub fn summary(&self, i: usize) -> RowSummary {
        let text = |keys: &[&str]| self.plain_string(i, keys).map(str::to_string);
        RowSummary {
            name: text(&["detail", "eventName"]).or_else(|| text(&["detail-type"])),
            source: text(&["source"]),
            time: text(&["time"]),
            account: text(&["account"]),
            region: text(&["region"]),
        }
    }
}

/// Reads plain values (see [`EventStore::plain_value`]) of events in ascending order, with
/// one forward cursor per path: a pass over many events costs a pass over the columns read,
/// not a search per event.
pub struct PlainReader<'s> {
    store: &'s EventStore,
    cursors: Vec<(&'static [&'static str], Option<u32>, usize)>,
}

impl<'s> PlainReader<'s> {
    /// The plain value at `keys` in event `i`; `i` must not decrease between calls for the
    /// same `keys` (an earlier event reads as missing).
    pub fn value(&mut self, keys: &'static [&'static str], i: usize) -> Option<Scalar<'s>> {
        let id = self.value_id(keys, i)?;
        Some(self.store.value_of_id(id))
    }

    /// Like [`PlainReader::value`], the value's id instead (equal ids, equal values).
    pub fn value_id(&mut self, keys: &'static [&'static str], i: usize) -> Option<ValueId> {
        let store = self.store;
        let slot = match self.cursors.iter().position(|(k, _, _)| *k == keys) {
            Some(slot) => slot,
            None => {
                let column = store.paths.find(keys);
                self.cursors.push((keys, column, 0));
                self.cursors.len() - 1
            }
        };
        let (_, node, position) = &mut self.cursors[slot];
        let node = (*node)?;
        let column = &store.paths.nodes[node as usize].column;
        let event = i as u32;
        while column.events.get(*position).is_some_and(|e| e < event) {
            *position += 1;
        }
        while column.events.get(*position) == Some(event) {
            let value = column.values.get(*position)?;
            *position += 1;
            if value & VIA_ARRAY == 0 {
                return Some(ValueId {
                    path: node,
                    value: value & VALUE_ID,
                });
            }
        }
        None
    }
}

/// Per event of `column`, in event order: (event, the id of its plain value), the plain value
/// being the first not reached through an array (what [`PlainReader::value`] reads).
fn first_plain_values(column: &Column) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mut last = None;
    column
        .events
        .iter()
        .zip(column.values.iter())
        .filter_map(move |(event, value)| {
            if value & VIA_ARRAY != 0 || last == Some(event) {
                return None;
            }
            last = Some(event);
            Some((event, value & VALUE_ID))
        })
}

/// A value of the store by its path and its id in that path's dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ValueId {
    path: u32,
    value: u32,
}

impl EventStore {
    /// The value an id stands for.
    pub fn value_of_id(&self, id: ValueId) -> Scalar<'_> {
        let column = self.paths.nodes.get(id.path as usize).map(|n| &n.column);
        column.map_or(Scalar::Null, |c| {
            scalar(c.dictionary.get(self.arenas(), id.value))
        })
    }

    /// Whether an id stands for a string other than `""` (without reading it as text).
    pub fn is_non_empty_string(&self, id: ValueId) -> bool {
        let column = self.paths.nodes.get(id.path as usize).map(|n| &n.column);
        column.is_some_and(|c| {
            super::dictionary::is_non_empty_string(c.dictionary.get(self.arenas(), id.value))
        })
    }

    /// Each event's plain value at `keys` (the first not inside an array, as
    /// [`PlainReader::value_id`] reads it) when it is a non-empty string, else `None`: one
    /// sequential pass over the column, the string check once per distinct value.
    pub fn plain_string_ids(&self, keys: &[&str]) -> Vec<Option<ValueId>> {
        let mut ids = vec![None; self.len()];
        let Some(node) = self.paths.find(keys) else {
            return ids;
        };
        let column = &self.paths.nodes[node as usize].column;
        // Per value id: unknown, a non-empty string, or anything else.
        const UNKNOWN: u8 = 0;
        const STRING: u8 = 1;
        const OTHER: u8 = 2;
        let mut kind = vec![UNKNOWN; column.dictionary.len()];
        for (event, id) in first_plain_values(column) {
            let Some(known) = kind.get_mut(id as usize) else {
                continue;
            };
            if *known == UNKNOWN {
                let tagged = column.dictionary.get(self.arenas(), id);
                *known = if super::dictionary::is_non_empty_string(tagged) {
                    STRING
                } else {
                    OTHER
                };
            }
            if let (STRING, Some(slot)) = (*known, ids.get_mut(event as usize)) {
                *slot = Some(ValueId {
                    path: node,
                    value: id,
                });
            }
        }
        ids
    }

    /// How many events `counted` takes hold a plain value at `keys` (the one
    /// [`PlainReader::value`] reads) that `accept` takes: one sequential pass over the column,
    /// `accept` asked once per distinct value. (Reading each counted event's value through a
    /// [`PlainReader`] looked its column up and decoded its value once per event: a fifth of a
    /// keystroke's evaluation at 100,000 events.)
    pub fn count_plain(
        &self,
        keys: &[&str],
        counted: impl Fn(usize) -> bool,
        accept: impl Fn(Scalar<'_>) -> bool,
    ) -> usize {
        let Some(node) = self.paths.find(keys) else {
            return 0;
        };
        let column = &self.paths.nodes[node as usize].column;
        // Per value id: not asked yet, accepted, or refused.
        const UNKNOWN: u8 = 0;
        const ACCEPTED: u8 = 1;
        const REFUSED: u8 = 2;
        let mut kind = vec![UNKNOWN; column.dictionary.len()];
        let mut count = 0;
        for (event, id) in first_plain_values(column) {
            if !counted(event as usize) {
                continue;
            }
            let Some(known) = kind.get_mut(id as usize) else {
                continue;
            };
            if *known == UNKNOWN {
                let value = scalar(column.dictionary.get(self.arenas(), id));
                *known = if accept(value) { ACCEPTED } else { REFUSED };
            }
            count += usize::from(*known == ACCEPTED);
        }
        count
    }

    /// A reader of plain values over events in ascending order.
    pub fn plain_reader(&self) -> PlainReader<'_> {
        PlainReader {
            store: self,
            cursors: Vec::new(),
        }
    }
}
