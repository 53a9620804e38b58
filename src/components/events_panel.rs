//! The Events region's input side: the paste box, the file picker (drop works anywhere on the
//! page), the loaded files, and the problems ingest found, each with its position.
use crate::components::editor::{Editor, EditorDiagnostic};
use crate::state::EventFile;
use crate::worker::wiring::Loading;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One problem to show: where (input name, line:column) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemView {
    /// An error (the input or a record was dropped) or a warning.
    pub is_error: bool,
    /// The full text, position included.
    pub text: String,
    /// Byte offset in the paste box's text (problems of files have none here), for its mark.
    pub pasted_offset: Option<usize>,
}

/// Props of [`EventsInput`].
#[derive(Properties, PartialEq)]
pub struct EventsInputProps {
    /// The paste box's text.
    pub text: Rc<str>,
    /// Loaded files.
    pub files: Rc<Vec<EventFile>>,
    /// Problems found while reading.
    pub problems: Rc<Vec<ProblemView>>,
    /// Called with the paste box's new text.
    pub on_text: Callback<String>,
    /// Called with picked files.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Called to remove file `n`.
    pub on_remove: Callback<usize>,
    /// Called to remove every event.
    pub on_clear: Callback<()>,
    /// Loads under way (by input id), for their progress bars.
    #[prop_or_default]
    pub loads: Rc<Vec<Loading>>,
    /// Called to cancel the load of input `id`.
    #[prop_or_default]
    pub on_cancel: Callback<u32>,
    /// Called with a paste too large for the box (it becomes an input, like a file).
    #[prop_or_default]
    pub on_large_paste: Callback<String>,
}

/// A paste larger than this becomes an input of its own instead of text in the box: a box
/// holding megabytes makes every keystroke and every render slow.
pub const LARGE_PASTE_BYTES: usize = 256 * 1024;

