//! The page's side of the worker's inputs: hand it files and large pastes, cancel loads, and
//! keep its inputs equal to the state's (the page's list is the truth).
use super::client;
use super::protocol::Request;
use crate::state::{Action, EventFile, PASTED, State};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    /// Inputs the worker has been given (or is loading).
    pub(super) static KNOWN: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
}

/// Hand `files` to the worker to read (in chunks, with progress), adding each to the state.
pub fn load_files(files: Vec<web_sys::File>, dispatch: &UseReducerDispatcher<State>) {
    let mut added = Vec::new();
    for file in files {
        let entry = EventFile {
            id: crate::state::next_input_id(),
            name: file.name(),
            size: file.size() as usize,
            text: None,
        };
        KNOWN.with_borrow_mut(|known| known.insert(entry.id));
        client::send_file(
            &Request::LoadFile {
                id: entry.id,
                sample: false,
            },
            &file,
        );
        added.push(entry);
    }
    dispatch.dispatch(Action::AddFiles(added));
}

/// Hand a large pasted text to the worker as an input of its own (the page keeps its name and
/// size only).
pub fn add_pasted(text: String, dispatch: &UseReducerDispatcher<State>) {
    let entry = EventFile {
        id: crate::state::next_input_id(),
        name: PASTED.to_string(),
        size: text.len(),
        text: None,
    };
    KNOWN.with_borrow_mut(|known| known.insert(entry.id));
    let inputs = vec![(entry.id, entry.name.clone(), false)];
    client::send_texts(
        &Request::AddTexts {
            inputs,
            persist: true,
        },
        &[&text],
    );
    dispatch.dispatch(Action::AddFiles(vec![entry]));
}

/// Stop a load under way.
pub fn cancel(id: u32) {
    client::send(&Request::Cancel { id });
}

/// Give the worker the inputs it lacks and tell it which to keep; cancel loads of removed ones.
pub(super) fn sync_inputs(
    text: &Rc<str>,
    files: &[EventFile],
    pasted: &mut Option<(Rc<str>, u32)>,
) {
    let mut current: Vec<u32> = Vec::with_capacity(files.len() + 1);
    let mut to_add: Vec<(u32, String, Rc<str>)> = Vec::new();
    if !text.trim().is_empty() {
        let id = match pasted.as_ref() {
            // The same text still loaded in the worker (text that was removed and comes back,
            // e.g. restored samples, is sent again).
            Some((known, id))
                if **known == **text && KNOWN.with_borrow(|loaded| loaded.contains(id)) =>
            {
                *id
            }
            _ => {
                let id = crate::state::next_input_id();
                *pasted = Some((text.clone(), id));
                to_add.push((id, PASTED.to_string(), text.clone()));
                id
            }
        };
        current.push(id);
    }
    for file in files {
        current.push(file.id);
        let known = KNOWN.with_borrow(|known| known.contains(&file.id));
        if let (false, Some(text)) = (known, &file.text) {
            to_add.push((file.id, file.name.clone(), text.clone()));
        }
    }
    let gone: Vec<u32> = KNOWN.with_borrow(|known| {
        known
            .iter()
            .filter(|id| !current.contains(id))
            .copied()
            .collect()
    });
    for id in gone {
        KNOWN.with_borrow_mut(|known| known.remove(&id));
        cancel(id);
    }
    client::send(&Request::Retain {
        ids: current.clone(),
    });
    if to_add.is_empty() {
        return;
    }
    KNOWN.with_borrow_mut(|known| known.extend(to_add.iter().map(|(id, ..)| *id)));
    let texts: Vec<&str> = to_add.iter().map(|(_, _, text)| &**text).collect();
    let inputs = to_add
        .iter()
        .map(|(id, name, _)| (*id, name.clone(), false))
        .collect();
    client::send_texts(
        &Request::AddTexts {
            inputs,
            persist: false,
        },
        &texts,
    );
}
