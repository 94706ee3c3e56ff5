//! Look-alike workspaces: the same names, apps, conversations and
//! documents in each, so a query that loses its tenant predicate returns
//! the other workspace's rows and a test sees it; and the builders the
//! domain flows share (a workspace with a member of every role).

use diesel::connection::SimpleConnection;
use diesel::PgConnection;
use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_models::members::create_workspace_owner;
use dify_models::SCHEMA;
use dify_schema::dialect::{Dialect, DialectConnection};
use dify_schema::persist::Persist;
use dify_schema::render::postgres;
use dify_schema::system::{bypass_tenant_isolation, SystemAccess};
use dify_schema::types::{BigDecimal, Uuid};
use dify_schema::StringEnum;
use dify_tests::TestDatabase;
use serde_json::json;

use crate::samples;

/// The raw ids of one seeded workspace.
#[derive(Debug, Clone, Copy)]
pub struct Workspace {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub editor: Uuid,
    pub normal: Uuid,
    pub dataset_operator: Uuid,
    pub app: Uuid,
    pub conversation: Uuid,
    pub message: Uuid,
    pub dataset: Uuid,
    pub document: Uuid,
    pub segment: Uuid,
    pub join: Uuid,
}

thread_local! {
    /// Set by [`on_databases_dify_created`]: fixtures then start from a
    /// database Dify's migrations created, adopted and migrated.
    static DIFY_CREATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every [`database_with_schema`] in it made the way a user's
/// database is: restored from Dify's own schema, adopted, migrated.
pub fn on_databases_dify_created<T>(f: impl FnOnce() -> T) -> T {
    DIFY_CREATED.with(|flag| flag.set(true));
    let out = f();
    DIFY_CREATED.with(|flag| flag.set(false));
    out
}

/// A database Dify created, adopted into the project's migrations and
/// migrated (row-level security on top).
pub fn adopted_database() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::dify_created();
    let mut conn = db.connect();
    let set = dify_models::migrations();
    dify_schema::migrate::adopt(&mut conn, &set).expect("Dify's database is adopted");
    dify_schema::migrate::Runner::new(&mut conn, &set)
        .run_pending(|_| {})
        .expect("the project's own migrations apply");
    (db, conn)
}

/// A fresh database with the schema applied.
pub fn database_with_schema() -> (TestDatabase, PgConnection) {
    if DIFY_CREATED.with(std::cell::Cell::get) {
        return adopted_database();
    }
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    (db, conn)
}

/// Two workspaces with identical contents.
pub fn two_workspaces<Conn: DialectConnection>(conn: &mut Conn) -> (Workspace, Workspace)
where
    Tenant: Persist<Conn::Dialect>,
    Account: Persist<Conn::Dialect>,
    TenantAccountJoin: Persist<Conn::Dialect>,
    App: Persist<Conn::Dialect>,
    Conversation: Persist<Conn::Dialect>,
    Message: Persist<Conn::Dialect>,
    Dataset: Persist<Conn::Dialect>,
    Document: Persist<Conn::Dialect>,
    DocumentSegment: Persist<Conn::Dialect>,
{
    let mut system = bypass_tenant_isolation(conn, "test fixtures");
    (seed(&mut system), seed(&mut system))
}

