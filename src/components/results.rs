//! The Results region: "3 of 120 events match", a filter, and one row per event that reads
//! Matched or Not matched — each non-match says why, clause by clause, from the engine's
//! explanation (computed only for the rows on screen). The rows are a virtualised list: the
//! worker sends the window in view.
use crate::components::virtual_list::VirtualList;
use crate::derived::ByPtr;
use crate::state::Filter;
use crate::worker::protocol::Answer;
use eventpen_playground::session::RowView;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The worker's latest answer (none before the first).
    pub answer: Option<ByPtr<Answer>>,
    /// The filter.
    pub filter: Filter,
    /// Called to change the filter.
    pub on_filter: Callback<Filter>,
    /// The selected event.
    pub selected: Option<usize>,
    /// Called to select an event.
    pub on_select: Callback<Option<usize>>,
    /// The window of rows (offset, count) last asked of the worker.
    #[prop_or_default]
    pub window: (usize, usize),
    /// Called with the window of rows to ask the worker for (the list scrolled).
    #[prop_or_default]
    pub on_window: Callback<(usize, usize)>,
    /// Challenge marks per event (must match / must not / unmarked), when a challenge is on.
    #[prop_or_default]
    pub marks: Option<Rc<Vec<Option<bool>>>>,
    /// Whether marks are editable (an instructor writing a challenge).
    #[prop_or_default]
    pub authoring: bool,
    /// Mark event `n`.
    #[prop_or_default]
    pub on_mark: Callback<(usize, Option<bool>)>,
}

/// Summary, filter and result rows.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let Some(answer) = &props.answer else {
        return html! { <p class="empty">{ "Loading…" }</p> };
    };
    let evaluation = &answer.evaluation;
    let page = &answer.results;
    if evaluation.total == 0 {
        return html! { <p class="empty">{ "No events loaded yet. Paste or drop CloudTrail records or EventBridge events in Events." }</p> };
    }
    if !evaluation.has_verdicts {
        // No pattern yet: list the events so one can be selected and a pattern started from it.
        return html! {
            <>
                <p class="empty">{ "Write an event pattern to see which events match — or select an event and start a pattern from it." }</p>
                { result_list(props, &answer.0) }
            </>
        };
    }
    let (all_matched, all_total) = (evaluation.matched, evaluation.total);
    let (total, matched_count) = evaluation.in_range.unwrap_or((all_total, all_matched));
    let filter_button = |filter: Filter, label: String| {
        let on_filter = props.on_filter.clone();
        html! {
            <button type="button" aria-pressed={(props.filter == filter).to_string()}
                onclick={Callback::from(move |_: MouseEvent| on_filter.emit(filter))}>{ label }</button>
        }
    };
    html! {
        <>
            <p class="summary" role="status" aria-live="polite">
                <strong>{ format!("{matched_count} of {total} event{} match", if total == 1 { "" } else { "s" }) }</strong>
                if evaluation.in_range.is_some() {
                    <span class="muted">{ format!(" in the selected time range ({all_matched} of {all_total} in all)") }</span>
                }
                if evaluation.stale {
                    <span class="badge warn">{ "results of the last valid pattern" }</span>
                }
            </p>
            <div class="segmented" role="group" aria-label="Show">
                { filter_button(Filter::All, format!("All ({total})")) }
                { filter_button(Filter::Matched, format!("Matched ({matched_count})")) }
                { filter_button(Filter::NotMatched, format!("Not matched ({})", total - matched_count)) }
            </div>
            if page.total == 0 {
                <p class="empty">{ match props.filter {
                    Filter::Matched => "No event matches this pattern.",
                    _ => "Every event matches this pattern.",
                } }</p>
            }
            if page.total > 0 {
                { result_list(props, &answer.0) }
            }
        </>
    }
}

/// What a row needs from the props (owned, for the list's row callback).
#[derive(Clone)]
struct RowContext {
    selected: Option<usize>,
    on_select: Callback<Option<usize>>,
    marks: Option<Rc<Vec<Option<bool>>>>,
    authoring: bool,
    on_mark: Callback<(usize, Option<bool>)>,
}

