//! The App: the one `use_reducer`, everything derived with `use_memo`, and the layout. Browser
//! effects live in `hooks`, the derivations in `view_model`.
use crate::components::builder::facets::Facets;
use crate::components::builder::pattern_tree::PatternTree;
use crate::components::builder::quick_start::QuickStart;
use crate::components::builder::wiring::{use_builder_pattern, use_facets, use_pick_menu};
use crate::components::challenge_panel::ChallengePanel;
use crate::components::charts::panel::ChartsPanel;
use crate::components::charts::wiring::use_charts;
use crate::components::editor::Editor;
use crate::components::event_list::EventList;
use crate::components::events_panel::EventsInput;
use crate::components::export_panel::ExportPanel;
use crate::components::gallery::Gallery;
use crate::components::header::Header;
use crate::components::hints::Hints;
use crate::components::import_rule::ImportRule;
use crate::components::notices::Notices;
use crate::components::results::Results;
use crate::components::selected_event::SelectedEvent;
use crate::components::share_dialog::ShareDialog;
use crate::components::target_input_panel::TargetInputPanel;
use crate::derived::{ByPtr, Matching};
use crate::state::{Action, State};
use crate::{drop_files, gallery, hooks, persist, startup, view_model};
use eventpen_pattern::Pattern;
use std::rc::Rc;
use yew::prelude::*;

/// The rule state read-only CloudTrail events need.
pub const READ_ONLY_STATE: &str = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

/// Which dialog is open.
#[derive(Clone, Copy, PartialEq)]
enum Dialog {
    Share,
    ShareChallenge,
    Gallery,
}

