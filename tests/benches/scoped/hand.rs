//! The baselines: the same queries written by hand, once in Diesel's DSL
//! (tables declared here with `diesel::table!`, not taken from the models)
//! and once as prepared statements of the plain `postgres` crate. Both
//! decode every column into the same row structs, as the models do.

use std::error::Error as StdError;

use bigdecimal::num_bigint::{BigInt, Sign};
use bigdecimal::BigDecimal;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text, Uuid as SqlUuid};
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
use serde_json::Value as Json;
use uuid::Uuid;

pub mod schema {
    diesel::table! {
        apps (id) {
            id -> Uuid,
            tenant_id -> Uuid,
            name -> Varchar,
            description -> Text,
            mode -> Varchar,
            icon_type -> Nullable<Varchar>,
            icon -> Nullable<Varchar>,
            icon_background -> Nullable<Varchar>,
            app_model_config_id -> Nullable<Uuid>,
            workflow_id -> Nullable<Uuid>,
            status -> Varchar,
            enable_site -> Bool,
            enable_api -> Bool,
            api_rpm -> Integer,
            api_rph -> Integer,
            is_demo -> Bool,
            is_public -> Bool,
            is_universal -> Bool,
            tracing -> Nullable<Text>,
            max_active_requests -> Nullable<Integer>,
            created_by -> Nullable<Uuid>,
            created_at -> Timestamp,
            updated_by -> Nullable<Uuid>,
            updated_at -> Timestamp,
            use_icon_as_answer_icon -> Bool,
        }
    }

    diesel::table! {
        conversations (id) {
            id -> Uuid,
            app_id -> Uuid,
            app_model_config_id -> Nullable<Uuid>,
            model_provider -> Nullable<Varchar>,
            override_model_configs -> Nullable<Text>,
            model_id -> Nullable<Varchar>,
            mode -> Varchar,
            name -> Varchar,
            summary -> Nullable<Text>,
            inputs -> Json,
            introduction -> Nullable<Text>,
            system_instruction -> Nullable<Text>,
            system_instruction_tokens -> Integer,
            status -> Varchar,
            invoke_from -> Nullable<Varchar>,
            from_source -> Varchar,
            from_end_user_id -> Nullable<Uuid>,
            from_account_id -> Nullable<Uuid>,
            read_at -> Nullable<Timestamp>,
            read_account_id -> Nullable<Uuid>,
            dialogue_count -> Integer,
            created_at -> Timestamp,
            updated_at -> Timestamp,
            is_deleted -> Bool,
        }
    }

    diesel::table! {
        messages (id) {
            id -> Uuid,
            app_id -> Uuid,
            model_provider -> Nullable<Varchar>,
            model_id -> Nullable<Varchar>,
            override_model_configs -> Nullable<Text>,
            conversation_id -> Uuid,
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
            parent_message_id -> Nullable<Uuid>,
            provider_response_latency -> Double,
            total_price -> Nullable<Numeric>,
            currency -> Varchar,
            status -> Varchar,
            error -> Nullable<Text>,
            message_metadata -> Nullable<Text>,
            invoke_from -> Nullable<Varchar>,
            from_source -> Varchar,
            from_end_user_id -> Nullable<Uuid>,
            from_account_id -> Nullable<Uuid>,
            created_at -> Timestamp,
            updated_at -> Timestamp,
            agent_based -> Bool,
            workflow_run_id -> Nullable<Uuid>,
            app_mode -> Nullable<Varchar>,
        }
    }

    diesel::table! {
        document_segments (id) {
            id -> Uuid,
            tenant_id -> Uuid,
            dataset_id -> Uuid,
            document_id -> Uuid,
            position -> Integer,
            content -> Text,
            answer -> Nullable<Text>,
            word_count -> Integer,
            tokens -> Integer,
            keywords -> Nullable<Json>,
            index_node_id -> Nullable<Varchar>,
            index_node_hash -> Nullable<Varchar>,
            hit_count -> Integer,
            enabled -> Bool,
            disabled_at -> Nullable<Timestamp>,
            disabled_by -> Nullable<Uuid>,
            status -> Varchar,
            created_by -> Uuid,
            created_at -> Timestamp,
            updated_by -> Nullable<Uuid>,
            updated_at -> Timestamp,
            indexing_at -> Nullable<Timestamp>,
            completed_at -> Nullable<Timestamp>,
            error -> Nullable<Text>,
            stopped_at -> Nullable<Timestamp>,
        }
    }

