//! The App's side of the worker: one reducer holding what the worker last answered (the
//! current answer, the facets, loads in progress), the effect that keeps the worker's inputs
//! equal to the state's, and the effect that asks again whenever what the page shows changes.
use super::client;
use super::inputs::{KNOWN, sync_inputs};
pub use super::inputs::{add_pasted, cancel, load_files};
use super::protocol::{Answer, KeptTexts, Query, Reply, Request};
use crate::after_paint::{Held, after_paint};
use crate::state::{Action, EventFile, Notice, NoticeKind, State};
use eventpen_playground::Facets;
use eventpen_playground::session::{AddOutcome, ChartsView, FacetsView, InputSummary, RowsPage};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// A load under way, for its progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Loading {
    /// The input.
    pub id: u32,
    /// Bytes read.
    pub bytes: usize,
    /// Bytes in all.
    pub total: usize,
}

/// What the worker last told the page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkerView {
    /// The latest answer (`None` until the first arrives).
    pub answer: Option<Rc<Answer>>,
    /// The charts of the latest answer they came for (`None`: none yet, or no verdicts). They
    /// follow their answer and are drawn after its results' paint, so while the page waits for
    /// them the previous ones stay.
    pub charts: Option<Rc<ChartsView>>,
    /// The Events list's latest window (sent only when it changes).
    pub events: Rc<RowsPage>,
    /// The latest facets (sent only when the events or the range change).
    pub facets: Rc<Facets>,
    /// Every field path of the events (field completion).
    pub paths: Rc<Vec<Vec<String>>>,
    /// The first matched events with their positions (the target-input preview).
    pub preview: Rc<Vec<(usize, serde_json::Value)>>,
    /// The loaded inputs as the worker last listed them.
    pub inputs: Rc<Vec<InputSummary>>,
    /// Loads under way.
    pub loads: Vec<Loading>,
    /// The worker's last answer to [`ask_texts`] (`None` until one arrives).
    pub texts: Option<Rc<KeptTexts>>,
}

/// What changes a [`WorkerView`].
pub enum WorkerEvent {
    /// An answer to the latest query, and whether its charts follow (off: the charts shown
    /// before are dropped, so turning them on again never shows old counts).
    Answer(Box<Answer>, bool),
    /// The charts of an answer.
    Charts(Option<Box<ChartsView>>),
    /// The Events list's window of an answer that came too late (it is not sent again).
    Events(Box<RowsPage>),
    /// New facets and field paths.
    Facets(Box<FacetsView>),
    /// A new target-input preview.
    Preview(Vec<(usize, serde_json::Value)>),
    /// A load progressed.
    Progress(Loading),
    /// A load ended (read, refused or cancelled).
    Done(u32),
    /// The texts of inputs the page asked for.
    Texts(KeptTexts),
}

impl Reducible for WorkerView {
    type Action = WorkerEvent;

    fn reduce(self: Rc<Self>, event: WorkerEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            WorkerEvent::Answer(mut answer, charted) => {
                // Charts of other events (a load, a removal: the inputs changed) are not shown
                // while the new ones are counted.
                if !charted || answer.inputs.is_some() {
                    next.charts = None;
                }
                if let Some(inputs) = answer.inputs.take() {
                    next.inputs = Rc::new(inputs);
                }
                if let Some(events) = answer.events.take() {
                    next.events = Rc::new(events);
                }
                next.answer = Some(Rc::new(*answer));
            }
            WorkerEvent::Charts(charts) => next.charts = charts.map(|c| Rc::new(*c)),
            WorkerEvent::Events(events) => next.events = Rc::new(*events),
            WorkerEvent::Facets(view) => {
                let FacetsView { facets, paths } = *view;
                next.facets = Rc::new(facets);
                next.paths = Rc::new(paths);
            }
            WorkerEvent::Preview(preview) => next.preview = Rc::new(preview),
            WorkerEvent::Progress(loading) => {
                match next.loads.iter_mut().find(|l| l.id == loading.id) {
                    Some(known) => *known = loading,
                    None => next.loads.push(loading),
                }
            }
            WorkerEvent::Done(id) => {
                if !next.loads.iter().any(|l| l.id == id) {
                    return self;
                }
                next.loads.retain(|l| l.id != id)
            }
            WorkerEvent::Texts(texts) => next.texts = Some(Rc::new(texts)),
        }
        Rc::new(next)
    }
}

thread_local! {
    /// The revision of the last texts request sent.
    static TEXTS_REV: Cell<u64> = const { Cell::new(0) };
    /// The revision of the last query sent: answers to older ones are dropped.
    static LATEST_REV: Cell<u64> = const { Cell::new(0) };
    /// The last query sent, less its revision.
    static LAST_QUERY: RefCell<Option<Query>> = const { RefCell::new(None) };
    /// The target-input preview, drawn after the paint of the answer it follows.
    static PREVIEW_HELD: Rc<RefCell<Held>> = Rc::default();
    /// The charts, drawn after the paint of the answer they follow.
    static CHARTS_HELD: Rc<RefCell<Held>> = Rc::default();
    /// Typed text the state takes after the paint of its results (see [`type_pattern`]).
    static TYPED_HELD: Rc<RefCell<Held>> = Rc::default();
    /// Typed pattern text not yet in the state (see [`type_pattern`]), with its fallback timer.
    static TYPED: RefCell<Option<(String, gloo::timers::callback::Timeout)>> =
        const { RefCell::new(None) };
}

