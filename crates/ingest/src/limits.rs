//! The caps that keep a browser tab responsive — the browser's numbers, in this one place —
//! and AWS's own event size limit.
//!
//! The app ingests, indexes and matches in a Web Worker, so the page stays responsive however
//! much is loaded; what bounds a load is the worker's memory (32-bit WebAssembly: 4 GiB at
//! most). 500 MiB of input and 200,000 events per load stay well inside it; past them EventPen
//! stops with a clear message instead.

/// Total input size read per call of [`crate::ingest`], counted after gunzip: 500 MiB.
/// Inputs past the cap are not read (an Error problem says so); gzip is decompressed only up
/// to what is left of it, so a zip bomb cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 500 * 1024 * 1024;

/// Events produced per call of [`crate::ingest`]: 200,000. Reading stops there with an Error.
pub const MAX_EVENTS: usize = 200_000;

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
