//! The code editor: one component with `value`, `on_change` and `diagnostics` (plus the
//! optional catalog, clause counts and tips), so what draws it can change without touching the
//! rest of the app.
//!
//! It draws CodeMirror 6 (www/editor, bundled into the page at build time) with JSON
//! highlighting, lint marks with their fixes (Ctrl+.), completion from the loaded events and
//! per-clause match counts; on a page without that module it falls back to a text area with
//! marks behind it. Either way the problems are also listed under it with `role="alert"`, each
//! naming its JSON path and line:column.
mod code_mirror;
mod fallback;
mod problems;

use crate::components::hints::Tip;
use crate::components::prose::plain;
use crate::text_offsets::byte_to_utf16;
use code_mirror::{Callbacks, Mark, Setup, Synced, use_code_mirror};
use eventpen_playground::Catalog;
use problems::Problems;
use std::ops::Range;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// One message about the edited text.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorDiagnostic {
    /// The engine's stable code (`json-syntax`, `number-as-string`, …).
    pub code: &'static str,
    /// Error (blocks matching) or warning.
    pub is_error: bool,
    /// Byte span in the text.
    pub span: Range<usize>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// JSON path of the place (`detail.eventName[0]`), empty for the root.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
    /// A fix: its title and the whole text with it applied (one undoable edit).
    pub fix: Option<(String, String)>,
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The editable element's id.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The text.
    pub value: Rc<str>,
    /// Called with the new text on every edit.
    pub on_change: Callback<String>,
    /// Called with the new text of a user edit as soon as it is made, before the editor
    /// redraws and before `on_change` (to start slow work elsewhere early).
    #[prop_or_default]
    pub on_edit: Option<Callback<String>>,
    /// Applies a diagnostic's fix (the whole fixed text) as its own undo step; without it a
    /// fix goes through `on_change`.
    #[prop_or_default]
    pub on_apply_fix: Option<Callback<String>>,
    /// Messages about the text, errors first.
    pub diagnostics: Rc<Vec<EditorDiagnostic>>,
    /// Tips about the text (drawn as marks; listed elsewhere), each fixable with Ctrl+.
    #[prop_or_default]
    pub tips: Rc<Vec<Tip>>,
    /// Called for Ctrl/Cmd+Z (undo) and Ctrl/Cmd+Shift+Z or Ctrl+Y (redo): `true` means redo.
    /// Without it the editor keeps its own history.
    #[prop_or_default]
    pub on_history: Option<Callback<bool>>,
    /// The loaded events' fields and values, for completion (none: no completion).
    #[prop_or_default]
    pub catalog: Option<Rc<Catalog>>,
    /// Byte span of each leaf's list → how many loaded events satisfy it on its own.
    #[prop_or_default]
    pub clause_counts: Rc<Vec<(Range<usize>, usize)>>,
    /// When set, the label is also the heading (an `h2` with this id) of the region around it.
    #[prop_or_default]
    pub heading_id: Option<AttrValue>,
    /// Shown in the empty editor.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// Whether the problems are listed under the editor (off where the caller lists them).
    #[prop_or(true)]
    pub list_problems: bool,
}