/// The rows of the answer's window in a virtualised list of all the rows the filter keeps.
fn result_list(props: &ResultsProps, answer: &Rc<Answer>) -> Html {
    let page = &answer.results;
    let context = RowContext {
        selected: props.selected,
        on_select: props.on_select.clone(),
        marks: props.marks.clone(),
        authoring: props.authoring,
        on_mark: props.on_mark.clone(),
    };
    let rows = answer.clone();
    let render = Callback::from(move |i: usize| {
        let page = &rows.results;
        let event = i
            .checked_sub(page.offset)
            .and_then(|at| page.rows.get(at))?;
        Some(row(&context, event))
    });
    // Another filter or other events: the list starts again at its top.
    let generation = (answer.evaluation.total as u64) << 2 | props.filter as u64;
    html! {
        <VirtualList label="Result list" class="result-list" total={page.total} row_px={64.0}
            row={render} loaded={(page.offset, page.rows.len())} asked={props.window}
            on_window={props.on_window.clone()} {generation} />
    }
}

fn row(props: &RowContext, event: &RowView) -> Html {
    let index = event.index;
    let verdict = event.verdict;
    let matched = verdict.unwrap_or(false);
    let selected = props.selected == Some(index);
    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| {
            on_select.emit(if selected { None } else { Some(index) })
        })
    };
    let status = verdict.map(|m| if m { "Matched" } else { "Not matched" });
    let class = verdict.map(|m| if m { "is-match" } else { "is-miss" });
    html! {
        <div class={classes!("result", class, selected.then_some("selected"))}>
            // Named by its visible text ("Matched #1 RunInstances …"): a label that differs
            // from what is shown fails speech input users (WCAG 2.5.3).
            <button type="button" class="result-head" aria-pressed={selected.to_string()} {onclick}>
                if let Some(status) = status {
                    <span class={classes!("badge", if matched { "ok" } else { "bad" })}>{ status }</span>
                }
                <span class="result-title">{ format!("#{} {}", index + 1, event.title) }</span>
                <span class="muted result-meta">{ [&event.source, &event.time].iter().filter(|s| !s.is_empty()).map(|s| s.as_str()).collect::<Vec<_>>().join(" · ") }</span>
            </button>
            if verdict.is_some() { { mark_view(props, index, matched) } }
            if !event.reasons.is_empty() {
                <ul class="reasons">
                    { for event.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ul>
            }
            if !event.notes.is_empty() {
                <ul class="notes">
                    { for event.notes.iter().map(|n| html! { <li class="badge warn note">{ n.clone() }</li> }) }
                </ul>
            }
        </div>
    }
}

/// The failed clauses of a non-match, in the evaluation core's words (the CLI prints the same).
pub fn failed_reasons(
    pattern: &eventpen_pattern::Pattern,
    event: &serde_json::Value,
) -> Vec<String> {
    eventpen_playground::reasons::failed_reasons(pattern, event)
}

/// The challenge mark of a row: editable when authoring, else "must match — right/wrong".
fn mark_view(props: &RowContext, index: usize, matched: bool) -> Html {
    let Some(marks) = &props.marks else {
        return html! {};
    };
    let mark = marks.get(index).copied().flatten();
    if props.authoring {
        let on_mark = props.on_mark.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mark = match select.value().as_str() {
                "match" => Some(true),
                "no-match" => Some(false),
                _ => None,
            };
            on_mark.emit((index, mark));
        });
        let value = match mark {
            Some(true) => "match",
            Some(false) => "no-match",
            None => "",
        };
        return html! {
            <label class="mark">
                { "Expected: " }
                <select aria-label={format!("Expected result for event {}", index + 1)} {onchange}>
                    <option value="" selected={value.is_empty()}>{ "unmarked" }</option>
                    <option value="match" selected={value == "match"}>{ "must match" }</option>
                    <option value="no-match" selected={value == "no-match"}>{ "must not match" }</option>
                </select>
            </label>
        };
    }
    let Some(must_match) = mark else {
        return html! {};
    };
    let right = must_match == matched;
    html! {
        <p class="mark">
            { if must_match { "Must match" } else { "Must not match" } }
            { " — " }
            <span class={classes!("badge", if right { "ok" } else { "bad" })}>{ if right { "right" } else { "wrong" } }</span>
        </p>
    }
}
