//! 4D methods built from fuzzer bytes along the shapes of the grammar:
//! statements (assignments, blocks, commands, calls), expressions of every
//! kind of value, member functions of collections, objects and formulas, and
//! processes. Every input makes a method that parses, so that the fuzzer's
//! time goes to the evaluator rather than to syntax errors.

use arbitrary::{Result, Unstructured};

/// How deeply blocks and expressions nest, and how many statements a block has.
const MAX_DEPTH: u32 = 4;
const MAX_STATEMENTS: u32 = 8;

/// Local variables the methods use (untyped: any value goes).
const LOCALS: &[&str] = &["$a", "$b", "$c", "$t", "$n", "$o", "$col", "$p", "$f", "$s", "$1", "$2"];
/// Other variables: a process and an interprocess one.
const OTHERS: &[&str] = &["vX", "<>g"];
/// Property names.
const KEYS: &[&str] = &["a", "b", "length", "value", "x y", "", "ID", "__proto__"];

/// Functions (commands that give a value) with their argument counts.
const FUNCTIONS: &[(&str, u32)] = &[
    ("String", 1),
    ("String", 2),
    ("Num", 1),
    ("Length", 1),
    ("Substring", 2),
    ("Substring", 3),
    ("Position", 2),
    ("Position", 3),
    ("Replace string", 3),
    ("Replace string", 4),
    ("Change string", 3),
    ("Insert string", 3),
    ("Delete string", 3),
    ("Uppercase", 1),
    ("Lowercase", 1),
    ("Trim", 1),
    ("Char", 1),
    ("Character code", 1),
    ("Split string", 2),
    ("Split string", 3),
    ("Match regex", 2),
    ("Match regex", 3),
    ("JSON Stringify", 1),
    ("JSON Stringify", 2),
    ("JSON Parse", 1),
    ("JSON Parse", 2),
    ("New collection", 0),
    ("New collection", 3),
    ("New object", 2),
    ("New shared object", 0),
    ("New shared object", 2),
    ("New shared collection", 2),
    ("OB Copy", 1),
    ("OB Copy", 2),
    ("OB Keys", 1),
    ("OB Values", 1),
    ("OB Entries", 1),
    ("OB Get", 2),
    ("OB Is defined", 2),
    ("OB Is empty", 1),
    ("OB Is shared", 1),
    ("OB Get type", 2),
    ("OB Instance of", 2),
    ("OB Class", 1),
    ("Round", 2),
    ("Trunc", 2),
    ("Int", 1),
    ("Dec", 1),
    ("Abs", 1),
    ("Mod", 2),
    ("Square root", 1),
    ("Log", 1),
    ("Exp", 1),
    ("Date", 1),
    ("Time", 1),
    ("Time string", 1),
    ("Add to date", 4),
    ("Day of", 1),
    ("Month of", 1),
    ("Year of", 1),
    ("Day number", 1),
    ("Formula", 1),
    ("Formula from string", 1),
    ("Value type", 1),
    ("Storage", 0),
    ("Session", 0),
    ("Session storage", 1),
    ("Process info", 1),
    ("Process state", 1),
    ("Process number", 1),
    ("Current process", 0),
    ("Process activity", 0),
    ("Bool", 1),
    ("Not", 1),
    ("Timestamp", 0),
    ("Generate UUID", 0),
    ("BLOB size", 1),
    ("BLOB to text", 2),
    ("BLOB to longint", 2),
    ("Generate digest", 2),
    ("Convert to text", 2),
    ("Count parameters", 0),
    ("Copy parameters", 0),
    ("Last errors", 0),
    ("Get pointer", 1),
    ("Is nil pointer", 1),
    ("Undefined", 1),
    ("Null", 0),
    ("Random", 0),
    ("Fuzz", 1),
];

