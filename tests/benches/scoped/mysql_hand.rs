//! The MariaDB baselines: the statements the MySQL scopes send, written by
//! hand in Diesel's DSL on the same connection type
//! (`dify_schema::mysql::MysqlConnection`), on tables declared here with
//! `diesel::table!` as a Diesel user declares Dify's MySQL schema: uuids
//! are `char(36)` text (a newtype binds and parses them), timestamps
//! Diesel's own `Datetime`, json `Json`. The tenant predicate is written
//! by hand in every query (`tenant_id = ?`, or `app_id IN (SELECT apps.id
//! FROM apps WHERE apps.tenant_id = ?)`), as the scopes render it. Every
//! statement is left to Diesel's default statement cache.

use bigdecimal::BigDecimal;
use chrono::NaiveDateTime;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::mysql::{Mysql, MysqlValue};
use diesel::prelude::*;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{Datetime, Nullable, Text};
use dify_schema::mysql::MysqlConnection;
use serde_json::Value as Json;
use std::io::Write as _;
use uuid::Uuid;

/// A uuid in a `char(36)` column: hyphenated lower-case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub struct U36(pub Uuid);

impl ToSql<Text, Mysql> for U36 {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Mysql>) -> serialize::Result {
        let mut text = Uuid::encode_buffer();
        out.write_all(self.0.hyphenated().encode_lower(&mut text).as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<Text, Mysql> for U36 {
    fn from_sql(value: MysqlValue<'_>) -> deserialize::Result<Self> {
        Ok(U36(Uuid::try_parse_ascii(value.as_bytes())?))
    }
}

pub mod schema {
    diesel::table! {
        use diesel::sql_types::*;

        apps (id) {
            id -> Text,
            tenant_id -> Text,
            name -> Text,
            description -> Text,
            mode -> Text,
            icon_type -> Nullable<Text>,
            icon -> Nullable<Text>,
            icon_background -> Nullable<Text>,
            app_model_config_id -> Nullable<Text>,
            workflow_id -> Nullable<Text>,
            status -> Text,
            enable_site -> Bool,
            enable_api -> Bool,
            api_rpm -> Integer,
            api_rph -> Integer,
            is_demo -> Bool,
            is_public -> Bool,
            is_universal -> Bool,
            tracing -> Nullable<Text>,
            max_active_requests -> Nullable<Integer>,
            created_by -> Nullable<Text>,
            created_at -> Datetime,
            updated_by -> Nullable<Text>,
            updated_at -> Datetime,
            use_icon_as_answer_icon -> Bool,
            maintainer -> Nullable<Text>,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        conversations (id) {
            id -> Text,
            app_id -> Text,
            app_model_config_id -> Nullable<Text>,
            model_provider -> Nullable<Text>,
            override_model_configs -> Nullable<Text>,
            model_id -> Nullable<Text>,
            mode -> Text,
            name -> Text,
            summary -> Nullable<Text>,
            inputs -> Json,
            introduction -> Nullable<Text>,
            system_instruction -> Nullable<Text>,
            system_instruction_tokens -> Integer,
            status -> Text,
            invoke_from -> Nullable<Text>,
            from_source -> Text,
            from_end_user_id -> Nullable<Text>,
            from_account_id -> Nullable<Text>,
            read_at -> Nullable<Datetime>,
            read_account_id -> Nullable<Text>,
            dialogue_count -> Integer,
            created_at -> Datetime,
            updated_at -> Datetime,
            is_deleted -> Bool,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        messages (id) {
            id -> Text,
            app_id -> Text,
            model_provider -> Nullable<Text>,
            model_id -> Nullable<Text>,
            override_model_configs -> Nullable<Text>,
            conversation_id -> Text,
            inputs -> Json,
            query -> Text,
            message -> Json,
            message_tokens -> Integer,
            message_unit_price -> Numeric,
            message_price_unit -> Numeric,
            answer -> Text,
            answer_tokens -> Integer,
            answer_unit_price -> Numeric,
            answer_price_unit -> Numeric,
            parent_message_id -> Nullable<Text>,
            provider_response_latency -> Double,
            total_price -> Nullable<Numeric>,
            currency -> Text,
            status -> Text,
            error -> Nullable<Text>,
            message_metadata -> Nullable<Text>,
            invoke_from -> Nullable<Text>,
            from_source -> Text,
            from_end_user_id -> Nullable<Text>,
            from_account_id -> Nullable<Text>,
            created_at -> Datetime,
            updated_at -> Datetime,
            agent_based -> Bool,
            workflow_run_id -> Nullable<Text>,
            app_mode -> Nullable<Text>,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        document_segments (id) {
            id -> Text,
            tenant_id -> Text,
            dataset_id -> Text,
            document_id -> Text,
            position -> Integer,
            content -> Text,
            answer -> Nullable<Text>,
            word_count -> Integer,
            tokens -> Integer,
            keywords -> Nullable<Json>,
            index_node_id -> Nullable<Text>,
            index_node_hash -> Nullable<Text>,
            hit_count -> Integer,
            enabled -> Bool,
            disabled_at -> Nullable<Datetime>,
            disabled_by -> Nullable<Text>,
            status -> Text,
            created_by -> Text,
            created_at -> Datetime,
            updated_by -> Nullable<Text>,
            updated_at -> Datetime,
            indexing_at -> Nullable<Datetime>,
            completed_at -> Nullable<Datetime>,
            error -> Nullable<Text>,
            stopped_at -> Nullable<Datetime>,
        }
    }

    diesel::allow_tables_to_appear_in_same_query!(apps, conversations, messages);
}

use schema::{apps, conversations, document_segments, messages};

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct AppRow {
    pub id: U36,
    pub tenant_id: U36,
    pub name: String,
    pub description: String,
    pub mode: String,
    pub icon_type: Option<String>,
    pub icon: Option<String>,
    pub icon_background: Option<String>,
    pub app_model_config_id: Option<U36>,
    pub workflow_id: Option<U36>,
    pub status: String,
    pub enable_site: bool,
    pub enable_api: bool,
    pub api_rpm: i32,
    pub api_rph: i32,
    pub is_demo: bool,
    pub is_public: bool,
    pub is_universal: bool,
    pub tracing: Option<String>,
    pub max_active_requests: Option<i32>,
    pub created_by: Option<U36>,
    pub created_at: NaiveDateTime,
    pub updated_by: Option<U36>,
    pub updated_at: NaiveDateTime,
    pub use_icon_as_answer_icon: bool,
    pub maintainer: Option<U36>,
}

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct ConversationRow {
    pub id: U36,
    pub app_id: U36,
    pub app_model_config_id: Option<U36>,
    pub model_provider: Option<String>,
    pub override_model_configs: Option<String>,
    pub model_id: Option<String>,
    pub mode: String,
    pub name: String,
    pub summary: Option<String>,
    pub inputs: Json,
    pub introduction: Option<String>,
    pub system_instruction: Option<String>,
    pub system_instruction_tokens: i32,
    pub status: String,
    pub invoke_from: Option<String>,
    pub from_source: String,
    pub from_end_user_id: Option<U36>,
    pub from_account_id: Option<U36>,
    pub read_at: Option<NaiveDateTime>,
    pub read_account_id: Option<U36>,
    pub dialogue_count: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub is_deleted: bool,
}

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct MessageRow {
    pub id: U36,
    pub app_id: U36,
    pub model_provider: Option<String>,
    pub model_id: Option<String>,
    pub override_model_configs: Option<String>,
    pub conversation_id: U36,
    pub inputs: Json,
    pub query: String,
    pub message: Json,
    pub message_tokens: i32,
    pub message_unit_price: BigDecimal,
    pub message_price_unit: BigDecimal,
    pub answer: String,
    pub answer_tokens: i32,
    pub answer_unit_price: BigDecimal,
    pub answer_price_unit: BigDecimal,
    pub parent_message_id: Option<U36>,
    pub provider_response_latency: f64,
    pub total_price: Option<BigDecimal>,
    pub currency: String,
    pub status: String,
    pub error: Option<String>,
    pub message_metadata: Option<String>,
    pub invoke_from: Option<String>,
    pub from_source: String,
    pub from_end_user_id: Option<U36>,
    pub from_account_id: Option<U36>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub agent_based: bool,
    pub workflow_run_id: Option<U36>,
    pub app_mode: Option<String>,
}

/// A message as the scoped insert writes it (`forms::new_message`): the
/// id made by the client, as Dify does on MySQL; Diesel writes `DEFAULT`
/// for each `None`.
#[derive(Insertable)]
#[diesel(table_name = messages)]
pub struct NewMessageRow<'a> {
    pub id: U36,
    pub app_id: U36,
    pub model_provider: Option<&'a str>,
    pub model_id: Option<&'a str>,
    pub override_model_configs: Option<&'a str>,
    pub conversation_id: U36,
    pub inputs: Json,
    pub query: &'a str,
    pub message: Json,
    pub message_tokens: Option<i32>,
    pub message_unit_price: BigDecimal,
    pub answer: &'a str,
    pub answer_tokens: Option<i32>,
    pub answer_unit_price: BigDecimal,
    pub parent_message_id: Option<U36>,
    pub provider_response_latency: Option<f64>,
    pub total_price: Option<BigDecimal>,
    pub currency: &'a str,
    pub error: Option<&'a str>,
    pub message_metadata: Option<&'a str>,
    pub invoke_from: Option<&'a str>,
    pub from_source: &'a str,
    pub from_end_user_id: Option<U36>,
    pub from_account_id: Option<U36>,
    pub workflow_run_id: Option<U36>,
    pub app_mode: Option<&'a str>,
}

impl<'a> NewMessageRow<'a> {
    pub fn sample(app: Uuid, conversation: Uuid, query: &'a str) -> Self {
        NewMessageRow {
            id: U36(Uuid::new_v4()),
            app_id: U36(app),
            model_provider: Some("openai"),
            model_id: Some("gpt-4o-mini"),
            override_model_configs: None,
            conversation_id: U36(conversation),
            inputs: serde_json::json!({}),
            query,
            message: serde_json::json!([{"role": "user", "text": query}]),
            message_tokens: Some(12),
            message_unit_price: BigDecimal::from(1) / BigDecimal::from(1000),
            answer: super::ANSWER,
            answer_tokens: Some(96),
            answer_unit_price: BigDecimal::from(2) / BigDecimal::from(1000),
            parent_message_id: None,
            provider_response_latency: Some(0.8),
            total_price: None,
            currency: "USD",
            error: None,
            message_metadata: None,
            invoke_from: None,
            from_source: "api",
            from_end_user_id: None,
            from_account_id: None,
            workflow_run_id: None,
            app_mode: None,
        }
    }
}

/// A segment as the scoped insert writes it (`forms::new_segment`), with
/// the audit columns the scope fills.
#[derive(Insertable, Clone)]
#[diesel(table_name = document_segments)]
pub struct NewSegmentRow<'a> {
    pub id: U36,
    pub tenant_id: U36,
    pub dataset_id: U36,
    pub document_id: U36,
    pub position: i32,
    pub content: &'a str,
    pub answer: Option<&'a str>,
    pub word_count: i32,
    pub tokens: i32,
    pub keywords: Option<Json>,
    pub index_node_id: Option<&'a str>,
    pub index_node_hash: Option<&'a str>,
    pub hit_count: i32,
    pub disabled_at: Option<NaiveDateTime>,
    pub disabled_by: Option<U36>,
    pub created_by: U36,
    pub updated_by: Option<U36>,
    pub indexing_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    pub error: Option<&'a str>,
    pub stopped_at: Option<NaiveDateTime>,
}

impl NewSegmentRow<'static> {
    pub fn sample(
        tenant: Uuid,
        dataset: Uuid,
        document: Uuid,
        account: Uuid,
        position: i32,
    ) -> Self {
        NewSegmentRow {
            id: U36(Uuid::new_v4()),
            tenant_id: U36(tenant),
            dataset_id: U36(dataset),
            document_id: U36(document),
            position,
            content: super::SEGMENT_CONTENT,
            answer: None,
            word_count: 64,
            tokens: 80,
            keywords: None,
            index_node_id: None,
            index_node_hash: None,
            hit_count: 0,
            disabled_at: None,
            disabled_by: None,
            created_by: U36(account),
            updated_by: Some(U36(account)),
            indexing_at: None,
            completed_at: None,
            error: None,
            stopped_at: None,
        }
    }
}

/// The statement a MySQL scope sends after `BEGIN` (the member's role and
/// the clock), sent the same way (`sql_query`, text binds).
pub const ENTER_SQL: &str = "SELECT (SELECT j.role FROM tenant_account_joins j \
     WHERE j.tenant_id = ? AND j.account_id = ?) AS role, \
     CAST(UTC_TIMESTAMP() AS DATETIME) AS clock";

#[derive(QueryableByName)]
pub struct Entry {
    #[diesel(sql_type = Nullable<Text>)]
    pub role: Option<String>,
    #[diesel(sql_type = Datetime)]
    pub clock: NaiveDateTime,
}

/// What `with_tenant` does on MySQL before `BEGIN` and after it, by hand:
/// the session's time zone, then (in the transaction) the role and clock.
pub fn set_time_zone(conn: &mut MysqlConnection) -> QueryResult<()> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute("SET time_zone = '+00:00'")
}

pub fn enter(conn: &mut MysqlConnection, tenant: Uuid, account: Uuid) -> QueryResult<Entry> {
    diesel::sql_query(ENTER_SQL)
        .bind::<Text, _>(tenant.hyphenated().to_string())
        .bind::<Text, _>(account.hyphenated().to_string())
        .get_result(conn)
}

/// `apps.id` of the tenant's apps, for `app_id IN (...)`.
macro_rules! tenant_apps {
    ($tenant:expr) => {
        apps::table
            .filter(apps::tenant_id.eq(U36($tenant)))
            .select(apps::id)
    };
}

/// `lookup::<App>`: by id and tenant.
pub fn find_app(conn: &mut MysqlConnection, tenant: Uuid, id: Uuid) -> QueryResult<Option<AppRow>> {
    apps::table
        .filter(apps::id.eq(U36(id)))
        .filter(apps::tenant_id.eq(U36(tenant)))
        .first(conn)
        .optional()
}

/// `lookup::<Message>`: by id, through the owning app's tenant.
pub fn find_message(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    id: Uuid,
) -> QueryResult<Option<MessageRow>> {
    messages::table
        .filter(messages::id.eq(U36(id)))
        .filter(messages::app_id.eq_any(tenant_apps!(tenant)))
        .first(conn)
        .optional()
}

/// `lookup::<Conversation>`: by id, through the app, not soft-deleted.
pub fn find_conversation(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    id: Uuid,
) -> QueryResult<Option<ConversationRow>> {
    conversations::table
        .filter(conversations::id.eq(U36(id)))
        .filter(conversations::app_id.eq_any(tenant_apps!(tenant)))
        .filter(conversations::is_deleted.eq(false))
        .first(conn)
        .optional()
}

/// `lookup_many::<Message>(ids)`.
pub fn find_messages(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    ids: &[Uuid],
) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .filter(messages::id.eq_any(ids.iter().map(|id| U36(*id))))
        .filter(messages::app_id.eq_any(tenant_apps!(tenant)))
        .load(conn)
}

