//! Shared objects and collections: the values every process of a run may
//! reach at once (`New shared object`, `New shared collection`, `Storage`).
//!
//! Their contents are [`SharedValue`]s, which are `Send + Sync`: scalars,
//! texts, and other shared objects and collections (anything else is error
//! -10721, as documented). Reads need no lock beyond the short read lock of
//! the container; every write needs the caller's process to hold the lock of
//! the container's group (`Use`). Storing a shared object or collection in
//! another joins it to that one's group for good; `Storage` is the exception:
//! what it holds keeps its own group.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use indexmap::IndexMap;
use parking_lot::RwLock;

use super::error::{RuntimeError, codes};
use super::locks::{Group, ProcessId, Refused};
use super::value::{Date, Props, Value, key};

thread_local! {
    /// The process running on this thread (0 outside a run's processes).
    static CURRENT: Cell<ProcessId> = const { Cell::new(0) };
}

/// Makes `id` the process of this thread, for the locks of `Use`.
pub fn set_current_process(id: ProcessId) {
    CURRENT.with(|c| c.set(id));
}

/// The process running on this thread.
pub fn current_process() -> ProcessId {
    CURRENT.with(Cell::get)
}

/// A value held by a shared object or collection.
#[derive(Clone, Debug)]
pub enum SharedValue {
    Null,
    Bool(bool),
    Real(f64),
    Date(Date),
    Text(Arc<str>),
    /// A `4D.Blob` (shareable, documented): its bytes.
    Blob(Arc<[u8]>),
    Object(Arc<SharedObject>),
    Collection(Arc<SharedCollection>),
}

/// What shared objects and collections have in common: a group, whose lock
/// `Use` takes.
#[derive(Debug)]
pub struct Membership {
    /// The value's own group, until it joins another (once, for good).
    own: Arc<Group>,
    joined: OnceLock<Arc<Group>>,
    /// Whether the group has other members: such a value cannot join another group.
    grouped: AtomicBool,
}

impl Membership {
    fn new() -> Membership {
        Membership { own: Group::new(), joined: OnceLock::new(), grouped: AtomicBool::new(false) }
    }

    /// The group's lock.
    #[inline]
    pub fn group(&self) -> &Arc<Group> {
        self.joined.get().unwrap_or(&self.own)
    }

    /// Takes the group's lock for the running process, as `Use` does
    /// (`what` names the taker in the deadlock error).
    pub fn lock(&self, what: &str) -> Result<(), RuntimeError> {
        self.group().acquire(current_process()).map_err(|refused| match refused {
            Refused::Deadlock(deadlock) => RuntimeError::new(
                codes::DEADLOCK,
                format!(
                    "{what} would wait forever: process {} holds the lock and waits for one this process holds",
                    deadlock.holder
                ),
            ),
            Refused::Stopped => {
                RuntimeError::new(codes::ABORTED, format!("the process was stopped while {what} waited"))
            }
        })
    }

    /// Lets go of the lock taken by [`Membership::lock`].
    pub fn unlock(&self) {
        self.group().release(current_process());
    }

    /// Joins `group` (a value joins another group at most once).
    fn join(&self, group: &Arc<Group>) {
        if !Arc::ptr_eq(self.group(), group) {
            let _ = self.joined.set(Arc::clone(group));
        }
    }

    /// An error unless the running process holds the group's lock.
    #[inline]
    fn check_write(&self) -> Result<(), RuntimeError> {
        if self.group().held_by(current_process()) {
            Ok(())
        } else {
            Err(RuntimeError::new(
                codes::OUTSIDE_USE,
                "a shared object or collection can only be changed between Use and End use",
            ))
        }
    }

    /// Puts a new shared value, that nothing else holds yet, into this group.
    pub fn adopt_new(&self, member: &Membership) {
        member.join(self.group());
        member.grouped.store(true, Ordering::Release);
        self.grouped.store(true, Ordering::Release);
    }

