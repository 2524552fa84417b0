//! A hand-written reader for the lines most code is made of: assignments,
//! calls, `If`, `For`, `While`, `Repeat`, `Case of`, `var` and `#DECLARE` lines, over
//! locals, names (tokenized or not), numbers, texts, object and collection
//! literals, operators, members, indexes and calls.
//!
//! It builds exactly the item the grammar (`grammar/fourd.pest`) and its
//! lowering would build, spans included, and gives up (`None`) on anything
//! else, or on anything that would need a diagnostic: the pest parser then
//! reads the line. It decides as the grammar's ordered choices decide and
//! never backtracks: where the grammar could backtrack, it gives up. In
//! debug builds (the tests, the fuzz targets) every line it reads is read by
//! pest too and the two items must be the same (`parse_line`).
//!
//! It exists for speed: pest's rule calls dominate the checking of large
//! projects (`benches/check_scaling.sh`).

use super::super::ast::{
    AssignOp, BinOp, Expr, ExprKind, Ident, Name, Param, PostfixOp, PrefixOp, ResultDecl, Signature, StmtKind, TypeRef,
    VarDecl,
};
use super::super::names::decode_token;
use super::expr::unescape;
use super::messages::incomplete_keyword;
use super::{Item, assignable};
use crate::diag::{SourceId, Span};

/// The item of one logical line (`text`, starting at byte `base` of its
/// file), or `None` to let the grammar read it.
pub(super) fn read_line(source: SourceId, base: usize, text: &str) -> Option<Item> {
    let mut r = Reader { text, s: text.as_bytes(), pos: 0, source, base };
    r.skip();
    let item = r.statement()?;
    r.skip();
    if r.peek() == Some(b';') {
        r.pos += 1;
        r.skip();
    }
    if r.pos != r.s.len() {
        return None;
    }
    // A bare name may be a keyword missing its part (`If` alone): the
    // grammar's reading reports it.
    if let Item::Stmt(StmtKind::Expr(Expr { kind: ExprKind::Name(name), .. })) = &item
        && (name.token.is_none() && incomplete_keyword(&name.text).is_some())
    {
        return None;
    }
    Some(item)
}

struct Reader<'t> {
    text: &'t str,
    s: &'t [u8],
    pos: usize,
    source: SourceId,
    base: usize,
}

/// An ASCII character of a word (`word_char` of the grammar, for ASCII).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII character that may start a member name.
fn is_member_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$'
}

