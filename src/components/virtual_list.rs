//! One virtualised list, used by the results, the loaded events and a facet's values: a scroll
//! box whose inner list is as tall as all its rows (so the scrollbar reflects the exact total)
//! but holds only the rows in view and a few more. Rows the parent does not have yet (they come
//! from the worker a window at a time) are drawn as placeholders and asked for, at most once a
//! frame. Each row says its place (`aria-posinset` of `aria-setsize` = the exact total), and the
//! arrow keys, Page Up/Down, Home and End move the focus through all rows, not just those drawn.
use super::virtual_rows::{RowHeights, box_px, box_top, list_top, row_after_key, window_to_ask};
use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The visible height assumed until the scroll box has been laid out.
const FIRST_VIEW_PX: f64 = 600.0;

/// Props of [`VirtualList`].
#[derive(Properties, PartialEq)]
pub struct VirtualListProps {
    /// The list's accessible name.
    pub label: AttrValue,
    /// Classes of the inner list (`ul`).
    #[prop_or_default]
    pub class: Classes,
    /// How many rows the whole list has.
    pub total: usize,
    /// The height a row is assumed to have until drawn, in pixels.
    pub row_px: f64,
    /// The contents of row `i`, or `None` while it has not arrived.
    pub row: Callback<usize, Option<Html>>,
    /// The rows the parent has, as (offset, count).
    pub loaded: (usize, usize),
    /// The rows the parent last asked for, as (offset, count).
    #[prop_or_default]
    pub asked: (usize, usize),
    /// Called with the window (offset, count) to fetch when the drawn rows are not loaded.
    #[prop_or_default]
    pub on_window: Callback<(usize, usize)>,
    /// Changes when the rows' contents change wholesale (other events, another filter): the
    /// measured heights are forgotten and the list scrolls back to its top.
    #[prop_or_default]
    pub generation: u64,
}

/// The view state read from the scroll box: (scroll top, visible height).
type View = (f64, f64);

