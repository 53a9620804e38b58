//! What the App needs to host the builder, kept out of app.rs: the last valid pattern and whether the text is stale, and the
//! condition menu for a value picked anywhere an event tree offers picking (the event list).
use super::condition_menu::ConditionMenu;
use crate::builder::{picks_in, pretty, toggle_exact};
use crate::components::event_tree::Pick;
use eventpen_pattern::PatternModel;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The builder's view of the pattern text.
#[derive(Clone)]
pub struct BuilderPattern {
    /// The last valid pattern as JSON, what edits rewrite (none while the text is empty or has
    /// never been valid).
    pub pattern: Option<Rc<Value>>,
    /// The same pattern's model, what the tree and the pressed values are read from.
    pub model: Option<Rc<PatternModel>>,
    /// The text is invalid: views show `pattern` but must not rewrite it.
    pub stale: bool,
    /// Exact values in the pattern, for pressed event-tree leaves and facets.
    pub in_pattern: Rc<Vec<Pick>>,
}

/// Follow the checked pattern: keep the last valid one while the user's JSON is broken.
#[hook]
pub fn use_builder_pattern(
    valid: Option<(Rc<Value>, Rc<PatternModel>)>,
    text_is_empty: bool,
) -> BuilderPattern {
    let last_valid = use_mut_ref(|| None::<(Rc<Value>, Rc<PatternModel>)>);
    let (current, stale) = if text_is_empty {
        *last_valid.borrow_mut() = None;
        (None, false)
    } else if let Some(valid) = valid {
        *last_valid.borrow_mut() = Some(valid.clone());
        (Some(valid), false)
    } else {
        (last_valid.borrow().clone(), true)
    };
    let model = current.as_ref().map(|(_, model)| model.clone());
    let in_pattern = use_memo(model.clone().map(crate::derived::ByPtr), |model| {
        model
            .as_ref()
            .map(|model| {
                picks_in(model)
                    .into_iter()
                    .map(|(path, value)| Pick { path, value })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    BuilderPattern {
        pattern: current.map(|(value, _)| value),
        model,
        stale,
        in_pattern,
    }
}

/// The condition menu's widest (CSS keeps it to this, too).
const MENU_WIDTH: i32 = 420;

/// The picked value and the button it came from.
#[derive(Clone, PartialEq)]
struct Picked {
    pick: Pick,
    anchor: Option<HtmlElement>,
}

/// Picking in event trees: the `on_pick` to hand them (none while the text is stale) and the
/// condition menu to render once, at the top level of the page (it places itself under the
/// picked value). A value already in the pattern is removed at once.
#[hook]
pub fn use_pick_menu(
    current: &BuilderPattern,
    on_replace: Callback<String>,
) -> (Option<Callback<Pick>>, Html) {
    let open = use_state(|| None::<Picked>);
    // Made again only when the pattern changes (a new callback re-renders every event tree).
    let on_pick = {
        let open = open.setter();
        let deps = (
            current.stale,
            current.pattern.clone().map(crate::derived::ByPtr),
            crate::derived::ByPtr(current.in_pattern.clone()),
            on_replace.clone(),
        );
        (*use_memo(deps, move |(stale, pattern, in_pattern, on_replace)| {
            let (pattern, in_pattern, on_replace) =
                (pattern.clone(), in_pattern.clone(), on_replace.clone());
            (!stale).then(|| {
                Callback::from(move |pick: Pick| {
                    if in_pattern.contains(&pick) {
                        open.set(None);
                        let pattern = pattern.as_deref().cloned().unwrap_or(Value::Null);
                        on_replace.emit(pretty(&toggle_exact(&pattern, &pick.path, &pick.value)));
                        return;
                    }
                    let anchor = gloo::utils::document()
                        .active_element()
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                    open.set(Some(Picked { pick, anchor }));
                })
            })
        }))
        .clone()
    };
    let menu = match (&*open, current.stale) {
        (Some(picked), false) => {
            let on_close = {
                let open = open.clone();
                let anchor = picked.anchor.clone();
                Callback::from(move |give_focus_back: bool| {
                    if give_focus_back && let Some(anchor) = &anchor {
                        let _ = anchor.focus();
                    }
                    open.set(None);
                })
            };
            let style = picked.anchor.as_ref().map(|a| {
                let (top, left) = page_position(a);
                // Keep the menu (at most MENU_WIDTH wide) inside the window on narrow screens.
                let width = gloo::utils::window()
                    .inner_width()
                    .ok()
                    .and_then(|w| w.as_f64())
                    .map_or(i32::MAX, |w| w as i32);
                let left = left.min(width - MENU_WIDTH - 8).max(8);
                AttrValue::from(format!(
                    "top: {}px; left: {left}px; max-width: {}px;",
                    top + a.offset_height() + 4,
                    (width - 16).clamp(200, MENU_WIDTH)
                ))
            });
            html! {
                <ConditionMenu pick={picked.pick.clone()} pattern={current.pattern.clone()}
                    in_pattern={current.in_pattern.clone()} {on_replace} {on_close} {style} />
            }
        }
        _ => html! {},
    };
    (on_pick, menu)
}

/// An element's position in the page (offsets summed up the offset parents, less any scrolled
/// ancestors), so a popup at the top level can sit right under it.
fn page_position(element: &HtmlElement) -> (i32, i32) {
    let (mut top, mut left) = (0, 0);
    let mut current = Some(element.clone());
    while let Some(el) = current {
        top += el.offset_top();
        left += el.offset_left();
        current = el
            .offset_parent()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok());
    }
    let mut ancestor = element.parent_element();
    while let Some(el) = ancestor {
        if el.tag_name() != "HTML" && el.tag_name() != "BODY" {
            top -= el.scroll_top();
            left -= el.scroll_left();
        }
        ancestor = el.parent_element();
    }
    (top, left)
}
