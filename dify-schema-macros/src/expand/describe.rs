//! `impl Entity`: the static description of the table that the runtime
//! renders into DDL, diffs into migrations and checks against a database.
//!
//! The `Table` literal is spelled once, in [`table_literal`]; the
//! compile-error fallback (`fallback.rs`) builds its stub from the same
//! function with [`TableParts::empty`].

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Column, Default, Entity, Index, Ownership, Retention, SoftDelete, Visible};
use crate::tokens::{self, list, option, rt, text};

/// `impl Entity` (and `TenantOwned` for a tenant-owned entity).
pub fn entity_impl(entity: &Entity) -> TokenStream {
    let rt = rt();
    let ident = &entity.ident;
    let insert_ident = &entity.insert_ident;
    let changes_ident = &entity.changes_ident;
    let table = table_literal(TableParts::of(entity));
    let table_name = entity.table.value();
    let (key, key_value) = key(entity);
    let insert_lifetime = entity.insert_form_needs_lifetime().then(|| quote!(<'t>));
    let changes_lifetime = entity.changes_form_needs_lifetime().then(|| quote!(<'t>));
    let reference = if entity.ownership_is_tenant() {
        quote!(#rt::Id<'t, Self>)
    } else {
        quote!(#rt::types::Uuid)
    };
    let tenant_owned = entity
        .ownership_is_tenant()
        .then(|| quote!(impl #rt::TenantOwned for #ident {}));
    quote! {
        impl #rt::Entity for #ident {
            const TABLE: &'static #rt::schema::Table = &#table;
            const TABLE_NAME: &'static str = #table_name;
            type New<'t> = #insert_ident #insert_lifetime;
            type Changes<'t> = #changes_ident #changes_lifetime;
            type Key = #key;
            type Ref<'t> = #reference;
            fn key(&self) -> Self::Key {
                #key_value
            }
        }
        #tenant_owned
    }
}

/// The key's type and the expression that reads it from `self`: the
/// column's type for a one-column key, a tuple otherwise.
fn key(entity: &Entity) -> (TokenStream, TokenStream) {
    let key_columns: Vec<_> = entity.key_columns().collect();
    if let [column] = key_columns.as_slice() {
        let ty = &column.ty;
        let field = &column.field;
        return (
            quote!(#ty),
            quote!(::core::clone::Clone::clone(&self.#field)),
        );
    }
    let types = key_columns.iter().map(|column| &column.ty);
    let fields = key_columns.iter().map(|column| &column.field);
    (
        quote!((#(#types),*)),
        quote!((#(::core::clone::Clone::clone(&self.#fields)),*)),
    )
}

/// What goes into a `Table` literal, each part already spelled.
pub struct TableParts {
    pub name: String,
    pub entity: String,
    pub columns: Vec<TokenStream>,
    pub key_name: String,
    pub key_columns: Vec<String>,
    pub indexes: Vec<TokenStream>,
    pub unique_constraints: Vec<TokenStream>,
    pub relations: Vec<TokenStream>,
    pub ownership: TokenStream,
    pub soft_delete: TokenStream,
    pub write_capability: TokenStream,
    pub create_capability: TokenStream,
    pub visibility: TokenStream,
    pub retention: TokenStream,
    pub partition: TokenStream,
}

impl TableParts {
    /// The description of a validated entity.
    pub fn of(entity: &Entity) -> TableParts {
        let column_name = |index: &usize| entity.column(*index).name.clone();
        TableParts {
            name: entity.table.value(),
            entity: entity.ident.to_string(),
            columns: entity.columns.iter().map(column_literal).collect(),
            key_name: entity.primary_key.name.clone(),
            key_columns: entity.primary_key.columns.iter().map(column_name).collect(),
            indexes: entity
                .indexes
                .iter()
                .map(|index| index_literal(entity, index))
                .collect(),
            unique_constraints: entity
                .unique_constraints
                .iter()
                .map(|unique| {
                    let rt = rt();
                    let name = text(&unique.name);
                    let columns = list(unique.columns.iter().map(column_name).map(text));
                    let mysql_name = option(unique.mysql_name.as_ref().map(text));
                    quote!(#rt::schema::UniqueConstraint {
                        name: #name,
                        columns: #columns,
                        mysql_name: #mysql_name,
                    })
                })
                .collect(),
            relations: entity.columns.iter().filter_map(relation_literal).collect(),
            ownership: ownership_literal(entity),
            soft_delete: soft_delete_literal(entity),
            write_capability: tokens::capability(entity.write),
            // `None`: the same as `write`, as the declaration says it.
            create_capability: option(
                (entity.create != entity.write).then(|| tokens::capability(entity.create)),
            ),
            visibility: visibility_literal(&entity.visibility),
            retention: retention_literal(entity),
            partition: option(entity.partition.map(|column| {
                let rt = rt();
                let column = text(&entity.column(column).name);
                quote!(#rt::schema::Partition { column: #column })
            })),
        }
    }

    /// A table with nothing in it but its names: global, invisible to
    /// scopes, with no columns. The stub of a declaration with mistakes.
    pub fn empty(name: String, entity: String) -> TableParts {
        TableParts {
            name,
            entity,
            columns: Vec::new(),
            key_name: String::new(),
            key_columns: Vec::new(),
            indexes: Vec::new(),
            unique_constraints: Vec::new(),
            relations: Vec::new(),
            ownership: ownership_literal_global(),
            soft_delete: option(None),
            write_capability: tokens::capability(crate::ir::Capability::Editing),
            create_capability: option(None),
            visibility: visibility_literal(&Visible::None),
            retention: option(None),
            partition: option(None),
        }
    }
}

/// The `schema::Table` literal: the one place its fields are spelled.
pub fn table_literal(parts: TableParts) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema);
    let TableParts {
        name,
        entity,
        columns,
        key_name,
        key_columns,
        indexes,
        unique_constraints,
        relations,
        ownership,
        soft_delete,
        write_capability,
        create_capability,
        visibility,
        retention,
        partition,
    } = parts;
    let name = text(name);
    let entity = text(entity);
    let columns = list(columns);
    let key_name = text(key_name);
    let key_columns = list(key_columns.into_iter().map(text));
    let indexes = list(indexes);
    let unique_constraints = list(unique_constraints);
    let relations = list(relations);
    quote! {
        #s::Table {
            name: #name,
            entity: #entity,
            columns: #columns,
            primary_key: #s::PrimaryKey { name: #key_name, columns: #key_columns },
            indexes: #indexes,
            unique_constraints: #unique_constraints,
            relations: #relations,
            ownership: #ownership,
            soft_delete: #soft_delete,
            write_capability: #write_capability,
            create_capability: #create_capability,
            visibility: #visibility,
            retention: #retention,
            partition: #partition,
        }
    }
}

fn index_literal(entity: &Entity, index: &Index) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema);
    let name = text(&index.name);
    let columns = list(index.columns.iter().map(|(column, descending)| {
        let column = text(&entity.column(*column).name);
        quote!(#s::IndexColumn { name: #column, descending: #descending })
    }));
    let unique = index.unique;
    let method = tokens::index_method(index.method);
    let predicate = option(index.predicate.as_ref().map(text));
    let build = tokens::mysql_build(index.mysql_build);
    let prefixes = list(index.mysql_prefixes.iter().map(|(column, length)| {
        let column = text(&entity.column(*column).name);
        quote!(#s::MysqlPrefix { column: #column, length: #length })
    }));
    quote! {
        #s::Index {
            name: #name,
            columns: #columns,
            unique: #unique,
            method: #method,
            predicate: #predicate,
            mysql: #s::MysqlIndex { build: #build, prefixes: #prefixes },
        }
    }
}

fn relation_literal(column: &Column) -> Option<TokenStream> {
    let rt = rt();
    let relation = column.relation.as_ref()?;
    let name = text(&column.name);
    let parent = &relation.parent;
    let parent_entity = text(
        parent
            .segments
            .last()
            .map(|segment| segment.ident.to_string())
            .unwrap_or_default(),
    );
    let parent_table = text(quote!(<#parent as #rt::Entity>::TABLE_NAME));
    let foreign_key = option(relation.foreign_key.as_ref().map(text));
    let on_delete = option(relation.on_delete.map(text));
    let mysql_foreign_key = option(relation.mysql_foreign_key.as_ref().map(text));
    Some(quote! {
        #rt::schema::Relation {
            column: #name,
            parent_table: #parent_table,
            parent_entity: #parent_entity,
            foreign_key: #foreign_key,
            on_delete: #on_delete,
            mysql_foreign_key: #mysql_foreign_key,
        }
    })
}

fn ownership_literal(entity: &Entity) -> TokenStream {
    let rt = rt();
    match &entity.ownership {
        Ownership::Tenant { column } => {
            let column = text(&entity.column(*column).name);
            quote!(#rt::schema::Ownership::Tenant { column: #column })
        }
        Ownership::Via { column, parent } => {
            let name = text(&entity.column(*column).name);
            let parent_table = text(quote!(<#parent as #rt::Entity>::TABLE_NAME));
            quote!(#rt::schema::Ownership::Via {
                column: #name,
                parent_table: #parent_table,
            })
        }
        Ownership::Global => ownership_literal_global(),
    }
}

fn ownership_literal_global() -> TokenStream {
    let rt = rt();
    quote!(#rt::schema::Ownership::Global)
}

fn soft_delete_literal(entity: &Entity) -> TokenStream {
    let rt = rt();
    option(entity.soft_delete.as_ref().map(|soft_delete| {
        let (variant, index) = match soft_delete {
            SoftDelete::Flag(index) => (quote!(Flag), index),
            SoftDelete::Timestamp(index) => (quote!(Timestamp), index),
        };
        let name = text(&entity.column(*index).name);
        quote!(#rt::schema::SoftDelete::#variant(#name))
    }))
}

fn retention_literal(entity: &Entity) -> TokenStream {
    let rt = rt();
    option(entity.retention.as_ref().map(|retention| match retention {
        Retention::Expires { column, days } => {
            let column = text(&entity.column(*column).name);
            quote!(#rt::schema::Retention::Expires { column: #column, days: #days })
        }
        Retention::With { column } => {
            let column = text(&entity.column(*column).name);
            quote!(#rt::schema::Retention::With { column: #column })
        }
    }))
}

fn visibility_literal(visible: &Visible) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema);
    match visible {
        Visible::Tenant => quote!(#s::Visibility::Tenant),
        Visible::All => quote!(#s::Visibility::All),
        Visible::None => quote!(#s::Visibility::None),
        Visible::Rows(sql) => {
            let sql = text(sql);
            quote!(#s::Visibility::Rows(#sql))
        }
    }
}

fn column_literal(column: &Column) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema);
    let name = text(&column.name);
    let field = text(column.field.to_string());
    let sql_type = tokens::sql_type(column.sql_type);
    let nullable = column.nullable;
    let default = option(column.default.as_ref().map(default_literal));
    let client_default = option(column.client_default.map(tokens::client_default));
    let audit = option(column.audit.map(tokens::audit));
    let cross_tenant = column.cross_tenant;
    let string_enum = option(column.is_string_enum().then(|| {
        let ty = &column.value_ty;
        let name = text(quote!(<#ty as #rt::StringEnumColumn>::NAME));
        let values = text(quote!(<#ty as #rt::StringEnumColumn>::IR_VALUES));
        quote!(#s::EnumInfo { name: #name, values: #values })
    }));
    let generated = option(column.generated.as_ref().map(text));
    let insert_values = option(
        column
            .insert_as
            .as_ref()
            .map(|narrower| text(quote!(<#narrower as #rt::StringEnumColumn>::IR_VALUES))),
    );
    let mysql_type = option(column.mysql.sql_type.as_ref().map(text));
    let mysql_default = option(column.mysql.default.as_ref().map(default_literal));
    let mysql_generated = option(column.mysql.generated.as_ref().map(text));
    quote! {
        #s::Column {
            name: #name,
            field: #field,
            sql_type: #sql_type,
            nullable: #nullable,
            default: #default,
            client_default: #client_default,
            audit: #audit,
            string_enum: #string_enum,
            cross_tenant: #cross_tenant,
            insert_values: #insert_values,
            generated: #generated,
            mysql: #s::MysqlColumn {
                sql_type: #mysql_type,
                default: #mysql_default,
                generated: #mysql_generated,
            },
        }
    }
}

fn default_literal(default: &Default) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema);
    match default {
        Default::Str(value) => {
            let value = text(value);
            quote!(#s::Default::Str(#value))
        }
        Default::Int(value) => quote!(#s::Default::Int(#value)),
        Default::Decimal(value) => {
            let value = text(value);
            quote!(#s::Default::Decimal(#value))
        }
        Default::Bool(value) => quote!(#s::Default::Bool(#value)),
        Default::Sql(value) => {
            let value = text(value);
            quote!(#s::Default::Sql(#value))
        }
        Default::Sequence { name, owned } => {
            let name = text(name);
            quote!(#s::Default::Sequence { name: #name, owned: #owned })
        }
        Default::Function(function) => {
            let function = tokens::server_function(*function);
            quote!(#s::Default::Function(#function))
        }
    }
}
