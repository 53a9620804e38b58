//! The pattern editor: one component with `value`, `on_change` and `diagnostics`, so a richer
//! editor can replace the text area later without touching the rest of the app.
//!
//! Errors show twice: inline (the offending span is marked in a backdrop layer behind the
//! transparent text area, and the line number is flagged) and in a list with `role="alert"` that
//! names the JSON path and line:column — clicking an entry puts the cursor there.
use crate::components::prose::prose;
use crate::text_offsets::byte_to_utf16;
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
    /// The text's id (its label points here).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The text.
    pub value: Rc<str>,
    /// Called with the new text on every edit.
    pub on_change: Callback<String>,
    /// Applies a diagnostic's fix (the whole fixed text) as its own undo step; without it a
    /// fix goes through `on_change`.
    #[prop_or_default]
    pub on_apply_fix: Option<Callback<String>>,
    /// Messages about the text, errors first.
    pub diagnostics: Rc<Vec<EditorDiagnostic>>,
    /// Called for Ctrl/Cmd+Z (undo) and Ctrl/Cmd+Shift+Z or Ctrl+Y (redo): `true` means redo.
    #[prop_or_default]
    pub on_history: Option<Callback<bool>>,
    /// When set, the label is also the heading (an `h2` with this id) of the region around it.
    #[prop_or_default]
    pub heading_id: Option<AttrValue>,
    /// Shown in the empty editor.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A code text area with inline diagnostics.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_change.emit(area.value());
        })
    };
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
            if key == "z" {
                e.prevent_default();
                on_history.emit(e.shift_key());
            } else if key == "y" {
                e.prevent_default();
                on_history.emit(true);
            }
        })
    };
    let errors: Vec<&EditorDiagnostic> = props.diagnostics.iter().filter(|d| d.is_error).collect();
    let warnings: Vec<&EditorDiagnostic> =
        props.diagnostics.iter().filter(|d| !d.is_error).collect();
    let describedby = format!("{}-help {}-problems", props.id, props.id);
    let jump = |d: &EditorDiagnostic| {
        let textarea = textarea.clone();
        let value = props.value.clone();
        let start = d.span.start;
        let end = d.span.end.max(start);
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                let from = byte_to_utf16(&value, start);
                let to = byte_to_utf16(&value, end);
                let _ = area.set_selection_range(from, to);
            }
        })
    };
    let item = |d: &EditorDiagnostic| {
        let place = if d.path.is_empty() {
            format!("Line {}:{}", d.line, d.column)
        } else {
            format!("Line {}:{} at {}", d.line, d.column, d.path)
        };
        let fix = d.fix.as_ref().map(|(title, fixed)| {
            let on_change = props.on_apply_fix.clone().unwrap_or_else(|| props.on_change.clone());
            let fixed = fixed.clone();
            html! {
                <>
                    <p class="fix-title">{ prose(title) }</p>
                    <button type="button" class="fix" aria-label={format!("Apply fix: {title}")}
                        onclick={Callback::from(move |_: MouseEvent| on_change.emit(fixed.clone()))}>
                        { "Apply fix" }
                    </button>
                </>
            }
        });
        html! {
            <li class={if d.is_error { "diag error" } else { "diag warning" }}>
                <button type="button" class="link" onclick={jump(d)}
                    title="Put the cursor here">{ place }</button>
                { ": " }{ prose(&d.message) }
                { for fix }
            </li>
        }
    };
    html! {
        <div class="editor">
            if let Some(heading_id) = &props.heading_id {
                <h2 id={heading_id.clone()}><label for={props.id.clone()}>{ props.label.clone() }</label></h2>
            } else {
                <label for={props.id.clone()}>{ props.label.clone() }</label>
            }
            if let Some(hint) = &props.hint {
                <p class="hint" id={format!("{}-help", props.id)}>{ hint.clone() }</p>
            }
            <div class="code-box">
                <div class="backdrop" aria-hidden="true" ref={backdrop}>
                    { highlighted(&props.value, &props.diagnostics) }
                </div>
                <textarea id={props.id.clone()} ref={textarea.clone()} spellcheck="false"
                    autocomplete="off" autocapitalize="off"
                    aria-invalid={(!errors.is_empty()).to_string()}
                    aria-describedby={describedby} placeholder={props.placeholder.clone()}
                    value={props.value.to_string()} {oninput} {onscroll} {onkeydown} />
            </div>
            <div id={format!("{}-problems", props.id)}>
                if !errors.is_empty() {
                    <div role="alert" class="notice error">
                        <strong>{ if errors.len() == 1 { "1 error".to_string() } else { format!("{} errors", errors.len()) } }</strong>
                        <ul class="diag-list">{ for errors.iter().map(|d| item(d)) }</ul>
                    </div>
                }
                if !warnings.is_empty() {
                    <div class="notice warn" role="status">
                        <strong>{ if warnings.len() == 1 { "1 warning".to_string() } else { format!("{} warnings", warnings.len()) } }</strong>
                        <ul class="diag-list">{ for warnings.iter().map(|d| item(d)) }</ul>
                    </div>
                }
            </div>
        </div>
    }
}

/// The text with each diagnostic's span wrapped in a mark, for the backdrop layer. Spans are
/// byte ranges; overlapping or out-of-range ones are clipped so the text is always complete.
fn highlighted(text: &str, diagnostics: &[EditorDiagnostic]) -> Html {
    let mut spans: Vec<(Range<usize>, bool)> = diagnostics
        .iter()
        .map(|d| {
            let mut end = d.span.end.min(text.len());
            let mut start = d.span.start.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            if end <= start {
                // An empty span (e.g. "unexpected end"): mark the character before it.
                end = start;
                start = text[..start]
                    .char_indices()
                    .next_back()
                    .map_or(start, |(i, _)| i);
                if start == end {
                    end = text[start..]
                        .chars()
                        .next()
                        .map_or(start, |c| start + c.len_utf8());
                }
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            (start..end, d.is_error)
        })
        .collect();
    spans.sort_by_key(|(range, _)| range.start);
    let mut parts = Vec::new();
    let mut at = 0;
    for (range, is_error) in spans {
        let start = range.start.max(at);
        if start >= range.end {
            continue;
        }
        parts.push(html! { { text[at..start].to_string() } });
        let class = if is_error {
            "mark-error"
        } else {
            "mark-warning"
        };
        parts.push(html! { <mark class={class}>{ text[start..range.end].to_string() }</mark> });
        at = range.end;
    }
    parts.push(html! { { format!("{}\n", &text[at..]) } });
    html! { <>{ for parts }</> }
}
