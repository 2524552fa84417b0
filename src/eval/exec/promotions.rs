//! The privileges promoted on one process (`../shared/spec/4d-processes-sessions.md`
//! §4.3, §5.9): by `.promote()` (an id from 1 up, removed by `.demote(id)`)
//! and by a `promote` permission of roles.json on a project method (for the
//! call of that method). A promotion lasts until the call that made it
//! returns: `.promote()` promotes "for the duration of the calling
//! function", a static promotion for the method's own call.
//!
//! A stack in the order promoted; most processes never promote, and a call
//! looks at it only when it is not empty.

use std::sync::Arc;

/// One promotion: its id (0 for a static one), the call depth it lasts for,
/// and its privileges (expanded through `includes`, spelt as declared).
struct Promotion {
    id: u32,
    depth: usize,
    privileges: Arc<[Box<str>]>,
}

/// The promotions of a process.
#[derive(Default)]
pub(super) struct Promotions {
    stack: Vec<Promotion>,
    /// The last id given by `.promote()`.
    last_id: u32,
}

impl Promotions {
    /// Whether no promotion is on the process.
    #[inline(always)]
    pub(super) fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// `.promote()` in a call at `depth`: the new promotion's id (from 1 up).
    pub(super) fn promote(&mut self, depth: usize, privileges: Vec<Box<str>>) -> u32 {
        self.last_id = self.last_id.wrapping_add(1).max(1);
        self.stack.push(Promotion { id: self.last_id, depth, privileges: privileges.into() });
        self.last_id
    }

    /// A promote permission of the method called at `depth`.
    pub(super) fn promote_call(&mut self, depth: usize, privileges: &Arc<[Box<str>]>) {
        self.stack.push(Promotion { id: 0, depth, privileges: Arc::clone(privileges) });
    }

    /// `.demote(id)`: nothing for an id not promoted (or already demoted).
    pub(super) fn demote(&mut self, id: u32) {
        if id != 0
            && let Some(at) = self.stack.iter().rposition(|p| p.id == id)
        {
            self.stack.remove(at);
        }
    }

    /// The call at `depth` returns: its promotions (and any left by the
    /// calls it made) end.
    pub(super) fn end_call(&mut self, depth: usize) {
        self.stack.retain(|p| p.depth < depth);
    }

    /// Whether `privilege` (spelt as declared) is promoted on the process.
    pub(super) fn has(&self, privilege: &str) -> bool {
        self.stack.iter().any(|p| p.privileges.iter().any(|q| &**q == privilege))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<Box<str>> {
        list.iter().map(|n| Box::from(*n)).collect()
    }

    #[test]
    fn ids_demote_and_calls() {
        let mut p = Promotions::default();
        assert!(p.is_empty() && !p.has("a"));
        let a = p.promote(1, names(&["a", "b"]));
        let c = p.promote(2, names(&["c"]));
        assert_eq!((a, c), (1, 2));
        assert!(p.has("a") && p.has("b") && p.has("c") && !p.has("A"));
        p.demote(7);
        p.demote(0);
        assert!(p.has("c"));
        p.end_call(2);
        assert!(!p.has("c") && p.has("a"));
        p.demote(c);
        p.demote(a);
        assert!(p.is_empty());
        assert_eq!(p.promote(1, names(&["a"])), 3, "ids keep growing");
        let fixed: Arc<[Box<str>]> = names(&["s"]).into();
        p.promote_call(2, &fixed);
        let inner = p.promote(3, names(&["d"]));
        assert!(p.has("s") && p.has("d"));
        p.demote(inner);
        p.end_call(2);
        assert!(!p.has("s") && p.has("a"));
        p.end_call(1);
        assert!(p.is_empty());
    }
}
