//! The pest parser generated from `grammar/fourd.pest`. `Rule` stays inside `syntax`.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/fourd.pest"]
pub(super) struct FourdParser;
