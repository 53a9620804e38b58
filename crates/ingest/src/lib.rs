//! Everything users paste — CloudTrail records, log files, CLI output, EventBridge events — turned
//! into the exact EventBridge events a rule sees.
//!
//! Pure: bytes or text in, events and problems out; no I/O, no web dependencies.
//!
//! ```
//! use eventpen_ingest::mapping::{detail_type_for, source_for};
//! assert_eq!(source_for("ec2.amazonaws.com"), "aws.ec2");
//! assert_eq!(detail_type_for("AwsApiCall"), Some("AWS API Call via CloudTrail"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod mapping;
