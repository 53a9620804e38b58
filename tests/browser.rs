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
