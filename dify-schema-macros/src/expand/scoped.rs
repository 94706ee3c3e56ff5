//! The scoped accessors of a tenant-owned entity: the tenant predicate and
//! the queries a `Scope` runs. Every query here carries the predicate
//! (Architecture Invariant); the one exception is the children of a parent
//! the caller holds as a branded id, where the id is the proof.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Audit, Column, Entity, Ownership, SoftDelete, SqlType};
use crate::tokens::{capability_marker, diesel_sql_type, length_check, option, rt, sql_value};

/// The tenant predicate of a tenant-owned entity and, where validation
/// gave it scoped access, its accessors.
pub fn scoped_impls(entity: &Entity) -> TokenStream {
    let predicate = tenant_predicate(entity);
    let Some(key) = entity.scoped_key() else {
        return predicate;
    };
    let query = Query::of(entity, key);
    let composable = composable_query(entity);
    let order_key = order_key(entity, key);
    let access = scoped_access(&query);
    let soft_deletable = soft_deletable(&query);
    let belongs_to = belongs_to(&query);
    let async_access = async_access(&query);
    quote! {
        #predicate
        #composable
        #order_key
        #access
        #soft_deletable
        #belongs_to
        #async_access
    }
}

/// `TenantPredicate`: the chain of tables to the tenant, from which the
/// runtime writes `"apps"."tenant_id" = $1`, or for a via-owned entity
/// `"conversations"."app_id" = ANY(SELECT "apps"."id" FROM "apps" WHERE ...)`.
fn tenant_predicate(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let parent = match &entity.ownership {
        Ownership::Global => return quote!(),
        Ownership::Tenant { .. } => quote!(::core::option::Option::None),
        Ownership::Via { parent, .. } => {
            quote!(::core::option::Option::Some(&<#parent as #rt::TenantPredicate>::TENANT_CHAIN))
        }
    };
    let module = entity.table_module();
    quote! {
        impl #rt::diesel::expression::AppearsOnTable<#module::table> for #rt::TenantFilter<#ident> {}
        impl #rt::diesel::expression::SelectableExpression<#module::table> for #rt::TenantFilter<#ident> {}
        impl #rt::TenantPredicate for #ident {
            const TENANT_CHAIN: #rt::TenantChain = #rt::TenantChain {
                table: <#ident as #rt::Entity>::TABLE,
                parent: #parent,
            };
        }
    }
}

/// Which connection a query is written for: the same query, run by
/// Diesel on a `PgConnection` or by diesel-async on an `AsyncPgConnection`.
#[derive(Clone, Copy)]
enum Flavour {
    Sync,
    #[cfg_attr(not(feature = "async"), allow(dead_code))]
    Async,
}

