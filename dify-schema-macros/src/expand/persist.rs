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

use crate::ir::{Column, Entity, Fill};
use crate::props::InsertSource;
use crate::tokens::{
    client_default_generator, diesel_sql_type, fill, length_check, rt, some_if_nullable, sql_value,
};

pub fn persist_impl(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let insert = Insert::of(entity);
    let insert_columns = insert.bindings.iter().map(|binding| {
        let index = binding.index;
        let fill = fill(binding.fill);
        quote!(#rt::InsertColumn { column: #index, fill: #fill })
    });
    let insert_row = insert_row(&insert);
    let insert_rows = insert_rows(&insert);
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

/// What both inserts of an entity share: the checks before the write, the
/// scope's values they need, and how each column is bound.
struct Insert {
    /// The length checks of the form `new`.
    length_checks: Vec<TokenStream>,
    /// `let tenant = ...?;` where a column takes the scope's tenant.
    tenant: Option<TokenStream>,
    /// `let actor = ...?;` where a NOT NULL column takes the scope's actor.
    actor: Option<TokenStream>,
    bindings: Vec<Binding>,
    /// The SQL types of a row (every column), which the statement returns.
    row_sql_type: TokenStream,
}

/// One column of the insert: its value (an expression over `new`, or the
/// scope's tenant or actor) and the SQL type it is bound as.
struct Binding {
    /// The column's index in `Entity::columns`, and so in `TABLE.columns`.
    index: usize,
    fill: Fill,
    value: TokenStream,
    sql_type: TokenStream,
}

impl Insert {
    fn of(entity: &Entity) -> Insert {
        let rt = rt();
        let table_name = entity.table.value();
        let length_checks = entity
            .insert_form()
            .filter_map(|column| {
                let optional = column.nullable || column.optional_on_insert();
                let value = &column.field;
                length_check(
                    &table_name,
                    column,
                    quote!(new.#value),
                    usize::from(optional),
                )
            })
            .collect();
        let tenant = entity.tenant_column().map(|_| {
            quote! {
                let tenant = cx.tenant.ok_or(#rt::Error::MissingTenant { table: #table_name })?;
            }
        });
        let actor = entity.required_actor().map(|column| {
            let name = &column.name;
            quote! {
                let actor = cx.actor.ok_or(#rt::Error::MissingActor { table: #table_name, column: #name })?;
            }
        });
        let bindings = (0..entity.columns.len())
            .filter_map(|index| {
                let source = entity.insert_source(index)?;
                Some(binding(entity.column(index), index, source))
            })
            .collect();
        let row_sql_types = entity.columns.iter().map(diesel_sql_type);
        Insert {
            length_checks,
            tenant,
            actor,
            bindings,
            row_sql_type: quote!((#(#row_sql_types,)*)),
        }
    }
}

/// How column `index`, filled from `source`, is bound.
fn binding(column: &Column, index: usize, source: InsertSource) -> Binding {
    let rt = rt();
    let field = &column.field;
    let mut sql_type = diesel_sql_type(column);
    let value = match source {
        InsertSource::Tenant => some_if_nullable(column, quote!(tenant)),
        InsertSource::Actor if column.nullable => quote!(cx.actor),
        InsertSource::Actor => quote!(actor),
        InsertSource::ClientClock => some_if_nullable(column, quote!(#rt::now())),
        InsertSource::ClientDefault(client_default) => {
            let generate = client_default_generator(client_default);
            some_if_nullable(column, quote!(new.#field.unwrap_or_else(#generate)))
        }
        InsertSource::FormOrServerDefault => {
            // `None` in the form is NULL on the wire, which the statement
            // turns into the server default: `COALESCE($n, <default>)`.
            if !column.nullable {
                sql_type = quote!(#rt::diesel::sql_types::Nullable<#sql_type>);
            }
            sql_value(column.insert_conversion(), quote!(new.#field), true)
        }
        InsertSource::Form => sql_value(
            column.insert_conversion(),
            quote!(new.#field),
            column.nullable,
        ),
    };
    Binding {
        index,
        fill: source.fill(),
        value,
        sql_type,
    }
}

/// `insert_row`: one row, every value bound as its column's type, through
/// one of two cached templates (a conflict an error, or ignored).
fn insert_row(insert: &Insert) -> TokenStream {
    let rt = rt();
    let Insert {
        length_checks,
        tenant,
        actor,
        bindings,
        row_sql_type,
    } = insert;
    let binds = bindings.iter().map(|binding| {
        let Binding {
            value, sql_type, ..
        } = binding;
        quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue)
    });
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
            let binds = [#(#binds,)*];
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
fn insert_rows(insert: &Insert) -> TokenStream {
    let rt = rt();
    let Insert {
        length_checks,
        tenant,
        actor,
        bindings,
        row_sql_type,
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
        let value = &binding.value;
        quote!(#array.push(#value);)
    });
    let binds = bindings.iter().zip(&arrays).map(|(binding, array)| {
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
