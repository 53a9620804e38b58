//! The page header: the product name and what it does in one line.
use yew::prelude::*;

/// The site header.
#[component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <h1>{ "EventPen" }</h1>
            <p class="tagline">{ "Test Amazon EventBridge event patterns against your own CloudTrail events." }</p>
        </header>
    }
}
