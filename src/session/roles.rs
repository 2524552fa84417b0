//! A project's privileges and roles: `Project/Sources/roles.json`, read once
//! when a run (or a server) starts (`../shared/spec/4d-processes-sessions.md`
//! §5.9).
//!
//! [`Roles`] holds the declared privileges, each with the privileges it
//! `includes`, the roles, each with its privileges, the permissions (`allowed`
//! entries of `permissions`), `restrictedByDefault` and `forceLogin`. Sessions
//! use it to expand the names given to `.setPrivileges()` and `.promote()`;
//! the run uses it for the static promotions of project methods (a `promote`
//! permission whose type is `method`). Permissions of the other types are
//! read, checked and kept for the web server, unused by fourd today.
//!
//! Rules (decisions where the documentation is silent are marked so):
//! - Names of privileges and roles compare without regard to case; the
//!   expanded names are spelt as declared. Privileges and roles are separate
//!   lists, so a role may share a privilege's name.
//! - `WebAdmin` is reserved: every roles.json declares it (first, including
//!   nothing), so roles, `includes` and permissions may name it, and a
//!   `privileges` entry of that name is an error (decision).
//! - `privileges` is required; `roles`, `permissions`, `restrictedByDefault`
//!   and `forceLogin` may be left out (decision: the default file of a new
//!   project has them all, but a file without them is still understood).
//!   Unknown keys are ignored.
//! - A role, an `includes` list or a permission naming an undeclared
//!   privilege is an error, as are two privileges (or two roles) of the same
//!   name, a name that is not a non-empty text, and a permission of an
//!   unknown type.
//! - `includes` expands transitively; a cycle is allowed (each privilege of
//!   the cycle then includes the others) and expansion stops there.
//! - Expanded privileges come in the order of their declaration in the file
//!   (the documented example gives `["simple","medium"]` for a role whose
//!   `medium` includes `simple`).
//!
//! Errors name the file, the entry (`privileges[2]`) and what is wrong, and
//! carry the byte range at fault in the file's text (found through the
//! positions of the JSON's property names, on the error path only) so that a
//! run renders them like a syntax error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value as Json};

/// The privilege every roles.json declares.
pub const WEB_ADMIN: &str = "WebAdmin";

/// The kinds of resource a permission applies to (its `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceType {
    Datastore,
    Dataclass,
    Attribute,
    /// A project method (`applyTo` is its name).
    Method,
    /// A function of a singleton class (`applyTo` is `Class.function`).
    SingletonMethod,
    Singleton,
}

impl ResourceType {
    const ALL: [(&'static str, ResourceType); 6] = [
        ("datastore", ResourceType::Datastore),
        ("dataclass", ResourceType::Dataclass),
        ("attribute", ResourceType::Attribute),
        ("method", ResourceType::Method),
        ("singletonMethod", ResourceType::SingletonMethod),
        ("singleton", ResourceType::Singleton),
    ];

    /// The `type` of a permission, in any case.
    fn parse(name: &str) -> Option<ResourceType> {
        ResourceType::ALL.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, t)| *t)
    }

    /// The name as roles.json spells it.
    pub fn name(self) -> &'static str {
        ResourceType::ALL.iter().find(|(_, t)| *t == self).map_or("", |(n, _)| n)
    }
}

/// What a permission allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    Create,
    Update,
    Drop,
    Execute,
    Promote,
}

