//! Rules rustc checks for the macro, because they need another type: each
//! is a constant assertion spanned at the user's token, so the error lands
//! on the declaration.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir::{Default, Entity, Ownership, SqlType};

pub fn checks(entity: &Entity) -> TokenStream {
    let mut checks = vec![registered(entity)];
    if let Ownership::Via { column, .. } = entity.ownership {
        let parent = &entity
            .column(column)
            .relation
            .as_ref()
            .expect("validated")
            .parent;
        checks.push(quote_spanned! {parent.span()=>
            const _: () = ::dify_schema::entity::assert_tenant_owned::<#parent>();
        });
    }
    for parent in entity.columns.iter().flat_map(|column| &column.any_of) {
        checks.push(quote_spanned! {parent.span()=>
            const _: () = ::dify_schema::entity::assert_tenant_owned::<#parent>();
        });
    }
    for column in entity
        .columns
        .iter()
        .filter(|column| column.is_string_enum())
    {
        let ty = &column.value_ty;
        checks.push(quote_spanned! {ty.span()=>
            const _: () = ::dify_schema::__private::assert_string_enum::<#ty>();
        });
        if let SqlType::Varchar(Some(max)) = column.sql_type {
            let message = format!(
                "a value of `{}` is longer than the varchar({max}) of column `{}`",
                quote!(#ty).to_string().replace(' ', ""),
                column.name
            );
            checks.push(quote_spanned! {ty.span()=>
                const _: () = ::core::assert!(
                    ::dify_schema::__private::max_len(<#ty as ::dify_schema::__private::StringEnumColumn>::VALUES) <= #max as usize,
                    #message
                );
            });
        }
        if let Some(narrower) = &column.insert_as {
            let message = format!(
                "`insert_as = {}` has a value that `{}` does not; its values must be some of the column's",
                quote!(#narrower).to_string().replace(' ', ""),
                quote!(#ty).to_string().replace(' ', ""),
            );
            checks.push(quote_spanned! {narrower.span()=>
                const _: () = ::core::assert!(
                    ::dify_schema::__private::all_contained(
                        <#narrower as ::dify_schema::__private::StringEnumColumn>::VALUES,
                        <#ty as ::dify_schema::__private::StringEnumColumn>::VALUES,
                    ),
                    #message
                );
            });
        }
        if let Some(Default::Str(value)) = &column.default {
            let ty_name = quote!(#ty).to_string().replace(' ', "");
            let message = format!(
                "the default `{value}` of column `{}` is not a value of `{ty_name}`; use one of its stored values (each variant's name in snake_case, or its `#[value = \"...\"]`)",
                column.name,
            );
            checks.push(quote_spanned! {column.default_span=>
                const _: () = ::core::assert!(
                    ::dify_schema::__private::contains_name(<#ty as ::dify_schema::__private::StringEnumColumn>::VALUES, #value),
                    #message
                );
            });
        }
    }
    quote!(#(#checks)*)
}

/// Each entity must be listed in its crate's `schema!`, or the DDL and the
/// migrations would silently miss its table.
fn registered(entity: &Entity) -> TokenStream {
    let table = entity.table.value();
    let message = format!(
        "entity `{}` (table `{table}`) is not listed in this crate's `dify_schema::schema!`; add it to the list",
        entity.ident
    );
    quote_spanned! {entity.ident.span()=>
        const _: () = ::core::assert!(
            ::dify_schema::__private::contains_name(crate::__DIFY_SCHEMA_TABLES, #table),
            #message
        );
    }
}
