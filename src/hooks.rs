//! The App's browser effects, each a hook: keep the workspace in local storage, keep the address
//! bar on the work (throttled, `replaceState`, never a history entry per keystroke), follow a link
//! pasted into an open tab, and remember solved challenges.
use crate::persist;
use crate::startup::{address_bar_fragment, left_out_notices, resolve};
use crate::state::{Action, Notice, NoticeKind, State};
use gloo::events::EventListener;
use gloo::storage::Storage;
use gloo::timers::callback::Timeout;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the last change the address bar is updated.
const ADDRESS_BAR_DELAY_MS: u32 = 750;
/// How long after the last change the workspace is kept.
const KEEP_DELAY_MS: u32 = 400;
const SOLVED_KEY: &str = "eventpen.solved.v1";

/// The parts of the state that are worth keeping, as memo/effect dependencies (cheap: Rc texts).
fn kept_parts(state: &State) -> impl PartialEq + 'static {
    (
        state.pattern.clone(),
        state.events_text.clone(),
        state.files.clone(),
        state.rule.clone(),
        state.export_format.clone(),
        state.filter,
        state.selected,
        state.challenge.clone(),
    )
}

/// Keep the workspace in local storage, and the address bar on the work.
#[hook]
pub fn use_keep_workspace(state: &UseReducerHandle<State>) {
    let keep_timer = use_mut_ref(|| None::<Timeout>);
    // A workspace too big for local storage says so once; then saving stops.
    let gave_up = use_mut_ref(|| false);
    let bar_timer = use_mut_ref(|| None::<Timeout>);
    let dispatch = state.dispatcher();
    let state = state.clone();
    use_effect_with(kept_parts(&state), move |_| {
        // Snapshots are taken when the timers fire, not per keystroke: events can be megabytes.
        let kept = state.clone();
        if !*gave_up.borrow() {
            *keep_timer.borrow_mut() = Some(Timeout::new(KEEP_DELAY_MS, move || {
                if let Err(message) = persist::save_local(&kept.to_snapshot()) {
                    *gave_up.borrow_mut() = true;
                    dispatch.dispatch(Action::Notify(Notice::new(NoticeKind::Warning, message)));
                }
            }));
        }
        *bar_timer.borrow_mut() = Some(Timeout::new(ADDRESS_BAR_DELAY_MS, move || {
            persist::replace_fragment(&address_bar_fragment(&state.to_snapshot()));
        }));
    });
}

/// When the user pastes a link into the address bar of an open tab (a `hashchange`, no
/// reload), open it — offering the current work back, as on start-up.
#[hook]
pub fn use_follow_links(state: &UseReducerHandle<State>) {
    // The latest state, snapshotted only when a link arrives (a snapshot copies the pasted
    // events: never per render).
    let current = use_mut_ref(|| state.clone());
    *current.borrow_mut() = state.clone();
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            let Some(fragment) = persist::fragment() else {
                return;
            };
            // Typed text waiting for its answer goes first: the link replaces it, not after.
            crate::worker::wiring::flush_typed(&dispatch);
            let own = current.borrow().to_snapshot();
            if address_bar_fragment(&own).trim_start_matches('#') == fragment {
                return;
            }
            match resolve(&fragment) {
                Ok(linked) => {
                    let capped = left_out_notices(&linked);
                    dispatch.dispatch(Action::Load(Box::new(linked)));
                    for notice in capped {
                        dispatch.dispatch(Action::Notify(notice));
                    }
                    dispatch.dispatch(Action::Notify(Notice::with_offer(
                        NoticeKind::Info,
                        "You opened a link. Your work from before is kept — bring it back at any time.",
                        "Restore my work",
                        own,
                    )));
                }
                Err(message) => {
                    dispatch.dispatch(Action::Notify(Notice::new(NoticeKind::Error, message)))
                }
            }
        });
        move || drop(listener)
    });
}

/// The ids of examples solved in this browser.
pub fn load_solved() -> Vec<String> {
    gloo::storage::LocalStorage::get::<Vec<String>>(SOLVED_KEY).unwrap_or_default()
}

/// Remember that example `id` was solved.
pub fn save_solved(solved: &[String]) {
    let _ = gloo::storage::LocalStorage::set(SOLVED_KEY, solved);
}

/// Toggle a class on the body (presenter view restyles the whole page).
#[hook]
pub fn use_body_class(class: &'static str, on: bool) {
    use_effect_with(on, move |on| {
        let body = gloo::utils::body();
        let _ = if *on {
            body.class_list().add_1(class)
        } else {
            body.class_list().remove_1(class)
        };
    });
}

/// A callback that adds an index to the set in `set` or, when it is there, removes it (which
/// events are open, which fields are expanded). Made again only when the set changed, so the
/// list it is handed to does not re-render for nothing.
#[hook]
pub fn use_toggle_in(set: &UseStateHandle<Rc<BTreeSet<usize>>>) -> Callback<usize> {
    let handle = set.clone();
    use_callback(
        crate::derived::ByPtr((**set).clone()),
        move |index: usize, current| {
            let mut next = (**current).clone();
            if !next.remove(&index) {
                next.insert(index);
            }
            handle.set(Rc::new(next));
        },
    )
}
