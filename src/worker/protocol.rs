//! The messages between the page and its Web Worker, as JSON (serde): the page asks, the worker
//! answers. Every query carries a revision and the answer repeats it, so the page drops an
//! answer to a question it has since replaced. Large payloads (a File, a pasted text) travel
//! beside the JSON as their own JavaScript values, never escaped into it.
use eventpen_playground::challenge::Score;
use eventpen_playground::session::{
    AddOutcome, ChartsView, EvaluationView, EventDetail, FacetsView, InputSummary, ListFilter,
    RowsPage,
};
use eventpen_playground::timeline::TimeRange;
use serde::{Deserialize, Serialize};

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Ingest the texts sent beside this message (an array, in order) as these inputs:
    /// (id, name, whether it is the start-up sample) each. One batch, one rebuild.
    AddTexts {
        /// The inputs.
        inputs: Vec<(u32, String, bool)>,
        /// Store them in IndexedDB (texts the page does not keep: a large paste).
        persist: bool,
    },
    /// Read the inputs stored in IndexedDB (at start) and list them.
    Restore,
    /// Ingest the stored inputs listed by `Stored` under the page's ids: (key, id) each.
    Adopt {
        /// The pairs.
        pairs: Vec<(f64, u32)>,
    },
    /// Read the File sent beside this message in chunks, reporting progress, as input `id`.
    LoadFile {
        /// The page's id for the input.
        id: u32,
        /// Whether it is a sample.
        sample: bool,
    },
    /// Stop loading input `id` (between two chunks).
    Cancel {
        /// The input.
        id: u32,
    },
    /// Keep only these inputs (the page's list is the truth).
    Retain {
        /// The inputs kept.
        ids: Vec<u32>,
    },
    /// Evaluate and answer with what the page shows.
    Query(Query),
    /// Send the texts of these inputs, where the worker keeps them (a share link carrying
    /// events the page never held: loaded files).
    Texts {
        /// Echoed in the answer.
        rev: u64,
        /// The inputs asked for.
        ids: Vec<u32>,
    },
}

/// The answer to [`Request::Texts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct KeptTexts {
    /// The request's revision.
    pub rev: u64,
    /// (input id, text) of each input the worker kept the text of.
    pub texts: Vec<(u32, String)>,
    /// The inputs asked for whose text the worker did not keep.
    pub left_out: Vec<u32>,
}

/// Everything the page shows that depends on the events, in one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Query {
    /// Increases with every query; the answer repeats it.
    pub rev: u64,
    /// The pattern text.
    pub pattern: String,
    /// The selected time range.
    pub range: Option<TimeRange>,
    /// Whether the charts are on (off: no timeline or breakdown is computed).
    pub charts: bool,
    /// The Results list's filter and window (offset, count).
    pub filter: ListFilter,
    /// See `filter`.
    pub results: (usize, usize),
    /// The Events list's window.
    pub events: (usize, usize),
    /// Events wanted in full: the selected one and those open in the Events list.
    pub details: Vec<usize>,
    /// The challenge marks, when a challenge is on.
    pub marks: Option<Vec<Option<bool>>>,
}

