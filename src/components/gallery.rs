//! The examples gallery: every scenario as a card whose title is a link (`#ex=<id>`), so an
//! instructor can put any one of them on a slide. Opening one loads its events, its starting
//! pattern and its challenge.
use crate::components::modal::Modal;
use crate::examples::Example;
use crate::gallery::example_fragment;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Gallery`].
#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    /// The examples.
    pub examples: Rc<Vec<Example>>,
    /// Ids of examples solved in this browser.
    pub solved: Rc<Vec<String>>,
    /// Open example `id`.
    pub on_open: Callback<String>,
    /// Close the gallery.
    pub on_close: Callback<()>,
}

/// The gallery dialog.
#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let needle = query.to_lowercase();
    let shown: Vec<&Example> = props
        .examples
        .iter()
        .filter(|e| {
            needle.is_empty()
                || e.title.to_lowercase().contains(&needle)
                || e.summary.to_lowercase().contains(&needle)
                || e.tags.iter().any(|t| t.to_lowercase().contains(&needle))
        })
        .collect();
    html! {
        <Modal heading_id="gallery-heading" heading="Examples and challenges" class="gallery"
            on_close={props.on_close.clone()}>
                <p class="hint">{ "Each example loads realistic CloudTrail events — ones that must match and near-misses that must not — with a starting pattern and a goal. Every title is a link you can share." }</p>
                <input type="search" aria-label="Search examples" placeholder="Search: sign-in, cidr, numeric…" {oninput} />
                <ul class="gallery-list">
                    { for shown.iter().map(|example| {
                        let id = example.id.clone();
                        let on_open = props.on_open.clone();
                        let onclick = Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            on_open.emit(id.clone());
                        });
                        let solved = props.solved.contains(&example.id);
                        html! {
                            <li class="gallery-card">
                                <h3><a href={format!("#{}", example_fragment(&example.id))} {onclick}>{ crate::components::prose::prose(&example.title) }</a></h3>
                                if solved { <span class="badge ok">{ "Solved" }</span> }
                                <p>{ crate::components::prose::prose(&example.summary) }</p>
                                <p class="tags">{ for example.tags.iter().map(|t| html! { <span class="badge neutral">{ t.clone() }</span> }) }</p>
                            </li>
                        }
                    }) }
                </ul>
                if shown.is_empty() {
                    <p class="empty">{ "No example matches that search." }</p>
                }
        </Modal>
    }
}
