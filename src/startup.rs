//! What the page opens with: the URL fragment, else the workspace kept in local storage, else the
//! default example (the AWS walkthrough: a RunInstances record, a TerminateInstances near-miss
//! and the walkthrough's rule). A bad link falls back with a visible notice; a link never
//! silently replaces the visitor's own unsaved work — the notice offers it back.
use crate::share::{self, SharedInput, Snapshot};
use crate::state::{Notice, NoticeKind, PASTED, State};
use crate::{gallery, persist};

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

/// Whether the page opens the visitor's own work (no link, or the address bar of their own
/// work): then the inputs stored in IndexedDB come back too.
pub fn opens_own_work() -> bool {
    let Some(fragment) = persist::fragment() else {
        return true;
    };
    persist::load_local()
        .is_some_and(|own| address_bar_fragment(&own).trim_start_matches('#') == fragment)
}

/// The state the page starts in.
pub fn initial_state() -> State {
    let local = persist::load_local();
    let mut notices = Vec::new();
    if let Some(fragment) = persist::fragment() {
        let own_address_bar = local
            .as_ref()
            .is_some_and(|own| address_bar_fragment(own).trim_start_matches('#') == fragment);
        let linked = if own_address_bar {
            // Our own address bar: the kept workspace has the events and progress too.
            None
        } else {
            match resolve(&fragment) {
                Ok(linked) => Some(linked),
                Err(message) => {
                    notices.push(Notice::new(
                        NoticeKind::Error,
                        format!("{message} Showing your last work instead."),
                    ));
                    persist::replace_fragment("");
                    None
                }
            }
        };
        if let Some(linked) = linked {
            let mut state = State::from_snapshot(&linked);
            state.notices.extend(left_out_notices(&linked));
            if let Some(own) = local.filter(|own| !same_work(own, &linked)) {
                state.notices.push(Notice::with_offer(
                    NoticeKind::Info,
                    "You opened a link. Your own work from before is kept — bring it back at any time.",
                    "Restore my work",
                    own,
                ));
            }
            return state;
        }
    }
    let first_visit = local.is_none();
    let mut state = State::from_snapshot(&local.unwrap_or_else(default_snapshot));
    // A first visit shows the walkthrough's events: samples, replaced by the user's own.
    state.samples = first_visit && !state.events_text.is_empty();
    state.notices = notices;
    state
}

/// Warnings for what a link held beyond the caps (see `share::LeftOut`).
pub fn left_out_notices(linked: &Snapshot) -> Vec<Notice> {
    linked
        .left_out
        .notices()
        .into_iter()
        .map(|text| Notice::new(NoticeKind::Warning, text))
        .collect()
}

/// Whether a link holds nothing the visitor would lose (the same pattern and events).
fn same_work(own: &Snapshot, linked: &Snapshot) -> bool {
    own.pattern == linked.pattern && (own.events == linked.events || linked.events.is_empty())
}

/// The workspace a fragment opens: a gallery example (`ex=<id>`) or a share link; Err says why
/// it cannot be opened, in a sentence for the user.
pub fn resolve(fragment: &str) -> Result<Snapshot, String> {
    if let Some(id) = gallery::example_id(fragment) {
        return crate::examples::by_id(id)
            .map(|example| gallery::example_snapshot(&example))
            .ok_or_else(|| {
                format!("There is no example named \"{id}\" — open the gallery to pick one.")
            });
    }
    share::decode(fragment).map_err(|error| format!("This link could not be opened: {error}"))
}

/// What the address bar shows while the user works: a gallery example's short link, else the
/// pattern and settings — never the events (they stay in local storage: an address bar ends up
/// in history, sync and screenshots).
pub fn address_bar_fragment(snapshot: &Snapshot) -> String {
    if let Some(id) = &snapshot.example {
        return gallery::example_fragment(id);
    }
    let mut shown = share::pattern_only(snapshot);
    shown.challenge = None;
    shown.example = None;
    share::encode(&shown)
}
