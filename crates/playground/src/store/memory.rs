//! Where the store's memory goes, for the benchmark's report and the app's diagnostics.

use super::EventStore;

/// The store's heap memory by part, in bytes (allocated capacity), with the counts that
/// explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoreMemory {
    /// The events' compact JSON and where each starts.
    pub events: usize,
    /// Per occurrence of a scalar: its event and value id (8 bytes each).
    pub occurrences: usize,
    /// The dictionaries' value ids and lookup tables.
    pub dictionaries: usize,
    /// The distinct values' texts, and the origin texts.
    pub texts: usize,
    /// The path trie: keys, children, names.
    pub paths: usize,
    /// Origins and note codes per event, and times.
    pub meta: usize,
    /// How many occurrences the columns hold.
    pub occurrence_count: usize,
    /// How many distinct values, summed over the columns.
    pub distinct_values: usize,
    /// How many paths (objects and arrays included).
    pub path_count: usize,
}

impl StoreMemory {
    /// Everything together: [`EventStore::heap_bytes`].
    pub fn total(&self) -> usize {
        self.events + self.occurrences + self.dictionaries + self.texts + self.paths + self.meta
    }
}

impl EventStore {
    /// The store's heap memory by part.
    pub fn memory(&self) -> StoreMemory {
        let columns = self.paths.nodes.iter().map(|n| &n.column);
        let occurrences: usize = columns
            .clone()
            .map(|c| c.events.heap_bytes() + c.values.heap_bytes())
            .sum();
        let dictionaries: usize = columns.clone().map(|c| c.dictionary.heap_bytes()).sum();
        StoreMemory {
            events: self.bytes.heap_bytes() + self.events.heap_bytes(),
            occurrences,
            dictionaries,
            texts: self.text.heap_bytes(),
            paths: self.paths.heap_bytes() - occurrences - dictionaries,
            meta: self.meta.heap_bytes()
                + self.times.heap_bytes()
                + self.serialized.capacity()
                + self.tape.heap_bytes()
                + self.record.heap_bytes()
                + self.head.heap_bytes(),
            occurrence_count: columns.clone().map(|c| c.events.len()).sum(),
            distinct_values: columns.map(|c| c.dictionary.len()).sum(),
            path_count: self.paths.nodes.len() - 1,
        }
    }
}
