//! Tips under the pattern: what the pattern and the loaded events say together, each with its
//! fix as one click where the evaluation core knows one.
use crate::components::prose::prose;
use std::rc::Rc;
use yew::prelude::*;

/// One tip as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// What to tell the user.
    pub message: String,
    /// Where in the pattern text it applies (bytes), for the editor's mark.
    pub span: Option<std::ops::Range<usize>>,
    /// The fix: its title and the whole pattern text with it applied.
    pub fix: Option<(String, String)>,
}

/// Props of [`Hints`].
#[derive(Properties, PartialEq)]
pub struct HintsProps {
    /// The tips.
    pub hints: Rc<Vec<Tip>>,
    /// Replaces the pattern text with a fixed one (one undoable edit).
    pub on_apply: Callback<String>,
}

/// The tip list (empty renders nothing).
#[component]
pub fn Hints(props: &HintsProps) -> Html {
    if props.hints.is_empty() {
        return html! {};
    }
    let item = |tip: &Tip| {
        let fix = tip.fix.as_ref().map(|(title, fixed)| {
            let on_apply = props.on_apply.clone();
            let fixed = fixed.clone();
            html! {
                <button type="button" class="fix" aria-label={format!("Apply fix: {title}")}
                    onclick={Callback::from(move |_: MouseEvent| on_apply.emit(fixed.clone()))}>
                    { "Apply fix" }
                </button>
            }
        });
        html! { <li>{ prose(&tip.message) }{ " " }{ for fix }</li> }
    };
    html! {
        <div class="notice tips" role="status" aria-label="Tips">
            <strong>{ "Tips from your events" }</strong>
            <ul class="diag-list">{ for props.hints.iter().map(item) }</ul>
        </div>
    }
}
