//! The hand-written baseline: the example service's routes (examples/service)
//! written the way a competent developer writes them with sqlx, without
//! dify-schema: the same routes, headers, statuses, JSON answers, cursors
//! and server-sent events.
//!
//! Every request checks the caller's membership in `tenant_account_joins`
//! (the dify service enters a scope, whose entry reads the same row for the
//! role), then runs one statement per need, each with its workspace filter:
//! an app's by `tenant_id`, a conversation's through its app, a message's
//! through its conversation and that conversation's (checked) app. sqlx
//! prepares each statement once per connection (its text is a literal) and
//! runs it on a pool of `--pool-size` connections, in autocommit: a read
//! needs no transaction.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use bytes::Bytes;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::postgres::{PgPool, PgPoolOptions};
use uuid::Uuid;

#[derive(Clone)]
pub struct AppState {
    pool: PgPool,
    /// The pause between two chunks of a streamed answer (a model's pace).
    chunk_delay: Duration,
}

/// What `dify-load serve` runs: the sqlx service on `port` until killed.
pub async fn serve(
    database_url: &str,
    port: u16,
    pool_size: u32,
    chunk_delay: Duration,
) -> Result<(), String> {
    let pool = PgPoolOptions::new()
        .max_connections(pool_size)
        .min_connections(pool_size)
        .acquire_timeout(Duration::from_secs(30))
        .connect(database_url)
        .await
        .map_err(|error| format!("cannot connect to {database_url}: {error}"))?;
    let app = router(AppState { pool, chunk_delay });
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| format!("cannot listen on {addr}: {error}"))?;
    eprintln!("sqlx service listening on http://{addr} (pool of {pool_size})");
    axum::serve(listener, app)
        .await
        .map_err(|error| format!("server: {error}"))
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/apps", get(list_apps))
        .route("/apps/{app_id}/conversations", get(list_conversations))
        .route(
            "/conversations/{conversation_id}/messages",
            get(list_messages).post(post_message),
        )
        .fallback(no_route)
        .with_state(state)
}

// ---------------------------------------------------------------- errors

/// `{"error": ..., "kind": ...}` with a status, as the dify service answers.
pub struct ApiError {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    fn bad(kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, kind, message)
    }

    fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what} in this workspace"),
        )
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    error.to_string(),
                )
            }
            _ => {
                eprintln!("internal error: {error}");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({ "error": self.message, "kind": self.kind }));
        (self.status, body).into_response()
    }
}

async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such route")
}

type ApiResult<T> = Result<T, ApiError>;

// ---------------------------------------------------------------- the caller

/// The caller the headers name, once its membership is checked.
struct Member {
    tenant: Uuid,
    account: Uuid,
}

fn header_uuid(headers: &HeaderMap, name: &str) -> ApiResult<Uuid> {
    let value = headers
        .get(name)
        .ok_or_else(|| ApiError::bad("bad_header", format!("the {name} header is missing")))?;
    value
        .to_str()
        .ok()
        .and_then(|text| Uuid::parse_str(text.trim()).ok())
        .ok_or_else(|| ApiError::bad("bad_header", format!("the {name} header is not a uuid")))
}

fn parse_id(raw: &str, what: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(raw).map_err(|_| ApiError::bad("bad_id", format!("the {what} is not a uuid")))
}

/// The headers' caller, checked against `tenant_account_joins`: one
/// indexed read per request (the unique key `(tenant_id, account_id)`).
async fn member(pool: &PgPool, headers: &HeaderMap) -> ApiResult<Member> {
    let tenant = header_uuid(headers, "X-Tenant-Id")?;
    let account = header_uuid(headers, "X-Account-Id")?;
    let role: Option<String> = sqlx::query_scalar(
        "SELECT role FROM tenant_account_joins WHERE tenant_id = $1 AND account_id = $2",
    )
    .bind(tenant)
    .bind(account)
    .fetch_optional(pool)
    .await?;
    match role {
        Some(_) => Ok(Member { tenant, account }),
        None => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "not_member",
            format!("account {account} is not a member of workspace {tenant}"),
        )),
    }
}

// ---------------------------------------------------------------- paging

#[derive(Deserialize)]
pub struct PageQuery {
    limit: Option<String>,
    after: Option<String>,
}

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

/// The order key of a row, `(created_at, id)`: where a keyset page starts.
#[derive(Clone, Copy)]
struct Cursor {
    created_at: NaiveDateTime,
    id: Uuid,
}