/// A virtualised list of `total` rows.
#[component]
pub fn VirtualList(props: &VirtualListProps) -> Html {
    let scroller = use_node_ref();
    let view = use_state(|| (0.0, FIRST_VIEW_PX));
    let heights = use_mut_ref(|| RowHeights::new(props.row_px));
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let focus = use_mut_ref(Focus::default);
    // Scrolled to the end when rows were measured: stay at the end once they are redrawn.
    let pin_to_end = use_mut_ref(|| false);
    let redraw = use_force_update();
    // The measuring after a draw, waiting for the next animation frame (see below).
    let job = use_mut_ref(|| None::<Box<dyn FnOnce()>>);
    let job_frame = use_mut_ref(|| None::<AnimationFrame>);
    let total = props.total;
    {
        // Other rows altogether: forget their heights and start at the top. Not on mount (a
        // new list is at its top already): setting the scroll position forces a layout, and
        // the first answer after a load mounts the lists in one render with the whole page.
        let (heights, scroller, view) = (heights.clone(), scroller.clone(), view.clone());
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.generation, move |_| {
            if mounted.replace(true) {
                heights.borrow_mut().clear();
                if let Some(element) = scroller.cast::<Element>() {
                    element.set_scroll_top(0);
                }
                view.set((0.0, view.1));
            }
        });
    }
    let list_px = heights.borrow().top(total);
    let shown_top = list_top(view.0, view.1, list_px);
    let drawn = heights.borrow().drawn(shown_top, view.1, total);
    {
        // After each draw: measure the drawn rows, follow the box's size, ask for missing
        // rows, and put the focus where a key sent it.
        let (scroller, view, heights) = (scroller.clone(), view.clone(), heights.clone());
        let (focus, redraw) = (focus.clone(), redraw.clone());
        let (drawn, loaded, asked) = (drawn.clone(), props.loaded, props.asked);
        let (on_window, pin_to_end) = (props.on_window.clone(), pin_to_end.clone());
        let rendered_px = box_px(list_px);
        let (job, job_frame) = (job.clone(), job_frame.clone());
        let urgent = focus.borrow().wanted.is_some() || *pin_to_end.borrow();
        let run = move || {
            let Some(element) = scroller.cast::<HtmlElement>() else {
                return;
            };
            if pin_to_end.replace(false) {
                element.set_scroll_top(element.scroll_height());
            }
            let remeasured = measure_rows(&element, &mut heights.borrow_mut());
            if remeasured {
                // Scrolled to the end: stay there once the measured rows are redrawn.
                let at_end =
                    f64::from(element.scroll_top() + element.client_height()) >= rendered_px - 2.0;
                pin_to_end.replace(at_end && element.scroll_top() > 0);
                redraw.force_update();
            }
            let wanted = focus.borrow().wanted;
            if let Some(row) = wanted.filter(|row| remeasured || !drawn.contains(row)) {
                // A key sent the focus to a row: keep it in view as measured heights move it.
                scroll_to_row(&element, &heights.borrow(), row, total);
            }
            let seen = read_view(&element);
            if (seen.0 - view.0).abs() >= 1.0 || (seen.1 - view.1).abs() >= 1.0 {
                view.set(seen);
            }
            if let Some(window) = window_to_ask(&drawn, total, loaded, asked) {
                on_window.emit(window);
            }
            focus_row(&element, &mut focus.borrow_mut());
        };
        use_effect(move || {
            // Measuring reads layout: done in the next animation frame, where the browser lays
            // the page out anyway, once however many renders came before it (an edit and its
            // answer re-render the lists; measuring in each forced a layout of its own). A key
            // moving the focus, or a list pinned to its end, is followed at once.
            if urgent {
                job.borrow_mut().take();
                job_frame.borrow_mut().take();
                run();
                return;
            }
            *job.borrow_mut() = Some(Box::new(run));
            if job_frame.borrow().is_none() {
                let (job, slot) = (job.clone(), job_frame.clone());
                *job_frame.borrow_mut() = Some(request_animation_frame(move |_| {
                    slot.borrow_mut().take();
                    let pending = job.borrow_mut().take();
                    if let Some(run) = pending {
                        run();
                    }
                }));
            }
        });
    }
    let onscroll = {
        let (scroller, view, frame) = (scroller.clone(), view.clone(), frame.clone());
        Callback::from(move |_: Event| {
            if frame.borrow().is_some() {
                return;
            }
            let (scroller, view, pending) = (scroller.clone(), view.clone(), frame.clone());
            // One read of the scroll position per frame, however many scroll events came.
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                pending.borrow_mut().take();
                if let Some(element) = scroller.cast::<HtmlElement>() {
                    view.set(read_view(&element));
                }
            }));
        })
    };
    let onkeydown = {
        let (scroller, view, heights) = (scroller.clone(), view.clone(), heights.clone());
        let (focus, redraw) = (focus.clone(), redraw.clone());
        let row_px = props.row_px;
        Callback::from(move |e: KeyboardEvent| {
            let Some(from) = row_of_head(&e) else {
                return;
            };
            let page = (view.1 / heights.borrow().estimate().max(row_px / 2.0)).floor() as usize;
            let Some(to) = row_after_key(&e.key(), from, total, page.saturating_sub(1)) else {
                return;
            };
            e.prevent_default();
            let Some(element) = scroller.cast::<HtmlElement>() else {
                return;
            };
            scroll_to_row(&element, &heights.borrow(), to, total);
            focus.borrow_mut().wanted = Some(to);
            view.set(read_view(&element));
            redraw.force_update();
        })
    };
    // The drawn rows sit where the box shows list position `shown_top` (their own place when
    // the list fits the box; else the box's scroll position maps onto the list's).
    let padding = view.0 - (shown_top - heights.borrow().top(drawn.start));
    let height = box_px(list_px);
    let style = format!("height: {height:.0}px; padding-top: {padding:.0}px");
    let setsize = total.to_string();
    html! {
        <div class="vlist" ref={scroller} {onscroll}>
            <ul class={props.class.clone()} role="list" aria-label={props.label.clone()} {style} {onkeydown}>
                { for drawn.map(|i| {
                    let place = (i + 1).to_string();
                    match props.row.emit(i) {
                        Some(contents) => html! {
                            <li key={i} class="vrow" data-pos={i.to_string()} aria-posinset={place} aria-setsize={setsize.clone()}>
                                { contents }
                            </li>
                        },
                        None => html! {
                            <li key={i} class="vrow placeholder" data-pos={i.to_string()} data-placeholder="true" tabindex="-1"
                                aria-posinset={place.clone()} aria-setsize={setsize.clone()}
                                style={format!("height: {:.0}px", props.row_px)}>
                                <span class="muted">{ format!("#{place} …") }</span>
                            </li>
                        },
                    }
                }) }
            </ul>
        </div>
    }
}

