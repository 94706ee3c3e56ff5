//! The scoped accessors of a tenant-owned entity: the tenant predicate and
//! the queries a `Scope` runs. Every query here carries the predicate
//! (Architecture Invariant); the one exception is the children of a parent
//! the caller holds as a branded id, where the id is the proof.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{in_changes_form, sql_value};
use super::persist::length_check;
use super::rt;
use crate::ir::{Audit, Capability, Entity, Ownership, ServerFunction, SoftDelete, SqlType};

pub fn scoped_impls(entity: &Entity) -> TokenStream {
    let predicate = tenant_predicate(entity);
    let Some(access) = scoped_access(entity) else {
        return predicate;
    };
    quote!(#predicate #access)
}

/// `TenantPredicate`: writes `"apps"."tenant_id" = $1`, or for a via-owned
/// entity `"conversations"."app_id" = ANY(SELECT "apps"."id" FROM "apps"
/// WHERE <the parent's predicate>)`.
fn tenant_predicate(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let table = entity.table.value();
    let body = match entity.ownership {
        Ownership::Global => return quote!(),
        Ownership::Tenant { column } => {
            let column = &entity.column(column).name;
            quote! {
                #rt::push_column(out, #table, #column)?;
                out.push_sql(" = ");
                out.push_bind_param::<#rt::diesel::sql_types::Uuid, _>(tenant)?;
            }
        }
        Ownership::Via { column } => {
            let column = entity.column(column);
            let name = &column.name;
            let parent = &column
                .relation
                .as_ref()
                .expect("validated: via has a relation")
                .parent;
            quote! {
                let parent = <#parent as ::dify_schema::Entity>::TABLE;
                #rt::push_column(out, #table, #name)?;
                out.push_sql(" = ANY(SELECT ");
                #rt::push_column(out, &parent.name, &parent.primary_key.columns[0])?;
                out.push_sql(" FROM ");
                out.push_identifier(&parent.name)?;
                out.push_sql(" WHERE ");
                <#parent as #rt::TenantPredicate>::walk_tenant_sql(out, tenant)?;
                out.push_sql(")");
            }
        }
    };
    let module = entity.table_module();
    quote! {
        impl #rt::diesel::expression::AppearsOnTable<#module::table> for #rt::TenantFilter<#ident> {}
        impl #rt::diesel::expression::SelectableExpression<#module::table> for #rt::TenantFilter<#ident> {}
        impl #rt::TenantPredicate for #ident {
            fn walk_tenant_sql<'b>(
                out: &mut #rt::diesel::query_builder::AstPass<'_, 'b, #rt::diesel::pg::Pg>,
                tenant: &'b ::dify_schema::types::Uuid,
            ) -> #rt::diesel::QueryResult<()> {
                #body
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// `ScopedAccess`, `OrderKey`, and where declared `SoftDeletable` and
/// `BelongsTo`: only for entities keyed by one uuid, the shape every
/// tenant-owned Dify table has.
fn scoped_access(entity: &Entity) -> Option<TokenStream> {
    if !entity.ownership_is_tenant() || entity.primary_key.columns.len() != 1 {
        return None;
    }
    let key = entity.column(entity.primary_key.columns[0]);
    if key.sql_type != SqlType::Uuid || key.nullable {
        return None;
    }
    let rt = rt();
    let ident = &entity.ident;
    let module = entity.table_module();
    let key_field = &key.field;
    let capability = |capability: Capability| match capability {
        Capability::Member => quote!(::dify_schema::scope::Member),
        Capability::DatasetEditing => quote!(::dify_schema::scope::DatasetEditing),
        Capability::Editing => quote!(::dify_schema::scope::Editing),
        Capability::Privileged => quote!(::dify_schema::scope::Privileged),
        Capability::Owner => quote!(::dify_schema::scope::Owner),
    };
    let need = capability(entity.write);
    let create_need = capability(entity.create);
    let predicate = quote!(#rt::TenantFilter::<Self>::new(tenant));
    let live = match entity.soft_delete {
        None => quote!(),
        Some(SoftDelete::Flag(index)) => {
            let field = &entity.column(index).field;
            quote!(.filter(#rt::IsFalse(#module::#field)))
        }
        Some(SoftDelete::Timestamp(index)) => {
            let field = &entity.column(index).field;
            quote!(.filter(#module::#field.is_null()))
        }
    };

    // Keyset order: (created_at, id) where the entity has a NOT NULL
    // created_at, else the key alone.
    let created_at = entity.columns.iter().find(|column| {
        column.name == "created_at" && column.sql_type == SqlType::Timestamp && !column.nullable
    });
    let (order, keyset, cursor) = match created_at {
        Some(created_at) => {
            let field = &created_at.field;
            (
                quote!((#module::#field, #module::#key_field)),
                quote! {
                    #rt::after_cursor(
                        #module::#field,
                        #module::#key_field,
                        cursor.created_at.unwrap_or(::dify_schema::types::NaiveDateTime::MIN),
                        cursor.id,
                    )
                },
                quote!(::dify_schema::Cursor { created_at: ::core::option::Option::Some(self.#field), id: self.#key_field }),
            )
        }
        None => (
            quote!(#module::#key_field),
            quote!(#module::#key_field.gt(cursor.id)),
            quote!(::dify_schema::Cursor { created_at: ::core::option::Option::None, id: self.#key_field }),
        ),
    };
    // Each row is read on its own (`load_iter`), so one that cannot be
    // read is an error in its place and the others still come back.
    let each = quote! {
        .load_iter::<Self, #rt::diesel::connection::DefaultLoadingMode>(conn)?
            .map(|row| row.map_err(::dify_schema::Error::from))
            .collect::<::std::vec::Vec<_>>()
    };
    let paged = |base: TokenStream| {
        quote! {
            match page.after {
                ::core::option::Option::Some(cursor) => #base
                    .filter(#keyset)
                    .order(#order)
                    .offset(page.offset)
                    .limit(page.limit)
                    #each,
                ::core::option::Option::None => #base
                    .order(#order)
                    .offset(page.offset)
                    .limit(page.limit)
                    #each,
            }
        }
    };
    let list = paged(quote!(#module::table.filter(#predicate) #live));

    let update = scoped_update(entity, &predicate, &live);

    let soft_delete = entity.soft_delete.as_ref().map(|soft_delete| {
        let mark = match soft_delete {
            SoftDelete::Flag(index) => {
                let field = &entity.column(*index).field;
                quote!(#module::#field.eq(true))
            }
            SoftDelete::Timestamp(index) => {
                let field = &entity.column(*index).field;
                quote!(#module::#field.eq(::core::option::Option::Some(::dify_schema::__private::now())))
            }
        };
        quote! {
            impl #rt::SoftDeletable for #ident {
                fn scoped_soft_delete(
                    _: #rt::Token,
                    conn: &mut #rt::diesel::PgConnection,
                    tenant: ::dify_schema::types::Uuid,
                    id: ::dify_schema::types::Uuid,
                ) -> ::dify_schema::Result<bool> {
                    use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
                    let changed = #rt::diesel::update(
                        #module::table.filter(#module::#key_field.eq(id)).filter(#predicate) #live,
                    )
                    .set(#mark)
                    .execute(conn)?;
                    ::core::result::Result::Ok(changed > 0)
                }
            }
        }
    });

    let belongs_to = match entity.ownership {
        Ownership::Via { column } => {
            let column = entity.column(column);
            let field = &column.field;
            let parent = &column.relation.as_ref().expect("validated").parent;
            // The id proves the parent is the scope's, and the tenant
            // predicate proves it again: a brand laundered through a
            // compiler bug still reads nothing of another workspace.
            let children = paged(
                quote!(#module::table.filter(#module::#field.eq(parent)).filter(#predicate) #live),
            );
            Some(quote! {
                impl #rt::BelongsTo<#parent> for #ident {
                    fn parent_uuid(&self) -> ::dify_schema::types::Uuid {
                        self.#field
                    }
                    fn scoped_children(
                        _: #rt::Token,
                        conn: &mut #rt::diesel::PgConnection,
                        tenant: ::dify_schema::types::Uuid,
                        parent: ::dify_schema::types::Uuid,
                        page: ::dify_schema::Page,
                    ) -> ::dify_schema::Result<::std::vec::Vec<::dify_schema::Result<Self>>> {
                        use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl, RunQueryDsl};
                        let rows = #children;
                        ::core::result::Result::Ok(rows)
                    }
                }
            })
        }
        _ => None,
    };

    let composable = composable_query(entity);

    Some(quote! {
        #composable

        impl ::dify_schema::OrderKey for #ident {
            fn cursor(&self) -> ::dify_schema::Cursor {
                #cursor
            }
        }

        impl #rt::ScopedAccess for #ident {
            type Need = #need;
            type CreateNeed = #create_need;

            fn scoped_find(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                id: ::dify_schema::types::Uuid,
            ) -> ::dify_schema::Result<::core::option::Option<Self>> {
                use #rt::diesel::{ExpressionMethods, OptionalExtension, QueryDsl, RunQueryDsl};
                let row = #module::table
                    .filter(#module::#key_field.eq(id))
                    .filter(#predicate)
                    #live
                    .first::<Self>(conn)
                    .optional()?;
                ::core::result::Result::Ok(row)
            }

            fn scoped_find_many(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                ids: &[::dify_schema::types::Uuid],
            ) -> ::dify_schema::Result<::std::vec::Vec<Self>> {
                use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
                let rows = #module::table
                    .filter(#module::#key_field.eq_any(ids))
                    .filter(#predicate)
                    #live
                    .load::<Self>(conn)?;
                ::core::result::Result::Ok(rows)
            }

            fn scoped_list(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                page: ::dify_schema::Page,
            ) -> ::dify_schema::Result<::std::vec::Vec<::dify_schema::Result<Self>>> {
                use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl, RunQueryDsl};
                let rows = #list;
                ::core::result::Result::Ok(rows)
            }

            fn scoped_count(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
            ) -> ::dify_schema::Result<i64> {
                use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
                let count = #module::table.filter(#predicate) #live .count().get_result::<i64>(conn)?;
                ::core::result::Result::Ok(count)
            }

            fn scoped_insert(
                token: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                actor: ::dify_schema::types::Uuid,
                new: <Self as ::dify_schema::Entity>::New<'_>,
            ) -> ::dify_schema::Result<Self> {
                let cx = #rt::InsertContext {
                    tenant: ::core::option::Option::Some(tenant),
                    actor: ::core::option::Option::Some(actor),
                };
                <Self as #rt::Persist>::insert_row(token, conn, cx, new, #rt::OnConflict::Error)?
                    .ok_or(::dify_schema::Error::Database(#rt::diesel::result::Error::NotFound))
            }

            #update

            fn scoped_delete(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                id: ::dify_schema::types::Uuid,
            ) -> ::dify_schema::Result<bool> {
                use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
                let deleted = #rt::diesel::delete(
                    #module::table.filter(#module::#key_field.eq(id)).filter(#predicate),
                )
                .execute(conn)?;
                ::core::result::Result::Ok(deleted > 0)
            }
        }

        #soft_delete
        #belongs_to
    })
}

/// `scoped_update`: `UPDATE ... SET <the Some fields, updated_at, updated_by>
/// WHERE id = $1 AND <tenant predicate> RETURNING ...`.
fn scoped_update(entity: &Entity, predicate: &TokenStream, live: &TokenStream) -> TokenStream {
    let rt = rt();
    let module = entity.table_module();
    let key_field = &entity.column(entity.primary_key.columns[0]).field;
    let table_name = entity.table.value();
    let form_columns: Vec<_> = entity
        .columns
        .iter()
        .enumerate()
        .filter(|(index, _)| in_changes_form(entity, *index))
        .map(|(_, column)| column)
        .collect();
    let length_checks = form_columns
        .iter()
        .filter_map(|column| length_check(&table_name, column, quote!(changes), true));
    let untouched = form_columns.iter().map(|column| {
        let field = &column.field;
        quote!(changes.#field.is_none())
    });
    let mut sets: Vec<TokenStream> = form_columns
        .iter()
        .map(|column| {
            let field = &column.field;
            let value = sql_value(column, quote!(value), column.nullable);
            quote!(changes.#field.map(|value| #module::#field.eq(#value)))
        })
        .collect();
    for column in &entity.columns {
        let field = &column.field;
        match column.audit {
            // The clock the column's default reads, at its precision: a
            // `CURRENT_TIMESTAMP(0)` column rounds to the second, and an
            // update stamped with the exact time could then go back.
            Some(Audit::UpdatedAt) => {
                let clock = match &column.default {
                    Some(crate::ir::Default::Function(ServerFunction::CurrentTimestamp(Some(
                        p,
                    )))) => {
                        format!("CURRENT_TIMESTAMP({p})")
                    }
                    _ => "CURRENT_TIMESTAMP".to_owned(),
                };
                let base = match column.sql_type {
                    SqlType::Timestamptz => quote!(#rt::diesel::sql_types::Timestamptz),
                    _ => quote!(#rt::diesel::sql_types::Timestamp),
                };
                sets.push(quote!(#module::#field.eq(#rt::diesel::dsl::sql::<#base>(#clock))))
            }
            Some(Audit::UpdatedBy) if column.nullable => {
                sets.push(quote!(#module::#field.eq(::core::option::Option::Some(actor))))
            }
            Some(Audit::UpdatedBy) => sets.push(quote!(#module::#field.eq(actor))),
            _ => {}
        }
    }
    if sets.is_empty() {
        // Nothing in the row can change (a join table): an update is a read.
        return quote! {
            fn scoped_update(
                token: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: ::dify_schema::types::Uuid,
                _actor: ::dify_schema::types::Uuid,
                id: ::dify_schema::types::Uuid,
                _changes: <Self as ::dify_schema::Entity>::Changes<'_>,
            ) -> ::dify_schema::Result<::core::option::Option<Self>> {
                <Self as #rt::ScopedAccess>::scoped_find(token, conn, tenant, id)
            }
        };
    }
    quote! {
        fn scoped_update(
            token: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: ::dify_schema::types::Uuid,
            actor: ::dify_schema::types::Uuid,
            id: ::dify_schema::types::Uuid,
            changes: <Self as ::dify_schema::Entity>::Changes<'_>,
        ) -> ::dify_schema::Result<::core::option::Option<Self>> {
            use #rt::diesel::{ExpressionMethods, OptionalExtension, QueryDsl, RunQueryDsl};
            let _ = actor;
            #(#length_checks)*
            // Nothing to write: do not touch updated_at either.
            if true #(&& #untouched)* {
                return <Self as #rt::ScopedAccess>::scoped_find(token, conn, tenant, id);
            }
            let row = #rt::diesel::update(
                #module::table.filter(#module::#key_field.eq(id)).filter(#predicate) #live,
            )
            .set((#(#sets,)*))
            .get_result::<Self>(conn)
            .optional()?;
            ::core::result::Result::Ok(row)
        }
    }
}

/// `ComposableQuery`: the columns a filter closure receives, and the SQL
/// types of a row. The columns are `QueryColumn`s (an index and a Rust
/// type): nothing in them leads to the Diesel table, so a closure can only
/// compare this entity's columns with values. The runtime writes the SQL,
/// tenant predicate first.
fn composable_query(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let vis = &entity.vis;
    let columns_ident = quote::format_ident!("{}Columns", entity.ident);
    let fields = entity.columns.iter().map(|column| {
        let field = &column.field;
        let ty = &column.ty;
        match &column.relation {
            Some(relation) => {
                let parent = &relation.parent;
                quote!(pub #field: #rt::QueryColumn<#ident, #ty, #parent>,)
            }
            None => quote!(pub #field: #rt::QueryColumn<#ident, #ty>,),
        }
    });
    let values = entity.columns.iter().enumerate().map(|(index, column)| {
        let field = &column.field;
        quote!(#field: #rt::QueryColumn::__new(#index),)
    });
    let sql_types = entity.columns.iter().map(super::table::diesel_sql_type);
    let doc =
        format!("The columns of `{ident}`, as the closures of a composable query receive them.");
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy)]
        #[allow(non_snake_case)]
        #vis struct #columns_ident {
            #(#fields)*
        }

        impl ::core::default::Default for #columns_ident {
            fn default() -> Self {
                #columns_ident {
                    #(#values)*
                }
            }
        }

        impl #rt::ComposableQuery for #ident {
            type Columns = #columns_ident;
            type SqlRow = (#(#sql_types,)*);
        }
    }
}
