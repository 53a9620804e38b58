//! The caps that keep a browser tab responsive, and AWS's own event size limit.
//!
//! A browser tab holds a 50 MB input and 20,000 events comfortably (the events are kept twice:
//! as values and as original text); beyond that the page stalls, so EventPen stops with a
//! clear message instead.

/// Total input size read per call of [`crate::ingest`], counted after gunzip: 50 MiB.
/// Inputs past the cap are not read (an Error problem says so); gzip is decompressed only up
/// to what is left of it, so a zip bomb cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Events produced per call of [`crate::ingest`]: 20,000. Reading stops there with an Error.
pub const MAX_EVENTS: usize = 20_000;

/// AWS's limit on one event (PutEvents entry / delivered event): 256 KB. Larger events are
/// still produced, with a Warning, because a pattern can be tested on them anyway.
pub const MAX_EVENT_BYTES: usize = 256 * 1024;

/// How deep JSON-in-a-string wrappers are unwrapped (SQS body → SNS message → event …).
pub const MAX_UNWRAP_DEPTH: usize = 8;

/// Problems listed per input; past this, one summary problem says how many more there were.
pub const MAX_PROBLEMS_PER_INPUT: usize = 100;

/// Inputs (files, pasted text, a link's inputs) read per call of [`crate::ingest`]: 1,000 —
/// a few days of one region's CloudTrail log files, far fewer than a hostile link can name
/// (a 10 KB link can hold two million empty inputs). The rest are not read; an Error says how
/// many.
pub const MAX_INPUTS: usize = 1_000;

/// Problems listed per call of [`crate::ingest`], across inputs: 500. Each is a row in the app;
/// past this, one summary problem counts the rest.
pub const MAX_PROBLEMS: usize = 500;
