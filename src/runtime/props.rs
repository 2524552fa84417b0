//! `Props`: the properties of a 4D object, in the order they were added.
//!
//! The names and the values live apart, as in the hidden classes of the
//! fastest dynamic-language engines: an object holds a *shape* (its names, in
//! order) and its values. Objects built the same way (`New object("id"; 1;
//! "x"; 2)` a million times) share one shape, so a property costs its value's
//! 16 bytes, not a name besides; up to `INLINE` values live inside the object
//! itself, so a small object is one allocation.
//!
//! Shapes form a tree per thread: adding a name moves an object to the child
//! of its shape for that name (made the first time, and held weakly, so a
//! shape lives as long as objects use it). An object that grows to
//! `INDEXED_FROM` names, or loses one, gets a shape of its own that it
//! changes in place, with a hash index from name to position for large
//! objects (parsed JSON, lookup tables), so lookups stay O(1).
//! Names are case-sensitive, as in 4D.

use std::cell::RefCell;
use std::fmt;
use std::hash::BuildHasher;
use std::rc::{Rc, Weak};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use smallvec::SmallVec;

use super::value::{Key, Value};

/// From this many properties on, an object has a shape of its own, indexed.
const INDEXED_FROM: usize = 12;
/// The most children a shape keeps in the tree; objects past them get shapes of their own.
const MAX_CHILDREN: usize = 64;
/// How many values an object holds in line.
const INLINE: usize = 3;

/// The properties of an object, in creation order.
#[derive(Clone, Default)]
pub struct Props {
    /// The names; `None` when there is none.
    shape: Option<Rc<Shape>>,
    /// The values, in the order of the shape's names.
    values: SmallVec<[Value; INLINE]>,
}

/// The names of the objects that share it, in order.
struct Shape {
    keys: Vec<Key>,
    /// Name → position, for shapes of `INDEXED_FROM` names or more.
    index: Option<HashTable<u32>>,
    /// The shapes one name longer, by that name (tree shapes only).
    children: RefCell<Vec<(Key, Weak<Shape>)>>,
    /// The shape one name shorter (tree shapes only): held, so that the
    /// shapes on the way to a live shape stay alive.
    parent: Option<Rc<Shape>>,
    /// Whether the shape is in the tree (shared, never changed); otherwise
    /// it belongs to the objects holding it and changes in place when one holds it.
    in_tree: bool,
}

impl Clone for Shape {
    /// A copy outside the tree, for an object to change.
    fn clone(&self) -> Shape {
        Shape {
            keys: self.keys.clone(),
            index: self.index.clone(),
            children: RefCell::default(),
            parent: None,
            in_tree: false,
        }
    }
}

/// How many of the tree shapes made last a thread keeps alive.
const RECENT: usize = 64;

