//! `impl Persist`: the concrete unscoped insert and read queries of an
//! entity, which the system escape hatch runs and the scoped insert reuses.
//!
//! Each is a static Diesel query (no `into_boxed()`, which doubles the
//! client cost per query), so Diesel caches its prepared statement.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{in_insert_form, is_tenant_column, optional_on_insert, sql_value};
use super::rt;
use crate::ir::{Audit, ClientDefault, Column, Entity, SqlType};
use crate::rust_type::RustKind;

pub fn persist_impl(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let module = entity.table_module();
    let table_name = entity.table.value();

    let length_checks = entity
        .columns
        .iter()
        .enumerate()
        .filter(|(index, _)| in_insert_form(entity, *index))
        .filter_map(|(_, column)| {
            let optional = column.nullable || optional_on_insert(column);
            length_check(&table_name, column, quote!(new), optional)
        })
        .collect::<Vec<_>>();

    let tenant = entity.tenant_column().is_some().then(|| {
        quote! {
            let tenant = cx.tenant.ok_or(::dify_schema::Error::MissingTenant { table: #table_name })?;
        }
    });
    let actor_column = entity.columns.iter().find(|column| {
        matches!(column.audit, Some(Audit::CreatedBy | Audit::UpdatedBy)) && !column.nullable
    });
    let actor = actor_column.map(|column| {
        let name = &column.name;
        quote! {
            let actor = cx.actor.ok_or(::dify_schema::Error::MissingActor { table: #table_name, column: #name })?;
        }
    });

    let values: Vec<TokenStream> = entity
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| insert_value(entity, index, column))
        .collect();
    // PostgreSQL takes at most 65,535 bind parameters in one statement.
    let rows_per_statement = (65_535 / values.len().max(1)).max(1);
    let key = entity.primary_key.columns.iter().map(|index| {
        let field = &entity.column(*index).field;
        quote!(#module::#field)
    });

    quote! {
        impl #rt::Persist for #ident {
            fn insert_row(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                cx: #rt::InsertContext,
                new: <Self as ::dify_schema::Entity>::New<'_>,
            ) -> ::dify_schema::Result<Self> {
                use #rt::diesel::{ExpressionMethods, RunQueryDsl};
                #(#length_checks)*
                #tenant
                #actor
                let row = #rt::diesel::insert_into(#module::table)
                    .values((#(#values,)*))
                    .get_result::<Self>(conn)?;
                ::core::result::Result::Ok(row)
            }

            fn insert_rows(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                cx: #rt::InsertContext,
                news: ::std::vec::Vec<<Self as ::dify_schema::Entity>::New<'_>>,
            ) -> ::dify_schema::Result<::std::vec::Vec<Self>> {
                use #rt::diesel::{ExpressionMethods, RunQueryDsl};
                #tenant
                #actor
                // Every row is checked before the first statement is sent,
                // so a bad row writes nothing.
                let rows = news
                    .into_iter()
                    .map(|new| -> ::dify_schema::Result<_> {
                        #(#length_checks)*
                        ::core::result::Result::Ok((#(#values,)*))
                    })
                    .collect::<::dify_schema::Result<::std::vec::Vec<_>>>()?;
                let mut inserted = ::std::vec::Vec::with_capacity(rows.len());
                for chunk in rows.chunks(#rows_per_statement) {
                    inserted.extend(
                        #rt::diesel::insert_into(#module::table)
                            .values(chunk)
                            .get_results::<Self>(conn)?,
                    );
                }
                ::core::result::Result::Ok(inserted)
            }

            fn find_row(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                key: <Self as ::dify_schema::Entity>::Key,
            ) -> ::dify_schema::Result<::core::option::Option<Self>> {
                use #rt::diesel::{OptionalExtension, QueryDsl, RunQueryDsl};
                let row = #module::table
                    .find(key)
                    .first::<Self>(conn)
                    .optional()?;
                ::core::result::Result::Ok(row)
            }

            fn list_rows(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
            ) -> ::dify_schema::Result<::std::vec::Vec<Self>> {
                use #rt::diesel::{QueryDsl, RunQueryDsl};
                let rows = #module::table
                    .order((#(#key,)*))
                    .load::<Self>(conn)?;
                ::core::result::Result::Ok(rows)
            }
        }
    }
}

/// A varchar(n) held in a `String` is checked before the write, so an
/// over-long value is a typed error naming the column, not a database
/// error about "value too long" with no column. `form` is the form value
/// (`new` or `changes`); `optional` says the field is an `Option`.
pub fn length_check(
    table: &str,
    column: &Column,
    form: TokenStream,
    optional: bool,
) -> Option<TokenStream> {
    let SqlType::Varchar(Some(max)) = column.sql_type else {
        return None;
    };
    if column.rust != RustKind::String {
        return None;
    }
    let field = &column.field;
    let name = &column.name;
    let check = quote!(::dify_schema::__private::check_varchar(#table, #name, #max, value)?;);
    // A nullable column in an update form is `Option<Option<String>>`.
    let nested = optional && column.nullable && form.to_string() == "changes";
    Some(if nested {
        quote!(if let ::core::option::Option::Some(::core::option::Option::Some(value)) = &#form.#field { #check })
    } else if optional {
        quote!(if let ::core::option::Option::Some(value) = &#form.#field { #check })
    } else {
        quote!({ let value = &#form.#field; #check })
    })
}

/// The `column.eq(value)` of one column in the insert tuple, or `None` when
/// the server fills it in.
fn insert_value(entity: &Entity, index: usize, column: &Column) -> Option<TokenStream> {
    let module = entity.table_module();
    let field = &column.field;
    let target = quote!(#module::#field);
    if is_tenant_column(entity, index) {
        return Some(if column.nullable {
            quote!(#target.eq(::core::option::Option::Some(tenant)))
        } else {
            quote!(#target.eq(tenant))
        });
    }
    match column.audit {
        Some(Audit::CreatedBy | Audit::UpdatedBy) => {
            return Some(if column.nullable {
                quote!(#target.eq(cx.actor))
            } else {
                quote!(#target.eq(actor))
            });
        }
        // Left to the column's server default.
        Some(Audit::CreatedAt | Audit::UpdatedAt) => return None,
        None => {}
    }
    if !in_insert_form(entity, index) {
        // The soft-delete mark starts at its default.
        return None;
    }
    if let Some(client_default) = column.client_default {
        let generate = match client_default {
            ClientDefault::Uuid4 => quote!(::dify_schema::__private::uuid::Uuid::new_v4),
            ClientDefault::Uuid7 => quote!(::dify_schema::__private::uuid::Uuid::now_v7),
            ClientDefault::Now => quote!(::dify_schema::__private::now),
        };
        let value = quote!(new.#field.unwrap_or_else(#generate));
        return Some(if column.nullable {
            quote!(#target.eq(::core::option::Option::Some(#value)))
        } else {
            quote!(#target.eq(#value))
        });
    }
    let value = sql_value(column, quote!(value), false);
    if column.default.is_some() {
        // `None` in the form: Diesel writes DEFAULT for a `None` in the tuple.
        return Some(quote!(new.#field.map(|value| #target.eq(#value))));
    }
    let value = sql_value(column, quote!(new.#field), column.nullable);
    Some(quote!(#target.eq(#value)))
}
