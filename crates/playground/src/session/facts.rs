//! What the matched events say about the rule (read-only events need another rule state; failed
//! calls match unless the pattern excludes them), counted from three per-event sets built once
//! per event set. A keystroke then counts them 64 events at a time: reading the two columns
//! and every matched event's notes again was a few tenths of a millisecond of each answer at
//! 100,000 events, more with every match.
use crate::columns::Bitset;
use crate::store::EventStore;
use crate::tips::MatchedFacts;
use eventpen_pattern::columns::Scalar;

const READ_ONLY: &[&str] = &["detail", "readOnly"];
const ERROR_CODE: &[&str] = &["detail", "errorCode"];
/// The ingest note of a read-only CloudTrail event.
const READ_ONLY_NOTE: &str = "read-only";

/// Per event: whether its `detail.readOnly` is `true`, whether its `detail.errorCode` is a
/// value (what [`crate::matched_facts_in`] counts), and whether it carries the read-only note.
#[derive(Debug)]
pub(super) struct FactsIndex {
    read_only: Bitset,
    failed_calls: Bitset,
    noted_read_only: Bitset,
}

impl FactsIndex {
    /// The sets of every event in `store`, in one pass.
    pub(super) fn of_store(store: &EventStore) -> FactsIndex {
        let events = store.len();
        let mut index = FactsIndex {
            read_only: Bitset::zeros(events),
            failed_calls: Bitset::zeros(events),
            noted_read_only: Bitset::zeros(events),
        };
        let mut reader = store.plain_reader();
        for i in 0..events {
            let read_only = reader.value(READ_ONLY, i) == Some(Scalar::Bool(true));
            index.read_only.set(i, read_only);
            index
                .failed_calls
                .set(i, reader.value_id(ERROR_CODE, i).is_some());
            index
                .noted_read_only
                .set(i, store.has_note(i, READ_ONLY_NOTE));
        }
        index
    }

    /// The facts of the events in `matched`.
    pub(super) fn facts(&self, matched: &Bitset) -> MatchedFacts {
        MatchedFacts {
            read_only: matched.count_and(&self.read_only),
            failed_calls: matched.count_and(&self.failed_calls),
        }
    }

    /// Whether an event in `matched` carries the read-only note.
    pub(super) fn any_noted_read_only(&self, matched: &Bitset) -> bool {
        matched.count_and(&self.noted_read_only) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn facts_agree_with_the_columns_count() {
        // readOnly true / false / a string / absent / only inside an array; errorCode a string,
        // an object, absent, inside an array.
        let events: Vec<Value> = vec![
            json!({"detail": {"readOnly": true, "errorCode": "AccessDenied"}}),
            json!({"detail": {"readOnly": false}}),
            json!({"detail": {"readOnly": "true", "errorCode": {"code": 1}}}),
            json!({"detail": {}}),
            json!({"detail": [{"readOnly": true, "errorCode": "X"}]}),
            json!({"detail": {"readOnly": true, "errorCode": ""}}),
        ];
        let store = EventStore::of(&events);
        let index = FactsIndex::of_store(&store);
        // Matched sets as bit masks over the six events.
        for mask in [
            0b000000u32,
            0b111111,
            0b000001,
            0b100110,
            0b010000,
            0b101010,
        ] {
            let mut matched = Bitset::zeros(events.len());
            (0..events.len()).for_each(|i| matched.set(i, mask & (1 << i) != 0));
            assert_eq!(
                index.facts(&matched),
                crate::matched_facts_in(&store, &matched),
                "mask {mask:06b}"
            );
        }
    }
}
