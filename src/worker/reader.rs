//! A File's chunks, read ahead on a thread of their own: the worker starts
//! `eventpen-reader.js` (a worker of its own, copied beside the app by the build) and asks it
//! for a Blob's chunks, each one transferred back as an `ArrayBuffer` while this thread
//! converts the one before.
//!
//! Why: a Blob read by this worker makes progress only while this worker waits for it, so a
//! 100 MB load spent a tenth of its time waiting on reads it had started a chunk earlier
//! (measured in the page: 0.33 s of 2.3 s). The reader stays at most [`AHEAD`] chunks ahead,
//! so the bytes held outside wasm memory stay a few chunks.
//!
//! Several loads may run at once (two files picked together): each is a job of its own. When
//! the reader cannot be started, or stops working, the load reads in this thread as before
//! ([`Chunk::ReaderGone`]).
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker};

/// The reader's script, beside this worker's (`index.html` copies it into the build).
const READER_SCRIPT: &str = "./eventpen-reader.js";

/// Chunks a job may read ahead of the one being converted.
const AHEAD: u32 = 2;

/// Bytes per chunk: large enough to read at memory speed, small enough that a Cancel or a
/// query waits at most a few tens of milliseconds. (Smaller first chunks did not help V8's
/// tier-up, which is compiled in the background on a clock of its own: see `warm_up`.)
const CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// The byte ranges a blob of `size` bytes is read in, in order.
fn chunk_ranges(size: f64) -> Vec<(f64, f64)> {
    let mut ranges = Vec::new();
    let mut start = 0.0;
    while start < size {
        let end = (start + CHUNK_BYTES).min(size);
        ranges.push((start, end));
        start = end;
    }
    ranges
}

/// A blob's chunks in order: from the reader worker, or read in this thread (the next one
/// asked for before this one is converted) when there is no reader.
pub(super) struct BlobChunks {
    blob: Blob,
    ranges: Vec<(f64, f64)>,
    /// The next chunk's index.
    next: usize,
    job: Option<ReadJob>,
    /// Read in this thread: the read of chunk `next` under way.
    reading: Option<js_sys::Promise>,
}

impl BlobChunks {
    /// Starts reading `blob`.
    pub(super) fn new(blob: &Blob) -> BlobChunks {
        let ranges = chunk_ranges(blob.size());
        let job = ReadJob::start(blob, &ranges);
        BlobChunks {
            blob: blob.clone(),
            ranges,
            next: 0,
            job,
            reading: None,
        }
    }

    /// The next chunk: `None` after the last, `Some(Err(()))` when a read failed.
    pub(super) async fn next(&mut self) -> Option<Result<js_sys::ArrayBuffer, ()>> {
        self.ranges.get(self.next)?;
        if let Some(job) = &mut self.job {
            match job.next().await {
                Chunk::Bytes(buffer) => {
                    self.next += 1;
                    return Some(Ok(buffer));
                }
                Chunk::Failed => return Some(Err(())),
                Chunk::ReaderGone => self.job = None,
            }
        }
        let reading = match self.reading.take() {
            Some(reading) => reading,
            None => match self.start_read(self.next)? {
                Ok(reading) => reading,
                Err(()) => return Some(Err(())),
            },
        };
        let read = JsFuture::from(reading).await;
        self.next += 1;
        self.reading = self.start_read(self.next).and_then(Result::ok);
        Some(
            read.map_err(|_| ())
                .and_then(|buffer| buffer.dyn_into::<js_sys::ArrayBuffer>().map_err(|_| ())),
        )
    }

    /// Starts reading chunk `index` in this thread; `None` past the last.
    fn start_read(&self, index: usize) -> Option<Result<js_sys::Promise, ()>> {
        let &(start, end) = self.ranges.get(index)?;
        Some(
            self.blob
                .slice_with_f64_and_f64(start, end)
                .map(|part| part.array_buffer())
                .map_err(|_| ()),
        )
    }
}

/// What a job's next chunk is.
enum Chunk {
    /// Its bytes.
    Bytes(js_sys::ArrayBuffer),
    /// The read failed.
    Failed,
    /// The reader is not there (it could not start, or failed): read in this thread from here.
    ReaderGone,
}

