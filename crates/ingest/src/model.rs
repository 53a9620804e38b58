//! The values ingestion hands back: events with where they came from, and problems with where
//! they are. Everything here is plain data so the app can render it and the CLI can print it.

use eventpen_pattern::position::LineColumn;
use std::fmt;

/// One thing the user gave us: a dropped file or the text they pasted.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file name, or `"pasted text"`; used in every problem and origin.
    pub name: &'a str,
    /// The raw bytes: text (UTF-8, optional BOM) or gzip (detected by its magic bytes).
    pub bytes: &'a [u8],
}

/// Everything read from a batch of inputs: the events, in input order, and the problems found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ingested {
    /// The EventBridge events, in the order they appear in the inputs.
    pub events: Vec<IngestedEvent>,
    /// What could not be read, or reads with a caveat, in the order found.
    pub problems: Vec<Problem>,
}

impl Ingested {
    /// Whether any problem is an [`Severity::Error`] (some input, or part of one, was not read).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// One EventBridge event, exactly as a rule would see it, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestedEvent {
    /// The EventBridge event: envelope (`version`, `id`, `detail-type`, `source`, `account`,
    /// `time`, `region`, `resources`) then `detail`, in that key order when EventPen built it.
    pub event: serde_json::Value,
    /// The text this event came from: the CloudTrail record, the PutEvents entry, the event.
    pub original: String,
    /// Which input, which event of it, and where in its text.
    pub origin: Origin,
    /// What the user gave us, e.g. a CloudTrail log file or an SQS message.
    pub shape: Shape,
    /// Why a rule might never see this event even if its pattern matches.
    pub notes: Vec<DeliveryNote>,
    /// The envelope fields EventPen made up or derived rather than copied, e.g. `"id"`,
    /// `"source"`, `"detail-type"`: the app badges them as "derived".
    pub derived: Vec<&'static str>,
}

/// Where an event came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The input's name (file name or `"pasted text"`).
    pub input: String,
    /// The 0-based index of this event among the events of that input.
    pub index: usize,
    /// Where the record or entry starts in the input's text, when known.
    pub position: Option<LineColumn>,
    /// The same place as a byte offset into the input's text (after gunzip, counting a BOM),
    /// for highlighting in an editor.
    pub offset: Option<usize>,
    /// The JSON path of the record inside the input, e.g. `Records[3]` or
    /// `Messages[0].Body`; `None` when the event is a whole document (a line, a paste).
    pub path: Option<String>,
}

/// The shape of input an event was read from. The outermost meaningful wrapper wins: an
/// EventBridge event inside an SQS message body is an [`Shape::SqsMessage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A single CloudTrail record (console "Event record" view), alone or in an array / lines.
    CloudTrailRecord,
    /// A record from a CloudTrail log file `{"Records":[…]}`, possibly gzipped.
    CloudTrailLogFile,
    /// A record from `aws cloudtrail lookup-events` output (`CloudTrailEvent` string).
    LookupEvents,
    /// A row of CloudTrail Lake `get-query-results`: a partial record.
    CloudTrailLake,
    /// An EventBridge event, taken as it is.
    EventBridgeEvent,
    /// A `PutEvents` entry (`Source`, `DetailType`, `Detail` string).
    PutEventsEntry,
    /// An SQS message whose `Body` holds the event (`receive-message` output, Lambda SQS event).
    SqsMessage,
    /// An SNS notification whose `Message` holds the event.
    SnsNotification,
    /// A CloudWatch Logs log event whose `message` holds the event (`aws logs get-log-events`
    /// or `filter-log-events` output, e.g. from a rule's log-group target).
    CloudWatchLogsEvent,
}