    diesel::joinable!(messages -> conversations (conversation_id));
    diesel::joinable!(conversations -> apps (app_id));
    diesel::allow_tables_to_appear_in_same_query!(apps, conversations, messages);
}

use schema::{apps, conversations, document_segments, messages};

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct AppRow {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub description: String,
    pub mode: String,
    pub icon_type: Option<String>,
    pub icon: Option<String>,
    pub icon_background: Option<String>,
    pub app_model_config_id: Option<Uuid>,
    pub workflow_id: Option<Uuid>,
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
    pub created_by: Option<Uuid>,
    pub created_at: NaiveDateTime,
    pub updated_by: Option<Uuid>,
    pub updated_at: NaiveDateTime,
    pub use_icon_as_answer_icon: bool,
}

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct ConversationRow {
    pub id: Uuid,
    pub app_id: Uuid,
    pub app_model_config_id: Option<Uuid>,
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
    pub from_end_user_id: Option<Uuid>,
    pub from_account_id: Option<Uuid>,
    pub read_at: Option<NaiveDateTime>,
    pub read_account_id: Option<Uuid>,
    pub dialogue_count: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub is_deleted: bool,
}

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct MessageRow {
    pub id: Uuid,
    pub app_id: Uuid,
    pub model_provider: Option<String>,
    pub model_id: Option<String>,
    pub override_model_configs: Option<String>,
    pub conversation_id: Uuid,
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
    pub parent_message_id: Option<Uuid>,
    pub provider_response_latency: f64,
    pub total_price: Option<BigDecimal>,
    pub currency: String,
    pub status: String,
    pub error: Option<String>,
    pub message_metadata: Option<String>,
    pub invoke_from: Option<String>,
    pub from_source: String,
    pub from_end_user_id: Option<Uuid>,
    pub from_account_id: Option<Uuid>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub agent_based: bool,
    pub workflow_run_id: Option<Uuid>,
    pub app_mode: Option<String>,
}

// Every column is decoded, as the models decode it; not every one is read.
#[allow(dead_code)]
#[derive(Debug, Queryable)]
pub struct SegmentRow {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub dataset_id: Uuid,
    pub document_id: Uuid,
    pub position: i32,
    pub content: String,
    pub answer: Option<String>,
    pub word_count: i32,
    pub tokens: i32,
    pub keywords: Option<Json>,
    pub index_node_id: Option<String>,
    pub index_node_hash: Option<String>,
    pub hit_count: i32,
    pub enabled: bool,
    pub disabled_at: Option<NaiveDateTime>,
    pub disabled_by: Option<Uuid>,
    pub status: String,
    pub created_by: Uuid,
    pub created_at: NaiveDateTime,
    pub updated_by: Option<Uuid>,
    pub updated_at: NaiveDateTime,
    pub indexing_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    pub error: Option<String>,
    pub stopped_at: Option<NaiveDateTime>,
}

/// The columns the scoped insert of a message sends (the rest are server
/// defaults), with the same values as `forms::new_message`.
#[derive(Insertable)]
#[diesel(table_name = messages)]
pub struct NewMessageRow<'a> {
    pub app_id: Uuid,
    pub model_provider: Option<&'a str>,
    pub model_id: Option<&'a str>,
    pub override_model_configs: Option<&'a str>,
    pub conversation_id: Uuid,
    pub inputs: Json,
    pub query: &'a str,
    pub message: Json,
    pub message_tokens: Option<i32>,
    pub message_unit_price: BigDecimal,
    pub answer: &'a str,
    pub answer_tokens: Option<i32>,
    pub answer_unit_price: BigDecimal,
    pub parent_message_id: Option<Uuid>,
    pub provider_response_latency: Option<f64>,
    pub total_price: Option<BigDecimal>,
    pub currency: &'a str,
    pub error: Option<&'a str>,
    pub message_metadata: Option<&'a str>,
    pub invoke_from: Option<&'a str>,
    pub from_source: &'a str,
    pub from_end_user_id: Option<Uuid>,
    pub from_account_id: Option<Uuid>,
    pub workflow_run_id: Option<Uuid>,
    pub app_mode: Option<&'a str>,
}

