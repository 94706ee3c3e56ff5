//! The service example's routes (`examples/service/app.rs`), served
//! in-process on 127.0.0.1:0 and called over real HTTP, on a database of
//! the test's own whose pool logs in as a role granted `dify_service`, so
//! row-level security applies to every request as it would in production.

#[path = "../service/app.rs"]
mod app;
#[path = "../service/seed.rs"]
mod seed;

use std::time::{Duration, Instant};

use diesel::PgConnection;
use dify_schema::async_scope::AsyncPool;
use dify_schema::pool::PoolOptions;
use dify_schema::types::Uuid;
use dify_schema::{Cursor, Error, Role};
use dify_tests::{TestDatabase, TestRole};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Response, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};

use seed::Seeded;

/// Who calls: the two headers a gateway sets.
#[derive(Debug, Clone, Copy)]
struct Who {
    tenant: Uuid,
    account: Uuid,
}

impl Who {
    fn of(workspace: &Seeded) -> Who {
        Who {
            tenant: workspace.tenant_id,
            account: workspace.account_id,
        }
    }
}

/// The service on a database of its own, with two workspaces (Acme and
/// Globex: an owner, an app, a conversation with messages each) and an
/// account that belongs to no workspace.
struct Service {
    runtime: Option<tokio::runtime::Runtime>,
    pool: Option<AsyncPool>,
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
    acme: Seeded,
    globex: Seeded,
    outsider: Uuid,
    admin: PgConnection,
    _role: TestRole,
    _db: TestDatabase,
}

impl Service {
    /// Dify's pool, a quick stand-in model, `messages` messages in each
    /// workspace's conversation.
    fn start(messages: usize) -> Service {
        Service::start_with(
            PoolOptions {
                max_size: 4,
                min_idle: 2,
                connection_timeout: Duration::from_secs(5),
                ..PoolOptions::default()
            },
            Duration::from_millis(5),
            messages,
        )
    }

    fn start_with(options: PoolOptions, chunk_delay: Duration, messages: usize) -> Service {
        let db = TestDatabase::new();
        let mut admin = db.connect();
        dify_schema::migrate::Runner::new(&mut admin, &dify_models::migrations())
            .run_pending(|_| {})
            .expect("the migrations apply");
        // The service's login role: row-level security applies to it.
        let role = TestRole::create(&db);
        dify_schema::rls::ensure(&mut role.connect(), &dify_models::SCHEMA)
            .expect("row-level security holds for the service role");
        let acme = seed::workspace(&mut admin, "Acme", messages).expect("Acme is seeded");
        let globex = seed::workspace(&mut admin, "Globex", messages).expect("Globex is seeded");
        let outsider = seed::account(&mut admin, "Outsider", "outsider@nowhere.example")
            .expect("the outsider signs up");

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (pool, base) = runtime.block_on(async {
            let pool = AsyncPool::open(&role.url(), options)
                .await
                .expect("the pool opens");
            let mut state = app::AppState::new(pool.clone());
            state.chunk_delay = chunk_delay;
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let base = format!("http://{}", listener.local_addr().unwrap());
            tokio::spawn(async move {
                axum::serve(listener, app::router(state)).await.unwrap();
            });
            (pool, base)
        });
        let client = Client::builder(TokioExecutor::new()).build_http();
        Service {
            runtime: Some(runtime),
            pool: Some(pool),
            base,
            client,
            acme,
            globex,
            outsider,
            admin,
            _role: role,
            _db: db,
        }
    }

    fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.as_ref().unwrap().block_on(future)
    }

    fn pool(&self) -> &AsyncPool {
        self.pool.as_ref().unwrap()
    }

    /// A request with these headers (`method`, `path`, JSON `body`).
    async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: Option<&str>,
    ) -> Response<Incoming> {
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        let body = Full::new(Bytes::from(body.unwrap_or("").to_owned()));
        self.client
            .request(request.body(body).unwrap())
            .await
            .unwrap_or_else(|error| panic!("{method} {path}: {error}"))
    }

    /// `method path` as `who`, the status and the whole body as JSON (or as
    /// a string when it is not JSON).
    async fn call(
        &self,
        who: Who,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> (StatusCode, Value) {
        let response = self.send(method, path, &headers(who), body).await;
        read_all(response).await
    }

    async fn get(&self, who: Who, path: &str) -> (StatusCode, Value) {
        self.call(who, "GET", path, None).await
    }

    /// Every message of a conversation, through the API.
    async fn messages(&self, who: Who, conversation: Uuid) -> Vec<Value> {
        let (status, body) = self
            .get(
                who,
                &format!("/conversations/{conversation}/messages?limit=100"),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["data"].as_array().unwrap().clone()
    }

    /// Waits until every open connection of the pool is idle again (a read
    /// scope's COMMIT finishes in the background).
    async fn settle(&self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            let state = self.pool().state();
            if state.idle == state.connections {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the pool does not settle: {:?}", self.pool().state());
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        // The pool and the server go with the runtime that runs them, before
        // the role and the database.
        if let Some(runtime) = self.runtime.take() {
            let pool = self.pool.take();
            runtime.block_on(async move { drop(pool) });
            runtime.shutdown_timeout(Duration::from_secs(5));
        }
    }
}

fn headers(who: Who) -> Vec<(&'static str, String)> {
    vec![
        ("X-Tenant-Id", who.tenant.to_string()),
        ("X-Account-Id", who.account.to_string()),
    ]
}

async fn read_all(response: Response<Incoming>) -> (StatusCode, Value) {
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// The server-sent events of a streaming answer, read as they arrive.
struct Events {
    body: Incoming,
    buffer: String,
}

impl Events {
    fn of(response: Response<Incoming>) -> Events {
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"],
            "text/event-stream",
            "the answer streams as server-sent events"
        );
        Events {
            body: response.into_body(),
            buffer: String::new(),
        }
    }

    /// The next event (`data: {...}`), or `None` at the end of the stream.
    async fn next(&mut self) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let data = event
                    .trim()
                    .strip_prefix("data: ")
                    .unwrap_or_else(|| panic!("not an event: {event:?}"));
                return Some(serde_json::from_str(data).unwrap());
            }
            let frame = self.body.frame().await?.expect("the stream goes on");
            if let Ok(data) = frame.into_data() {
                self.buffer.push_str(std::str::from_utf8(&data).unwrap());
            }
        }
    }

    /// The rest of the stream: the chunks of the answer and the last event.
    async fn rest(&mut self) -> (Vec<String>, Value) {
        let mut chunks = Vec::new();
        while let Some(event) = self.next().await {
            match event["event"].as_str() {
                Some("message") => chunks.push(event["answer"].as_str().unwrap().to_owned()),
                _ => {
                    assert!(self.next().await.is_none(), "{event} is the last event");
                    return (chunks, event);
                }
            }
        }
        panic!("the stream ended without message_end");
    }
}

