//! The MySQL side of an entity: how its rows load (`MysqlRows`), the
//! system escape hatch's queries (`Persist<MySql>`) and, for an entity
//! with scoped access, the scoped queries (`ScopedAccess<MySql>`,
//! `SoftDeletable<MySql>`, `BelongsTo<P, MySql>`) and the row type of its
//! composable queries (`ComposableQuery<MySql>`, whose columns are the
//! same `XColumns` as on PostgreSQL).
//!
//! The SQL is rendered by the runtime from the IR
//! (`dify_schema::mysql_queries`), tenant predicate included; what is
//! generated here is only what the IR cannot say: the row's SQL types,
//! and the values a form binds (the same `insert_plan` as PostgreSQL's,
//! bound as MySQL's types).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::insert_plan::{Binding, Dialect, Insert};
use crate::ir::{Audit, Column, Default, Entity, Fill};
use crate::tokens::{length_check, mysql_sql_type, option, rt, sql_value};

pub fn mysql_impls(entity: &Entity) -> TokenStream {
    let rows = mysql_rows(entity);
    let persist = persist(entity);
    let scoped = entity.scoped_key().map(|_| scoped(entity));
    quote! {
        #rows
        #persist
        #scoped
    }
}

/// `MysqlRows`: the keyset order column and the row's SQL types.
fn mysql_rows(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let sql_types = entity.columns.iter().map(mysql_sql_type);
    let order = option(entity.order_column().and_then(|order| {
        let index = entity
            .columns
            .iter()
            .position(|column| column.name == order.name)?;
        Some(quote!(#index))
    }));
    quote! {
        impl #rt::mysql_queries::MysqlRows for #ident {
            const ORDER_COLUMN: ::core::option::Option<usize> = #order;
            fn load(
                conn: &mut #rt::mysql::MysqlConnection,
                statement: #rt::mysql_queries::Statement<'_>,
            ) -> #rt::Result<::std::vec::Vec<#rt::Result<Self>>> {
                #rt::mysql_queries::load_each::<(#(#sql_types,)*), Self>(conn, statement)
            }
        }
    }
}

fn mysql() -> TokenStream {
    let rt = rt();
    quote!(#rt::diesel::mysql::Mysql)
}

/// `&Bind::<type, _>::new(value) as &dyn BindValue<Mysql>`.
fn bind(sql_type: TokenStream, value: TokenStream) -> TokenStream {
    let rt = rt();
    let mysql = mysql();
    quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue<#mysql>)
}

/// `Persist<MySql>`: inserts bind the form as PostgreSQL's do, then read
/// the row back by its key; reads by key and in key order.
fn persist(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let mysql = mysql();
    let insert = Insert::of(entity);
    let Insert {
        length_checks,
        tenant,
        actor,
        bindings,
    } = &insert;
    let locals: Vec<_> = (0..bindings.len())
        .map(|position| format_ident!("value_{}", position))
        .collect();
    let values = bindings.iter().map(|binding| binding.value(Dialect::MySql));
    let binds = bindings
        .iter()
        .zip(&locals)
        .map(|(binding, local)| bind(binding.sql_type(Dialect::MySql), quote!(#local)));
    let key = inserted_key(entity, bindings, &locals);
    let count = bindings.len();
    let find_key = find_key(entity);
    quote! {
        impl #rt::Persist<#rt::MySql> for #ident {
            const INSERT_COLUMNS: &'static [#rt::InsertColumn] = <Self as #rt::Persist>::INSERT_COLUMNS;

            fn insert_row(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                cx: #rt::InsertContext,
                new: <Self as #rt::Entity>::New<'_>,
                conflict: #rt::OnConflict,
            ) -> #rt::Result<::core::option::Option<Self>> {
                #(#length_checks)*
                #tenant
                #actor
                #(let #locals = #values;)*
                #key
                let binds: [&dyn #rt::BindValue<#mysql>; #count] = [#(#binds,)*];
                #rt::mysql_queries::insert_row::<Self>(
                    conn,
                    <Self as #rt::Persist>::INSERT_COLUMNS,
                    &binds,
                    key,
                    conflict,
                )
            }

            fn insert_rows(
                token: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                cx: #rt::InsertContext,
                news: ::std::vec::Vec<<Self as #rt::Entity>::New<'_>>,
                returning: bool,
            ) -> #rt::Result<(usize, ::std::vec::Vec<Self>)> {
                // Every row is checked before the first is written, so a
                // bad row writes nothing.
                for new in &news {
                    #(#length_checks)*
                }
                // Row by row, in the caller's transaction.
                let mut rows = ::std::vec::Vec::with_capacity(if returning { news.len() } else { 0 });
                let mut written = 0;
                for new in news {
                    let row = <Self as #rt::Persist<#rt::MySql>>::insert_row(
                        token, conn, cx, new, #rt::OnConflict::Error,
                    )?
                    .ok_or(#rt::Error::Database(#rt::diesel::result::Error::NotFound))?;
                    written += 1;
                    if returning {
                        rows.push(row);
                    }
                }
                ::core::result::Result::Ok((written, rows))
            }

            fn find_row(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                key: <Self as #rt::Entity>::Key,
            ) -> #rt::Result<::core::option::Option<Self>> {
                #find_key
                #rt::mysql_queries::find_row::<Self>(conn, &key)
            }

            fn list_rows(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
            ) -> #rt::Result<::std::vec::Vec<Self>> {
                #rt::mysql_queries::list_rows::<Self>(conn)
            }
        }
    }
}