/// How long typed text may wait for its answer before the page shows it without one.
const TYPED_WAIT_MS: u32 = 120;

/// The user typed `text`: the worker was asked already (`query_pattern`, as the editor took the
/// edit); the state takes the text only after the answer's results are painted, so what
/// follows the text alone (the builder, the exports, the facets' and events' picks, the
/// editor's local check) is drawn in a render of its own after that paint, not in the render
/// the results wait for (it was half of that render). The editor's marks and counts are put
/// on after the paint too, so they come from that second render, for the text shown. Without
/// an answer in [`TYPED_WAIT_MS`] (a load keeps the worker busy) the state takes it anyway.
/// Any other action takes it first ([`flush_typed`]), so edits stay in order.
pub fn type_pattern(text: String, dispatch: &UseReducerDispatcher<State>) {
    query_pattern(text.clone());
    let later = dispatch.clone();
    let timer = gloo::timers::callback::Timeout::new(TYPED_WAIT_MS, move || flush_typed(&later));
    TYPED.with_borrow_mut(|typed| *typed = Some((text, timer)));
}

/// Give the state the typed text still waiting for its answer, if any.
pub fn flush_typed(dispatch: &UseReducerDispatcher<State>) {
    if let Some((text, _timer)) = TYPED.with_borrow_mut(Option::take) {
        dispatch.dispatch(Action::TypePattern(text));
    }
}

/// The typed text waiting for its answer (what the editor shows, ahead of the state).
fn typed_text() -> Option<String> {
    TYPED.with_borrow(|typed| typed.as_ref().map(|(text, _)| text.clone()))
}

/// Ask the worker for the texts of inputs the page does not hold (loaded files), for a share
/// link; the answer arrives as [`WorkerView::texts`] with the revision returned here.
pub fn ask_texts(ids: Vec<u32>) -> u64 {
    let rev = TEXTS_REV.with(|rev| {
        rev.set(rev.get() + 1);
        rev.get()
    });
    client::send(&Request::Texts { rev, ids });
    rev
}

/// Start the worker, route its replies, and keep its inputs equal to the state's; with
/// `restore`, bring back the inputs stored in IndexedDB (the page reopened its own work).
#[hook]
pub fn use_worker(state: &UseReducerHandle<State>, restore: bool) -> UseReducerHandle<WorkerView> {
    let view = use_reducer(WorkerView::default);
    {
        let (view, dispatch) = (view.dispatcher(), state.dispatcher());
        use_effect_with((), move |_| {
            client::listen(Callback::from(move |reply| route(reply, &view, &dispatch)));
            if restore {
                client::send(&Request::Restore);
            }
        });
    }
    let pasted = use_mut_ref(|| None::<(Rc<str>, u32)>);
    use_effect_with(
        (state.events_text.clone(), state.files.clone()),
        move |(text, files)| sync_inputs(text, files, &mut pasted.borrow_mut()),
    );
    view
}

/// Ask the worker again whenever the query (less its revision) changes — at once, while the
/// App renders, not in an effect: an effect runs only after every child has rendered the edit
/// (editor, builder, exports), and the worker would wait for all of that before it starts.
/// The worker evaluates while the page renders.
#[hook]
pub fn use_query(query: Query) {
    // The editor is ahead of the state while typed text waits for its answer: ask for that.
    let mut query = query;
    if let Some(text) = typed_text() {
        query.pattern = text;
    }
    // A newly mounted App always asks (the last query may be another App's).
    let mounted = use_mut_ref(|| false);
    let asked_already = LAST_QUERY.with_borrow(|last| last.as_ref() == Some(&query));
    if mounted.replace(true) && asked_already {
        return;
    }
    send_query(query);
}

/// Ask again for the last query with a new pattern text, as soon as the editor has it (before
/// the editor redraws and the App renders the edit; `use_query` then finds it already asked).
pub fn query_pattern(pattern: String) {
    let Some(mut query) = LAST_QUERY.with_borrow(Clone::clone) else {
        return;
    };
    if query.pattern != pattern {
        query.pattern = pattern;
        send_query(query);
    }
}

fn send_query(query: Query) {
    let rev = LATEST_REV.with(|latest| {
        latest.set(latest.get() + 1);
        latest.get()
    });
    client::send(&Request::Query(Query {
        rev,
        ..query.clone()
    }));
    LAST_QUERY.with_borrow_mut(|last| *last = Some(query));
}

