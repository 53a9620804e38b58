//! The worker side: the page's Web Worker calls [`worker_main`] once the app's module is
//! loaded; from then on every message is a [`Request`] handled against one [`Session`], and
//! every reply is posted back as JSON. Files are read here in chunks, so a 100 MB load never
//! blocks the page and can be cancelled between two chunks.
use super::protocol::{Answer, KeptTexts, Query, Reply, Request};
use eventpen_playground::session::{AddOutcome, ChunkedLoad, Session};
use eventpen_playground::timeline::TimeRange;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, File, MessageEvent};

/// The worker's state.
#[derive(Default)]
struct Host {
    session: Session,
    /// The last query, answered again when the events change.
    last_query: Option<Query>,
    /// The events version and range the page last received facets (and inputs) for.
    facets_sent: Option<(u32, Option<TimeRange>)>,
    /// Facets to compute and send after the answer being posted, for this range.
    facets_due: Option<Option<TimeRange>>,
    /// The Events list's window and the events version the page last received its rows for
    /// (they show no verdicts: a pattern edit leaves them as they were, and they are neither
    /// built nor sent again).
    events_sent: Option<((usize, usize), u32)>,
    /// The events version and positions of the preview the page last received.
    preview_sent: Option<(u32, Vec<usize>)>,
    /// Loads the page cancelled.
    cancelled: HashSet<u32>,
    /// The IndexedDB key of each stored input, by input id.
    stored: HashMap<u32, f64>,
    /// Inputs read from IndexedDB at start, waiting for the page's ids.
    pending: Vec<super::idb::StoredInput>,
    /// Storing failed once: the page was told, and nothing more is stored.
    store_failed: bool,
}