/// A code editor with inline diagnostics.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let rich = use_memo((), |_| code_mirror::available());
    let host = use_node_ref();
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let label_id = format!("{}-label", props.id);
    let help_id = format!("{}-help", props.id);
    let problems_id = format!("{}-problems", props.id);
    let described_by = match (&props.hint, props.list_problems) {
        (Some(_), true) => format!("{help_id} {problems_id}"),
        (Some(_), false) => help_id.clone(),
        (None, true) => problems_id.clone(),
        (None, false) => String::new(),
    };
    let marks = use_memo(
        (props.diagnostics.clone(), props.tips.clone()),
        |(diagnostics, tips)| Rc::new(marks_of(diagnostics, tips)),
    );
    let catalog_json = use_memo(props.catalog.clone(), |catalog| {
        catalog.as_ref().map(|c| Rc::<str>::from(c.to_json()))
    });
    let counts = use_memo(
        (props.clause_counts.clone(), props.catalog.clone()),
        |(counts, catalog)| {
            let total = catalog.as_ref().map_or(0, |c| c.events);
            Rc::new(
                counts
                    .iter()
                    .map(|(span, n)| (span.clone(), *n, total))
                    .collect::<Vec<_>>(),
            )
        },
    );
    let on_fix = props
        .on_apply_fix
        .clone()
        .unwrap_or_else(|| props.on_change.clone());
    let editor = use_code_mirror(
        host.clone(),
        Setup {
            id: props.id.clone(),
            labelled_by: label_id.clone(),
            described_by: described_by.clone(),
            placeholder: props.placeholder.clone(),
            completion: props.catalog.is_some(),
            app_history: props.on_history.is_some(),
        },
        Callbacks {
            on_change: Some(props.on_change.clone()),
            on_edit: props.on_edit.clone(),
            on_fix: Some(on_fix.clone()),
            on_history: props.on_history.clone(),
        },
        Synced {
            value: props.value.clone(),
            marks: (*marks).clone(),
            catalog: (*catalog_json).clone(),
            counts: (*counts).clone(),
        },
    );
    let on_jump = {
        let (value, textarea) = (props.value.clone(), textarea.clone());
        Callback::from(move |span: Range<usize>| {
            if editor.select(&value, &span) {
                return;
            }
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                let from = byte_to_utf16(&value, span.start);
                let to = byte_to_utf16(&value, span.end.max(span.start));
                let _ = area.set_selection_range(from, to);
            }
        })
    };
    let invalid = props.diagnostics.iter().any(|d| d.is_error);
    let label = html! {
        <label id={label_id.clone()} for={props.id.clone()}>{ props.label.clone() }</label>
    };
    html! {
        <div class="editor">
            if let Some(heading_id) = &props.heading_id {
                <h2 id={heading_id.clone()}>{ label }</h2>
            } else {
                { label }
            }
            if let Some(hint) = &props.hint {
                <p class="hint" id={help_id}>{ hint.clone() }</p>
            }
            if *rich {
                <div class="code-mirror" ref={host} data-invalid={invalid.to_string()} />
            } else {
                { text_area(props, textarea, backdrop, &described_by, invalid) }
            }
            if props.list_problems {
                <Problems id={problems_id} diagnostics={props.diagnostics.clone()} {on_jump} {on_fix} />
            }
        </div>
    }
}

/// The fallback: a text area over a backdrop with the marks.
fn text_area(
    props: &EditorProps,
    textarea: NodeRef,
    backdrop: NodeRef,
    described_by: &str,
    invalid: bool,
) -> Html {
    let oninput = props.on_change.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        area.value()
    });
    let onscroll = {
        let (textarea, backdrop) = (textarea.clone(), backdrop.clone());
        Callback::from(move |_: Event| {
            if let (Some(area), Some(back)) = (
                textarea.cast::<HtmlTextAreaElement>(),
                backdrop.cast::<web_sys::Element>(),
            ) {
                back.set_scroll_top(area.scroll_top());
                back.set_scroll_left(area.scroll_left());
            }
        })
    };
    let onkeydown = {
        let on_history = props.on_history.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(on_history) = &on_history else {
                return;
            };
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let key = e.key().to_lowercase();
            if key == "z" || key == "y" {
                e.prevent_default();
                on_history.emit(key == "y" || e.shift_key());
            }
        })
    };
    html! {
        <div class="code-box">
            <div class="backdrop" aria-hidden="true" ref={backdrop}>
                { fallback::highlighted(&props.value, &props.diagnostics) }
            </div>
            <textarea id={props.id.clone()} ref={textarea} spellcheck="false"
                autocomplete="off" autocapitalize="off"
                aria-invalid={invalid.to_string()}
                aria-describedby={described_by.to_string()} placeholder={props.placeholder.clone()}
                value={props.value.to_string()} {oninput} {onscroll} {onkeydown} />
        </div>
    }
}

/// The diagnostics and tips as lint marks.
fn marks_of(diagnostics: &[EditorDiagnostic], tips: &[Tip]) -> Vec<Mark> {
    let listed = diagnostics.iter().map(|d| Mark {
        span: d.span.clone(),
        severity: if d.is_error { "error" } else { "warning" },
        message: plain(&d.message),
        fix: plain_fix(&d.fix),
    });
    let tips = tips.iter().filter_map(|t| {
        Some(Mark {
            span: t.span.clone()?,
            severity: "info",
            message: plain(&t.message),
            fix: plain_fix(&t.fix),
        })
    });
    listed.chain(tips).collect()
}

/// A fix with its title as plain text (the hover shows text, not markup).
fn plain_fix(fix: &Option<(String, String)>) -> Option<(String, String)> {
    fix.as_ref()
        .map(|(title, text)| (plain(title), text.clone()))
}