/// Member functions, with their argument counts.
const MEMBERS: &[(&str, u32)] = &[
    ("push", 1),
    ("push", 2),
    ("pop", 0),
    ("shift", 0),
    ("unshift", 1),
    ("insert", 2),
    ("remove", 1),
    ("remove", 2),
    ("resize", 1),
    ("resize", 2),
    ("fill", 1),
    ("fill", 3),
    ("slice", 1),
    ("slice", 2),
    ("concat", 1),
    ("combine", 1),
    ("combine", 2),
    ("copy", 0),
    ("copy", 1),
    ("join", 1),
    ("indexOf", 1),
    ("indexOf", 2),
    ("lastIndexOf", 2),
    ("includes", 1),
    ("indices", 1),
    ("find", 1),
    ("findIndex", 1),
    ("filter", 1),
    ("map", 1),
    ("every", 1),
    ("some", 1),
    ("reduce", 1),
    ("reduce", 2),
    ("sort", 0),
    ("sort", 1),
    ("orderBy", 0),
    ("orderBy", 1),
    ("orderByMethod", 1),
    ("query", 1),
    ("query", 2),
    ("sum", 0),
    ("sum", 1),
    ("max", 0),
    ("min", 1),
    ("average", 0),
    ("count", 0),
    ("countValues", 1),
    ("distinct", 0),
    ("distinct", 1),
    ("extract", 1),
    ("flat", 0),
    ("flat", 1),
    ("flatMap", 1),
    ("reverse", 0),
    ("equal", 1),
    ("multiSort", 0),
    ("at", 1),
    ("first", 0),
    ("last", 0),
    ("call", 0),
    ("call", 2),
    ("apply", 0),
    ("apply", 2),
];

/// Commands used as statements, with their argument counts.
const COMMANDS: &[(&str, u32)] = &[
    ("ALERT", 1),
    ("OB SET", 3),
    ("OB REMOVE", 2),
    ("OB SET NULL", 2),
    ("ARRAY TEXT", 2),
    ("ARRAY LONGINT", 2),
    ("ARRAY REAL", 2),
    ("ARRAY OBJECT", 2),
    ("APPEND TO ARRAY", 2),
    ("INSERT IN ARRAY", 3),
    ("DELETE FROM ARRAY", 3),
    ("SORT ARRAY", 1),
    ("COPY ARRAY", 2),
    ("COLLECTION TO ARRAY", 2),
    ("ARRAY TO COLLECTION", 2),
    ("CLEAR VARIABLE", 1),
    ("DELAY PROCESS", 2),
    ("ON ERR CALL", 1),
    ("ASSERT", 1),
    ("throw", 1),
    ("throw", 2),
    ("LOG EVENT", 2),
    ("CALL WORKER", 2),
    ("CALL WORKER", 3),
    ("KILL WORKER", 1),
    ("ABORT PROCESS BY ID", 1),
    ("PAUSE PROCESS", 1),
    ("RESUME PROCESS", 1),
    ("New process", 3),
    ("SET BLOB SIZE", 2),
    ("TEXT TO BLOB", 3),
    ("LONGINT TO BLOB", 3),
    ("INSERT IN BLOB", 3),
    ("DELETE FROM BLOB", 3),
    ("COPY BLOB", 5),
    ("VARIABLE TO BLOB", 2),
    ("BLOB TO VARIABLE", 2),
    ("BASE64 ENCODE", 1),
    ("CONVERT FROM TEXT", 3),
    ("Fuzz", 1),
];

/// A whole method: statements until the bytes run out (or the limit).
pub fn method(u: &mut Unstructured<'_>) -> Result<String> {
    let mut g = Gen { out: String::new(), indent: 0 };
    if u.ratio(1, 3)? {
        g.line("#DECLARE($1 : Variant; $2 : Variant) : Variant");
    }
    let mut count = 0;
    while !u.is_empty() && count < 40 {
        g.statement(u, 0)?;
        count += 1;
    }
    Ok(g.out)
}

struct Gen {
    out: String,
    indent: usize,
}

fn pick<'a>(u: &mut Unstructured<'_>, choices: &'a [&'a str]) -> Result<&'a str> {
    u.choose(choices).copied()
}