/// The dify service's cursor: `<microseconds since 1970>.<uuid>`.
fn encode_cursor(cursor: &Cursor) -> String {
    format!(
        "{}.{}",
        cursor.created_at.and_utc().timestamp_micros(),
        cursor.id.simple()
    )
}

fn decode_cursor(text: &str) -> ApiResult<Cursor> {
    let bad = || ApiError::bad("bad_cursor", "after is not a cursor this service gave out");
    let (at, id) = text.split_once('.').ok_or_else(bad)?;
    let created_at = at
        .parse::<i64>()
        .ok()
        .and_then(chrono::DateTime::from_timestamp_micros)
        .ok_or_else(bad)?
        .naive_utc();
    let id = Uuid::parse_str(id).map_err(|_| bad())?;
    Ok(Cursor { created_at, id })
}

fn page_of(query: Result<Query<PageQuery>, QueryRejection>) -> ApiResult<(Option<Cursor>, i64)> {
    let Query(query) =
        query.map_err(|rejection| ApiError::bad("bad_query", rejection.body_text()))?;
    let limit = match query.limit.as_deref() {
        None => DEFAULT_LIMIT,
        Some(text) => match text.parse::<i64>() {
            Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => limit,
            _ => {
                return Err(ApiError::bad(
                    "bad_limit",
                    format!("limit is a whole number from 1 to {MAX_LIMIT}"),
                ))
            }
        },
    };
    let after = query.after.as_deref().map(decode_cursor).transpose()?;
    Ok((after, limit))
}

#[derive(Serialize)]
struct Listed<T> {
    data: Vec<T>,
    limit: i64,
    has_more: bool,
    next: Option<String>,
}

trait Keyed {
    fn cursor(&self) -> Cursor;
}

/// From `limit + 1` rows: whether the extra one came says whether there is
/// a next page.
fn listed<T: Keyed>(mut rows: Vec<T>, limit: i64) -> Listed<T> {
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if has_more {
        rows.last().map(|row| encode_cursor(&row.cursor()))
    } else {
        None
    };
    Listed {
        data: rows,
        limit,
        has_more,
        next,
    }
}

// ---------------------------------------------------------------- rows

#[derive(Serialize, sqlx::FromRow)]
struct AppOut {
    id: Uuid,
    name: String,
    mode: String,
    description: String,
    created_at: NaiveDateTime,
}

#[derive(Serialize, sqlx::FromRow)]
struct ConversationOut {
    id: Uuid,
    app_id: Uuid,
    name: String,
    status: String,
    dialogue_count: i32,
    created_at: NaiveDateTime,
}

#[derive(Serialize, sqlx::FromRow)]
struct MessageOut {
    id: Uuid,
    conversation_id: Uuid,
    query: String,
    answer: String,
    status: String,
    created_at: NaiveDateTime,
}

macro_rules! keyed {
    ($($row:ty),*) => {$(
        impl Keyed for $row {
            fn cursor(&self) -> Cursor {
                Cursor { created_at: self.created_at, id: self.id }
            }
        }
    )*};
}
keyed!(AppOut, ConversationOut, MessageOut);

// The columns each answer shows, spelled once for the statements below
// (`concat!` keeps each statement one literal, whose text sqlx finds its
// prepared statement by).
macro_rules! app_columns {
    () => {
        "id, name, mode, description, created_at"
    };
}
macro_rules! conversation_columns {
    () => {
        "id, app_id, name, status, dialogue_count, created_at"
    };
}
macro_rules! message_columns {
    () => {
        "id, conversation_id, query, answer, status, created_at"
    };
}

// ---------------------------------------------------------------- reads