/// `let key = InsertedKey::...;`: the values of the key columns as bound,
/// or `LAST_INSERT_ID()` for an `AUTO_INCREMENT` key the form left empty.
fn inserted_key(
    entity: &Entity,
    bindings: &[Binding],
    locals: &[proc_macro2::Ident],
) -> TokenStream {
    let rt = rt();
    let mysql = mysql();
    let mut key_binds = Vec::new();
    let mut auto_increment = None;
    for column in entity.key_columns() {
        let Some(position) = bindings
            .iter()
            .position(|binding| binding.column.name == column.name)
        else {
            return quote!(let key = #rt::mysql_queries::InsertedKey::LastInsertId;);
        };
        let binding = &bindings[position];
        let local = &locals[position];
        if matches!(column.default, Some(Default::Sequence { .. }))
            && binding.fill == Fill::ValueOrDefault
        {
            auto_increment = Some(local.clone());
        }
        key_binds.push(bind(
            binding.sql_type(Dialect::MySql),
            quote!(::core::clone::Clone::clone(&#local)),
        ));
    }
    let values = quote! {
        let key_binds: &[&dyn #rt::BindValue<#mysql>] = &[#(#key_binds,)*];
    };
    match auto_increment {
        Some(local) => quote! {
            #values
            let key = if #local.is_none() {
                #rt::mysql_queries::InsertedKey::LastInsertId
            } else {
                #rt::mysql_queries::InsertedKey::Values(key_binds)
            };
        },
        None => quote! {
            #values
            let key = #rt::mysql_queries::InsertedKey::Values(key_binds);
        },
    }
}

/// `let key = [<the key's values as binds>];` from `Self::Key`.
fn find_key(entity: &Entity) -> TokenStream {
    let rt = rt();
    let mysql = mysql();
    let columns: Vec<&Column> = entity.key_columns().collect();
    if let [column] = columns.as_slice() {
        let bound = bind(mysql_sql_type(column), quote!(key));
        return quote!(let key: [&dyn #rt::BindValue<#mysql>; 1] = [#bound];);
    }
    let parts: Vec<_> = (0..columns.len())
        .map(|position| format_ident!("key_{}", position))
        .collect();
    let binds = columns
        .iter()
        .zip(&parts)
        .map(|(column, part)| bind(mysql_sql_type(column), quote!(#part)));
    let count = columns.len();
    quote! {
        let (#(#parts,)*) = key;
        let key: [&dyn #rt::BindValue<#mysql>; #count] = [#(#binds,)*];
    }
}

/// The scoped queries on MySQL.
fn scoped(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let update = scoped_update(entity);
    let soft_deletable = entity.soft_delete.as_ref().map(|_| {
        quote! {
            impl #rt::SoftDeletable<#rt::MySql> for #ident {
                fn scoped_soft_delete(
                    _: #rt::Token,
                    conn: &mut #rt::mysql::MysqlConnection,
                    tenant: #rt::types::Uuid,
                    id: #rt::types::Uuid,
                ) -> #rt::Result<bool> {
                    #rt::mysql_queries::scoped_soft_delete::<Self>(conn, tenant, id)
                }
            }
        }
    });
    let belongs_to = entity.via().map(|(column, parent)| {
        let field = &column.field;
        let via = entity
            .columns
            .iter()
            .position(|other| other.name == column.name)
            .unwrap_or_default();
        quote! {
            impl #rt::BelongsTo<#parent, #rt::MySql> for #ident {
                fn parent_uuid(&self) -> #rt::types::Uuid {
                    self.#field
                }
                fn scoped_children(
                    _: #rt::Token,
                    conn: &mut #rt::mysql::MysqlConnection,
                    tenant: #rt::types::Uuid,
                    parent: #rt::types::Uuid,
                    page: #rt::Page,
                ) -> #rt::Result<::std::vec::Vec<#rt::Result<Self>>> {
                    #rt::mysql_queries::scoped_children::<Self>(conn, tenant, #via, parent, page)
                }
            }
        }
    });
    let columns_ident = entity.columns_ident();
    let sql_types = entity.columns.iter().map(mysql_sql_type);
    quote! {
        impl #rt::ComposableQuery<#rt::MySql> for #ident {
            type Columns = #columns_ident;
            type SqlRow = (#(#sql_types,)*);
        }

        impl #rt::ScopedAccess<#rt::MySql> for #ident {
            fn scoped_find(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
                id: #rt::types::Uuid,
            ) -> #rt::Result<::core::option::Option<Self>> {
                #rt::mysql_queries::scoped_find::<Self>(conn, tenant, id)
            }

            fn scoped_find_many(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
                ids: &[#rt::types::Uuid],
            ) -> #rt::Result<::std::vec::Vec<Self>> {
                #rt::mysql_queries::scoped_find_many::<Self>(conn, tenant, ids)
            }

            fn scoped_list(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
                page: #rt::Page,
            ) -> #rt::Result<::std::vec::Vec<#rt::Result<Self>>> {
                #rt::mysql_queries::scoped_list::<Self>(conn, tenant, page)
            }

            fn scoped_count(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
            ) -> #rt::Result<i64> {
                #rt::mysql_queries::scoped_count::<Self>(conn, tenant)
            }

            fn scoped_insert(
                token: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
                actor: #rt::types::Uuid,
                new: <Self as #rt::Entity>::New<'_>,
            ) -> #rt::Result<Self> {
                let cx = #rt::InsertContext {
                    tenant: ::core::option::Option::Some(tenant),
                    actor: ::core::option::Option::Some(actor),
                };
                <Self as #rt::Persist<#rt::MySql>>::insert_row(token, conn, cx, new, #rt::OnConflict::Error)?
                    .ok_or(#rt::Error::Database(#rt::diesel::result::Error::NotFound))
            }

            #update

            fn scoped_delete(
                _: #rt::Token,
                conn: &mut #rt::mysql::MysqlConnection,
                tenant: #rt::types::Uuid,
                id: #rt::types::Uuid,
            ) -> #rt::Result<bool> {
                #rt::mysql_queries::scoped_delete::<Self>(conn, tenant, id)
            }
        }
        #soft_deletable
        #belongs_to
    }
}