impl Gen {
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push('\t');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, u: &mut Unstructured<'_>, depth: u32) -> Result<()> {
        self.indent += 1;
        let n = u.int_in_range(0..=MAX_STATEMENTS)?;
        for _ in 0..n {
            self.statement(u, depth + 1)?;
        }
        self.indent -= 1;
        Ok(())
    }

    fn statement(&mut self, u: &mut Unstructured<'_>, depth: u32) -> Result<()> {
        let nested = depth < MAX_DEPTH;
        match u.int_in_range(0..=19)? {
            0..=3 => {
                let target = self.place(u, 0)?;
                let op = pick(u, &[":=", ":=", ":=", "+=", "-=", "*=", "/="])?;
                let value = self.expr(u, 0)?;
                self.line(&format!("{target}{op}{value}"));
            }
            4 | 5 => {
                let (name, count) = *u.choose(COMMANDS)?;
                let args = self.args(u, count)?;
                self.line(&format!("{name}({args})"));
            }
            6 => {
                let receiver = self.expr(u, 2)?;
                let call = self.member_call(u, 1)?;
                self.line(&format!("{receiver}{call}"));
            }
            7 if nested => {
                let cond = self.expr(u, 1)?;
                self.line(&format!("If ({cond})"));
                self.block(u, depth)?;
                if u.ratio(1, 2)? {
                    self.line("Else");
                    self.block(u, depth)?;
                }
                self.line("End if");
            }
            8 if nested => {
                self.line("Case of");
                for _ in 0..u.int_in_range(1..=3)? {
                    let cond = self.expr(u, 1)?;
                    self.line(&format!("\t: ({cond})"));
                    self.block(u, depth)?;
                }
                self.line("End case");
            }
            9 if nested => {
                let var = pick(u, &["$i", "$j"])?;
                let (from, to) = (self.expr(u, 3)?, self.expr(u, 3)?);
                self.line(&format!("For ({var}; {from}; {to})"));
                self.block(u, depth)?;
                self.line("End for");
            }
            10 if nested => {
                let var = pick(u, &["$x", "$y"])?;
                let over = self.expr(u, 2)?;
                self.line(&format!("For each ({var}; {over})"));
                self.block(u, depth)?;
                self.line("End for each");
            }
            11 if nested => {
                let cond = self.expr(u, 1)?;
                self.line(&format!("While ({cond})"));
                self.block(u, depth)?;
                self.line("End while");
            }
            12 if nested => {
                self.line("Repeat");
                self.block(u, depth)?;
                let cond = self.expr(u, 1)?;
                self.line(&format!("Until ({cond})"));
            }
            13 if nested => {
                let target = self.expr(u, 2)?;
                self.line(&format!("Use ({target})"));
                self.block(u, depth)?;
                self.line("End use");
            }
            14 if nested => {
                self.line("Try");
                self.block(u, depth)?;
                self.line("Catch");
                self.block(u, depth)?;
                self.line("End try");
            }
            15 => {
                let var = pick(u, LOCALS)?;
                let ty = pick(u, &["Text", "Integer", "Real", "Object", "Collection", "Boolean", "Date", "Variant"])?;
                self.line(&format!("var {var} : {ty}"));
            }
            16 => {
                let word = pick(u, &["return", "break", "continue"])?;
                let value =
                    if word == "return" && u.ratio(1, 2)? { format!(" {}", self.expr(u, 1)?) } else { String::new() };
                self.line(&format!("{word}{value}"));
            }
            17 => {
                let var = pick(u, &["C_TEXT", "C_LONGINT", "C_REAL", "C_OBJECT", "C_COLLECTION"])?;
                let name = pick(u, &["vX", "$a", "$t"])?;
                self.line(&format!("{var}({name})"));
            }
            _ => {
                let value = self.expr(u, 0)?;
                self.line(&format!("$c:={value}"));
            }
        }
        Ok(())
    }

    /// Somewhere to assign: a variable, an element, a property, a pointed variable.
    fn place(&mut self, u: &mut Unstructured<'_>, depth: u32) -> Result<String> {
        Ok(match u.int_in_range(0..=6)? {
            0 => format!("{}[{}]", pick(u, LOCALS)?, self.expr(u, depth + 2)?),
            1 => format!("{}.{}", pick(u, LOCALS)?, pick(u, &["a", "b", "value"])?),
            2 => format!("{}[\"{}\"]", pick(u, LOCALS)?, pick(u, KEYS)?),
            3 => format!("{}->", pick(u, LOCALS)?),
            4 => pick(u, OTHERS)?.to_string(),
            5 => format!("{}{{{}}}", pick(u, &["$arr", "vArr"])?, self.expr(u, depth + 2)?),
            _ => pick(u, LOCALS)?.to_string(),
        })
    }

    fn args(&mut self, u: &mut Unstructured<'_>, count: u32) -> Result<String> {
        let mut args = Vec::new();
        for _ in 0..count {
            args.push(self.expr(u, 2)?);
        }
        Ok(args.join("; "))
    }

    fn member_call(&mut self, u: &mut Unstructured<'_>, depth: u32) -> Result<String> {
        let (name, count) = *u.choose(MEMBERS)?;
        let mut args = Vec::new();
        for _ in 0..count {
            args.push(self.expr(u, depth + 1)?);
        }
        Ok(format!(".{name}({})", args.join("; ")))
    }

    fn literal(&mut self, u: &mut Unstructured<'_>) -> Result<String> {
        Ok(match u.int_in_range(0..=9)? {
            0 => u.int_in_range(-3i64..=12)?.to_string(),
            1 => pick(u, &["0.5", "1e308", "-1e308", "1e-320", "2147483647", "-2147483648", "4294967296", "0.1"])?
                .to_string(),
            2 => {
                let text: String = u.arbitrary::<String>()?.chars().take(12).collect();
                format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace(['\n', '\r'], " "))
            }
            3 => pick(u, &["\"\"", "\"a\"", "\"abc\"", "\"a = 1\"", "\"{\\\"a\\\":[1,2]}\"", "\"[1;2]\"", "\"$1+1\""])?
                .to_string(),
            4 => pick(u, &["!2024-02-29!", "!00-00-00!", "!1900-01-01!", "!9999-12-31!"])?.to_string(),
            5 => pick(u, &["?00:00:00?", "?23:59:59?", "?-01:00:00?"])?.to_string(),
            6 => pick(u, &["True", "False", "Null"])?.to_string(),
            7 => pick(u, &["Is text", "Is real", "Is collection", "ck shared", "ck resolve pointers", "Is object"])?
                .to_string(),
            8 => pick(u, &["This", "Storage", "Session", "cs", "4D"])?.to_string(),
            _ => pick(u, &["\"w = :1\"", "\"a\"", "ck ascending", "\"a desc\""])?.to_string(),
        })
    }

    fn expr(&mut self, u: &mut Unstructured<'_>, depth: u32) -> Result<String> {
        if depth >= MAX_DEPTH || u.is_empty() {
            return if u.ratio(1, 2)? { self.literal(u) } else { Ok(pick(u, LOCALS)?.to_string()) };
        }
        let d = depth + 1;
        Ok(match u.int_in_range(0..=17)? {
            0 | 1 => self.literal(u)?,
            2 | 3 => pick(u, LOCALS)?.to_string(),
            4 => pick(u, OTHERS)?.to_string(),
            5 | 6 => {
                let op = pick(
                    u,
                    &["+", "-", "*", "/", "%", "^", "=", "#", "<", ">", "<=", ">=", "&", "|", "&&", "||", "\\", "??"],
                )?;
                format!("({}{op}{})", self.expr(u, d)?, self.expr(u, d)?)
            }
            7 => format!("(-{})", self.expr(u, d)?),
            8 => format!("({} ? {} : {})", self.expr(u, d)?, self.expr(u, d)?, self.expr(u, d)?),
            9 => {
                let (name, count) = *u.choose(FUNCTIONS)?;
                let args = self.args(u, count)?;
                if count == 0 && u.ratio(1, 2)? { name.to_string() } else { format!("{name}({args})") }
            }
            10 => {
                let receiver = self.expr(u, d)?;
                format!("{receiver}{}", self.member_call(u, d)?)
            }
            11 => format!("{}.{}", self.expr(u, d)?, pick(u, KEYS)?.replace(' ', "")),
            12 => format!("{}[{}]", self.expr(u, d)?, self.expr(u, d)?),
            13 => {
                let mut items = Vec::new();
                for _ in 0..u.int_in_range(0..=3)? {
                    items.push(self.expr(u, d)?);
                }
                format!("[{}]", items.join("; "))
            }
            14 => format!("{{a: {}; b: {}}}", self.expr(u, d)?, self.expr(u, d)?),
            15 => format!("->{}", self.place(u, d)?),
            16 => format!("Formula({})", self.expr(u, d)?),
            _ => format!("{}[[{}]]", pick(u, &["$t", "$a"])?, self.expr(u, d)?),
        })
    }
}