/// The whole playground.
#[component]
pub fn App() -> Html {
    let state = use_reducer(startup::initial_state);
    let dialog = use_state(|| None::<Dialog>);
    let presenter = use_state(|| false);
    let solved = use_state(hooks::load_solved);
    let examples = use_memo((), |_| crate::examples::all());

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
            if checked.blank {
                return None;
            }
            let (pattern, stale) = match &checked.checked.pattern {
                Some(pattern) => {
                    *last_valid.borrow_mut() = Some(pattern.clone());
                    (pattern.clone(), false)
                }
                None => (last_valid.borrow().clone()?, true),
            };
            let matched = eventpen_playground::verdicts(&pattern, rows);
            Some(ByPtr(Rc::new(Matching {
                pattern: Some(pattern),
                stale,
                matched,
            })))
        },
    );
    let scores = use_memo(
        (
            state.pattern.clone(),
            state.challenge.clone(),
            events.rows.clone(),
        ),
        |(pattern, challenge, rows)| {
            view_model::challenge_scores(pattern, challenge.as_ref(), rows)
        },
    );
    // Charts: on/off and the selected time range are view state (not saved, not undone).
    let charts_on = use_state(|| true);
    let range = use_state(|| None::<eventpen_playground::timeline::TimeRange>);
    let charts = use_charts(
        &events.rows,
        &matching,
        (*range).filter(|_| *charts_on),
        *charts_on,
    );
    {
        let range = range.clone();
        use_effect_with(events.rows.clone(), move |_| range.set(None));
    }
    let facets = use_facets(&events.index, &events.rows, charts.in_range.clone());
    let builder = use_builder_pattern(
        checked.value.clone().zip(checked.model.clone()),
        state.pattern.trim().is_empty(),
    );
    // Errors, warnings the events do not disprove, and tips: one call into the evaluation core.
    let listed = use_memo(
        (
            ByPtr(checked.clone()),
            ByPtr(events.clone()),
            matching.clone(),
        ),
        |(checked, events, matching)| {
            view_model::with_events(&state.pattern, checked, events, Option::as_ref(&**matching))
        },
    );
    let (diagnostics, hints) = (&listed.0, &listed.1);
    // The pattern editor's completion and per-clause counts, from the loaded events.
    let catalog = use_memo(ByPtr(events.index.clone()), |index| {
        Rc::new(eventpen_playground::Catalog::of(index))
    });
    let clause_counts =
        crate::components::editor::use_clause_counts(&checked, &events.rows, &events.index);
    let proposed_state = matching.as_ref().as_ref().and_then(|m| {
        let read_only = events
            .rows
            .iter()
            .zip(&m.matched)
            .any(|(row, matched)| *matched && row.note_codes.contains(&"read-only"));
        read_only.then_some(READ_ONLY_STATE)
    });

    let effective = use_memo(
        (
            state.rule.clone(),
            proposed_state,
            events.account.clone(),
            events.region.clone(),
        ),
        |(rule, proposed, account, region)| {
            crate::rule_settings::effective(rule, *proposed, account.as_deref(), region.as_deref())
        },
    );
    let rule_context = use_memo(effective.clone(), |effective| {
        crate::rule_settings::rule_context(&effective.settings)
    });

    hooks::use_keep_workspace(&state);
    hooks::use_follow_links(&state);
    hooks::use_body_class("presenter", *presenter);
    drop_files::use_drop_anywhere(state.dispatcher());
    {
        // Remember solved gallery examples in this browser.
        let solved = solved.clone();
        let example = state.challenge.as_ref().and_then(|c| c.example.clone());
        let done = scores
            .as_ref()
            .as_ref()
            .is_some_and(|(s, hidden)| s.solved && hidden.as_ref().is_none_or(|h| h.solved));
        use_effect_with((example, done), move |(example, done)| {
            if let (Some(id), true) = (example, done)
                && !solved.contains(id)
            {
                let mut next = (*solved).clone();
                next.push(id.clone());
                hooks::save_solved(&next);
                solved.set(next);
            }
        });
    }

    let dispatch = state.dispatcher();
    let on_history = send(
        &dispatch,
        |redo: bool| if redo { Action::Redo } else { Action::Undo },
    );
    let on_replace = send(&dispatch, Action::ReplacePattern);
    let (on_pick, pick_menu) = use_pick_menu(&builder, on_replace.clone());
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            drop_files::read_files(files, dispatch.clone())
        })
    };
    let open = |which: Option<Dialog>| {
        let dialog = dialog.clone();
        Callback::from(move |_: ()| dialog.set(which))
    };
    let on_open_example = {
        let (dispatch, dialog) = (dispatch.clone(), dialog.clone());
        Callback::from(move |id: String| {
            if let Some(example) = crate::examples::by_id(&id) {
                dispatch.dispatch(Action::Load(Box::new(gallery::example_snapshot(&example))));
                persist::replace_fragment(&gallery::example_fragment(&id));
            }
            dialog.set(None);
        })
    };
    let on_presenter = {
        let presenter = presenter.clone();
        Callback::from(move |_: ()| presenter.set(!*presenter))
    };
    let challenge_example = state
        .challenge
        .as_ref()
        .and_then(|c| c.example.as_deref())
        .and_then(crate::examples::by_id);
    let marks = state
        .challenge
        .as_ref()
        .map(|c| Rc::new(c.expectations.clone()));
    let authoring = state.challenge.as_ref().is_some_and(|c| c.authoring);
    html! {
        <>
            <Header on_share={open(Some(Dialog::Share))} on_gallery={open(Some(Dialog::Gallery))}
                on_author={send(&dispatch, |_| Action::StartAuthoring)} on_presenter={on_presenter}
                presenter={*presenter} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                on_history={on_history.clone()} />
            <Notices notices={state.notices.clone()} on_dismiss={send(&dispatch, Action::Dismiss)}
                on_load={send(&dispatch, |s| Action::Load(Box::new(s)))} />
            if let (Some(challenge), Some((score, hidden))) = (&state.challenge, scores.as_ref()) {
                <ChallengePanel challenge={challenge.clone()} example={challenge_example}
                    score={score.clone()} hidden_score={hidden.clone()}
                    on_goal={send(&dispatch, Action::SetGoal)} on_hints={send(&dispatch, Action::SetHints)}
                    on_hint={send(&dispatch, |_| Action::ShowHint)} on_submit={send(&dispatch, |_| Action::Submit)}
                    on_solution={send(&dispatch, Action::ReplacePattern)}
                    on_leave={send(&dispatch, |_| Action::LeaveChallenge)}
                    on_share={open(Some(Dialog::ShareChallenge))} />
            }
            <main class="workspace">
                <section class="pane events-pane" aria-labelledby="events-heading">
                    <EventsInput text={state.events_text.clone()} files={Rc::new(state.files.clone())}
                        problems={events.problems.clone()} on_text={send(&dispatch, Action::SetEventsText)} {on_files}
                        on_remove={send(&dispatch, Action::RemoveFile)}
                        on_clear={send(&dispatch, |_| Action::ClearEvents)} />
                    <Facets facets={facets.facets.clone()} pattern={builder.pattern.clone()} in_pattern={builder.in_pattern.clone()} stale={builder.stale}
                        on_replace={on_replace.clone()} />
                    <EventList events={events.rows.clone()} on_pick={on_pick.clone()} in_pattern={builder.in_pattern.clone()} />
                </section>
                <section class="pane pattern-pane" aria-labelledby="pattern-heading">
                    <Editor id="pattern-text" label="Event pattern" heading_id="pattern-heading"
                        value={Rc::<str>::from(state.pattern.as_str())}
                        on_change={send(&dispatch, Action::TypePattern)} on_apply_fix={send(&dispatch, Action::ReplacePattern)} diagnostics={(*diagnostics).clone()}
                        on_history={on_history} tips={hints.clone()} catalog={(*catalog).clone()}
                        clause_counts={clause_counts}
                        hint={html! { "JSON, checked as you type; Ctrl+Space completes from your events, Ctrl+. applies the fix at the cursor. Tab indents: press Escape then Tab to leave the editor. Ctrl+Z / Ctrl+Shift+Z undo and redo." }}
                        placeholder={"{ \"source\": [\"aws.ec2\"] }  — or click a value in an event to start"} />
                    <Hints hints={hints.clone()} on_apply={send(&dispatch, Action::ReplacePattern)} />
                    <PatternTree pattern={builder.pattern.clone()} model={builder.model.clone()} stale={builder.stale}
                        paths={facets.paths.clone()} on_replace={on_replace.clone()} />
                </section>
                <section class="pane results-pane" aria-labelledby="results-heading">
                    <h2 id="results-heading">{ "Results" }</h2>
                    <ChartsPanel on={*charts_on} on_toggle={{ let on = charts_on.clone(); Callback::from(move |v| on.set(v)) }}
                        timeline={charts.timeline.clone()} breakdown={charts.breakdown.clone()} range={*range}
                        on_range={{ let range = range.clone(); Callback::from(move |r| range.set(r)) }}
                        pattern={builder.pattern.clone()} stale={builder.stale} on_replace={on_replace.clone()} />
                    <Results events={events.rows.clone()} matching={(*matching).clone()}
                        filter={state.filter} on_filter={send(&dispatch, Action::SetFilter)}
                        selected={state.selected} on_select={send(&dispatch, Action::Select)}
                        marks={marks} authoring={authoring} in_range={charts.in_range.clone()}
                        on_mark={send(&dispatch, |(i, m)| Action::Mark(i, m))} />
                    if let Some(index) = state.selected.filter(|i| *i < events.rows.len()) {
                        <SelectedEvent index={index} events={events.rows.clone()}
                            matching={(*matching).clone()} on_close={send(&dispatch, |_| Action::Select(None))}
                            {on_pick} in_pattern={builder.in_pattern.clone()} />
                        <QuickStart event={events.rows[index].event.clone()} disabled={builder.stale}
                            on_replace={on_replace.clone()} />
                    }
                </section>
                <section class="pane export-pane" aria-labelledby="export-heading">
                    <h2 id="export-heading">{ "Export" }</h2>
                    <ExportPanel pattern={checked.model.clone()} rule={state.rule.clone()}
                        on_rule={send(&dispatch, Action::SetRule)}
                        format={AttrValue::from(state.export_format.clone())}
                        on_format={send(&dispatch, Action::SetExportFormat)}
                        {proposed_state} effective={effective.clone()} />
                    <TargetInputPanel rule={state.rule.clone()} on_rule={send(&dispatch, Action::SetRule)}
                        events={events.rows.clone()} matching={(*matching).clone()} context={rule_context.clone()} />
                    <ImportRule text={AttrValue::from(state.import_text.clone())}
                        on_text={send(&dispatch, Action::SetImportText)}
                        on_import={{
                            let dispatch = dispatch.clone();
                            Callback::from(move |(pattern, rule, message): (String, crate::share::SharedRule, String)| {
                                dispatch.dispatch(Action::Import { pattern, rule });
                                dispatch.dispatch(Action::Notify(crate::state::Notice::new(crate::state::NoticeKind::Info, message)));
                            })
                        }} />
                </section>
            </main>
            if let Some(which) = *dialog {
                if which == Dialog::Gallery {
                    <Gallery examples={examples.clone()} solved={Rc::new((*solved).clone())}
                        on_open={on_open_example} on_close={open(None)} />
                } else {
                    <ShareDialog state={(*state).clone()} for_challenge={which == Dialog::ShareChallenge}
                        on_close={open(None)} />
                }
            }
            { pick_menu }
            <footer class="site-footer">
                { "Your events never leave this page: EventPen runs entirely in your browser and makes no network requests." }
            </footer>
        </>
    }
}

/// A callback that turns its input into an action and dispatches it.
fn send<T: 'static>(
    dispatch: &UseReducerDispatcher<State>,
    to_action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |input: T| dispatch.dispatch(to_action(input)))
}