impl Flavour {
    /// `query`'s rows, each read on its own.
    fn each(self, query: TokenStream) -> TokenStream {
        let rt = rt();
        match self {
            Flavour::Sync => quote! {
                #query
                    .load_iter::<Self, #rt::diesel::connection::DefaultLoadingMode>(conn)?
                    .map(|row| row.map_err(#rt::Error::from))
                    .collect::<::std::vec::Vec<_>>()
            },
            Flavour::Async => quote!(#rt::async_run::load_each::<Self, _, _>(conn, #query)),
        }
    }
}

/// What every scoped query of an entity is built from.
struct Query<'a> {
    entity: &'a Entity,
    /// `__dify_table_App`.
    module: proc_macro2::Ident,
    /// The key's field (`id`).
    key: &'a syn::Ident,
    /// `TenantFilter::<Self>::new(tenant)`.
    predicate: TokenStream,
    /// `.filter(<not soft-deleted>)`, or nothing.
    live: TokenStream,
    /// The keyset order: `(created_at, id)` where the entity has a NOT NULL
    /// `created_at`, else the key alone.
    order: TokenStream,
    /// The rows after `cursor` in that order.
    after_cursor: TokenStream,
}

impl<'a> Query<'a> {
    fn of(entity: &'a Entity, key: &'a Column) -> Query<'a> {
        let rt = rt();
        let module = entity.table_module();
        let key = &key.field;
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
        let (order, after_cursor) = match entity.order_column() {
            Some(created_at) => {
                let field = &created_at.field;
                (
                    quote!((#module::#field, #module::#key)),
                    quote! {
                        #rt::after_cursor(
                            #module::#field,
                            #module::#key,
                            cursor.created_at.unwrap_or(#rt::types::NaiveDateTime::MIN),
                            cursor.id,
                        )
                    },
                )
            }
            None => (quote!(#module::#key), quote!(#module::#key.gt(cursor.id))),
        };
        Query {
            entity,
            module,
            key,
            predicate: quote!(#rt::TenantFilter::<Self>::new(tenant)),
            live,
            order,
            after_cursor,
        }
    }

    /// A page of `base` in keyset order, each row read on its own, so one
    /// that cannot be read is an error in its place and the others still
    /// come back: `load_iter` on a sync connection, `load_each` on an async
    /// one.
    fn paged(&self, base: TokenStream, flavour: Flavour) -> TokenStream {
        let Query {
            order,
            after_cursor,
            ..
        } = self;
        let after = flavour.each(quote! {
            #base
                .filter(#after_cursor)
                .order(#order)
                .offset(page.offset)
                .limit(page.limit)
        });
        let first = flavour.each(quote! {
            #base
                .order(#order)
                .offset(page.offset)
                .limit(page.limit)
        });
        quote! {
            match page.after {
                ::core::option::Option::Some(cursor) => #after,
                ::core::option::Option::None => #first,
            }
        }
    }

    /// The row keyed `id` among the tenant's, soft-deleted or not.
    fn keyed_row(&self) -> TokenStream {
        let Query {
            module,
            key,
            predicate,
            ..
        } = self;
        quote!(#module::table.filter(#module::#key.eq(id)).filter(#predicate))
    }

    /// The live children of the parent keyed `parent`, for a via-owned
    /// entity. The parent's id proves the parent is the scope's, and the
    /// tenant predicate proves it again: a brand laundered through a
    /// compiler bug still reads nothing of another workspace.
    fn children_of_parent(&self) -> Option<TokenStream> {
        let (column, _) = self.entity.via()?;
        Some(self.rows_referencing(&column.field))
    }

    /// The live rows whose reference column `field` is `parent`, with the
    /// tenant predicate as well.
    fn rows_referencing(&self, field: &syn::Ident) -> TokenStream {
        let Query {
            module,
            predicate,
            live,
            ..
        } = self;
        quote!(#module::table.filter(#module::#field.eq(parent)).filter(#predicate) #live)
    }

    /// The live row keyed `id` among the tenant's.
    fn one_row(&self) -> TokenStream {
        let Query {
            module,
            key,
            predicate,
            live,
            ..
        } = self;
        quote!(#module::table.filter(#module::#key.eq(id)).filter(#predicate) #live)
    }
}

/// `OrderKey`: the cursor of a row in keyset order.
fn order_key(entity: &Entity, key: &Column) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let key = &key.field;
    let created_at = option(entity.order_column().map(|created_at| {
        let field = &created_at.field;
        quote!(self.#field)
    }));
    quote! {
        impl #rt::OrderKey for #ident {
            fn cursor(&self) -> #rt::Cursor {
                #rt::Cursor { created_at: #created_at, id: self.#key }
            }
        }
    }
}

/// `ScopedAccess`: the capabilities the writes need, and the reads and
/// writes of a scope.
fn scoped_access(query: &Query) -> TokenStream {
    let rt = rt();
    let entity = query.entity;
    let ident = &entity.ident;
    let need = capability_marker(entity.write);
    let create_need = capability_marker(entity.create);
    let reads = scoped_reads(query);
    let insert = scoped_insert();
    let update = scoped_update(query);
    let delete = scoped_delete(query);
    quote! {
        impl #rt::WriteCapability for #ident {
            type Need = #need;
            type CreateNeed = #create_need;
        }

        impl #rt::ScopedAccess for #ident {
            #reads
            #insert
            #update
            #delete
        }
    }
}

/// `scoped_find`, `scoped_find_many`, `scoped_list` and `scoped_count`.
fn scoped_reads(query: &Query) -> TokenStream {
    let rt = rt();
    let Query {
        module,
        key,
        predicate,
        live,
        ..
    } = query;
    let one = query.one_row();
    let list = query.paged(
        quote!(#module::table.filter(#predicate) #live),
        Flavour::Sync,
    );
    quote! {
        fn scoped_find(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            id: #rt::types::Uuid,
        ) -> #rt::Result<::core::option::Option<Self>> {
            use #rt::diesel::{ExpressionMethods, OptionalExtension, QueryDsl, RunQueryDsl};
            let row = #one
                .first::<Self>(conn)
                .optional()?;
            ::core::result::Result::Ok(row)
        }

        fn scoped_find_many(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            ids: &[#rt::types::Uuid],
        ) -> #rt::Result<::std::vec::Vec<Self>> {
            use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
            let rows = #module::table
                .filter(#module::#key.eq_any(ids))
                .filter(#predicate)
                #live
                .load::<Self>(conn)?;
            ::core::result::Result::Ok(rows)
        }

        fn scoped_list(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            page: #rt::Page,
        ) -> #rt::Result<::std::vec::Vec<#rt::Result<Self>>> {
            use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl, RunQueryDsl};
            let rows = #list;
            ::core::result::Result::Ok(rows)
        }

        fn scoped_count(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
        ) -> #rt::Result<i64> {
            use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
            let count = #module::table.filter(#predicate) #live .count().get_result::<i64>(conn)?;
            ::core::result::Result::Ok(count)
        }
    }
}

/// `scoped_insert`: `Persist::insert_row` with the scope's tenant and actor.
fn scoped_insert() -> TokenStream {
    let rt = rt();
    quote! {
        fn scoped_insert(
            token: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            actor: #rt::types::Uuid,
            new: <Self as #rt::Entity>::New<'_>,
        ) -> #rt::Result<Self> {
            let cx = #rt::InsertContext {
                tenant: ::core::option::Option::Some(tenant),
                actor: ::core::option::Option::Some(actor),
            };
            <Self as #rt::Persist>::insert_row(token, conn, cx, new, #rt::OnConflict::Error)?
                .ok_or(#rt::Error::Database(#rt::diesel::result::Error::NotFound))
        }
    }
}

/// What an update of the entity is made of, for either flavour: the
/// length checks of the form `changes`, a test per field that it is not
/// set, and the `SET` list (the form's `Some` fields, then the audit
/// columns; empty when nothing in the row can change).
struct UpdateParts {
    length_checks: Vec<TokenStream>,
    untouched: Vec<TokenStream>,
    sets: Vec<TokenStream>,
}

fn update_parts(query: &Query) -> UpdateParts {
    let entity = query.entity;
    let module = &query.module;
    let table_name = entity.table.value();
    let form: Vec<_> = entity.changes_form().collect();
    let length_checks = form
        .iter()
        .filter_map(|column| {
            let field = &column.field;
            length_check(
                &table_name,
                column,
                quote!(changes.#field),
                1 + usize::from(column.nullable),
            )
        })
        .collect();
    let untouched = form
        .iter()
        .map(|column| {
            let field = &column.field;
            quote!(changes.#field.is_none())
        })
        .collect();
    let mut sets: Vec<TokenStream> = form
        .iter()
        .map(|column| {
            let field = &column.field;
            let value = sql_value(column.changes_conversion(), quote!(value), column.nullable);
            quote!(changes.#field.map(|value| #module::#field.eq(#value)))
        })
        .collect();
    sets.extend(
        entity
            .columns
            .iter()
            .filter_map(|column| audit_set(module, column)),
    );
    UpdateParts {
        length_checks,
        untouched,
        sets,
    }
}

/// `scoped_update`: `UPDATE ... SET <the Some fields, updated_at, updated_by>
/// WHERE id = $1 AND <tenant predicate> RETURNING ...`.
fn scoped_update(query: &Query) -> TokenStream {
    let rt = rt();
    let UpdateParts {
        length_checks,
        untouched,
        sets,
    } = update_parts(query);
    if sets.is_empty() {
        // Nothing in the row can change (a join table): an update is a read.
        return quote! {
            fn scoped_update(
                token: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: #rt::types::Uuid,
                _actor: #rt::types::Uuid,
                id: #rt::types::Uuid,
                _changes: <Self as #rt::Entity>::Changes<'_>,
            ) -> #rt::Result<::core::option::Option<Self>> {
                <Self as #rt::ScopedAccess>::scoped_find(token, conn, tenant, id)
            }
        };
    }
    let one = query.one_row();
    quote! {
        fn scoped_update(
            token: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            actor: #rt::types::Uuid,
            id: #rt::types::Uuid,
            changes: <Self as #rt::Entity>::Changes<'_>,
        ) -> #rt::Result<::core::option::Option<Self>> {
            use #rt::diesel::{ExpressionMethods, OptionalExtension, QueryDsl, RunQueryDsl};
            let _ = actor;
            #(#length_checks)*
            // Nothing to write: do not touch updated_at either.
            if true #(&& #untouched)* {
                return <Self as #rt::ScopedAccess>::scoped_find(token, conn, tenant, id);
            }
            let row = #rt::diesel::update(
                #one,
            )
            .set((#(#sets,)*))
            .get_result::<Self>(conn)
            .optional()?;
            ::core::result::Result::Ok(row)
        }
    }
}

/// What an update writes into an audit column: `updated_at` the clock its
/// default reads, `updated_by` the scope's actor.
fn audit_set(module: &proc_macro2::Ident, column: &Column) -> Option<TokenStream> {
    let rt = rt();
    let field = &column.field;
    match column.audit {
        Some(Audit::UpdatedAt) => {
            let clock = column.update_clock();
            let base = match column.sql_type {
                SqlType::Timestamptz => quote!(#rt::diesel::sql_types::Timestamptz),
                _ => quote!(#rt::diesel::sql_types::Timestamp),
            };
            Some(quote!(#module::#field.eq(#rt::diesel::dsl::sql::<#base>(#clock))))
        }
        Some(Audit::UpdatedBy) if column.nullable => {
            Some(quote!(#module::#field.eq(::core::option::Option::Some(actor))))
        }
        Some(Audit::UpdatedBy) => Some(quote!(#module::#field.eq(actor))),
        _ => None,
    }
}

/// `scoped_delete`: deletes the tenant's row keyed `id`, soft-deleted or not.
fn scoped_delete(query: &Query) -> TokenStream {
    let rt = rt();
    let keyed = query.keyed_row();
    quote! {
        fn scoped_delete(
            _: #rt::Token,
            conn: &mut #rt::diesel::PgConnection,
            tenant: #rt::types::Uuid,
            id: #rt::types::Uuid,
        ) -> #rt::Result<bool> {
            use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
            let deleted = #rt::diesel::delete(#keyed).execute(conn)?;
            ::core::result::Result::Ok(deleted > 0)
        }
    }
}

/// `SoftDeletable`, for `soft_delete = ...`: sets the mark on a live row.
fn soft_deletable(query: &Query) -> Option<TokenStream> {
    let rt = rt();
    let ident = &query.entity.ident;
    let mark = soft_delete_mark(query)?;
    let one = query.one_row();
    Some(quote! {
        impl #rt::SoftDeletable for #ident {
            fn scoped_soft_delete(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: #rt::types::Uuid,
                id: #rt::types::Uuid,
            ) -> #rt::Result<bool> {
                use #rt::diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
                let changed = #rt::diesel::update(
                    #one,
                )
                .set(#mark)
                .execute(conn)?;
                ::core::result::Result::Ok(changed > 0)
            }
        }
    })
}

/// What `soft_delete = ...` sets: the flag, or the deletion time.
fn soft_delete_mark(query: &Query) -> Option<TokenStream> {
    let rt = rt();
    let entity = query.entity;
    let module = &query.module;
    Some(match entity.soft_delete.as_ref()? {
        SoftDelete::Flag(index) => {
            let field = &entity.column(*index).field;
            quote!(#module::#field.eq(true))
        }
        SoftDelete::Timestamp(index) => {
            let field = &entity.column(*index).field;
            quote!(#module::#field.eq(::core::option::Option::Some(#rt::now())))
        }
    })
}

/// `BelongsTo<Parent>`, for `owner = via(...)`: the children of a parent
/// the caller holds as a branded id.
fn belongs_to(query: &Query) -> Option<TokenStream> {
    let rt = rt();
    let entity = query.entity;
    let ident = &entity.ident;
    let (column, parent) = entity.via()?;
    let field = &column.field;
    let children = query.paged(query.children_of_parent()?, Flavour::Sync);
    Some(quote! {
        impl #rt::BelongsTo<#parent> for #ident {
            fn parent_uuid(&self) -> #rt::types::Uuid {
                self.#field
            }
            fn scoped_children(
                _: #rt::Token,
                conn: &mut #rt::diesel::PgConnection,
                tenant: #rt::types::Uuid,
                parent: #rt::types::Uuid,
                page: #rt::Page,
            ) -> #rt::Result<::std::vec::Vec<#rt::Result<Self>>> {
                use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl, RunQueryDsl};
                let rows = #children;
                ::core::result::Result::Ok(rows)
            }
        }
    })
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
    let columns_ident = entity.columns_ident();
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
    let sql_types = entity.columns.iter().map(diesel_sql_type);
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

/// The async accessors (`AsyncScopedAccess`, `AsyncSoftDeletable`,
/// `AsyncBelongsTo`), when the runtime has its `async` feature: the same
/// queries as the sync ones above, from the same builders, each rendered
/// and bound when called and returned as a future that sends it.
#[cfg(not(feature = "async"))]
fn async_access(_: &Query) -> TokenStream {
    quote!()
}

#[cfg(feature = "async")]
fn async_access(query: &Query) -> TokenStream {
    use crate::insert_plan::Insert;
    use crate::tokens::diesel_sql_type;

    let rt = rt();
    let entity = query.entity;
    let ident = &entity.ident;
    let Query {
        module,
        key,
        predicate,
        live,
        ..
    } = query;
    let conn = quote!(conn: &'c #rt::AsyncPgConnection);
    let future = |output: TokenStream| quote!(#rt::async_run::BoxFuture<'c, #rt::Result<#output>>);
    let find_output = future(quote!(::core::option::Option<Self>));
    let one = query.one_row();
    let list = query.paged(
        quote!(#module::table.filter(#predicate) #live),
        Flavour::Async,
    );
    let keyed = query.keyed_row();

    let insert = Insert::of(entity);
    let Insert {
        length_checks: insert_checks,
        tenant: insert_tenant,
        actor: insert_actor,
        ..
    } = &insert;
    let binds = insert.postgres_row_binds();
    let row_sql_types = entity.columns.iter().map(diesel_sql_type);
    let row_sql_type = quote!((#(#row_sql_types,)*));

    let UpdateParts {
        length_checks: update_checks,
        untouched,
        sets,
    } = update_parts(query);
    let update = if sets.is_empty() {
        // Nothing in the row can change (a join table): an update is a read.
        quote!(<Self as #rt::AsyncScopedAccess>::async_find(token, conn, tenant, id))
    } else {
        quote! {
            // Nothing to write: do not touch updated_at either.
            let untouched = true #(&& #untouched)*;
            // Checks first, then the statement, rendered before anything
            // is sent; a refusal is a future that sends nothing.
            let statement = (|| -> #rt::Result<_> {
                #(#update_checks)*
                ::core::result::Result::Ok(#rt::diesel::update(#one).set((#(#sets,)*)))
            })();
            match statement {
                ::core::result::Result::Ok(_) if untouched => {
                    <Self as #rt::AsyncScopedAccess>::async_find(token, conn, tenant, id)
                }
                ::core::result::Result::Ok(statement) => {
                    #rt::async_run::load_optional::<Self, _, _>(conn, statement)
                }
                ::core::result::Result::Err(error) => #rt::async_run::refused(error),
            }
        }
    };

    let soft_delete = soft_delete_mark(query).map(|mark| {
        quote! {
            impl #rt::AsyncSoftDeletable for #ident {
                fn async_soft_delete<'c>(
                    _: #rt::Token,
                    #conn,
                    tenant: #rt::types::Uuid,
                    id: #rt::types::Uuid,
                ) -> #rt::async_run::BoxFuture<'c, #rt::Result<bool>> {
                    use #rt::diesel::{ExpressionMethods, QueryDsl};
                    let changed = #rt::async_run::execute(conn, #rt::diesel::update(#one).set(#mark));
                    ::std::boxed::Box::pin(async move { ::core::result::Result::Ok(changed.await? > 0) })
                }
            }
        }
    });

    let belongs_to = entity.via().and_then(|(_, parent)| {
        let children = query.paged(query.children_of_parent()?, Flavour::Async);
        Some(quote! {
            impl #rt::AsyncBelongsTo<#parent> for #ident {
                fn async_children<'c>(
                    _: #rt::Token,
                    #conn,
                    tenant: #rt::types::Uuid,
                    parent: #rt::types::Uuid,
                    page: #rt::Page,
                ) -> #rt::async_run::BoxFuture<'c, #rt::Result<::std::vec::Vec<#rt::Result<Self>>>> {
                    use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl};
                    #children
                }
            }
        })
    });

    // The rows that reference a parent the caller holds as a branded id,
    // by any declared reference (a message's conversation, not only its
    // owning app); a parent type named by two columns gets none (which
    // one would be ambiguous).
    let mut parents: Vec<String> = Vec::new();
    for column in &entity.columns {
        if let Some(relation) = &column.relation {
            let name = relation
                .parent
                .segments
                .last()
                .map(|segment| segment.ident.to_string());
            parents.extend(name);
        }
    }
    let referencing = entity.columns.iter().filter_map(|column| {
        let relation = column.relation.as_ref()?;
        let name = relation.parent.segments.last()?.ident.to_string();
        if parents.iter().filter(|parent| **parent == name).count() > 1 {
            return None;
        }
        let parent = &relation.parent;
        let field = &column.field;
        let rows = query.paged(query.rows_referencing(field), Flavour::Async);
        Some(quote! {
            impl #rt::AsyncReferences<#parent> for #ident {
                fn async_referencing<'c>(
                    _: #rt::Token,
                    #conn,
                    tenant: #rt::types::Uuid,
                    parent: #rt::types::Uuid,
                    page: #rt::Page,
                ) -> #rt::async_run::BoxFuture<'c, #rt::Result<::std::vec::Vec<#rt::Result<Self>>>> {
                    use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl};
                    #rows
                }
            }
        })
    });

    quote! {
        #(#referencing)*

        impl #rt::AsyncScopedAccess for #ident {
            fn async_find<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                id: #rt::types::Uuid,
            ) -> #find_output {
                use #rt::diesel::{ExpressionMethods, QueryDsl};
                #rt::async_run::load_optional::<Self, _, _>(conn, #one.limit(1))
            }

            fn async_find_many<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                ids: &[#rt::types::Uuid],
            ) -> #rt::async_run::BoxFuture<'c, #rt::Result<::std::vec::Vec<Self>>> {
                use #rt::diesel::{ExpressionMethods, QueryDsl};
                #rt::async_run::load::<Self, _, _>(
                    conn,
                    #module::table.filter(#module::#key.eq_any(ids)).filter(#predicate) #live,
                )
            }

            fn async_list<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                page: #rt::Page,
            ) -> #rt::async_run::BoxFuture<'c, #rt::Result<::std::vec::Vec<#rt::Result<Self>>>> {
                use #rt::diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl};
                #list
            }

            fn async_count<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
            ) -> #rt::async_run::BoxFuture<'c, #rt::Result<i64>> {
                use #rt::diesel::{ExpressionMethods, QueryDsl};
                #rt::async_run::load_one::<i64, _, _>(conn, #module::table.filter(#predicate) #live .count())
            }

            fn async_insert<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                actor: #rt::types::Uuid,
                new: <Self as #rt::Entity>::New<'_>,
            ) -> #rt::async_run::BoxFuture<'c, #rt::Result<Self>> {
                let cx = #rt::InsertContext {
                    tenant: ::core::option::Option::Some(tenant),
                    actor: ::core::option::Option::Some(actor),
                };
                // Checks first, then the statement, rendered and bound
                // before anything is sent (the future holds no borrow of
                // `new`); a refusal is a future that sends nothing.
                let rows = (|| -> #rt::Result<_> {
                    #(#insert_checks)*
                    #insert_tenant
                    #insert_actor
                    static TEMPLATE: ::std::sync::OnceLock<#rt::InsertTemplate> = ::std::sync::OnceLock::new();
                    let template = TEMPLATE.get_or_init(|| {
                        #rt::InsertTemplate::single_on_conflict(
                            <Self as #rt::Entity>::TABLE,
                            <Self as #rt::Persist>::INSERT_COLUMNS,
                            #rt::OnConflict::Error,
                        )
                    });
                    let binds = #binds;
                    ::core::result::Result::Ok(#rt::async_run::load_one::<Self, _, _>(
                        conn,
                        #rt::InsertStatement::<Self, #row_sql_type, #rt::Single>::new(template, &binds),
                    ))
                })();
                match rows {
                    ::core::result::Result::Ok(rows) => rows,
                    ::core::result::Result::Err(error) => #rt::async_run::refused(error),
                }
            }

            fn async_update<'c>(
                token: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                actor: #rt::types::Uuid,
                id: #rt::types::Uuid,
                changes: <Self as #rt::Entity>::Changes<'_>,
            ) -> #find_output {
                use #rt::diesel::{ExpressionMethods, QueryDsl};
                let _ = (actor, &changes);
                #update
            }

            fn async_delete<'c>(
                _: #rt::Token,
                #conn,
                tenant: #rt::types::Uuid,
                id: #rt::types::Uuid,
            ) -> #rt::async_run::BoxFuture<'c, #rt::Result<bool>> {
                use #rt::diesel::{ExpressionMethods, QueryDsl};
                let deleted = #rt::async_run::execute(conn, #rt::diesel::delete(#keyed));
                ::std::boxed::Box::pin(async move { ::core::result::Result::Ok(deleted.await? > 0) })
            }
        }

        #soft_delete
        #belongs_to
    }
}
