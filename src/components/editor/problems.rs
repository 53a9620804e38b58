//! The list of the editor's problems under it: errors (`role="alert"`), then warnings, each
//! naming its line:column and JSON path (a button that puts the cursor there) and its fix.
use super::EditorDiagnostic;
use crate::components::prose::prose;
use yew::prelude::*;

/// Props of [`Problems`].
#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    /// The list's id (the editor's `aria-describedby` points here).
    pub id: AttrValue,
    /// Errors then warnings.
    pub diagnostics: std::rc::Rc<Vec<EditorDiagnostic>>,
    /// Put the cursor on a byte span.
    pub on_jump: Callback<std::ops::Range<usize>>,
    /// Apply a fix (the whole fixed text).
    pub on_fix: Callback<String>,
}

/// Errors and warnings, listed.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let errors: Vec<&EditorDiagnostic> = props.diagnostics.iter().filter(|d| d.is_error).collect();
    let warnings: Vec<&EditorDiagnostic> =
        props.diagnostics.iter().filter(|d| !d.is_error).collect();
    let item = |d: &&EditorDiagnostic| {
        let place = if d.path.is_empty() {
            format!("Line {}:{}", d.line, d.column)
        } else {
            format!("Line {}:{} at {}", d.line, d.column, d.path)
        };
        let span = d.span.clone();
        let jump = props.on_jump.reform(move |_: MouseEvent| span.clone());
        let fix = d.fix.as_ref().map(|(title, fixed)| {
            let fixed = fixed.clone();
            let apply = props.on_fix.reform(move |_: MouseEvent| fixed.clone());
            html! {
                <>
                    <p class="fix-title">{ prose(title) }</p>
                    <button type="button" class="fix" aria-label={format!("Apply fix: {title}")}
                        onclick={apply}>{ "Apply fix" }</button>
                </>
            }
        });
        html! {
            <li class={if d.is_error { "diag error" } else { "diag warning" }}>
                <button type="button" class="link" onclick={jump}
                    title="Put the cursor here">{ place }</button>
                { ": " }{ prose(&d.message) }
                { for fix }
            </li>
        }
    };
    let count = |n: usize, what: &str| {
        if n == 1 {
            format!("1 {what}")
        } else {
            format!("{n} {what}s")
        }
    };
    html! {
        <div id={props.id.clone()}>
            if !errors.is_empty() {
                <div role="alert" class="notice error">
                    <strong>{ count(errors.len(), "error") }</strong>
                    <ul class="diag-list">{ for errors.iter().map(item) }</ul>
                </div>
            }
            if !warnings.is_empty() {
                <div class="notice warn" role="status">
                    <strong>{ count(warnings.len(), "warning") }</strong>
                    <ul class="diag-list">{ for warnings.iter().map(item) }</ul>
                </div>
            }
        </div>
    }
}