fn route(
    reply: Reply,
    view: &UseReducerDispatcher<WorkerView>,
    state: &UseReducerDispatcher<State>,
) {
    let notify = |text: String| {
        state.dispatch(Action::Notify(Notice::new(NoticeKind::Warning, text)));
    };
    match reply {
        Reply::Answer(answer) => {
            // For `make bench-app`: the worker's memory, readable from the page.
            let _ = js_sys::Reflect::set(
                &gloo::utils::window(),
                &"eventpenWorkerMemory".into(),
                &(answer.memory as f64).into(),
            );
            if answer.rev >= LATEST_REV.with(Cell::get) {
                // The results first; the typed text right after their paint.
                let typed = typed_text().is_some_and(|text| text == answer.pattern);
                let charted = LAST_QUERY.with_borrow(|q| q.as_ref().is_some_and(|q| q.charts));
                view.dispatch(WorkerEvent::Answer(answer, charted));
                if typed {
                    let state = state.clone();
                    after_paint(&TYPED_HELD, move || flush_typed(&state));
                }
            } else if let Some(events) = answer.events {
                view.dispatch(WorkerEvent::Events(Box::new(events)));
            }
        }
        Reply::Progress { id, bytes, total } => {
            view.dispatch(WorkerEvent::Progress(Loading { id, bytes, total }))
        }
        Reply::Loaded { outcomes } => {
            for (id, outcome) in outcomes {
                view.dispatch(WorkerEvent::Done(id));
                if let AddOutcome::Duplicate { name } = outcome {
                    KNOWN.with_borrow_mut(|known| known.remove(&id));
                    state.dispatch(Action::RemoveInput(id));
                    notify(format!("{name} is already loaded: it was not added again."));
                }
            }
        }
        Reply::Stopped { id, error } => {
            view.dispatch(WorkerEvent::Done(id));
            KNOWN.with_borrow_mut(|known| known.remove(&id));
            state.dispatch(Action::RemoveInput(id));
            if let Some(error) = error {
                notify(format!("Could not load: {error}"));
            }
        }
        Reply::Stored { entries } => {
            // A reload: the stored inputs come back under fresh ids, with progress until read.
            let mut files = Vec::new();
            let mut pairs = Vec::new();
            for (key, name, size) in entries {
                let id = crate::state::next_input_id();
                KNOWN.with_borrow_mut(|known| known.insert(id));
                view.dispatch(WorkerEvent::Progress(Loading {
                    id,
                    bytes: 0,
                    total: size,
                }));
                files.push(EventFile {
                    id,
                    name,
                    size,
                    text: None,
                });
                pairs.push((key, id));
            }
            state.dispatch(Action::AddFiles(files));
            client::send(&Request::Adopt { pairs });
        }
        // After the paint of their answer's results, in a render of their own: drawn in the
        // results' frame, their layout and paint made every keystroke's results later (at
        // 100,000 events the worker counts them in about 2 ms more).
        Reply::Charts { rev, charts } => {
            let view = view.clone();
            after_paint(&CHARTS_HELD, move || {
                if rev >= LATEST_REV.with(Cell::get) {
                    view.dispatch(WorkerEvent::Charts(charts));
                }
            });
        }
        Reply::Facets(facets) => view.dispatch(WorkerEvent::Facets(facets)),
        // Not between the answer and its paint: a render of its own after it (the preview
        // follows every answer whose matches changed).
        Reply::Preview(preview) => {
            let view = view.clone();
            after_paint(&PREVIEW_HELD, move || {
                view.dispatch(WorkerEvent::Preview(preview))
            });
        }
        Reply::StoreFailed { message } => notify(message),
        Reply::Texts(texts) => view.dispatch(WorkerEvent::Texts(texts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventpen_playground::breakdown::Breakdown;

    fn charts(events: usize) -> Option<Box<ChartsView>> {
        Some(Box::new(ChartsView {
            timeline: None,
            change: None,
            breakdown: Breakdown {
                events,
                dimensions: Vec::new(),
            },
        }))
    }

    fn shown(view: &WorkerView) -> Option<usize> {
        view.charts.as_ref().map(|c| c.breakdown.events)
    }

    #[test]
    fn charts_stay_until_their_successors_and_go_with_the_events_or_the_switch() {
        let view = Rc::new(WorkerView::default()).reduce(WorkerEvent::Charts(charts(3)));
        assert_eq!(shown(&view), Some(3));
        // An answer with the charts on: the last charts stay until the answer's own arrive.
        let view = view.reduce(WorkerEvent::Answer(Box::default(), true));
        assert_eq!(shown(&view), Some(3));
        let view = view.reduce(WorkerEvent::Charts(charts(5)));
        assert_eq!(shown(&view), Some(5));
        // Other events (the answer lists the inputs anew): no charts of the old ones meanwhile.
        let reloaded = Answer {
            inputs: Some(Vec::new()),
            ..Answer::default()
        };
        let view = view.reduce(WorkerEvent::Answer(Box::new(reloaded), true));
        assert_eq!(shown(&view), None);
        // The charts turned off: none kept to show old counts when they come back on.
        let view = view
            .reduce(WorkerEvent::Charts(charts(7)))
            .reduce(WorkerEvent::Answer(Box::default(), false));
        assert_eq!(shown(&view), None);
    }
}