/// The reader worker, and its handlers (kept alive with it).
struct Reader {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What the reader sent that no job has taken yet, and who waits for it.
#[derive(Default)]
struct Mailbox {
    /// Chunks arrived, by job, in order.
    arrived: HashMap<u32, VecDeque<Chunk>>,
    /// The job waiting for its next chunk, and how to wake it.
    waiting: HashMap<u32, js_sys::Function>,
    /// The reader failed to start or failed later: no new job goes to it.
    gone: bool,
    next_job: u32,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
    static MAILBOX: RefCell<Mailbox> = RefCell::new(Mailbox::default());
}

/// One load's chunks, read by the reader worker; dropping it stops the reading.
struct ReadJob {
    job: u32,
}

impl ReadJob {
    /// Starts reading `blob` in the byte ranges `chunks`, in order; `None` when the reader
    /// worker is not available (read in this thread then).
    fn start(blob: &Blob, chunks: &[(f64, f64)]) -> Option<ReadJob> {
        let worker = reader()?;
        let job = MAILBOX.with_borrow_mut(|m| {
            m.next_job += 1;
            m.arrived.insert(m.next_job, VecDeque::new());
            m.next_job
        });
        let ranges = js_sys::Array::new();
        for &(start, end) in chunks {
            ranges.push(&js_sys::Array::of2(&start.into(), &end.into()));
        }
        let message = job_message(
            job,
            &[
                ("blob", blob.into()),
                ("chunks", ranges.into()),
                ("ahead", AHEAD.into()),
            ],
        );
        if worker.post_message(&message).is_err() {
            MAILBOX.with_borrow_mut(|m| m.arrived.remove(&job));
            return None;
        }
        Some(ReadJob { job })
    }

    /// The next chunk, in order (waits for it when it has not arrived yet).
    async fn next(&mut self) -> Chunk {
        loop {
            let taken = MAILBOX.with_borrow_mut(|m| {
                if m.gone {
                    return Some(Chunk::ReaderGone);
                }
                m.arrived.get_mut(&self.job)?.pop_front()
            });
            if let Some(chunk) = taken {
                if matches!(chunk, Chunk::Bytes(_)) {
                    self.tell(&[("more", 1.into())]);
                }
                return chunk;
            }
            let job = self.job;
            let arrival = js_sys::Promise::new(&mut |resolve, _| {
                MAILBOX.with_borrow_mut(|m| m.waiting.insert(job, resolve));
            });
            let _ = JsFuture::from(arrival).await;
        }
    }

    /// Sends the reader `{job, …fields}`.
    fn tell(&self, fields: &[(&str, JsValue)]) {
        let message = job_message(self.job, fields);
        READER.with_borrow(|r| {
            if let Some(reader) = r {
                let _ = reader.worker.post_message(&message);
            }
        });
    }
}

/// The message `{job, …fields}` for the reader.
fn job_message(job: u32, fields: &[(&str, JsValue)]) -> js_sys::Object {
    let message = js_sys::Object::new();
    for (key, value) in [("job", job.into())].iter().chain(fields) {
        // Setting a plain object's own property does not fail.
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    message
}

impl Drop for ReadJob {
    fn drop(&mut self) {
        self.tell(&[("stop", true.into())]);
        MAILBOX.with_borrow_mut(|m| {
            m.arrived.remove(&self.job);
            m.waiting.remove(&self.job);
        });
    }
}

/// Starts the reader worker ahead of the first load (its script takes a few tens of
/// milliseconds to start, which the first chunk would otherwise wait for).
pub(super) fn prepare() {
    let _ = reader();
}

/// The reader worker, started on first use; `None` when it cannot be (or has failed).
fn reader() -> Option<Worker> {
    if MAILBOX.with_borrow(|m| m.gone) {
        return None;
    }
    if let Some(worker) = READER.with_borrow(|r| r.as_ref().map(|r| r.worker.clone())) {
        return Some(worker);
    }
    let Ok(worker) = Worker::new(READER_SCRIPT) else {
        MAILBOX.with_borrow_mut(|m| m.gone = true);
        return None;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(arrived);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| reader_failed());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    READER.with_borrow_mut(|r| {
        *r = Some(Reader {
            worker: worker.clone(),
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Some(worker)
}

/// A message from the reader: `{job, index, buffer}` or `{job, index, error}`.
fn arrived(event: MessageEvent) {
    let data = event.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).unwrap_or_default();
    let Some(job) = field("job").as_f64().map(|j| j as u32) else {
        return;
    };
    let chunk = match field("buffer").dyn_into::<js_sys::ArrayBuffer>() {
        Ok(buffer) => Chunk::Bytes(buffer),
        Err(_) => Chunk::Failed,
    };
    let wake = MAILBOX.with_borrow_mut(|m| {
        m.arrived.get_mut(&job)?.push_back(chunk);
        m.waiting.remove(&job)
    });
    if let Some(wake) = wake {
        let _ = wake.call0(&JsValue::NULL);
    }
}

/// The reader failed (its script did not load, or it broke): every job reads in this thread
/// from where it is, and no new job goes to the reader.
fn reader_failed() {
    let waiting: Vec<js_sys::Function> = MAILBOX.with_borrow_mut(|m| {
        m.gone = true;
        m.waiting.drain().map(|(_, wake)| wake).collect()
    });
    // Kept, not dropped: this runs inside the reader's own error handler.
    READER.with_borrow(|r| {
        if let Some(reader) = r {
            reader.worker.terminate();
        }
    });
    for wake in waiting {
        let _ = wake.call0(&JsValue::NULL);
    }
}