    /// Puts `member` (a shared value being stored here) into this group.
    fn adopt(&self, member: &Membership) -> Result<(), RuntimeError> {
        let mine = self.group();
        let theirs = member.group();
        if Arc::ptr_eq(mine, theirs) {
            return Ok(());
        }
        if member.grouped.load(Ordering::Acquire) {
            return Err(RuntimeError::new(
                codes::OTHER_GROUP,
                "this shared object or collection already belongs to another shared group: store a copy \
                 (OB Copy with ck shared) instead",
            ));
        }
        member.join(mine);
        member.grouped.store(true, Ordering::Release);
        self.grouped.store(true, Ordering::Release);
        Ok(())
    }
}

/// A shared object.
#[derive(Debug)]
pub struct SharedObject {
    pub membership: Membership,
    props: RwLock<IndexMap<Arc<str>, SharedValue, rustc_hash::FxBuildHasher>>,
    /// `Storage`: what it holds does not join its group.
    storage: bool,
    /// For an instance of a shared user class: the class's index in the run's class table.
    pub class: Option<usize>,
    /// For an object that stands for something native (a `4D.Session`): that
    /// thing, held weakly (it holds the object).
    pub native: Option<std::sync::Weak<dyn std::any::Any + Send + Sync>>,
    /// For a `4D.Signal`: its state (its `signaled` property is read-only).
    pub signal: Option<super::signal::Signal>,
    /// For an object that owns something native (a `4D.CryptoKey`'s key):
    /// that thing. Its properties are read-only.
    pub owned: Option<Arc<dyn std::any::Any + Send + Sync>>,
}

/// The position of property `name`: `hint` when the name is there, else
/// found by hashing (and `hint` set to it).
#[inline]
fn find(
    props: &IndexMap<Arc<str>, SharedValue, rustc_hash::FxBuildHasher>,
    name: &str,
    hint: &mut u32,
) -> Option<usize> {
    let at = *hint as usize;
    if let Some((k, _)) = props.get_index(at)
        && super::props::same_name(k, name)
    {
        return Some(at);
    }
    let i = props.get_index_of(name)?;
    *hint = u32::try_from(i).unwrap_or(u32::MAX);
    Some(i)
}

/// A shared collection.
#[derive(Debug)]
pub struct SharedCollection {
    pub membership: Membership,
    items: RwLock<Vec<SharedValue>>,
}

impl SharedObject {
    pub fn new() -> Arc<SharedObject> {
        SharedObject::make(false, None)
    }

    /// A new instance of the shared user class at `class`.
    pub fn new_instance(class: usize) -> Arc<SharedObject> {
        SharedObject::make(false, Some(class))
    }

    /// A read-only object standing for `native` (its properties are computed).
    pub fn new_native(native: std::sync::Weak<dyn std::any::Any + Send + Sync>) -> Arc<SharedObject> {
        Arc::new(SharedObject {
            membership: Membership::new(),
            props: RwLock::new(IndexMap::default()),
            storage: false,
            class: None,
            native: Some(native),
            signal: None,
            owned: None,
        })
    }

    /// What the object stands for, if it is a native object still alive.
    pub fn native(&self) -> Option<Arc<dyn std::any::Any + Send + Sync>> {
        self.native.as_ref().and_then(std::sync::Weak::upgrade)
    }

    fn make(storage: bool, class: Option<usize>) -> Arc<SharedObject> {
        Arc::new(SharedObject {
            membership: Membership::new(),
            props: RwLock::new(IndexMap::default()),
            storage,
            class,
            native: None,
            signal: None,
            owned: None,
        })
    }

    /// A new object owning `owned` (a `4D.CryptoKey`), whose properties are
    /// set with `set_unchecked` before anyone else sees it and are read-only.
    pub fn new_owning(owned: Arc<dyn std::any::Any + Send + Sync>) -> Arc<SharedObject> {
        Arc::new(SharedObject {
            membership: Membership::new(),
            props: RwLock::new(IndexMap::default()),
            storage: false,
            class: None,
            native: None,
            signal: None,
            owned: Some(owned),
        })
    }

    /// A new `4D.Signal` (`New signal`): not signaled, with its description.
    pub fn new_signal(description: &str) -> Arc<SharedObject> {
        let object = SharedObject {
            membership: Membership::new(),
            props: RwLock::new(IndexMap::default()),
            storage: false,
            class: None,
            native: None,
            signal: Some(super::signal::Signal::default()),
            owned: None,
        };
        let mut props = object.props.write();
        props.insert(Arc::from("signaled"), SharedValue::Bool(false));
        props.insert(Arc::from("description"), SharedValue::Text(Arc::from(description)));
        drop(props);
        Arc::new(object)
    }

