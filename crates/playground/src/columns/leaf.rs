//! One leaf over the columns: its conditions evaluated once per distinct value of each column
//! its name reads, spread to per-event bitsets.

use eventpen_pattern::columns::{LeafFacts, PlanLeaf};

use super::Bitset;
use crate::store::{EventStore, IN_ARRAY, VALUE_ID, scalar};

/// What a leaf found in every event (one bit per event per fact).
#[derive(Debug, Clone)]
pub(crate) struct LeafBits {
    /// Some value satisfies a condition.
    pub matched: Bitset,
    /// A satisfying value is outside arrays of objects and nested arrays.
    pub matched_anywhere: Bitset,
    /// The field has a value.
    pub present: Bitset,
    /// Some value is inside an array of objects or a nested array.
    pub in_array: Bitset,
    /// The leaf holds on its own: matched, or absent with `exists: false`.
    pub passed: Bitset,
    /// Array consistency may change its verdict (see [`LeafBits::facts`]).
    pub constrained: Bitset,
}

impl LeafBits {
    /// Evaluates `leaf` over `store`.
    pub(crate) fn compute(store: &EventStore, leaf: &PlanLeaf<'_>) -> LeafBits {
        let len = store.len();
        let mut matched = Bitset::zeros(len);
        let mut matched_anywhere = Bitset::zeros(len);
        let mut present = Bitset::zeros(len);
        let mut in_array = Bitset::zeros(len);
        let paths = store.paths();
        let columns = if leaf.readable() {
            paths.named(leaf.name())
        } else {
            &[]
        };
        for &node in columns {
            let column = &paths.nodes[node as usize].column;
            let accepted: Vec<bool> = (0..column.dictionary.len() as u32)
                .map(|id| leaf.accepts(scalar(column.dictionary.get(store.arenas(), id))))
                .collect();
            let occurrences = column.events.chunks().zip(column.values.chunks());
            for (events, values) in occurrences {
                for (&event, &value) in events.iter().zip(values) {
                    let event = event as usize;
                    present.set(event, true);
                    let arrayed = value & IN_ARRAY != 0;
                    if arrayed {
                        in_array.set(event, true);
                    }
                    if accepted[(value & VALUE_ID) as usize] {
                        matched.set(event, true);
                        if !arrayed {
                            matched_anywhere.set(event, true);
                        }
                    }
                }
            }
        }
        let mut passed = matched.clone();
        // Tied to array elements: matched only inside arrays of objects…
        let mut constrained = matched.clone();
        constrained.and_not_with(&matched_anywhere);
        if leaf.accepts_absence() {
            let mut absent = Bitset::ones(len);
            absent.and_not_with(&present);
            passed.or_with(&absent);
            // …or an absence that may hold within the other leaves' array element.
            let mut maybe_absent = in_array.clone();
            maybe_absent.and_not_with(&matched);
            constrained.or_with(&maybe_absent);
        }
        LeafBits {
            matched,
            matched_anywhere,
            present,
            in_array,
            passed,
            constrained,
        }
    }

    /// The facts of event `i`, for [`eventpen_pattern::columns::Plan::decide`].
    pub(crate) fn facts(&self, i: usize) -> LeafFacts {
        LeafFacts {
            matched: self.matched.get(i),
            matched_anywhere: self.matched_anywhere.get(i),
            present: self.present.get(i),
            in_array: self.in_array.get(i),
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        [
            &self.matched,
            &self.matched_anywhere,
            &self.present,
            &self.in_array,
            &self.passed,
            &self.constrained,
        ]
        .iter()
        .map(|b| b.heap_bytes())
        .sum()
    }
}