/// A new account (accounts are global: one may belong to several workspaces).
pub fn account<D: Dialect>(system: &mut SystemAccess<'_, D>, name: &str) -> Uuid
where
    Account: Persist<D>,
{
    let account: Account = system
        .insert(
            None,
            None,
            NewAccount {
                id: None,
                name: name.into(),
                email: format!("{name}@example.com"),
                password: None,
                password_salt: None,
                avatar: None,
                interface_language: None,
                interface_theme: None,
                timezone: None,
                last_login_at: None,
                last_login_ip: None,
                last_active_at: None,
                status: None,
                initialized_at: None,
            },
        )
        .unwrap();
    account.id
}

/// Makes `account` a member of `tenant` with `role`; the join's id. The
/// owner is made as a workspace's first member is (the insert form has no
/// owner role).
pub fn member<D: Dialect>(
    system: &mut SystemAccess<'_, D>,
    tenant: Uuid,
    account: Uuid,
    role: TenantAccountRole,
) -> Uuid
where
    TenantAccountJoin: Persist<D>,
{
    let Ok(role) = InvitedRole::try_from(role) else {
        return create_workspace_owner(system, tenant, account).unwrap().id;
    };
    let join: TenantAccountJoin = system
        .insert(
            Some(tenant),
            None,
            NewTenantAccountJoin {
                last_opened_at: None,
                id: None,
                account_id: account,
                current: Some(true),
                role: Some(role),
                invited_by: None,
            },
        )
        .unwrap();
    join.id
}

/// A new workspace (tenant) with nothing in it.
pub fn tenant<D: Dialect>(system: &mut SystemAccess<'_, D>, name: &str) -> Uuid
where
    Tenant: Persist<D>,
{
    let tenant: Tenant = system
        .insert(
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
        )
        .unwrap();
    tenant.id
}

/// The accounts of a workspace with one member of each of Dify's roles.
#[derive(Debug, Clone, Copy)]
pub struct Team {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub admin: Uuid,
    pub editor: Uuid,
    pub normal: Uuid,
    pub dataset_operator: Uuid,
}

/// A workspace named `name` with an owner, an admin, an editor, a normal
/// member and a dataset operator.
pub fn team<Conn: DialectConnection>(conn: &mut Conn, name: &str) -> Team
where
    Tenant: Persist<Conn::Dialect>,
    Account: Persist<Conn::Dialect>,
    TenantAccountJoin: Persist<Conn::Dialect>,
{
    let mut system = bypass_tenant_isolation(conn, "test fixtures");
    let tenant = tenant(&mut system, name);
    let mut join = |role: TenantAccountRole| {
        let account = account(&mut system, &format!("{name}-{}", role.as_str()));
        member(&mut system, tenant, account, role);
        account
    };
    Team {
        tenant,
        owner: join(TenantAccountRole::Owner),
        admin: join(TenantAccountRole::Admin),
        editor: join(TenantAccountRole::Editor),
        normal: join(TenantAccountRole::Normal),
        dataset_operator: join(TenantAccountRole::DatasetOperator),
    }
}

/// One workspace: members of four roles, an app with a conversation and a
/// message, a dataset with a document and a segment.
pub fn seed<D: Dialect>(system: &mut SystemAccess<'_, D>) -> Workspace
where
    Tenant: Persist<D>,
    Account: Persist<D>,
    TenantAccountJoin: Persist<D>,
    App: Persist<D>,
    Conversation: Persist<D>,
    Message: Persist<D>,
    Dataset: Persist<D>,
    Document: Persist<D>,
    DocumentSegment: Persist<D>,
{
    let tenant: Tenant = system
        .insert(
            None,
            None,
            NewTenant {
                id: None,
                name: "Acme".into(),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )
        .unwrap();
    let owner = account(system, "owner");
    let editor = account(system, "editor");
    let normal = account(system, "normal");
    let dataset_operator = account(system, "operator");
    let join = member(system, tenant.id, owner, TenantAccountRole::Owner);
    member(system, tenant.id, editor, TenantAccountRole::Editor);
    member(system, tenant.id, normal, TenantAccountRole::Normal);
    member(
        system,
        tenant.id,
        dataset_operator,
        TenantAccountRole::DatasetOperator,
    );

    let app: App = system
        .insert(Some(tenant.id), Some(owner), new_app("Support bot"))
        .unwrap();
    let app_ref = system.trust::<App>(app.id);
    let conversation: Conversation = system
        .insert(None, None, new_conversation(app_ref, "Refund"))
        .unwrap();
    let conversation_ref = system.trust::<Conversation>(conversation.id);
    let message: Message = system
        .insert(
            None,
            None,
            new_message(app_ref, conversation_ref, "Where is my refund?"),
        )
        .unwrap();
    let dataset: Dataset = system
        .insert(Some(tenant.id), Some(owner), new_dataset("Handbook"))
        .unwrap();
    let dataset_ref = system.trust::<Dataset>(dataset.id);
    let document: Document = system
        .insert(
            Some(tenant.id),
            Some(owner),
            new_document(dataset_ref, "handbook.pdf"),
        )
        .unwrap();
    let document_ref = system.trust::<Document>(document.id);
    let segment: DocumentSegment = system
        .insert(
            Some(tenant.id),
            Some(owner),
            new_segment(dataset_ref, document_ref, "Refunds take five days."),
        )
        .unwrap();
    Workspace {
        tenant: tenant.id,
        owner,
        editor,
        normal,
        dataset_operator,
        app: app.id,
        conversation: conversation.id,
        message: message.id,
        dataset: dataset.id,
        document: document.id,
        segment: segment.id,
        join,
    }
}

pub fn new_app<'t>(name: &str) -> NewApp<'t> {
    NewApp {
        name: name.into(),
        mode: AppMode::AdvancedChat,
        enable_site: true,
        enable_api: true,
        ..samples::app()
    }
}

pub fn new_conversation<'t>(app: dify_schema::Id<'t, App>, name: &str) -> NewConversation<'t> {
    NewConversation {
        mode: AppMode::Chat,
        name: name.into(),
        dialogue_count: Some(0),
        ..samples::conversation(app)
    }
}

pub fn new_message<'t>(
    app: dify_schema::Id<'t, App>,
    conversation: dify_schema::Id<'t, Conversation>,
    query: &str,
) -> NewMessage<'t> {
    NewMessage {
        query: query.into(),
        message: json!([]),
        message_unit_price: BigDecimal::from(0),
        answer: "On its way.".into(),
        answer_unit_price: BigDecimal::from(0),
        currency: "USD".into(),
        from_source: "api".into(),
        ..samples::message(app, conversation)
    }
}

pub fn new_dataset<'t>(name: &str) -> NewDataset<'t> {
    NewDataset {
        name: name.into(),
        ..samples::dataset()
    }
}

pub fn new_document<'t>(dataset: dify_schema::Id<'t, Dataset>, name: &str) -> NewDocument<'t> {
    NewDocument {
        batch: "b1".into(),
        name: name.into(),
        ..samples::document(dataset)
    }
}

pub fn new_segment<'t>(
    dataset: dify_schema::Id<'t, Dataset>,
    document: dify_schema::Id<'t, Document>,
    content: &str,
) -> NewDocumentSegment<'t> {
    NewDocumentSegment {
        content: content.into(),
        word_count: 4,
        tokens: 6,
        hit_count: 0,
        ..samples::document_segment(dataset, document)
    }
}