    /// Triggers a `4D.Signal`: `signaled` becomes True, and the processes
    /// waiting for it wake. Nothing for another object.
    pub fn trigger(&self) {
        if let Some(signal) = &self.signal {
            self.props.write().insert(Arc::from("signaled"), SharedValue::Bool(true));
            signal.trigger();
        }
    }

    /// The `Storage` object of a run.
    pub fn new_storage() -> Arc<SharedObject> {
        SharedObject::make(true, None)
    }

    pub fn is_storage(&self) -> bool {
        self.storage
    }

    /// The value of property `name` (undefined when missing).
    pub fn get(&self, name: &str) -> Value {
        self.props.read().get(name).map_or(Value::Undefined, SharedValue::to_value)
    }

    /// `get`, trying first the position `hint` (where the name was found by
    /// the last read or write of the same place), which it corrects.
    pub fn get_hinted(&self, name: &str, hint: &mut u32) -> Value {
        let props = self.props.read();
        match find(&props, name, hint) {
            Some(i) => props.get_index(i).map_or(Value::Undefined, |(_, v)| v.to_value()),
            None => Value::Undefined,
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.props.read().contains_key(name)
    }

    pub fn len(&self) -> usize {
        self.props.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.props.read().is_empty()
    }

    /// The properties, in creation order, as values of the reading process.
    pub fn entries(&self) -> Vec<(String, Value)> {
        self.props.read().iter().map(|(k, v)| (k.to_string(), v.to_value())).collect()
    }

    /// The properties as a standard object of the reading process holds them
    /// (a copy of the first level).
    pub fn props(&self) -> Props {
        let props = self.props.read();
        let mut copy = Props::with_capacity(props.len());
        for (k, v) in props.iter() {
            copy.insert(key(k), v.to_value());
        }
        copy
    }

    /// `object.name:=value`, inside `Use`. Undefined resets an existing
    /// property to its type's empty value and does nothing to a missing one.
    pub fn set(&self, name: &str, value: &Value) -> Result<(), RuntimeError> {
        self.set_hinted(name, value, &mut 0)
    }

    /// `set`, trying first the position `hint` (see `get_hinted`).
    pub fn set_hinted(&self, name: &str, value: &Value, hint: &mut u32) -> Result<(), RuntimeError> {
        if self.owned.is_some() {
            return Err(RuntimeError::new(
                codes::READ_ONLY_PROPERTY,
                format!("the {name} property of this object is read-only"),
            ));
        }
        self.membership.check_write()?;
        if self.signal.is_some() && name == "signaled" {
            return Err(RuntimeError::new(
                codes::READ_ONLY_PROPERTY,
                "the signaled property of a 4D.Signal is read-only",
            ));
        }
        self.put(name, value, hint)
    }

    /// Sets a property without the `Use` check (a command that locks by itself,
    /// or a value being built before anyone else can see it).
    pub fn set_unchecked(&self, name: &str, value: &Value) -> Result<(), RuntimeError> {
        self.put(name, value, &mut 0)
    }

    /// Writes a property, its position looked for first at `hint`.
    fn put(&self, name: &str, value: &Value, hint: &mut u32) -> Result<(), RuntimeError> {
        if let Value::Undefined = value {
            let mut props = self.props.write();
            if let Some((_, slot)) = find(&props, name, hint).and_then(|i| props.get_index_mut(i)) {
                *slot = slot.emptied();
            }
            return Ok(());
        }
        if self.storage && !matches!(value, Value::SharedObject(_) | Value::SharedCollection(_) | Value::Null) {
            return Err(RuntimeError::new(
                codes::NOT_SHAREABLE,
                format!("Storage holds only shared objects and collections, not {}", value.type_name()),
            ));
        }
        let stored = SharedValue::from_value(value, (!self.storage).then_some(&self.membership))?;
        let mut props = self.props.write();
        match find(&props, name, hint).and_then(|i| props.get_index_mut(i)) {
            Some((_, slot)) => *slot = stored,
            None => {
                props.insert(Arc::from(name), stored);
            }
        }
        Ok(())
    }

    /// `OB REMOVE`, which locks by itself.
    pub fn remove(&self, name: &str) {
        self.props.write().shift_remove(name);
    }
}

impl SharedCollection {
    pub fn new() -> Arc<SharedCollection> {
        Arc::new(SharedCollection { membership: Membership::new(), items: RwLock::new(Vec::new()) })
    }