impl<'a> NewMessageRow<'a> {
    pub fn sample(app: Uuid, conversation: Uuid, query: &'a str) -> Self {
        NewMessageRow {
            app_id: app,
            model_provider: Some("openai"),
            model_id: Some("gpt-4o-mini"),
            override_model_configs: None,
            conversation_id: conversation,
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

/// The columns the scoped insert of a segment sends.
#[derive(Insertable, Clone)]
#[diesel(table_name = document_segments)]
pub struct NewSegmentRow<'a> {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub dataset_id: Uuid,
    pub document_id: Uuid,
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
    pub disabled_by: Option<Uuid>,
    pub created_by: Uuid,
    pub updated_by: Option<Uuid>,
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
            id: Uuid::new_v4(),
            tenant_id: tenant,
            dataset_id: dataset,
            document_id: document,
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
            created_by: account,
            updated_by: Some(account),
            indexing_at: None,
            completed_at: None,
            error: None,
            stopped_at: None,
        }
    }
}

/// The statement a scope sends when it is entered (BEGIN comes first), so
/// the "Diesel in a transaction" baseline pays the same round trips.
pub const ENTER_SQL: &str = "SELECT (SELECT j.role::text FROM tenant_account_joins j \
                 WHERE j.tenant_id = s.tenant AND j.account_id = $2) AS role \
         FROM (SELECT set_config('app.tenant_id', $1::text, true)::uuid AS tenant OFFSET 0) s";

#[derive(QueryableByName)]
pub struct Membership {
    #[diesel(sql_type = Nullable<Text>)]
    pub role: Option<String>,
}

/// What `with_tenant` does before the closure runs, by hand.
pub fn enter(conn: &mut PgConnection, tenant: Uuid, account: Uuid) -> QueryResult<Membership> {
    diesel::sql_query(ENTER_SQL)
        .bind::<SqlUuid, _>(tenant)
        .bind::<SqlUuid, _>(account)
        .get_result(conn)
}

// ---- hand-written Diesel: the same statements the accessors send ----

/// `lookup::<App>`: by id and tenant.
pub fn diesel_find_app(
    conn: &mut PgConnection,
    tenant: Uuid,
    id: Uuid,
) -> QueryResult<Option<AppRow>> {
    apps::table
        .filter(apps::id.eq(id))
        .filter(apps::tenant_id.eq(tenant))
        .first(conn)
        .optional()
}

/// `lookup::<Message>`: by id, through the owning app's tenant.
pub fn diesel_find_message(
    conn: &mut PgConnection,
    tenant: Uuid,
    id: Uuid,
) -> QueryResult<Option<MessageRow>> {
    messages::table
        .filter(messages::id.eq(id))
        .filter(
            messages::app_id.eq_any(
                apps::table
                    .filter(apps::tenant_id.eq(tenant))
                    .select(apps::id),
            ),
        )
        .first(conn)
        .optional()
}

/// `lookup::<Conversation>`: by id, through the app, not soft-deleted.
pub fn diesel_find_conversation(
    conn: &mut PgConnection,
    tenant: Uuid,
    id: Uuid,
) -> QueryResult<Option<ConversationRow>> {
    conversations::table
        .filter(conversations::id.eq(id))
        .filter(
            conversations::app_id.eq_any(
                apps::table
                    .filter(apps::tenant_id.eq(tenant))
                    .select(apps::id),
            ),
        )
        .filter(conversations::is_deleted.eq(false))
        .first(conn)
        .optional()
}

/// `children::<Conversation, _>(app, Page::first(20))`.
pub fn diesel_app_conversations(
    conn: &mut PgConnection,
    app: Uuid,
    limit: i64,
) -> QueryResult<Vec<ConversationRow>> {
    conversations::table
        .filter(conversations::app_id.eq(app))
        .filter(conversations::is_deleted.eq(false))
        .order((conversations::created_at, conversations::id))
        .limit(limit)
        .offset(0)
        .load(conn)
}

/// `children::<Message, _>(app, Page::after(cursor, 20))`.
pub fn diesel_app_messages_after(
    conn: &mut PgConnection,
    app: Uuid,
    created_at: NaiveDateTime,
    id: Uuid,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .filter(messages::app_id.eq(app))
        .filter(
            messages::created_at
                .gt(created_at)
                .or(messages::created_at.eq(created_at).and(messages::id.gt(id))),
        )
        .order((messages::created_at, messages::id))
        .limit(limit)
        .offset(0)
        .load(conn)
}

