//! A CloudTrail record's skeleton for [`crate::raw`]: only the top-level fields the envelope and
//! the delivery notes read, parsed from the record's text; everything else validated and skipped.

use crate::cloudtrail::ENVELOPE_KEYS;
use crate::record_fields::EnvelopeFields;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// The record's top-level fields the envelope reads, parsed, plus a null for each key whose
/// mere presence tells an EventBridge event from a record ([`PRESENCE_KEYS`]). Of the nested
/// ones only the field read is kept (`userIdentity.accountId`,
/// `tlsDetails.clientProvidedHostHeader`), so a record costs a handful of small allocations.
/// `None` when the text is not an object.
pub(crate) fn envelope_fields(record: &str) -> Option<EnvelopeFields> {
    let mut deserializer = serde_json::Deserializer::from_str(record);
    de::Deserializer::deserialize_map(&mut deserializer, SkeletonVisitor).ok()
}

/// Keys [`crate::shapes::is_eventbridge_event`] tests for.
const PRESENCE_KEYS: &[&str] = &["detail-type", "source", "detail"];

/// What the envelope reads of one top-level key of a CloudTrail record (the key as listed,
/// to keep it by): what a reader that walks the record anyway (the browser's event store)
/// keeps for [`crate::RecordSink`], so the record is not read a second time for its envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeUse {
    /// The whole value.
    Value(&'static str),
    /// Of an object, only this field (kept as `{"accountId": …}`, or `{}` without it); any
    /// other value is kept as `null` (a number: let the converter read the record itself).
    Field(&'static str, &'static str),
    /// Only that the key is there (kept as `null`).
    Presence(&'static str),
    /// Nothing.
    Unused,
}

/// What the envelope reads of the record's top-level key `key` (its bytes: a reader of the
/// record's text need not check them for UTF-8).
pub fn envelope_use(key: &[u8]) -> EnvelopeUse {
    let listed = |keys: &[&'static str]| keys.iter().copied().find(|k| k.as_bytes() == key);
    match key {
        b"userIdentity" => EnvelopeUse::Field("userIdentity", AccountId::NAME),
        b"tlsDetails" => EnvelopeUse::Field("tlsDetails", HostHeader::NAME),
        _ => match (listed(ENVELOPE_KEYS), listed(PRESENCE_KEYS)) {
            (Some(key), _) => EnvelopeUse::Value(key),
            (None, Some(key)) => EnvelopeUse::Presence(key),
            (None, None) => EnvelopeUse::Unused,
        },
    }
}

struct SkeletonVisitor;

impl<'de> Visitor<'de> for SkeletonVisitor {
    type Value = EnvelopeFields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a CloudTrail record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = EnvelopeFields::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let (key, value) = match envelope_use(key.as_bytes()) {
                EnvelopeUse::Field(key, AccountId::NAME) => (
                    key,
                    map.next_value::<OneField<AccountId>>()?
                        .into_value(AccountId::NAME),
                ),
                EnvelopeUse::Field(key, _) => (
                    key,
                    map.next_value::<OneField<HostHeader>>()?
                        .into_value(HostHeader::NAME),
                ),
                EnvelopeUse::Value(key) => (key, map.next_value::<Value>()?),
                EnvelopeUse::Presence(key) => {
                    map.next_value::<IgnoredAny>()?;
                    (key, Value::Null)
                }
                EnvelopeUse::Unused => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            fields.keep(key, value);
        }
        Ok(fields)
    }
}

/// An object key, borrowed from the text unless it has escapes (most keys: no allocation).
pub(crate) struct Key<'de>(pub Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Which field of a nested object [`OneField`] keeps.
trait FieldName {
    const NAME: &'static str;
}
struct AccountId;
impl FieldName for AccountId {
    const NAME: &'static str = "accountId";
}
struct HostHeader;
impl FieldName for HostHeader {
    const NAME: &'static str = "clientProvidedHostHeader";
}

/// A nested value of which only field `F::NAME` is kept (the rest validated and skipped); a
/// value that is not an object keeps nothing.
struct OneField<F> {
    value: Option<Value>,
    object: bool,
    name: std::marker::PhantomData<F>,
}

impl<F> OneField<F> {
    /// A scalar or an array where an object was expected (a number goes the slow path).
    fn not_an_object() -> Self {
        OneField {
            value: None,
            object: false,
            name: std::marker::PhantomData,
        }
    }

    fn into_value(self, name: &str) -> Value {
        match (self.object, self.value) {
            (true, Some(value)) => Value::Object(Map::from_iter([(name.to_string(), value)])),
            (true, None) => Value::Object(Map::new()),
            // Not an object: nothing reads through it, only its presence counts.
            (false, _) => Value::Null,
        }
    }
}

impl<'de, F: FieldName> de::Deserialize<'de> for OneField<F> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneVisitor<F>(std::marker::PhantomData<F>);
        impl<'de, F: FieldName> Visitor<'de> for OneVisitor<F> {
            type Value = OneField<F>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OneField<F>, A::Error> {
                let mut value = None;
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    if key == F::NAME {
                        value = Some(map.next_value::<Value>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(OneField {
                    value,
                    object: true,
                    name: std::marker::PhantomData,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneField<F>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(OneField::not_an_object())
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<OneField<F>, E> {
                Ok(OneField::not_an_object())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<OneField<F>, E> {
                Ok(OneField::not_an_object())
            }
            fn visit_unit<E: de::Error>(self) -> Result<OneField<F>, E> {
                Ok(OneField::not_an_object())
            }
        }
        deserializer.deserialize_any(OneVisitor(std::marker::PhantomData))
    }
}
