//! The `Value` of a 4D expression, named after 4D's types, in 16 bytes.
//!
//! Scalars are inline; texts, objects and collections are behind one `Rc`
//! each. Objects and collections are references, as in 4D: assigning or
//! passing them shares the instance. Ordinary values belong to one process
//! (no atomics, no locks); shared objects come with the processes work.

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

pub use super::types::ArrayType;
use super::types::code;

/// A 4D value.
///
/// `repr(C, u64)` puts every payload at offset 8 behind a full-word tag: moves
/// are two aligned words, never odd-offset pieces of padding or a packed layout
/// (which stall store forwarding on the hot path).
#[derive(Clone, Debug, Default)]
#[repr(C, u64)]
pub enum Value {
    /// What an unassigned Variant or a missing property holds.
    #[default]
    Undefined,
    Null,
    Bool(bool),
    /// A number; in interpreted 4D every number in an expression is a Real.
    Real(f64),
    /// The content of a variable declared `Integer` (a 32-bit Longint).
    Long(i32),
    Date(Date),
    /// A time, in seconds (may be negative or exceed 24 hours).
    Time(i64),
    Text(Text),
    Object(ObjectRef),
    Collection(CollectionRef),
    /// A pointer to a variable or an array element (`->$x`).
    Pointer(Rc<Pointer>),
    /// A 4D array (`ARRAY TEXT($a; 3)`): a variable's content, 1-based, with an element 0.
    Array(ArrayRef),
    /// A shared object (`New shared object`, `Storage`), reachable from every process.
    SharedObject(std::sync::Arc<super::shared::SharedObject>),
    /// A shared collection (`New shared collection`).
    SharedCollection(std::sync::Arc<super::shared::SharedCollection>),
    /// A scalar BLOB: a value, like a text. Assigning it shares the bytes; a
    /// change copies them first when they are shared (`Rc::make_mut`).
    Blob(Blob),
    /// A picture: a value, like a BLOB (its bytes are shared, never changed
    /// in place; `runtime::picture`).
    Picture(super::picture::Picture),
}

/// The bytes of a scalar BLOB (4D allows up to 2 GB).
pub type Blob = Rc<Vec<u8>>;

/// What a pointer designates. Locals are named by the serial number of the
/// call they belong to, so that a pointer outliving its method is detected.
#[derive(Clone, Debug, PartialEq)]
pub enum Pointer {
    /// A local variable: the serial number of its method call and its slot.
    Local { call: u64, slot: usize, name: Rc<str> },
    /// A parameter `$n` of a method call.
    Param { call: u64, n: usize },
    /// A process variable, by its slot in the process's table.
    Process { slot: usize, name: Rc<str> },
    /// An interprocess variable (`<>name`), by its slot.
    Interprocess { slot: usize, name: Rc<str> },
    /// An element of the array held by the pointed variable (`->$a{2}`).
    Element { array: Rc<Pointer>, index: i64 },
}

impl Pointer {
    /// The name of what is pointed to, as 4D writes it (`$x`, `a{2}`).
    pub fn name(&self) -> String {
        match self {
            Pointer::Local { name, .. } | Pointer::Process { name, .. } | Pointer::Interprocess { name, .. } => {
                name.to_string()
            }
            Pointer::Param { n, .. } => format!("${n}"),
            Pointer::Element { array, index } => format!("{}{{{index}}}", array.name()),
        }
    }
}

/// A 4D array: its element type and its elements, element 0 included.
#[derive(Clone, Debug)]
pub struct Array {
    pub ty: ArrayType,
    /// `items[0]` is element 0; `items.len() - 1` is `Size of array`.
    pub items: Vec<Value>,
}

impl Array {
    /// An array of `size` elements (plus element 0), each the type's default.
    pub fn new(ty: ArrayType, size: usize) -> Array {
        Array { ty, items: vec![ty.default_value(); size + 1] }
    }

    pub fn size(&self) -> usize {
        self.items.len().saturating_sub(1)
    }
}