fn ids(list: &Value) -> Vec<Uuid> {
    list["data"]
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|row| row["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, kind: &str, what: &str) {
    assert_eq!(status, want, "{what}: {body}");
    assert_eq!(body["kind"], kind, "{what}: {body}");
    assert!(body["error"].is_string(), "{what}: {body}");
}

#[test]
fn each_route_answers_each_workspace_with_its_own_rows() {
    let service = Service::start(3);
    service.block_on(async {
        for (me, other) in [
            (&service.acme, &service.globex),
            (&service.globex, &service.acme),
        ] {
            let who = Who::of(me);

            let (status, apps) = service.get(who, "/apps").await;
            assert_eq!(status, StatusCode::OK, "{apps}");
            assert_eq!(ids(&apps), [me.app_id], "{apps}");
            assert_eq!(
                apps["data"][0]["name"],
                format!("{} support bot", me.workspace)
            );
            assert_eq!(apps["has_more"], false);
            assert_eq!(apps["next"], Value::Null);

            let (status, conversations) = service
                .get(who, &format!("/apps/{}/conversations", me.app_id))
                .await;
            assert_eq!(status, StatusCode::OK, "{conversations}");
            assert_eq!(ids(&conversations), [me.conversation_id]);
            assert_eq!(conversations["data"][0]["app_id"], me.app_id.to_string());

            let messages = service.messages(who, me.conversation_id).await;
            let mut queries: Vec<&str> = messages
                .iter()
                .map(|m| m["query"].as_str().unwrap())
                .collect();
            queries.sort();
            let prefix = format!("{} question", me.workspace);
            assert_eq!(
                queries,
                [1, 2, 3].map(|n| format!("{prefix} {n}")),
                "only this workspace's messages"
            );

            // A new message: stored, its answer streamed, then stored too.
            let query = format!("Hello from {}", me.workspace);
            let response = service
                .send(
                    "POST",
                    &format!("/conversations/{}/messages", me.conversation_id),
                    &headers(who),
                    Some(&json!({ "query": query }).to_string()),
                )
                .await;
            let mut events = Events::of(response);
            let (chunks, end) = events.rest().await;
            assert_eq!(end["event"], "message_end", "{end}");
            assert_eq!(end["conversation_id"], me.conversation_id.to_string());
            let answer = chunks.concat();
            assert_eq!(answer, app::stand_in_answer(&query).concat());
            assert!(answer.contains(&query));

            let messages = service.messages(who, me.conversation_id).await;
            assert_eq!(messages.len(), 4);
            let stored = messages
                .iter()
                .find(|m| m["id"] == end["message_id"])
                .expect("the new message is listed");
            assert_eq!(stored["query"], query);
            assert_eq!(stored["answer"], answer);
            // Nothing of it shows in the other workspace.
            let theirs = service
                .messages(Who::of(other), other.conversation_id)
                .await;
            assert!(theirs.iter().all(|m| m["id"] != end["message_id"]));
            assert!(theirs.iter().all(|m| m["query"]
                .as_str()
                .unwrap()
                .starts_with(&other.workspace)
                || m["query"].as_str().unwrap() == format!("Hello from {}", other.workspace)));
        }
    });
}

#[test]
fn another_workspaces_ids_are_not_found_on_every_route() {
    let service = Service::start(2);
    let acme = Who::of(&service.acme);
    let globex = &service.globex;
    let nowhere = Uuid::new_v4();
    service.block_on(async {
        for (id, what) in [
            (globex.app_id, "Globex's app"),
            (nowhere, "an id of nothing"),
            (
                service.acme.conversation_id,
                "a conversation id given as an app id",
            ),
        ] {
            let (status, body) = service
                .get(acme, &format!("/apps/{id}/conversations"))
                .await;
            assert_error(status, &body, StatusCode::NOT_FOUND, "not_found", what);
        }
        for (id, what) in [
            (globex.conversation_id, "Globex's conversation"),
            (nowhere, "an id of nothing"),
            (service.acme.app_id, "an app id given as a conversation id"),
        ] {
            let path = format!("/conversations/{id}/messages");
            let (status, body) = service.get(acme, &path).await;
            assert_error(status, &body, StatusCode::NOT_FOUND, "not_found", what);
            let (status, body) = service
                .call(acme, "POST", &path, Some(r#"{"query": "Is this yours?"}"#))
                .await;
            assert_error(status, &body, StatusCode::NOT_FOUND, "not_found", what);
        }
        // Nothing was written to Globex's conversation.
        assert_eq!(
            service
                .messages(Who::of(globex), globex.conversation_id)
                .await
                .len(),
            2
        );
        // Unknown routes are JSON errors too.
        let (status, body) = service.get(acme, "/workflows").await;
        assert_error(
            status,
            &body,
            StatusCode::NOT_FOUND,
            "no_route",
            "an unknown route",
        );
    });
}

#[test]
fn a_caller_who_is_not_a_member_is_forbidden() {
    let service = Service::start(1);
    let acme = &service.acme;
    let routes = [
        ("GET", "/apps".to_owned()),
        ("GET", format!("/apps/{}/conversations", acme.app_id)),
        (
            "GET",
            format!("/conversations/{}/messages", acme.conversation_id),
        ),
        (
            "POST",
            format!("/conversations/{}/messages", acme.conversation_id),
        ),
    ];
    let callers = [
        (
            Who {
                tenant: acme.tenant_id,
                account: service.outsider,
            },
            "an account of no workspace",
        ),
        (
            Who {
                tenant: acme.tenant_id,
                account: service.globex.account_id,
            },
            "Globex's owner",
        ),
        (
            Who {
                tenant: Uuid::new_v4(),
                account: acme.account_id,
            },
            "a workspace that does not exist",
        ),
    ];
    service.block_on(async {
        for (who, what) in callers {
            for (method, path) in &routes {
                let body = (*method == "POST").then_some(r#"{"query": "Let me in"}"#);
                let (status, body) = service.call(who, method, path, body).await;
                assert_error(
                    status,
                    &body,
                    StatusCode::FORBIDDEN,
                    "not_member",
                    &format!("{what}: {method} {path}"),
                );
            }
        }
        assert_eq!(
            service
                .messages(Who::of(acme), acme.conversation_id)
                .await
                .len(),
            1
        );
    });
}

#[test]
fn malformed_ids_headers_cursors_limits_and_bodies_are_bad_requests() {
    let service = Service::start(1);
    let acme = &service.acme;
    let who = Who::of(acme);
    let messages = format!("/conversations/{}/messages", acme.conversation_id);
    service.block_on(async {
        let tenant = ("X-Tenant-Id", acme.tenant_id.to_string());
        let account = ("X-Account-Id", acme.account_id.to_string());
        for (headers, what) in [
            (vec![account.clone()], "no X-Tenant-Id"),
            (vec![tenant.clone()], "no X-Account-Id"),
            (
                vec![("X-Tenant-Id", "acme".to_owned()), account.clone()],
                "a tenant that is not a uuid",
            ),
            (
                vec![tenant.clone(), ("X-Account-Id", "42".to_owned())],
                "an account that is not a uuid",
            ),
        ] {
            let (status, body) = read_all(service.send("GET", "/apps", &headers, None).await).await;
            assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_header", what);
        }

        for (method, path) in [
            ("GET", "/apps/not-a-uuid/conversations"),
            ("GET", "/conversations/123/messages"),
            ("POST", "/conversations/123/messages"),
        ] {
            let body = (method == "POST").then_some(r#"{"query": "hi"}"#);
            let (status, body) = service.call(who, method, path, body).await;
            assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_id", path);
        }

        for (query, kind) in [
            ("limit=0", "bad_limit"),
            ("limit=101", "bad_limit"),
            ("limit=ten", "bad_limit"),
            ("limit=-1", "bad_limit"),
            ("after=yesterday", "bad_cursor"),
            ("after=123.not-a-uuid", "bad_cursor"),
            ("after=soon.0191d7a4e1f27c3a9b2f0c4d5e6f7a8b", "bad_cursor"),
        ] {
            for path in ["/apps".to_owned(), messages.clone()] {
                let path = format!("{path}?{query}");
                let (status, body) = service.get(who, &path).await;
                assert_error(status, &body, StatusCode::BAD_REQUEST, kind, &path);
            }
        }

        for (body, what) in [
            ("not json", "a body that is not JSON"),
            (r#"{"question": "hi"}"#, "a body without query"),
            (r#"{"query": "  "}"#, "an empty query"),
        ] {
            let (status, answer) = service.call(who, "POST", &messages, Some(body)).await;
            assert_error(status, &answer, StatusCode::BAD_REQUEST, "bad_body", what);
        }
        assert_eq!(
            service.messages(who, acme.conversation_id).await.len(),
            1,
            "nothing was stored"
        );
    });
}

#[test]
fn pages_follow_the_after_cursor() {
    let mut service = Service::start(0);
    let acme = service.acme.clone();
    let globex = service.globex.clone();
    let mut conversation = |seeded: &Seeded, name: &str, messages: usize| {
        seed::conversation(
            &mut service.admin,
            seeded.tenant_id,
            seeded.account_id,
            seeded.app_id,
            name,
            name,
            messages,
        )
        .unwrap()
    };
    // First a conversation with more messages than the service reads of an
    // app at once, then the one to page through: its messages come after
    // (or among) the others in the app's order, so its pages are found
    // across those reads. Then two more conversations, and one in Globex.
    conversation(&acme, "busy", 205);
    let paged = conversation(&acme, "paged", 7);
    conversation(&acme, "quiet", 0);
    conversation(&acme, "empty", 0);
    conversation(&globex, "other", 3);
    let who = Who::of(&acme);

    service.block_on(async {
        for (path, total, limit) in [
            (format!("/conversations/{paged}/messages"), 7, 3),
            (format!("/apps/{}/conversations", acme.app_id), 5, 2),
        ] {
            let (status, everything) = service.get(who, &format!("{path}?limit=100")).await;
            assert_eq!(status, StatusCode::OK, "{everything}");
            let everything = ids(&everything);
            assert_eq!(everything.len(), total, "{path}");

            let mut collected = Vec::new();
            let mut after: Option<String> = None;
            let mut pages = 0;
            loop {
                let url = match &after {
                    Some(cursor) => format!("{path}?limit={limit}&after={cursor}"),
                    None => format!("{path}?limit={limit}"),
                };
                let (status, page) = service.get(who, &url).await;
                assert_eq!(status, StatusCode::OK, "{page}");
                pages += 1;
                let rows = ids(&page);
                assert!(rows.len() <= limit, "{page}");
                collected.extend(rows);
                match page["next"].as_str() {
                    Some(next) => {
                        assert_eq!(page["has_more"], true);
                        assert_eq!(page["data"].as_array().unwrap().len(), limit);
                        after = Some(next.to_owned());
                    }
                    None => {
                        assert_eq!(page["has_more"], false);
                        break;
                    }
                }
            }
            assert_eq!(pages, total.div_ceil(limit), "{path}");
            assert_eq!(
                collected, everything,
                "{path}: the pages, in order, are the whole list"
            );
        }

        // A cursor is a position, not a permission: Globex with Acme's app
        // and a cursor from Acme's pages finds nothing.
        let (_, first) = service
            .get(who, &format!("/apps/{}/conversations?limit=1", acme.app_id))
            .await;
        let cursor = first["next"].as_str().unwrap();
        let (status, theirs) = service
            .get(
                Who::of(&globex),
                &format!(
                    "/apps/{}/conversations?limit=100&after={cursor}",
                    acme.app_id
                ),
            )
            .await;
        assert_error(
            status,
            &theirs,
            StatusCode::NOT_FOUND,
            "not_found",
            "Acme's app from Globex",
        );
    });
}

#[test]
fn the_answer_streams_while_no_connection_is_held() {
    // One connection: the stream cannot hold it and let anything else run.
    let service = Service::start_with(
        PoolOptions {
            max_size: 1,
            min_idle: 1,
            connection_timeout: Duration::from_secs(3),
            ..PoolOptions::default()
        },
        Duration::from_millis(60),
        1,
    );
    let acme = &service.acme;
    let who = Who::of(acme);
    let query = "Where is my parcel?";
    service.block_on(async {
        service.settle().await;
        let response = service
            .send(
                "POST",
                &format!("/conversations/{}/messages", acme.conversation_id),
                &headers(who),
                Some(&json!({ "query": query }).to_string()),
            )
            .await;
        let mut events = Events::of(response);
        let first = events.next().await.unwrap();
        assert_eq!(first["event"], "message", "{first}");
        let message_id: Uuid = first["message_id"].as_str().unwrap().parse().unwrap();

        // Mid-stream: every open connection is idle.
        let state = service.pool().state();
        assert!(state.connections >= 1, "{state:?}");
        assert_eq!(
            state.idle, state.connections,
            "the stream holds no connection: {state:?}"
        );

        // The pool's one connection serves another request meanwhile; the
        // question is stored, its answer not yet.
        let stored = service.messages(who, acme.conversation_id).await;
        let mine = stored
            .iter()
            .find(|m| m["id"] == message_id.to_string())
            .unwrap();
        assert_eq!(mine["query"], query);
        assert_eq!(
            mine["answer"], "",
            "the answer is stored when it is complete"
        );

        let (mut chunks, end) = events.rest().await;
        assert!(!chunks.is_empty(), "the checks ran before the last chunk");
        assert_eq!(end["event"], "message_end", "{end}");
        assert_eq!(end["message_id"], message_id.to_string());
        chunks.insert(0, first["answer"].as_str().unwrap().to_owned());
        let answer = chunks.concat();
        assert_eq!(answer, app::stand_in_answer(query).concat());

        // After the stream the answer is stored.
        let stored = service.messages(who, acme.conversation_id).await;
        let mine = stored
            .iter()
            .find(|m| m["id"] == message_id.to_string())
            .unwrap();
        assert_eq!(mine["answer"], answer);
        service.settle().await;
    });
}

#[test]
fn scoped_errors_become_statuses_and_cursors_round_trip() {
    let cases = [
        (
            Error::NotMember {
                tenant: Uuid::new_v4(),
                account: Uuid::new_v4(),
            },
            StatusCode::FORBIDDEN,
            "not_member",
        ),
        (
            Error::Forbidden {
                need: "editing",
                role: Role::Normal,
            },
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            Error::Pool("timed out".into()),
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
        ),
        (
            Error::Unavailable("connection refused".into()),
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
        ),
        (
            Error::ConnectionLost("reset".into()),
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
        ),
        (
            Error::PoolReentered,
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
        ),
    ];
    for (error, status, kind) in cases {
        let what = error.to_string();
        let api = app::ApiError::from(error);
        assert_eq!((api.status, api.kind), (status, kind), "{what}");
    }

    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 2)
        .unwrap()
        .and_hms_micro_opt(3, 4, 5, 678_901)
        .unwrap();
    for cursor in [
        Cursor {
            created_at: Some(at),
            id: Uuid::new_v4(),
        },
        Cursor {
            created_at: None,
            id: Uuid::new_v4(),
        },
    ] {
        let text = app::encode_cursor(&cursor);
        assert_eq!(app::decode_cursor(&text).unwrap(), cursor, "{text}");
    }
}
