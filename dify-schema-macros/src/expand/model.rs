//! The row struct, the insert and update forms, and the Diesel traits that
//! read a row.
//!
//! No Diesel derive touches a public type: the impls are written out here,
//! so the derives' generic machinery is not paid for at every entity.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir::{Column, Entity};
use crate::tokens::{diesel_sql_type, mysql_sql_type, rt, rt_at};

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

/// The type of a column in a form: a reference to another entity is a
/// `Ref<'t, Parent>` (a branded id when the parent is tenant-owned).
fn form_value_type(column: &Column) -> TokenStream {
    let reference = match (&column.relation, column.any_of.first()) {
        (Some(relation), _) => {
            let parent = &relation.parent;
            let rt = rt_at(parent.span());
            quote_spanned!(parent.span()=> #rt::Ref<'t, #parent>)
        }
        (None, Some(first)) => {
            let rt = rt_at(first.span());
            quote_spanned!(first.span()=> #rt::AnyId<'t>)
        }
        (None, None) => {
            let ty = &column.ty;
            return quote!(#ty);
        }
    };
    if column.nullable {
        quote!(::core::option::Option<#reference>)
    } else {
        reference
    }
}

/// `NewApp`: the values of a new row.
pub fn insert_form(entity: &Entity) -> TokenStream {
    let Entity {
        vis,
        ident,
        insert_ident,
        table,
        ..
    } = entity;
    let doc = format!(
        "The values of a new `{}` row (`{}`). The tenant and the audit columns are filled in by the scope; `None` in an optional field lets the column's default decide.",
        ident,
        table.value()
    );
    let fields = entity.insert_form().map(|column| {
        let field = &column.field;
        let ty = match &column.insert_as {
            Some(narrower) if column.nullable => quote!(::core::option::Option<#narrower>),
            Some(narrower) => quote!(#narrower),
            None => form_value_type(column),
        };
        let docs = column
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"));
        if column.optional_on_insert() {
            quote!(#(#docs)* pub #field: ::core::option::Option<#ty>,)
        } else {
            quote!(#(#docs)* pub #field: #ty,)
        }
    });
    let lifetime = entity.insert_form_needs_lifetime().then(|| quote!(<'t>));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        #vis struct #insert_ident #lifetime {
            #(#fields)*
        }
    }
}

/// `AppChanges`: the fields an update may write, each optional.
pub fn changes_form(entity: &Entity) -> TokenStream {
    let Entity {
        vis,
        ident,
        changes_ident,
        ..
    } = entity;
    let doc = format!(
        "Changes to a `{ident}` row: each `Some` field is written, each `None` left as it is."
    );
    let fields = entity.changes_form().map(|column| {
        let field = &column.field;
        let ty = form_value_type(column);
        quote!(pub #field: ::core::option::Option<#ty>,)
    });
    let lifetime = entity.changes_form_needs_lifetime().then(|| quote!(<'t>));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, Default)]
        #vis struct #changes_ident #lifetime {
            #(#fields)*
        }
    }
}

/// `Queryable` for the row struct, over the table's default selection
/// (every column, in declaration order). There is deliberately no
/// `Selectable`: its `SelectExpression` would name the table's columns on a
/// public type, and through them the table.
///
/// A string enum column is read as text and converted here, through the
/// `StringEnumColumn` bound only: a type that is not a string enum then
/// fails with that bound's message at the field, not with a page of Diesel
/// trait errors at the attribute.
///
/// The same for MySQL, over the SQL types Dify's MySQL schema holds
/// (`char(36)` uuids, `datetime` timestamps): the row is built alike.
pub fn queryable(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let sql_types: Vec<_> = entity.columns.iter().map(diesel_sql_type).collect();
    let mysql_types: Vec<_> = entity.columns.iter().map(mysql_sql_type).collect();
    let row_types: Vec<_> = entity.columns.iter().map(read_type).collect();
    let fields: Vec<_> = entity.columns.iter().map(|column| &column.field).collect();
    let values: Vec<_> = entity
        .columns
        .iter()
        .enumerate()
        .map(|(position, column)| read_value(column, syn::Index::from(position)))
        .collect();
    let queryable_on = |sql_types: &[TokenStream], backend: TokenStream| {
        quote! {
            impl #rt::diesel::deserialize::Queryable<(#(#sql_types,)*), #backend> for #ident {
                type Row = (#(#row_types,)*);
                fn build(row: Self::Row) -> #rt::diesel::deserialize::Result<Self> {
                    ::core::result::Result::Ok(#ident {
                        #(#fields: #values,)*
                    })
                }
            }
        }
    };
    let postgres = queryable_on(&sql_types, quote!(#rt::diesel::pg::Pg));
    let mysql = queryable_on(&mysql_types, quote!(#rt::diesel::mysql::Mysql));
    quote!(#postgres #mysql)
}

/// The Rust type Diesel reads a column as.
fn read_type(column: &Column) -> TokenStream {
    let rt = rt();
    if column.sql_type.is_json() {
        return if column.nullable {
            quote!(#rt::json::ReadNullableJson)
        } else {
            quote!(#rt::json::ReadJson)
        };
    }
    if !column.is_string_enum() {
        let ty = &column.ty;
        return quote!(#ty);
    }
    if column.nullable {
        quote!(::core::option::Option<::std::string::String>)
    } else {
        quote!(::std::string::String)
    }
}

/// The field's value from what Diesel read at `position`.
fn read_value(column: &Column, position: syn::Index) -> TokenStream {
    let rt = rt();
    if column.sql_type.is_json() {
        return quote!(row.#position.0);
    }
    if !column.is_string_enum() {
        return quote!(row.#position);
    }
    let ty = &column.value_ty;
    let name = &column.name;
    let convert = quote_spanned! {ty.span()=>
        |value: ::std::string::String| #rt::enum_from_row::<#ty>(#name, &value)
    };
    if column.nullable {
        quote!(row.#position.map(#convert).transpose()?)
    } else {
        quote!((#convert)(row.#position)?)
    }
}