/// The scroll box's (scroll top, visible height).
fn read_view(element: &HtmlElement) -> View {
    (
        f64::from(element.scroll_top()),
        f64::from(element.client_height()),
    )
}

/// Measure the drawn rows that have arrived; whether any height changed.
fn measure_rows(element: &HtmlElement, heights: &mut RowHeights) -> bool {
    let Ok(rows) = element.query_selector_all("li.vrow:not([data-placeholder])") else {
        return false;
    };
    let mut changed = false;
    for row in (0..rows.length()).filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok()) {
        if let Some(index) = position(&row) {
            changed |= heights.measure(index, row.get_bounding_client_rect().height());
        }
    }
    changed
}

/// A row's index (from `data-pos`).
fn position(row: &Element) -> Option<usize> {
    row.get_attribute("data-pos")?.parse().ok()
}

/// The row whose head (the row itself or its first button) a key event came from; keys in
/// the rest of a row (an open event's tree, a select) are left to it.
fn row_of_head(e: &KeyboardEvent) -> Option<usize> {
    let target: Element = e.target_dyn_into()?;
    let row = target.closest("li.vrow").ok()??;
    let head = row.query_selector("button").ok().flatten();
    (target == row || head.as_ref() == Some(&target))
        .then(|| position(&row))
        .flatten()
}

/// Scroll the least that brings row `index` (of `total`) fully into view.
fn scroll_to_row(element: &HtmlElement, heights: &RowHeights, index: usize, total: usize) {
    let (top, bottom) = (heights.top(index), heights.top(index + 1));
    let (scroll_top, visible) = read_view(element);
    let list_px = heights.top(total);
    let shown = list_top(scroll_top, visible, list_px);
    let target = if top < shown {
        top
    } else if bottom > shown + visible {
        bottom - visible
    } else {
        return;
    };
    element.set_scroll_top(box_top(target, visible, list_px).round() as i32);
}

/// Focus the row a key moved to, once drawn: its first button when it has arrived, else the
/// placeholder (the wish stays until the real row takes the focus). Afterwards the row keeps
/// the focus through redraws: if the focus falls to the page (a redraw replaced the focused
/// element), it goes back to the row, until the user moves it out of the list.
fn focus_row(element: &HtmlElement, focus: &mut Focus) {
    let active = gloo::utils::document().active_element();
    let fell = active
        .as_ref()
        .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
    let inside = active.as_ref().is_some_and(|a| element.contains(Some(a)));
    if !fell && !inside {
        focus.kept = None;
    }
    let Some(index) = focus.wanted.or(focus.kept.filter(|_| fell)) else {
        return;
    };
    let selector = format!("li.vrow[data-pos=\"{index}\"]");
    let Some(row) = element.query_selector(&selector).ok().flatten() else {
        return;
    };
    let arrived = !row.has_attribute("data-placeholder");
    let target = row
        .query_selector("button")
        .ok()
        .flatten()
        .unwrap_or_else(|| row.clone());
    if active.as_ref() != Some(&target)
        && let Some(target) = target.dyn_ref::<HtmlElement>()
    {
        let _ = target.focus();
    }
    if arrived {
        focus.wanted = None;
        focus.kept = Some(index);
    }
}

/// Where keys sent the focus: the row still to focus (`wanted`, scrolled to as heights are
/// measured), and the row focused last (`kept`).
#[derive(Default)]
struct Focus {
    wanted: Option<usize>,
    kept: Option<usize>,
}

/// The window a list that fetches its rows asks for before it has been drawn.
pub const FIRST_WINDOW: (usize, usize) = (0, 60);