    pub fn len(&self) -> usize {
        self.items.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.read().is_empty()
    }

    /// Element `i` (undefined past the end).
    pub fn get(&self, i: usize) -> Value {
        self.items.read().get(i).map_or(Value::Undefined, SharedValue::to_value)
    }

    /// The elements, as values of the reading process.
    pub fn values(&self) -> Vec<Value> {
        self.items.read().iter().map(SharedValue::to_value).collect()
    }

    /// `collection[i]:=value`, inside `Use`; the collection grows with nulls.
    pub fn set(&self, i: usize, value: &Value) -> Result<(), RuntimeError> {
        self.membership.check_write()?;
        let stored = SharedValue::from_value(value, Some(&self.membership))?;
        let mut items = self.items.write();
        if i >= items.len() {
            items.resize(i + 1, SharedValue::Null);
        }
        items[i] = stored;
        Ok(())
    }

    /// Appends `values` (`.push()`, under the group's lock, which its caller
    /// took): the elements already there are neither read nor copied.
    pub fn push(&self, values: &[Value]) -> Result<(), RuntimeError> {
        let stored =
            values.iter().map(|v| SharedValue::from_value(v, Some(&self.membership))).collect::<Result<Vec<_>, _>>()?;
        self.items.write().extend(stored);
        Ok(())
    }

    /// Removes up to `count` elements from `at` and puts `values` in their
    /// place (`.shift()`, `.pop()`, `.remove()`, `.insert()`, `.unshift()`,
    /// under the group's lock, which the caller took); gives the elements
    /// removed. Only the elements after `at` move.
    pub fn splice(&self, at: usize, count: usize, values: &[Value]) -> Result<Vec<Value>, RuntimeError> {
        let stored =
            values.iter().map(|v| SharedValue::from_value(v, Some(&self.membership))).collect::<Result<Vec<_>, _>>()?;
        let mut items = self.items.write();
        let at = at.min(items.len());
        let end = at.saturating_add(count).min(items.len());
        Ok(items.splice(at..end, stored).map(|v| v.to_value()).collect())
    }

    /// Replaces every element (a collection function that changes its
    /// receiver, run under the group's lock).
    pub fn replace_all(&self, values: &[Value]) -> Result<(), RuntimeError> {
        let stored =
            values.iter().map(|v| SharedValue::from_value(v, Some(&self.membership))).collect::<Result<Vec<_>, _>>()?;
        *self.items.write() = stored;
        Ok(())
    }
}

impl SharedValue {
    /// `value` as a shared object or collection holds it; a shared object or
    /// collection joins `group`'s group (none for `Storage`).
    pub fn from_value(value: &Value, group: Option<&Membership>) -> Result<SharedValue, RuntimeError> {
        Ok(match value {
            Value::Undefined | Value::Null => SharedValue::Null,
            Value::Bool(b) => SharedValue::Bool(*b),
            Value::Real(x) => SharedValue::Real(*x),
            Value::Long(n) => SharedValue::Real(f64::from(*n)),
            Value::Time(t) => SharedValue::Real(super::object_modes::stored_time(*t)),
            Value::Date(d) => match super::object_modes::stored_date(*d) {
                Value::Text(t) => SharedValue::Text(Arc::from(t.as_str())),
                _ => SharedValue::Date(*d),
            },
            Value::Text(t) => SharedValue::Text(Arc::from(t.as_str())),
            Value::Blob(b) => SharedValue::Blob(Arc::from(b.as_slice())),
            Value::Object(_) if super::blob::scalar_of(value).is_some() => SharedValue::Blob(
                super::blob::scalar_of(value).map_or_else(|| Arc::from(&[][..]), |b| Arc::from(b.as_slice())),
            ),
            Value::SharedObject(o) => {
                if let Some(group) = group {
                    group.adopt(&o.membership)?;
                }
                SharedValue::Object(Arc::clone(o))
            }
            Value::SharedCollection(c) => {
                if let Some(group) = group {
                    group.adopt(&c.membership)?;
                }
                SharedValue::Collection(Arc::clone(c))
            }
            other => {
                return Err(RuntimeError::new(
                    codes::NOT_SHAREABLE,
                    format!(
                        "a shared object or collection cannot hold {} (only scalars and shared objects and \
                         collections: copy it with OB Copy and ck shared)",
                        describe(other)
                    ),
                ));
            }
        })
    }

