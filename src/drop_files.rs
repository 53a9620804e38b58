//! Files in: dropped anywhere on the page or picked with the file button, handed to the worker
//! (which reads, inflates and ingests them) — or refused with a notice that says why.
use crate::share::MAX_SHARED_INPUTS;
use crate::state::{Action, Notice, NoticeKind, State};
use eventpen_ingest::MAX_INPUT_BYTES;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Hand `files` to the worker, which reads them in chunks (with progress) and ingests them; a
/// file whose size alone is over the limit is refused before it is read, and reading stops at
/// the input cap.
pub fn read_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    if files.is_empty() {
        return;
    }
    if files.len() > MAX_SHARED_INPUTS {
        let text = format!(
            "EventPen holds at most {MAX_SHARED_INPUTS} inputs at once: the {} files after the first {MAX_SHARED_INPUTS} were not read.",
            files.len() - MAX_SHARED_INPUTS
        );
        dispatch.dispatch(Action::Notify(Notice::new(NoticeKind::Warning, text)));
    }
    let mut accepted = Vec::new();
    for file in files.into_iter().take(MAX_SHARED_INPUTS) {
        if file.size() > MAX_INPUT_BYTES as f64 {
            let text = format!(
                "Could not load {}: it is larger than {} MB; split it or load fewer records",
                file.name(),
                MAX_INPUT_BYTES / (1024 * 1024)
            );
            dispatch.dispatch(Action::Notify(Notice::new(NoticeKind::Error, text)));
            continue;
        }
        accepted.push(file);
    }
    crate::worker::wiring::load_files(accepted, &dispatch);
}

/// Accept files dropped anywhere on the page; the body shows a drop hint while dragging.
#[hook]
pub fn use_drop_anywhere(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let body = gloo::utils::body();
        let over = {
            let body = body.clone();
            EventListener::new_with_options(&document, "dragover", options, move |event| {
                event.prevent_default();
                let _ = body.class_list().add_1("dragging");
            })
        };
        let leave = {
            let body = body.clone();
            EventListener::new(&document, "dragleave", move |event| {
                let event: &web_sys::DragEvent = event.unchecked_ref();
                if event.related_target().is_none() {
                    let _ = body.class_list().remove_1("dragging");
                }
            })
        };
        let drop = EventListener::new_with_options(&document, "drop", options, move |event| {
            event.prevent_default();
            let _ = body.class_list().remove_1("dragging");
            let event: &web_sys::DragEvent = event.unchecked_ref();
            let Some(list) = event.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            let files = (0..list.length()).filter_map(|i| list.get(i)).collect();
            read_files(files, dispatch.clone());
        });
        move || drop_all((over, leave, drop))
    });
}

fn drop_all(_listeners: (EventListener, EventListener, EventListener)) {}
