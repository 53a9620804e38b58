//! The Amazon EventBridge event-pattern language, as EventBridge implements it.
//!
//! This crate is pure: no I/O, no web dependencies. It builds for the host and for
//! `wasm32-unknown-unknown`, so the browser app and the CLI share one matcher and can never
//! disagree.
//!
//! ```
//! use eventpen_pattern::position::LineColumn;
//! let text = "{\n  \"source\": 1\n}";
//! assert_eq!(LineColumn::of(text, 14), LineColumn { line: 2, column: 13 });
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod position;
