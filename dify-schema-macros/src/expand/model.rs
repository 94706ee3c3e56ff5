//! The row struct, the insert and update forms, and the Diesel traits that
//! read a row.
//!
//! No Diesel derive touches a public type: the impls are written out here,
//! so the models crate needs no `use diesel` and the derives' generic
//! machinery is not paid for at every entity.

use proc_macro2::TokenStream;
use quote::quote;

use super::rt;
use super::table::diesel_sql_type;
use crate::ir::{Column, Entity, Ownership};

/// The row struct, as declared minus the DSL attributes.
pub fn row_struct(entity: &Entity) -> TokenStream {
    let Entity {
        attrs, vis, ident, ..
    } = entity;
    let fields = entity.columns.iter().map(|column| {
        let Column {
            attrs,
            vis,
            field,
            ty,
            ..
        } = column;
        quote!(#(#attrs)* #vis #field: #ty,)
    });
    quote! {
        #(#attrs)*
        #vis struct #ident {
            #(#fields)*
        }
    }
}

/// Whether the insert form carries this column. The tenant comes from the
/// scope and audit columns from the scope or the server, never from the
/// caller: that is what makes "set another tenant's id" unwritable.
pub fn in_insert_form(entity: &Entity, index: usize) -> bool {
    let column = entity.column(index);
    !is_tenant_column(entity, index) && column.audit.is_none()
}

/// Whether the insert form makes this column optional (`None` = let the
/// server or the client default decide, or NULL).
pub fn optional_on_insert(column: &Column) -> bool {
    !column.nullable && (column.default.is_some() || column.client_default.is_some())
}

/// Whether the update form carries this column.
pub fn in_changes_form(entity: &Entity, index: usize) -> bool {
    let column = entity.column(index);
    !column.primary_key && !is_tenant_column(entity, index) && column.audit.is_none()
}

pub fn is_tenant_column(entity: &Entity, index: usize) -> bool {
    matches!(entity.ownership, Ownership::Tenant { column } if column == index)
}

/// `NewApp` and `AppChanges`.
pub fn forms(entity: &Entity) -> TokenStream {
    let Entity {
        vis,
        ident,
        insert_ident,
        changes_ident,
        table,
        ..
    } = entity;
    let insert_doc = format!(
        "The values of a new `{}` row (`{}`). The tenant and the audit columns are filled in by the scope; `None` in an optional field lets the column's default decide.",
        ident,
        table.value()
    );
    let changes_doc = format!(
        "Changes to a `{ident}` row: each `Some` field is written, each `None` left as it is."
    );
    let insert_fields = entity
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| {
            if !in_insert_form(entity, index) {
                return None;
            }
            let field = &column.field;
            let ty = &column.ty;
            let docs = column
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("doc"));
            Some(if optional_on_insert(column) {
                quote!(#(#docs)* pub #field: ::core::option::Option<#ty>,)
            } else {
                quote!(#(#docs)* pub #field: #ty,)
            })
        });
    let changes_fields = entity
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| {
            if !in_changes_form(entity, index) {
                return None;
            }
            let field = &column.field;
            let ty = &column.ty;
            Some(quote!(pub #field: ::core::option::Option<#ty>,))
        });
    quote! {
        #[doc = #insert_doc]
        #[derive(Debug, Clone, PartialEq)]
        #vis struct #insert_ident {
            #(#insert_fields)*
        }

        #[doc = #changes_doc]
        #[derive(Debug, Clone, PartialEq, Default)]
        #vis struct #changes_ident {
            #(#changes_fields)*
        }
    }
}

/// `Queryable` and `Selectable` for the row struct.
pub fn row_impls(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let module = entity.table_module();
    let sql_types = entity.columns.iter().map(diesel_sql_type);
    let rust_types = entity.columns.iter().map(|column| &column.ty);
    let fields: Vec<_> = entity.columns.iter().map(|column| &column.field).collect();
    let positions = (0..entity.columns.len()).map(syn::Index::from);
    quote! {
        impl #rt::diesel::deserialize::Queryable<(#(#sql_types,)*), #rt::diesel::pg::Pg> for #ident {
            type Row = (#(#rust_types,)*);
            fn build(row: Self::Row) -> #rt::diesel::deserialize::Result<Self> {
                ::core::result::Result::Ok(#ident {
                    #(#fields: row.#positions,)*
                })
            }
        }

        impl #rt::diesel::Selectable<#rt::diesel::pg::Pg> for #ident {
            type SelectExpression = (#(#module::#fields,)*);
            fn construct_selection() -> Self::SelectExpression {
                (#(#module::#fields,)*)
            }
        }
    }
}
