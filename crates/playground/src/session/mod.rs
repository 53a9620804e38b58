//! The evaluation session: the state machine the app's Web Worker runs.
//!
//! A [`Session`] owns every loaded input and its events, the pattern text and its verdicts, and
//! answers the questions the UI asks: how far a load got, what the pattern matched (counts,
//! tips, facets; the timeline and breakdown apart, in [`Session::charts`]), which rows a
//! window of a filtered list holds, and one event in full with its explanation. The UI thread keeps only these answers,
//! never every event, so a 100,000-event workspace costs it a screenful of rows.
//!
//! ```
//! use eventpen_playground::session::{ListFilter, Session};
//!
//! let mut session = Session::default();
//! let text = r#"{"source": "aws.ec2", "detail-type": "X", "detail": {"eventName": "RunInstances"}}
//! {"source": "aws.s3", "detail-type": "X", "detail": {"eventName": "PutObject"}}"#;
//! session.add_text(1, "events.jsonl", text.as_bytes(), false);
//! session.set_pattern(r#"{"source": ["aws.ec2"]}"#);
//! let evaluation = session.evaluate(None);
//! assert_eq!((evaluation.matched, evaluation.total), (1, 2));
//! let charts = session.charts(None).expect("a valid pattern has verdicts to chart");
//! assert_eq!(charts.breakdown.events, 1);
//! let page = session.rows(ListFilter::NotMatched, None, 0, 10);
//! assert_eq!(page.rows[0].title, "PutObject");
//! ```
mod evaluate;
mod facts;
mod inputs;
mod load;
mod log_file;
mod rows;
mod views;

pub use load::{ChunkedLoad, LoadProgress};
pub use views::*;

use crate::Facets;
use crate::breakdown::BreakdownIndex;
use crate::columns::{Bitset, ColumnMatcher};
use crate::store::EventStore;
use crate::timeline::TimelineLayout;
use eventpen_pattern::{Checked, Pattern};
use std::cell::RefCell;
use std::collections::HashMap;

/// The pattern as last set, checked, with the last valid compiled pattern kept while the text
/// is broken (the results then show "results of the last valid pattern").
#[derive(Debug, Default)]
struct PatternState {
    text: String,
    checked: Option<Checked>,
    last_valid: Option<Pattern>,
    stale: bool,
}

/// The worker's state: loaded inputs, their events, the pattern and its verdicts.
#[derive(Debug, Default)]
pub struct Session {
    inputs: Vec<inputs::LoadedInput>,
    /// Every event of every input, in input order: compact bytes plus columns.
    store: EventStore,
    /// Per event: its input's id and where its original text is.
    events: Vec<inputs::EventSource>,
    /// The message of each delivery-note code seen (the store keeps the codes).
    note_messages: HashMap<&'static str, String>,
    /// Matches patterns over the store's columns (caches per-clause results across edits).
    matcher: ColumnMatcher,
    /// The current verdicts, one bit per event (`None` while no pattern was ever valid or the
    /// editor is empty).
    bits: Option<Bitset>,
    /// Per leaf of the current pattern: (span start, span end, events satisfying it).
    clause_counts: Vec<(usize, usize, usize)>,
    /// Each event's parsed `time`, for the timeline and range selection.
    times: Vec<Option<i64>>,
    /// The field index of every event (facets, tips).
    facets: Facets,
    account: Option<String>,
    region: Option<String>,
    pattern: PatternState,
    /// The verdicts before the last change of pattern, for the timeline's change marks.
    previous: Option<Bitset>,
    /// Bumped on every change of the events or verdicts; the change mark's generation.
    generation: u32,
    /// Bumped on every change of the events (what the facets depend on).
    events_version: u32,
    /// The breakdown's per-event index (built on the first breakdown asked for, kept across
    /// keystrokes).
    breakdown_index: PerEvents<BreakdownIndex>,
    /// Each event's timeline bucket (`None`: no event has a time).
    timeline_layout: PerEvents<Option<TimelineLayout>>,
    /// Which events are read-only, failed calls, noted read-only (what the tips count among
    /// the matched events).
    facts: PerEvents<facts::FactsIndex>,
    /// Events parsed for the rows explained lately, by position (at most a window's worth).
    parsed: PerEvents<RefCell<HashMap<usize, serde_json::Value>>>,
}

/// Something derived from the loaded events alone, kept across keystrokes and built again only
/// once the events change (their `events_version` moved).
#[derive(Debug)]
struct PerEvents<T>(RefCell<Option<(u32, T)>>);

impl<T> Default for PerEvents<T> {
    fn default() -> Self {
        PerEvents(RefCell::new(None))
    }
}

impl<T> PerEvents<T> {
    /// `f` of the value for the events of `version`, built by `build` when it is not kept yet.
    fn with<R>(&self, version: u32, build: impl FnOnce() -> T, f: impl FnOnce(&T) -> R) -> R {
        let mut kept = self.0.borrow_mut();
        if kept
            .as_ref()
            .is_some_and(|(kept_at, _)| *kept_at != version)
        {
            *kept = None;
        }
        let (_, value) = kept.get_or_insert_with(|| (version, build()));
        f(value)
    }
}

impl Session {
    /// A number that changes whenever the loaded events do (answers that depend only on the
    /// events, like the facets, are re-sent when it moves).
    pub fn events_version(&self) -> u32 {
        self.events_version
    }

    /// How many events are loaded.
    pub fn event_count(&self) -> usize {
        self.store.len()
    }

    /// The bytes the session holds: the inputs' texts and the event store.
    pub fn heap_bytes(&self) -> usize {
        self.inputs
            .iter()
            .map(|i| i.bytes.capacity())
            .sum::<usize>()
            + self.store.heap_bytes()
            + self.events.capacity() * std::mem::size_of::<inputs::EventSource>()
    }

    /// The loaded inputs, in order.
    pub fn inputs(&self) -> Vec<InputSummary> {
        self.inputs
            .iter()
            .map(inputs::LoadedInput::summary)
            .collect()
    }

    /// The texts of the inputs `ids` asked for, as (id, text), for a share link carrying
    /// events the page never held; and the ids left out: too large to keep (they would not fit
    /// a link anyway), or not loaded.
    pub fn kept_texts(&self, ids: &[u32]) -> (Vec<(u32, String)>, Vec<u32>) {
        let mut texts = Vec::new();
        let mut left_out = Vec::new();
        for &id in ids {
            match self.inputs.iter().find(|input| input.id == id) {
                Some(input) if input.size <= inputs::KEPT_TEXT_BYTES => {
                    texts.push((id, String::from_utf8_lossy(&input.bytes).into_owned()))
                }
                _ => left_out.push(id),
            }
        }
        (texts, left_out)
    }
}

#[cfg(test)]
mod load_tests;
#[cfg(test)]
mod tests;
