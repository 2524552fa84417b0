//! Code given as text while a run goes on: the text of `Formula from
//! string`, the template `PROCESS 4D TAGS` makes a method of, and the line of
//! `EXECUTE FORMULA`, each parsed and resolved in the run's current context
//! (`Run::in_context` chooses it).

use std::sync::Arc;

use crate::diag::Diagnostic;
use crate::runtime::error::{RuntimeError, codes};

use super::program::{self, MethodCode};
use super::resolve;
use super::run::{Run, cannot_run};

/// The code given as text, resolved in the run's current context.
impl Run {
    pub(super) fn compile_formula_here(&mut self, source: &str) -> Result<Arc<MethodCode>, RuntimeError> {
        let heading = format!("the formula text `{source}` cannot run");
        let (ast, mut diags) = self.parse_text("Formula from string", source, &heading)?;
        match resolve::resolve_formula_text("Formula from string", &ast, self) {
            Ok(code) => Ok(Arc::new(code)),
            Err(mut errors) => {
                let code = if errors.iter().any(|d| d.code == "-10737") { -10737 } else { codes::UNKNOWN_NAME };
                diags.append(&mut errors);
                Err(cannot_run(&heading, &diags, code))
            }
        }
    }

    pub(super) fn compile_method_here(&mut self, name: &str, source: &str) -> Result<Arc<MethodCode>, RuntimeError> {
        let heading = format!("the code of {name} cannot run");
        let (ast, mut diags) = self.parse_text(name, source, &heading)?;
        let (code, mut errors) = resolve::resolve_method(name, &ast, self);
        if errors.iter().any(Diagnostic::is_error) {
            diags.append(&mut errors);
            return Err(cannot_run(&heading, &diags, codes::UNKNOWN_NAME));
        }
        Ok(Arc::new(code))
    }

    pub(super) fn compile_statement_here(
        &mut self,
        source: &str,
        method: &str,
        locals: &[program::LocalInfo],
    ) -> Result<Vec<program::Stmt>, RuntimeError> {
        let heading = format!("EXECUTE FORMULA cannot run `{source}`");
        let (ast, mut diags) = self.parse_text("EXECUTE FORMULA", source, &heading)?;
        if ast.body.stmts.len() > 1 || !ast.functions.is_empty() {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("EXECUTE FORMULA runs one line of code, not `{source}`"),
            ));
        }
        resolve::resolve_statement_text(method, &ast, self, locals).map_err(|mut errors| {
            diags.append(&mut errors);
            cannot_run(&heading, &diags, codes::UNKNOWN_NAME)
        })
    }
}
