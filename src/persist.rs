//! The browser edges of keeping work: local storage (across reloads) and the URL fragment (share
//! links). What goes in them is `share::Snapshot`; encoding lives in `share`, pure and tested.
use crate::share::Snapshot;

/// The local-storage key of the workspace.
const WORKSPACE_KEY: &str = "eventpen.workspace.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The workspace kept from an earlier visit, if any (a corrupt entry counts as none).
pub fn load_local() -> Option<Snapshot> {
    let text = storage()?.get_item(WORKSPACE_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keep the workspace; Err when the browser refused (storage full or disabled).
pub fn save_local(snapshot: &Snapshot) -> Result<(), String> {
    let storage = storage().ok_or("this browser gives the page no local storage")?;
    let text = serde_json::to_string(snapshot).map_err(|e| e.to_string())?;
    storage.set_item(WORKSPACE_KEY, &text).map_err(|_| {
        format!(
            "the browser's local storage is full ({} KB needed), so loaded events will not survive a reload",
            text.len() / 1024
        )
    })
}

/// The URL fragment without '#', or None when there is none.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Replace the address bar's fragment without adding a history entry.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if fragment.is_empty() {
        base
    } else {
        format!("{base}#{}", fragment.trim_start_matches('#'))
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// The full link for a fragment, as the address bar would show it.
pub fn link_for(fragment: &str) -> String {
    let Some(window) = web_sys::window() else {
        return format!("#{fragment}");
    };
    let location = window.location();
    format!(
        "{}{}{}#{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        fragment.trim_start_matches('#')
    )
}