impl Action {
    const ALL: [(&'static str, Action); 6] = [
        ("read", Action::Read),
        ("create", Action::Create),
        ("update", Action::Update),
        ("drop", Action::Drop),
        ("execute", Action::Execute),
        ("promote", Action::Promote),
    ];
}

/// One `allowed` entry of `permissions`.
#[derive(Debug, Clone)]
pub struct Permission {
    /// `applyTo`: `ds`, a dataclass, `Class.attribute`, a method name...
    pub apply_to: String,
    pub kind: ResourceType,
    /// For each action given, the indexes of the privileges it names.
    actions: Vec<(Action, Vec<usize>)>,
}

#[derive(Debug, Clone)]
struct Privilege {
    name: String,
    /// Every privilege this one stands for, itself included, by index
    /// (`includes`, transitively), in declaration order.
    closure: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Role {
    name: String,
    privileges: Vec<usize>,
}

/// A project's roles.json, checked.
#[derive(Debug, Clone)]
pub struct Roles {
    path: PathBuf,
    /// In declaration order; `WebAdmin` first.
    privileges: Vec<Privilege>,
    privilege_index: FxHashMap<String, usize>,
    roles: Vec<Role>,
    role_index: FxHashMap<String, usize>,
    permissions: Vec<Permission>,
    /// `restrictedByDefault`: resources without permissions are denied.
    pub restricted_by_default: bool,
    /// `forceLogin`: REST "force login" mode.
    pub force_login: bool,
}

/// Why a roles.json cannot be used.
#[derive(Debug, Clone)]
pub struct RolesError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, and in which entry.
    pub message: String,
    /// The file's text, when it could be read as text.
    pub text: Option<Arc<str>>,
    /// The byte range at fault in `text`, when known.
    pub at: Option<(usize, usize)>,
}

impl std::fmt::Display for RolesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let (Some(text), Some((start, _))) = (&self.text, self.at) {
            let (line, col) = crate::diag::line_col(text, start);
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RolesError {}

/// A problem found while checking the parsed JSON: the message and the
/// JSON path of the property nearest to it (`privileges[1].includes`), and
/// the name at fault, to point at it in the text.
struct Problem {
    message: String,
    path: String,
    name: Option<String>,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { message: message.into(), path: path.into(), name: None }
}

/// The key of a name: names compare without regard to case.
fn key(name: &str) -> String {
    name.to_lowercase()
}

impl Roles {
    /// The roles.json of the 4D project in `project_folder`
    /// (`Project/Sources/roles.json`); `None` when there is none.
    pub fn load(project_folder: &Path) -> Result<Option<Roles>, RolesError> {
        Roles::load_file(&project_folder.join("Project").join("Sources").join("roles.json"))
    }

    /// The roles.json at `path`; `None` when there is no such file.
    pub fn load_file(path: &Path) -> Result<Option<Roles>, RolesError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(RolesError {
                    path: path.to_path_buf(),
                    message: format!("cannot be read: {e}"),
                    text: None,
                    at: None,
                });
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Err(RolesError {
                path: path.to_path_buf(),
                message: String::from("not UTF-8 text"),
                text: None,
                at: None,
            });
        };
        Roles::parse(path, &text).map(Some)
    }

