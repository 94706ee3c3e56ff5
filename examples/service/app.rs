//! The service's routes: an HTTP API over the async scoped API.
//!
//! Every request names its caller in two headers, as a gateway in front of
//! the service passes them after authenticating the user: `X-Tenant-Id` (the
//! workspace) and `X-Account-Id` (the account). Each handler runs its reads
//! and writes in one short tenant scope ([`AsyncPool::with_tenant`]): the
//! connection is held while the scope's closure runs and not a moment
//! longer. The answer of `POST /conversations/{id}/messages` streams with
//! no connection held at all: the user's message is stored in one scope,
//! the answer streams, and a second scope stores it.
//!
//! Ids in paths are untrusted uuids: `scope.lookup` checks them against the
//! caller's workspace, and another workspace's id is simply not found (404),
//! exactly like an id that names nothing.
//!
//! Included by `examples/service.rs` and by `examples/tests/service.rs`.

use std::convert::Infallible;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message, MessageChanges, NewMessage};
use dify_schema::async_scope::AsyncPool;
use dify_schema::types::{BigDecimal, NaiveDateTime, Uuid};
use dify_schema::{Cursor, Error, Id, OrderKey, Page, StringEnum};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// What every handler shares: the pool, and how the stand-in answer is paced.
#[derive(Clone)]
pub struct AppState {
    pub pool: AsyncPool,
    /// The pause between two chunks of a streamed answer (a model's pace).
    pub chunk_delay: Duration,
}

impl AppState {
    pub fn new(pool: AsyncPool) -> AppState {
        AppState {
            pool,
            chunk_delay: Duration::from_millis(50),
        }
    }
}

/// The service's routes.
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

// ---------------------------------------------------------------------------
// Errors

/// An error as the client sees it: a status and `{"error": ..., "kind": ...}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    /// 400: something in the request is malformed (`kind` says what).
    fn bad(kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, kind, message)
    }

    /// 404: no such row in the caller's workspace (whether it exists in
    /// another one is not the caller's business).
    fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what} in this workspace"),
        )
    }
}

/// What the scoped API reports, as a status: 403 for a caller the workspace
/// does not let in (not a member, or a role without the capability), 503
/// when no connection could be had (safe to retry), 500 for the rest.
impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match &error {
            Error::NotMember { .. } => {
                ApiError::new(StatusCode::FORBIDDEN, "not_member", error.to_string())
            }
            Error::Forbidden { .. } => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", error.to_string())
            }
            Error::Pool(_) | Error::Unavailable(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                error.to_string(),
            ),
            _ => {
                // The details are for the operator, not the client.
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
        let body = Json(json!({"error": self.message, "kind": self.kind}));
        (self.status, body).into_response()
    }
}

async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such route")
}

// ---------------------------------------------------------------------------
// The caller, ids, pages

/// The caller, from the headers a gateway sets: `X-Tenant-Id` and
/// `X-Account-Id`. The scope checks that the account is a member of the
/// workspace and reads its role; it trusts the gateway for who the account
/// is.
#[derive(Debug, Clone, Copy)]
pub struct Caller {
    pub tenant: Uuid,
    pub account: Uuid,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Caller, ApiError> {
        let header = |name: &str| -> Result<Uuid, ApiError> {
            let value = parts.headers.get(name).ok_or_else(|| {
                ApiError::bad("bad_header", format!("the {name} header is missing"))
            })?;
            value
                .to_str()
                .ok()
                .and_then(|text| Uuid::parse_str(text.trim()).ok())
                .ok_or_else(|| {
                    ApiError::bad("bad_header", format!("the {name} header is not a uuid"))
                })
        };
        Ok(Caller {
            tenant: header("X-Tenant-Id")?,
            account: header("X-Account-Id")?,
        })
    }
}

/// A uuid from the path: untrusted, and checked against the workspace by
/// `scope.lookup`.
fn parse_id(raw: &str, what: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(raw).map_err(|_| ApiError::bad("bad_id", format!("the {what} is not a uuid")))
}