/// A reference to an array (the variable that holds it owns it).
pub type ArrayRef = Rc<RefCell<Array>>;

/// Code that an object carries: the expression of a formula (`4D.Function`).
/// The evaluator, which defines the code, downcasts it through `as_any`.
pub trait Code: fmt::Debug {
    /// The source text (`.source`).
    fn source(&self) -> &str;
    fn as_any(&self) -> &dyn Any;
}

/// A text value: shared until written, appended in place when not shared.
/// It knows whether it is all ASCII, so that `Length` and `$t[[i]]` (which
/// count UTF-16 code units) are O(1) on ASCII text.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Text(Rc<TextBuf>);

#[derive(Clone, Default)]
struct TextBuf {
    s: String,
    ascii: bool,
    /// For a text that is not all ASCII: where its UTF-16 units are, made at
    /// the first `Length` or `$t[[i]]` and dropped when the text changes.
    units: std::cell::OnceCell<Box<UnitIndex>>,
}

impl PartialEq for TextBuf {
    fn eq(&self, other: &TextBuf) -> bool {
        self.s == other.s
    }
}

impl Eq for TextBuf {}

impl std::hash::Hash for TextBuf {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.s.hash(state);
    }
}

/// How many UTF-16 units apart the marks of a `UnitIndex` are.
const UNIT_STRIDE: usize = 64;

/// The UTF-16 length of a text, and a mark every `UNIT_STRIDE` units: the byte
/// offset and the unit number of the character that holds that unit, so that
/// unit `i` is found by walking at most `UNIT_STRIDE` units.
#[derive(Clone, Debug)]
struct UnitIndex {
    len: usize,
    marks: Vec<(u32, u32)>,
}

impl UnitIndex {
    fn new(s: &str) -> Option<UnitIndex> {
        let mut marks = Vec::with_capacity(s.len() / UNIT_STRIDE + 1);
        let mut unit = 0usize;
        for (byte, c) in s.char_indices() {
            let width = c.len_utf16();
            // A mark for each multiple of the stride that this character covers.
            while marks.len() * UNIT_STRIDE < unit + width {
                marks.push((u32::try_from(byte).ok()?, u32::try_from(unit).ok()?));
            }
            unit += width;
        }
        Some(UnitIndex { len: unit, marks })
    }
}

impl Text {
    pub fn new(s: impl Into<String>) -> Text {
        let s = s.into();
        let ascii = s.is_ascii();
        Text(Rc::new(TextBuf { s, ascii, units: std::cell::OnceCell::new() }))
    }

    /// The index of a non-ASCII text (none for texts beyond 4 GiB, which are walked).
    fn units(&self) -> Option<&UnitIndex> {
        if self.0.units.get().is_none() {
            let index = UnitIndex::new(&self.0.s)?;
            let _ = self.0.units.set(Box::new(index));
        }
        self.0.units.get().map(|b| &**b)
    }

    /// The length in UTF-16 code units, as 4D counts characters (`Length`).
    pub fn utf16_len(&self) -> usize {
        if self.0.ascii {
            return self.0.s.len();
        }
        match self.units() {
            Some(index) => index.len,
            None => self.0.s.encode_utf16().count(),
        }
    }

    /// UTF-16 code unit `i` (0-based), as `$t[[i+1]]` reads it.
    pub fn unit_at(&self, i: usize) -> Option<u16> {
        if self.0.ascii {
            return self.0.s.as_bytes().get(i).map(|&b| u16::from(b));
        }
        let Some(index) = self.units() else {
            return self.0.s.encode_utf16().nth(i);
        };
        if i >= index.len {
            return None;
        }
        let &(byte, unit) = index.marks.get(i / UNIT_STRIDE)?;
        let rest = self.0.s.get(byte as usize..)?;
        rest.encode_utf16().nth(i - unit as usize)
    }

    pub fn as_str(&self) -> &str {
        &self.0.s
    }

    /// Whether every character is ASCII (one byte, one UTF-16 unit).
    pub fn is_ascii(&self) -> bool {
        self.0.ascii
    }