/// `children::<Conversation, _>(app, Page::first(20))`.
pub fn app_conversations(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    app: Uuid,
    limit: i64,
) -> QueryResult<Vec<ConversationRow>> {
    conversations::table
        .filter(conversations::app_id.eq(U36(app)))
        .filter(conversations::app_id.eq_any(tenant_apps!(tenant)))
        .filter(conversations::is_deleted.eq(false))
        .order((conversations::created_at, conversations::id))
        .limit(limit)
        .offset(0)
        .load(conn)
}

/// `children::<Message, _>(app, Page::after(cursor, 20))`, the cursor
/// written out as one writes it by hand in Diesel's DSL (which has no row
/// comparison).
pub fn app_messages_after(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    app: Uuid,
    created_at: NaiveDateTime,
    id: Uuid,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .filter(messages::app_id.eq(U36(app)))
        .filter(messages::app_id.eq_any(tenant_apps!(tenant)))
        .filter(
            messages::created_at.gt(created_at).or(messages::created_at
                .eq(created_at)
                .and(messages::id.gt(U36(id)))),
        )
        .order((messages::created_at, messages::id))
        .limit(limit)
        .offset(0)
        .load(conn)
}

/// `count::<Conversation>()`.
pub fn count_conversations(conn: &mut MysqlConnection, tenant: Uuid) -> QueryResult<i64> {
    conversations::table
        .filter(conversations::app_id.eq_any(tenant_apps!(tenant)))
        .filter(conversations::is_deleted.eq(false))
        .count()
        .get_result(conn)
}

