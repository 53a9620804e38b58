//! The App: the one `use_reducer`, everything derived with `use_memo`, and the effects that
//! touch the browser (local storage, the URL fragment, dropped files).
use crate::components::editor::Editor;
use crate::components::event_list::EventList;
use crate::components::events_panel::EventsInput;
use crate::components::export_panel::ExportPanel;
use crate::components::header::Header;
use crate::components::hints::Hints;
use crate::components::notices::Notices;
use crate::components::results::Results;
use crate::components::selected_event::SelectedEvent;
use crate::components::share_dialog::ShareDialog;
use crate::derived::{ByPtr, Matching};
use crate::startup;
use crate::state::{Action, State};
use crate::view_model;
use crate::{drop_files, persist};
use eventpen_pattern::Pattern;
use std::rc::Rc;
use yew::prelude::*;

/// The rule state read-only CloudTrail events need.
pub const READ_ONLY_STATE: &str = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

/// The whole playground.
#[component]
pub fn App() -> Html {
    let state = use_reducer(startup::initial_state);
    let share_open = use_state(|| false);

    // Derived data: computed from the state, never stored in it.
    let events = use_memo(
        (state.events_text.clone(), state.files.clone()),
        |(text, files)| view_model::derive_events(text, files),
    );
    let checked = use_memo(state.pattern.clone(), |pattern| {
        view_model::check_pattern(pattern)
    });
    let last_valid = use_mut_ref(|| None::<Pattern>);
    let matching = use_memo(
        (ByPtr(checked.clone()), events.rows.clone()),
        |(checked, rows)| {
            let (pattern, stale) = match &checked.checked.pattern {
                Some(pattern) => {
                    *last_valid.borrow_mut() = Some(pattern.clone());
                    (pattern.clone(), false)
                }
                None => match last_valid.borrow().clone() {
                    Some(pattern) => (pattern, true),
                    None => return None,
                },
            };
            let matched = rows.iter().map(|row| pattern.matches(&row.event)).collect();
            Some(ByPtr(Rc::new(Matching {
                pattern: Some(pattern),
                stale,
                matched,
            })))
        },
    );
    let hints = use_memo(
        (
            ByPtr(checked.clone()),
            ByPtr(events.clone()),
            matching.clone(),
        ),
        |(checked, events, matching)| {
            view_model::hints(checked, events, Option::as_ref(&**matching))
        },
    );
    let proposed_state = matching.as_ref().as_ref().and_then(|m| {
        let read_only = events
            .rows
            .iter()
            .zip(&m.matched)
            .any(|(row, matched)| *matched && row.note_codes.contains(&"read-only"));
        read_only.then_some(READ_ONLY_STATE)
    });

    use_keep_workspace(&state);
    drop_files::use_drop_anywhere(state.dispatcher());

    let dispatch = state.dispatcher();
    let on_pattern = send(&dispatch, Action::TypePattern);
    let on_history = send(
        &dispatch,
        |redo: bool| if redo { Action::Redo } else { Action::Undo },
    );
    let on_events_text = send(&dispatch, Action::SetEventsText);
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            drop_files::read_files(files, dispatch.clone())
        })
    };
    let on_share = {
        let share_open = share_open.clone();
        Callback::from(move |_| share_open.set(true))
    };
    let on_share_close = {
        let share_open = share_open.clone();
        Callback::from(move |_| share_open.set(false))
    };
    let pattern_text: Rc<str> = Rc::from(state.pattern.as_str());
    html! {
        <>
            <Header on_share={on_share} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                on_history={on_history.clone()} />
            <Notices notices={state.notices.clone()} on_dismiss={send(&dispatch, Action::Dismiss)}
                on_load={send(&dispatch, |s| Action::Load(Box::new(s)))} />
            <main class="workspace">
                <section class="pane events-pane" aria-labelledby="events-heading">
                    <EventsInput text={state.events_text.clone()} files={Rc::new(state.files.clone())}
                        problems={events.problems.clone()} on_text={on_events_text} {on_files}
                        on_remove={send(&dispatch, Action::RemoveFile)}
                        on_clear={send(&dispatch, |_| Action::ClearEvents)} />
                    <EventList events={events.rows.clone()} />
                </section>
                <section class="pane pattern-pane" aria-labelledby="pattern-heading">
                    <Editor id="pattern-text" label="Event pattern" heading_id="pattern-heading" value={pattern_text}
                        on_change={on_pattern} diagnostics={checked.diagnostics.clone()}
                        on_history={on_history}
                        hint="JSON, checked as you type. Ctrl+Z / Ctrl+Shift+Z undo and redo." />
                    <Hints hints={hints.clone()} />
                </section>
                <section class="pane results-pane" aria-labelledby="results-heading">
                    <h2 id="results-heading">{ "Results" }</h2>
                    <Results events={events.rows.clone()} matching={(*matching).clone()}
                        filter={state.filter} on_filter={send(&dispatch, Action::SetFilter)}
                        selected={state.selected} on_select={send(&dispatch, Action::Select)} />
                    if let Some(index) = state.selected.filter(|i| *i < events.rows.len()) {
                        <SelectedEvent index={index} events={events.rows.clone()}
                            matching={(*matching).clone()} on_close={send(&dispatch, |_| Action::Select(None))} />
                    }
                </section>
                    <section class="pane export-pane" aria-labelledby="export-heading">
                        <h2 id="export-heading">{ "Export" }</h2>
                        <ExportPanel pattern={checked.value.clone()} rule={state.rule.clone()}
                            on_rule={send(&dispatch, Action::SetRule)}
                            format={AttrValue::from(state.export_format.clone())}
                            on_format={send(&dispatch, Action::SetExportFormat)}
                            {proposed_state} account={events.account.clone()} region={events.region.clone()} />
                    </section>
            </main>
            if *share_open {
                <ShareDialog state={(*state).clone()} on_close={on_share_close} />
            }
            <footer class="site-footer">
                { "Your events never leave this page: EventPen runs entirely in your browser and makes no network requests." }
            </footer>
        </>
    }
}

/// Keep the workspace in local storage, a moment after the last change (typing stays fast).
#[hook]
fn use_keep_workspace(state: &UseReducerHandle<State>) {
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let dispatch = state.dispatcher();
    let deps = (
        state.pattern.clone(),
        state.events_text.clone(),
        state.files.clone(),
        state.rule.clone(),
        state.export_format.clone(),
        state.filter,
        state.selected,
    );
    let state = state.clone();
    use_effect_with(deps, move |_| {
        let dispatch = dispatch.clone();
        *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
            if let Err(message) = persist::save_local(&state.to_snapshot()) {
                dispatch.dispatch(Action::Notify(crate::state::Notice::new(
                    crate::state::NoticeKind::Warning,
                    message,
                )));
            }
        }));
    });
}

/// A callback that turns its input into an action and dispatches it.
fn send<T: 'static>(
    dispatch: &UseReducerDispatcher<State>,
    to_action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |input: T| dispatch.dispatch(to_action(input)))
}
