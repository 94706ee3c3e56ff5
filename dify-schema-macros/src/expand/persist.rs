//! `impl Persist`: the concrete unscoped insert and read queries of an
//! entity, which the system escape hatch runs and the scoped insert reuses.
//!
//! Each is a statement of fixed shape, so Diesel caches it as a prepared
//! statement: the reads are static Diesel queries (no `into_boxed()`, which
//! doubles the client cost per query); the inserts bind every column of the
//! form on every call through `dify_schema::insert` (Diesel's own insert
//! writes `DEFAULT` for a `None`, which changes its SQL and defeats the
//! cache).

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{in_insert_form, insert_sql_value, is_tenant_column, optional_on_insert};
use super::rt;
use super::table::diesel_sql_type;
use crate::ir::{Audit, ClientDefault, Column, Entity, Fill, SqlType};
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

    let bindings: Vec<Binding> = entity
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| insert_binding(entity, index, column))
        .collect();
    let insert_columns = bindings.iter().map(|binding| {
        let name = &binding.name;
        let fill = match binding.fill {
            Fill::Value => quote!(Value),
            Fill::ValueOrDefault => quote!(ValueOrDefault),
            Fill::Constant => quote!(Constant),
        };
        quote!(#rt::InsertColumn { name: #name, fill: #rt::Fill::#fill })
    });
    let row_sql_types = entity.columns.iter().map(diesel_sql_type);
    let row_sql_type = quote!((#(#row_sql_types,)*));

    // One row: every value bound as its column's type.
    let single_binds = bindings.iter().map(|binding| {
        let Binding {
            value, sql_type, ..
        } = binding;
        quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue)
    });

    // Many rows: each per-row column gathered into a Vec, bound as an array
    // one chunk at a time; constants bound once.
    let arrays: Vec<_> = (0..bindings.len())
        .map(|position| quote::format_ident!("column_{}", position))
        .collect();
    let per_row: Vec<_> = bindings
        .iter()
        .zip(&arrays)
        .filter(|(binding, _)| binding.fill != Fill::Constant)
        .collect();
    let gather = per_row
        .iter()
        .map(|(_, array)| quote!(let mut #array = ::std::vec::Vec::with_capacity(count);));
    let push = per_row.iter().map(|(binding, array)| {
        let value = &binding.value;
        quote!(#array.push(#value);)
    });
    let bulk_binds = bindings.iter().zip(&arrays).map(|(binding, array)| {
        let Binding {
            value,
            sql_type,
            fill,
            ..
        } = binding;
        if *fill == Fill::Constant {
            quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue)
        } else {
            quote!(&#rt::Bind::<#rt::diesel::sql_types::Array<#sql_type>, _>::new(&#array[start..end]) as &dyn #rt::BindValue)
        }
    });
    let key = entity.primary_key.columns.iter().map(|index| {
        let field = &entity.column(*index).field;
        quote!(#module::#field)
    });

    quote! {
        impl #rt::Persist for #ident {
            const INSERT_COLUMNS: &'static [#rt::InsertColumn] = &[#(#insert_columns,)*];

            fn insert_row(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                cx: #rt::InsertContext,
                new: <Self as ::dify_schema::Entity>::New<'_>,
                conflict: #rt::OnConflict,
            ) -> ::dify_schema::Result<::core::option::Option<Self>> {
                use #rt::diesel::{OptionalExtension, RunQueryDsl};
                #(#length_checks)*
                #tenant
                #actor
                static TEMPLATE: ::std::sync::OnceLock<#rt::InsertTemplate> = ::std::sync::OnceLock::new();
                static OR_IGNORE: ::std::sync::OnceLock<#rt::InsertTemplate> = ::std::sync::OnceLock::new();
                let cell = match conflict {
                    #rt::OnConflict::Error => &TEMPLATE,
                    #rt::OnConflict::Ignore => &OR_IGNORE,
                };
                let template = cell.get_or_init(|| {
                    #rt::InsertTemplate::single_on_conflict(
                        <Self as ::dify_schema::Entity>::TABLE,
                        <Self as #rt::Persist>::INSERT_COLUMNS,
                        conflict,
                    )
                });
                let binds = [#(#single_binds,)*];
                // Each SQL text has its own statement type, so Diesel
                // prepares and caches the two apart.
                let row = match conflict {
                    #rt::OnConflict::Error => {
                        #rt::InsertStatement::<Self, #row_sql_type, #rt::Single>::new(template, &binds)
                            .get_result::<Self>(conn)
                            .map(::core::option::Option::Some)?
                    }
                    #rt::OnConflict::Ignore => {
                        #rt::InsertStatement::<Self, #row_sql_type, #rt::SingleOrIgnore>::new(template, &binds)
                            .get_result::<Self>(conn)
                            .optional()?
                    }
                };
                ::core::result::Result::Ok(row)
            }

            fn insert_rows(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                cx: #rt::InsertContext,
                news: ::std::vec::Vec<<Self as ::dify_schema::Entity>::New<'_>>,
                returning: bool,
            ) -> ::dify_schema::Result<(usize, ::std::vec::Vec<Self>)> {
                use #rt::diesel::RunQueryDsl;
                #tenant
                #actor
                // Every row is checked before the first statement is sent,
                // so a bad row writes nothing.
                for new in &news {
                    #(#length_checks)*
                }
                if news.is_empty() {
                    return ::core::result::Result::Ok((0, ::std::vec::Vec::new()));
                }
                static RETURNING: ::std::sync::OnceLock<#rt::InsertTemplate> = ::std::sync::OnceLock::new();
                static COUNT: ::std::sync::OnceLock<#rt::InsertTemplate> = ::std::sync::OnceLock::new();
                let template = |cell: &'static ::std::sync::OnceLock<#rt::InsertTemplate>, returning| {
                    cell.get_or_init(|| {
                        #rt::InsertTemplate::bulk(
                            <Self as ::dify_schema::Entity>::TABLE,
                            <Self as #rt::Persist>::INSERT_COLUMNS,
                            returning,
                        )
                    })
                };
                let count = news.len();
                #(#gather)*
                for new in news {
                    #(#push)*
                }
                let mut inserted = ::std::vec::Vec::with_capacity(if returning { count } else { 0 });
                let mut written = 0;
                let mut start = 0;
                while start < count {
                    let end = count.min(start + #rt::BULK_ROWS_PER_STATEMENT);
                    let binds: &[&dyn #rt::BindValue] = &[#(#bulk_binds,)*];
                    if returning {
                        let rows = #rt::InsertStatement::<Self, #row_sql_type, #rt::Bulk>::new(
                            template(&RETURNING, true),
                            binds,
                        )
                        .get_results::<Self>(conn)?;
                        written += rows.len();
                        inserted.extend(rows);
                    } else {
                        written += #rt::InsertStatement::<Self, #row_sql_type, #rt::BulkCount>::new(
                            template(&COUNT, false),
                            binds,
                        )
                        .execute(conn)?;
                    }
                    start = end;
                }
                ::core::result::Result::Ok((written, inserted))
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

/// One column of the insert: its value (an expression over `new`, or the
/// scope's tenant or actor) and the SQL type it is bound as.
struct Binding {
    name: String,
    fill: Fill,
    value: TokenStream,
    sql_type: TokenStream,
}

/// How one column is inserted, or `None` when the server fills it in.
fn insert_binding(entity: &Entity, index: usize, column: &Column) -> Option<Binding> {
    let field = &column.field;
    let binding = |fill, value| Binding {
        name: column.name.clone(),
        fill,
        value,
        sql_type: diesel_sql_type(column),
    };
    if is_tenant_column(entity, index) {
        let value = if column.nullable {
            quote!(::core::option::Option::Some(tenant))
        } else {
            quote!(tenant)
        };
        return Some(binding(Fill::Constant, value));
    }
    match column.audit {
        Some(Audit::CreatedBy | Audit::UpdatedBy) => {
            let value = if column.nullable {
                quote!(cx.actor)
            } else {
                quote!(actor)
            };
            return Some(binding(Fill::Constant, value));
        }
        // The client's clock where the table has no default (Dify fills
        // `workflows.updated_at` in Python), else the server default.
        Some(Audit::CreatedAt | Audit::UpdatedAt) => {
            if column.client_default != Some(ClientDefault::Now) {
                return None;
            }
            let value = if column.nullable {
                quote!(::core::option::Option::Some(::dify_schema::__private::now()))
            } else {
                quote!(::dify_schema::__private::now())
            };
            return Some(binding(Fill::Constant, value));
        }
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
        let value = if column.nullable {
            quote!(::core::option::Option::Some(#value))
        } else {
            value
        };
        return Some(binding(Fill::Value, value));
    }
    if column.default.is_some() {
        // `None` in the form is NULL on the wire, which the statement turns
        // into the server default: `COALESCE($n, <default>)`.
        let value = insert_sql_value(column, quote!(new.#field), true);
        let mut binding = binding(Fill::ValueOrDefault, value);
        if !column.nullable {
            let sql_type = &binding.sql_type;
            binding.sql_type =
                quote!(::dify_schema::__private::diesel::sql_types::Nullable<#sql_type>);
        }
        return Some(binding);
    }
    let value = insert_sql_value(column, quote!(new.#field), column.nullable);
    Some(binding(Fill::Value, value))
}
