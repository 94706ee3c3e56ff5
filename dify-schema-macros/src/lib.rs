//! The proc macros of dify-schema. Use them through `dify_schema`, which
//! re-exports them: generated code names the runtime as `::dify_schema`.
//!
//! `#[entity]` runs in three stages, each in its own module:
//! `parse` (tokens to a syntax tree), `validate` (syntax tree to the IR in
//! `ir`, reporting every mistake at its token) and `expand` (IR to Rust).

mod ctxt;
mod embed;
mod expand;
mod ir;
mod meta;
mod parse;
mod rust_type;
mod string_enum;
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
    let fallback = fallback_struct(&decl);
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

/// The struct as declared, without the DSL's attributes: emitted next to
/// the errors so that one mistake in a declaration does not turn every use
/// of the type into a second error (thiserror's `fallback.rs`).
fn fallback_struct(decl: &parse::EntityDecl) -> proc_macro2::TokenStream {
    let attrs = &decl.attrs;
    let vis = &decl.vis;
    let ident = &decl.ident;
    let fields = decl.fields.iter().map(|field| {
        let parse::FieldDecl {
            attrs,
            vis,
            ident,
            ty,
            ..
        } = field;
        quote::quote!(#(#attrs)* #vis #ident: #ty,)
    });
    // A stub `Entity` keeps `schema!` and other entities' relations from
    // reporting "not an entity" on top of the real mistake.
    let table = decl
        .args
        .table
        .as_ref()
        .map_or_else(|| ident.to_string(), syn::LitStr::value);
    let entity_name = ident.to_string();
    quote::quote! {
        #(#attrs)*
        #vis struct #ident { #(#fields)* }

        const _: () = {
            impl ::dify_schema::Entity for #ident {
                const TABLE: &'static ::dify_schema::schema::Table = &::dify_schema::schema::Table {
                    name: ::dify_schema::__private::Cow::Borrowed(#table),
                    entity: ::dify_schema::__private::Cow::Borrowed(#entity_name),
                    columns: ::dify_schema::__private::Cow::Borrowed(&[]),
                    primary_key: ::dify_schema::schema::PrimaryKey {
                        name: ::dify_schema::__private::Cow::Borrowed(""),
                        columns: ::dify_schema::__private::Cow::Borrowed(&[]),
                    },
                    indexes: ::dify_schema::__private::Cow::Borrowed(&[]),
                    unique_constraints: ::dify_schema::__private::Cow::Borrowed(&[]),
                    relations: ::dify_schema::__private::Cow::Borrowed(&[]),
                    ownership: ::dify_schema::schema::Ownership::Global,
                    soft_delete: ::core::option::Option::None,
                    write_capability: ::dify_schema::schema::Capability::Editing,
                    create_capability: ::core::option::Option::None,
                    visibility: ::dify_schema::schema::Visibility::None,
                };
                const TABLE_NAME: &'static str = #table;
                type New<'t> = ();
                type Changes<'t> = ();
                type Key = ();
                type Ref<'t> = ::dify_schema::types::Uuid;
                fn key(&self) -> Self::Key {}
            }
        };
    }
}