    /// The value as the reading process sees it.
    pub fn to_value(&self) -> Value {
        match self {
            SharedValue::Null => Value::Null,
            SharedValue::Bool(b) => Value::Bool(*b),
            SharedValue::Real(x) => Value::Real(*x),
            SharedValue::Date(d) => Value::Date(*d),
            SharedValue::Text(t) => Value::text(t.as_ref()),
            SharedValue::Blob(b) => super::blob::blob_object(std::rc::Rc::new(b.to_vec())),
            SharedValue::Object(o) => Value::SharedObject(Arc::clone(o)),
            SharedValue::Collection(c) => Value::SharedCollection(Arc::clone(c)),
        }
    }

    /// The empty value of this value's type (what undefined assigned to it leaves).
    fn emptied(&self) -> SharedValue {
        match self {
            SharedValue::Real(_) => SharedValue::Real(0.0),
            SharedValue::Text(_) => SharedValue::Text(Arc::from("")),
            SharedValue::Bool(_) => SharedValue::Bool(false),
            SharedValue::Date(_) => SharedValue::Date(Date::NULL),
            SharedValue::Null | SharedValue::Blob(_) | SharedValue::Object(_) | SharedValue::Collection(_) => {
                SharedValue::Null
            }
        }
    }
}

/// The group membership of a shared object or collection.
pub fn membership(value: &Value) -> Option<&Membership> {
    match value {
        Value::SharedObject(o) => Some(&o.membership),
        Value::SharedCollection(c) => Some(&c.membership),
        _ => None,
    }
}

/// A value named in a message about sharing: objects and collections say
/// that they are not shared.
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Object(_) => "a non-shared object",
        Value::Collection(_) => "a non-shared collection",
        Value::Pointer(_) => "a pointer",
        Value::Array(_) => "an array",
        other => other.type_name(),
    }
}

/// A deep shared copy of a process's value (`OB Copy(...; ck shared)`,
/// `.copy(ck shared)`): objects and collections become new shared ones of one
/// new group (or of `group`'s group).
pub fn share_copy(value: &Value, group: Option<&Membership>, depth: usize) -> Result<Value, RuntimeError> {
    if depth > 512 {
        return Err(RuntimeError::new(codes::BAD_ARGUMENTS, "a value nested too deeply cannot be copied"));
    }
    let entries = match value {
        Value::Object(o) => Some(o.borrow().props.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()),
        Value::SharedObject(o) => Some(o.entries()),
        _ => None,
    };
    if let Some(entries) = entries {
        let copy = SharedObject::new();
        if let Some(group) = group {
            group.adopt_new(&copy.membership);
        }
        for (k, v) in entries {
            copy.set_unchecked(&k, &share_copy(&v, Some(&copy.membership), depth + 1)?)?;
        }
        return Ok(Value::SharedObject(copy));
    }
    let items = match value {
        Value::Collection(c) => Some(c.borrow().clone()),
        Value::SharedCollection(c) => Some(c.values()),
        _ => None,
    };
    if let Some(items) = items {
        let copy = SharedCollection::new();
        if let Some(group) = group {
            group.adopt_new(&copy.membership);
        }
        let items =
            items.iter().map(|v| share_copy(v, Some(&copy.membership), depth + 1)).collect::<Result<Vec<_>, _>>()?;
        copy.replace_all(&items)?;
        return Ok(Value::SharedCollection(copy));
    }
    Ok(value.clone())
}
