//! The Diesel `table!` of an entity, and the joins of its relations.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::ir::Entity;
use crate::tokens::{diesel_sql_type, rt};

/// A hidden module holding the `table!`. `table!` always makes its module
/// `pub`, so it is wrapped in a crate-private one: code outside the models
/// crate cannot name the table and so cannot query around the scopes.
pub fn table_module(entity: &Entity) -> TokenStream {
    let rt = rt();
    let module = entity.table_module();
    let table = format_ident!("{}", entity.table.value());
    let key = entity.key_columns().map(|column| &column.field);
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

/// `DieselTable` (a trait `schema!` declares in a crate-private module, so
/// no other crate can name the table through it), and the join of each
/// relation that asks for one: only related pairs, never all pairs (which
/// costs compile time that grows with the square of the table count).
pub fn joins(entity: &Entity) -> TokenStream {
    let ident = &entity.ident;
    let module = entity.table_module();
    let pairs = entity.columns.iter().filter_map(|column| {
        let relation = column.relation.as_ref().filter(|relation| relation.join)?;
        let parent = &relation.parent;
        let field = &column.field;
        Some(relate_tables(
            quote!(#module::table),
            quote_spanned!(parent.span()=> <#parent as crate::__dify_private::DieselTable>::Table),
            quote!(#module::#field),
        ))
    });
    quote! {
        impl crate::__dify_private::DieselTable for #ident {
            type Table = #module::table;
        }
        #(#pairs)*
    }
}

/// Joins a child table to its parent on `foreign_key` and lets both appear
/// in one query: what `diesel::joinable!` and
/// `allow_tables_to_appear_in_same_query!` emit for one pair, but with the
/// tables named by type, so that a relation can name its parent by the
/// entity's type (`App`) from any module.
fn relate_tables(child: TokenStream, parent: TokenStream, foreign_key: TokenStream) -> TokenStream {
    let rt = rt();
    let diesel = quote!(#rt::diesel);
    let on_clause = quote! {
        #diesel::dsl::Eq<
            #diesel::dsl::Nullable<#foreign_key>,
            #diesel::dsl::Nullable<<#parent as #diesel::Table>::PrimaryKey>,
        >
    };
    quote! {
        impl #diesel::JoinTo<#parent> for #child {
            type FromClause = #parent;
            type OnClause = #on_clause;
            fn join_target(rhs: #parent) -> (Self::FromClause, Self::OnClause) {
                use #diesel::{ExpressionMethods, NullableExpressionMethods, Table};
                let on = <#foreign_key as ::core::default::Default>::default()
                    .nullable()
                    .eq(rhs.primary_key().nullable());
                (rhs, on)
            }
        }
        impl #diesel::JoinTo<#child> for #parent {
            type FromClause = #child;
            type OnClause = #on_clause;
            fn join_target(rhs: #child) -> (Self::FromClause, Self::OnClause) {
                use #diesel::{ExpressionMethods, NullableExpressionMethods, Table};
                let on = <#foreign_key as ::core::default::Default>::default().nullable().eq(
                    <#parent as ::core::default::Default>::default()
                        .primary_key()
                        .nullable(),
                );
                (rhs, on)
            }
        }
        impl #diesel::query_source::TableNotEqual<#parent> for #child {}
        impl #diesel::query_source::TableNotEqual<#child> for #parent {}
    }
}
