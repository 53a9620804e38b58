//! What a session answers, as plain data: each type crosses the worker boundary as JSON, so
//! each holds only what the UI draws (a window of rows, capped facet values), never every event.
use crate::Facets;
use crate::breakdown::Breakdown;
use crate::timeline::Timeline;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One problem ingest found, with its position, ready to list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemLine {
    /// An error (the input or a record was dropped) or a warning.
    pub is_error: bool,
    /// The full text, position included.
    pub text: String,
    /// Where in the input's text it is (bytes), when known: the Events editor marks it there.
    #[serde(default)]
    pub offset: Option<usize>,
}

/// One loaded input, as its chip in the Events panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSummary {
    /// The UI's id for it.
    pub id: u32,
    /// The file name, or "pasted text".
    pub name: String,
    /// Its size in bytes (as loaded, before gunzip).
    pub size: usize,
    /// How many events it gave.
    pub events: usize,
    /// Whether it is the sample the page starts with (replaced when the user loads their own).
    pub sample: bool,
    /// What went wrong reading it.
    pub problems: Vec<ProblemLine>,
}

/// What adding an input did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AddOutcome {
    /// It was read.
    Added(InputSummary),
    /// The same name, size and content is already loaded; nothing was added.
    Duplicate {
        /// The name of the input already loaded.
        name: String,
    },
}

/// Which events a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ListFilter {
    /// Every event.
    #[default]
    All,
    /// The events the pattern matches.
    Matched,
    /// The events it does not.
    NotMatched,
}

/// An error, warning or tip about the pattern, with its fix applied to the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    /// The engine's stable code (`json-syntax`, `use-prefix`, …).
    pub code: String,
    /// Error (blocks matching), else a warning or tip.
    pub is_error: bool,
    /// Byte span in the pattern text.
    pub span: (usize, usize),
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// JSON path of the place, empty for the root.
    pub path: String,
    /// What to tell the user.
    pub message: String,
    /// A fix: its title and the whole pattern text with it applied.
    pub fix: Option<(String, String)>,
}

/// One evaluation of the pattern over the loaded events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EvaluationView {
    /// Events loaded.
    pub total: usize,
    /// Of them, matched (0 while there is no verdict).
    pub matched: usize,
    /// Events in the selected time range and matched ones among them (`None`: no range).
    pub in_range: Option<(usize, usize)>,
    /// Whether there are verdicts (a pattern was valid at some point and the editor is not empty).
    pub has_verdicts: bool,
    /// The verdicts are the last valid pattern's: the current text has errors.
    pub stale: bool,
    /// Errors and the warnings the events do not disprove, in text order.
    pub listed: Vec<Advice>,
    /// Tips that need the events.
    pub tips: Vec<Advice>,
    /// Whether a matched event is a read-only CloudTrail event (the rule needs a special state).
    pub read_only_matched: bool,
    /// The account and region most events come from.
    pub account: Option<String>,
    /// See `account`.
    pub region: Option<String>,
    /// Per leaf of the pattern as written: the byte span of its list and how many events
    /// satisfy it (the editor shows them inline); empty while the text is not valid.
    #[serde(default)]
    pub clause_counts: Vec<(usize, usize, usize)>,
}

/// The charts of the current verdicts ([`super::Session::charts`]): apart from
/// [`EvaluationView`], so the results can be sent and drawn before they are counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartsView {
    /// Matched and not matched per time bucket (`None`: no event has a time).
    pub timeline: Option<Timeline>,
    /// Events added to and removed from the matches by the last pattern change, and a number
    /// that changes with every change.
    pub change: Option<(usize, usize, u32)>,
    /// The matched events' top values (in range).
    pub breakdown: Breakdown,
}

/// One event as a list row shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowView {
    /// Its position among all loaded events.
    pub index: usize,
    /// `detail.eventName`, else `detail-type`, else "event".
    pub title: String,
    /// The envelope's `source`.
    pub source: String,
    /// The envelope's `time`.
    pub time: String,
    /// `account / region`.
    pub place: String,
    /// Matched or not (`None` while there are no verdicts).
    pub verdict: Option<bool>,
    /// Why not, clause by clause (non-matches only).
    pub reasons: Vec<String>,
    /// Delivery notes ("read-only: …").
    pub notes: Vec<String>,
}

/// A window of a filtered list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RowsPage {
    /// How many events the whole filtered list holds.
    pub total: usize,
    /// The position in that list of the first row given.
    pub offset: usize,
    /// The rows.
    pub rows: Vec<RowView>,
}

/// One event in full, with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// The row it is.
    pub row: RowView,
    /// The EventBridge event.
    pub event: Value,
    /// The input text it was made from.
    pub original: String,
    /// Where it came from ("trail.json (CloudTrail log file, event 3, line 4)").
    pub origin: String,
    /// Each field the pattern reads and whether its condition held there.
    pub highlights: Vec<(Vec<String>, bool)>,
}

/// The facets for the Facets panel: every field, at most a capped number of values each
/// (counts stay exact), and every path seen (field completion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FacetsView {
    /// The capped field index.
    pub facets: Facets,
    /// Every field path.
    pub paths: Vec<Vec<String>>,
}
