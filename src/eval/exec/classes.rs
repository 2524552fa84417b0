//! User classes at run time: class objects, instances and their
//! construction, functions, computed properties, `Super`, shared classes
//! and singletons.
//!
//! A process loads the classes it uses once (`Process::loaded_class`): the
//! resolved code is the run's (`ClassCode`, shared by every process), the
//! class (`Rc<Class>`) and its class object are the process's own. Instances
//! of a class are objects tied to it (`ClassLink::Instance`); instances of a
//! shared class are shared objects that carry the class's index.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use super::{Formula, Frame, Process, unwound};
use crate::diag::Span;
use crate::eval::program::{ClassCode, ClassFunction};
use crate::runtime::access::{empty_like, member, set_member};
use crate::runtime::class::{self, Class, ClassLink, Store, UserClass};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared::{self, SharedObject};
use crate::runtime::types::convert;
use crate::runtime::value::{Object, Props, Value};

/// How deep `Class extends` may chain before fourd calls it circular.
const MAX_CLASS_DEPTH: usize = 256;

/// A class as a process has it: its code, the class, its class object.
#[derive(Clone)]
pub(super) struct LoadedClass {
    pub code: Arc<ClassCode>,
    pub class: Rc<Class>,
    pub object: Value,
}

impl Process<'_> {
    /// The user class at `index`, loaded in this process on first use (with its parents).
    pub(super) fn loaded_class(&mut self, index: usize) -> Result<LoadedClass, RuntimeError> {
        self.load_class(index, 0)
    }

    fn load_class(&mut self, index: usize, depth: usize) -> Result<LoadedClass, RuntimeError> {
        if let Some(Some(entry)) = self.classes.get(index) {
            return Ok(entry.clone());
        }
        let code = self.methods.class_code(index)?;
        if depth > MAX_CLASS_DEPTH {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("the class `{}` extends itself through its parents", code.name),
            ));
        }
        let (superclass, super_object) = match code.parent {
            Some(parent) => {
                let parent = self.load_class(parent, depth + 1)?;
                (parent.class, parent.object)
            }
            None => {
                let object = class::object_class();
                let value = class::object_of(&object);
                (object, value)
            }
        };
        let class = Rc::new(Class {
            name: code.name.clone(),
            store: Store::User,
            superclass: Some(superclass),
            user: Some(UserClass {
                index,
                shared: code.shared,
                singleton: code.singleton,
                session_singleton: code.session_singleton,
            }),
        });
        let object = class::class_object(&class, super_object);
        let entry = LoadedClass { code, class, object };
        if self.classes.len() <= index {
            self.classes.resize(index + 1, None);
        }
        self.classes[index] = Some(entry.clone());
        Ok(entry)
    }

    /// `cs`: an object whose properties are the class objects of the project's classes
    /// (those that can be loaded).
    pub(super) fn class_store(&mut self, context: u16) -> Result<Value, RuntimeError> {
        if let Some((_, store)) = self.class_stores.iter().find(|(c, _)| *c == context) {
            return Ok(store.clone());
        }
        let mut props = self.classes_of(context);
        // The host's store holds each component's namespace (documented), a
        // class of the host of the same name coming first.
        if context == crate::eval::components::HOST {
            for (namespace, component) in self.methods.namespaces() {
                let key = crate::runtime::value::key(&namespace);
                if !props.contains_key(&key) {
                    let classes = self.classes_of(component);
                    props.insert(key, Value::new_object(classes));
                }
            }
        }
        let store = Value::new_object(props);
        self.class_stores.push((context, store.clone()));
        Ok(store)
    }

    /// The class objects of a context's classes (those that can be loaded).
    fn classes_of(&mut self, context: u16) -> Props {
        let mut props = Props::default();
        for name in self.methods.class_names(context) {
            // A class that cannot be loaded (a syntax error, a circle of
            // `Class extends`) is left out: naming it says why.
            if let Some(index) = self.methods.class_index(&name, context)
                && let Ok(entry) = self.loaded_class(index)
            {
                props.insert(crate::runtime::value::key(&name), entry.object);
            }
        }
        props
    }

    /// The class of a value, as `OB Class` and `OB Instance of` see it.
    pub(super) fn class_of_value(&mut self, value: &Value) -> Result<Option<Rc<Class>>, RuntimeError> {
        Ok(match value {
            Value::Object(o) => Some(class::class_of(&o.borrow())),
            Value::SharedObject(o) => match o.class {
                Some(index) => Some(self.loaded_class(index)?.class),
                None if o.signal.is_some() => Some(class::signal_class()),
                None if crate::commands::http_agent::is_agent(o) => Some(class::http_agent_class()),
                None if o.owned.is_some() => Some(class::crypto_key_class()),
                None if o.native.is_some() => Some(class::session_class()),
                None => Some(class::object_class()),
            },
            _ => None,
        })
    }

    /// The class object of `class`.
    pub(super) fn class_object(&mut self, class: &Class) -> Result<Value, RuntimeError> {
        match class.user {
            Some(user) => Ok(self.loaded_class(user.index)?.object),
            None => Ok(class::object_of(class)),
        }
    }

    /// `cs.Name.new(args)`: a new instance. Its declared properties with an
    /// initial value are set (the parents' first), then the constructor runs
    /// (the nearest one up the chain of classes, if the class has none). An
    /// instance of a shared class is a shared object, built inside `Use`.
    pub(super) fn instantiate(&mut self, index: usize, args: Vec<Value>, site: Span) -> Result<Value, RuntimeError> {
        let entry = self.loaded_class(index)?;
        let this = if entry.code.shared {
            Value::SharedObject(SharedObject::new_instance(index))
        } else {
            Value::Object(Rc::new(RefCell::new(Object {
                props: Props::default(),
                code: None,
                class: Some(Rc::new(ClassLink::Instance(Rc::clone(&entry.class)))),
            })))
        };
        let group = shared::membership(&this);
        if let Some(group) = &group {
            group.lock("the constructor of a shared class")?;
        }
        let outcome = self.construct(index, &this, args, site);
        if let Some(group) = &group {
            group.unlock();
        }
        outcome.map(|()| this)
    }

    fn construct(&mut self, index: usize, this: &Value, args: Vec<Value>, site: Span) -> Result<(), RuntimeError> {
        let mut chain = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            let entry = self.loaded_class(i)?;
            at = entry.code.parent;
            chain.push(entry);
        }
        for entry in chain.iter().rev() {
            for property in &entry.code.properties {
                if let Some(init) = &property.init {
                    let value = self.call(Arc::clone(init), Vec::new(), this.clone()).map_err(|e| e.at(site))?;
                    let mut value = convert(property.ty, value, &property.name).map_err(|e| e.at(site))?;
                    // In a shared class, an object or collection initialiser gives a shared one.
                    if matches!(this, Value::SharedObject(_))
                        && matches!(value, Value::Object(_) | Value::Collection(_))
                    {
                        value = shared::share_copy(&value, None, 0).map_err(|e| e.at(site))?;
                    }
                    set_member(this, &property.name, value).map_err(|e| e.at(site))?;
                }
            }
        }
        if let Some(constructor) = chain.iter().find_map(|e| e.code.constructor.as_ref()) {
            self.call_class_function(constructor, this.clone(), args, site)?;
        }
        Ok(())
    }

    /// Runs a class function (or constructor) with `This`; a `shared Function`
    /// of a shared instance runs inside `Use (This)`.
    fn call_class_function(
        &mut self,
        function: &ClassFunction,
        this: Value,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let group = if function.shared { shared::membership(&this) } else { None };
        if let Some(group) = &group {
            group.lock("a shared function")?;
        }
        self.chain.push(super::ChainLink {
            site,
            callee: super::Callee::Code(Arc::clone(&function.code), super::CallKind::Function),
        });
        let outcome = self.call(Arc::clone(&function.code), args, this.clone());
        self.chain.pop();
        let outcome = outcome.map_err(|err| unwound(err, &function.code.name, site));
        if let Some(group) = &group {
            group.unlock();
        }
        outcome
    }

    /// The user class of an instance, if `value` is one.
    pub(super) fn instance_class(value: &Value) -> Option<usize> {
        match value {
            Value::Object(o) => match o.borrow().class.as_deref() {
                Some(ClassLink::Instance(class)) => class.user.map(|u| u.index),
                _ => None,
            },
            Value::SharedObject(o) => o.class,
            _ => None,
        }
    }

    /// Looks `name` up in the class at `index` and its parents.
    fn find_in_chain<T>(
        &mut self,
        index: usize,
        mut pick: impl FnMut(&ClassCode) -> Option<T>,
    ) -> Result<Option<T>, RuntimeError> {
        let mut at = Some(index);
        while let Some(i) = at {
            if !matches!(self.classes.get(i), Some(Some(_))) {
                self.loaded_class(i)?;
            }
            // Looked at where it lies: no clone of the class per step.
            let Some(Some(entry)) = self.classes.get(i) else { break };
            if let Some(found) = pick(&entry.code) {
                return Ok(Some(found));
            }
            at = entry.code.parent;
        }
        Ok(None)
    }

    /// `object.name` on a value that may be tied to a class: an instance's own
    /// property, else a computed property (its getter runs), else a class
    /// function (as a `4D.Function`); `cs.Name.me` on a class object.
    pub(super) fn class_member(&mut self, object: &Value, name: &str, site: Span) -> Result<Value, RuntimeError> {
        // An own property comes first (`This.x` in a function): one borrow.
        if let Value::Object(o) = object
            && let Some(value) = o.borrow().props.get(name)
        {
            return Ok(value.clone());
        }
        if let Value::SharedObject(o) = object
            && o.native.is_some()
        {
            return Ok(crate::commands::sessions::session_of(o)
                .map_or(Value::Undefined, |session| crate::commands::sessions::member(&session, name)));
        }
        if let Value::Object(o) = object {
            let defines = o.borrow().defines();
            if let Some(class) = defines {
                return match (class.user, name) {
                    (Some(user), "me") => self.singleton(user.index, Vec::new(), site),
                    _ => member(object, name),
                };
            }
        }
        let Some(index) = Process::instance_class(object) else { return member(object, name) };
        let own = match object {
            Value::Object(o) => o.borrow().props.get(name).cloned(),
            Value::SharedObject(o) if o.contains(name) => Some(o.get(name)),
            _ => None,
        };
        if let Some(value) = own {
            return Ok(value);
        }
        enum Found {
            Getter(ClassFunction),
            Function(Value),
            SetterOnly,
        }
        let found = self.find_in_chain(index, |code| {
            if let Some(getter) = code.getters.get(name) {
                return Some(Found::Getter(getter.clone()));
            }
            if let Some(function) = code.functions.get(name) {
                return Some(Found::Function(function_value(function)));
            }
            code.setters.contains_key(name).then_some(Found::SetterOnly)
        })?;
        match found {
            Some(Found::Getter(getter)) => self.call_class_function(&getter, object.clone(), Vec::new(), site),
            Some(Found::Function(value)) => Ok(value),
            Some(Found::SetterOnly) | None => Ok(Value::Undefined),
        }
    }

    /// `object.name:=value` on an instance: runs the setter of a computed
    /// property. Returns false when `name` is no computed property (a plain
    /// assignment then); an error for a property with a getter only.
    pub(super) fn set_class_member(
        &mut self,
        object: &Value,
        name: &str,
        value: Value,
        site: Span,
    ) -> Result<Option<Value>, RuntimeError> {
        if let Value::SharedObject(o) = object
            && o.native.is_some()
        {
            if let Some(session) = crate::commands::sessions::session_of(o) {
                crate::commands::sessions::set_member(&session, name, &value)?;
            }
            return Ok(None);
        }
        if let Value::Object(o) = object
            && let Some(class) = o.borrow().defines()
        {
            return Err(RuntimeError::new(
                codes::READ_ONLY_PROPERTY,
                format!("the class object of `{}` is read-only: `{name}` cannot be set", class.name),
            ));
        }
        let Some(index) = Process::instance_class(object) else { return Ok(Some(value)) };
        enum Found {
            Setter(ClassFunction),
            ReadOnly(String),
        }
        let found = self.find_in_chain(index, |code| {
            if let Some(setter) = code.setters.get(name) {
                return Some(Found::Setter(setter.clone()));
            }
            code.getters.contains_key(name).then(|| Found::ReadOnly(code.name.clone()))
        })?;
        match found {
            Some(Found::Setter(setter)) => {
                // Undefined: the getter tells the type, the setter gets its empty value.
                let value = match value {
                    Value::Undefined => empty_like(&self.class_member(object, name, site)?),
                    other => other,
                };
                self.call_class_function(&setter, object.clone(), vec![value], site)?;
                Ok(None)
            }
            Some(Found::ReadOnly(class)) => Err(RuntimeError::new(
                codes::READ_ONLY_PROPERTY,
                format!("the computed property `{name}` of `{class}` has no `Function set`: it is read-only"),
            )),
            None => Ok(Some(value)),
        }
    }

    /// `object.name(args)` on an instance: a function of its class or of a
    /// parent. `None` when no class of the chain has it.
    pub(super) fn instance_call(
        &mut self,
        object: &Value,
        name: &str,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Option<Value>, RuntimeError> {
        let Some(index) = Process::instance_class(object) else { return Ok(None) };
        let found = self.find_in_chain(index, |code| code.functions.get(name).cloned())?;
        match found {
            Some(function) => self.call_class_function(&function, object.clone(), args, site).map(Some),
            None => Ok(None),
        }
    }

    /// `Super(args)` in the constructor of the class at `class`: the nearest
    /// constructor above it runs with the same `This`, once (-10746 else).
    pub(super) fn super_call(
        &mut self,
        frame: &mut Frame<'_>,
        class: usize,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let Some(constructor) = frame.code.constructor.filter(|c| c.class == class) else {
            return Err(RuntimeError::new(
                codes::SUPER_MISUSED,
                "`Super()` calls the parent's constructor: it is used only in a constructor (`Super.name()` calls a parent's function)",
            ));
        };
        if constructor.derived && !frame.super_pending {
            return Err(RuntimeError::new(codes::SUPER_MISUSED, "the parent's constructor has already been called"));
        }
        frame.super_pending = false;
        if let Some(parent_constructor) = self.parent_constructor(class)? {
            self.call_class_function(&parent_constructor, frame.this.clone(), args, site)?;
        }
        Ok(Value::Undefined)
    }

    /// The nearest constructor above the class at `class`.
    fn parent_constructor(&mut self, class: usize) -> Result<Option<ClassFunction>, RuntimeError> {
        match self.loaded_class(class)?.code.parent {
            Some(parent) => self.find_in_chain(parent, |code| code.constructor.clone()),
            None => Ok(None),
        }
    }

    /// `This` in a derived constructor before `Super()`: an error (-10743)
    /// when a parent has a constructor to run; else nothing is missing.
    #[cold]
    pub(super) fn this_before_super(&mut self, frame: &mut Frame<'_>) -> Result<(), RuntimeError> {
        let Some(constructor) = frame.code.constructor else { return Ok(()) };
        if self.parent_constructor(constructor.class)?.is_some() {
            return Err(RuntimeError::new(
                codes::THIS_BEFORE_SUPER,
                "`This` is used before `Super()` has constructed the parent classes",
            ));
        }
        frame.super_pending = false;
        Ok(())
    }

    /// The end of a derived constructor that did not call `Super()`: an error
    /// (-10748) when a parent has a constructor that did not run.
    #[cold]
    pub(super) fn check_super_called(&mut self, frame: &Frame<'_>) -> Result<(), RuntimeError> {
        let Some(constructor) = frame.code.constructor else { return Ok(()) };
        match self.parent_constructor(constructor.class)? {
            Some(parent) => Err(RuntimeError::new(
                codes::CONSTRUCTORS_NOT_CALLED,
                format!(
                    "the constructor of `{}` did not call `Super()`, so `{}` was not run",
                    frame.code.name, parent.code.name
                ),
            )),
            None => Ok(()),
        }
    }

    /// `Super.name(args)` in a function of the class at `class`: the parent's
    /// function (or a grandparent's) with the same `This`.
    pub(super) fn super_member(
        &mut self,
        frame: &Frame<'_>,
        class: usize,
        name: &str,
        args: Vec<Value>,
        site: Span,
    ) -> Result<Value, RuntimeError> {
        let entry = self.loaded_class(class)?;
        let function = match entry.code.parent {
            Some(parent) => self.find_in_chain(parent, |code| code.functions.get(name).cloned())?,
            None => None,
        };
        match function {
            Some(function) => self.call_class_function(&function, frame.this.clone(), args, site),
            None => Err(RuntimeError::new(
                codes::UNKNOWN_NAME,
                format!("the parent classes of `{}` have no function `{name}`", entry.code.name),
            )),
        }
    }

    /// `cs.Name.new(args)`: a new instance, or for a singleton class its
    /// singleton (made with these arguments if it does not exist yet).
    pub(super) fn new_instance(&mut self, index: usize, args: Vec<Value>, site: Span) -> Result<Value, RuntimeError> {
        let entry = self.loaded_class(index)?;
        if entry.code.singleton || entry.code.session_singleton {
            return self.singleton(index, args, site);
        }
        self.instantiate(index, args, site)
    }

    /// `cs.Name.me`: the singleton of a singleton class, made on first use
    /// (with `args`: none for `.me`); undefined for another class. One per
    /// process, one per session for a session singleton, one per run for a
    /// shared singleton.
    fn singleton(&mut self, index: usize, args: Vec<Value>, site: Span) -> Result<Value, RuntimeError> {
        let entry = self.loaded_class(index)?;
        let code = &entry.code;
        if !code.singleton && !code.session_singleton {
            return Ok(Value::Undefined);
        }
        if code.session_singleton
            && let Some((_, slot)) = &self.control
        {
            let session = slot.session();
            if let Some(existing) = session.singleton(index) {
                return Ok(Value::SharedObject(existing));
            }
            return Ok(match self.instantiate(index, args, site)? {
                Value::SharedObject(made) => Value::SharedObject(session.insert_singleton(index, made)),
                other => other,
            });
        }
        let run_wide = code.shared || code.session_singleton;
        if run_wide && let Some((control, _)) = &self.control {
            if let Some(existing) = control.singleton(index) {
                return Ok(Value::SharedObject(existing));
            }
            let made = self.instantiate(index, args, site)?;
            return Ok(match (&self.control, made) {
                (Some((control, _)), Value::SharedObject(o)) => Value::SharedObject(control.keep_singleton(index, o)),
                (_, other) => other,
            });
        }
        if let Some(Some(existing)) = self.singletons.get(index) {
            return Ok(existing.clone());
        }
        let made = self.instantiate(index, args, site)?;
        if self.singletons.len() <= index {
            self.singletons.resize(index + 1, None);
        }
        self.singletons[index] = Some(made.clone());
        Ok(made)
    }
}

/// A class function as a value: a `4D.Function` whose `.call()` and
/// `.apply()` run it with the `This` they are given.
fn function_value(function: &ClassFunction) -> Value {
    Value::new_formula(Rc::new(Formula {
        code: Arc::clone(&function.code),
        captured: Vec::new(),
        source: function.source.to_string(),
    }))
}
