//! The worker's IndexedDB: the events' inputs stored once, after a load (never per keystroke),
//! so a reload restores them; removed inputs are deleted. Each input is one record
//! `{name, sample, bytes}` (bytes: the File loaded as a Blob, or a Uint8Array) under an
//! auto-increment key; the worker maps the page's input ids to those keys.
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransactionMode, WorkerGlobalScope,
};

const DATABASE: &str = "eventpen";
const INPUTS: &str = "inputs";

/// One stored input.
pub struct StoredInput {
    /// Its key in the store.
    pub key: f64,
    /// The input's name.
    pub name: String,
    /// Whether it was a sample.
    pub sample: bool,
    /// Its bytes as a Blob: a file stays the disk-backed Blob it was stored as, and stored
    /// bytes (pasted text) are wrapped in one, so a restore reads every input in chunks and
    /// never holds a 100 MB input in wasm memory.
    pub blob: web_sys::Blob,
}

/// Wait for a request to succeed; its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| {
        request
            .error()
            .ok()
            .flatten()
            .map_or_else(|| "the browser refused".to_string(), |e| e.message())
    })?;
    request.result().map_err(|_| "no result".to_string())
}

/// Open (and on first use create) the database.
async fn open() -> Result<IdbDatabase, String> {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let factory = scope
        .indexed_db()
        .ok()
        .flatten()
        .ok_or("this browser gives the page no IndexedDB")?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|_| "IndexedDB could not be opened")?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let parameters = IdbObjectStoreParameters::new();
            parameters.set_auto_increment(true);
            let _ = db.create_object_store_with_optional_parameters(INPUTS, &parameters);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    finished(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "IndexedDB gave no database".to_string())
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbObjectStore, String> {
    db.transaction_with_str_and_mode(INPUTS, mode)
        .and_then(|t| t.object_store(INPUTS))
        .map_err(|_| "IndexedDB refused a transaction".to_string())
}

/// Store an input (its bytes: a Blob, such as the File loaded, or a Uint8Array); its key.
pub async fn put(name: &str, sample: bool, data: &JsValue) -> Result<f64, String> {
    let db = open().await?;
    let record = Object::new();
    let _ = Reflect::set(&record, &"name".into(), &name.into());
    let _ = Reflect::set(&record, &"sample".into(), &sample.into());
    let _ = Reflect::set(&record, &"bytes".into(), data);
    let request = store(&db, IdbTransactionMode::Readwrite)?
        .add(&record)
        .map_err(|_| "IndexedDB refused the input".to_string())?;
    let key = finished(&request).await?;
    db.close();
    key.as_f64()
        .ok_or_else(|| "IndexedDB gave no key".to_string())
}

/// Delete stored inputs.
pub async fn delete(keys: &[f64]) -> Result<(), String> {
    if keys.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let inputs = store(&db, IdbTransactionMode::Readwrite)?;
    for key in keys {
        let request = inputs
            .delete(&JsValue::from_f64(*key))
            .map_err(|_| "IndexedDB refused a delete".to_string())?;
        finished(&request).await?;
    }
    db.close();
    Ok(())
}

/// Every stored input, in the order stored.
pub async fn all() -> Result<Vec<StoredInput>, String> {
    let db = open().await?;
    let inputs = store(&db, IdbTransactionMode::Readonly)?;
    let keys = inputs
        .get_all_keys()
        .map_err(|_| "IndexedDB refused to list".to_string())?;
    let keys: Array = finished(&keys).await?.unchecked_into();
    let values = inputs
        .get_all()
        .map_err(|_| "IndexedDB refused to read".to_string())?;
    let values: Array = finished(&values).await?.unchecked_into();
    db.close();
    let field = |record: &JsValue, name: &str| Reflect::get(record, &name.into()).ok();
    let mut stored = Vec::with_capacity(keys.length() as usize);
    for (key, record) in keys.iter().zip(values.iter()) {
        let (Some(key), Some(name), Some(data)) = (
            key.as_f64(),
            field(&record, "name").and_then(|n| n.as_string()),
            field(&record, "bytes"),
        ) else {
            continue;
        };
        let blob = match data.dyn_into::<web_sys::Blob>() {
            Ok(blob) => blob,
            Err(data) => {
                let parts = Array::of1(&Uint8Array::new(&data));
                match web_sys::Blob::new_with_u8_array_sequence(&parts) {
                    Ok(blob) => blob,
                    Err(_) => continue,
                }
            }
        };
        stored.push(StoredInput {
            key,
            name,
            sample: field(&record, "sample").and_then(|s| s.as_bool()) == Some(true),
            blob,
        });
    }
    Ok(stored)
}