/// `GET /apps?limit=&after=`
async fn list_apps(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Json<Listed<AppOut>>> {
    let (after, limit) = page_of(query)?;
    let me = member(&state.pool, &headers).await?;
    let rows: Vec<AppOut> = match after {
        None => {
            sqlx::query_as(concat!(
                "SELECT ",
                app_columns!(),
                " FROM apps WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2"
            ))
            .bind(me.tenant)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!(
                "SELECT ",
                app_columns!(),
                " FROM apps WHERE tenant_id = $1 AND (created_at, id) > ($2, $3) \
                 ORDER BY created_at, id LIMIT $4"
            ))
            .bind(me.tenant)
            .bind(after.created_at)
            .bind(after.id)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
    };
    Ok(Json(listed(rows, limit)))
}

/// `GET /apps/{app_id}/conversations?limit=&after=`
async fn list_conversations(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(app_id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Json<Listed<ConversationOut>>> {
    let app_id = parse_id(&app_id, "app id")?;
    let (after, limit) = page_of(query)?;
    let me = member(&state.pool, &headers).await?;
    let app: Option<Uuid> =
        sqlx::query_scalar("SELECT id FROM apps WHERE id = $1 AND tenant_id = $2")
            .bind(app_id)
            .bind(me.tenant)
            .fetch_optional(&state.pool)
            .await?;
    let app_id = app.ok_or_else(|| ApiError::not_found("app"))?;
    // `is_deleted IS false` is the predicate of Dify's partial index
    // `conversation_app_created_at_idx (app_id, created_at DESC)`.
    let rows: Vec<ConversationOut> = match after {
        None => {
            sqlx::query_as(concat!(
                "SELECT ",
                conversation_columns!(),
                " FROM conversations WHERE app_id = $1 AND is_deleted IS false \
                 ORDER BY created_at, id LIMIT $2"
            ))
            .bind(app_id)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!(
                "SELECT ",
                conversation_columns!(),
                " FROM conversations WHERE app_id = $1 AND is_deleted IS false \
                 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4"
            ))
            .bind(app_id)
            .bind(after.created_at)
            .bind(after.id)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
    };
    Ok(Json(listed(rows, limit)))
}

/// A conversation of the caller's workspace (through its app), not
/// deleted: its app and the app's mode.
async fn conversation_app(
    pool: &PgPool,
    me: &Member,
    conversation: Uuid,
) -> ApiResult<(Uuid, String)> {
    let found: Option<(Uuid, String)> = sqlx::query_as(
        "SELECT c.app_id, a.mode FROM conversations c JOIN apps a ON a.id = c.app_id \
         WHERE c.id = $1 AND a.tenant_id = $2 AND c.is_deleted IS false",
    )
    .bind(conversation)
    .bind(me.tenant)
    .fetch_optional(pool)
    .await?;
    found.ok_or_else(|| ApiError::not_found("conversation"))
}

/// `GET /conversations/{conversation_id}/messages?limit=&after=`, oldest first.
async fn list_messages(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Json<Listed<MessageOut>>> {
    let conversation_id = parse_id(&conversation_id, "conversation id")?;
    let (after, limit) = page_of(query)?;
    let me = member(&state.pool, &headers).await?;
    let (app_id, _) = conversation_app(&state.pool, &me, conversation_id).await?;
    // The messages' workspace: their conversation, whose app was just checked.
    let rows: Vec<MessageOut> = match after {
        None => {
            sqlx::query_as(concat!(
                "SELECT ",
                message_columns!(),
                " FROM messages WHERE conversation_id = $1 AND app_id = $2 \
                 ORDER BY created_at, id LIMIT $3"
            ))
            .bind(conversation_id)
            .bind(app_id)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!(
                "SELECT ",
                message_columns!(),
                " FROM messages WHERE conversation_id = $1 AND app_id = $2 \
                 AND (created_at, id) > ($3, $4) ORDER BY created_at, id LIMIT $5"
            ))
            .bind(conversation_id)
            .bind(app_id)
            .bind(after.created_at)
            .bind(after.id)
            .bind(limit + 1)
            .fetch_all(&state.pool)
            .await?
        }
    };
    Ok(Json(listed(rows, limit)))
}

// ---------------------------------------------------------------- a message

#[derive(Deserialize)]
pub struct PostMessage {
    query: String,
}

/// The dify service's stand-in for a model: the answer's chunks, a word each.
pub fn stand_in_answer(query: &str) -> Vec<String> {
    let text = format!(
        "You asked: \"{}\". This answer is a stand-in, streamed word by word \
         while the service holds no database connection.",
        query.trim()
    );
    let words: Vec<&str> = text.split(' ').collect();
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            if i < last {
                format!("{word} ")
            } else {
                (*word).to_owned()
            }
        })
        .collect()
}

fn event(data: serde_json::Value) -> String {
    format!("data: {data}\n\n")
}

/// `POST /conversations/{conversation_id}/messages` with `{"query": "..."}`:
/// the message goes in with an empty answer, the answer streams as
/// server-sent events (`message` per chunk, then `message_end`, or
/// `error`) from a task holding no connection, and one `UPDATE` stores it
/// before `message_end`, as the dify service does.
async fn post_message(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let conversation_id = parse_id(&conversation_id, "conversation id")?;
    let is_json = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if !is_json {
        return Err(ApiError::bad(
            "bad_body",
            "the body is not application/json",
        ));
    }
    let PostMessage { query } = serde_json::from_slice(&body)
        .map_err(|error| ApiError::bad("bad_body", format!("the body: {error}")))?;
    if query.trim().is_empty() {
        return Err(ApiError::bad("bad_body", "query is empty"));
    }
    let me = member(&state.pool, &headers).await?;
    let (app_id, app_mode) = conversation_app(&state.pool, &me, conversation_id).await?;
    let message_id: Uuid = sqlx::query_scalar(
        "INSERT INTO messages (app_id, model_provider, model_id, conversation_id, inputs, query, \
         message, message_tokens, message_unit_price, answer, answer_tokens, answer_unit_price, \
         currency, invoke_from, from_source, from_account_id, app_mode) \
         VALUES ($1, 'stand-in', 'echo', $2, '{}', $3, $4, $5, 0, '', 0, 0, 'USD', 'service-api', \
         'api', $6, $7) RETURNING id",
    )
    .bind(app_id)
    .bind(conversation_id)
    .bind(&query)
    .bind(json!([{ "role": "user", "text": query }]))
    .bind(query.split_whitespace().count() as i32)
    .bind(me.account)
    .bind(&app_mode)
    .fetch_one(&state.pool)
    .await?;

    let (events, received) = tokio::sync::mpsc::channel::<String>(16);
    tokio::spawn(answer(
        state,
        app_id,
        conversation_id,
        message_id,
        query,
        events,
    ));
    let stream = futures_util::stream::unfold(received, |mut received| async move {
        let event = received.recv().await?;
        Some((Ok::<_, Infallible>(event), received))
    });
    Ok((
        [
            (CONTENT_TYPE, "text/event-stream"),
            (CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// Streams the answer, then stores it (the message by its id and its
/// checked app) and says so.
async fn answer(
    state: AppState,
    app_id: Uuid,
    conversation_id: Uuid,
    message_id: Uuid,
    query: String,
    events: tokio::sync::mpsc::Sender<String>,
) {
    let began = Instant::now();
    let chunks = stand_in_answer(&query);
    let mut answer = String::new();
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 && !state.chunk_delay.is_zero() {
            tokio::time::sleep(state.chunk_delay).await;
        }
        answer.push_str(chunk);
        let _ = events
            .send(event(json!({
                "event": "message",
                "conversation_id": conversation_id,
                "message_id": message_id,
                "answer": chunk,
            })))
            .await;
    }
    let latency = began.elapsed().as_secs_f64();
    let stored = sqlx::query(
        "UPDATE messages SET answer = $1, answer_tokens = $2, provider_response_latency = $3, \
         updated_at = CURRENT_TIMESTAMP(0) WHERE id = $4 AND app_id = $5",
    )
    .bind(&answer)
    .bind(chunks.len() as i32)
    .bind(latency)
    .bind(message_id)
    .bind(app_id)
    .execute(&state.pool)
    .await;
    let last = match stored {
        Ok(done) if done.rows_affected() == 1 => json!({
            "event": "message_end",
            "conversation_id": conversation_id,
            "message_id": message_id,
        }),
        Ok(_) => {
            let error = ApiError::not_found("message");
            json!({
                "event": "error",
                "conversation_id": conversation_id,
                "message_id": message_id,
                "status": error.status.as_u16(),
                "error": error.message,
                "kind": error.kind,
            })
        }
        Err(error) => {
            let error = ApiError::from(error);
            json!({
                "event": "error",
                "conversation_id": conversation_id,
                "message_id": message_id,
                "status": error.status.as_u16(),
                "error": error.message,
                "kind": error.kind,
            })
        }
    };
    let _ = events.send(event(last)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_to_the_microsecond() {
        let created_at = chrono::DateTime::from_timestamp_micros(1_796_000_000_123_456)
            .unwrap()
            .naive_utc();
        let cursor = Cursor {
            created_at,
            id: Uuid::new_v4(),
        };
        let text = encode_cursor(&cursor);
        assert_eq!(text, format!("1796000000123456.{}", cursor.id.simple()));
        let back = decode_cursor(&text).ok().unwrap();
        assert_eq!((back.created_at, back.id), (cursor.created_at, cursor.id));
        for bad in [
            "",
            "yesterday",
            "12.not-a-uuid",
            "x.0f8fad5bd9cb469fa16570867728950e",
        ] {
            assert!(decode_cursor(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_stand_in_answer_is_the_dify_services() {
        let chunks = stand_in_answer("Where is my order?");
        assert_eq!(chunks[0], "You ");
        assert_eq!(
            chunks.concat(),
            "You asked: \"Where is my order?\". This answer is a stand-in, streamed word by word \
             while the service holds no database connection."
        );
    }
}