    /// The roles of the JSON `text`, read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Roles, RolesError> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let skipped = text.len() - body.len();
        let fail = |message: String, at: Option<(usize, usize)>| RolesError {
            path: path.to_path_buf(),
            message,
            text: Some(Arc::from(text)),
            at,
        };
        let json: Json = match serde_json::from_str(body) {
            Ok(json) => json,
            Err(e) => {
                let at = offset_of(body, e.line(), e.column()).map(|o| (o + skipped, o + skipped + 1));
                return Err(fail(format!("not valid JSON: {}", serde_message(&e)), at));
            }
        };
        Roles::from_json(path, &json).map_err(|p| {
            let at = locate(body, &p).map(|(s, e)| (s + skipped, e + skipped));
            fail(p.message, at)
        })
    }

    fn from_json(path: &Path, json: &Json) -> Result<Roles, Problem> {
        let Json::Object(top) = json else {
            return Err(problem("", format!("the file holds {}, not an object", kind_of(json))));
        };
        let mut roles = Roles {
            path: path.to_path_buf(),
            privileges: vec![Privilege { name: String::from(WEB_ADMIN), closure: vec![0] }],
            privilege_index: FxHashMap::default(),
            roles: Vec::new(),
            role_index: FxHashMap::default(),
            permissions: Vec::new(),
            restricted_by_default: boolean(top, "restrictedByDefault")?,
            force_login: boolean(top, "forceLogin")?,
        };
        roles.privilege_index.insert(key(WEB_ADMIN), 0);
        let Some(privileges) = top.get("privileges") else {
            return Err(problem(
                "",
                "`privileges` is missing: the file must declare the project's privileges (a list of {privilege, includes})",
            ));
        };
        let privileges = list(privileges, "privileges")?;
        // Names first, so that `includes` may name a privilege declared further on.
        let mut includes = Vec::with_capacity(privileges.len());
        for (i, entry) in privileges.iter().enumerate() {
            let at = format!("privileges[{i}]");
            let entry = entry_object(entry, &at, "{privilege, includes}")?;
            let name = name_of(entry, "privilege", &at)?;
            if key(name) == key(WEB_ADMIN) {
                return Err(Problem {
                    message: format!("{at}: `{name}` is reserved: 4D declares it itself"),
                    path: format!("{at}.privilege"),
                    name: Some(name.to_string()),
                });
            }
            if roles.privilege_index.insert(key(name), roles.privileges.len()).is_some() {
                return Err(Problem {
                    message: format!("{at}: the privilege `{name}` is declared twice"),
                    path: format!("{at}.privilege"),
                    name: Some(name.to_string()),
                });
            }
            roles.privileges.push(Privilege { name: name.to_string(), closure: Vec::new() });
            includes.push(names_in(entry, "includes", &at)?);
        }
        let mut direct: Vec<Vec<usize>> = vec![Vec::new()];
        for (i, names) in includes.into_iter().enumerate() {
            let entry = format!("privileges[{i}] (`{}`)", roles.privileges[i + 1].name);
            direct.push(roles.indexes(&names, &entry, &format!("privileges[{i}].includes"), "includes")?);
        }
        for (i, privilege) in roles.privileges.iter_mut().enumerate() {
            privilege.closure = closure(&direct, i);
        }
        if let Some(list_json) = top.get("roles") {
            for (i, entry) in list(list_json, "roles")?.iter().enumerate() {
                let at = format!("roles[{i}]");
                let entry = entry_object(entry, &at, "{role, privileges}")?;
                let name = name_of(entry, "role", &at)?;
                if roles.role_index.insert(key(name), roles.roles.len()).is_some() {
                    return Err(Problem {
                        message: format!("{at}: the role `{name}` is declared twice"),
                        path: format!("{at}.role"),
                        name: Some(name.to_string()),
                    });
                }
                let names = names_in(entry, "privileges", &at)?;
                let entry = format!("{at} (`{name}`)");
                let privileges = roles.indexes(&names, &entry, &format!("{at}.privileges"), "privileges")?;
                roles.roles.push(Role { name: name.to_string(), privileges });
            }
        }
        if let Some(permissions) = top.get("permissions") {
            roles.permissions = roles.read_permissions(permissions)?;
        }
        Ok(roles)
    }

    fn read_permissions(&self, json: &Json) -> Result<Vec<Permission>, Problem> {
        let Json::Object(permissions) = json else {
            return Err(problem(
                "permissions",
                format!("`permissions` must be an object ({{allowed: [...]}}), not {}", kind_of(json)),
            ));
        };
        let Some(allowed) = permissions.get("allowed") else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        for (i, entry) in list(allowed, "permissions.allowed")?.iter().enumerate() {
            let at = format!("permissions.allowed[{i}]");
            let entry = entry_object(entry, &at, "{applyTo, type, read, ...}")?;
            let apply_to = name_of(entry, "applyTo", &at)?;
            let kind_name = name_of(entry, "type", &at)?;
            let Some(kind) = ResourceType::parse(kind_name) else {
                let known: Vec<&str> = ResourceType::ALL.iter().map(|(n, _)| *n).collect();
                return Err(Problem {
                    message: format!("{at}: `{kind_name}` is not a type of permission ({})", known.join(", ")),
                    path: format!("{at}.type"),
                    name: Some(kind_name.to_string()),
                });
            };
            let mut actions = Vec::new();
            for (action_name, action) in Action::ALL {
                if entry.contains_key(action_name) {
                    let names = names_in(entry, action_name, &at)?;
                    let entry = format!("{at} (`{apply_to}`)");
                    let path = format!("{at}.{action_name}");
                    actions.push((action, self.indexes(&names, &entry, &path, action_name)?));
                }
            }
            out.push(Permission { apply_to: apply_to.to_string(), kind, actions });
        }
        Ok(out)
    }

    /// The indexes of the privileges `names` names (the list `what` of the
    /// entry described by `entry`, at the JSON path `path`).
    fn indexes(&self, names: &[String], entry: &str, path: &str, what: &str) -> Result<Vec<usize>, Problem> {
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            match self.privilege_index.get(&key(name)) {
                Some(&i) => {
                    if !out.contains(&i) {
                        out.push(i);
                    }
                }
                None => {
                    return Err(Problem {
                        message: format!("{entry}: `{what}` names the privilege `{name}`, which is not declared"),
                        path: path.to_string(),
                        name: Some(name.clone()),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The file the roles were read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether `name` is a declared privilege (any case).
    pub fn is_declared(&self, name: &str) -> bool {
        self.privilege_index.contains_key(&key(name))
    }

    /// The privilege `name` as declared (its spelling in the file).
    pub fn privilege(&self, name: &str) -> Option<&str> {
        self.privilege_index.get(&key(name)).map(|&i| self.privileges[i].name.as_str())
    }

    /// Whether `name` is a declared role (any case).
    pub fn is_role(&self, name: &str) -> bool {
        self.role_index.contains_key(&key(name))
    }

    /// The declared roles, in declaration order.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().map(|r| r.name.as_str())
    }

    /// The declared privileges, in declaration order (`WebAdmin` first).
    pub fn privileges(&self) -> impl Iterator<Item = &str> {
        self.privileges.iter().map(|p| p.name.as_str())
    }

    /// The privileges that `names` stand for, through `includes`, in
    /// declaration order and each once; undeclared names are left out.
    pub fn expand_privileges<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Vec<&str> {
        self.expand(names, [])
    }

    /// The privileges of the roles `names`, through `includes`, in
    /// declaration order and each once; undeclared roles are left out.
    pub fn expand_roles<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Vec<&str> {
        self.expand([], names)
    }

    /// The privileges that the privileges `privileges` and the roles `roles`
    /// stand for (see [`Roles::expand_privileges`]).
    pub fn expand<'n>(
        &self,
        privileges: impl IntoIterator<Item = &'n str>,
        roles: impl IntoIterator<Item = &'n str>,
    ) -> Vec<&str> {
        let mut on = vec![false; self.privileges.len()];
        for name in privileges {
            if let Some(&i) = self.privilege_index.get(&key(name)) {
                self.mark(i, &mut on);
            }
        }
        for name in roles {
            if let Some(&r) = self.role_index.get(&key(name)) {
                for &i in &self.roles[r].privileges {
                    self.mark(i, &mut on);
                }
            }
        }
        self.named(&on)
    }

    /// The privileges a call of the project method `name` is promoted to
    /// (the `promote` permissions of type `method` for it), through
    /// `includes`; empty for most methods.
    pub fn promotions_for_method(&self, name: &str) -> Vec<&str> {
        self.promotions_for(ResourceType::Method, name)
    }

    /// The privileges that the `promote` permissions of type `kind` applied
    /// to `apply_to` (any case) give, through `includes`.
    pub fn promotions_for(&self, kind: ResourceType, apply_to: &str) -> Vec<&str> {
        let mut on = vec![false; self.privileges.len()];
        let wanted = key(apply_to);
        for permission in &self.permissions {
            if permission.kind == kind && key(&permission.apply_to) == wanted {
                for (action, privileges) in &permission.actions {
                    if *action == Action::Promote {
                        for &i in privileges {
                            self.mark(i, &mut on);
                        }
                    }
                }
            }
        }
        self.named(&on)
    }

    /// The permissions (`allowed` entries), in file order.
    pub fn permissions(&self) -> &[Permission] {
        &self.permissions
    }

    /// The privileges (as declared, not expanded) that `permission` names for `action`.
    pub fn allowed(&self, permission: &Permission, action: Action) -> Vec<&str> {
        permission
            .actions
            .iter()
            .filter(|(a, _)| *a == action)
            .flat_map(|(_, privileges)| privileges.iter().map(|&i| self.privileges[i].name.as_str()))
            .collect()
    }

    fn mark(&self, privilege: usize, on: &mut [bool]) {
        for &i in &self.privileges[privilege].closure {
            on[i] = true;
        }
    }

    fn named(&self, on: &[bool]) -> Vec<&str> {
        on.iter().zip(&self.privileges).filter(|(on, _)| **on).map(|(_, p)| p.name.as_str()).collect()
    }
}

/// Every privilege reachable from `start` through `direct` (itself
/// included), sorted; a cycle ends where it meets a privilege seen.
fn closure(direct: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut seen = vec![false; direct.len()];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(i) = stack.pop() {
        for &j in &direct[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    seen.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| i).collect()
}

fn kind_of(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a Boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a text",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// The optional Boolean `name` of the top object (False when absent).
fn boolean(top: &Map<String, Json>, name: &str) -> Result<bool, Problem> {
    match top.get(name) {
        None => Ok(false),
        Some(Json::Bool(b)) => Ok(*b),
        Some(other) => Err(problem(name, format!("`{name}` must be true or false, not {}", kind_of(other)))),
    }
}

/// `json` as a list (the value of the property at `path`).
fn list<'j>(json: &'j Json, path: &str) -> Result<&'j [Json], Problem> {
    match json {
        Json::Array(items) => Ok(items),
        other => Err(problem(path, format!("`{path}` must be a list, not {}", kind_of(other)))),
    }
}

/// The entry `at` of a list, which must be an object shaped like `shape`.
fn entry_object<'j>(json: &'j Json, at: &str, shape: &str) -> Result<&'j Map<String, Json>, Problem> {
    match json {
        Json::Object(entry) => Ok(entry),
        other => {
            // Pointed at through the list that holds it.
            let list = at.rsplit_once('[').map_or(at, |(list, _)| list);
            Err(problem(list, format!("{at} must be an object {shape}, not {}", kind_of(other))))
        }
    }
}