/// An insert as Diesel writes it on MySQL (no `RETURNING`).
pub fn insert_message(conn: &mut MysqlConnection, new: &NewMessageRow<'_>) -> QueryResult<usize> {
    diesel::insert_into(messages::table)
        .values(new)
        .execute(conn)
}

/// The insert and the read of the row it wrote, by its key: what the
/// scoped insert does on MySQL to return the row.
pub fn insert_message_read_back(
    conn: &mut MysqlConnection,
    new: &NewMessageRow<'_>,
) -> QueryResult<MessageRow> {
    insert_message(conn, new)?;
    messages::table.find(new.id).first(conn)
}

/// `update(message, MessageChanges { answer_tokens, .. })` without the
/// read-back: the tenant predicate, the set column and `updated_at`.
pub fn update_message(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    id: Uuid,
    answer_tokens: i32,
) -> QueryResult<usize> {
    diesel::update(
        messages::table
            .filter(messages::id.eq(U36(id)))
            .filter(messages::app_id.eq_any(tenant_apps!(tenant))),
    )
    .set((
        messages::answer_tokens.eq(answer_tokens),
        messages::updated_at.eq(diesel::dsl::sql::<Datetime>("CURRENT_TIMESTAMP")),
    ))
    .execute(conn)
}

/// The update, then the row as it now is (what the scoped update returns).
pub fn update_message_read_back(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    id: Uuid,
    answer_tokens: i32,
) -> QueryResult<Option<MessageRow>> {
    update_message(conn, tenant, id, answer_tokens)?;
    find_message(conn, tenant, id)
}

pub fn insert_segment(conn: &mut MysqlConnection, new: &NewSegmentRow<'_>) -> QueryResult<usize> {
    diesel::insert_into(document_segments::table)
        .values(new)
        .execute(conn)
}

/// A multi-row INSERT, the usual "batch" in Diesel.
pub fn insert_segments(
    conn: &mut MysqlConnection,
    rows: &[NewSegmentRow<'_>],
) -> QueryResult<usize> {
    diesel::insert_into(document_segments::table)
        .values(rows)
        .execute(conn)
}