    /// Appends in place when this is the only reference, as `$t:=$t+x` needs to be linear.
    pub fn push_str(&mut self, s: &str) {
        let buf = Rc::make_mut(&mut self.0);
        buf.ascii &= s.is_ascii();
        buf.s.push_str(s);
        buf.units.take();
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// For sets of texts looked up by `&str` (the names' set): the hash and the
/// equality of a text are those of its characters.
impl std::borrow::Borrow<str> for Text {
    #[inline]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A calendar date; `Date::NULL` is 4D's empty date `!00-00-00!`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const NULL: Date = Date { year: 0, month: 0, day: 0 };

    pub fn is_null(self) -> bool {
        self == Date::NULL
    }

    /// Days since 0000-03-01 of the proleptic Gregorian calendar (for arithmetic).
    pub fn to_days(self) -> i64 {
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    /// The date `days` after 0000-03-01; the null date outside 4D's range.
    pub fn from_days(days: i64) -> Date {
        let era = days.div_euclid(146_097);
        let doe = days - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        match (u16::try_from(year), u8::try_from(month), u8::try_from(day)) {
            (Ok(year), Ok(month), Ok(day)) if (100..=32767).contains(&year) => Date { year, month, day },
            _ => Date::NULL,
        }
    }
}

/// A reference to a (per-process) object.
pub type ObjectRef = Rc<RefCell<Object>>;
/// A reference to a (per-process) collection.
pub type CollectionRef = Rc<RefCell<Vec<Value>>>;

thread_local! {
    /// Property names in use, shared by every object that has them.
    static KEYS: std::cell::RefCell<std::collections::HashSet<Text, FxBuildHasher>> =
        std::cell::RefCell::new(std::collections::HashSet::default());
}

/// The lines of `KEY_CACHE`.
const KEY_CACHE_LINES: usize = 64;

thread_local! {
    /// The names `key` gave last, by a cheap hash of their bytes.
    static KEY_CACHE: std::cell::RefCell<[Option<Text>; KEY_CACHE_LINES]> =
        const { std::cell::RefCell::new([const { None }; KEY_CACHE_LINES]) };
}

/// How many distinct property names are shared; names beyond are allocated each time.
const MAX_SHARED_KEYS: usize = 8192;
/// The longest property name that is shared.
const MAX_SHARED_KEY_LEN: usize = 64;

/// A property name as objects store it: a `Text`, so that a name given as a
/// text value (`$o[$name]:=...`) is the same allocation as the value, and
/// `OB Keys` gives the names without a copy.
pub type Key = Text;

/// A property name as objects store it: short names are allocated once per
/// thread and shared, so a million objects with `id`, `x` and `y` hold three
/// names, not three million.
pub fn key(name: &str) -> Key {
    if name.len() > MAX_SHARED_KEY_LEN {
        return Text::new(name);
    }
    // A small direct-mapped cache in front of the set: a name met again
    // costs one comparison, not a hash and a probe.
    let bytes = name.as_bytes();
    let line = (bytes.len()
        ^ usize::from(bytes.first().copied().unwrap_or(0)).wrapping_mul(31)
        ^ usize::from(bytes.last().copied().unwrap_or(0)).wrapping_mul(7))
        % KEY_CACHE_LINES;
    let cached = KEY_CACHE.with(|cache| match &cache.borrow()[line] {
        Some(k) if k.as_str() == name => Some(k.clone()),
        _ => None,
    });
    if let Some(k) = cached {
        return k;
    }
    let k = shared_key(name);
    KEY_CACHE.with(|cache| cache.borrow_mut()[line] = Some(k.clone()));
    k
}

/// A property name given as a text value: the shared name when there is
/// one, else the text itself (no copy of its characters).
pub fn key_of(text: &Text) -> Key {
    let name = text.as_str();
    if name.len() <= MAX_SHARED_KEY_LEN
        && let Some(k) = KEYS.with(|keys| keys.borrow().get(name).cloned())
    {
        return k;
    }
    text.clone()
}

/// `key` past its cache: the thread's set of names.
fn shared_key(name: &str) -> Key {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(key) = keys.get(name) {
            return key.clone();
        }
        let key = Text::new(name);
        if keys.len() < MAX_SHARED_KEYS {
            keys.insert(key.clone());
        }
        key
    })
}

pub use super::props::Props;

/// A 4D object: properties in creation order; names are case-sensitive.
#[derive(Clone, Debug, Default)]
pub struct Object {
    pub props: Props,
    /// The code of a formula object (`Formula(...)`), which makes it a `4D.Function`.
    pub code: Option<Rc<dyn Code>>,
    /// The class of an instance of a class other than `4D.Object` and
    /// `4D.Function`, or the class a class object stands for (one field, so
    /// that an object stays in the allocator's fast size classes).
    pub class: Option<Rc<super::class::ClassLink>>,
}

impl Object {
    /// For a class object (an instance of `4D.Class`): the class it stands for.
    pub fn defines(&self) -> Option<Rc<super::class::Class>> {
        match self.class.as_deref() {
            Some(super::class::ClassLink::Defines(class)) => Some(Rc::clone(class)),
            _ => None,
        }
    }
}

impl Value {
    /// Whether the value holds no reference (nothing to release when it goes).
    #[inline(always)]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Value::Undefined
                | Value::Null
                | Value::Bool(_)
                | Value::Real(_)
                | Value::Long(_)
                | Value::Date(_)
                | Value::Time(_)
        )
    }

    /// Lets go of a value, without a call to its drop code when it is a scalar.
    #[inline(always)]
    pub fn discard(self) {
        if self.is_scalar() {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// The value as an object property or a collection element holds it:
    /// numbers are Reals, a time its number of seconds (or milliseconds), a
    /// date a date or a text (`runtime::object_modes`), undefined is null, a
    /// scalar BLOB a `4D.Blob`.
    #[inline(always)]
    pub fn stored(self) -> Value {
        match self {
            Value::Long(n) => Value::Real(f64::from(n)),
            Value::Real(x) => Value::Real(x),
            Value::Time(_) | Value::Date(_) | Value::Undefined | Value::Blob(_) => self.stored_cold(),
            other => other,
        }
    }

    /// [`Value::stored`] for the kinds that change other than numbers.
    #[inline(never)]
    fn stored_cold(self) -> Value {
        match self {
            Value::Time(t) => Value::Real(super::object_modes::stored_time(t)),
            Value::Date(d) => super::object_modes::stored_date(d),
            Value::Undefined => Value::Null,
            // A scalar BLOB becomes a `4D.Blob` (documented).
            Value::Blob(b) => super::blob::blob_object(b),
            other => other,
        }
    }

    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(Text::new(s))
    }

    pub fn new_object(props: Props) -> Value {
        Value::Object(Rc::new(RefCell::new(Object { props, ..Object::default() })))
    }

    /// A formula object running `code`.
    pub fn new_formula(code: Rc<dyn Code>) -> Value {
        Value::Object(Rc::new(RefCell::new(Object { code: Some(code), ..Object::default() })))
    }

    pub fn new_array(array: Array) -> Value {
        Value::Array(Rc::new(RefCell::new(array)))
    }

    pub fn new_collection(items: Vec<Value>) -> Value {
        Value::Collection(Rc::new(RefCell::new(items)))
    }

    /// The number in a Real or Long value.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Real(n) => Some(*n),
            Value::Long(n) => Some(f64::from(*n)),
            _ => None,
        }
    }

    /// 4D's truthiness, used by `&&`, `||` and `? :`: `False`, Null, undefined,
    /// `""`, the null date, empty objects, collections, BLOBs and pictures are false; everything
    /// else, including the number 0, is true.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Real(_) | Value::Long(_) | Value::Time(_) | Value::Pointer(_) => true,
            Value::Date(d) => !d.is_null(),
            Value::Text(t) => !t.as_str().is_empty(),
            Value::Object(o) => {
                let o = o.borrow();
                !o.props.is_empty() || o.code.is_some()
            }
            Value::Collection(c) => !c.borrow().is_empty(),
            Value::Array(a) => a.borrow().size() > 0,
            Value::Blob(b) => !b.is_empty(),
            Value::Picture(p) => !p.is_empty(),
            Value::SharedObject(o) => !o.is_empty(),
            Value::SharedCollection(c) => !c.is_empty(),
        }
    }

    /// The `Value type` number of this value (`Is real`, `Is text`...).
    pub fn value_type(&self) -> i32 {
        match self {
            Value::Undefined => code::IS_UNDEFINED,
            Value::Null => code::IS_NULL,
            Value::Bool(_) => code::IS_BOOLEAN,
            Value::Real(_) => code::IS_REAL,
            Value::Long(_) => code::IS_LONGINT,
            Value::Date(_) => code::IS_DATE,
            Value::Time(_) => code::IS_TIME,
            Value::Text(_) => code::IS_TEXT,
            Value::Object(_) | Value::SharedObject(_) => code::IS_OBJECT,
            Value::Collection(_) | Value::SharedCollection(_) => code::IS_COLLECTION,
            Value::Pointer(_) => code::IS_POINTER,
            Value::Array(a) => a.borrow().ty.type_number(),
            Value::Blob(_) => code::IS_BLOB,
            Value::Picture(_) => code::IS_PICTURE,
        }
    }

    /// The type's name in 4D's words, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "Undefined",
            Value::Null => "Null",
            Value::Bool(_) => "Boolean",
            Value::Real(_) => "Real",
            Value::Long(_) => "Integer",
            Value::Date(_) => "Date",
            Value::Time(_) => "Time",
            Value::Text(_) => "Text",
            Value::Object(_) | Value::SharedObject(_) => "Object",
            Value::Collection(_) | Value::SharedCollection(_) => "Collection",
            Value::Pointer(_) => "Pointer",
            Value::Array(_) => "Array",
            Value::Blob(_) => "Blob",
            Value::Picture(_) => "Picture",
        }
    }

    /// A value copied deeply: objects and collections are new instances.
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::Object(o) => {
                let o = o.borrow();
                let props = o.props.iter().map(|(k, v)| (k.clone(), v.deep_copy())).collect();
                Value::Object(Rc::new(RefCell::new(Object { props, code: o.code.clone(), class: o.class.clone() })))
            }
            Value::Collection(c) => Value::new_collection(c.borrow().iter().map(Value::deep_copy).collect()),
            Value::Array(a) => Value::new_array(a.borrow().clone()),
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Result<Value, crate::runtime::error::RuntimeError>>(), 16);
    }

    #[test]
    fn dates_round_trip_through_days() {
        for (y, m, d) in [(2024, 2, 29), (100, 1, 1), (1999, 12, 31), (2000, 3, 1)] {
            let date = Date { year: y, month: m, day: d };
            assert_eq!(Date::from_days(date.to_days()), date);
        }
        let a = Date { year: 2017, month: 1, day: 20 };
        let b = Date { year: 2017, month: 1, day: 1 };
        assert_eq!(a.to_days() - b.to_days(), 19);
    }

    /// The ASCII mark (behind the fast paths of `Length`, `[[i]]` and
    /// comparisons) follows what the text holds, through appends.
    #[test]
    fn texts_know_whether_they_are_ascii() {
        let mut t = Text::new("abc");
        assert!(t.is_ascii());
        t.push_str("d");
        assert!(t.is_ascii());
        t.push_str("é");
        assert!(!t.is_ascii());
        assert!(!Text::new("ü").is_ascii());
        assert!(Text::new("").is_ascii());
    }

    #[test]
    fn truthiness() {
        assert!(Value::Real(0.0).truthy());
        assert!(!Value::text("").truthy());
        assert!(!Value::Date(Date::NULL).truthy());
        assert!(!Value::new_collection(Vec::new()).truthy());
    }
}