thread_local! {
    /// The tree shapes made last, kept alive: an object built, dropped and
    /// built again (`$o:=New object` then `$o.a:=1` in a loop) finds its
    /// shapes still there instead of making them again.
    static RECENT_SHAPES: RefCell<(Vec<Rc<Shape>>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// Keeps `shape` among the thread's recent shapes.
fn keep_recent(shape: &Rc<Shape>) {
    RECENT_SHAPES.with(|recent| {
        let (shapes, next) = &mut *recent.borrow_mut();
        if shapes.len() < RECENT {
            shapes.push(Rc::clone(shape));
        } else {
            shapes[*next] = Rc::clone(shape);
            *next = (*next + 1) % RECENT;
        }
    });
}

thread_local! {
    /// The shape of no names: the root of the thread's tree.
    static ROOT: Rc<Shape> =
        Rc::new(Shape { keys: Vec::new(), index: None, children: RefCell::default(), parent: None, in_tree: true });
}

#[inline]
fn hash(name: &str) -> u64 {
    FxBuildHasher.hash_one(name)
}

impl Shape {
    #[inline]
    fn position(&self, name: &str) -> Option<usize> {
        if let Some(index) = &self.index {
            return index.find(hash(name), |&i| &*self.keys[i as usize] == name).map(|&i| i as usize);
        }
        self.keys.iter().position(|k| same_name(k, name))
    }

    /// Adds a name to a shape of one's own.
    fn push(&mut self, name: Key) {
        let Shape { keys, index, .. } = self;
        keys.push(name);
        match index {
            Some(index) => {
                let i = keys.len() - 1;
                index.insert_unique(hash(&keys[i]), i as u32, |&j| hash(&keys[j as usize]));
            }
            None if keys.len() >= INDEXED_FROM => self.reindex(),
            None => {}
        }
    }

    /// Rebuilds the hash index (or drops it when the shape became small).
    fn reindex(&mut self) {
        if self.keys.len() < INDEXED_FROM {
            self.index = None;
            return;
        }
        let keys = &self.keys;
        let mut index = HashTable::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            index.insert_unique(hash(k), i as u32, |&j| hash(&keys[j as usize]));
        }
        self.index = Some(index);
    }

    /// The tree shape with the names of `self` and then `name`.
    fn child(self: &Rc<Shape>, name: Key) -> Rc<Shape> {
        {
            let children = self.children.borrow();
            if let Some(child) = children.iter().find(|(k, _)| same_name(k, &name)).and_then(|(_, c)| c.upgrade()) {
                return child;
            }
        }
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        keys.extend(self.keys.iter().cloned());
        keys.push(name.clone());
        let mut children = self.children.borrow_mut();
        if children.len() >= MAX_CHILDREN {
            children.retain(|(_, c)| c.strong_count() > 0);
        }
        let known = children.iter().position(|(k, _)| same_name(k, &name));
        let in_tree = known.is_some() || children.len() < MAX_CHILDREN;
        let parent = in_tree.then(|| Rc::clone(self));
        let child = Rc::new(Shape { keys, index: None, children: RefCell::default(), parent, in_tree });
        match known {
            Some(i) => children[i].1 = Rc::downgrade(&child),
            None if in_tree => children.push((name, Rc::downgrade(&child))),
            None => {}
        }
        if in_tree {
            keep_recent(&child);
        }
        child
    }
}

/// The names of the objects made at one place of the code (`New object`
/// with names written as literals), or the shape an object had when one of
/// its properties was found at a place: kept by that place, so that the next
/// object of the same shape is built, read and written without a search.
#[derive(Clone)]
pub struct Layout(Rc<Shape>);

impl Layout {
    /// The layout of objects whose names are `names` (a name met again is
    /// not added again: the layout is then shorter than `names`).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Layout {
        let mut props = Props::default();
        for name in names {
            props.insert(super::value::key(name), Value::Null);
        }
        Layout(props.shape.unwrap_or_else(|| ROOT.with(Rc::clone)))
    }

    pub fn len(&self) -> usize {
        self.0.keys.len()
    }

    /// Whether the layout's names are `names`, in this order.
    pub fn has_names<'a>(&self, names: impl ExactSizeIterator<Item = &'a str>) -> bool {
        names.len() == self.0.keys.len() && self.0.keys.iter().zip(names).all(|(k, name)| same_name(k, name))
    }

    pub fn is_empty(&self) -> bool {
        self.0.keys.is_empty()
    }
}

impl fmt::Debug for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys.iter()).finish()
    }
}

/// The values of an object as `Props::from_layout` takes them.
pub type Values = SmallVec<[Value; INLINE]>;

impl Props {
    /// An empty set with room for `n` properties.
    pub fn with_capacity(n: usize) -> Props {
        Props { shape: None, values: SmallVec::with_capacity(n) }
    }

    /// An object of `layout` with `values`, one per name, in order.
    pub fn from_layout(layout: &Layout, values: Values) -> Props {
        debug_assert_eq!(layout.len(), values.len());
        if values.is_empty() {
            return Props { shape: None, values };
        }
        Props { shape: Some(Rc::clone(&layout.0)), values }
    }

    /// The layout of the object, for a place to keep: none when it has no
    /// property, or a shape of its own (which a place must not hold: it
    /// would make the object copy its names at its next change).
    pub fn layout(&self) -> Option<Layout> {
        self.shape.as_ref().filter(|shape| shape.in_tree).map(|shape| Layout(Rc::clone(shape)))
    }

    /// Whether the object has `layout` (the same names in the same order).
    #[inline(always)]
    pub fn has_layout(&self, layout: &Layout) -> bool {
        self.shape.as_ref().is_some_and(|shape| Rc::ptr_eq(shape, &layout.0))
    }

    /// The value at `position` (one the object's layout has).
    #[inline(always)]
    pub fn value_at(&self, position: usize) -> Option<&Value> {
        self.values.get(position)
    }

    /// The value at `position`, writable.
    #[inline(always)]
    pub fn value_at_mut(&mut self, position: usize) -> Option<&mut Value> {
        self.values.get_mut(position)
    }

