//! What an EventBridge rule's target receives: the input transformer (`InputPathsMap` +
//! `InputTemplate`), `InputPath` and constant `Input`, evaluated on an event and validated the
//! way AWS documents them (`eb-transform-target-input` in the EventBridge user guide and the
//! `InputTransformer` API reference).
//!
//! Pure: no I/O, no web dependencies; the app shows per matched event exactly the text the
//! target would receive, and the CLI and exports use the same checks. Every problem carries the
//! field and the line:column in that field's text, and nothing the user typed is changed.
//!
//! ```
//! use eventpen_transform::{RuleContext, TargetInput};
//! let event = serde_json::json!({
//!     "region": "eu-west-1",
//!     "detail": {"userIdentity": {"userName": "alice"}, "requestParameters": {"instanceType": "t2.micro"}}
//! });
//! let input = TargetInput::Transformer {
//!     paths_map: r#"{"user": "$.detail.userIdentity.userName", "type": "$.detail.requestParameters.instanceType", "region": "$.region"}"#.into(),
//!     template: "<user> launched <type> in <region>".into(),
//! };
//! assert!(input.check().is_empty());
//! let delivered = input.deliver(&event, &RuleContext::default()).unwrap();
//! assert_eq!(delivered.text, "alice launched t2.micro in eu-west-1");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod path;
pub mod paths_map;
mod position;
pub mod predefined;
mod target_input;
pub mod template;

pub use path::{JsonPath, MAX_PATH_LEN};
pub use paths_map::{MAX_VARIABLES, PathsMap, Variable};
pub use position::{Field, Position, Problem, Severity};
pub use predefined::RuleContext;
pub use target_input::{Delivery, TargetInput};
pub use template::MAX_TEMPLATE_CHARS;
