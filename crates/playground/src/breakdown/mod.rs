//! What the matched events are made of: the most common values of eventName, principal,
//! account, region, sourceIPAddress and errorCode among them, with counts — and for each value
//! the event field a condition on it goes to, so a click can narrow the rule.
//!
//! Why in the core: one pass over the matched events that borrows every value from the events
//! (no string copied per event), fast enough to redo on every keystroke at 100,000 events.
use serde_json::Value;
use std::collections::HashMap;
use std::hash::Hash;

use crate::columns::Bitset;
use crate::store::{EventStore, FastBuild, ValueId};
use eventpen_pattern::columns::Scalar;

/// A question the breakdown answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Dimension {
    /// `detail.eventName`.
    EventName,
    /// The user or role behind `detail.userIdentity`.
    Principal,
    /// `account`.
    Account,
    /// `region`.
    Region,
    /// `detail.sourceIPAddress`.
    SourceIp,
    /// `detail.errorCode`.
    ErrorCode,
}

/// Every dimension, in the order shown.
pub const DIMENSIONS: [Dimension; 6] = [
    Dimension::EventName,
    Dimension::Principal,
    Dimension::Account,
    Dimension::Region,
    Dimension::SourceIp,
    Dimension::ErrorCode,
];

const USER_NAME: &[&str] = &["detail", "userIdentity", "userName"];
const ROLE_NAME: &[&str] = &[
    "detail",
    "userIdentity",
    "sessionContext",
    "sessionIssuer",
    "userName",
];
const ARN: &[&str] = &["detail", "userIdentity", "arn"];
const IDENTITY_TYPE: &[&str] = &["detail", "userIdentity", "type"];

impl Dimension {
    /// Its heading.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::EventName => "eventName",
            Dimension::Principal => "principal",
            Dimension::Account => "account",
            Dimension::Region => "region",
            Dimension::SourceIp => "sourceIPAddress",
            Dimension::ErrorCode => "errorCode",
        }
    }

    /// The value of this dimension in `event` and the field it was read from.
    pub fn value_of(self, event: &Value) -> Option<(&'static [&'static str], &str)> {
        self.value_by(|path| {
            let mut node = event;
            for key in path {
                node = node.get(key)?;
            }
            node.as_str().filter(|s| !s.is_empty())
        })
    }

    /// The value of this dimension in stored event `i` (as [`Dimension::value_of`] reads it).
    pub fn value_in(self, store: &EventStore, i: usize) -> Option<(&'static [&'static str], &str)> {
        self.value_by(|path| store.plain_string(i, path).filter(|s| !s.is_empty()))
    }

    /// The paths this dimension reads, in order: the first with a non-empty string wins.
    fn paths(self) -> &'static [&'static [&'static str]] {
        match self {
            Dimension::EventName => &[&["detail", "eventName"]],
            Dimension::Principal => &[USER_NAME, ROLE_NAME, ARN, IDENTITY_TYPE],
            Dimension::Account => &[&["account"]],
            Dimension::Region => &[&["region"]],
            Dimension::SourceIp => &[&["detail", "sourceIPAddress"]],
            Dimension::ErrorCode => &[&["detail", "errorCode"]],
        }
    }

    /// The value of this dimension given how to read a non-empty string at a path (as the
    /// string, or as anything standing for it).
    fn value_by<T>(
        self,
        mut string_at: impl FnMut(&'static [&'static str]) -> Option<T>,
    ) -> Option<(&'static [&'static str], T)> {
        self.paths()
            .iter()
            .find_map(|path| string_at(path).map(|s| (*path, s)))
    }
}

/// One value with how many matched events carry it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TopValue {
    /// The value.
    pub value: String,
    /// The event field it is at (a condition on it goes there).
    pub path: Vec<String>,
    /// Matched events with it.
    pub count: usize,
}

/// The top values of one dimension.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DimensionCounts {
    /// Which dimension.
    pub dimension: Dimension,
    /// The most common values, most first (ties by value).
    pub top: Vec<TopValue>,
    /// How many distinct values there are in all.
    pub distinct: usize,
    /// Matched events without this dimension.
    pub missing: usize,
}

/// The breakdown of a set of events.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Breakdown {
    /// Events counted.
    pub events: usize,
    /// One entry per [`DIMENSIONS`], in that order.
    pub dimensions: Vec<DimensionCounts>,
}

