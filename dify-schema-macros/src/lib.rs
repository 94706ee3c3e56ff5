//! The proc macros of dify-schema. Use them through `dify_schema`, which
//! re-exports them: generated code reaches the runtime only through
//! `::dify_schema::__private` (`tokens::rt`).
//!
//! `#[entity]` runs in three stages, each in its own module:
//! `parse` (tokens to a syntax tree), `validate` (syntax tree to the IR in
//! `ir`, reporting every mistake at its token) and `expand` (IR to Rust,
//! reading the facts `props` derives from the IR). A declaration with
//! mistakes expands to `fallback` and the errors.

mod ctxt;
mod embed;
mod expand;
mod fallback;
mod insert_plan;
mod ir;
mod meta;
mod parse;
mod props;
mod rust_type;
mod string_enum;
mod tokens;
mod validate;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a table: `#[entity(table = "apps", owner = tenant)]` on a struct
/// whose fields carry `#[column(...)]`, with optional `#[index(...)]` and
/// `#[unique(...)]` on the struct.
///
/// The reference for every key of `#[entity]`, `#[column]`, `#[index]` and
/// `#[unique]` (what each generates, the rules it checks, examples that
/// compile) is the module `dify_schema::dsl`
/// ([here](../dify_schema/dsl/index.html) in `cargo doc --open`).
#[proc_macro_attribute]
pub fn entity(args: TokenStream, item: TokenStream) -> TokenStream {
    entity_inner(args.into(), item.into()).into()
}

/// Derives `StringEnum` for an enum of unit variants stored as strings:
/// each variant as its name in snake_case, or as its `#[value = "..."]`.
///
/// See the `#[derive(StringEnum)]` section of `dify_schema::dsl`
/// ([here](../dify_schema/dsl/index.html#derivestringenum) in
/// `cargo doc --open`).
#[proc_macro_derive(StringEnum, attributes(value))]
pub fn derive_string_enum(item: TokenStream) -> TokenStream {
    string_enum::derive(item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The migrations in a directory (relative to the calling crate's
/// manifest), compiled in: `embed_migrations!("../migrations")` is a
/// `dify_schema::migrate::MigrationSet`.
#[proc_macro]
pub fn embed_migrations(input: TokenStream) -> TokenStream {
    embed::embed(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The whole `#[entity]` pipeline on `proc_macro2` tokens, so that tests can
/// run it without the compiler.
pub(crate) fn entity_inner(
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let mut cx = ctxt::Ctxt::new();
    let decl = match parse::parse_entity(&mut cx, args, item.clone()) {
        Ok(decl) => decl,
        Err(error) => return error.into_compile_error(),
    };
    let fallback = fallback::fallback(&decl);
    let entity = validate::validate(&mut cx, decl);
    match (cx.check(), entity) {
        (Ok(()), Some(entity)) => expand::expand(&entity),
        (Err(errors), _) => {
            let errors = errors.into_compile_error();
            quote::quote!(#fallback #errors)
        }
        (Ok(()), None) => unreachable!("validation that returns nothing reports why"),
    }
}
