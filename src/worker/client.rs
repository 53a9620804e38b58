//! The page side of the worker: one Web Worker per page, started on first use from the
//! `eventpen-worker.js` module the build writes beside the app (it loads this same wasm and
//! calls `worker_main`). Requests go out as `{json, text?, file?}`; replies come back to the
//! one listener the App installs.
use super::protocol::{Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker script, relative to the page (written by `scripts/csp.py` at build time).
const WORKER_SCRIPT: &str = "./eventpen-worker.js";

struct Client {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Callback<Reply>>> = const { RefCell::new(None) };
}

fn client() -> Option<Rc<Client>> {
    if let Some(client) = CLIENT.with_borrow(Clone::clone) {
        return Some(client);
    }
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_SCRIPT, &options).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let json = js_sys::Reflect::get(&event.data(), &"json".into())
            .ok()
            .and_then(|j| j.as_string());
        let Some(reply) = json.and_then(|j| serde_json::from_str::<Reply>(&j).ok()) else {
            return;
        };
        if let Some(listener) = LISTENER.with_borrow(Clone::clone) {
            listener.emit(reply);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let client = Rc::new(Client {
        worker,
        _on_message: on_message,
    });
    CLIENT.with_borrow_mut(|slot| *slot = Some(client.clone()));
    Some(client)
}

/// Where replies go (the App's reducers).
pub fn listen(listener: Callback<Reply>) {
    LISTENER.with_borrow_mut(|slot| *slot = Some(listener));
}

/// Send a request, with a large text or a File beside it.
fn post(request: &Request, extra: Option<(&str, &JsValue)>) {
    let (Some(client), Ok(json)) = (client(), serde_json::to_string(request)) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"json".into(), &json.into());
    if let Some((key, value)) = extra {
        let _ = js_sys::Reflect::set(&message, &key.into(), value);
    }
    let _ = client.worker.post_message(&message);
}

/// Send a request.
pub fn send(request: &Request) {
    post(request, None);
}

/// Send a request with texts beside it (structured clone: never escaped into the JSON).
pub fn send_texts(request: &Request, texts: &[&str]) {
    let array: js_sys::Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
    post(request, Some(("texts", &array)));
}

/// Send a request with a File beside it (the worker reads it in chunks).
pub fn send_file(request: &Request, file: &web_sys::File) {
    post(request, Some(("file", file.as_ref())));
}