/// The required, non-empty text `name` of the entry `at`.
fn name_of<'j>(entry: &'j Map<String, Json>, name: &str, at: &str) -> Result<&'j str, Problem> {
    match entry.get(name) {
        Some(Json::String(text)) if !text.trim().is_empty() => Ok(text),
        Some(Json::String(_)) => Err(problem(format!("{at}.{name}"), format!("{at}: `{name}` is empty"))),
        Some(other) => {
            Err(problem(format!("{at}.{name}"), format!("{at}: `{name}` must be a text, not {}", kind_of(other))))
        }
        None => {
            let list = at.rsplit_once('[').map_or(at, |(list, _)| list);
            Err(problem(list, format!("{at} has no `{name}`")))
        }
    }
}

/// The optional list of names `name` of the entry `at` (empty when absent).
fn names_in(entry: &Map<String, Json>, name: &str, at: &str) -> Result<Vec<String>, Problem> {
    let path = format!("{at}.{name}");
    let items = match entry.get(name) {
        None | Some(Json::Null) => return Ok(Vec::new()),
        Some(Json::Array(items)) => items,
        Some(other) => {
            return Err(problem(&path, format!("{at}: `{name}` must be a list of names, not {}", kind_of(other))));
        }
    };
    items
        .iter()
        .map(|item| match item {
            Json::String(text) => Ok(text.clone()),
            other => Err(problem(&path, format!("{at}: `{name}` must hold names (texts), not {}", kind_of(other)))),
        })
        .collect()
}

