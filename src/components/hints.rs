//! Teaching hints under the pattern: what the pattern and the loaded events say together.
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Hints`].
#[derive(Properties, PartialEq)]
pub struct HintsProps {
    /// The hints, in words.
    pub hints: Rc<Vec<String>>,
}

/// The hint list (empty renders nothing).
#[component]
pub fn Hints(props: &HintsProps) -> Html {
    if props.hints.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice tips" role="status" aria-label="Tips">
            <strong>{ "Tips from your events" }</strong>
            <ul class="diag-list">{ for props.hints.iter().map(|h| html! { <li>{ h.clone() }</li> }) }</ul>
        </div>
    }
}