    /// Removes every property, keeping the room their values took.
    pub fn clear(&mut self) {
        self.shape = None;
        self.values.clear();
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The names, in order.
    #[inline]
    fn names(&self) -> &[Key] {
        match &self.shape {
            Some(shape) => &shape.keys,
            None => &[],
        }
    }

    /// The position of property `name`.
    #[inline]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.shape.as_deref()?.position(name)
    }

    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|i| &self.values[i])
    }

    #[inline]
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.position(name).map(|i| &mut self.values[i])
    }

    #[inline]
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets property `name`: an existing property keeps its place; a new one
    /// goes last. Returns the value it replaces.
    pub fn insert(&mut self, name: Key, value: Value) -> Option<Value> {
        if let Some(i) = self.position(&name) {
            return Some(std::mem::replace(&mut self.values[i], value));
        }
        self.push(name, value);
        None
    }

    /// Adds property `name`, which the object does not have yet.
    fn push(&mut self, name: Key, value: Value) {
        match &mut self.shape {
            Some(shape) if !shape.in_tree => Rc::make_mut(shape).push(name),
            Some(shape) if shape.keys.len() + 1 >= INDEXED_FROM => {
                let mut own = Shape::clone(shape);
                own.push(name);
                *shape = Rc::new(own);
            }
            Some(shape) => {
                let child = shape.child(name);
                *shape = child;
            }
            None => self.shape = Some(ROOT.with(|root| root.child(name))),
        }
        self.values.push(value);
    }

    /// Removes property `name`, keeping the order of the others.
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        let i = self.position(name)?;
        let value = self.values.remove(i);
        if self.values.is_empty() {
            self.shape = None;
        } else if let Some(shape) = &mut self.shape {
            let own = Rc::make_mut(shape);
            own.in_tree = false;
            own.parent = None;
            own.keys.remove(i);
            own.reindex();
        }
        Some(value)
    }

    /// The properties in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Key, &Value)> + DoubleEndedIterator {
        self.names().iter().zip(self.values.iter())
    }

    /// The properties in order, values writable.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&Key, &mut Value)> + DoubleEndedIterator {
        let names = match &self.shape {
            Some(shape) => &shape.keys[..],
            None => &[],
        };
        names.iter().zip(self.values.iter_mut())
    }

    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Key> + DoubleEndedIterator {
        self.names().iter()
    }

    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.values.iter()
    }

    pub fn values_mut(&mut self) -> impl ExactSizeIterator<Item = &mut Value> + DoubleEndedIterator {
        self.values.iter_mut()
    }

    /// The property at `position`.
    pub fn get_index(&self, position: usize) -> Option<(&Key, &Value)> {
        Some((self.names().get(position)?, self.values.get(position)?))
    }
}

/// Whether two property names are the same: lengths and first bytes decide
/// most mismatches; names shared through `value::key` match by address; short
/// names are compared in line (no call to `memcmp`).
#[inline(always)]
pub(crate) fn same_name(k: &str, name: &str) -> bool {
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
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(Key, Value)> for Props {
    fn from_iter<I: IntoIterator<Item = (Key, Value)>>(iter: I) -> Props {
        let iter = iter.into_iter();
        let mut props = Props::with_capacity(iter.size_hint().0);
        for (k, v) in iter {
            props.insert(k, v);
        }
        props
    }
}

impl IntoIterator for Props {
    type Item = (Key, Value);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<Key>, smallvec::IntoIter<[Value; INLINE]>>;

    fn into_iter(self) -> Self::IntoIter {
        self.names().to_vec().into_iter().zip(self.values)
    }
}

impl<'a> IntoIterator for &'a Props {
    type Item = (&'a Key, &'a Value);
    type IntoIter = std::iter::Zip<std::slice::Iter<'a, Key>, std::slice::Iter<'a, Value>>;

    fn into_iter(self) -> Self::IntoIter {
        self.names().iter().zip(self.values.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        Key::new(s)
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
        assert!(p.shape.as_ref().is_some_and(|s| s.index.is_some() && !s.in_tree));
        assert!(matches!(p.get("p57"), Some(Value::Real(x)) if *x == 57.0));
        assert!(p.shift_remove("p10").is_some());
        assert!(p.get("p10").is_none());
        assert!(matches!(p.get("p11"), Some(Value::Real(x)) if *x == 11.0));
        assert_eq!(p.get_index(10).map(|(k, _)| &**k), Some("p11"));
        for i in 0..95 {
            p.shift_remove(&format!("p{i}"));
        }
        assert!(p.shape.as_ref().is_some_and(|s| s.index.is_none()));
        assert_eq!(p.len(), 5);
        assert!(matches!(p.get("p99"), Some(Value::Real(x)) if *x == 99.0));
    }

    #[test]
    fn objects_built_alike_share_their_shape() {
        let build = || {
            let mut p = Props::default();
            p.insert(k("a"), Value::Real(1.0));
            p.insert(k("b"), Value::Real(2.0));
            p
        };
        let (x, y) = (build(), build());
        let layout = x.layout().expect("a tree shape");
        assert!(y.has_layout(&layout), "the same names in the same order share one shape");
        let mut z = y.clone();
        assert!(z.shift_remove("a").is_some());
        assert!(z.layout().is_none(), "a removal gives the object a shape of its own");
        assert!(!z.has_layout(&layout));
        assert_eq!(z.keys().map(|k| &**k).collect::<Vec<_>>(), ["b"]);
        assert!(y.has_layout(&layout), "the others keep theirs");
        let built = Props::from_layout(&layout, [Value::Real(5.0), Value::Real(6.0)].into_iter().collect());
        assert!(matches!(built.get("b"), Some(Value::Real(x)) if *x == 6.0));
        let mut other = Props::default();
        other.insert(k("b"), Value::Real(1.0));
        other.insert(k("a"), Value::Real(2.0));
        assert!(!other.has_layout(&layout), "another order is another shape");
    }
}
