//! The bridge to CodeMirror 6: bindings to `window.EventPenEditor` (www/editor/main.js, bundled
//! into `code-editor.js` by scripts/bundle-editor.mjs) and a hook that keeps one editor in sync
//! with the component's props.
//!
//! The app owns the text and the undo history; the editor reports each edit and each undo/redo
//! key, and takes the app's text back as a minimal change. Offsets cross as UTF-16 (what
//! JavaScript strings count), converted by `text_offsets`, the one tested converter.
use crate::text_offsets::byte_to_utf16;
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One CodeMirror editor (see `create` in www/editor/main.js).
    pub type EditorHandle;

    #[wasm_bindgen(js_namespace = EventPenEditor, js_name = create, catch)]
    fn create_editor(parent: &web_sys::Element, options: &JsValue)
    -> Result<EditorHandle, JsValue>;

    #[wasm_bindgen(method, js_name = setValue)]
    fn set_value(this: &EditorHandle, text: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &EditorHandle, list: &Array);

    #[wasm_bindgen(method, js_name = setCatalog)]
    fn set_catalog(this: &EditorHandle, json: &str);

    #[wasm_bindgen(method, js_name = setClauseCounts)]
    fn set_clause_counts(this: &EditorHandle, list: &Array);

    #[wasm_bindgen(method)]
    fn select(this: &EditorHandle, from: u32, to: u32);

    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
}

/// Whether the bundled editor module loaded (it runs before the app's module). Without it
/// (the wasm-bindgen browser tests mount components on a bare page) the plain text area is used.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("EventPenEditor")).ok())
        .is_some_and(|v| v.is_object())
}

/// A lint mark as the editor takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// The hover text.
    pub message: String,
    /// The fix: its title and the whole fixed text.
    pub fix: Option<(String, String)>,
}

/// What the editor is set up with once, at creation.
pub struct Setup {
    /// Id of the editable element.
    pub id: AttrValue,
    /// Id of the element naming it.
    pub labelled_by: String,
    /// Ids of the elements describing it.
    pub described_by: String,
    /// Shown in the empty editor.
    pub placeholder: Option<AttrValue>,
    /// Whether completion is on.
    pub completion: bool,
    /// Whether undo/redo keys go to the app.
    pub app_history: bool,
}

/// The latest callbacks (props change on every render; the editor's closures read these).
#[derive(Default)]
pub struct Callbacks {
    /// An edit: the whole new text.
    pub on_change: Option<Callback<String>>,
    /// An edit, as soon as it is made (before the editor redraws): the whole new text.
    pub on_edit: Option<Callback<String>>,
    /// A fix applied: the whole fixed text.
    pub on_fix: Option<Callback<String>>,
    /// Undo (`false`) or redo (`true`).
    pub on_history: Option<Callback<bool>>,
}

/// A live editor and the closures it calls (dropped with it).
struct Live {
    handle: EditorHandle,
    _closures: Vec<Closure<dyn Fn(JsValue)>>,
}

impl Drop for Live {
    fn drop(&mut self) {
        self.handle.destroy();
    }
}

/// The mounted editor, for the component's own actions (jump to a problem).
#[derive(Clone)]
pub struct CodeMirrorRef(Rc<RefCell<Option<Live>>>);

impl CodeMirrorRef {
    /// Select byte span `span` of `text` and focus the editor; `false` when there is no editor.
    pub fn select(&self, text: &str, span: &Range<usize>) -> bool {
        let Some(live) = &*self.0.borrow() else {
            return false;
        };
        let from = byte_to_utf16(text, span.start);
        let to = byte_to_utf16(text, span.end.max(span.start));
        live.handle.select(from, to);
        true
    }
}

/// What the editor shows that changes with the app's state.
#[derive(Clone)]
pub struct Synced {
    /// The text.
    pub value: Rc<str>,
    /// Lint marks.
    pub marks: Rc<Vec<Mark>>,
    /// The completion catalog as JSON.
    pub catalog: Option<Rc<str>>,
    /// Per-clause counts: (byte span, count, events loaded).
    pub counts: Rc<Vec<(Range<usize>, usize, usize)>>,
}