thread_local! {
    static HOST: RefCell<Host> = RefCell::new(Host::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Post a reply to the page as `{json}`.
fn post(reply: &Reply) {
    let Ok(json) = serde_json::to_string(reply) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"json".into(), &json.into());
    let _ = scope().post_message(&message);
}

/// The worker's entry point: install the message handler.
#[wasm_bindgen]
pub fn worker_main() {
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
        let Some(json) = field("json").and_then(|j| j.as_string()) else {
            return;
        };
        let Ok(request) = serde_json::from_str::<Request>(&json) else {
            return;
        };
        let texts: Vec<String> = field("texts")
            .filter(|t| t.is_array())
            .map(|t| {
                js_sys::Array::from(&t)
                    .iter()
                    .map(|t| t.as_string().unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default();
        let file = field("file").and_then(|f| f.dyn_into::<File>().ok());
        handle(request, texts, file);
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    super::warm_up::soon();
}

fn handle(request: Request, texts: Vec<String>, file: Option<File>) {
    match request {
        Request::AddTexts { inputs, persist } => {
            // Stored from a copy outside wasm memory; the session takes the texts over.
            let kept: Vec<Option<JsValue>> = texts
                .iter()
                .map(|text| persist.then(|| js_sys::Uint8Array::from(text.as_bytes()).into()))
                .collect();
            let batch: Vec<(u32, &str, Vec<u8>, bool)> = inputs
                .iter()
                .zip(texts)
                .map(|((id, name, sample), text)| (*id, name.as_str(), text.into_bytes(), *sample))
                .collect();
            let outcomes = HOST.with_borrow_mut(|h| h.session.add_inputs(batch));
            for ((id, name, sample), data) in inputs.iter().zip(kept) {
                let added = outcomes
                    .iter()
                    .any(|(i, o)| i == id && matches!(o, AddOutcome::Added(_)));
                if let (true, Some(data)) = (added, data) {
                    let (id, name, sample) = (*id, name.clone(), *sample);
                    wasm_bindgen_futures::spawn_local(async move {
                        keep(id, &name, sample, &data).await
                    });
                }
            }
            post(&Reply::Loaded { outcomes });
            answer_again();
        }
        Request::Restore => wasm_bindgen_futures::spawn_local(restore()),
        Request::Adopt { pairs } => {
            // Each stored input is read from its Blob in chunks, one after another (a load's
            // peak is its store plus one chunk), with progress like a file.
            let adopted: Vec<(u32, super::idb::StoredInput)> = HOST.with_borrow_mut(|h| {
                let mut pending = std::mem::take(&mut h.pending);
                pairs
                    .iter()
                    .filter_map(|(key, id)| {
                        let at = pending.iter().position(|p| p.key == *key)?;
                        Some((*id, pending.swap_remove(at)))
                    })
                    .collect()
            });
            wasm_bindgen_futures::spawn_local(adopt(adopted));
        }
        Request::LoadFile { id, sample } => match file {
            Some(file) => wasm_bindgen_futures::spawn_local(load_file(id, sample, file)),
            None => post(&Reply::Stopped {
                id,
                error: Some("no file came with the request".into()),
            }),
        },
        Request::Cancel { id } => {
            HOST.with_borrow_mut(|h| h.cancelled.insert(id));
        }
        Request::Retain { ids } => {
            let (changed, gone) = HOST.with_borrow_mut(|h| {
                let gone: Vec<u32> = h
                    .stored
                    .keys()
                    .filter(|id| !ids.contains(id))
                    .copied()
                    .collect();
                let keys: Vec<f64> = gone.iter().filter_map(|id| h.stored.remove(id)).collect();
                (h.session.retain_inputs(&ids), keys)
            });
            if !gone.is_empty() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = super::idb::delete(&gone).await;
                });
            }
            if changed {
                answer_again();
            }
        }
        Request::Query(query) => {
            let answer = HOST.with_borrow_mut(|h| answer(h, query));
            post_answer(answer);
        }
        Request::Texts { rev, ids } => {
            let (texts, left_out) = HOST.with_borrow(|h| h.session.kept_texts(&ids));
            post(&Reply::Texts(KeptTexts {
                rev,
                texts,
                left_out,
            }));
        }
    }
}

/// Answer the last query again (the events changed under it).
fn answer_again() {
    let again = HOST.with_borrow_mut(|h| {
        let query = h.last_query.clone()?;
        Some(answer(h, query))
    });
    if let Some(again) = again {
        post_answer(again);
    }
}

/// Post an answer, then its charts (with the charts on) and its facets (when the events or
/// the range changed) as messages of their own, each computed only after what comes before it
/// is on its way: the page draws the results (and, after a load, "N events loaded") without
/// waiting for the charts or the facets to be counted, and decodes and draws each in its own
/// task, so the first answer after a load is not one long task with the charts, the facets
/// panel and the completion catalog.
fn post_answer(answer: Answer) {
    let rev = answer.rev;
    post(&Reply::Answer(Box::new(answer)));
    let charts = HOST.with_borrow(|h| {
        let query = h.last_query.as_ref().filter(|q| q.charts)?;
        Some(h.session.charts(query.range).map(Box::new))
    });
    if let Some(charts) = charts {
        post(&Reply::Charts { rev, charts });
    }
    let facets = HOST.with_borrow_mut(|h| {
        let range = h.facets_due.take()?;
        Some(h.session.facets(range))
    });
    if let Some(facets) = facets {
        post(&Reply::Facets(Box::new(facets)));
    }
    if let Some(preview) = HOST.with_borrow_mut(changed_preview) {
        post(&Reply::Preview(preview));
    }
}

/// The target-input preview (the first matched events, whole), when it changed since the
/// page last received it: sent after the answer, so the results are drawn without waiting for
/// ten events to be read, encoded and decoded.
fn changed_preview(host: &mut Host) -> Option<Vec<(usize, serde_json::Value)>> {
    let key = (
        host.session.events_version(),
        host.session.preview_indices(),
    );
    if host.preview_sent.as_ref() == Some(&key) {
        return None;
    }
    host.preview_sent = Some(key);
    Some(host.session.preview())
}

/// The answer to `query`, less its charts (see [`post_answer`]).
fn answer(host: &mut Host, query: Query) -> Answer {
    let session = &mut host.session;
    session.set_pattern(&query.pattern);
    let facets_key = (session.events_version(), query.range);
    if host.facets_sent != Some(facets_key) {
        host.facets_due = Some(query.range);
    }
    let inputs = (host.facets_sent.map(|(version, _)| version) != Some(facets_key.0))
        .then(|| session.inputs());
    host.facets_sent = Some(facets_key);
    let (offset, count) = query.results;
    let results = session.rows(query.filter, query.range, offset, count);
    let events_key = (query.events, session.events_version());
    let events = (host.events_sent != Some(events_key)).then(|| {
        let (offset, count) = query.events;
        let mut events = session.event_list_rows(offset, count);
        // The Events list shows no verdicts: without them its window stays the same as the
        // pattern changes.
        for row in &mut events.rows {
            row.verdict = None;
        }
        events
    });
    host.events_sent = Some(events_key);
    let answer = Answer {
        rev: query.rev,
        pattern: query.pattern.clone(),
        inputs,
        evaluation: session.evaluate(query.range),
        results,
        events,
        details: query
            .details
            .iter()
            .filter_map(|i| session.event(*i))
            .collect(),
        score: query.marks.as_ref().map(|m| session.challenge_score(m)),
        memory: wasm_memory_bytes(),
    };
    host.last_query = Some(query);
    answer
}

/// The size of this worker's WebAssembly memory.
fn wasm_memory_bytes() -> usize {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| b.byte_length() as usize)
        })
        .unwrap_or(0)
}