impl<'t> Reader<'t> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source, self.base + start, self.base + end)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    /// Skips the grammar's `WHITESPACE` (its ASCII part).
    fn skip(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | 0x0C)) {
            self.pos += 1;
        }
    }

    /// The end of the run of ASCII word characters from `i`; `None` if the
    /// run stops at a character that is not ASCII (it may be a word's).
    fn word_end(&self, mut i: usize) -> Option<usize> {
        while self.at(i).is_some_and(is_word) {
            i += 1;
        }
        if self.at(i).is_some_and(|b| b >= 0x80) { None } else { Some(i) }
    }

    /// Expects `byte` after blanks.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// The length of an assignment operator at the position.
    fn assign_op(&self) -> Option<AssignOp> {
        let op = match (self.peek()?, self.at(self.pos + 1)?) {
            (b':', b'=') => AssignOp::Assign,
            (b'+', b'=') => AssignOp::Add,
            (b'-', b'=') => AssignOp::Subtract,
            (b'*', b'=') => AssignOp::Multiply,
            (b'/', b'=') => AssignOp::Divide,
            _ => return None,
        };
        Some(op)
    }

    // ------------------------------------------------------------ statements

    fn statement(&mut self) -> Option<Item> {
        match self.peek()? {
            b'$' => self.expr_stmt(),
            b'#' => {
                let end = self.word_end(self.pos + 1)?;
                if !self.text[self.pos..end].eq_ignore_ascii_case("#declare") {
                    return None;
                }
                self.pos = end;
                self.declare()
            }
            b':' => {
                self.pos += 1;
                self.skip();
                Some(Item::Branch(self.expr()?))
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = self.pos;
                let end = self.word_end(start)?;
                let word = self.text[start..end].to_ascii_lowercase();
                match word.as_str() {
                    "if" | "while" | "until" => {
                        self.pos = end;
                        self.skip();
                        let condition = self.expr()?;
                        Some(match word.as_str() {
                            "if" => Item::If(condition),
                            "while" => Item::While(condition),
                            _ => Item::Until(condition),
                        })
                    }
                    "else" => {
                        self.pos = end;
                        Some(Item::Else)
                    }
                    "repeat" => {
                        self.pos = end;
                        Some(Item::Repeat)
                    }
                    "end" => {
                        let second = self.next_word(end)?;
                        self.pos = second.1;
                        match second.0.as_str() {
                            "if" => Some(Item::EndIf),
                            "case" => Some(Item::EndCase),
                            "while" => Some(Item::EndWhile),
                            "use" => Some(Item::EndUse),
                            "try" => Some(Item::EndTry),
                            "for" => match self.next_word(second.1) {
                                Some((third, after)) if third == "each" => {
                                    self.pos = after;
                                    Some(Item::EndForEach)
                                }
                                _ => Some(Item::EndFor),
                            },
                            _ => None,
                        }
                    }
                    "case" => {
                        let (second, after) = self.next_word(end)?;
                        self.pos = after;
                        (second == "of").then_some(Item::CaseOf)
                    }
                    "for" => {
                        if self.next_word(end).is_some_and(|(w, _)| w == "each") {
                            return None;
                        }
                        self.pos = end;
                        self.for_stmt()
                    }
                    "return" => {
                        self.pos = end;
                        self.skip();
                        match self.peek() {
                            None | Some(b';') => Some(Item::Stmt(StmtKind::Return(None))),
                            _ => Some(Item::Stmt(StmtKind::Return(Some(self.expr()?)))),
                        }
                    }
                    "var" => {
                        self.pos = end;
                        self.var_decl()
                    }
                    // The other keywords and the function modifiers: the
                    // grammar reads them.
                    "use" | "try" | "catch" | "begin" | "break" | "continue" | "property" | "class" | "function"
                    | "shared" | "singleton" | "session" | "exposed" | "local" | "onhttpget" => None,
                    _ => self.expr_stmt(),
                }
            }
            _ => None,
        }
    }

    /// The word after one or more spaces or tabs from `i`, lower-cased, and
    /// where it ends.
    fn next_word(&self, i: usize) -> Option<(String, usize)> {
        let mut j = i;
        while matches!(self.at(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        if j == i {
            return None;
        }
        let end = self.word_end(j)?;
        (end > j).then(|| (self.text[j..end].to_ascii_lowercase(), end))
    }

    fn expr_stmt(&mut self) -> Option<Item> {
        let target = self.expr()?;
        self.skip();
        match self.assign_op() {
            Some(op) => {
                self.pos += 2;
                self.skip();
                let value = self.expr()?;
                assignable(&target).then_some(Item::Stmt(StmtKind::Assign { target, op, value }))
            }
            None => Some(Item::Stmt(StmtKind::Expr(target))),
        }
    }

    fn for_stmt(&mut self) -> Option<Item> {
        self.expect(b'(')?;
        self.skip();
        let counter = self.expr()?;
        self.expect(b';')?;
        self.skip();
        let start = self.expr()?;
        self.expect(b';')?;
        self.skip();
        let end = self.expr()?;
        self.skip();
        let step = if self.peek() == Some(b';') {
            self.pos += 1;
            self.skip();
            Some(self.expr()?)
        } else {
            None
        };
        self.expect(b')')?;
        Some(Item::For { counter, start, end, step })
    }

    /// `var $a; $b : Type := value`, of locals only.
    fn var_decl(&mut self) -> Option<Item> {
        let mut names = Vec::new();
        loop {
            self.skip();
            let Ident { text, span } = self.local_ident()?;
            names.push(Expr { kind: ExprKind::Local(text[1..].to_string()), span });
            self.skip();
            match self.peek() {
                Some(b';' | b',') => self.pos += 1,
                _ => break,
            }
        }
        names.shrink_to_fit();
        let ty = self.typed()?.map(Box::new);
        self.skip();
        let mut init = None;
        if self.peek() == Some(b':') && self.at(self.pos + 1) == Some(b'=') {
            self.pos += 2;
            self.skip();
            init = Some(Box::new(self.expr()?));
            if names.len() > 1 {
                return None;
            }
        }
        Some(Item::Stmt(StmtKind::Var(VarDecl { names, ty, init })))
    }

    /// `#DECLARE($a : Type; ...) -> $r : Type`, of named parameters. As in
    /// the grammar, a parameter or a named result without a type spans the
    /// blanks after its name.
    fn declare(&mut self) -> Option<Item> {
        let mut sig = Signature::default();
        self.skip();
        if self.peek() == Some(b'(') {
            sig.has_parens = true;
            sig.params = self.list(b')', Self::param)?;
            self.skip();
        }
        let start = self.pos;
        match (self.peek(), self.at(self.pos + 1)) {
            (Some(b'-'), Some(b'>')) => {
                self.pos += 2;
                self.skip();
                let name = self.local_ident()?;
                let ty = self.typed()?;
                sig.result = Some(ResultDecl { name: Some(name), ty, span: self.span(start, self.pos) });
            }
            (Some(b':'), next) if next != Some(b'=') => {
                self.pos += 1;
                self.skip();
                let ty = self.type_ref()?;
                sig.result = Some(ResultDecl { name: None, ty: Some(ty), span: self.span(start, self.pos) });
            }
            _ => {}
        }
        Some(Item::Stmt(StmtKind::Declare(Box::new(sig))))
    }

    /// A named parameter (`$a : Type`); the variadic `...` is left to the grammar.
    fn param(&mut self) -> Option<Param> {
        let start = self.pos;
        let name = self.local_ident()?;
        let ty = self.typed()?;
        Some(Param { name: Some(name), ty, span: self.span(start, self.pos) })
    }

    /// A local's name as an identifier (`$a`, with its `$`).
    fn local_ident(&mut self) -> Option<Ident> {
        let start = self.pos;
        if self.peek() != Some(b'$') {
            return None;
        }
        let end = self.word_end(start + 1)?;
        if end == start + 1 {
            return None;
        }
        self.pos = end;
        Some(Ident { text: self.text[start..end].to_string(), span: self.span(start, end) })
    }

    /// After a name: blanks, then `: Type` if it is there (`Some(None)` if
    /// not; `None` to give up).
    fn typed(&mut self) -> Option<Option<TypeRef>> {
        self.skip();
        if self.peek() == Some(b':') && self.at(self.pos + 1) != Some(b'=') {
            self.pos += 1;
            self.skip();
            return Some(Some(self.type_ref()?));
        }
        Some(None)
    }

    /// A type: a plain name, then dotted members.
    fn type_ref(&mut self) -> Option<TypeRef> {
        let start = self.pos;
        if self.token_after_words(start)?.is_some() {
            return None;
        }
        let end = self.plain_name_end(start)?;
        let head = Name { text: self.text[start..end].to_string(), token: None };
        self.pos = end;
        let mut path = Vec::new();
        while self.peek() == Some(b'.') {
            let (ident, after) = self.member_name(self.pos + 1)?;
            path.push(ident);
            self.pos = after;
        }
        Some(TypeRef { head, path, span: self.span(start, self.pos) })
    }

    // ----------------------------------------------------------- expressions

    /// `expr`: a chain; a ternary is left to the grammar.
    fn expr(&mut self) -> Option<Expr> {
        let chain = self.chain()?;
        let save = self.pos;
        self.skip();
        if self.peek() == Some(b'?') {
            return None;
        }
        self.pos = save;
        Some(chain)
    }

    /// Operands joined by binary operators.
    fn chain(&mut self) -> Option<Expr> {
        let start = self.pos;
        let first = self.operand()?;
        let mut rest = Vec::new();
        let mut end = self.pos;
        loop {
            self.skip();
            let Some(len) = self.binop() else { break };
            let op = BinOp::from_symbol(&self.text[self.pos..self.pos + len])?;
            self.pos += len;
            self.skip();
            rest.push((op, self.operand()?));
            end = self.pos;
        }
        self.pos = end;
        if rest.is_empty() {
            return Some(first);
        }
        rest.shrink_to_fit();
        Some(Expr { kind: ExprKind::Binary { first: Box::new(first), rest }, span: self.span(start, end) })
    }

    /// The length of the binary operator at the position, as the grammar's
    /// `binop` tries them.
    fn binop(&self) -> Option<usize> {
        let a = self.peek()?;
        let b = self.at(self.pos + 1);
        let c = self.at(self.pos + 2);
        Some(match (a, b) {
            (b'&', Some(b'&')) | (b'|', Some(b'|')) | (b'^', Some(b'|')) => 2,
            (b'<', Some(b'<')) if c != Some(b'>') => 2,
            (b'>', Some(b'>')) | (b'<', Some(b'=')) | (b'>', Some(b'=')) => 2,
            (b'?', Some(b'+' | b'-' | b'?')) => 2,
            (b'*', Some(b'+' | b'|')) => 2,
            (b'+', _) if b != Some(b'=') => 1,
            (b'-', _) if !matches!(b, Some(b'=' | b'>')) => 1,
            (b'*', _) | (b'/', _) if b != Some(b'=') => 1,
            (b'\\' | b'%' | b'^' | b'=' | b'#' | b'>' | b'&' | b'|', _) => 1,
            (b'<', _) if b != Some(b'>') => 1,
            _ => return None,
        })
    }

    /// Prefix operators (`->`, `-`), then a postfix expression.
    fn operand(&mut self) -> Option<Expr> {
        let start = self.pos;
        let mut ops = Vec::new();
        loop {
            match (self.peek(), self.at(self.pos + 1)) {
                (Some(b'-'), Some(b'>')) => {
                    ops.push(PrefixOp::PointerTo);
                    self.pos += 2;
                }
                (Some(b'-'), _) => {
                    ops.push(PrefixOp::Negate);
                    self.pos += 1;
                }
                _ => break,
            }
            self.skip();
        }
        let operand = self.postfix_expr()?;
        if ops.is_empty() {
            return Some(operand);
        }
        ops.shrink_to_fit();
        Some(Expr { kind: ExprKind::Prefix { ops, operand: Box::new(operand) }, span: self.span(start, self.pos) })
    }

    /// A primary, then members, indexes, calls and dereferences (no blanks
    /// between them but before `.` and `(`).
    fn postfix_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        let base = self.primary()?;
        let mut ops = Vec::new();
        loop {
            let here = self.pos;
            let mut blank = here;
            while matches!(self.at(blank), Some(b' ' | b'\t')) {
                blank += 1;
            }
            match (self.peek(), self.at(here + 1)) {
                (Some(b'-'), Some(b'>')) => {
                    if self.at(here + 2).is_some_and(is_member_start) {
                        let (ident, after) = self.member_name(here + 2)?;
                        ops.push(PostfixOp::DerefMember(ident));
                        self.pos = after;
                    } else if self.at(here + 2).is_some_and(|b| b >= 0x80) {
                        return None;
                    } else {
                        ops.push(PostfixOp::Deref(self.span(here, here + 2)));
                        self.pos = here + 2;
                    }
                }
                (Some(b'['), _) => {
                    self.pos += 1;
                    self.skip();
                    let inner = self.expr()?;
                    self.expect(b']')?;
                    let open = self.base + here;
                    ops.push(match inner.kind {
                        ExprKind::Collection(mut items)
                            if items.len() == 1 && inner.span.start as usize == open + 1 =>
                        {
                            PostfixOp::CharIndex(items.pop()?)
                        }
                        kind => PostfixOp::Index(Expr { kind, span: inner.span }),
                    });
                }
                (Some(b'{'), _) => {
                    self.pos += 1;
                    self.skip();
                    let inner = self.expr()?;
                    self.expect(b'}')?;
                    ops.push(PostfixOp::ArrayElement(inner));
                }
                _ => match self.at(blank) {
                    Some(b'.') => {
                        let (ident, after) = self.member_name(blank + 1)?;
                        ops.push(PostfixOp::Member(ident));
                        self.pos = after;
                    }
                    Some(b'(') => {
                        self.pos = blank;
                        let args = self.args()?;
                        ops.push(PostfixOp::Call { args, span: self.span(here, self.pos) });
                    }
                    _ => break,
                },
            }
        }
        if ops.is_empty() {
            return Some(base);
        }
        // `Try(expr)` is made by the lowering: left to the grammar.
        if let ExprKind::Name(name) = &base.kind
            && name.text.eq_ignore_ascii_case("try")
        {
            return None;
        }
        ops.shrink_to_fit();
        Some(Expr { kind: ExprKind::Postfix { base: Box::new(base), ops }, span: self.span(start, self.pos) })
    }

    /// A member name at `i` (`member_name`), and where it ends.
    fn member_name(&self, i: usize) -> Option<(Ident, usize)> {
        if !self.at(i).is_some_and(is_member_start) {
            return None;
        }
        let mut end = i + 1;
        while self.at(end).is_some_and(|b| is_word(b) || b == b'$') {
            end += 1;
        }
        if self.at(end).is_some_and(|b| b >= 0x80) {
            return None;
        }
        Some((Ident { text: self.text[i..end].to_string(), span: self.span(i, end) }, end))
    }

    /// `(arg; ...)`, the position on `(`.
    fn args(&mut self) -> Option<Vec<Expr>> {
        let mut args = self.list(b')', Self::arg)?;
        args.shrink_to_fit();
        Some(args)
    }

    /// Items separated by `;` up to `close`, the position on the opening
    /// bracket; the position ends past `close`.
    fn list<T>(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.pos += 1;
        self.skip();
        let mut items = Vec::new();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Some(items);
        }
        loop {
            items.push(item(self)?);
            self.skip();
            match self.peek()? {
                b';' => {
                    self.pos += 1;
                    self.skip();
                }
                b if b == close => {
                    self.pos += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }

    /// An argument: an expression, or an assignment. Markers and query
    /// conjunctions are left to the grammar.
    fn arg(&mut self) -> Option<Expr> {
        if matches!(self.peek()?, b'>' | b'<' | b'*' | b'=' | b'#' | b'%' | b'&' | b'|') {
            return None;
        }
        let start = self.pos;
        let target = self.expr()?;
        let save = self.pos;
        self.skip();
        let Some(op) = self.assign_op() else {
            self.pos = save;
            return Some(target);
        };
        self.pos += 2;
        self.skip();
        let value = Box::new(self.expr()?);
        if !assignable(&target) {
            return None;
        }
        Some(Expr { kind: ExprKind::Assign { target: Box::new(target), op, value }, span: self.span(start, self.pos) })
    }

    fn primary(&mut self) -> Option<Expr> {
        let start = self.pos;
        let kind = match self.peek()? {
            b'$' => {
                let end = self.word_end(start + 1)?;
                if end == start + 1 {
                    return None;
                }
                self.pos = end;
                ExprKind::Local(self.text[start + 1..end].to_string())
            }
            b'"' => {
                let mut i = start + 1;
                loop {
                    match self.at(i)? {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                self.pos = i + 1;
                ExprKind::Text(unescape(self.text.get(start..=i)?))
            }
            b'{' => self.object()?,
            b'[' => {
                // `[Table]` and `[Table]Field` are left to the grammar.
                if self.at(start + 1).is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80) {
                    return None;
                }
                let mut items = self.list(b']', Self::expr)?;
                items.shrink_to_fit();
                ExprKind::Collection(items)
            }
            b'(' => {
                self.pos += 1;
                self.skip();
                let inner = self.expr()?;
                self.expect(b')')?;
                return Some(inner);
            }
            b if is_word(b) => return self.word_primary(),
            _ => return None,
        };
        Some(Expr { kind, span: self.span(start, self.pos) })
    }

    /// A primary that starts with a word character: a tokenized name, a
    /// number or a plain name, tried in the grammar's order.
    fn word_primary(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some((text_end, end)) = self.token_after_words(start)? {
            let token = decode_token(&self.text[text_end..end])?;
            let name = Name { text: self.text[start..text_end].to_string(), token: Some(token) };
            self.pos = end;
            return Some(Expr { kind: ExprKind::Name(name), span: self.span(start, end) });
        }
        if self.peek()?.is_ascii_digit() {
            // A hexadecimal literal, or a number with a word right after it
            // (a name), is left to the grammar.
            if self.peek() == Some(b'0') && matches!(self.at(start + 1), Some(b'x' | b'X')) {
                return None;
            }
            let mut i = start;
            while self.at(i).is_some_and(|b| b.is_ascii_digit()) {
                i += 1;
            }
            if self.at(i) == Some(b'.') {
                i += 1;
                while self.at(i).is_some_and(|b| b.is_ascii_digit()) {
                    i += 1;
                }
            }
            if matches!(self.at(i), Some(b'e' | b'E')) {
                let mut j = i + 1;
                if matches!(self.at(j), Some(b'+' | b'-')) {
                    j += 1;
                }
                if self.at(j).is_some_and(|b| b.is_ascii_digit()) {
                    while self.at(j).is_some_and(|b| b.is_ascii_digit()) {
                        j += 1;
                    }
                    i = j;
                }
            }
            if self.at(i).is_some_and(|b| is_word(b) || b >= 0x80 || b == b'.') {
                return None;
            }
            let number = self.text[start..i].parse::<f64>().ok()?;
            self.pos = i;
            return Some(Expr { kind: ExprKind::Number(number), span: self.span(start, i) });
        }
        let end = self.plain_name_end(start)?;
        self.pos = end;
        let name = Name { text: self.text[start..end].to_string(), token: None };
        Some(Expr { kind: ExprKind::Name(name), span: self.span(start, end) })
    }

    /// Whether a tokenized name starts at `start` (`tok_name`: words joined
    /// by spaces, as many as there are, then `:C41`, `:K8:3` or
    /// `:P12000:19`): `Some(Some((end of the words, end of the suffix)))` if
    /// so, `Some(None)` if not; `None` (give up) if a `:` that is neither a
    /// suffix nor `:=` follows the words, or a character that is not ASCII.
    fn token_after_words(&self, start: usize) -> Option<Option<(usize, usize)>> {
        let mut end = self.word_end(start)?;
        loop {
            let mut j = end;
            while self.at(j) == Some(b' ') {
                j += 1;
            }
            match self.at(j) {
                Some(b) if j > end && is_word(b) => end = self.word_end(j)?,
                Some(b) if j > end && b >= 0x80 => return None,
                _ => break,
            }
        }
        if self.at(end) != Some(b':') || self.at(end + 1) == Some(b'=') {
            return Some(None);
        }
        let digits = |mut i: usize| {
            let from = i;
            while self.at(i).is_some_and(|b| b.is_ascii_digit()) {
                i += 1;
            }
            (i > from).then_some(i)
        };
        let after = match self.at(end + 1) {
            Some(b'C') => digits(end + 2),
            Some(b'K' | b'P') => digits(end + 2).filter(|&i| self.at(i) == Some(b':')).and_then(|i| digits(i + 1)),
            _ => None,
        }?;
        if self.at(after).is_some_and(|b| is_word(b) || b >= 0x80) {
            return None;
        }
        Some(Some((end, after)))
    }

    /// The end of a plain name (`word (" " word)*`) from `start`.
    fn plain_name_end(&self, start: usize) -> Option<usize> {
        let mut end = self.word_end(start)?;
        if end == start {
            return None;
        }
        while self.at(end) == Some(b' ') && self.at(end + 1).is_some_and(|b| is_word(b) || b >= 0x80) {
            end = self.word_end(end + 1)?;
        }
        Some(end)
    }

    /// `{key: value; ...}`, the position on `{`.
    fn object(&mut self) -> Option<ExprKind> {
        let mut props = self.list(b'}', Self::property)?;
        props.shrink_to_fit();
        Some(ExprKind::Object(props))
    }

    /// `key: value` in an object literal (the key a member name or a text).
    fn property(&mut self) -> Option<(Ident, Expr)> {
        let key_start = self.pos;
        let key = if self.peek() == Some(b'"') {
            let key = self.primary()?;
            let ExprKind::Text(text) = key.kind else { return None };
            Ident { text, span: self.span(key_start, self.pos) }
        } else {
            let (ident, after) = self.member_name(key_start)?;
            self.pos = after;
            ident
        };
        self.skip();
        if self.peek() != Some(b':') || self.at(self.pos + 1) == Some(b'=') {
            return None;
        }
        self.pos += 1;
        self.skip();
        Some((key, self.expr()?))
    }
}