/// `scoped_update`: the `Some` fields of the form and the audit columns,
/// then the row as it now is.
fn scoped_update(entity: &Entity) -> TokenStream {
    let rt = rt();
    let mysql = mysql();
    let table_name = entity.table.value();
    let index_of = |column: &Column| {
        entity
            .columns
            .iter()
            .position(|other| other.name == column.name)
            .unwrap_or_default()
    };
    let form: Vec<_> = entity.changes_form().collect();
    let length_checks = form.iter().filter_map(|column| {
        let field = &column.field;
        length_check(
            &table_name,
            column,
            quote!(changes.#field),
            1 + usize::from(column.nullable),
        )
    });
    let untouched = form.iter().map(|column| {
        let field = &column.field;
        quote!(changes.#field.is_none())
    });
    let sets = form.iter().map(|column| {
        let field = &column.field;
        let index = index_of(column);
        let sql_type = mysql_sql_type(column);
        let value = sql_value(column.changes_conversion(), quote!(value), column.nullable);
        quote! {
            if let ::core::option::Option::Some(value) = changes.#field {
                sets.push((#index, ::std::boxed::Box::new(#rt::Bind::<#sql_type, _>::new(#value))));
            }
        }
    });
    let actors = entity.columns.iter().filter_map(|column| {
        if column.audit != Some(Audit::UpdatedBy) {
            return None;
        }
        let index = index_of(column);
        let sql_type = mysql_sql_type(column);
        let value = if column.nullable {
            quote!(::core::option::Option::Some(actor))
        } else {
            quote!(actor)
        };
        Some(quote! {
            sets.push((#index, ::std::boxed::Box::new(#rt::Bind::<#sql_type, _>::new(#value))));
        })
    });
    let clocks = entity
        .columns
        .iter()
        .filter(|column| column.audit == Some(Audit::UpdatedAt))
        .map(index_of);
    quote! {
        fn scoped_update(
            token: #rt::Token,
            conn: &mut #rt::mysql::MysqlConnection,
            tenant: #rt::types::Uuid,
            actor: #rt::types::Uuid,
            id: #rt::types::Uuid,
            changes: <Self as #rt::Entity>::Changes<'_>,
        ) -> #rt::Result<::core::option::Option<Self>> {
            let _ = actor;
            #(#length_checks)*
            // Nothing to write: do not touch updated_at either.
            if true #(&& #untouched)* {
                return <Self as #rt::ScopedAccess<#rt::MySql>>::scoped_find(token, conn, tenant, id);
            }
            let mut sets: ::std::vec::Vec<(usize, ::std::boxed::Box<dyn #rt::BindValue<#mysql> + '_>)> =
                ::std::vec::Vec::new();
            #(#sets)*
            #(#actors)*
            #rt::mysql_queries::scoped_update::<Self>(conn, tenant, id, &sets, &[#(#clocks,)*])
        }
    }
}
