//! The command-line arguments of `fourd run`, given to the method it runs
//! as its parameters.

use crate::diag::Diagnostic;
use crate::runtime::value::Value;

use super::program::{self, MethodCode};

/// The command-line arguments of `fourd run` as the parameters of the
/// method: Text, or converted to the type its `#DECLARE` gives a parameter (a
/// number written in full for Integer and Real, `True` or `False` for
/// Boolean). An argument that cannot be is reported at the parameter.
pub(super) fn command_line_args(code: &MethodCode, args: &[String]) -> Result<Vec<Value>, Box<Diagnostic>> {
    use program::VarType;
    let mut values = Vec::with_capacity(args.len());
    for arg in args {
        let Some(param) = code.params.get(values.len()) else {
            values.push(Value::text(arg.as_str()));
            continue;
        };
        let value = match param.ty {
            VarType::Text | VarType::Variant => Some(Value::text(arg.as_str())),
            VarType::Integer | VarType::Real => arg
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && !arg.trim().starts_with('+'))
                .map(Value::Real),
            VarType::Boolean => match arg.trim().to_ascii_lowercase().as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            _ => None,
        };
        match value {
            Some(value) => values.push(value),
            None => {
                let name = code.locals.get(param.slot).map_or("the parameter", |l| l.name.as_str());
                return Err(Box::new(
                    Diagnostic::error(
                        "usage",
                        format!("the argument `{arg}` cannot be passed to {name}, declared {:?}", param.ty),
                        param.span,
                    )
                    .with_label(format!("argument {} of the command line", values.len() + 1))
                    .with_help(
                        "`fourd run` converts each argument to the type of its `#DECLARE` parameter: a number \
                         for Integer and Real, True or False for Boolean; declare the parameter as Text to \
                         convert it yourself",
                    ),
                ));
            }
        }
    }
    Ok(values)
}
