//! The hand-written baseline: the example service's routes written the way
//! a competent developer writes them with sqlx, without dify-schema.
//!
//! Every request checks the caller's membership in `tenant_account_joins`
//! (the dify service enters a scope, whose entry reads the role), then runs
//! one prepared statement per need, each with its workspace filter: an
//! app's by `tenant_id`, a conversation's through its app, a message's
//! through its conversation and that conversation's (checked) app. Reads
//! are autocommit statements on a pool of `--pool-size` connections; the
//! one write (the stand-in answer) is one `INSERT`.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use bytes::Bytes;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use uuid::Uuid;

/// What `dify-load serve` runs: the sqlx service on `port` until killed.
pub async fn serve(database_url: &str, port: u16, pool_size: u32) -> Result<(), String> {
    let pool = PgPoolOptions::new()
        .max_connections(pool_size)
        .min_connections(pool_size)
        .acquire_timeout(Duration::from_secs(30))
        .connect(database_url)
        .await
        .map_err(|error| format!("cannot connect to {database_url}: {error}"))?;
    let app = router(pool);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| format!("cannot listen on {addr}: {error}"))?;
    eprintln!("sqlx service listening on http://{addr} (pool of {pool_size})");
    axum::serve(listener, app)
        .await
        .map_err(|error| format!("server: {error}"))
}

pub fn router(pool: PgPool) -> Router {
    Router::new()
        .route("/apps", get(list_apps))
        .route("/apps/{app_id}/conversations", get(list_conversations))
        .route(
            "/conversations/{conversation_id}/messages",
            get(list_messages).post(post_message),
        )
        .with_state(pool)
}

// ---------------------------------------------------------------- errors

pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(what: &str) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("{what} not found"),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        let status = match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            message: error.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
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
        .ok_or_else(|| ApiError::bad_request(format!("missing header {name}")))?;
    value
        .to_str()
        .ok()
        .and_then(|text| Uuid::parse_str(text.trim()).ok())
        .ok_or_else(|| ApiError::bad_request(format!("header {name} is not a uuid")))
}

fn path_uuid(raw: &str, what: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(raw).map_err(|_| ApiError::bad_request(format!("{what} is not a uuid")))
}

/// The membership check every request makes: one indexed read of
/// `tenant_account_joins` (the dify service's scope entry reads the same
/// row for the role).
async fn member(pool: &PgPool, headers: &HeaderMap) -> ApiResult<Member> {
    let tenant = header_uuid(headers, "x-tenant-id")?;
    let account = header_uuid(headers, "x-account-id")?;
    let role: Option<String> = sqlx::query_scalar(
        "SELECT role FROM tenant_account_joins WHERE tenant_id = $1 AND account_id = $2",
    )
    .bind(tenant)
    .bind(account)
    .fetch_optional(pool)
    .await?;
    match role {
        Some(_) => Ok(Member { tenant, account }),
        None => Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: format!("account {account} is not a member of workspace {tenant}"),
        }),
    }
}

// ---------------------------------------------------------------- paging

#[derive(Deserialize)]
pub struct PageParams {
    limit: Option<String>,
    after: Option<String>,
}

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

struct PageRequest {
    limit: i64,
    after: Option<Uuid>,
}

impl PageParams {
    fn parse(&self) -> ApiResult<PageRequest> {
        let limit = match &self.limit {
            None => DEFAULT_LIMIT,
            Some(raw) => match raw.parse::<i64>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "limit must be a number from 1 to {MAX_LIMIT}"
                    )))
                }
            },
        };
        let after = match &self.after {
            None => None,
            Some(raw) => Some(path_uuid(raw, "after")?),
        };
        Ok(PageRequest { limit, after })
    }
}

/// A page as the dify service answers it: the rows, and the cursor of the
/// next page (the last row's id) when the page is full.
#[derive(Serialize)]
struct PageOf<T> {
    data: Vec<T>,
    has_more: bool,
    next: Option<Uuid>,
}

