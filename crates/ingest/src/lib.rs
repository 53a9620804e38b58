//! Everything users paste — CloudTrail records, log files, CLI output, EventBridge events — turned
//! into the exact EventBridge events a rule sees.
//!
//! Pure: bytes or text in, events and problems out; no I/O, no clock, no web dependencies.
//!
//! - **Shapes** are detected from the content, mixed freely in one input or across inputs, and
//!   unwrapped recursively through JSON held in strings (see [`Shape`]): CloudTrail records and
//!   log files (gzip detected by its magic bytes), `lookup-events`, CloudTrail Lake rows,
//!   EventBridge events, PutEvents entries, SQS messages, SNS notifications, CloudWatch Logs
//!   output; as JSON, arrays, JSON Lines or concatenated JSON, with or without a BOM.
//! - **CloudTrail records** become the event EventBridge delivers: `detail` is the record, the
//!   envelope comes from it ([`mapping`]); the `id` is a UUID v5 of the record's `eventID`
//!   ([`mapping::derived_id`]) so links and tests are stable. Delivery caveats (read-only, data
//!   events, Insights, global services, …) are [`DeliveryNote`]s.
//! - **Problems** are values: one bad record never drops the good ones; each [`Problem`] has the
//!   input's name, a line:column, a JSON path and a severity.
//! - **Caps** keep a browser tab alive: [`MAX_INPUT_BYTES`] (500 MiB, after gunzip),
//!   [`MAX_EVENTS`] (200,000), [`MAX_INPUTS`] (1,000), [`MAX_PROBLEMS_PER_INPUT`] and
//!   [`MAX_PROBLEMS`] in all; each cap keeps what was read before it; events over AWS's 256 KB
//!   ([`MAX_EVENT_BYTES`]) get a warning.
//!
//! ```
//! use eventpen_ingest::{fixtures, ingest_text, Shape};
//! let log_file = format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES);
//! let ingested = ingest_text("log.json", &log_file);
//! assert!(ingested.problems.is_empty());
//! let event = &ingested.events[0];
//! assert_eq!(event.shape, Shape::CloudTrailLogFile);
//! assert_eq!(event.event["detail-type"], "AWS API Call via CloudTrail");
//! assert_eq!(event.event["source"], "aws.ec2");
//! assert_eq!(event.event["detail"]["eventName"], "RunInstances");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cloudtrail;
mod converters;
mod decode;
mod delivery;
pub mod fixtures;
mod ingest;
mod json_reader;
mod lake;
mod limits;
mod line_counter;
pub mod mapping;
mod model;
mod positions;
mod put_events;
mod raw;
mod raw_skeleton;
mod raw_split;
mod record_fields;
mod shapes;
mod stream;
mod stream_seed;

pub use decode::inflate_gzip;
pub use eventpen_pattern::position::LineColumn;
pub use ingest::{ingest, ingest_text};
pub use limits::{
    MAX_EVENT_BYTES, MAX_EVENTS, MAX_INPUT_BYTES, MAX_INPUTS, MAX_PROBLEMS, MAX_PROBLEMS_PER_INPUT,
    MAX_UNWRAP_DEPTH,
};
pub use model::{
    DeliveryNote, Ingested, IngestedEvent, Input, Origin, Problem, ProblemKind, Severity, Shape,
};
pub use put_events::{PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION, PLACEHOLDER_TIME};
pub use raw::{RawEvent, RawItem, read_log_file};
pub use raw_skeleton::{EnvelopeUse, envelope_use};
pub use raw_split::LogFileChunks;
pub use record_fields::{EnvelopeFields, RecordSink};
pub use stream::{Sink, StreamSummary, Streamed, StreamedEvent, stream_input};
