//! An EventBridge rule rendered as AWS CLI commands and infrastructure as code.
//!
//! Pure: no I/O, no web dependencies.
//!
//! ```
//! use eventpen_export::quote::bash_single_quote;
//! assert_eq!(bash_single_quote("it's"), r#"'it'\''s'"#);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod quote;
