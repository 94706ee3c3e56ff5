//! Demo workspaces for the service (`--demo`) and its tests, made with the
//! sync API on a plain `PgConnection`: sign-up (a tenant, its owner and the
//! membership) through the system escape hatch, as Dify does it; the app,
//! a conversation and its messages inside a tenant scope, as the owner.

use diesel::PgConnection;
use dify_models::account::{Account, NewAccount, NewTenant, Tenant};
use dify_models::app::{App, AppMode, NewApp};
use dify_models::conversation::{
    Conversation, ConversationFromSource, ConversationStatus, InvokeFrom, Message, NewConversation,
    NewMessage,
};
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::{BigDecimal, Uuid};
use dify_schema::{with_tenant, Error, StringEnum};
use serde::Serialize;
use serde_json::json;

pub type SeedError = Box<dyn std::error::Error + Send + Sync>;

/// One demo workspace, as the service prints it with `--demo` (one JSON
/// object per line).
#[derive(Debug, Clone, Serialize)]
pub struct Seeded {
    pub tenant_id: Uuid,
    pub account_id: Uuid,
    pub app_id: Uuid,
    pub conversation_id: Uuid,
    pub workspace: String,
}

/// A new account belonging to no workspace; `email` must be unused.
pub fn account(conn: &mut PgConnection, name: &str, email: &str) -> Result<Uuid, SeedError> {
    let mut system = bypass_tenant_isolation(conn, "service demo: sign-up");
    let account: Account = system.insert(
        None,
        None,
        NewAccount {
            id: None,
            name: name.into(),
            email: email.into(),
            password: None,
            password_salt: None,
            avatar: None,
            interface_language: Some("en-US".into()),
            interface_theme: None,
            timezone: None,
            last_login_at: None,
            last_login_ip: None,
            last_active_at: None,
            status: None,
            initialized_at: None,
        },
    )?;
    Ok(account.id)
}

/// A workspace named `name` with its owner, an app, and one conversation
/// holding `messages` answered messages. Emails carry a random tag, so a
/// database may hold several demos.
pub fn workspace(
    conn: &mut PgConnection,
    name: &str,
    messages: usize,
) -> Result<Seeded, SeedError> {
    let tag = &Uuid::new_v4().simple().to_string()[..8];
    let owner = account(
        conn,
        &format!("{name} owner"),
        &format!("owner+{tag}@{}.example", name.to_lowercase()),
    )?;
    let tenant = {
        let mut system = bypass_tenant_isolation(conn, "service demo: a workspace");
        let tenant: Tenant = system.insert(
            None,
            None,
            NewTenant {
                id: None,
                name: name.into(),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )?;
        dify_models::members::create_workspace_owner(&mut system, tenant.id, owner)?;
        tenant.id
    };
    let app_id = with_tenant(conn, tenant, owner, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            maintainer: None,
            id: None,
            name: format!("{name} support bot"),
            description: Some("Answers questions about orders".into()),
            mode: AppMode::Chat,
            icon_type: None,
            icon: None,
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: true,
            enable_api: true,
            api_rpm: None,
            api_rph: None,
            is_demo: None,
            is_public: None,
            is_universal: None,
            tracing: None,
            max_active_requests: None,
            use_icon_as_answer_icon: None,
        })?;
        Ok::<_, Error>(app.id)
    })?;
    let conversation_id = conversation(
        conn,
        tenant,
        owner,
        app_id,
        "Where is my order?",
        &format!("{name} question"),
        messages,
    )?;
    Ok(Seeded {
        tenant_id: tenant,
        account_id: owner,
        app_id,
        conversation_id,
        workspace: name.into(),
    })
}

/// A conversation of app `app_id` started by `account`, holding `messages`
/// answered messages (`"<prefix> <n>"` and their answers).
pub fn conversation(
    conn: &mut PgConnection,
    tenant: Uuid,
    account: Uuid,
    app_id: Uuid,
    name: &str,
    prefix: &str,
    messages: usize,
) -> Result<Uuid, SeedError> {
    let id = with_tenant(conn, tenant, account, |scope| {
        let app = scope
            .lookup::<App>(app_id)?
            .ok_or(Error::InvalidQuery(format!(
                "no app {app_id} in this workspace"
            )))?;
        let conversation = scope.insert::<Conversation>(NewConversation {
            id: None,
            app_id: app.id(),
            app_model_config_id: None,
            model_provider: Some("stand-in".into()),
            override_model_configs: None,
            model_id: Some("echo".into()),
            mode: app.mode,
            name: name.into(),
            summary: None,
            inputs: json!({}),
            introduction: None,
            system_instruction: None,
            system_instruction_tokens: None,
            status: ConversationStatus::Normal,
            invoke_from: Some(InvokeFrom::ServiceApi),
            from_source: ConversationFromSource::Api,
            from_end_user_id: None,
            from_account_id: Some(account),
            read_at: None,
            read_account_id: None,
            dialogue_count: Some(messages as i32),
        })?;
        for n in 1..=messages {
            let query = format!("{prefix} {n}");
            scope.insert::<Message>(NewMessage {
                id: None,
                app_id: app.id(),
                model_provider: Some("stand-in".into()),
                model_id: Some("echo".into()),
                override_model_configs: None,
                conversation_id: conversation.id(),
                inputs: json!({}),
                query: query.clone(),
                message: json!([{"role": "user", "text": query}]),
                message_tokens: Some(3),
                message_unit_price: BigDecimal::from(0),
                message_price_unit: None,
                answer: format!("answer to {query}"),
                answer_tokens: Some(4),
                answer_unit_price: BigDecimal::from(0),
                answer_price_unit: None,
                parent_message_id: None,
                provider_response_latency: Some(0.1),
                total_price: None,
                currency: "USD".into(),
                status: None,
                error: None,
                message_metadata: None,
                invoke_from: Some("service-api".into()),
                from_source: "api".into(),
                from_end_user_id: None,
                from_account_id: Some(account),
                agent_based: None,
                workflow_run_id: None,
                app_mode: Some(app.mode.as_str().into()),
            })?;
        }
        Ok::<_, Error>(conversation.id)
    })?;
    Ok(id)
}
