//! Share links: the whole playground as a URL fragment, versioned and compressed.
//!
//! Nothing is uploaded: the state lives after the `#`, which browsers never send to a server.
//! This module is pure (no web APIs) so it is tested natively; the app only reads and writes
//! `location.hash`.
//!
//! ```
//! use eventpen::share::{decode, encode, Snapshot};
//! let snapshot = Snapshot { pattern: r#"{"source":["aws.ec2"]}"#.into(), ..Snapshot::default() };
//! let fragment = encode(&snapshot);
//! assert!(fragment.starts_with("#v1."));
//! assert_eq!(decode(&fragment), Ok(snapshot));
//! ```
//!
//! Compatibility rule: fields holding their default value are left out of the payload, and a
//! payload is laid over today's defaults with unknown fields ignored. So adding a field never
//! breaks an old link, and an old EventPen opening a newer link of the same version simply
//! ignores what it does not know. A change that old readers would misread gets a new version
//! prefix, which old readers refuse with [`ShareError::UnknownVersion`].

mod caps;
mod codec;
mod error;

pub use caps::{LeftOut, MAX_SHARED_EXPECTATIONS, MAX_SHARED_HINTS, MAX_SHARED_INPUTS};
pub use codec::{
    LinkSize, MAX_INFLATED_BYTES, MAX_INFLATION_RATIO, MAX_LINK_BYTES, MIN_INFLATION_ALLOWANCE,
    VERSION, WARN_LINK_BYTES, decode, encode, encode_checked, inflation_limit, link_size,
};
pub use error::ShareError;

use serde::{Deserialize, Serialize};

/// Everything the user supplied that a link must carry; nothing derived (matches, exports).
///
/// The serialized names are one or two letters because they are repeated in every link; the
/// Rust names are the readable ones. Reading goes through [`caps`]: lists longer than the caps
/// are cut while they are read, and [`Snapshot::left_out`] says what was left out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, from = "caps::WireSnapshot")]
pub struct Snapshot {
    /// The event pattern text, exactly as typed.
    #[serde(rename = "p", skip_serializing_if = "String::is_empty")]
    pub pattern: String,
    /// The event inputs, as text (so a half-typed or invalid input survives the trip).
    #[serde(rename = "e", skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<SharedInput>,
    /// Index of the selected event.
    #[serde(rename = "s", skip_serializing_if = "Option::is_none")]
    pub selected: Option<usize>,
    /// Result filter: `"all"`, `"matched"` or `"not-matched"`.
    #[serde(rename = "f", skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// The rule around the pattern (names used by the exports).
    #[serde(rename = "r", skip_serializing_if = "SharedRule::is_default")]
    pub rule: SharedRule,
    /// The chosen export format, e.g. `"cli-file"`.
    #[serde(rename = "x", skip_serializing_if = "Option::is_none")]
    pub export_format: Option<String>,
    /// A challenge set by an instructor; it never carries a solution.
    #[serde(rename = "c", skip_serializing_if = "Option::is_none")]
    pub challenge: Option<SharedChallenge>,
    /// Id of the gallery example this playground started from.
    #[serde(rename = "g", skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// What the link held beyond the caps and was not opened (never written to a link).
    #[serde(skip)]
    pub left_out: LeftOut,
}

/// One event input box: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedInput {
    /// The name shown on the input's tab ("" = the app's default name).
    #[serde(rename = "n", skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The input text: one event, several, JSON Lines, a CloudTrail file…
    #[serde(rename = "t", skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The rule settings the exports use; `""` means "the app's default".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedRule {
    /// Rule name.
    #[serde(rename = "n", skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Event bus name.
    #[serde(rename = "b", skip_serializing_if = "String::is_empty")]
    pub event_bus: String,
    /// Rule state, e.g. `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`.
    #[serde(rename = "s", skip_serializing_if = "String::is_empty")]
    pub state: String,
    /// Rule description.
    #[serde(rename = "d", skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// SNS topic used as the target in exports.
    #[serde(rename = "t", skip_serializing_if = "String::is_empty")]
    pub sns_topic: String,
    /// The rule's account ("" = from the loaded events).
    #[serde(rename = "a", skip_serializing_if = "String::is_empty")]
    pub account: String,
    /// The rule's region ("" = from the loaded events).
    #[serde(rename = "g", skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// What the target receives: "" (the matched event), `transformer`, `path` or `constant`.
    #[serde(rename = "k", skip_serializing_if = "String::is_empty")]
    pub input_kind: String,
    /// The input transformer's `InputPathsMap` text.
    #[serde(rename = "m", skip_serializing_if = "String::is_empty")]
    pub paths_map: String,
    /// The input transformer's `InputTemplate` text.
    #[serde(rename = "i", skip_serializing_if = "String::is_empty")]
    pub template: String,
    /// The `InputPath` text.
    #[serde(rename = "ip", skip_serializing_if = "String::is_empty")]
    pub input_path: String,
    /// The constant `Input` text.
    #[serde(rename = "c", skip_serializing_if = "String::is_empty")]
    pub constant: String,
}

impl SharedRule {
    /// True when every setting is the default, so the rule can be left out of a link.
    pub fn is_default(&self) -> bool {
        *self == SharedRule::default()
    }
}

/// A challenge: a goal, hints, and what each event is expected to do. Never a solution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedChallenge {
    /// What the learner must achieve, in words.
    #[serde(rename = "g", skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// Hints, revealed one at a time.
    #[serde(rename = "h", skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Per visible event: `Some(true)` must match, `Some(false)` must not, `None` unmarked.
    #[serde(rename = "x", skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<Option<bool>>,
    /// Hidden test events, checked but not shown.
    #[serde(rename = "k", skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<SharedInput>,
}

/// The same playground without its events: for sharing a pattern without sharing data.
///
/// Drops the event inputs, the selection, the per-event expectations and the hidden events of
/// a challenge (the goal and hints stay: they are the instructor's words, not data).
pub fn pattern_only(s: &Snapshot) -> Snapshot {
    Snapshot {
        events: Vec::new(),
        selected: None,
        challenge: s.challenge.as_ref().map(|c| SharedChallenge {
            goal: c.goal.clone(),
            hints: c.hints.clone(),
            expectations: Vec::new(),
            hidden: Vec::new(),
        }),
        ..s.clone()
    }
}
