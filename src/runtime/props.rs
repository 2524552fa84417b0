//! `Props`: the properties of a 4D object, in the order they were added.
//!
//! Most 4D objects have a handful of properties (`New object("id"; 1; "x"; 2)`),
//! so the properties are one vector of (name, value) pairs searched from the
//! start: no hashing, one allocation, 32 bytes a property. An object that
//! grows past `INDEXED_FROM` properties also gets a hash index from name to
//! position, so large objects (parsed JSON, lookup tables) stay O(1).
//! Names are case-sensitive, as in 4D.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

use super::value::Value;

/// From this many properties on, lookups go through the hash index.
const INDEXED_FROM: usize = 12;

/// The properties of an object, in creation order.
#[derive(Clone, Default)]
pub struct Props {
    entries: Vec<(Rc<str>, Value)>,
    /// Name → position in `entries`, kept for objects with `INDEXED_FROM` or
    /// more properties (boxed: a small object pays one word for it, not a whole map).
    #[expect(clippy::box_collection, reason = "one word in every object instead of a map's four")]
    index: Option<Box<HashMap<Rc<str>, usize, FxBuildHasher>>>,
}

impl Props {
    /// An empty set with room for `n` properties.
    pub fn with_capacity(n: usize) -> Props {
        Props { entries: Vec::with_capacity(n), index: None }
    }

    /// Removes every property, keeping the room they took.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of property `name`.
    #[inline]
    pub fn position(&self, name: &str) -> Option<usize> {
        if let Some(index) = &self.index {
            return index.get(name).copied();
        }
        self.entries.iter().position(|(k, _)| same_name(k, name))
    }

    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.position(name).map(|i| &mut self.entries[i].1)
    }

    #[inline]
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets property `name`: an existing property keeps its place; a new one
    /// goes last. Returns the value it replaces.
    pub fn insert(&mut self, name: Rc<str>, value: Value) -> Option<Value> {
        if let Some(i) = self.position(&name) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        if let Some(index) = &mut self.index {
            index.insert(Rc::clone(&name), self.entries.len());
        }
        self.entries.push((name, value));
        if self.index.is_none() && self.entries.len() >= INDEXED_FROM {
            self.reindex();
        }
        None
    }

    /// Removes property `name`, keeping the order of the others.
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        let i = self.position(name)?;
        let (_, value) = self.entries.remove(i);
        if self.index.is_some() {
            self.reindex();
        }
        Some(value)
    }

    /// Rebuilds the hash index (or drops it when the object became small).
    fn reindex(&mut self) {
        if self.entries.len() < INDEXED_FROM {
            self.index = None;
            return;
        }
        let mut index = HashMap::with_capacity_and_hasher(self.entries.len(), FxBuildHasher);
        for (i, (k, _)) in self.entries.iter().enumerate() {
            index.insert(Rc::clone(k), i);
        }
        self.index = Some(Box::new(index));
    }

    /// The properties in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Rc<str>, &Value)> + DoubleEndedIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The properties in order, values writable.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&Rc<str>, &mut Value)> + DoubleEndedIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Rc<str>> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl ExactSizeIterator<Item = &mut Value> + DoubleEndedIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The property at `position`.
    pub fn get_index(&self, position: usize) -> Option<(&Rc<str>, &Value)> {
        self.entries.get(position).map(|(k, v)| (k, v))
    }
}

/// Whether two property names are the same: lengths and first bytes decide
/// most mismatches; names shared through `value::key` match by address; short
/// names are compared in line (no call to `memcmp`).
#[inline(always)]
fn same_name(k: &str, name: &str) -> bool {
    let (a, b) = (k.as_bytes(), name.as_bytes());
    if a.len() != b.len() || a.first() != b.first() {
        return false;
    }
    if std::ptr::eq(a.as_ptr(), b.as_ptr()) {
        return true;
    }
    if a.len() <= 16 { a.iter().zip(b).all(|(x, y)| x == y) } else { a == b }
}

impl fmt::Debug for Props {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries.iter().map(|(k, v)| (k, v))).finish()
    }
}

impl FromIterator<(Rc<str>, Value)> for Props {
    fn from_iter<I: IntoIterator<Item = (Rc<str>, Value)>>(iter: I) -> Props {
        let iter = iter.into_iter();
        let mut props = Props::with_capacity(iter.size_hint().0);
        for (k, v) in iter {
            props.insert(k, v);
        }
        props
    }
}

impl IntoIterator for Props {
    type Item = (Rc<str>, Value);
    type IntoIter = std::vec::IntoIter<(Rc<str>, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Props {
    type Item = (&'a Rc<str>, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Rc<str>, Value)>, fn(&'a (Rc<str>, Value)) -> (&'a Rc<str>, &'a Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Rc<str> {
        Rc::from(s)
    }

    #[test]
    fn keeps_order_and_replaces_in_place() {
        let mut p = Props::default();
        assert!(p.insert(k("b"), Value::Real(1.0)).is_none());
        assert!(p.insert(k("a"), Value::Real(2.0)).is_none());
        assert!(matches!(p.insert(k("b"), Value::Real(3.0)), Some(Value::Real(x)) if x == 1.0));
        let names: Vec<&str> = p.keys().map(|k| &**k).collect();
        assert_eq!(names, ["b", "a"]);
        assert!(matches!(p.get("b"), Some(Value::Real(x)) if *x == 3.0));
        assert!(p.get("B").is_none(), "names are case-sensitive");
    }

    #[test]
    fn large_objects_are_indexed_and_stay_consistent() {
        let mut p = Props::default();
        for i in 0..100 {
            p.insert(k(&format!("p{i}")), Value::Real(f64::from(i)));
        }
        assert!(p.index.is_some());
        assert!(matches!(p.get("p57"), Some(Value::Real(x)) if *x == 57.0));
        assert!(p.shift_remove("p10").is_some());
        assert!(p.get("p10").is_none());
        assert!(matches!(p.get("p11"), Some(Value::Real(x)) if *x == 11.0));
        assert_eq!(p.get_index(10).map(|(k, _)| &**k), Some("p11"));
        for i in 0..95 {
            p.shift_remove(&format!("p{i}"));
        }
        assert!(p.index.is_none());
        assert_eq!(p.len(), 5);
        assert!(matches!(p.get("p99"), Some(Value::Real(x)) if *x == 99.0));
    }
}
