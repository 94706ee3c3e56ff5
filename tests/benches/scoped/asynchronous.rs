//! Issue 15's async scenarios (`--only=async`): the async scope
//! (`AsyncPool::with_tenant`) against tokio-postgres prepared statements in
//! autocommit, hand-written diesel-async, and the sync scope.
//!
//! * **one point read per scope**: what a request of a service costs. One
//!   client in sequence (latency-bound: round trips count), then 16
//!   concurrent tasks on a pool of 10 (the baseline on 10 connections).
//! * **in one open scope**: many point reads inside one scope, against the
//!   same statement by hand with diesel-async in one transaction.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::{ExpressionMethods, QueryDsl};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use dify_models::app::App;
use dify_schema::pool::PoolOptions;
use dify_schema::{with_tenant, AsyncPool, Error};
use uuid::Uuid;

use super::hand::{self, schema::apps, AppRow};
use super::harness::{measure, report, Ratio, Variant};
use super::scenarios::Ctx;

const TASKS: usize = 16;
const POOL: u32 = 10;

fn pool_options(size: u32) -> PoolOptions {
    PoolOptions {
        min_idle: size,
        max_size: size,
        ..PoolOptions::default()
    }
}

async fn tokio_client(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("tokio-postgres connects");
    tokio::spawn(connection);
    client
}

async fn diesel_find_app(conn: &mut AsyncPgConnection, tenant: Uuid, id: Uuid) -> AppRow {
    apps::table
        .filter(apps::id.eq(id))
        .filter(apps::tenant_id.eq(tenant))
        .first::<AppRow>(conn)
        .await
        .expect("app")
}