/// `?limit=&after=` of a list.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    limit: Option<String>,
    after: Option<String>,
}

/// The default and the largest page.
pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

/// The page a list asks for: `limit` rows (1 to [`MAX_LIMIT`]) after the
/// `after` cursor, if any.
fn page_of(
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<(Option<Cursor>, i64), ApiError> {
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

/// One more row than the page holds: whether it came says whether there
/// is a next page.
fn probe(after: Option<Cursor>, limit: i64) -> Page {
    match after {
        Some(cursor) => Page::after(cursor, limit + 1),
        None => Page::first(limit + 1),
    }
}

/// An opaque cursor: the order key (`created_at`, `id`) of the last row of
/// a page, as `<microseconds since 1970>.<uuid>` (`-` for no timestamp).
pub fn encode_cursor(cursor: &Cursor) -> String {
    let at = match cursor.created_at {
        Some(at) => at.and_utc().timestamp_micros().to_string(),
        None => "-".to_owned(),
    };
    format!("{at}.{}", cursor.id.simple())
}

pub fn decode_cursor(text: &str) -> Result<Cursor, ApiError> {
    let bad = || ApiError::bad("bad_cursor", "after is not a cursor this service gave out");
    let (at, id) = text.split_once('.').ok_or_else(bad)?;
    let created_at = match at {
        "-" => None,
        micros => Some(
            micros
                .parse::<i64>()
                .ok()
                .and_then(chrono::DateTime::from_timestamp_micros)
                .ok_or_else(bad)?
                .naive_utc(),
        ),
    };
    let id = Uuid::parse_str(id).map_err(|_| bad())?;
    Ok(Cursor { created_at, id })
}

/// A page of a list: its rows, and the cursor of the next page when there
/// is one.
#[derive(Debug, Serialize)]
pub struct Listed<T> {
    pub data: Vec<T>,
    pub limit: i64,
    pub has_more: bool,
    pub next: Option<String>,
}

impl<T> Listed<T> {
    /// From `limit + 1` rows (see [`probe`]), each with its cursor.
    fn of(mut rows: Vec<(T, Cursor)>, limit: i64) -> Listed<T> {
        let has_more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next = if has_more {
            rows.last().map(|(_, cursor)| encode_cursor(cursor))
        } else {
            None
        };
        Listed {
            data: rows.into_iter().map(|(row, _)| row).collect(),
            limit,
            has_more,
            next,
        }
    }
}

// ---------------------------------------------------------------------------
// What the routes answer

#[derive(Debug, Serialize)]
pub struct AppOut {
    pub id: Uuid,
    pub name: String,
    pub mode: String,
    pub description: String,
    pub created_at: NaiveDateTime,
}

impl From<&App> for AppOut {
    fn from(app: &App) -> AppOut {
        AppOut {
            id: app.id,
            name: app.name.clone(),
            mode: app.mode.as_str().to_owned(),
            description: app.description.clone(),
            created_at: app.created_at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ConversationOut {
    pub id: Uuid,
    pub app_id: Uuid,
    pub name: String,
    pub status: String,
    pub dialogue_count: i32,
    pub created_at: NaiveDateTime,
}

impl From<&Conversation> for ConversationOut {
    fn from(conversation: &Conversation) -> ConversationOut {
        ConversationOut {
            id: conversation.id,
            app_id: conversation.app_id,
            name: conversation.name.clone(),
            status: conversation.status.as_str().to_owned(),
            dialogue_count: conversation.dialogue_count,
            created_at: conversation.created_at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct MessageOut {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub query: String,
    pub answer: String,
    pub status: String,
    pub created_at: NaiveDateTime,
}

impl From<&Message> for MessageOut {
    fn from(message: &Message) -> MessageOut {
        MessageOut {
            id: message.id,
            conversation_id: message.conversation_id,
            query: message.query.clone(),
            answer: message.answer.clone(),
            status: message.status.as_str().to_owned(),
            created_at: message.created_at,
        }
    }
}

// ---------------------------------------------------------------------------
// Reads

/// `GET /apps?limit=&after=`: the workspace's apps.
async fn list_apps(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<Listed<AppOut>>, ApiError> {
    let (after, limit) = page_of(query)?;
    let rows: Vec<(AppOut, Cursor)> = state
        .pool
        .with_tenant(caller.tenant, caller.account, async |scope| {
            let apps = scope.list::<App>(probe(after, limit)).await?;
            Ok::<_, ApiError>(
                apps.iter()
                    .map(|app| (AppOut::from(&**app), app.cursor()))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(Listed::of(rows, limit)))
}

/// `GET /apps/{app_id}/conversations?limit=&after=`: an app's conversations.
async fn list_conversations(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<Listed<ConversationOut>>, ApiError> {
    let app_id = parse_id(&app_id, "app id")?;
    let (after, limit) = page_of(query)?;
    let rows: Vec<(ConversationOut, Cursor)> = state
        .pool
        .with_tenant(caller.tenant, caller.account, async |scope| {
            let app = scope
                .lookup::<App>(app_id)
                .await?
                .ok_or_else(|| ApiError::not_found("app"))?;
            let conversations = scope
                .children::<Conversation, App>(app.id(), probe(after, limit))
                .await?;
            Ok::<_, ApiError>(
                conversations
                    .iter()
                    .map(|c| (ConversationOut::from(&**c), c.cursor()))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(Listed::of(rows, limit)))
}

/// `GET /conversations/{conversation_id}/messages?limit=&after=`: a
/// conversation's messages, oldest first.
async fn list_messages(
    State(state): State<AppState>,
    caller: Caller,
    Path(conversation_id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<Listed<MessageOut>>, ApiError> {
    let conversation_id = parse_id(&conversation_id, "conversation id")?;
    let (after, limit) = page_of(query)?;
    let rows: Vec<(MessageOut, Cursor)> = state
        .pool
        .with_tenant(caller.tenant, caller.account, async |scope| {
            let conversation = scope
                .lookup::<Conversation>(conversation_id)
                .await?
                .ok_or_else(|| ApiError::not_found("conversation"))?;
            // A conversation's messages by their reference to it (Dify
            // owns messages through their app): one keyset query, the
            // tenant predicate in it, index `message_conversation_id_idx`.
            let page = match after {
                Some(cursor) => Page::after(cursor, limit + 1),
                None => Page::first(limit + 1),
            };
            let rows = scope
                .referencing::<Message, Conversation>(conversation.id(), page)
                .await?
                .iter()
                .map(|message| (MessageOut::from(&**message), message.cursor()))
                .collect::<Vec<_>>();
            Ok::<_, ApiError>(rows)
        })
        .await?;
    Ok(Json(Listed::of(rows, limit)))
}

// ---------------------------------------------------------------------------
// A message and its streamed answer

#[derive(Debug, Deserialize)]
pub struct PostMessage {
    pub query: String,
}

/// What the first scope of a `POST` hands to the stream: plain values, no
/// row and no connection.
#[derive(Debug, Clone, Copy)]
struct Started {
    conversation_id: Uuid,
    message_id: Uuid,
}

/// `POST /conversations/{conversation_id}/messages` with `{"query": "..."}`:
/// stores the user's message (with an empty answer, as Dify does) in one
/// short scope, then streams a stand-in answer as `text/event-stream`
/// (Dify's events: `message` per chunk, then `message_end`, or `error`)
/// holding no database connection, and stores the answer in a second short
/// scope before `message_end`.
async fn post_message(
    State(state): State<AppState>,
    caller: Caller,
    Path(conversation_id): Path<String>,
    body: Result<Json<PostMessage>, JsonRejection>,
) -> Result<Response, ApiError> {
    let conversation_id = parse_id(&conversation_id, "conversation id")?;
    let Json(PostMessage { query }) =
        body.map_err(|rejection| ApiError::bad("bad_body", rejection.body_text()))?;
    if query.trim().is_empty() {
        return Err(ApiError::bad("bad_body", "query is empty"));
    }

    let started = state
        .pool
        .with_tenant(caller.tenant, caller.account, async |scope| {
            let conversation = scope
                .lookup::<Conversation>(conversation_id)
                .await?
                .ok_or_else(|| ApiError::not_found("conversation"))?;
            // The conversation is this workspace's, so its app is too; the
            // lookup gives the app's branded id for the message's `app_id`.
            let app = scope
                .lookup::<App>(conversation.app_id)
                .await?
                .ok_or_else(|| ApiError::not_found("app"))?;
            let message = scope
                .insert::<Message>(new_message(
                    app.id(),
                    conversation.id(),
                    caller.account,
                    &query,
                    app.mode.as_str(),
                ))
                .await?;
            Ok::<_, ApiError>(Started {
                conversation_id: conversation.id,
                message_id: message.id,
            })
        })
        .await?;

    // From here on no connection is held: the answer is produced (here, a
    // stand-in paced like a model) by a task of its own, which goes on and
    // stores the answer even if the client goes away.
    let (events, received) = tokio::sync::mpsc::channel::<String>(16);
    tokio::spawn(answer(state, caller, started, query, events));
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

/// The message row as Dify writes it when a chat turn starts: the query, an
/// empty answer, prices of zero, and who asked.
fn new_message<'t>(
    app: Id<'t, App>,
    conversation: Id<'t, Conversation>,
    account: Uuid,
    query: &str,
    app_mode: &str,
) -> NewMessage<'t> {
    NewMessage {
        id: None,
        app_id: app,
        model_provider: Some("stand-in".into()),
        model_id: Some("echo".into()),
        override_model_configs: None,
        conversation_id: conversation,
        inputs: json!({}),
        query: query.into(),
        message: json!([{"role": "user", "text": query}]),
        message_tokens: Some(query.split_whitespace().count() as i32),
        message_unit_price: BigDecimal::from(0),
        message_price_unit: None,
        answer: String::new(),
        answer_tokens: Some(0),
        answer_unit_price: BigDecimal::from(0),
        answer_price_unit: None,
        parent_message_id: None,
        provider_response_latency: None,
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
        app_mode: Some(app_mode.into()),
    }
}

/// The stand-in for a model: the answer's chunks, one word each.
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

/// One server-sent event.
fn event(data: serde_json::Value) -> String {
    format!("data: {data}\n\n")
}

/// Streams the answer, then stores it in a scope of its own and says so
/// (`message_end`), or says why not (`error`).
async fn answer(
    state: AppState,
    caller: Caller,
    started: Started,
    query: String,
    events: tokio::sync::mpsc::Sender<String>,
) {
    let began = Instant::now();
    let chunks = stand_in_answer(&query);
    let mut answer = String::new();
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(state.chunk_delay).await;
        }
        answer.push_str(chunk);
        // A client that went away does not stop the answer from being stored.
        let _ = events
            .send(event(json!({
                "event": "message",
                "conversation_id": started.conversation_id,
                "message_id": started.message_id,
                "answer": chunk,
            })))
            .await;
    }
    let latency = began.elapsed().as_secs_f64();
    let tokens = chunks.len() as i32;
    let stored = state
        .pool
        .with_tenant(caller.tenant, caller.account, async |scope| {
            let message = scope
                .lookup::<Message>(started.message_id)
                .await?
                .ok_or_else(|| ApiError::not_found("message"))?;
            scope
                .update::<Message>(
                    message.id(),
                    MessageChanges {
                        answer: Some(answer.clone()),
                        answer_tokens: Some(tokens),
                        provider_response_latency: Some(latency),
                        ..Default::default()
                    },
                )
                .await?;
            Ok::<_, ApiError>(())
        })
        .await;
    let last = match stored {
        Ok(()) => json!({
            "event": "message_end",
            "conversation_id": started.conversation_id,
            "message_id": started.message_id,
        }),
        Err(error) => json!({
            "event": "error",
            "conversation_id": started.conversation_id,
            "message_id": started.message_id,
            "status": error.status.as_u16(),
            "error": error.message,
            "kind": error.kind,
        }),
    };
    let _ = events.send(event(last)).await;
}
