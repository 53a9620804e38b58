//! Generated CloudTrail-shaped events for EventPen's benchmarks and scale tests.
//!
//! Benchmarks and the in-browser scale tests need many realistic events without shipping
//! megabytes of fixtures or real (sensitive) trails. The records here are deterministic for a
//! seed and index, about 1.5 KB each like real management events, and varied the way real
//! trails are: skewed services and calls (see [`calls`]), read-only calls, about 4% failed
//! calls with an `errorCode`, 60 principals over 3 accounts and 4 regions, spread over one day.
//!
//! ```
//! let trail = eventpen_gen::Trail::new(7, 1_000);
//! let first = trail.record(0);
//! assert!(first["eventSource"].as_str().unwrap().ends_with(".amazonaws.com"));
//! assert_eq!(trail.record(0), first); // deterministic
//! let events = trail.eventbridge_events(0..10);
//! assert_eq!(events[0]["detail"]["eventID"], first["eventID"]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod calls;
mod record;

use serde_json::Value;
use std::ops::Range;

/// The seed benchmarks use when they do not choose one.
pub const DEFAULT_SEED: u64 = 2024;

/// A generated trail of `len` records over one day.
#[derive(Debug, Clone, Copy)]
pub struct Trail {
    seed: u64,
    len: usize,
}

impl Trail {
    /// A trail of `len` records (times spread evenly over the day) for `seed`.
    pub fn new(seed: u64, len: usize) -> Trail {
        Trail {
            seed,
            len: len.max(1),
        }
    }

    /// How many records the trail has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the trail has no records (never: a trail has at least one).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// CloudTrail record `i` (any `i`; times wrap within the day).
    pub fn record(&self, i: usize) -> Value {
        let second_of_day = (i % self.len) as u64 * 86_400 / self.len as u64;
        record::record(self.seed, i as u64, second_of_day)
    }

    /// The EventBridge events (envelope + record under `detail`) for records `range`, converted
    /// by EventPen's own CloudTrail mapping so they are exactly what a rule would see.
    pub fn eventbridge_events(&self, range: Range<usize>) -> Vec<Value> {
        let records: Vec<Value> = range.map(|i| self.record(i)).collect();
        let mut out = Vec::with_capacity(records.len());
        // The ingest limits bound one input; convert in batches well below them.
        for batch in records.chunks(1_000) {
            let text = serde_json::json!({ "Records": batch }).to_string();
            let ingested = eventpen_ingest::ingest_text("generated", &text);
            out.extend(ingested.events.into_iter().map(|e| e.event));
        }
        out
    }
}

/// CloudTrail record `i` of the default trail (seed [`DEFAULT_SEED`], 100,000 records a day).
pub fn record(i: usize) -> Value {
    Trail::new(DEFAULT_SEED, 100_000).record(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_deterministic_varied_and_sized_like_real_ones() {
        let trail = Trail::new(1, 2_000);
        let records: Vec<Value> = (0..2_000).map(|i| trail.record(i)).collect();
        assert_eq!(records[17], trail.record(17));
        let bytes: usize = records.iter().map(|r| r.to_string().len()).sum();
        let mean = bytes / records.len();
        assert!((1_000..=2_200).contains(&mean), "mean record size {mean}");
        let count = |f: &dyn Fn(&Value) -> bool| records.iter().filter(|r| f(r)).count();
        let failed = count(&|r| r.get("errorCode").is_some());
        let read_only = count(&|r| r["readOnly"] == Value::Bool(true));
        let run = count(&|r| r["eventName"] == "RunInstances");
        assert!((20..=160).contains(&failed), "failed calls {failed}");
        assert!(
            (1_000..=1_900).contains(&read_only),
            "read-only {read_only}"
        );
        assert!((5..=100).contains(&run), "RunInstances {run}");
        // Times stay within the day and grow with the index.
        assert_eq!(records[0]["eventTime"], "2024-05-01T00:00:00Z");
        assert_eq!(records[1_999]["eventTime"], "2024-05-01T23:59:16Z");
    }

    #[test]
    fn every_record_converts_to_an_eventbridge_event() {
        let trail = Trail::new(3, 3_000);
        let events = trail.eventbridge_events(0..3_000);
        assert_eq!(events.len(), 3_000);
        let sign_in = events
            .iter()
            .find(|e| e["detail"]["eventName"] == "ConsoleLogin")
            .expect("a ConsoleLogin in 3,000 records");
        assert_eq!(sign_in["detail-type"], "AWS Console Sign In via CloudTrail");
        let api = events
            .iter()
            .find(|e| e["detail"]["eventName"] == "RunInstances")
            .expect("a RunInstances in 3,000 records");
        assert_eq!(api["source"], "aws.ec2");
        assert_eq!(api["detail-type"], "AWS API Call via CloudTrail");
    }
}
