//! Browser edges for getting text out: copy to the clipboard and download as a file. Both work
//! without any network request (the download is a `blob:` URL made in the page).
use wasm_bindgen::JsCast;

/// Copy `text`: the async Clipboard API when the page may use it, else the old
/// select-and-`execCommand("copy")` way (plain http, older browsers, some embedded views).
pub fn copy_text(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let clipboard = window.navigator().clipboard();
    if window.is_secure_context() {
        let promise = clipboard.write_text(text);
        let fallback_text = text.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                copy_with_selection(&fallback_text);
            }
        });
    } else {
        copy_with_selection(text);
    }
}

fn copy_with_selection(text: &str) {
    let document = gloo::utils::document();
    let Ok(area) = document.create_element("textarea") else {
        return;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    area.set_value(text);
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    let body = gloo::utils::body();
    if body.append_child(&area).is_ok() {
        area.select();
        if let Ok(html) = document.dyn_into::<web_sys::HtmlDocument>() {
            let _ = html.exec_command("copy");
        }
        let _ = body.remove_child(&area);
    }
}

/// Offer `text` as a file named `file_name`.
pub fn download_text(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", file_name);
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            link.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
