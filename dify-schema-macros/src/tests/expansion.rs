//! Snapshots of whole `#[entity]` and `#[derive(StringEnum)]` expansions.
//!
//! Read a snapshot as the code the compiler sees: the row struct as
//! declared, the insert and update forms, the `table!` inside a
//! crate-private module, then one `const _` block with `impl Entity`, the
//! Diesel impls, `impl Persist`, the joins and the compile-time checks.

use quote::quote;

use super::{expand, pretty};

/// A scoped entity's snapshot name: with the `async` feature (which the
/// workspace's build turns on for every crate, through dify-schema's
/// `async`) the expansion holds the async accessors too, in a snapshot of
/// its own, so both builds have one to be checked against.
fn scoped(name: &str) -> String {
    if cfg!(feature = "async") {
        format!("{name}_async")
    } else {
        name.to_owned()
    }
}

/// `owner = tenant`: the tenant comes from the scope, so neither `NewApp`
/// nor `AppChanges` has a `tenant_id`.
#[test]
fn tenant_owned_app() {
    let output = expand(
        quote!(
            table = "apps",
            owner = tenant,
            primary_key_name = "app_pkey"
        ),
        quote! {
            #[index(name = "app_tenant_id_idx", columns(tenant_id, created_at desc))]
            #[derive(Debug, Clone, PartialEq)]
            pub struct App {
                #[column(uuid, primary_key, default = uuid_generate_v4())]
                pub id: Uuid,
                #[column(uuid, references = Tenant)]
                pub tenant_id: Uuid,
                /// The name shown in the console.
                #[column(varchar(255))]
                pub name: String,
                #[column(varchar(255))]
                pub mode: AppMode,
                #[column(varchar(255), default = "normal")]
                pub status: String,
                #[column(json, default = "{}")]
                pub features: Json,
                #[column(text)]
                pub tracing: Option<String>,
                #[column(integer, default = 0)]
                pub api_rpm: i32,
                #[column(uuid, audit = created_by)]
                pub created_by: Option<Uuid>,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
                pub created_at: NaiveDateTime,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
                pub updated_at: NaiveDateTime,
            }
        },
    );
    insta::assert_snapshot!(scoped("tenant_owned_app"), output);
}

/// `owner = via(app_id)`: the row belongs to the tenant of its app, so it
/// has no tenant column; the parent must be tenant-owned (a const check).
#[test]
fn via_owned_conversation() {
    let output = expand(
        quote!(
            table = "conversations",
            owner = via(app_id),
            primary_key_name = "conversation_pkey",
            soft_delete = is_deleted,
            write = member
        ),
        quote! {
            #[index(name = "conversation_app_from_user_idx", columns(app_id, from_source, from_end_user_id))]
            #[index(name = "conversation_unread_idx", columns(app_id), where = "read_at IS NULL", mysql = "whole")]
            #[derive(Debug, Clone, PartialEq)]
            pub struct Conversation {
                #[column(uuid, primary_key, client_default = uuid7)]
                pub id: Uuid,
                #[column(uuid, references = App)]
                pub app_id: Uuid,
                #[column(varchar(255))]
                pub mode: AppMode,
                #[column(varchar(255))]
                pub name: String,
                #[column(json)]
                pub inputs: Json,
                #[column(varchar(255))]
                pub from_source: ConversationFromSource,
                #[column(uuid, references = EndUser)]
                pub from_end_user_id: Option<Uuid>,
                #[column(timestamp)]
                pub read_at: Option<NaiveDateTime>,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
                pub created_at: NaiveDateTime,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
                pub updated_at: NaiveDateTime,
                #[column(boolean, default = false)]
                pub is_deleted: bool,
            }
        },
    );
    insta::assert_snapshot!(scoped("via_owned_conversation"), output);
}

/// `owner = global`: no tenant anywhere, no `TenantOwned`.
#[test]
fn global_account() {
    let output = expand(
        quote!(
            table = "accounts",
            owner = global,
            visible = all,
            primary_key_name = "account_pkey"
        ),
        quote! {
            #[index(name = "account_email_idx", columns(email))]
            #[unique(name = "account_email_key", columns(email))]
            #[derive(Debug, Clone, PartialEq)]
            pub struct Account {
                #[column(uuid, primary_key, client_default = uuid4)]
                pub id: Uuid,
                #[column(varchar(255))]
                pub name: String,
                #[column(varchar(255))]
                pub email: String,
                #[column(varchar(255))]
                pub password: Option<String>,
                #[column(timestamp)]
                pub last_login_at: Option<NaiveDateTime>,
                #[column(varchar(16), default = "active")]
                pub status: AccountStatus,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
                pub created_at: NaiveDateTime,
                #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
                pub updated_at: NaiveDateTime,
            }
        },
    );
    insta::assert_snapshot!(output);
}

/// The less common shapes in one entity: a renamed raw-identifier column, a
/// NOT NULL `created_by` (the insert needs an actor), a self-relation
/// (kept in the description, never joined), a named foreign key, a
/// numeric column, a nullable soft-delete timestamp and renamed forms.
#[test]
fn message_with_renames_and_relations() {
    let output = expand(
        quote!(
            table = "messages",
            owner = via(app_id),
            soft_delete = deleted_at,
            insert = MessageDraft,
            changes = MessagePatch
        ),
        quote! {
            pub struct Message {
                #[column(uuid, primary_key, default = gen_random_uuid())]
                pub id: Uuid,
                #[column(uuid, references = App, join = false)]
                pub app_id: Uuid,
                #[column(uuid, references = Conversation, foreign_key = "messages_conversation_id_fkey")]
                pub conversation_id: Uuid,
                #[column(uuid, references = Message)]
                pub parent_message_id: Option<Uuid>,
                #[column(varchar(40), name = "type")]
                pub r#type: String,
                #[column(numeric(10, 7), default = 0.001)]
                pub price_unit: BigDecimal,
                #[column(uuid, audit = created_by)]
                pub created_by: Uuid,
                #[column(timestamp)]
                pub deleted_at: Option<NaiveDateTime>,
            }
        },
    );
    insta::assert_snapshot!(scoped("message_with_renames_and_relations"), output);
}

/// A declaration with mistakes expands to the struct as written (so its
/// uses do not fail too) and one `compile_error!` per mistake.
#[test]
fn mistakes_expand_to_fallback_struct_and_errors() {
    let output = expand(
        quote!(table = "apps", owner = tenant),
        quote! {
            #[derive(Debug)]
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid)]
                pub tenant_id: Uuid,
                #[column(varchar)]
                pub name: String,
                #[column(integer)]
                pub api_rpm: String,
            }
        },
    );
    insta::assert_snapshot!(output);
}

#[test]
fn string_enum() {
    let tokens = crate::string_enum::derive(quote! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
        pub enum AppMode {
            Completion,
            Workflow,
            Chat,
            #[value = "advanced-chat"]
            AdvancedChat,
            #[value = "agent-chat"]
            AgentChat,
        }
    })
    .expect("a valid string enum");
    insta::assert_snapshot!(pretty(tokens));
}
