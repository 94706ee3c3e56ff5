//! What an insert of an entity binds, shared by the PostgreSQL and MySQL
//! expanders: the checks before the write, the scope's values it needs,
//! and for each column its value (an expression over `new`, or the scope's
//! tenant or actor) and the SQL type it is bound as on each dialect.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Column, Default, Entity, Fill, ServerFunction};
use crate::props::InsertSource;
use crate::tokens::{
    client_default_generator, diesel_sql_type, length_check, mysql_sql_type, rt, some_if_nullable,
    sql_value,
};

/// The SQL dialect a binding is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Postgres,
    MySql,
}

/// Everything an insert of the entity binds.
pub struct Insert<'a> {
    /// The length checks of the form `new`.
    pub length_checks: Vec<TokenStream>,
    /// `let tenant = ...?;` where a column takes the scope's tenant.
    pub tenant: Option<TokenStream>,
    /// `let actor = ...?;` where a NOT NULL column takes the scope's actor.
    pub actor: Option<TokenStream>,
    pub bindings: Vec<Binding<'a>>,
}

/// One column of the insert.
pub struct Binding<'a> {
    /// The column's index in `Entity::columns`, and so in `TABLE.columns`.
    pub index: usize,
    pub column: &'a Column,
    pub source: InsertSource,
    pub fill: Fill,
    /// The value, as PostgreSQL binds it.
    pub value: TokenStream,
    /// Whether the value is an `Option` although the column is NOT NULL
    /// (`COALESCE($n, <default>)` turns its `None` into the default).
    pub nullable_on_the_wire: bool,
}

impl<'a> Insert<'a> {
    pub fn of(entity: &'a Entity) -> Insert<'a> {
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
        Insert {
            length_checks,
            tenant,
            actor,
            bindings,
        }
    }
}

impl Insert<'_> {
    /// `[&Bind::<type, _>::new(value) as &dyn BindValue, ...]`: the values
    /// of one row on PostgreSQL, as the sync and the async insert bind them.
    pub fn postgres_row_binds(&self) -> TokenStream {
        let rt = rt();
        let binds = self.bindings.iter().map(|binding| {
            let value = binding.value(Dialect::Postgres);
            let sql_type = binding.sql_type(Dialect::Postgres);
            quote!(&#rt::Bind::<#sql_type, _>::new(#value) as &dyn #rt::BindValue)
        });
        quote!([#(#binds,)*])
    }
}

/// How column `index`, filled from `source`, is bound.
fn binding(column: &Column, index: usize, source: InsertSource) -> Binding<'_> {
    let rt = rt();
    let field = &column.field;
    let mut nullable_on_the_wire = false;
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
            nullable_on_the_wire = !column.nullable;
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
        column,
        source,
        fill: source.fill(),
        value,
        nullable_on_the_wire,
    }
}

impl Binding<'_> {
    /// The SQL type the value is bound as.
    pub fn sql_type(&self, dialect: Dialect) -> TokenStream {
        let rt = rt();
        let sql_type = match dialect {
            Dialect::Postgres => diesel_sql_type(self.column),
            Dialect::MySql => mysql_sql_type(self.column),
        };
        if self.nullable_on_the_wire {
            quote!(#rt::diesel::sql_types::Nullable<#sql_type>)
        } else {
            sql_type
        }
    }

    /// The value as `dialect` binds it. MySQL has no uuid defaults (Dify's
    /// application fills ids there): a uuid the form leaves to a server
    /// function is generated here, as Dify's models do on MySQL, so the
    /// insert knows the key of the row it wrote.
    pub fn value(&self, dialect: Dialect) -> TokenStream {
        let value = &self.value;
        let generate = match (&self.column.default, self.source) {
            (Some(Default::Function(function)), InsertSource::FormOrServerDefault)
                if dialect == Dialect::MySql =>
            {
                match function {
                    ServerFunction::UuidGenerateV4 | ServerFunction::GenRandomUuid => {
                        client_default_generator(crate::ir::ClientDefault::Uuid4)
                    }
                    ServerFunction::UuidV7 => {
                        client_default_generator(crate::ir::ClientDefault::Uuid7)
                    }
                    _ => return value.clone(),
                }
            }
            _ => return value.clone(),
        };
        quote!(::core::option::Option::Some(#value.unwrap_or_else(#generate)))
    }
}
