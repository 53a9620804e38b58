//! What a row of the event list shows, read from the columns (no event decoded).

use eventpen_pattern::columns::Scalar;

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
            .map(|v| scalar(column.dictionary.get(&self.text, v & VALUE_ID)))
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
