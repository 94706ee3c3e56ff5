//! `impl Persist`: the concrete unscoped insert and read queries of an
//! entity, which the system escape hatch runs and the scoped insert reuses.
//!
//! Each is a statement of fixed shape, so Diesel caches it as a prepared
//! statement: the reads are static Diesel queries (no `into_boxed()`, which
//! doubles the client cost per query); the inserts bind every column of the
//! form on every call through `dify_schema::insert` (Diesel's own insert
//! writes `DEFAULT` for a `None`, which changes its SQL and defeats the
//! cache).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::insert_plan::{Binding, Dialect, Insert};
use crate::ir::{Entity, Fill};
use crate::tokens::{diesel_sql_type, fill, rt};

pub fn persist_impl(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let insert = Insert::of(entity);
    let insert_columns = insert.bindings.iter().map(|binding| {
        let index = binding.index;
        let fill = fill(binding.fill);
        quote!(#rt::InsertColumn { column: #index, fill: #fill })
    });
    let row_sql_types = entity.columns.iter().map(diesel_sql_type);
    let row_sql_type = quote!((#(#row_sql_types,)*));
    let insert_row = insert_row(&insert, &row_sql_type);
    let insert_rows = insert_rows(&insert, &row_sql_type);
    let find_row = find_row(entity);
    let list_rows = list_rows(entity);
    quote! {
        impl #rt::Persist for #ident {
            const INSERT_COLUMNS: &'static [#rt::InsertColumn] = &[#(#insert_columns,)*];
            #insert_row
            #insert_rows
            #find_row
            #list_rows
        }
    }
}

/// `insert_row`: one row, every value bound as its column's type, through
/// one of two cached templates (a conflict an error, or ignored).
fn insert_row(insert: &Insert, row_sql_type: &TokenStream) -> TokenStream {
    let rt = rt();
    let Insert {
        length_checks,
        tenant,
        actor,
        ..
    } = insert;
    let binds = insert.postgres_row_binds();
    quote! {
        fn insert_row(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            cx: #rt::InsertContext,
            new: <Self as #rt::Entity>::New<'_>,
            conflict: #rt::OnConflict,
        ) -> #rt::Result<::core::option::Option<Self>> {
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
                    <Self as #rt::Entity>::TABLE,
                    <Self as #rt::Persist>::INSERT_COLUMNS,
                    conflict,
                )
            });
            let binds = #binds;
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
    }
}

/// `insert_rows`: many rows, each per-row column gathered into a Vec and
/// bound as an array one chunk at a time, the constants bound once.
fn insert_rows(insert: &Insert, row_sql_type: &TokenStream) -> TokenStream {
    let rt = rt();
    let Insert {
        length_checks,
        tenant,
        actor,
        bindings,
    } = insert;
    let arrays: Vec<Ident> = (0..bindings.len())
        .map(|position| format_ident!("column_{}", position))
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
        let value = binding.value(Dialect::Postgres);
        quote!(#array.push(#value);)
    });
    let binds = bindings.iter().zip(&arrays).map(|(binding, array)| {
        let Binding { fill, .. } = binding;
        let value = binding.value(Dialect::Postgres);
        let sql_type = binding.sql_type(Dialect::Postgres);
        if *fill == Fill::Constant {
            quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue)
        } else {
            quote!(&#rt::Bind::<#rt::diesel::sql_types::Array<#sql_type>, _>::new(&#array[start..end]) as &dyn #rt::BindValue)
        }
    });
    quote! {
        fn insert_rows(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            cx: #rt::InsertContext,
            news: ::std::vec::Vec<<Self as #rt::Entity>::New<'_>>,
            returning: bool,
        ) -> #rt::Result<(usize, ::std::vec::Vec<Self>)> {
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
                        <Self as #rt::Entity>::TABLE,
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
                let binds: &[&dyn #rt::BindValue] = &[#(#binds,)*];
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
    }
}

/// `find_row`: one row by its key.
fn find_row(entity: &Entity) -> TokenStream {
    let rt = rt();
    let module = entity.table_module();
    quote! {
        fn find_row(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            key: <Self as #rt::Entity>::Key,
        ) -> #rt::Result<::core::option::Option<Self>> {
            use #rt::diesel::{OptionalExtension, QueryDsl, RunQueryDsl};
            let row = #module::table
                .find(key)
                .first::<Self>(conn)
                .optional()?;
            ::core::result::Result::Ok(row)
        }
    }
}

/// `list_rows`: every row, in key order.
fn list_rows(entity: &Entity) -> TokenStream {
    let rt = rt();
    let module = entity.table_module();
    let key = entity.key_columns().map(|column| {
        let field = &column.field;
        quote!(#module::#field)
    });
    quote! {
        fn list_rows(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
        ) -> #rt::Result<::std::vec::Vec<Self>> {
            use #rt::diesel::{QueryDsl, RunQueryDsl};
            let rows = #module::table
                .order((#(#key,)*))
                .load::<Self>(conn)?;
            ::core::result::Result::Ok(rows)
        }
    }
}
