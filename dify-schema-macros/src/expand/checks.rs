//! Rules rustc checks for the macro, because they need another type: each
//! is a constant assertion spanned at the user's token, so the error lands
//! on the declaration.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::spanned::Spanned;

use crate::ir::{Column, Default, Entity, SqlType};
use crate::tokens::{rt_at, type_name};

pub fn checks(entity: &Entity) -> TokenStream {
    let registered = registered(entity);
    let parents = tenant_owned_parents(entity);
    let string_enums = entity
        .columns
        .iter()
        .filter(|column| column.is_string_enum())
        .map(string_enum_checks);
    quote::quote!(#registered #parents #(#string_enums)*)
}

/// Each entity must be listed in its crate's `schema!`, or the DDL and the
/// migrations would silently miss its table.
fn registered(entity: &Entity) -> TokenStream {
    let rt = rt_at(entity.ident.span());
    let table = entity.table.value();
    let message = format!(
        "entity `{}` (table `{table}`) is not listed in this crate's `dify_schema::schema!`; add it to the list",
        entity.ident
    );
    quote_spanned! {entity.ident.span()=>
        const _: () = ::core::assert!(
            #rt::contains_name(crate::__DIFY_SCHEMA_TABLES, #table),
            #message
        );
    }
}

/// The parent of a `via` and each entity of `references = any(...)` must be
/// tenant-owned.
fn tenant_owned_parents(entity: &Entity) -> TokenStream {
    let via = entity.via().map(|(_, parent)| parent);
    let any_of = entity.columns.iter().flat_map(|column| &column.any_of);
    let checks = via.into_iter().chain(any_of).map(|parent| {
        let rt = rt_at(parent.span());
        quote_spanned! {parent.span()=>
            const _: () = #rt::assert_tenant_owned::<#parent>();
        }
    });
    quote::quote!(#(#checks)*)
}

/// A string enum column's type must be a string enum whose values fit the
/// column, whose `insert_as` is narrower, and whose default is a value.
fn string_enum_checks(column: &Column) -> TokenStream {
    let ty = &column.value_ty;
    let rt = rt_at(ty.span());
    let mut checks = vec![quote_spanned! {ty.span()=>
        const _: () = #rt::assert_string_enum::<#ty>();
    }];
    if let SqlType::Varchar(Some(max)) = column.sql_type {
        let message = format!(
            "a value of `{}` is longer than the varchar({max}) of column `{}`",
            type_name(ty),
            column.name
        );
        checks.push(quote_spanned! {ty.span()=>
            const _: () = ::core::assert!(
                #rt::max_len(<#ty as #rt::StringEnumColumn>::VALUES) <= #max as usize,
                #message
            );
        });
    }
    if let Some(narrower) = &column.insert_as {
        let rt = rt_at(narrower.span());
        let message = format!(
            "`insert_as = {}` has a value that `{}` does not; its values must be some of the column's",
            type_name(narrower),
            type_name(ty),
        );
        checks.push(quote_spanned! {narrower.span()=>
            const _: () = ::core::assert!(
                #rt::all_contained(
                    <#narrower as #rt::StringEnumColumn>::VALUES,
                    <#ty as #rt::StringEnumColumn>::VALUES,
                ),
                #message
            );
        });
    }
    if let Some(Default::Str(value)) = &column.default {
        let rt = rt_at(column.default_span);
        let message = format!(
            "the default `{value}` of column `{}` is not a value of `{}`; use one of its stored values (each variant's name in snake_case, or its `#[value = \"...\"]`)",
            column.name,
            type_name(ty),
        );
        checks.push(quote_spanned! {column.default_span=>
            const _: () = ::core::assert!(
                #rt::contains_name(<#ty as #rt::StringEnumColumn>::VALUES, #value),
                #message
            );
        });
    }
    quote::quote!(#(#checks)*)
}