/// serde_json's message without the position it appends (shown apart).
fn serde_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// The byte offset of line `line` (from 1), byte column `column` (from 1;
/// 0 for the line's end before it) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut start = 0;
    for _ in 1..line {
        start += text.get(start..)?.find('\n')? + 1;
    }
    let offset = (start + column.saturating_sub(1)).min(text.len());
    // Never inside a character.
    Some((0..=offset).rev().find(|&o| text.is_char_boundary(o)).unwrap_or(0))
}

/// Where a problem is in the text: the name at fault after its property if
/// it can be found, else the property's name, else the nearest enclosing
/// property's; `None` for a problem with the whole file.
fn locate(text: &str, problem: &Problem) -> Option<(usize, usize)> {
    let (_, symbols) = crate::runtime::json::parse(text, true).ok()?;
    let mut path = problem.path.as_str();
    while !path.is_empty() {
        if let Some(symbol) = symbols.iter().find(|s| s.path == path) {
            let start = byte_offset(text, symbol.line, symbol.offset)?;
            if let Some(name) = &problem.name {
                let quoted = serde_json::to_string(name).ok()?;
                if let Some(found) = text[start..].find(&quoted) {
                    return Some((start + found, start + found + quoted.len()));
                }
            }
            let end = text[start + 1..].find('"').map_or(start + 1, |e| start + e + 2);
            return Some((start, end));
        }
        // The enclosing property: `a[1].b` → `a[1]` → `a`.
        path = match path.rfind(['.', '[']) {
            Some(cut) => &path[..cut],
            None => "",
        };
    }
    None
}

