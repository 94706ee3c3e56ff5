//! The row struct, the insert and update forms, and the Diesel traits that
//! read a row.
//!
//! No Diesel derive touches a public type: the impls are written out here,
//! so the derives' generic machinery is not paid for at every entity.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::rt;
use super::table::diesel_sql_type;
use crate::ir::{Column, Entity, Ownership, SoftDelete};

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
/// scope, audit columns from the scope or the server, and the soft-delete
/// mark from `soft_delete`; never from the caller: that is what makes "set
/// another tenant's id" unwritable.
pub fn in_insert_form(entity: &Entity, index: usize) -> bool {
    let column = entity.column(index);
    !is_tenant_column(entity, index)
        && column.audit.is_none()
        && column.generated.is_none()
        && !is_soft_delete_column(entity, index)
}

/// Whether the insert form makes this column optional (`None` = let the
/// server or the client default decide, or NULL).
pub fn optional_on_insert(column: &Column) -> bool {
    !column.nullable && (column.default.is_some() || column.client_default.is_some())
}

/// Whether the update form carries this column: not the key, the tenant,
/// the owning parent (a row does not move between owners), the audit
/// columns, a generated or `fixed` column, or the soft-delete mark.
pub fn in_changes_form(entity: &Entity, index: usize) -> bool {
    let column = entity.column(index);
    !column.primary_key
        && !is_tenant_column(entity, index)
        && !is_via_column(entity, index)
        && column.audit.is_none()
        && column.generated.is_none()
        && !column.fixed
        && !is_soft_delete_column(entity, index)
}

pub fn is_tenant_column(entity: &Entity, index: usize) -> bool {
    matches!(entity.ownership, Ownership::Tenant { column } if column == index)
}

fn is_via_column(entity: &Entity, index: usize) -> bool {
    matches!(entity.ownership, Ownership::Via { column } if column == index)
}

fn is_soft_delete_column(entity: &Entity, index: usize) -> bool {
    matches!(entity.soft_delete, Some(SoftDelete::Flag(column) | SoftDelete::Timestamp(column)) if column == index)
}

/// The type of a column in a form: a reference to another entity is a
/// `Ref<'t, Parent>` (a branded id when the parent is tenant-owned).
pub fn form_value_type(column: &Column) -> TokenStream {
    let reference = match (&column.relation, column.any_of.first()) {
        (Some(relation), _) => {
            let parent = &relation.parent;
            quote_spanned!(parent.span()=> ::dify_schema::Ref<'t, #parent>)
        }
        (None, Some(first)) => quote_spanned!(first.span()=> ::dify_schema::AnyId<'t>),
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

/// Whether a form has a field that needs the scope lifetime `'t`.
pub fn form_needs_lifetime(entity: &Entity, in_form: fn(&Entity, usize) -> bool) -> bool {
    entity
        .columns
        .iter()
        .enumerate()
        .any(|(index, column)| in_form(entity, index) && column.is_reference())
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
        .filter(|(index, _)| in_insert_form(entity, *index))
        .map(|(_, column)| {
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
            if optional_on_insert(column) {
                quote!(#(#docs)* pub #field: ::core::option::Option<#ty>,)
            } else {
                quote!(#(#docs)* pub #field: #ty,)
            }
        });
    let changes_fields = entity
        .columns
        .iter()
        .enumerate()
        .filter(|(index, _)| in_changes_form(entity, *index))
        .map(|(_, column)| {
            let field = &column.field;
            let ty = form_value_type(column);
            quote!(pub #field: ::core::option::Option<#ty>,)
        });
    let insert_lifetime = form_needs_lifetime(entity, in_insert_form).then(|| quote!(<'t>));
    let changes_lifetime = form_needs_lifetime(entity, in_changes_form).then(|| quote!(<'t>));
    quote! {
        #[doc = #insert_doc]
        #[derive(Debug, Clone, PartialEq)]
        #vis struct #insert_ident #insert_lifetime {
            #(#insert_fields)*
        }

        #[doc = #changes_doc]
        #[derive(Debug, Clone, PartialEq, Default)]
        #vis struct #changes_ident #changes_lifetime {
            #(#changes_fields)*
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
pub fn row_impls(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let sql_types = entity.columns.iter().map(diesel_sql_type);
    let row_types = entity.columns.iter().map(|column| {
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
    });
    let fields: Vec<_> = entity.columns.iter().map(|column| &column.field).collect();
    let values = entity.columns.iter().enumerate().map(|(position, column)| {
        let position = syn::Index::from(position);
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
    });
    quote! {
        impl #rt::diesel::deserialize::Queryable<(#(#sql_types,)*), #rt::diesel::pg::Pg> for #ident {
            type Row = (#(#row_types,)*);
            fn build(row: Self::Row) -> #rt::diesel::deserialize::Result<Self> {
                ::core::result::Result::Ok(#ident {
                    #(#fields: #values,)*
                })
            }
        }
    }
}

/// The SQL value of a form field in a `column.eq(...)`: string enums as
/// their stored text, references as their uuid. `value` is a `T`, or an
/// `Option<T>` when `optional`.
pub fn sql_value(column: &Column, value: TokenStream, optional: bool) -> TokenStream {
    enum_or_reference_value(column, &column.value_ty, value, optional)
}

/// [`sql_value`] for the insert form, whose string enum may be narrower
/// (`insert_as`).
pub fn insert_sql_value(column: &Column, value: TokenStream, optional: bool) -> TokenStream {
    match &column.insert_as {
        Some(narrower) => {
            let ty: syn::Type = syn::parse_quote!(#narrower);
            enum_or_reference_value(column, &ty, value, optional)
        }
        None => sql_value(column, value, optional),
    }
}

fn enum_or_reference_value(
    column: &Column,
    ty: &syn::Type,
    value: TokenStream,
    optional: bool,
) -> TokenStream {
    let rt = rt();
    if column.is_string_enum() {
        let convert = quote_spanned!(ty.span()=> <#ty as #rt::StringEnumColumn>::to_db_str);
        return if optional {
            quote!(#value.map(#convert))
        } else {
            quote!(#convert(#value))
        };
    }
    if column.is_reference() {
        return if optional {
            quote!(#value.map(#rt::RefValue::uuid))
        } else {
            quote!(#rt::RefValue::uuid(#value))
        };
    }
    value
}
