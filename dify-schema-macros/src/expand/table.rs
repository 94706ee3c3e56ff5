//! The Diesel `table!` of an entity, and the joins of its relations.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use super::rt;
use crate::ir::{Column, Entity, SqlType};

/// A hidden module holding the `table!`. `table!` always makes its module
/// `pub`, so it is wrapped in a crate-private one: code outside the models
/// crate cannot name the table and so cannot query around the scopes.
pub fn table_module(entity: &Entity) -> TokenStream {
    let rt = rt();
    let module = entity.table_module();
    let table = format_ident!("{}", entity.table.value());
    let key = entity
        .primary_key
        .columns
        .iter()
        .map(|index| &entity.column(*index).field);
    let columns = entity.columns.iter().map(|column| {
        let field = &column.field;
        let sql_type = diesel_sql_type(column);
        let rename = (field.unraw() != column.name).then(|| {
            let name = &column.name;
            quote!(#[sql_name = #name])
        });
        quote!(#rename #field -> #sql_type,)
    });
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case, unreachable_pub)]
        pub(crate) mod #module {
            #rt::diesel::table! {
                #table (#(#key),*) {
                    #(#columns)*
                }
            }
            pub use self::#table::*;
        }
    }
}

/// The Diesel SQL type of a column, `Nullable` when the field is an `Option`.
pub fn diesel_sql_type(column: &Column) -> TokenStream {
    let rt = rt();
    let base = match column.sql_type {
        SqlType::Uuid => quote!(Uuid),
        SqlType::Varchar(_) | SqlType::Text => quote!(Text),
        SqlType::Json => quote!(Json),
        SqlType::Jsonb => quote!(Jsonb),
        SqlType::Timestamp => quote!(Timestamp),
        SqlType::Timestamptz => quote!(Timestamptz),
        SqlType::Integer => quote!(Integer),
        SqlType::BigInt => quote!(BigInt),
        SqlType::Boolean => quote!(Bool),
        SqlType::Float => quote!(Double),
        SqlType::Numeric(_) => quote!(Numeric),
        SqlType::Bytea => quote!(Bytea),
    };
    let base = quote!(#rt::diesel::sql_types::#base);
    if column.nullable {
        quote!(#rt::diesel::sql_types::Nullable<#base>)
    } else {
        base
    }
}

/// `DieselTable` (a trait `schema!` declares in a crate-private module, so
/// no other crate can name the table through it), and the join of each relation that asks for one:
/// only related pairs, never all pairs (which costs compile time that
/// grows with the square of the table count).
pub fn joins(entity: &Entity) -> TokenStream {
    let ident = &entity.ident;
    let module = entity.table_module();
    let pairs = entity.columns.iter().filter_map(|column| {
        let relation = column.relation.as_ref().filter(|relation| relation.join)?;
        let parent = &relation.parent;
        let field = &column.field;
        Some(quote_spanned! {parent.span()=>
            ::dify_schema::__relate_tables!(
                child = #module::table,
                parent = <#parent as crate::__dify_private::DieselTable>::Table,
                foreign_key = #module::#field
            );
        })
    });
    quote! {
        impl crate::__dify_private::DieselTable for #ident {
            type Table = #module::table;
        }
        #(#pairs)*
    }
}
