//! The evaluation session: the state machine the app's Web Worker runs.
//!
//! A [`Session`] owns every loaded input and its events, the pattern text and its verdicts, and
//! answers the questions the UI asks: how far a load got, what the pattern matched (counts,
//! verdict bits, tips, timeline, breakdown, facets), which rows a window of a filtered list
//! holds, and one event in full with its explanation. The UI thread keeps only these answers,
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
//! let page = session.rows(ListFilter::NotMatched, None, 0, 10);
//! assert_eq!(page.rows[0].title, "PutObject");
//! ```
mod evaluate;
mod inputs;
mod load;
mod rows;
mod views;

pub use load::{ChunkedLoad, LoadProgress};
pub use views::*;

use crate::Facets;
use eventpen_pattern::{Checked, Pattern};

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
    /// Every event of every input, in input order.
    events: Vec<inputs::SessionEvent>,
    /// Each event's parsed `time`, for the timeline and range selection.
    times: Vec<Option<i64>>,
    /// The field index of every event (facets, tips).
    facets: Facets,
    account: Option<String>,
    region: Option<String>,
    pattern: PatternState,
    /// The current verdicts (`None` while no pattern was ever valid or the editor is empty).
    verdicts: Option<Vec<bool>>,
    /// The verdicts before the last change of pattern, for the timeline's change marks.
    previous: Option<Vec<bool>>,
    /// Bumped on every change of the events or verdicts; the change mark's generation.
    generation: u32,
}

impl Session {
    /// How many events are loaded.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// The loaded inputs, in order.
    pub fn inputs(&self) -> Vec<InputSummary> {
        self.inputs
            .iter()
            .map(inputs::LoadedInput::summary)
            .collect()
    }

    /// The texts of the inputs (for share links and storage), in order.
    pub fn input_texts(&self) -> Vec<crate::NamedText> {
        self.inputs
            .iter()
            .map(|input| crate::NamedText {
                name: input.name.clone(),
                text: String::from_utf8_lossy(&input.bytes).into_owned(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