/// Paste box, file picker, loaded files and problems.
#[component]
pub fn EventsInput(props: &EventsInputProps) -> Html {
    let marks = use_memo(props.problems.clone(), |problems| {
        Rc::new(marks_of(problems))
    });
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut picked = Vec::new();
            if let Some(list) = input.files() {
                for i in 0..list.length() {
                    if let Some(file) = list.get(i) {
                        picked.push(file);
                    }
                }
            }
            input.set_value("");
            on_files.emit(picked);
        })
    };
    // A paste too large for the box becomes an input of its own. Caught on the way down
    // (capture phase) so the editor never receives the megabytes.
    let wrapper = use_node_ref();
    {
        let wrapper = wrapper.clone();
        let on_large_paste = props.on_large_paste.clone();
        use_effect_with(on_large_paste, move |on_large_paste| {
            let on_large_paste = on_large_paste.clone();
            let listener = wrapper.cast::<web_sys::HtmlElement>().map(|element| {
                let options = gloo::events::EventListenerOptions {
                    phase: gloo::events::EventListenerPhase::Capture,
                    passive: false,
                };
                gloo::events::EventListener::new_with_options(
                    &element,
                    "paste",
                    options,
                    move |e| {
                        let Some(event) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                            return;
                        };
                        let text = event
                            .clipboard_data()
                            .and_then(|data| data.get_data("text/plain").ok())
                            .unwrap_or_default();
                        if text.len() > LARGE_PASTE_BYTES {
                            e.prevent_default();
                            e.stop_propagation();
                            on_large_paste.emit(text);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    let onclear = props.on_clear.reform(|_: MouseEvent| ());
    let has_events = !props.text.trim().is_empty() || !props.files.is_empty();
    html! {
        <div class="events-input" ref={wrapper}>
            <Editor id="events-text" label="Events" heading_id="events-heading"
                value={props.text.clone()} on_change={props.on_text.clone()}
                diagnostics={(*marks).clone()} list_problems={false}
                placeholder="{ \"eventVersion\": \"1.09\", \"eventSource\": \"ec2.amazonaws.com\", … }"
                hint={html! { <>
                    { "Paste CloudTrail records, a CloudTrail log file, " }
                    <code>{ "lookup-events" }</code>
                    { " output, EventBridge events or JSON Lines — or drop files (.json, .json.gz, .jsonl) anywhere." }
                </> }} />
            <div class="row">
                <label class="button file-button">
                    { "Add files…" }
                    <input type="file" class="visually-hidden" multiple=true
                        accept=".json,.gz,.jsonl,.ndjson,.txt,application/json,application/gzip"
                        aria-label="Add event files" {onchange} />
                </label>
                if has_events {
                    <button type="button" onclick={onclear}>{ "Clear events" }</button>
                }
            </div>
            if !props.files.is_empty() {
                <FileChips files={props.files.clone()} loads={props.loads.clone()}
                    on_remove={props.on_remove.clone()} on_cancel={props.on_cancel.clone()} />
            }
            if !props.problems.is_empty() {
                <div class="notice warn" role="status" aria-label="Problems reading events">
                    <strong>{ format!("{} problem{} reading events", props.problems.len(), if props.problems.len() == 1 { "" } else { "s" }) }</strong>
                    <ul class="diag-list">
                        { for props.problems.iter().take(50).map(|p| html! {
                            <li class={if p.is_error { "diag error" } else { "diag warning" }}>{ p.text.clone() }</li>
                        }) }
                    </ul>
                    if props.problems.len() > 50 {
                        <p class="hint">{ format!("… and {} more.", props.problems.len() - 50) }</p>
                    }
                </div>
            }
        </div>
    }
}

/// The paste box's problems as editor marks at their positions (the list above names them all).
fn marks_of(problems: &[ProblemView]) -> Vec<EditorDiagnostic> {
    problems
        .iter()
        .filter_map(|p| {
            let at = p.pasted_offset?;
            Some(EditorDiagnostic {
                code: "ingest",
                is_error: p.is_error,
                span: at..at + 1,
                line: 0,
                column: 0,
                path: String::new(),
                message: p.text.clone(),
                fix: None,
            })
        })
        .collect()
}

/// A load's progress bar (bytes read of the file's size) and its Cancel button.
fn progress(name: &str, loading: &Loading, on_cancel: Callback<u32>) -> Html {
    let id = loading.id;
    let percent = (loading.bytes * 100)
        .checked_div(loading.total)
        .unwrap_or(0);
    html! {
        <span class="load-progress">
            <progress max="100" value={percent.to_string()} aria-label={format!("Loading {name}")}
                aria-valuetext={format!("{} of {}", size_label(loading.bytes), size_label(loading.total))} />
            <span class="muted small">{ format!(" {} of {} ", size_label(loading.bytes), size_label(loading.total)) }</span>
            <button type="button" onclick={on_cancel.reform(move |_: MouseEvent| id)}
                aria-label={format!("Cancel loading {name}")}>{ "Cancel" }</button>
        </span>
    }
}

/// How many file chips are drawn per task: a link may carry 1,000 inputs, and drawing all their
/// chips in the start-up task made it one long main-thread task.
const CHIPS_PER_TASK: usize = 25;

/// Props of [`FileChips`].
#[derive(Properties, PartialEq)]
struct FileChipsProps {
    files: Rc<Vec<EventFile>>,
    loads: Rc<Vec<Loading>>,
    on_remove: Callback<usize>,
    on_cancel: Callback<u32>,
}

/// The loaded files, one chip each (name, size, progress, remove), drawn `CHIPS_PER_TASK` at a
/// time: the rest follow in tasks of their own, so the page answers input in between.
#[component]
fn FileChips(props: &FileChipsProps) -> Html {
    let shown = use_state(|| CHIPS_PER_TASK);
    {
        let (shown, total) = (shown.clone(), props.files.len());
        use_effect_with((*shown, total), move |(count, total)| {
            let more = (*count < *total).then(|| {
                let next = *count + CHIPS_PER_TASK;
                gloo::timers::callback::Timeout::new(0, move || shown.set(next))
            });
            move || drop(more)
        });
    }
    let loads = &props.loads;
    html! {
        <ul class="file-list" aria-label="Loaded files">
            { for props.files.iter().take(*shown).enumerate().map(|(i, file)| {
                let remove = props.on_remove.reform(move |_: MouseEvent| i);
                let loading = loads.iter().find(|l| l.id == file.id);
                html! {
                    <li class="file-chip">
                        <span class="mono">{ file.name.clone() }</span>
                        <span class="muted">{ format!(" {}", size_label(file.size)) }</span>
                        if let Some(loading) = loading {
                            { progress(&file.name, loading, props.on_cancel.clone()) }
                        }
                        <button type="button" class="icon" aria-label={format!("Remove {}", file.name)}
                            onclick={remove}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// "12 KB" for people.
pub fn size_label(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}