/// The byte offset of line `line` (from 1), UTF-16 offset `units` in it.
fn byte_offset(text: &str, line: usize, units: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text.get(start..)?.find('\n')? + 1;
    }
    let mut counted = 0;
    for (i, c) in text.get(start..)?.char_indices() {
        if counted >= units {
            return Some(start + i);
        }
        counted += c.len_utf16();
    }
    Some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Roles, RolesError> {
        Roles::parse(Path::new("Project/Sources/roles.json"), text)
    }

    fn ok(text: &str) -> Roles {
        match parse(text) {
            Ok(roles) => roles,
            Err(e) => panic!("{e}"),
        }
    }

    fn err(text: &str) -> RolesError {
        match parse(text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => e,
        }
    }

    /// The text at fault.
    fn at(e: &RolesError) -> &str {
        let (start, end) = e.at.unwrap_or((0, 0));
        e.text.as_deref().and_then(|t| t.get(start..end)).unwrap_or("")
    }

    const SAMPLE: &str = r#"{
        "privileges": [
            {"privilege": "medium", "includes": ["simple"]},
            {"privilege": "simple", "includes": []},
            {"privilege": "Admin", "includes": ["medium", "WebAdmin"]},
            {"privilege": "audit"}
        ],
        "roles": [
            {"role": "Manager", "privileges": ["admin"]},
            {"role": "Clerk", "privileges": ["SIMPLE", "audit"]},
            {"role": "Nobody"}
        ],
        "permissions": {"allowed": [
            {"applyTo": "ds", "type": "datastore", "read": ["simple"]},
            {"applyTo": "Raise", "type": "method", "promote": ["medium"], "execute": ["audit"]},
            {"applyTo": "raise", "type": "method", "promote": ["audit"]},
            {"applyTo": "Tools.run", "type": "singletonMethod", "promote": ["Admin"]}
        ]},
        "restrictedByDefault": true,
        "forceLogin": false
    }"#;

    #[test]
    fn declared_names_any_case() {
        let roles = ok(SAMPLE);
        assert!(roles.is_declared("simple") && roles.is_declared("SIMPLE") && roles.is_declared("admin"));
        assert!(roles.is_declared("webadmin"), "WebAdmin is always declared");
        assert!(!roles.is_declared("Manager"), "a role is not a privilege");
        assert!(!roles.is_declared("") && !roles.is_declared("other"));
        assert_eq!(roles.privilege("ADMIN"), Some("Admin"));
        assert!(roles.is_role("manager") && !roles.is_role("admin"));
        assert_eq!(roles.roles().collect::<Vec<_>>(), ["Manager", "Clerk", "Nobody"]);
        assert_eq!(roles.privileges().collect::<Vec<_>>(), ["WebAdmin", "medium", "simple", "Admin", "audit"]);
        assert!(roles.restricted_by_default && !roles.force_login);
        assert_eq!(roles.path(), Path::new("Project/Sources/roles.json"));
    }

    #[test]
    fn expansion_in_declaration_order() {
        let roles = ok(SAMPLE);
        assert_eq!(roles.expand_privileges(["medium"]), ["medium", "simple"]);
        assert_eq!(roles.expand_privileges(["simple", "MEDIUM", "simple"]), ["medium", "simple"]);
        assert_eq!(roles.expand_privileges(["admin"]), ["WebAdmin", "medium", "simple", "Admin"]);
        assert_eq!(roles.expand_privileges(["nothing", "audit"]), ["audit"]);
        assert!(roles.expand_privileges(["Manager"]).is_empty(), "a role is not a privilege");
        assert_eq!(roles.expand_roles(["clerk"]), ["simple", "audit"]);
        assert_eq!(roles.expand_roles(["Manager", "none"]), ["WebAdmin", "medium", "simple", "Admin"]);
        assert!(roles.expand_roles(["nobody", "simple"]).is_empty());
        assert_eq!(roles.expand(["audit"], ["clerk"]), ["simple", "audit"]);
    }

    #[test]
    fn includes_cycles_end() {
        let roles = ok(r#"{"privileges": [
            {"privilege": "a", "includes": ["b"]},
            {"privilege": "b", "includes": ["c"]},
            {"privilege": "c", "includes": ["a", "c"]},
            {"privilege": "d", "includes": ["d"]}
        ]}"#);
        assert_eq!(roles.expand_privileges(["b"]), ["a", "b", "c"]);
        assert_eq!(roles.expand_privileges(["d"]), ["d"]);
        assert!(roles.permissions().is_empty() && !roles.restricted_by_default);
    }

    #[test]
    fn promotions() {
        let roles = ok(SAMPLE);
        assert_eq!(roles.promotions_for_method("RAISE"), ["medium", "simple", "audit"]);
        assert!(roles.promotions_for_method("other").is_empty());
        assert!(roles.promotions_for_method("ds").is_empty(), "a datastore permission is no method's");
        assert_eq!(
            roles.promotions_for(ResourceType::SingletonMethod, "tools.run"),
            ["WebAdmin", "medium", "simple", "Admin"]
        );
        let method = &roles.permissions()[1];
        assert_eq!((method.apply_to.as_str(), method.kind.name()), ("Raise", "method"));
        assert_eq!(roles.allowed(method, Action::Execute), ["audit"]);
        assert!(roles.allowed(method, Action::Read).is_empty());
        assert_eq!(roles.permissions().len(), 4);
    }

    #[test]
    fn minimal_files() {
        let roles = ok(r#"{"privileges": []}"#);
        assert_eq!(roles.privileges().collect::<Vec<_>>(), ["WebAdmin"]);
        assert_eq!(roles.expand_privileges(["webADMIN"]), ["WebAdmin"]);
        // The default file of a new 4D project.
        let roles = ok(r#"{"privileges": [], "roles": [], "permissions": {"allowed": [
            {"applyTo": "ds", "type": "datastore", "read": [], "create": [], "update": [], "drop": [],
             "execute": [], "promote": []}]}, "restrictedByDefault": false, "forceLogin": false}"#);
        assert_eq!(roles.permissions().len(), 1);
        // A byte order mark is allowed.
        assert!(parse("\u{feff}{\"privileges\": []}").is_ok());
    }

    #[test]
    fn malformed_json() {
        let e = err("{\"privileges\": [\n  {\"privilege\": \"a\",}\n]}");
        assert!(e.message.starts_with("not valid JSON: "), "{}", e.message);
        assert!(!e.message.contains(" at line "), "{}", e.message);
        assert_eq!(e.to_string().split(':').nth(1), Some("2"), "{e}");
        let e = err("");
        assert!(e.message.contains("not valid JSON"), "{}", e.message);
        let e = err("[1, 2]");
        assert_eq!(e.message, "the file holds a list, not an object");
        assert_eq!(e.at, None);
    }

    #[test]
    fn wrong_shapes() {
        let e = err(r#"{"roles": []}"#);
        assert!(e.message.starts_with("`privileges` is missing"), "{}", e.message);
        let e = err(r#"{"privileges": {"privilege": "a"}}"#);
        assert_eq!(e.message, "`privileges` must be a list, not an object");
        assert_eq!(at(&e), "\"privileges\"");
        let e = err(r#"{"privileges": ["a"]}"#);
        assert_eq!(e.message, "privileges[0] must be an object {privilege, includes}, not a text");
        let e = err(r#"{"privileges": [{"includes": []}]}"#);
        assert_eq!(e.message, "privileges[0] has no `privilege`");
        let e = err(r#"{"privileges": [{"privilege": 3}]}"#);
        assert_eq!(e.message, "privileges[0]: `privilege` must be a text, not a number");
        assert_eq!(at(&e), "\"privilege\"");
        let e = err(r#"{"privileges": [{"privilege": " "}]}"#);
        assert_eq!(e.message, "privileges[0]: `privilege` is empty");
        let e = err(r#"{"privileges": [{"privilege": "a", "includes": "b"}]}"#);
        assert_eq!(e.message, "privileges[0]: `includes` must be a list of names, not a text");
        let e = err(r#"{"privileges": [{"privilege": "a", "includes": [1]}]}"#);
        assert_eq!(e.message, "privileges[0]: `includes` must hold names (texts), not a number");
        let e = err(r#"{"privileges": [], "forceLogin": "yes"}"#);
        assert_eq!(e.message, "`forceLogin` must be true or false, not a text");
        let e = err(r#"{"privileges": [], "permissions": []}"#);
        assert!(e.message.starts_with("`permissions` must be an object"), "{}", e.message);
        let e = err(r#"{"privileges": [], "permissions": {"allowed": [{"applyTo": "ds", "type": "table"}]}}"#);
        assert!(e.message.starts_with("permissions.allowed[0]: `table` is not a type of permission"), "{}", e.message);
        assert_eq!(at(&e), "\"table\"");
    }

    #[test]
    fn undeclared_and_duplicate_names() {
        let e = err(r#"{"privileges": [{"privilege": "a", "includes": ["b"]}]}"#);
        assert_eq!(e.message, "privileges[0] (`a`): `includes` names the privilege `b`, which is not declared");
        assert_eq!(at(&e), "\"b\"");
        let e = err(r#"{"privileges": [{"privilege": "a"}], "roles": [{"role": "r", "privileges": ["a", "zz"]}]}"#);
        assert_eq!(e.message, "roles[0] (`r`): `privileges` names the privilege `zz`, which is not declared");
        assert_eq!(at(&e), "\"zz\"");
        let e = err(r#"{"privileges": [{"privilege": "a"}, {"privilege": "A"}]}"#);
        assert_eq!(e.message, "privileges[1]: the privilege `A` is declared twice");
        assert_eq!((at(&e), e.at.map(|(s, _)| s)), ("\"A\"", Some(50)));
        let e = err(r#"{"privileges": [], "roles": [{"role": "r"}, {"role": "R"}]}"#);
        assert_eq!(e.message, "roles[1]: the role `R` is declared twice");
        let e = err(r#"{"privileges": [{"privilege": "webadmin"}]}"#);
        assert_eq!(e.message, "privileges[0]: `webadmin` is reserved: 4D declares it itself");
        let e = err(
            r#"{"privileges": [], "permissions": {"allowed": [{"applyTo": "M", "type": "method", "promote": ["x"]}]}}"#,
        );
        assert_eq!(e.message, "permissions.allowed[0] (`M`): `promote` names the privilege `x`, which is not declared");
        // A name with a quote or a non-ASCII letter is still found in the text.
        let e = err("{\"privileges\": [{\"privilege\": \"é\", \"includes\": [\"a\\\"b\"]}]}");
        assert_eq!(at(&e), "\"a\\\"b\"");
    }

    #[test]
    fn files() {
        let dir = std::env::temp_dir().join(format!("fourd_roles_{}", crate::session::SessionId::random()));
        assert!(matches!(Roles::load(&dir), Ok(None)), "no file, no roles");
        let sources = dir.join("Project").join("Sources");
        std::fs::create_dir_all(&sources).unwrap_or_default();
        std::fs::write(sources.join("roles.json"), r#"{"privileges": [{"privilege": "p"}]}"#).unwrap_or_default();
        let roles = Roles::load(&dir).ok().flatten();
        assert!(roles.is_some_and(|r| r.is_declared("P")));
        std::fs::write(sources.join("roles.json"), [0xff, 0xfe]).unwrap_or_default();
        let e = Roles::load(&dir).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.ends_with("roles.json: not UTF-8 text"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
