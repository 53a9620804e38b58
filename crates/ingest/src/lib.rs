//! Everything users paste — CloudTrail records, log files, CLI output, EventBridge events — turned
//! into the exact EventBridge events a rule sees.
//!
//! Pure: bytes or text in, events and problems out; no I/O, no clock, no web dependencies.
//! Shapes are detected from the content, mixed freely, and unwrapped recursively (see
//! [`Shape`]); gzip is detected by its magic bytes. One bad record never drops the good ones:
//! it becomes a [`Problem`] with the input's name, a line:column and a JSON path.
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
pub mod mapping;
mod model;
mod positions;
mod put_events;
mod shapes;

pub use eventpen_pattern::position::LineColumn;
pub use ingest::{ingest, ingest_text};
pub use limits::{
    MAX_EVENT_BYTES, MAX_EVENTS, MAX_INPUT_BYTES, MAX_PROBLEMS_PER_INPUT, MAX_UNWRAP_DEPTH,
};
pub use model::{DeliveryNote, Ingested, IngestedEvent, Input, Origin, Problem, Severity, Shape};
pub use put_events::{PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION, PLACEHOLDER_TIME};
