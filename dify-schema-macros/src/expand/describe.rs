//! `impl Entity`: the static description of the table that the runtime
//! renders into DDL, diffs into migrations and checks against a database.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{form_needs_lifetime, in_changes_form, in_insert_form};
use crate::ir::{
    Audit, Capability, ClientDefault, Column, Default, Entity, IndexMethod, Ownership,
    ServerFunction, SoftDelete, SqlType, Visible,
};

pub fn entity_impl(entity: &Entity) -> TokenStream {
    let ident = &entity.ident;
    let insert_ident = &entity.insert_ident;
    let changes_ident = &entity.changes_ident;
    let table = table_literal(entity);
    let table_name = entity.table.value();
    let key_columns: Vec<_> = entity
        .primary_key
        .columns
        .iter()
        .map(|index| entity.column(*index))
        .collect();
    let key_types = key_columns.iter().map(|column| &column.ty);
    let key_fields = key_columns.iter().map(|column| &column.field);
    let (key, key_value) = if key_columns.len() == 1 {
        let ty = &key_columns[0].ty;
        let field = &key_columns[0].field;
        (
            quote!(#ty),
            quote!(::core::clone::Clone::clone(&self.#field)),
        )
    } else {
        (
            quote!((#(#key_types),*)),
            quote!((#(::core::clone::Clone::clone(&self.#key_fields)),*)),
        )
    };
    let insert_lifetime = form_needs_lifetime(entity, in_insert_form).then(|| quote!(<'t>));
    let changes_lifetime = form_needs_lifetime(entity, in_changes_form).then(|| quote!(<'t>));
    let reference = if entity.ownership_is_tenant() {
        quote!(::dify_schema::Id<'t, Self>)
    } else {
        quote!(::dify_schema::types::Uuid)
    };
    let tenant_owned = entity
        .ownership_is_tenant()
        .then(|| quote!(impl ::dify_schema::entity::TenantOwned for #ident {}));
    quote! {
        impl ::dify_schema::Entity for #ident {
            const TABLE: &'static ::dify_schema::schema::Table = &#table;
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

fn table_literal(entity: &Entity) -> TokenStream {
    let s = quote!(::dify_schema::schema);
    let name = entity.table.value();
    let entity_name = entity.ident.to_string();
    let columns = entity.columns.iter().map(column_literal);
    let key_name = &entity.primary_key.name;
    let key_columns = entity
        .primary_key
        .columns
        .iter()
        .map(|index| &entity.column(*index).name);
    let indexes = entity.indexes.iter().map(|index| {
        let name = &index.name;
        let columns = index.columns.iter().map(|(column, descending)| {
            let column = &entity.column(*column).name;
            let column = text(column);
            quote!(#s::IndexColumn { name: #column, descending: #descending })
        });
        let unique = index.unique;
        let method = match index.method {
            IndexMethod::Gin => quote!(#s::IndexMethod::Gin),
            IndexMethod::Btree => quote!(#s::IndexMethod::Btree),
        };
        let predicate = option(index.predicate.as_ref().map(text));
        let name = text(name);
        let columns = list(columns);
        quote! {
            #s::Index {
                name: #name,
                columns: #columns,
                unique: #unique,
                method: #method,
                predicate: #predicate,
            }
        }
    });
    let uniques = entity.unique_constraints.iter().map(|unique| {
        let name = &unique.name;
        let columns = unique
            .columns
            .iter()
            .map(|index| text(&entity.column(*index).name));
        let name = text(name);
        let columns = list(columns);
        quote!(#s::UniqueConstraint { name: #name, columns: #columns })
    });
    let relations = entity.columns.iter().filter_map(|column| {
        let relation = column.relation.as_ref()?;
        let name = &column.name;
        let parent = &relation.parent;
        let parent_entity = parent
            .segments
            .last()
            .map(|segment| segment.ident.to_string());
        let foreign_key = option(relation.foreign_key.as_ref().map(text));
        let on_delete = option(relation.on_delete.map(text));
        let name = text(name);
        let parent_table = text(quote!(<#parent as ::dify_schema::Entity>::TABLE_NAME));
        let parent_entity = text(parent_entity.unwrap_or_default());
        Some(quote! {
            #s::Relation {
                column: #name,
                parent_table: #parent_table,
                parent_entity: #parent_entity,
                foreign_key: #foreign_key,
                on_delete: #on_delete,
            }
        })
    });
    let ownership = match entity.ownership {
        Ownership::Tenant { column } => {
            let column = text(&entity.column(column).name);
            quote!(#s::Ownership::Tenant { column: #column })
        }
        Ownership::Via { column, .. } => {
            let column = entity.column(column);
            let name = &column.name;
            let parent = &column
                .relation
                .as_ref()
                .expect("validated: via has a relation")
                .parent;
            let name = text(name);
            let parent_table = text(quote!(<#parent as ::dify_schema::Entity>::TABLE_NAME));
            quote!(#s::Ownership::Via {
                column: #name,
                parent_table: #parent_table,
            })
        }
        Ownership::Global => quote!(#s::Ownership::Global),
    };
    let soft_delete = option(
        entity
            .soft_delete
            .as_ref()
            .map(|soft_delete| match soft_delete {
                SoftDelete::Flag(index) => {
                    let name = text(&entity.column(*index).name);
                    quote!(#s::SoftDelete::Flag(#name))
                }
                SoftDelete::Timestamp(index) => {
                    let name = text(&entity.column(*index).name);
                    quote!(#s::SoftDelete::Timestamp(#name))
                }
            }),
    );
    let capability = |capability: Capability| match capability {
        Capability::Member => quote!(#s::Capability::Member),
        Capability::DatasetEditing => quote!(#s::Capability::DatasetEditing),
        Capability::Editing => quote!(#s::Capability::Editing),
        Capability::Privileged => quote!(#s::Capability::Privileged),
        Capability::Owner => quote!(#s::Capability::Owner),
    };
    let write_capability = capability(entity.write);
    // `None`: the same as `write`, as the declaration says it.
    let create_capability =
        option((entity.create != entity.write).then(|| capability(entity.create)));
    let visibility = match &entity.visibility {
        Visible::Tenant => quote!(#s::Visibility::Tenant),
        Visible::All => quote!(#s::Visibility::All),
        Visible::None => quote!(#s::Visibility::None),
        Visible::Rows(sql) => {
            let sql = text(sql);
            quote!(#s::Visibility::Rows(#sql))
        }
    };
    let name = text(name);
    let entity_name = text(entity_name);
    let columns = list(columns);
    let key_name = text(key_name);
    let key_columns = list(key_columns.map(text));
    let indexes = list(indexes);
    let uniques = list(uniques);
    let relations = list(relations);
    quote! {
        #s::Table {
            name: #name,
            entity: #entity_name,
            columns: #columns,
            primary_key: #s::PrimaryKey { name: #key_name, columns: #key_columns },
            indexes: #indexes,
            unique_constraints: #uniques,
            relations: #relations,
            ownership: #ownership,
            soft_delete: #soft_delete,
            write_capability: #write_capability,
            create_capability: #create_capability,
            visibility: #visibility,
        }
    }
}

fn column_literal(column: &Column) -> TokenStream {
    let s = quote!(::dify_schema::schema);
    let name = &column.name;
    let field = column.field.to_string();
    let sql_type = sql_type_literal(column.sql_type);
    let nullable = column.nullable;
    let default = option(column.default.as_ref().map(|default| match default {
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
            let function = match function {
                ServerFunction::UuidGenerateV4 => quote!(UuidGenerateV4),
                ServerFunction::GenRandomUuid => quote!(GenRandomUuid),
                ServerFunction::UuidV7 => quote!(UuidV7),
                ServerFunction::CurrentTimestamp(None) => quote!(CurrentTimestamp(None)),
                ServerFunction::CurrentTimestamp(Some(p)) => {
                    quote!(CurrentTimestamp(Some(#p)))
                }
                ServerFunction::Now => quote!(Now),
            };
            quote!(#s::Default::Function(#s::ServerFunction::#function))
        }
    }));
    let client_default = option(
        column
            .client_default
            .map(|client_default| match client_default {
                ClientDefault::Uuid4 => quote!(#s::ClientDefault::Uuid4),
                ClientDefault::Uuid7 => quote!(#s::ClientDefault::Uuid7),
                ClientDefault::Now => quote!(#s::ClientDefault::Now),
            }),
    );
    let audit = option(column.audit.map(|audit| match audit {
        Audit::CreatedBy => quote!(#s::Audit::CreatedBy),
        Audit::UpdatedBy => quote!(#s::Audit::UpdatedBy),
        Audit::CreatedAt => quote!(#s::Audit::CreatedAt),
        Audit::UpdatedAt => quote!(#s::Audit::UpdatedAt),
    }));
    let cross_tenant = column.cross_tenant;
    let string_enum = option(column.is_string_enum().then(|| {
        let ty = &column.value_ty;
        let name = text(quote!(<#ty as ::dify_schema::__private::StringEnumColumn>::NAME));
        let values = quote!(::dify_schema::__private::Cow::Borrowed(
            <#ty as ::dify_schema::__private::StringEnumColumn>::IR_VALUES
        ));
        quote!(#s::EnumInfo { name: #name, values: #values })
    }));
    let generated = option(column.generated.as_ref().map(text));
    let insert_values = option(column.insert_as.as_ref().map(|narrower| {
        quote!(::dify_schema::__private::Cow::Borrowed(
            <#narrower as ::dify_schema::__private::StringEnumColumn>::IR_VALUES
        ))
    }));
    let name = text(name);
    let field = text(field);
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
        }
    }
}

fn sql_type_literal(sql_type: SqlType) -> TokenStream {
    let s = quote!(::dify_schema::schema::SqlType);
    match sql_type {
        SqlType::Uuid => quote!(#s::Uuid),
        SqlType::Varchar(Some(n)) => quote!(#s::Varchar(Some(#n))),
        SqlType::Varchar(None) => quote!(#s::Varchar(None)),
        SqlType::Text => quote!(#s::Text),
        SqlType::Json => quote!(#s::Json),
        SqlType::Jsonb => quote!(#s::Jsonb),
        SqlType::Timestamp => quote!(#s::Timestamp),
        SqlType::Timestamptz => quote!(#s::Timestamptz),
        SqlType::Integer => quote!(#s::Integer),
        SqlType::BigInt => quote!(#s::BigInt),
        SqlType::Boolean => quote!(#s::Boolean),
        SqlType::Float => quote!(#s::Float),
        SqlType::Numeric(Some((p, scale))) => quote!(#s::Numeric(Some((#p, #scale)))),
        SqlType::Numeric(None) => quote!(#s::Numeric(None)),
        SqlType::Bytea => quote!(#s::Bytea),
    }
}

/// A `Text` of the IR (`Cow<'static, str>`) borrowed from a constant.
fn text(value: impl quote::ToTokens) -> TokenStream {
    quote!(::dify_schema::__private::Cow::Borrowed(#value))
}

/// A `List` of the IR (`Cow<'static, [T]>`) borrowed from a constant array.
fn list(items: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let items = items.into_iter();
    quote!(::dify_schema::__private::Cow::Borrowed(&[#(#items),*]))
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}
