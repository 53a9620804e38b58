//! The App's callbacks, made once per page instead of once per render.
//!
//! Yew compares a `Callback` by identity: a callback built inside the App's render is a new
//! one every time, so every child it is handed to re-renders on every keystroke and on every
//! worker answer, whatever else it shows (the whole page's virtual DOM diffed, the lists'
//! layout measured again). These callbacks only dispatch actions or set view state, so one
//! copy serves every render, and a child re-renders only when what it shows changed.
use crate::share::SharedRule;
use crate::state::{Action, Filter, Notice, NoticeKind, State};
use crate::worker::wiring;
use yew::prelude::*;

/// Every callback of the App that turns its input into a state action.
#[derive(Clone, PartialEq)]
pub struct Handlers {
    /// Undo (`false`) or redo (`true`).
    pub on_history: Callback<bool>,
    /// A visual edit replaced the pattern.
    pub on_replace: Callback<String>,
    /// The user typed in the pattern editor.
    pub on_type: Callback<String>,
    /// The user's edit, as soon as the editor has it: the worker is asked at once.
    pub on_pattern_edit: Callback<String>,
    /// Start writing a challenge.
    pub on_author: Callback<()>,
    /// Dismiss notice `n`.
    pub on_dismiss: Callback<usize>,
    /// Open a snapshot (a notice's offer).
    pub on_load: Callback<crate::share::Snapshot>,
    /// The Events box changed.
    pub on_events_text: Callback<String>,
    /// Files were picked or dropped.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Remove file `n`.
    pub on_remove: Callback<usize>,
    /// Remove every event.
    pub on_clear: Callback<()>,
    /// Stop the load of input `id`.
    pub on_cancel: Callback<u32>,
    /// A paste too large for the Events box.
    pub on_large_paste: Callback<String>,
    /// Change the results filter.
    pub on_filter: Callback<Filter>,
    /// Select an event (or none).
    pub on_select: Callback<Option<usize>>,
    /// Close the selected event.
    pub on_close_selected: Callback<()>,
    /// Mark an event for a challenge.
    pub on_mark: Callback<(usize, Option<bool>)>,
    /// Change the rule settings.
    pub on_rule: Callback<SharedRule>,
    /// Change the export format.
    pub on_format: Callback<String>,
    /// The import box changed.
    pub on_import_text: Callback<String>,
    /// Import a rule: its pattern, its settings and what to tell the user.
    pub on_import: Callback<(String, SharedRule, String)>,
    /// The challenge's goal, hints, a hint shown, submit, leave.
    pub challenge: ChallengeHandlers,
}

/// The challenge panel's callbacks.
#[derive(Clone, PartialEq)]
pub struct ChallengeHandlers {
    /// Set the goal.
    pub on_goal: Callback<String>,
    /// Set the hints.
    pub on_hints: Callback<Vec<String>>,
    /// Show the next hint.
    pub on_hint: Callback<()>,
    /// Submit.
    pub on_submit: Callback<()>,
    /// Leave the challenge.
    pub on_leave: Callback<()>,
}

/// A callback that turns its input into an action and dispatches it.
pub fn send<T: 'static>(
    dispatch: &UseReducerDispatcher<State>,
    to_action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |input: T| {
        // Typed text waiting for its answer goes first: this action follows it.
        wiring::flush_typed(&dispatch);
        dispatch.dispatch(to_action(input))
    })
}

impl Handlers {
    /// Every handler, dispatching to `dispatch`.
    pub fn new(dispatch: &UseReducerDispatcher<State>) -> Handlers {
        let files = dispatch.clone();
        let pasted = dispatch.clone();
        let imported = dispatch.clone();
        let typed = dispatch.clone();
        Handlers {
            on_history: send(
                dispatch,
                |redo| if redo { Action::Redo } else { Action::Undo },
            ),
            on_replace: send(dispatch, Action::ReplacePattern),
            on_type: Callback::from(move |text| wiring::type_pattern(text, &typed)),
            on_pattern_edit: Callback::from(wiring::query_pattern),
            on_author: send(dispatch, |_| Action::StartAuthoring),
            on_dismiss: send(dispatch, Action::Dismiss),
            on_load: send(dispatch, |s| Action::Load(Box::new(s))),
            on_events_text: send(dispatch, Action::SetEventsText),
            on_files: Callback::from(move |list| {
                crate::drop_files::read_files(list, files.clone())
            }),
            on_remove: send(dispatch, Action::RemoveFile),
            on_clear: send(dispatch, |_| Action::ClearEvents),
            on_cancel: Callback::from(wiring::cancel),
            on_large_paste: Callback::from(move |text| wiring::add_pasted(text, &pasted)),
            on_filter: send(dispatch, Action::SetFilter),
            on_select: send(dispatch, Action::Select),
            on_close_selected: send(dispatch, |_| Action::Select(None)),
            on_mark: send(dispatch, |(i, m)| Action::Mark(i, m)),
            on_rule: send(dispatch, Action::SetRule),
            on_format: send(dispatch, Action::SetExportFormat),
            on_import_text: send(dispatch, Action::SetImportText),
            on_import: Callback::from(
                move |(pattern, rule, message): (String, SharedRule, String)| {
                    imported.dispatch(Action::Import { pattern, rule });
                    imported.dispatch(Action::Notify(Notice::new(NoticeKind::Info, message)));
                },
            ),
            challenge: ChallengeHandlers {
                on_goal: send(dispatch, Action::SetGoal),
                on_hints: send(dispatch, Action::SetHints),
                on_hint: send(dispatch, |_| Action::ShowHint),
                on_submit: send(dispatch, |_| Action::Submit),
                on_leave: send(dispatch, |_| Action::LeaveChallenge),
            },
        }
    }
}

/// The App's handlers, made on its first render and kept.
#[hook]
pub fn use_handlers(dispatch: &UseReducerDispatcher<State>) -> std::rc::Rc<Handlers> {
    let dispatch = dispatch.clone();
    use_memo((), move |_| Handlers::new(&dispatch))
}

/// A callback that sets a piece of view state (made once: setting needs no current value).
#[hook]
pub fn use_set<T: 'static>(state: &UseStateHandle<T>) -> Callback<T> {
    let setter = state.setter();
    (*use_memo((), move |_| {
        Callback::from(move |value: T| setter.set(value))
    }))
    .clone()
}
