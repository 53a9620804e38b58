//! The App: the one `use_reducer`, everything derived with `use_memo`, and the layout. Browser
//! effects live in `hooks`, the derivations in `view_model`.
use crate::components::builder::facets::Facets;
use crate::components::builder::pattern_tree::PatternTree;
use crate::components::builder::quick_start::QuickStart;
use crate::components::builder::wiring::{use_builder_pattern, use_pick_menu};
use crate::components::challenge_panel::ChallengePanel;
use crate::components::charts::panel::ChartsPanel;
use crate::components::charts::wiring::use_charts;
use crate::components::editor::Editor;
use crate::components::event_list::EventList;
use crate::components::events_panel::EventsInput;
use crate::components::events_panel::ProblemView;
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
use crate::components::virtual_list::FIRST_WINDOW;
use crate::derived::{ByPtr, use_answer_part};
use crate::handlers::{use_handlers, use_set};
use crate::state::Action;
use crate::worker::protocol::Query;
use crate::worker::wiring::{use_query, use_worker};
use crate::{drop_files, gallery, hooks, persist, startup, view_model};
use eventpen_playground::session::ListFilter;
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

    // The events live in the worker: it answers what the page shows (counts, rows on screen,
    // open events, charts, facets, tips); the pattern is also checked here, at once, for the
    // editor, the builder and the exports.
    let restore = *use_memo((), |_| startup::opens_own_work());
    let worker = use_worker(&state, restore);
    let checked = use_memo(state.pattern.clone(), |pattern| {
        view_model::check_pattern(pattern)
    });
    // Charts: on/off and the selected time range are view state (not saved, not undone).
    let charts_on = use_state(|| true);
    let range = use_state(|| None::<eventpen_playground::timeline::TimeRange>);
    // The windows of rows the two lists last asked for (they ask as they scroll).
    let results_window = use_state(|| FIRST_WINDOW);
    let events_window = use_state(|| FIRST_WINDOW);
    let open_events = use_state(|| Rc::new(std::collections::BTreeSet::<usize>::new()));
    {
        // New events: the range, the windows and the open events start afresh.
        let (range, open_events) = (range.clone(), open_events.clone());
        let (results_window, events_window) = (results_window.clone(), events_window.clone());
        use_effect_with(
            (state.events_text.clone(), state.files.clone()),
            move |_| {
                range.set(None);
                open_events.set(Rc::default());
                results_window.set(FIRST_WINDOW);
                events_window.set(FIRST_WINDOW);
            },
        );
    }
    let mut details: Vec<usize> = state.selected.into_iter().collect();
    details.extend(open_events.iter().filter(|i| Some(**i) != state.selected));
    use_query(Query {
        rev: 0,
        pattern: state.pattern.clone(),
        range: (*range).filter(|_| *charts_on),
        charts: *charts_on,
        filter: match state.filter {
            crate::state::Filter::All => ListFilter::All,
            crate::state::Filter::Matched => ListFilter::Matched,
            crate::state::Filter::NotMatched => ListFilter::NotMatched,
        },
        results: *results_window,
        events: *events_window,
        details,
        marks: state.challenge.as_ref().map(|c| c.expectations.clone()),
    });
    let answer = worker.answer.clone().map(ByPtr);
    let evaluation = answer.as_ref().map(|a| &a.evaluation);
    let event_count = evaluation.map_or(0, |e| e.total);
    let hidden = use_memo(
        (state.pattern.clone(), state.challenge.clone()),
        |(pattern, challenge)| view_model::hidden_score(pattern, challenge.as_ref()),
    );
    let scores = state.challenge.as_ref().and_then(|_| {
        let score = answer.as_ref()?.score.clone()?;
        Some((score, (*hidden).clone()))
    });
    let charts = use_charts(&worker.charts, *charts_on);
    let builder = use_builder_pattern(
        checked.value.clone().zip(checked.model.clone()),
        state.pattern.trim().is_empty(),
    );
    // Errors, warnings the events do not disprove, and tips: the worker's, once it answered
    // for this text; until then the local check's (the tips of the last answer stay).
    let advice = use_memo(answer.clone(), |answer| {
        answer
            .as_ref()
            .map(|a| (a.pattern.clone(), view_model::advice_views(a)))
    });
    let (diagnostics, hints) = match &*advice {
        Some((pattern, (listed, tips))) if *pattern == state.pattern && !checked.blank => {
            (listed.clone(), tips.clone())
        }
        Some((_, (_, tips))) if !checked.blank => (checked.diagnostics.clone(), tips.clone()),
        _ => (checked.diagnostics.clone(), Rc::new(Vec::new())),
    };
    let (diagnostics, hints) = (&diagnostics, &hints);
    let proposed_state = evaluation
        .filter(|e| e.read_only_matched)
        .map(|_| READ_ONLY_STATE);
    let problems = use_memo(ByPtr(worker.inputs.clone()), |inputs| {
        Rc::new(
            inputs
                .iter()
                .flat_map(|i| {
                    i.problems
                        .iter()
                        .map(move |p| (i.name == crate::state::PASTED, p))
                })
                .map(|(pasted, p)| ProblemView {
                    is_error: p.is_error,
                    text: p.text.clone(),
                    pasted_offset: p.offset.filter(|_| pasted),
                })
                .collect::<Vec<_>>(),
        )
    });
    // The pattern editor's completion (from the worker's field index) and its per-clause
    // counts (the column matcher's, shown only on the text they were counted for).
    let catalog = use_memo(ByPtr(worker.facets.clone()), |facets| {
        Rc::new(eventpen_playground::Catalog::of(facets))
    });
    let clause_counts = use_memo(
        (answer.clone(), state.pattern.clone()),
        |(answer, pattern)| {
            Rc::new(
                answer
                    .as_ref()
                    .filter(|a| a.pattern == *pattern)
                    .map(|a| {
                        a.evaluation
                            .clause_counts
                            .iter()
                            .map(|&(start, end, events)| (start..end, events))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default(),
            )
        },
    );

    let effective = use_memo(
        (
            state.rule.clone(),
            proposed_state,
            evaluation.and_then(|e| e.account.clone()),
            evaluation.and_then(|e| e.region.clone()),
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
    // One copy of each callback for the page's life (see `handlers`): a child re-renders only
    // when what it shows changed.
    let handlers = use_handlers(&dispatch);
    let on_history = handlers.on_history.clone();
    let on_replace = handlers.on_replace.clone();
    let (on_pick, pick_menu) = use_pick_menu(&builder, on_replace.clone());
    let files = use_memo(state.files.clone(), |files| Rc::new(files.clone()));
    let ask_results = use_set(&results_window);
    let ask_events = use_set(&events_window);
    let on_charts = use_set(&charts_on);
    let on_range = use_set(&range);
    let on_toggle_event = hooks::use_toggle_in(&open_events);
    let selected_detail = state.selected.and_then(|i| {
        let answer = answer.as_ref()?;
        let detail = answer.details.iter().find(|d| d.row.index == i)?;
        Some(Rc::new(detail.clone()))
    });
    let details = use_answer_part(answer.clone(), |a| &a.details);
    let dialogs = {
        let set_dialog = use_set(&dialog);
        use_memo((), move |_| {
            let open = |which: Option<Dialog>| set_dialog.reform(move |_: ()| which);
            [
                open(Some(Dialog::Share)),
                open(Some(Dialog::Gallery)),
                open(Some(Dialog::ShareChallenge)),
                open(None),
            ]
        })
    };
    let [on_share, on_gallery, on_share_challenge, on_close_dialog] = (*dialogs).clone();
    let on_open_example = {
        let (dispatch, dialog) = (dispatch.clone(), dialog.setter());
        use_memo((), move |_| {
            Callback::from(move |id: String| {
                if let Some(example) = crate::examples::by_id(&id) {
                    crate::worker::wiring::flush_typed(&dispatch);
                    dispatch.dispatch(Action::Load(Box::new(gallery::example_snapshot(&example))));
                    persist::replace_fragment(&gallery::example_fragment(&id));
                }
                dialog.set(None);
            })
        })
    };
    let on_presenter = {
        let presenter = presenter.clone();
        use_callback(*presenter, move |_: (), on| presenter.set(!*on))
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
            <Header on_share={on_share} on_gallery={on_gallery}
                on_author={handlers.on_author.clone()} on_presenter={on_presenter}
                presenter={*presenter} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                on_history={on_history.clone()} />
            <Notices notices={state.notices.clone()} on_dismiss={handlers.on_dismiss.clone()}
                on_load={handlers.on_load.clone()} />
            if let (Some(challenge), Some((score, hidden))) = (&state.challenge, scores.as_ref()) {
                <ChallengePanel challenge={challenge.clone()} example={challenge_example}
                    score={score.clone()} hidden_score={hidden.clone()}
                    on_goal={handlers.challenge.on_goal.clone()} on_hints={handlers.challenge.on_hints.clone()}
                    on_hint={handlers.challenge.on_hint.clone()} on_submit={handlers.challenge.on_submit.clone()}
                    on_solution={on_replace.clone()}
                    on_leave={handlers.challenge.on_leave.clone()}
                    on_share={on_share_challenge} />
            }
            <main class="workspace">
                <section class="pane events-pane" aria-labelledby="events-heading">
                    <EventsInput text={state.events_text.clone()} files={(*files).clone()}
                        problems={(*problems).clone()} on_text={handlers.on_events_text.clone()} on_files={handlers.on_files.clone()}
                        on_remove={handlers.on_remove.clone()}
                        on_clear={handlers.on_clear.clone()}
                        loads={Rc::new(worker.loads.clone())} on_cancel={handlers.on_cancel.clone()}
                        on_large_paste={handlers.on_large_paste.clone()} />
                    <Facets facets={worker.facets.clone()} pattern={builder.pattern.clone()} in_pattern={builder.in_pattern.clone()} stale={builder.stale}
                        on_replace={on_replace.clone()} />
                    <EventList samples={state.samples} count={event_count} page={worker.events.clone()} details={details.clone()}
                        open={(*open_events).clone()} on_toggle={on_toggle_event}
                        window={*events_window} on_window={ask_events}
                        on_pick={on_pick.clone()} in_pattern={builder.in_pattern.clone()} />
                </section>
                <section class="pane pattern-pane" aria-labelledby="pattern-heading">
                    <Editor id="pattern-text" label="Event pattern" heading_id="pattern-heading"
                        value={Rc::<str>::from(state.pattern.as_str())}
                        on_change={handlers.on_type.clone()} on_edit={handlers.on_pattern_edit.clone()} on_apply_fix={on_replace.clone()} diagnostics={(*diagnostics).clone()}
                        on_history={on_history} tips={hints.clone()} catalog={(*catalog).clone()}
                        clause_counts={(*clause_counts).clone()}
                        hint={html! { "JSON, checked as you type; Ctrl+Space completes from your events, Ctrl+. applies the fix at the cursor. Tab indents: press Escape then Tab to leave the editor. Ctrl+Z / Ctrl+Shift+Z undo and redo." }}
                        placeholder={"{ \"source\": [\"aws.ec2\"] }  — or click a value in an event to start"} />
                    <Hints hints={hints.clone()} on_apply={on_replace.clone()} />
                    <PatternTree pattern={builder.pattern.clone()} model={builder.model.clone()} stale={builder.stale}
                        paths={worker.paths.clone()} on_replace={on_replace.clone()} />
                </section>
                <section class="pane results-pane" aria-labelledby="results-heading">
                    <h2 id="results-heading">{ "Results" }</h2>
                    <ChartsPanel on={*charts_on} on_toggle={on_charts}
                        timeline={charts.timeline.clone()} breakdown={charts.breakdown.clone()} range={*range}
                        {on_range}
                        pattern={builder.pattern.clone()} stale={builder.stale} on_replace={on_replace.clone()}
                        loaded={event_count} />
                    <Results answer={answer.clone()}
                        filter={state.filter} on_filter={handlers.on_filter.clone()}
                        selected={state.selected} on_select={handlers.on_select.clone()}
                        window={*results_window} on_window={ask_results}
                        marks={marks} authoring={authoring}
                        on_mark={handlers.on_mark.clone()} />
                    if let Some(detail) = selected_detail {
                        <SelectedEvent detail={detail.clone()} on_close={handlers.on_close_selected.clone()}
                            {on_pick} in_pattern={builder.in_pattern.clone()} />
                        <QuickStart event={Rc::new(detail.event.clone())} disabled={builder.stale}
                            on_replace={on_replace.clone()} />
                    }
                </section>
                <section class="pane export-pane" aria-labelledby="export-heading">
                    <h2 id="export-heading">{ "Export" }</h2>
                    <ExportPanel pattern={checked.model.clone()} rule={state.rule.clone()}
                        on_rule={handlers.on_rule.clone()}
                        format={AttrValue::from(state.export_format.clone())}
                        on_format={handlers.on_format.clone()}
                        {proposed_state} effective={effective.clone()} />
                    <TargetInputPanel rule={state.rule.clone()} on_rule={handlers.on_rule.clone()}
                        preview={worker.preview.clone()} matched={evaluation.map_or(0, |e| e.matched)} context={rule_context.clone()} />
                    <ImportRule text={AttrValue::from(state.import_text.clone())}
                        on_text={handlers.on_import_text.clone()}
                        on_import={handlers.on_import.clone()} />
                </section>
            </main>
            if let Some(which) = *dialog {
                if which == Dialog::Gallery {
                    <Gallery examples={examples.clone()} solved={Rc::new((*solved).clone())}
                        on_open={(*on_open_example).clone()} on_close={on_close_dialog.clone()} />
                } else {
                    <ShareDialog state={(*state).clone()} for_challenge={which == Dialog::ShareChallenge}
                        worker_texts={worker.texts.clone()} on_close={on_close_dialog.clone()} />
                }
            }
            { pick_menu }
            <footer class="site-footer">
                { "Your events never leave this page: EventPen runs entirely in your browser and makes no network requests." }
            </footer>
        </>
    }
}