impl Shape {
    /// A short description for people, e.g. "CloudTrail log file".
    pub fn label(self) -> &'static str {
        match self {
            Shape::CloudTrailRecord => "CloudTrail record",
            Shape::CloudTrailLogFile => "CloudTrail log file",
            Shape::LookupEvents => "aws cloudtrail lookup-events output",
            Shape::CloudTrailLake => "CloudTrail Lake query result",
            Shape::EventBridgeEvent => "EventBridge event",
            Shape::PutEventsEntry => "PutEvents entry",
            Shape::SqsMessage => "SQS message",
            Shape::SnsNotification => "SNS notification",
            Shape::CloudWatchLogsEvent => "CloudWatch Logs log event",
        }
    }

    /// Whether the event was converted from a CloudTrail record (envelope built by EventPen).
    pub fn is_cloudtrail(self) -> bool {
        matches!(
            self,
            Shape::CloudTrailRecord
                | Shape::CloudTrailLogFile
                | Shape::LookupEvents
                | Shape::CloudTrailLake
        )
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A caveat about delivery: the pattern may match, but will EventBridge deliver the event?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryNote {
    /// A stable code for filtering and tests, e.g. `"read-only"`, `"data-event"`.
    pub code: &'static str,
    /// The explanation for people.
    pub message: String,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Something was not read: an input, a record, or the rest of a file.
    Error,
    /// Read, with a caveat (partial record, oversize event, …).
    Warning,
}

/// What kind of problem: stable for code (the app can react to a cap, tests can match), while
/// [`Problem::message`] is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The text is not valid JSON.
    InvalidJson,
    /// The bytes are not UTF-8 (and not gzip).
    InvalidUtf8,
    /// The bytes start like gzip but do not decompress.
    InvalidGzip,
    /// A compressed or archive format EventPen does not read (zip, bzip2, xz, zstd, 7-Zip).
    UnsupportedFormat,
    /// The input (after gunzip) would pass [`crate::MAX_INPUT_BYTES`] in total.
    InputTooLarge,
    /// [`crate::MAX_EVENTS`] reached: the rest of the inputs was not read.
    TooManyEvents,
    /// More than [`crate::MAX_EVENTS`] + 1 values in one input: the rest was not parsed.
    TooManyValues,
    /// Problems past [`crate::MAX_PROBLEMS_PER_INPUT`] or [`crate::MAX_PROBLEMS`], summarised
    /// in one.
    UnlistedProblems,
    /// [`crate::MAX_INPUTS`] reached: the inputs after it were not read.
    TooManyInputs,
    /// The input holds nothing but whitespace.
    EmptyInput,
    /// The input was read but holds no events (e.g. `{"Records":[]}`).
    NoEvents,
    /// A JSON value that is none of the shapes EventPen reads.
    NotAnEvent,
    /// A CloudTrail digest file: it holds no events.
    DigestFile,
    /// A string that should hold JSON (`Body`, `Message`, `CloudTrailEvent`, …) does not.
    InvalidEmbeddedJson,
    /// JSON nested in strings deeper than [`crate::MAX_UNWRAP_DEPTH`].
    NestedTooDeep,
    /// A CloudTrail record lacks fields the envelope needs: it was skipped.
    IncompleteRecord,
    /// A CloudTrail Lake row became an event with parts of the envelope missing.
    PartialRecord,
    /// A PutEvents entry that PutEvents would reject.
    InvalidEntry,
    /// A PutEvents entry read with a caveat (e.g. `Detail` as an object, not a string).
    EntryCaveat,
    /// An EventBridge event lacks envelope fields AWS's test-event-pattern requires.
    IncompleteEnvelope,
    /// An event over AWS's 256 KB limit.
    EventTooLarge,
}

impl ProblemKind {
    /// How bad this kind is: warnings are read with a caveat, errors are not read.
    pub fn severity(self) -> Severity {
        match self {
            ProblemKind::NoEvents
            | ProblemKind::DigestFile
            | ProblemKind::PartialRecord
            | ProblemKind::EntryCaveat
            | ProblemKind::IncompleteEnvelope
            | ProblemKind::EventTooLarge => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Something wrong with an input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input's name (file name or `"pasted text"`).
    pub input: String,
    /// Where in the input's text, when known.
    pub position: Option<LineColumn>,
    /// The same place as a byte offset into the input's text (after gunzip, counting a BOM),
    /// for highlighting in an editor.
    pub offset: Option<usize>,
    /// The JSON path inside the input, when known, e.g. `Records[3]`.
    pub path: Option<String>,
    /// Error (not read) or warning (read with a caveat).
    pub severity: Severity,
    /// What kind of problem, for code.
    pub kind: ProblemKind,
    /// What is wrong, for people.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `cloudtrail.json 3:17: expected `,` or `}`` — with the path when there is one:
    /// `log.json 12:5: Records[3]: the record has no eventSource`. Warnings say so.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.input)?;
        if let Some(position) = self.position {
            write!(f, " {position}")?;
        }
        f.write_str(": ")?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)
    }
}