/// The worker's answer to a [`Query`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Answer {
    /// The query's revision.
    pub rev: u64,
    /// The pattern text it is for.
    pub pattern: String,
    /// The loaded inputs, when they changed since the last answer.
    pub inputs: Option<Vec<InputSummary>>,
    /// Counts, advice, per-clause counts (the charts follow in [`Reply::Charts`]).
    pub evaluation: EvaluationView,
    /// The Results list's window.
    pub results: RowsPage,
    /// The Events list's window, when the window asked for or the events changed since the
    /// worker last sent it (it shows no verdicts: an edit of the pattern leaves it as it was,
    /// and at 60 rows it was a third of every keystroke's answer).
    pub events: Option<RowsPage>,
    /// The events asked for in full.
    pub details: Vec<EventDetail>,
    /// The challenge score.
    pub score: Option<Score>,
    /// The worker's WebAssembly memory, in bytes.
    pub memory: usize,
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// A load progressed.
    Progress {
        /// The input.
        id: u32,
        /// Bytes read so far.
        bytes: usize,
        /// Bytes in all.
        total: usize,
    },
    /// Inputs were read (or were duplicates): (id, what happened) each.
    Loaded {
        /// The outcomes.
        outcomes: Vec<(u32, AddOutcome)>,
    },
    /// A load stopped: cancelled, or the file could not be read.
    Stopped {
        /// The input.
        id: u32,
        /// Why, for a failure (`None`: cancelled).
        error: Option<String>,
    },
    /// The answer to a query.
    Answer(Box<Answer>),
    /// The charts of the answer just sent (with the charts on): computed after it is posted,
    /// so the results are drawn without waiting for them.
    Charts {
        /// The query's revision.
        rev: u64,
        /// The timeline and breakdown (`None`: no verdicts, nothing to chart).
        charts: Option<Box<ChartsView>>,
    },
    /// The facets and field paths of the events (in range), when the events or the range
    /// changed: computed and sent after the answer, which is drawn without waiting for them
    /// (at 100,000 events they read every field of every event).
    Facets(Box<FacetsView>),
    /// The first matched events with their positions (the target-input preview), sent after
    /// the answer they changed with.
    Preview(Vec<(usize, serde_json::Value)>),
    /// The inputs stored in IndexedDB: (key, name, size) each.
    Stored {
        /// The inputs.
        entries: Vec<(f64, String, usize)>,
    },
    /// Storing failed (quota, private mode): said once, then the worker stops trying.
    StoreFailed {
        /// Why.
        message: String,
    },
    /// The asked inputs' texts, for a share link: (id, text) each; inputs too large to keep
    /// their text (or no longer loaded) are listed in `left_out`.
    Texts(KeptTexts),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_json() {
        let requests = [
            Request::AddTexts {
                inputs: vec![(1, "pasted text".into(), true)],
                persist: false,
            },
            Request::Restore,
            Request::Adopt {
                pairs: vec![(1.0, 4)],
            },
            Request::LoadFile {
                id: 2,
                sample: false,
            },
            Request::Cancel { id: 2 },
            Request::Retain { ids: vec![1, 3] },
            Request::Query(Query {
                rev: 7,
                pattern: "{}".into(),
                details: vec![4],
                ..Query::default()
            }),
            Request::Texts {
                rev: 8,
                ids: vec![3],
            },
        ];
        for request in requests {
            let text = serde_json::to_string(&request).expect("requests serialise");
            assert_eq!(serde_json::from_str::<Request>(&text).ok(), Some(request));
        }
        let reply = Reply::Progress {
            id: 2,
            bytes: 10,
            total: 20,
        };
        let text = serde_json::to_string(&reply).expect("replies serialise");
        assert_eq!(serde_json::from_str::<Reply>(&text).ok(), Some(reply));
        let texts = Reply::Texts(KeptTexts {
            rev: 8,
            texts: vec![(3, "{}".into())],
            left_out: vec![4],
        });
        let text = serde_json::to_string(&texts).expect("replies serialise");
        assert_eq!(serde_json::from_str::<Reply>(&text).ok(), Some(texts));
        let charts = Reply::Charts {
            rev: 9,
            charts: Some(Box::new(ChartsView {
                timeline: None,
                change: Some((1, 2, 3)),
                breakdown: eventpen_playground::breakdown::Breakdown {
                    events: 0,
                    dimensions: Vec::new(),
                },
            })),
        };
        let text = serde_json::to_string(&charts).expect("replies serialise");
        assert_eq!(serde_json::from_str::<Reply>(&text).ok(), Some(charts));
        let preview = Reply::Preview(vec![(4, serde_json::json!({"source": "aws.kms"}))]);
        let text = serde_json::to_string(&preview).expect("replies serialise");
        assert_eq!(serde_json::from_str::<Reply>(&text).ok(), Some(preview));
    }
}
