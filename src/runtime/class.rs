//! Classes as values: what a class is (its name, its store, its
//! superclass), the built-in classes of the `4D` store that fourd has, and
//! the class objects (instances of `4D.Class`) that stand for them in code.
//!
//! Every object is an instance of a class: plain objects of `4D.Object`,
//! formulas of `4D.Function`, class objects of `4D.Class`. A class is the
//! same class wherever it is reached from: identity is the store and the
//! (case-sensitive) name.

use std::cell::RefCell;
use std::rc::Rc;

use super::value::{Object, Props, Value, key};

/// Where a class comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// The `4D` store of built-in classes.
    Builtin,
    /// The `cs` store of the project's classes.
    User,
}

/// A class.
#[derive(Debug)]
pub struct Class {
    pub name: String,
    pub store: Store,
    /// Null at the root (`4D.Object`).
    pub superclass: Option<Rc<Class>>,
    /// For a user class: its index in the run's class table and what its constructor declares.
    pub user: Option<UserClass>,
}

/// What fourd knows of a user class at run time (its code is the evaluator's).
#[derive(Debug, Clone, Copy)]
pub struct UserClass {
    pub index: usize,
    pub shared: bool,
    pub singleton: bool,
    pub session_singleton: bool,
}

impl Class {
    /// Whether `self` and `other` are the same class.
    pub fn is(&self, other: &Class) -> bool {
        self.store == other.store && self.name == other.name
    }

    /// Whether `self` is `ancestor` or inherits from it.
    pub fn descends_from(&self, ancestor: &Class) -> bool {
        let mut class = Some(self);
        while let Some(c) = class {
            if c.is(ancestor) {
                return true;
            }
            class = c.superclass.as_deref();
        }
        false
    }
}

/// How an object is tied to a class.
#[derive(Debug)]
pub enum ClassLink {
    /// An instance of this class.
    Instance(Rc<Class>),
    /// A class object (an instance of `4D.Class`) standing for this class.
    Defines(Rc<Class>),
    /// A `4D.Blob` and its bytes.
    Blob(super::value::Blob),
    /// A `4D.File` or a `4D.Folder`.
    File(Rc<super::files::Item>),
    /// A `4D.FileHandle`.
    Handle(Rc<super::files::Handle>),
    /// An object of a built-in class whose state is computed (`4D.SystemWorker`).
    Native(Rc<dyn super::native::NativeObject>),
}

/// The built-in classes fourd has, in `OB Keys(4D)` order.
struct Builtins {
    object: Rc<Class>,
    blob: Rc<Class>,
    function: Rc<Class>,
    class: Rc<Class>,
    session: Rc<Class>,
    signal: Rc<Class>,
    crypto_key: Rc<Class>,
    file: Rc<Class>,
    folder: Rc<Class>,
    file_handle: Rc<Class>,
    system_worker: Rc<Class>,
    http_request: Rc<Class>,
    http_agent: Rc<Class>,
    /// The `4D` store: an object whose properties are the class objects.
    store: Value,
}

thread_local! {
    static BUILTINS: Builtins = Builtins::new();
}

impl Builtins {
    fn new() -> Builtins {
        let builtin = |name: &str, superclass: Option<&Rc<Class>>| {
            Rc::new(Class {
                name: name.to_string(),
                store: Store::Builtin,
                superclass: superclass.cloned(),
                user: None,
            })
        };
        let object = builtin("Object", None);
        let function = builtin("Function", Some(&object));
        let class = builtin("Class", Some(&object));
        let session = builtin("Session", Some(&object));
        let blob = builtin("Blob", Some(&object));
        let signal = builtin("Signal", Some(&object));
        let crypto_key = builtin("CryptoKey", Some(&object));
        let file = builtin("File", Some(&object));
        let folder = builtin("Folder", Some(&object));
        let file_handle = builtin("FileHandle", Some(&object));
        let system_worker = builtin("SystemWorker", Some(&object));
        let http_request = builtin("HTTPRequest", Some(&object));
        let http_agent = builtin("HTTPAgent", Some(&object));
        let object_value = class_object(&object, Value::Null);
        let mut props = Props::default();
        props.insert(key("Blob"), class_object(&blob, object_value.clone()));
        props.insert(key("Class"), class_object(&class, object_value.clone()));
        props.insert(key("CryptoKey"), class_object(&crypto_key, object_value.clone()));
        props.insert(key("File"), class_object(&file, object_value.clone()));
        props.insert(key("FileHandle"), class_object(&file_handle, object_value.clone()));
        props.insert(key("Folder"), class_object(&folder, object_value.clone()));
        props.insert(key("Function"), class_object(&function, object_value.clone()));
        props.insert(key("HTTPAgent"), class_object(&http_agent, object_value.clone()));
        props.insert(key("HTTPRequest"), class_object(&http_request, object_value.clone()));
        props.insert(key("Object"), object_value.clone());
        props.insert(key("Session"), class_object(&session, object_value.clone()));
        props.insert(key("Signal"), class_object(&signal, object_value.clone()));
        props.insert(key("SystemWorker"), class_object(&system_worker, object_value));
        let store = Value::new_object(props);
        Builtins {
            object,
            blob,
            function,
            class,
            session,
            signal,
            crypto_key,
            file,
            folder,
            file_handle,
            system_worker,
            http_request,
            http_agent,
            store,
        }
    }
}