/// Mount a CodeMirror editor into `host` and keep its text, marks, catalog and counts in step.
///
/// The editor is created in a task of its own, after the first render: creating the two editors
/// in the render's task made page start-up one long main-thread task (the share-link hardening
/// tests count the longest). It then takes whatever the app shows by then.
#[hook]
pub fn use_code_mirror(
    host: NodeRef,
    setup: Setup,
    callbacks: Callbacks,
    synced: Synced,
) -> CodeMirrorRef {
    let latest = use_mut_ref(Callbacks::default);
    *latest.borrow_mut() = callbacks;
    let live = use_mut_ref(|| None::<Live>);
    // What the editor must show, for a mount that happens after the props moved on.
    let shown = use_mut_ref(|| None::<Synced>);
    *shown.borrow_mut() = Some(synced.clone());
    let Synced {
        value,
        marks,
        catalog,
        counts,
    } = synced;
    {
        let live = live.clone();
        use_effect_with((), move |_| {
            let pending = {
                let live = live.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    let (Some(parent), Some(synced)) =
                        (host.cast::<web_sys::Element>(), shown.borrow().clone())
                    else {
                        return;
                    };
                    let mounted = mount(&parent, &setup, latest, &synced.value);
                    if let Some(mounted) = &mounted {
                        send_synced(mounted, &synced);
                    }
                    *live.borrow_mut() = mounted;
                })
            };
            move || {
                drop(pending);
                drop(live.borrow_mut().take());
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(value.clone(), move |value| {
            if let Some(live) = &*live.borrow() {
                live.handle.set_value(value);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with((value.clone(), marks), move |(value, marks)| {
            if let Some(live) = &*live.borrow() {
                live.handle.set_diagnostics(&marks_to_js(value, marks));
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(catalog, move |catalog| {
            if let Some(live) = &*live.borrow() {
                live.handle.set_catalog(catalog.as_deref().unwrap_or(""));
            }
        });
    }
    {
        // Sent when the counts change only: they may lag the text (see `use_clause_counts`),
        // and the editor moves the ones it shows along with each edit until new ones come.
        let live = live.clone();
        use_effect_with(counts, move |counts| {
            if let Some(live) = &*live.borrow() {
                live.handle.set_clause_counts(&counts_to_js(&value, counts));
            }
        });
    }
    CodeMirrorRef(live)
}

/// Marks, catalog and counts for an editor just mounted (its text came with `mount`).
fn send_synced(live: &Live, synced: &Synced) {
    live.handle
        .set_diagnostics(&marks_to_js(&synced.value, &synced.marks));
    live.handle
        .set_catalog(synced.catalog.as_deref().unwrap_or(""));
    live.handle
        .set_clause_counts(&counts_to_js(&synced.value, &synced.counts));
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn mount(
    parent: &web_sys::Element,
    setup: &Setup,
    latest: Rc<RefCell<Callbacks>>,
    value: &str,
) -> Option<Live> {
    let options = Object::new();
    set(&options, "id", &JsValue::from_str(&setup.id));
    set(
        &options,
        "labelledBy",
        &JsValue::from_str(&setup.labelled_by),
    );
    set(
        &options,
        "describedBy",
        &JsValue::from_str(&setup.described_by),
    );
    set(&options, "value", &JsValue::from_str(value));
    set(
        &options,
        "completion",
        &JsValue::from_bool(setup.completion),
    );
    if let Some(placeholder) = &setup.placeholder {
        set(&options, "placeholder", &JsValue::from_str(placeholder));
    }
    let text_callback = |pick: fn(&Callbacks) -> Option<Callback<String>>| {
        let latest = latest.clone();
        Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
            let callback = pick(&latest.borrow());
            if let (Some(callback), Some(text)) = (callback, text.as_string()) {
                callback.emit(text);
            }
        })
    };
    let on_change = text_callback(|c| c.on_change.clone());
    let on_fix = text_callback(|c| c.on_fix.clone().or_else(|| c.on_change.clone()));
    set(&options, "onChange", on_change.as_ref());
    set(&options, "onFix", on_fix.as_ref());
    let mut closures = vec![on_change, on_fix];
    if latest.borrow().on_edit.is_some() {
        let on_edit = text_callback(|c| c.on_edit.clone());
        set(&options, "onEdit", on_edit.as_ref());
        closures.push(on_edit);
    }
    if setup.app_history {
        let latest = latest.clone();
        let on_history = Closure::<dyn Fn(JsValue)>::new(move |redo: JsValue| {
            let callback = latest.borrow().on_history.clone();
            if let Some(callback) = callback {
                callback.emit(redo.as_bool().unwrap_or(false));
            }
        });
        set(&options, "onHistory", on_history.as_ref());
        closures.push(on_history);
    }
    let handle = create_editor(parent, &options).ok()?;
    Some(Live {
        handle,
        _closures: closures,
    })
}

/// The marks with UTF-16 offsets.
fn marks_to_js(text: &str, marks: &[Mark]) -> Array {
    marks
        .iter()
        .map(|mark| {
            let object = Object::new();
            let from = byte_to_utf16(text, mark.span.start);
            let to = byte_to_utf16(text, mark.span.end.max(mark.span.start));
            set(&object, "from", &JsValue::from(from));
            set(&object, "to", &JsValue::from(to));
            set(&object, "severity", &JsValue::from_str(mark.severity));
            set(&object, "message", &JsValue::from_str(&mark.message));
            if let Some((title, fixed)) = &mark.fix {
                set(&object, "fixTitle", &JsValue::from_str(title));
                set(&object, "fixText", &JsValue::from_str(fixed));
            }
            JsValue::from(object)
        })
        .collect()
}

/// Clause counts as `{at, count, total}` with `at` the UTF-16 end of the clause.
fn counts_to_js(text: &str, counts: &[(Range<usize>, usize, usize)]) -> Array {
    counts
        .iter()
        .map(|(span, count, total)| {
            let object = Object::new();
            set(&object, "at", &JsValue::from(byte_to_utf16(text, span.end)));
            set(&object, "count", &JsValue::from(*count as u32));
            set(&object, "total", &JsValue::from(*total as u32));
            JsValue::from(object)
        })
        .collect()
}