trait Keyed {
    fn key(&self) -> Uuid;
}

/// Fetches one row more than the page to tell whether there is a next one.
fn page_of<T: Keyed>(mut rows: Vec<T>, limit: i64) -> PageOf<T> {
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if has_more {
        rows.last().map(Keyed::key)
    } else {
        None
    };
    PageOf {
        data: rows,
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
    from_source: String,
    dialogue_count: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
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

impl Keyed for AppOut {
    fn key(&self) -> Uuid {
        self.id
    }
}
impl Keyed for ConversationOut {
    fn key(&self) -> Uuid {
        self.id
    }
}
impl Keyed for MessageOut {
    fn key(&self) -> Uuid {
        self.id
    }
}

// ---------------------------------------------------------------- routes

// The columns each answer shows, spelled once for the statements below
// (`concat!` keeps every statement one literal: sqlx prepares a statement
// once per connection and finds it again by its text).
macro_rules! app_columns {
    () => {
        "id, name, mode, description, created_at"
    };
}
macro_rules! conversation_columns {
    () => {
        "id, app_id, name, status, from_source, dialogue_count, created_at, updated_at"
    };
}
macro_rules! message_columns {
    () => {
        "id, conversation_id, query, answer, status, created_at"
    };
}

async fn list_apps(
    State(pool): State<PgPool>,
    headers: HeaderMap,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<PageOf<AppOut>>> {
    let page = params.parse()?;
    let me = member(&pool, &headers).await?;
    let rows: Vec<AppOut> = match page.after {
        None => {
            sqlx::query_as(concat!("SELECT ", app_columns!(), " FROM apps WHERE tenant_id = $1 \
                 ORDER BY created_at, id LIMIT $2"))
            .bind(me.tenant)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!("SELECT ", app_columns!(), " FROM apps WHERE tenant_id = $1 \
                 AND (created_at, id) > (SELECT created_at, id FROM apps WHERE id = $2 AND tenant_id = $1) \
                 ORDER BY created_at, id LIMIT $3"))
            .bind(me.tenant)
            .bind(after)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
    };
    Ok(Json(page_of(rows, page.limit)))
}

async fn list_conversations(
    State(pool): State<PgPool>,
    headers: HeaderMap,
    Path(app_id): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<PageOf<ConversationOut>>> {
    let app_id = path_uuid(&app_id, "app id")?;
    let page = params.parse()?;
    let me = member(&pool, &headers).await?;
    let app: Option<Uuid> =
        sqlx::query_scalar("SELECT id FROM apps WHERE id = $1 AND tenant_id = $2")
            .bind(app_id)
            .bind(me.tenant)
            .fetch_optional(&pool)
            .await?;
    let app_id = app.ok_or_else(|| ApiError::not_found("app"))?;
    // `is_deleted IS false` is the predicate of Dify's partial index
    // (app_id, created_at DESC), which serves this page.
    let rows: Vec<ConversationOut> = match page.after {
        None => {
            sqlx::query_as(concat!("SELECT ", conversation_columns!(), " FROM conversations \
                 WHERE app_id = $1 AND is_deleted IS false \
                 ORDER BY created_at, id LIMIT $2"))
            .bind(app_id)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!("SELECT ", conversation_columns!(), " FROM conversations \
                 WHERE app_id = $1 AND is_deleted IS false \
                 AND (created_at, id) > (SELECT created_at, id FROM conversations WHERE id = $2 AND app_id = $1) \
                 ORDER BY created_at, id LIMIT $3"))
            .bind(app_id)
            .bind(after)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
    };
    Ok(Json(page_of(rows, page.limit)))
}

/// The conversation, if it is the workspace's (through its app): its app.
async fn conversation_app(pool: &PgPool, me: &Member, conversation: Uuid) -> ApiResult<Uuid> {
    let app: Option<Uuid> = sqlx::query_scalar(
        "SELECT c.app_id FROM conversations c JOIN apps a ON a.id = c.app_id \
         WHERE c.id = $1 AND a.tenant_id = $2 AND c.is_deleted IS false",
    )
    .bind(conversation)
    .bind(me.tenant)
    .fetch_optional(pool)
    .await?;
    app.ok_or_else(|| ApiError::not_found("conversation"))
}

async fn list_messages(
    State(pool): State<PgPool>,
    headers: HeaderMap,
    Path(conversation_id): Path<String>,
    Query(params): Query<PageParams>,
) -> ApiResult<Json<PageOf<MessageOut>>> {
    let conversation_id = path_uuid(&conversation_id, "conversation id")?;
    let page = params.parse()?;
    let me = member(&pool, &headers).await?;
    let app_id = conversation_app(&pool, &me, conversation_id).await?;
    // The message's workspace: its conversation, whose app was just checked.
    let rows: Vec<MessageOut> = match page.after {
        None => {
            sqlx::query_as(concat!("SELECT ", message_columns!(), " FROM messages \
                 WHERE conversation_id = $1 AND app_id = $2 \
                 ORDER BY created_at, id LIMIT $3"))
            .bind(conversation_id)
            .bind(app_id)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
        Some(after) => {
            sqlx::query_as(concat!("SELECT ", message_columns!(), " FROM messages \
                 WHERE conversation_id = $1 AND app_id = $2 \
                 AND (created_at, id) > (SELECT created_at, id FROM messages WHERE id = $3 AND conversation_id = $1) \
                 ORDER BY created_at, id LIMIT $4"))
            .bind(conversation_id)
            .bind(app_id)
            .bind(after)
            .bind(page.limit + 1)
            .fetch_all(&pool)
            .await?
        }
    };
    Ok(Json(page_of(rows, page.limit)))
}

#[derive(Deserialize)]
pub struct PostMessage {
    query: String,
}

/// The stand-in answer: the query's words, echoed back one chunk a word.
pub fn stand_in_answer(query: &str) -> Vec<String> {
    let mut chunks: Vec<String> = vec!["You asked:".to_string()];
    chunks.extend(query.split_whitespace().map(|word| format!(" {word}")));
    chunks
}

async fn post_message(
    State(pool): State<PgPool>,
    headers: HeaderMap,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let conversation_id = path_uuid(&conversation_id, "conversation id")?;
    let post: PostMessage = serde_json::from_slice(&body)
        .map_err(|error| ApiError::bad_request(format!("body: {error}")))?;
    let me = member(&pool, &headers).await?;
    let app_id = conversation_app(&pool, &me, conversation_id).await?;
    let chunks = stand_in_answer(&post.query);
    let answer: String = chunks.concat();
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO messages (app_id, conversation_id, inputs, query, message, \
         message_unit_price, answer, answer_unit_price, currency, from_source, from_account_id) \
         VALUES ($1, $2, '{}', $3, '[]', 0, $4, 0, 'USD', 'console', $5) RETURNING id",
    )
    .bind(app_id)
    .bind(conversation_id)
    .bind(&post.query)
    .bind(&answer)
    .bind(me.account)
    .fetch_one(&pool)
    .await?;
    // Server-sent events: one event a chunk, then the end with the id.
    let mut events: Vec<Result<Bytes, Infallible>> = chunks
        .iter()
        .map(|chunk| {
            let event = serde_json::json!({ "event": "message", "answer": chunk });
            Ok(Bytes::from(format!("data: {event}\n\n")))
        })
        .collect();
    let end = serde_json::json!({ "event": "message_end", "id": id });
    events.push(Ok(Bytes::from(format!("data: {end}\n\n"))));
    let body = Body::from_stream(futures_util::stream::iter(events));
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/event-stream")
        .body(body)
        .expect("a response of static parts"))
}
