//! The events of the shared conformance corpus (read in place, never copied) pass through
//! ingestion unchanged: an EventBridge event in is the same event out, with no error.
//! Skips with a notice when the corpus is not there (e.g. outside the project machine).

use eventpen_ingest::{Severity, Shape, ingest_text};
use serde_json::Value;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance");

#[test]
fn corpus_events_pass_through_unchanged() {
    let corpus = Path::new(CORPUS);
    if !corpus.exists() {
        println!("conformance corpus not found at {CORPUS}; skipped");
        return;
    }
    let mut checked = 0;
    for file in ["aws-verified.jsonl", "event-ruler.jsonl", "docs.jsonl"] {
        let Ok(text) = std::fs::read_to_string(corpus.join(file)) else {
            println!("{file} not readable; skipped");
            continue;
        };
        for line in text.lines() {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let event = &case["event"];
            // Only full envelopes: string events are raw text on purpose, partial ones test
            // what AWS rejects.
            if !event.is_object() || event.get("detail-type").is_none() {
                continue;
            }
            let text = event.to_string();
            let ingested = ingest_text("corpus", &text);
            let id = &case["id"];
            assert_eq!(ingested.events.len(), 1, "{id}");
            assert_eq!(&ingested.events[0].event, event, "{id}");
            assert_eq!(ingested.events[0].shape, Shape::EventBridgeEvent, "{id}");
            assert!(
                ingested
                    .problems
                    .iter()
                    .all(|p| p.severity == Severity::Warning),
                "{id}: {:?}",
                ingested.problems
            );
            checked += 1;
        }
    }
    println!("{checked} corpus events passed through unchanged");
}