/// The object that stands for `class` in code (an instance of `4D.Class`),
/// with its documented properties; `superclass` is the parent's class object.
pub fn class_object(class: &Rc<Class>, superclass: Value) -> Value {
    let user = class.user.unwrap_or(UserClass { index: 0, shared: false, singleton: false, session_singleton: false });
    let mut props = Props::default();
    props.insert(key("name"), Value::text(class.name.as_str()));
    props.insert(key("superclass"), superclass);
    props.insert(key("isShared"), Value::Bool(user.shared));
    props.insert(key("isSingleton"), Value::Bool(user.singleton || user.session_singleton));
    props.insert(key("isSessionSingleton"), Value::Bool(user.session_singleton));
    Value::Object(Rc::new(RefCell::new(Object {
        props,
        class: Some(Rc::new(ClassLink::Defines(Rc::clone(class)))),
        ..Object::default()
    })))
}

/// The `4D` class store (command 1709): the same object each time.
pub fn builtin_store() -> Value {
    BUILTINS.with(|b| b.store.clone())
}

/// The class of an object.
pub fn class_of(object: &Object) -> Rc<Class> {
    match object.class.as_deref() {
        Some(ClassLink::Instance(class)) => return Rc::clone(class),
        Some(ClassLink::Defines(_)) => return BUILTINS.with(|b| Rc::clone(&b.class)),
        Some(ClassLink::Blob(_)) => return BUILTINS.with(|b| Rc::clone(&b.blob)),
        Some(ClassLink::File(item)) => {
            return BUILTINS.with(|b| Rc::clone(if item.folder { &b.folder } else { &b.file }));
        }
        Some(ClassLink::Handle(_)) => return BUILTINS.with(|b| Rc::clone(&b.file_handle)),
        Some(ClassLink::Native(state)) => {
            return BUILTINS.with(|b| {
                Rc::clone(if state.class_name() == "HTTPRequest" { &b.http_request } else { &b.system_worker })
            });
        }
        None => {}
    }
    BUILTINS.with(|b| Rc::clone(if object.code.is_some() { &b.function } else { &b.object }))
}

/// The class `4D.Session`.
pub fn session_class() -> Rc<Class> {
    BUILTINS.with(|b| Rc::clone(&b.session))
}

/// The class `4D.HTTPAgent`.
pub fn http_agent_class() -> Rc<Class> {
    BUILTINS.with(|b| Rc::clone(&b.http_agent))
}

/// The class `4D.CryptoKey`.
pub fn crypto_key_class() -> Rc<Class> {
    BUILTINS.with(|b| Rc::clone(&b.crypto_key))
}

/// The class `4D.Signal`.
pub fn signal_class() -> Rc<Class> {
    BUILTINS.with(|b| Rc::clone(&b.signal))
}

/// The class `4D.Object`.
pub fn object_class() -> Rc<Class> {
    BUILTINS.with(|b| Rc::clone(&b.object))
}

/// The class object of a built-in `class` (for `OB Class`); Null for a user class.
pub fn object_of(class: &Class) -> Value {
    match class.store {
        Store::Builtin => BUILTINS.with(|b| match &b.store {
            Value::Object(store) => store.borrow().props.get(class.name.as_str()).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }),
        Store::User => Value::Null,
    }
}

/// A new instance of `class` (its `new()` function), for the classes that can
/// be made without a constructor; `None` for those that cannot.
pub fn instantiate(class: &Class) -> Option<Value> {
    match (class.store, class.name.as_str()) {
        (Store::Builtin, "Object") => Some(Value::new_object(Props::default())),
        (Store::Builtin, "Blob") => Some(super::blob::blob_object(super::value::Blob::default())),
        _ => None,
    }
}
