//! The app mounted in a real headless Chromium (wasm-bindgen-test): it renders its regions.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let Yew's scheduler render.
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}

fn mount_fresh() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    eventpen::mount(root.clone());
    root
}

#[wasm_bindgen_test]
async fn renders_heading_and_labelled_regions() {
    let root = mount_fresh();
    settle().await;
    let heading = root.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(heading.text_content().unwrap(), "EventPen");
    for name in ["Events", "Event pattern", "Results"] {
        let found = root.query_selector_all("section[aria-labelledby]").unwrap();
        let labels: Vec<String> = (0..found.length())
            .filter_map(|i| found.item(i))
            .filter_map(|section| {
                let id = section
                    .unchecked_ref::<web_sys::Element>()
                    .get_attribute("aria-labelledby")?;
                root.query_selector(&format!("#{id}")).ok()??.text_content()
            })
            .collect();
        assert!(
            labels.iter().any(|l| l == name),
            "no region named {name}: {labels:?}"
        );
    }
}

use wasm_bindgen::JsCast;

/// A frame: resolves in the browser's next animation frame callback.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

#[yew::function_component]
fn TwoStages() -> yew::Html {
    use eventpen::components::staged::Staged;
    yew::html! {
        <>
            <p id="now">{ "now" }</p>
            <Staged><p id="one">{ "one" }</p></Staged>
            <Staged frames={2}><p id="two">{ "two" }</p></Staged>
        </>
    }
}

/// Staged content: absent when its parent first renders and still absent while the next frame's
/// callbacks run (it is drawn in a task after that frame); then the one-frame part, never after
/// the two-frame part; in the end both.
#[wasm_bindgen_test]
async fn staged_content_appears_after_its_frames() {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<TwoStages>::with_root(root.clone()).render();
    let state = || {
        let shown = |id: &str| root.query_selector(&format!("#{id}")).unwrap().is_some();
        (shown("now"), shown("one"), shown("two"))
    };
    // Yew renders in a microtask after `render`.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
        &wasm_bindgen::JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(state(), (true, false, false));
    next_frame().await;
    assert_eq!(state(), (true, false, false), "drawn inside the frame");
    let mut seen = Vec::new();
    for _ in 0..6 {
        gloo::timers::future::TimeoutFuture::new(0).await;
        seen.push(state());
        next_frame().await;
        seen.push(state());
    }
    assert!(
        seen.iter().all(|s| s.1 || !s.2),
        "the second stage came first: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&(true, true, true)), "{seen:?}");
}