pub fn run(cx: &Ctx<'_>) -> Vec<Ratio> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let rt = &runtime;
    let s = cx.samples;
    let nt = s.tenants.len();
    let ops = cx.ops;
    let url = cx.db.url.clone();
    let mut ratios = Vec::new();

    // One point read per scope, one client after another.
    let pool = rt.block_on(AsyncPool::open(&url, pool_options(2))).unwrap();
    let (client, find) = rt.block_on(async {
        let client = tokio_client(&url).await;
        let find = client.prepare(hand::sql::FIND_APP).await.unwrap();
        (client, find)
    });
    let mut sync_conn = cx.db.connect();
    let mut variants = vec![
        Variant::new("async scope per read", |round| {
            let t = &s.tenants[round % nt];
            rt.block_on(async {
                let start = Instant::now();
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    let row = pool
                        .with_tenant(t.tenant, t.owner, async |scope| -> Result<_, Error> {
                            Ok(scope.lookup::<App>(app).await?.map(|row| row.into_inner()))
                        })
                        .await
                        .unwrap();
                    black_box(row.expect("app"));
                }
                start.elapsed()
            })
        }),
        Variant::new("tokio-postgres (autocommit)", |round| {
            let t = &s.tenants[round % nt];
            rt.block_on(async {
                let start = Instant::now();
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    let row = client
                        .query_opt(&find, &[&app, &t.tenant, &1i64])
                        .await
                        .unwrap();
                    black_box(hand::pg_app(&row.expect("app")));
                }
                start.elapsed()
            })
        }),
        Variant::new("sync scope per read", |round| {
            let t = &s.tenants[round % nt];
            let start = Instant::now();
            for i in 0..ops {
                let app = t.apps[i % t.apps.len()];
                let row = with_tenant(&mut sync_conn, t.tenant, t.owner, |scope| {
                    Ok::<_, Error>(scope.lookup::<App>(app)?.map(|row| row.into_inner()))
                })
                .unwrap();
                black_box(row.expect("app"));
            }
            start.elapsed()
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "async: a point read per scope, one client",
        ops,
        &series,
        &["async scope per read"],
    ));

    // One point read per scope, 16 tasks at once on a pool of 10.
    let pool = rt
        .block_on(AsyncPool::open(&url, pool_options(POOL)))
        .unwrap();
    let clients: Arc<Vec<(tokio_postgres::Client, tokio_postgres::Statement)>> =
        Arc::new(rt.block_on(async {
            let mut clients = Vec::new();
            for _ in 0..POOL {
                let client = tokio_client(&url).await;
                let find = client.prepare(hand::sql::FIND_APP).await.unwrap();
                clients.push((client, find));
            }
            clients
        }));
    let per_task = ops.div_ceil(TASKS);
    let mut variants = vec![
        Variant::new("async scope per read, 16 tasks", |round| {
            let t = s.tenants[round % nt].clone();
            rt.block_on(async {
                let start = Instant::now();
                let tasks: Vec<_> = (0..TASKS)
                    .map(|task| {
                        let pool = pool.clone();
                        let t = t.clone();
                        tokio::spawn(async move {
                            for i in 0..per_task {
                                let app = t.apps[(task * per_task + i) % t.apps.len()];
                                let row = pool
                                    .with_tenant(
                                        t.tenant,
                                        t.owner,
                                        async |scope| -> Result<_, Error> {
                                            Ok(scope
                                                .lookup::<App>(app)
                                                .await?
                                                .map(|row| row.into_inner()))
                                        },
                                    )
                                    .await
                                    .unwrap();
                                black_box(row.expect("app"));
                            }
                        })
                    })
                    .collect();
                for task in tasks {
                    task.await.unwrap();
                }
                start.elapsed()
            })
        }),
        Variant::new("tokio-postgres (autocommit), 16 tasks", |round| {
            let t = s.tenants[round % nt].clone();
            rt.block_on(async {
                let start = Instant::now();
                let tasks: Vec<_> = (0..TASKS)
                    .map(|task| {
                        let clients = Arc::clone(&clients);
                        let t = t.clone();
                        tokio::spawn(async move {
                            let (client, find) = &clients[task % clients.len()];
                            for i in 0..per_task {
                                let app = t.apps[(task * per_task + i) % t.apps.len()];
                                let row = client
                                    .query_opt(find, &[&app, &t.tenant, &1i64])
                                    .await
                                    .unwrap();
                                black_box(hand::pg_app(&row.expect("app")));
                            }
                        })
                    })
                    .collect();
                for task in tasks {
                    task.await.unwrap();
                }
                start.elapsed()
            })
        }),
    ];
    let series = measure(per_task * TASKS, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "async: a point read per scope, 16 tasks on a pool of 10",
        per_task * TASKS,
        &series,
        &["async scope per read, 16 tasks"],
    ));

    // Many point reads in one open scope.
    let pool = rt.block_on(AsyncPool::open(&url, pool_options(1))).unwrap();
    let mut hand_conn = rt.block_on(AsyncPgConnection::establish(&url)).unwrap();
    let mut variants = vec![
        Variant::new("async scope, reads in one scope", |round| {
            let t = &s.tenants[round % nt];
            rt.block_on(async {
                let mut elapsed = Duration::ZERO;
                pool.with_tenant(t.tenant, t.owner, async |scope| -> Result<_, Error> {
                    scope.role().await?;
                    let start = Instant::now();
                    for i in 0..ops {
                        let app = t.apps[i % t.apps.len()];
                        black_box(scope.lookup::<App>(app).await?.expect("app"));
                    }
                    elapsed = start.elapsed();
                    Ok(())
                })
                .await
                .unwrap();
                elapsed
            })
        }),
        Variant::new("diesel-async (hand-written)", |round| {
            let t = &s.tenants[round % nt];
            rt.block_on(async {
                hand_conn.batch_execute("BEGIN").await.unwrap();
                let start = Instant::now();
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(diesel_find_app(&mut hand_conn, t.tenant, app).await);
                }
                let elapsed = start.elapsed();
                hand_conn.batch_execute("COMMIT").await.unwrap();
                elapsed
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "async: point reads in one open scope",
        ops,
        &series,
        &["async scope, reads in one scope"],
    ));
    ratios
}