impl Breakdown {
    /// Count the values of every dimension over `events` (the matched ones, the app passes),
    /// keeping the `top` most common of each.
    pub fn collect<'a>(events: impl IntoIterator<Item = &'a Value>, top: usize) -> Breakdown {
        let value_of = |dimension: Dimension, event: &&'a Value| dimension.value_of(event);
        Breakdown::collect_by(events, value_of, |text| text, top)
    }

    /// The breakdown of the stored events in `matched` (one bit per event), from the columns
    /// (the session keeps the [`BreakdownIndex`] across keystrokes instead).
    pub fn of_store(store: &EventStore, matched: &Bitset, top: usize) -> Breakdown {
        BreakdownIndex::of_store(store).breakdown(store, matched, top)
    }

    /// Counts by `value_of` (a value as `K`: the text itself, or an id standing for it), then
    /// keeps the `top` of each dimension, read as text by `text`.
    fn collect_by<'a, E, K: Hash + Eq + Copy>(
        events: impl IntoIterator<Item = E>,
        mut value_of: impl FnMut(Dimension, &E) -> Option<(&'static [&'static str], K)>,
        text: impl Fn(K) -> &'a str,
        top: usize,
    ) -> Breakdown {
        // Keyed by the path's place among the few a dimension reads, not its keys' text:
        // hashing every key of the path for every event cost more than the counting.
        type Counts<K> = HashMap<(usize, K), usize, FastBuild>;
        let mut counts: Vec<Counts<K>> = DIMENSIONS.iter().map(|_| HashMap::default()).collect();
        let mut paths: Vec<Vec<&'static [&'static str]>> =
            DIMENSIONS.iter().map(|_| Vec::new()).collect();
        let mut missing = [0usize; DIMENSIONS.len()];
        let mut total = 0;
        for event in events {
            total += 1;
            for (d, dimension) in DIMENSIONS.iter().enumerate() {
                match value_of(*dimension, &event) {
                    Some((path, value)) => {
                        let place = match paths[d].iter().position(|p| *p == path) {
                            Some(place) => place,
                            None => {
                                paths[d].push(path);
                                paths[d].len() - 1
                            }
                        };
                        *counts[d].entry((place, value)).or_insert(0) += 1;
                    }
                    None => missing[d] += 1,
                }
            }
        }
        let dimensions = DIMENSIONS
            .iter()
            .zip(counts.into_iter().zip(paths))
            .zip(missing)
            .map(|((&dimension, (counts, paths)), missing)| {
                let ranked: Vec<_> = counts
                    .into_iter()
                    .map(|((place, value), count)| ((paths[place], text(value)), count))
                    .collect();
                DimensionCounts::ranked(dimension, ranked.len(), ranked, missing, top)
            })
            .collect();
        Breakdown {
            events: total,
            dimensions,
        }
    }
}

impl DimensionCounts {
    /// A dimension's counts from the (path, value)s counted that may be among the `top` most
    /// common (every one, or at least those counted as often as the `top`-th): the `top` most
    /// common (ties by value, then path), with how many were `distinct` and how many events
    /// had none.
    fn ranked(
        dimension: Dimension,
        distinct: usize,
        mut sorted: Vec<((&'static [&'static str], &str), usize)>,
        missing: usize,
        top: usize,
    ) -> DimensionCounts {
        type Counted<'a> = ((&'static [&'static str], &'a str), usize);
        let order =
            |(a, x): &Counted, (b, y): &Counted| y.cmp(x).then(a.1.cmp(b.1)).then(a.0.cmp(b.0));
        // Only the top few are shown: pick them in linear time, then order those (a dimension
        // like the source IP has tens of thousands of distinct values at 100,000 events).
        if sorted.len() > top {
            sorted.select_nth_unstable_by(top, order);
            sorted.truncate(top);
        }
        sorted.sort_unstable_by(order);
        let top = sorted
            .into_iter()
            .map(|((path, value), count)| TopValue {
                value: value.to_string(),
                path: path.iter().map(|s| s.to_string()).collect(),
                count,
            })
            .collect();
        DimensionCounts {
            dimension,
            top,
            distinct,
            missing,
        }
    }
}