/// Read `file` in chunks, reporting progress; stop when cancelled; add it when complete,
/// then store it in IndexedDB.
async fn load_file(id: u32, sample: bool, file: File) {
    let name = file.name();
    let Some(outcome) = load_blob(id, &name, sample, &file).await else {
        return;
    };
    let added = matches!(outcome, AddOutcome::Added(_));
    post(&Reply::Loaded {
        outcomes: vec![(id, outcome)],
    });
    answer_again();
    if added {
        // The File itself is stored (a Blob: IndexedDB keeps it without its bytes passing
        // through wasm memory again).
        keep(id, &name, sample, &file.into()).await;
    }
}

/// Add the inputs restored from IndexedDB under the page's ids, one after another.
async fn adopt(inputs: Vec<(u32, super::idb::StoredInput)>) {
    for (id, input) in inputs {
        let Some(outcome) = load_blob(id, &input.name, input.sample, &input.blob).await else {
            let _ = super::idb::delete(&[input.key]).await;
            continue;
        };
        if matches!(outcome, AddOutcome::Added(_)) {
            HOST.with_borrow_mut(|h| h.stored.insert(id, input.key));
        } else {
            let _ = super::idb::delete(&[input.key]).await;
        }
        post(&Reply::Loaded {
            outcomes: vec![(id, outcome)],
        });
        answer_again();
    }
}

/// Read `blob` in chunks into a [`ChunkedLoad`] (a log file is converted chunk by chunk, so
/// the input is never whole in wasm memory), reporting progress; `None` when cancelled or
/// unreadable (the page was told: `Stopped`). The chunks are read ahead by the reader worker
/// ([`super::reader`]) while this one converts; each is copied from its `ArrayBuffer` straight
/// into the load's own buffer ([`ChunkedLoad::push_with`]).
async fn load_blob(id: u32, name: &str, sample: bool, blob: &Blob) -> Option<AddOutcome> {
    let size = blob.size();
    let mut load = ChunkedLoad::new(id, name, size as usize, sample);
    let mut chunks = super::reader::BlobChunks::new(blob);
    loop {
        if HOST.with_borrow_mut(|h| h.cancelled.remove(&id)) {
            post(&Reply::Stopped { id, error: None });
            return None;
        }
        let Some(chunk) = chunks.next().await else {
            break;
        };
        let Ok(chunk) = chunk else {
            post(&Reply::Stopped {
                id,
                error: Some(format!("could not read {name}")),
            });
            return None;
        };
        let chunk = js_sys::Uint8Array::new(&chunk);
        let progress = load.push_with(chunk.length() as usize, |room| chunk.copy_to(room));
        post(&Reply::Progress {
            id,
            bytes: progress.bytes,
            total: progress.total,
        });
    }
    Some(HOST.with_borrow_mut(|h| load.finish(&mut h.session)))
}

/// Store input `id` (its bytes as a Blob or a Uint8Array) in IndexedDB (once: after its
/// load); a failure is reported once, and nothing more is stored after it.
async fn keep(id: u32, name: &str, sample: bool, data: &JsValue) {
    if HOST.with_borrow(|h| h.store_failed) {
        return;
    }
    match super::idb::put(name, sample, data).await {
        Ok(key) => {
            let still_loaded = HOST.with_borrow_mut(|h| {
                let loaded = h.session.has_input(id);
                if loaded {
                    h.stored.insert(id, key);
                }
                loaded
            });
            if !still_loaded {
                let _ = super::idb::delete(&[key]).await;
            }
        }
        Err(error) => {
            HOST.with_borrow_mut(|h| h.store_failed = true);
            post(&Reply::StoreFailed {
                message: format!(
                    "The browser could not store {name} ({error}): loaded events will not survive a reload."
                ),
            });
        }
    }
}

/// Read the stored inputs and list them for the page (which answers with `Adopt`).
async fn restore() {
    let Ok(stored) = super::idb::all().await else {
        return;
    };
    if stored.is_empty() {
        return;
    }
    let entries = stored
        .iter()
        .map(|s| (s.key, s.name.clone(), s.blob.size() as usize))
        .collect();
    HOST.with_borrow_mut(|h| h.pending = stored);
    post(&Reply::Stored { entries });
}
