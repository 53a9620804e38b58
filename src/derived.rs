//! Values derived from the state for the view: computed with `use_memo`, never stored.
//!
//! `ByPtr` lets big derived values travel through props cheaply: two are equal when they are
//! the same computation (the same `Rc`), so a component re-renders exactly when its input was
//! recomputed, without comparing megabytes of events.
use serde_json::Value;
use std::rc::Rc;

/// An `Rc` compared by identity.
#[derive(Debug)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for ByPtr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What a list row says about an event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// `detail.eventName`, else `detail-type`, else "event".
    pub title: String,
    /// The envelope's `source`.
    pub source: String,
    /// The envelope's `time`.
    pub time: String,
    /// `account / region`.
    pub place: String,
}

impl Summary {
    /// The summary of an EventBridge event.
    pub fn of(event: &Value) -> Summary {
        let text = |pointer: &str| {
            event
                .pointer(pointer)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let title = [text("/detail/eventName"), text("/detail-type")]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| "event".to_string());
        let (account, region) = (text("/account"), text("/region"));
        let place = match (account.is_empty(), region.is_empty()) {
            (false, false) => format!("{account} / {region}"),
            (false, true) => account,
            (true, false) => region,
            (true, true) => String::new(),
        };
        Summary {
            title,
            source: text("/source"),
            time: text("/time"),
            place,
        }
    }

    /// One line for people and screen readers: "RunInstances · aws.ec2 · 2024-05-01T12:00:00Z".
    pub fn line(&self) -> String {
        [&self.title, &self.source, &self.time, &self.place]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn summaries() {
        let cases = [
            (
                json!({"source": "aws.ec2", "time": "T", "account": "1", "region": "r", "detail-type": "X", "detail": {"eventName": "RunInstances"}}),
                "RunInstances · aws.ec2 · T · 1 / r",
            ),
            (
                json!({"source": "my.app", "detail-type": "OrderPlaced"}),
                "OrderPlaced · my.app",
            ),
            (json!({"region": "eu-west-1"}), "event · eu-west-1"),
            (json!([1]), "event"),
        ];
        for (event, line) in cases {
            assert_eq!(Summary::of(&event).line(), line);
        }
    }

    #[test]
    fn by_ptr_compares_identity() {
        let a = ByPtr(Rc::new(vec![1]));
        let b = ByPtr(Rc::new(vec![1]));
        assert!(a == a.clone());
        assert!(a != b);
    }
}

/// One part of the worker's answer, shared as an `Rc` that changes only when a new answer
/// arrives, so the component it goes to re-renders only then.
#[yew::hook]
pub fn use_answer_part<T: Clone + Default + 'static>(
    answer: Option<ByPtr<crate::worker::protocol::Answer>>,
    part: fn(&crate::worker::protocol::Answer) -> &T,
) -> Rc<T> {
    let memo = yew::use_memo(answer, move |answer| {
        Rc::new(answer.as_ref().map(|a| part(a).clone()).unwrap_or_default())
    });
    (*memo).clone()
}