/// What a breakdown reads of each stored event: per dimension, a small code for the value it
/// counts under (`NONE`: no value), and per code the place of the path it came from among the
/// dimension's paths and the value's id. Built once per event set, in one sequential pass per
/// path; a keystroke's breakdown then adds one to a counter per matched event and dimension.
/// (Reading each matched event's values from the columns cost a cache miss per value: tens of
/// ms per keystroke at 100,000 events.)
#[derive(Debug, Default)]
pub struct BreakdownIndex {
    dimensions: Vec<IndexedDimension>,
}

/// One dimension of a [`BreakdownIndex`].
#[derive(Debug, Default)]
struct IndexedDimension {
    /// Per event: its value's code, or [`NONE`].
    codes: Vec<u32>,
    /// Per code: (place of the path among the dimension's paths, value id).
    values: Vec<(u8, ValueId)>,
}

/// The code of "no value" in [`IndexedDimension::codes`].
const NONE: u32 = u32::MAX;

impl BreakdownIndex {
    /// The index of every event in `store`.
    pub fn of_store(store: &EventStore) -> BreakdownIndex {
        let dimensions = DIMENSIONS
            .iter()
            .map(|dimension| {
                let mut indexed = IndexedDimension {
                    codes: vec![NONE; store.len()],
                    values: Vec::new(),
                };
                let mut code_of: HashMap<(u8, ValueId), u32, FastBuild> = HashMap::default();
                // An event counts under the first of the dimension's paths with a value.
                for (place, path) in (0u8..).zip(dimension.paths()) {
                    let ids = store.plain_string_ids(path);
                    for (slot, id) in indexed.codes.iter_mut().zip(ids) {
                        if let (NONE, Some(id)) = (*slot, id) {
                            let next = indexed.values.len() as u32;
                            *slot = *code_of.entry((place, id)).or_insert(next);
                            if *slot == next {
                                indexed.values.push((place, id));
                            }
                        }
                    }
                }
                indexed
            })
            .collect();
        BreakdownIndex { dimensions }
    }

    /// The breakdown of the events in `matched` (`store` is the one indexed).
    pub fn breakdown(&self, store: &EventStore, matched: &Bitset, top: usize) -> Breakdown {
        let events = matched.count();
        let text = |id| match store.value_of_id(id) {
            Scalar::Str(text) => text,
            _ => "",
        };
        // The matched events once, for the six passes below (each was a walk of the bitset).
        let matched_events: Vec<u32> = matched.ones_iter().map(|i| i as u32).collect();
        let dimensions = DIMENSIONS
            .iter()
            .zip(&self.dimensions)
            .map(|(&dimension, indexed)| {
                let mut counts = vec![0u32; indexed.values.len()];
                // The codes counted at least once, in the order first seen: the ranking reads
                // these, not every value of the dimension (tens of thousands of source IPs).
                let mut seen: Vec<u32> = Vec::new();
                for &i in &matched_events {
                    let code = indexed.codes.get(i as usize).copied().unwrap_or(NONE);
                    if let Some(count) = counts.get_mut(code as usize) {
                        if *count == 0 {
                            seen.push(code);
                        }
                        *count += 1;
                    }
                }
                let count_of = |code: u32| counts[code as usize] as usize;
                let found: usize = seen.iter().map(|&c| count_of(c)).sum();
                // Only values counted at least as often as the `top`-th most common can be
                // among the top: their texts are looked up and compared, no others'.
                let least = top_count(seen.iter().map(|&c| count_of(c)).collect(), top);
                let paths = dimension.paths();
                let candidates = seen
                    .iter()
                    .filter(|&&c| count_of(c) >= least)
                    .map(|&c| {
                        let (place, id) = indexed.values[c as usize];
                        ((paths[usize::from(place)], text(id)), count_of(c))
                    })
                    .collect();
                DimensionCounts::ranked(dimension, seen.len(), candidates, events - found, top)
            })
            .collect();
        Breakdown { events, dimensions }
    }
}

/// The `top`-th largest of `counts` (0 when there are at most `top`: every count qualifies).
fn top_count(mut counts: Vec<usize>, top: usize) -> usize {
    if top == 0 || counts.len() <= top {
        return 0;
    }
    let (_, nth, _) = counts.select_nth_unstable_by(top - 1, |a, b| b.cmp(a));
    *nth
}

#[cfg(test)]
mod tests;