pub fn diesel_insert_message(
    conn: &mut PgConnection,
    new: &NewMessageRow<'_>,
) -> QueryResult<MessageRow> {
    diesel::insert_into(messages::table)
        .values(new)
        .get_result(conn)
}

pub fn diesel_insert_segment(
    conn: &mut PgConnection,
    new: &NewSegmentRow<'_>,
) -> QueryResult<SegmentRow> {
    diesel::insert_into(document_segments::table)
        .values(new)
        .get_result(conn)
}

/// A multi-row INSERT (no RETURNING), the usual "batch" in Diesel.
pub fn diesel_insert_segments(
    conn: &mut PgConnection,
    rows: &[NewSegmentRow<'_>],
) -> QueryResult<usize> {
    diesel::insert_into(document_segments::table)
        .values(rows)
        .execute(conn)
}

/// The join the scoped API has no accessor for: a tenant's latest
/// messages with their conversation's and app's names.
pub fn diesel_join(
    conn: &mut PgConnection,
    tenant: Uuid,
    limit: i64,
) -> QueryResult<Vec<(Uuid, String, String, String)>> {
    messages::table
        .inner_join(conversations::table.inner_join(apps::table))
        .filter(apps::tenant_id.eq(tenant))
        .order((messages::created_at, messages::id))
        .limit(limit)
        .select((
            messages::id,
            messages::query,
            conversations::name,
            apps::name,
        ))
        .load(conn)
}

// ---- the postgres crate: prepared statements, decoded by hand ----

/// SQL text of the postgres-crate baselines: the accessors' statements
/// (`= ANY(SELECT ...)` for the via chain), written by hand.
pub mod sql {
    pub const FIND_APP: &str = "SELECT * FROM apps WHERE id = $1 AND tenant_id = $2 LIMIT $3";
    pub const FIND_MESSAGE: &str = "SELECT * FROM messages WHERE id = $1 \
         AND app_id = ANY(SELECT apps.id FROM apps WHERE apps.tenant_id = $2) LIMIT $3";
    pub const FIND_CONVERSATION: &str = "SELECT * FROM conversations WHERE id = $1 \
         AND app_id = ANY(SELECT apps.id FROM apps WHERE apps.tenant_id = $2) \
         AND is_deleted = $3 LIMIT $4";
    pub const APP_CONVERSATIONS: &str = "SELECT * FROM conversations \
         WHERE app_id = $1 AND is_deleted = $2 ORDER BY created_at, id LIMIT $3 OFFSET $4";
    pub const APP_MESSAGES_AFTER: &str = "SELECT * FROM messages WHERE app_id = $1 \
         AND (created_at > $2 OR (created_at = $3 AND id > $4)) \
         ORDER BY created_at, id LIMIT $5 OFFSET $6";
    pub const INSERT_MESSAGE: &str = "INSERT INTO messages (app_id, model_provider, model_id, \
         conversation_id, inputs, query, message, message_tokens, message_unit_price, answer, \
         answer_tokens, answer_unit_price, provider_response_latency, currency, from_source) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *";
    pub const JOIN: &str = "SELECT messages.id, messages.query, conversations.name, apps.name \
         FROM messages JOIN conversations ON conversations.id = messages.conversation_id \
         JOIN apps ON apps.id = conversations.app_id WHERE apps.tenant_id = $1 \
         ORDER BY messages.created_at, messages.id LIMIT $2";
    pub const COPY_SEGMENTS: &str = "COPY document_segments (id, tenant_id, dataset_id, \
         document_id, position, content, word_count, tokens, hit_count, created_by, updated_by) \
         FROM STDIN";
}

/// A `numeric` decoded into the same `BigDecimal` Diesel and the models
/// use (the postgres crate has no bigdecimal support of its own).
#[derive(Debug)]
pub struct Num(pub BigDecimal);

impl<'a> FromSql<'a> for Num {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn StdError + Sync + Send>> {
        let word = |i: usize| -> Result<u16, Box<dyn StdError + Sync + Send>> {
            Ok(u16::from_be_bytes(
                raw.get(i..i + 2).ok_or("short numeric")?.try_into()?,
            ))
        };
        let ndigits = word(0)? as usize;
        let weight = word(2)? as i16 as i64;
        let sign = word(4)?;
        let dscale = word(6)? as i64;
        if sign == 0xC000 {
            return Err("NaN numeric".into());
        }
        let mut int = BigInt::from(0u8);
        for i in 0..ndigits {
            int = int * 10_000u32 + word(8 + 2 * i)?;
        }
        if sign == 0x4000 {
            int = -int;
        }
        let exponent = 4 * (weight - ndigits as i64 + 1);
        Ok(Num(BigDecimal::new(int, -exponent).with_scale(dscale)))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

impl ToSql for Num {
    fn to_sql(
        &self,
        _: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        let (mut int, mut scale) = self.0.as_bigint_and_exponent();
        if scale < 0 {
            int *= BigInt::from(10u8).pow((-scale) as u32);
            scale = 0;
        }
        let negative = int.sign() == Sign::Minus;
        let mut text = int.magnitude().to_string();
        let pad = (4 - scale % 4) % 4;
        text.extend(std::iter::repeat_n('0', pad as usize));
        let fraction_groups = (scale + pad) / 4;
        let lead = (4 - text.len() % 4) % 4;
        let text = "0".repeat(lead) + &text;
        let mut groups: Vec<u16> = text
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap().parse().unwrap())
            .collect();
        let mut weight = groups.len() as i64 - fraction_groups - 1;
        while groups.first() == Some(&0) {
            groups.remove(0);
            weight -= 1;
        }
        while groups.last() == Some(&0) {
            groups.pop();
        }
        if groups.is_empty() {
            weight = 0;
        }
        out.extend_from_slice(&(groups.len() as u16).to_be_bytes());
        out.extend_from_slice(&(weight as i16).to_be_bytes());
        out.extend_from_slice(&(if negative { 0x4000u16 } else { 0 }).to_be_bytes());
        out.extend_from_slice(&(scale as u16).to_be_bytes());
        for group in groups {
            out.extend_from_slice(&group.to_be_bytes());
        }
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }

    to_sql_checked!();
}

pub fn pg_app(row: &postgres::Row) -> AppRow {
    AppRow {
        id: row.get(0),
        tenant_id: row.get(1),
        name: row.get(2),
        description: row.get(3),
        mode: row.get(4),
        icon_type: row.get(5),
        icon: row.get(6),
        icon_background: row.get(7),
        app_model_config_id: row.get(8),
        workflow_id: row.get(9),
        status: row.get(10),
        enable_site: row.get(11),
        enable_api: row.get(12),
        api_rpm: row.get(13),
        api_rph: row.get(14),
        is_demo: row.get(15),
        is_public: row.get(16),
        is_universal: row.get(17),
        tracing: row.get(18),
        max_active_requests: row.get(19),
        created_by: row.get(20),
        created_at: row.get(21),
        updated_by: row.get(22),
        updated_at: row.get(23),
        use_icon_as_answer_icon: row.get(24),
    }
}

pub fn pg_conversation(row: &postgres::Row) -> ConversationRow {
    ConversationRow {
        id: row.get(0),
        app_id: row.get(1),
        app_model_config_id: row.get(2),
        model_provider: row.get(3),
        override_model_configs: row.get(4),
        model_id: row.get(5),
        mode: row.get(6),
        name: row.get(7),
        summary: row.get(8),
        inputs: row.get(9),
        introduction: row.get(10),
        system_instruction: row.get(11),
        system_instruction_tokens: row.get(12),
        status: row.get(13),
        invoke_from: row.get(14),
        from_source: row.get(15),
        from_end_user_id: row.get(16),
        from_account_id: row.get(17),
        read_at: row.get(18),
        read_account_id: row.get(19),
        dialogue_count: row.get(20),
        created_at: row.get(21),
        updated_at: row.get(22),
        is_deleted: row.get(23),
    }
}

pub fn pg_message(row: &postgres::Row) -> MessageRow {
    let num = |i: usize| row.get::<_, Num>(i).0;
    MessageRow {
        id: row.get(0),
        app_id: row.get(1),
        model_provider: row.get(2),
        model_id: row.get(3),
        override_model_configs: row.get(4),
        conversation_id: row.get(5),
        inputs: row.get(6),
        query: row.get(7),
        message: row.get(8),
        message_tokens: row.get(9),
        message_unit_price: num(10),
        message_price_unit: num(11),
        answer: row.get(12),
        answer_tokens: row.get(13),
        answer_unit_price: num(14),
        answer_price_unit: num(15),
        parent_message_id: row.get(16),
        provider_response_latency: row.get(17),
        total_price: row.get::<_, Option<Num>>(18).map(|n| n.0),
        currency: row.get(19),
        status: row.get(20),
        error: row.get(21),
        message_metadata: row.get(22),
        invoke_from: row.get(23),
        from_source: row.get(24),
        from_end_user_id: row.get(25),
        from_account_id: row.get(26),
        created_at: row.get(27),
        updated_at: row.get(28),
        agent_based: row.get(29),
        workflow_run_id: row.get(30),
        app_mode: row.get(31),
    }
}

/// Prepared statements of one `postgres::Client`.
pub struct Prepared {
    pub find_app: postgres::Statement,
    pub find_message: postgres::Statement,
    pub find_conversation: postgres::Statement,
    pub app_conversations: postgres::Statement,
    pub app_messages_after: postgres::Statement,
    pub insert_message: postgres::Statement,
    pub join: postgres::Statement,
}

impl Prepared {
    pub fn new(client: &mut postgres::Client) -> Result<Prepared, postgres::Error> {
        Ok(Prepared {
            find_app: client.prepare(sql::FIND_APP)?,
            find_message: client.prepare(sql::FIND_MESSAGE)?,
            find_conversation: client.prepare(sql::FIND_CONVERSATION)?,
            app_conversations: client.prepare(sql::APP_CONVERSATIONS)?,
            app_messages_after: client.prepare(sql::APP_MESSAGES_AFTER)?,
            insert_message: client.prepare(sql::INSERT_MESSAGE)?,
            join: client.prepare(sql::JOIN)?,
        })
    }
}

type PgResult<T> = Result<T, postgres::Error>;

pub fn pg_find_app(
    client: &mut impl postgres::GenericClient,
    q: &Prepared,
    tenant: Uuid,
    id: Uuid,
) -> PgResult<Option<AppRow>> {
    let row = client.query_opt(&q.find_app, &[&id, &tenant, &1i64])?;
    Ok(row.as_ref().map(pg_app))
}

pub fn pg_find_message(
    client: &mut impl postgres::GenericClient,
    q: &Prepared,
    tenant: Uuid,
    id: Uuid,
) -> PgResult<Option<MessageRow>> {
    let row = client.query_opt(&q.find_message, &[&id, &tenant, &1i64])?;
    Ok(row.as_ref().map(pg_message))
}

pub fn pg_find_conversation(
    client: &mut impl postgres::GenericClient,
    q: &Prepared,
    tenant: Uuid,
    id: Uuid,
) -> PgResult<Option<ConversationRow>> {
    let row = client.query_opt(&q.find_conversation, &[&id, &tenant, &false, &1i64])?;
    Ok(row.as_ref().map(pg_conversation))
}

pub fn pg_app_conversations(
    client: &mut impl postgres::GenericClient,
    q: &Prepared,
    app: Uuid,
    limit: i64,
) -> PgResult<Vec<ConversationRow>> {
    let rows = client.query(&q.app_conversations, &[&app, &false, &limit, &0i64])?;
    Ok(rows.iter().map(pg_conversation).collect())
}

pub fn pg_app_messages_after(
    client: &mut impl postgres::GenericClient,
    q: &Prepared,
    app: Uuid,
    created_at: NaiveDateTime,
    id: Uuid,
    limit: i64,
) -> PgResult<Vec<MessageRow>> {
    let rows = client.query(
        &q.app_messages_after,
        &[&app, &created_at, &created_at, &id, &limit, &0i64],
    )?;
    Ok(rows.iter().map(pg_message).collect())
}

/// The postgres-crate insert of the same message as `NewMessageRow::sample`.
pub fn pg_insert_message(
    client: &mut impl postgres::GenericClient,
    statement: &postgres::Statement,
    app: Uuid,
    conversation: Uuid,
    query: &str,
) -> Result<MessageRow, postgres::Error> {
    let inputs = serde_json::json!({});
    let message = serde_json::json!([{"role": "user", "text": query}]);
    let message_price = Num(BigDecimal::from(1) / BigDecimal::from(1000));
    let answer_price = Num(BigDecimal::from(2) / BigDecimal::from(1000));
    let row = client.query_one(
        statement,
        &[
            &app,
            &"openai",
            &"gpt-4o-mini",
            &conversation,
            &inputs,
            &query,
            &message,
            &12i32,
            &message_price,
            &super::ANSWER,
            &96i32,
            &answer_price,
            &0.8f64,
            &"USD",
            &"api",
        ],
    )?;
    Ok(pg_message(&row))
}
