//! The Share dialog: "pattern only" (the default) or "pattern + events", optional redaction of
//! the events, the link's length with a warning above ~8 KB and a refusal above the hard cap,
//! and Copy — which also puts the link in the address bar.
use crate::clipboard::copy_text;
use crate::components::modal::Modal;
use crate::persist;
use crate::redact::{Redaction, redact};
use crate::share::{self, MAX_LINK_BYTES, ShareError, Snapshot, WARN_LINK_BYTES};
use crate::state::State;
use crate::worker::protocol::KeptTexts;
use crate::worker::wiring::ask_texts;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// The workspace to share.
    pub state: State,
    /// Share a challenge: events, marks, goal and hints — never the author's pattern.
    #[prop_or_default]
    pub for_challenge: bool,
    /// The worker's last answer with input texts (loaded files' texts live in the worker).
    #[prop_or_default]
    pub worker_texts: Option<Rc<KeptTexts>>,
    /// Close the dialog.
    pub on_close: Callback<()>,
}

/// What the link will carry.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    PatternOnly,
    WithEvents,
}

/// The share dialog.
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let scope = use_state(|| {
        if props.for_challenge {
            Scope::WithEvents
        } else {
            Scope::PatternOnly
        }
    });
    let redacting = use_state(|| true);
    let copied = use_state(|| false);
    // Loaded files' texts are in the worker: asked for once the link is to carry events.
    let missing: Vec<u32> = props
        .state
        .files
        .iter()
        .filter(|f| f.text.is_none())
        .map(|f| f.id)
        .collect();
    let wanted = *scope == Scope::WithEvents && !missing.is_empty();
    let asked = use_state(|| None::<u64>);
    {
        let asked = asked.clone();
        use_effect_with((wanted, missing), move |(wanted, missing)| {
            asked.set(wanted.then(|| ask_texts(missing.clone())));
        });
    }
    let held = props
        .worker_texts
        .as_ref()
        .filter(|texts| Some(texts.rev) == *asked);
    let reading = wanted && held.is_none();
    let left_out: Vec<String> = held.map_or_else(Vec::new, |held| {
        props
            .state
            .files
            .iter()
            .filter(|f| held.left_out.contains(&f.id))
            .map(|f| {
                format!(
                    "{} ({})",
                    f.name,
                    crate::components::events_panel::size_label(f.size)
                )
            })
            .collect()
    });
    let mut full = props.state.to_snapshot_with(|id| {
        let (_, text) = held?.texts.iter().find(|(held_id, _)| *held_id == id)?;
        Some(text.clone())
    });
    let input_count =
        usize::from(!props.state.events_text.trim().is_empty()) + props.state.files.len();
    if props.for_challenge {
        // The solution never goes into a challenge link.
        full.pattern = String::new();
        full.selected = None;
    } else {
        full.challenge = None;
        full.example = None;
    }
    // Redacting and checking whether it changes results re-reads every event: once per choice,
    // not on every render of the dialog.
    let redacted = use_memo(
        (*scope == Scope::WithEvents && *redacting, full.clone()),
        |(wanted, full)| {
            wanted.then(|| {
                let redaction = redact(&crate::view_model::named(&full.events), &full.pattern);
                let changes_results =
                    crate::view_model::redaction_changes_results(full, &redaction);
                (Rc::new(redaction), changes_results)
            })
        },
    );
    let redaction: Option<Rc<Redaction>> = redacted.as_ref().as_ref().map(|(r, _)| r.clone());
    let changes_results = redacted
        .as_ref()
        .as_ref()
        .is_some_and(|(_, changes)| *changes);
    // Deflating the link is the dialog's heaviest step: once per choice, not per render.
    let fragment = use_memo(
        (
            *scope,
            full.clone(),
            redaction.as_ref().map(|r| crate::derived::ByPtr(r.clone())),
        ),
        |(scope, full, redaction)| {
            let snapshot = match (scope, redaction) {
                (Scope::PatternOnly, _) => share::pattern_only(full),
                (Scope::WithEvents, None) => full.clone(),
                (Scope::WithEvents, Some(r)) => Snapshot {
                    pattern: r.pattern.clone(),
                    events: r
                        .events
                        .iter()
                        .map(|e| share::SharedInput {
                            name: e.name.clone(),
                            text: e.text.clone(),
                        })
                        .collect(),
                    ..full.clone()
                },
            };
            // The same checks as opening the link: never offer a link EventPen would refuse
            // to open.
            match share::encode_checked(&snapshot) {
                Ok(fragment) => (fragment, None),
                Err(error) => (share::encode(&snapshot), Some(error)),
            }
        },
    );
    let (fragment, refused) = (*fragment).clone();
    let link = persist::link_for(&fragment);
    let too_long = refused.is_some() || link.len() > MAX_LINK_BYTES;
    let too_long_text = match &refused {
        Some(
            error @ ShareError::TooLarge {
                what: "content", ..
            },
        ) => format!("{error} Choose \"Pattern only\", or share fewer copies of the same events."),
        _ => format!(
            "This link is too long to share ({} KB; the limit is {} KB). Choose \"Pattern only\", or share fewer events.",
            link.len() / 1024,
            MAX_LINK_BYTES / 1024
        ),
    };
    let set_scope = |value: Scope| {
        let scope = scope.clone();
        let copied = copied.clone();
        Callback::from(move |_: Event| {
            scope.set(value);
            copied.set(false);
        })
    };
    let toggle_redact = {
        let redacting = redacting.clone();
        Callback::from(move |_: Event| redacting.set(!*redacting))
    };
    let copy = {
        let (link, fragment, copied) = (link.clone(), fragment.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            persist::replace_fragment(&fragment);
            copy_text(&link);
            copied.set(true);
        })
    };
    let heading = if props.for_challenge {
        "Share this challenge"
    } else {
        "Share this playground"
    };
    html! {
        <Modal heading_id="share-heading" {heading} on_close={props.on_close.clone()}>
                if props.for_challenge {
                    <p class="hint">{ "The link carries the events, their marks, the goal and the hints. Your pattern stays here: learners start from an empty pattern." }</p>
                }
                <fieldset>
                    <legend>{ "The link carries" }</legend>
                    <label class="choice"><input type="radio" name="share-scope" checked={*scope == Scope::PatternOnly}
                        onchange={set_scope(Scope::PatternOnly)} />{ " Pattern only (and rule settings)" }</label>
                    <label class="choice"><input type="radio" name="share-scope" checked={*scope == Scope::WithEvents}
                        onchange={set_scope(Scope::WithEvents)} />{ format!(" Pattern + events ({} input{})", input_count, if input_count == 1 { "" } else { "s" }) }</label>
                    if *scope == Scope::WithEvents {
                        <label class="choice"><input type="checkbox" checked={*redacting} onchange={toggle_redact} />
                            { " Redact account IDs, IP addresses, access keys, user and role names, e-mails and request IDs" }</label>
                    }
                </fieldset>
                if let Some(r) = &redaction {
                    <details class="redactions">
                        <summary>{ format!("{} value{} redacted", r.changes.len(), if r.changes.len() == 1 { "" } else { "s" }) }</summary>
                        <ul class="mono small">{ for r.changes.iter().take(100).map(|c| html! {
                            <li>{ format!("{}: {} → {} ({}×)", c.kind, c.original, c.replacement, c.count) }</li>
                        }) }</ul>
                    </details>
                    if changes_results {
                        <p class="notice warn" role="alert">{ "Redaction changes which events match: the pattern names a value that redaction replaced in only some places. Check the link's results, or share without redaction." }</p>
                    }
                }
                if !left_out.is_empty() {
                    <p class="notice warn" role="status">{ format!(
                        "Not in the link, too large to share this way: {}. Whoever opens the link adds {} themselves.",
                        left_out.join(", "),
                        if left_out.len() == 1 { "that file" } else { "those files" }
                    ) }</p>
                }
                if reading {
                    <p class="link-size" role="status">{ "Reading the loaded files for the link…" }</p>
                } else {
                    <p class="link-size">{ format!("Link length: {} characters", link.len()) }</p>
                }
                if reading {
                } else if too_long {
                    <p class="notice error" role="alert">{ too_long_text }</p>
                } else if link.len() > WARN_LINK_BYTES {
                    <p class="notice warn" role="status">{ "Over 8 KB: chat tools and some browsers cut long links. \"Pattern only\" is safer." }</p>
                }
                <label for="share-link">{ "Link" }</label>
                <textarea id="share-link" class="share-link" readonly=true value={if too_long || reading { String::new() } else { link.clone() }} />
                <div class="row">
                    <button type="button" class="primary" disabled={too_long || reading} onclick={copy}>{ "Copy link" }</button>
                    if *copied {
                        <span class="badge ok" role="status">{ "Copied — the address bar has it too" }</span>
                    }
                </div>
                <p class="hint">{ "The link keeps everything after the #, which browsers never send to a server." }</p>
        </Modal>
    }
}
