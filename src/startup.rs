//! What the page opens with: the URL fragment, else the workspace kept in local storage, else the
//! default example (the AWS walkthrough: a RunInstances record, a TerminateInstances near-miss
//! and the walkthrough's rule). A bad link falls back with a visible notice; a link never
//! silently replaces the visitor's own unsaved work — the notice offers it back.
use crate::persist;
use crate::share::{self, SharedInput, Snapshot};
use crate::state::{Notice, NoticeKind, PASTED, State};

/// The AWS walkthrough's rule: EC2 RunInstances API calls via CloudTrail.
pub const DEFAULT_PATTERN: &str = r#"{
  "source": ["aws.ec2"],
  "detail-type": ["AWS API Call via CloudTrail"],
  "detail": {
    "eventSource": ["ec2.amazonaws.com"],
    "eventName": ["RunInstances"]
  }
}"#;

/// The default example as a snapshot.
pub fn default_snapshot() -> Snapshot {
    let events = format!(
        "{}\n{}",
        eventpen_ingest::fixtures::RUN_INSTANCES.trim(),
        eventpen_ingest::fixtures::TERMINATE_INSTANCES.trim()
    );
    Snapshot {
        pattern: DEFAULT_PATTERN.to_string(),
        events: vec![SharedInput {
            name: PASTED.to_string(),
            text: events,
        }],
        ..Snapshot::default()
    }
}

/// The state the page starts in.
pub fn initial_state() -> State {
    let local = persist::load_local();
    let mut notices = Vec::new();
    if let Some(fragment) = persist::fragment() {
        match share::decode(&fragment) {
            Ok(linked) => {
                let mut state = State::from_snapshot(&linked);
                if let Some(own) = local.filter(|own| !same_work(own, &linked)) {
                    state.notices.push(Notice::with_offer(
                        NoticeKind::Info,
                        "You opened a shared link. Your own work from before is kept — bring it back at any time.",
                        "Restore my work",
                        own,
                    ));
                }
                return state;
            }
            Err(error) => {
                notices.push(Notice::new(
                    NoticeKind::Error,
                    format!(
                        "This link could not be opened: {error} Showing your last work instead."
                    ),
                ));
                persist::replace_fragment("");
            }
        }
    }
    let mut state = State::from_snapshot(&local.unwrap_or_else(default_snapshot));
    state.notices = notices;
    state
}

/// Whether a link holds nothing the visitor would lose (the same pattern and events).
fn same_work(own: &Snapshot, linked: &Snapshot) -> bool {
    own.pattern == linked.pattern && (own.events == linked.events || linked.events.is_empty())
}
