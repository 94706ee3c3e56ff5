//! Rows made with plain SQL on a migrated database: whole demo workspaces
//! (`dify-load seed`, for running the driver without the dify service),
//! and more conversations and messages in the demo apps (`--fill`), so
//! that a page of 20 is a full page.

use sqlx::PgPool;
use uuid::Uuid;

use super::spawn::DemoLine;

/// One workspace like the dify service's demo: a tenant, its owner, an
/// app with `conversations` conversations of `messages` messages each.
pub async fn workspace(
    pool: &PgPool,
    name: &str,
    conversations: u32,
    messages: u32,
) -> Result<DemoLine, sqlx::Error> {
    let tenant = Uuid::new_v4();
    let account = Uuid::new_v4();
    let app = Uuid::new_v4();
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO tenants (id, name) VALUES ($1, $2)")
        .bind(tenant)
        .bind(name)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO accounts (id, name, email) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(format!("{name} owner"))
        .bind(format!("owner@{}.example", name.to_lowercase()))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO tenant_account_joins (tenant_id, account_id, role, current) \
         VALUES ($1, $2, 'owner', true)",
    )
    .bind(tenant)
    .bind(account)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO apps (id, tenant_id, name, mode, enable_site, enable_api, created_by) \
         VALUES ($1, $2, $3, 'chat', true, true, $4)",
    )
    .bind(app)
    .bind(tenant)
    .bind(format!("{name} support bot"))
    .bind(account)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    fill(pool, app, account, conversations, messages).await?;
    settle(pool).await?;
    let conversation: Uuid = sqlx::query_scalar(
        "SELECT id FROM conversations WHERE app_id = $1 ORDER BY created_at, id LIMIT 1",
    )
    .bind(app)
    .fetch_one(pool)
    .await?;
    Ok(DemoLine {
        tenant_id: tenant,
        account_id: account,
        app_id: app,
        conversation_id: conversation,
    })
}

/// Adds `conversations` conversations to the app, and `messages` messages
/// (a ~350-byte answer each) to every conversation of the app that has
/// fewer.
pub async fn fill(
    pool: &PgPool,
    app: Uuid,
    account: Uuid,
    conversations: u32,
    messages: u32,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO conversations (app_id, mode, name, inputs, status, from_source, \
         from_account_id, created_at, updated_at) \
         SELECT $1, 'chat', 'Conversation ' || g, '{}', 'normal', 'console', $2, \
                now()::timestamp - make_interval(mins => g), now()::timestamp - make_interval(mins => g) \
         FROM generate_series(1, $3) AS g",
    )
    .bind(app)
    .bind(account)
    .bind(conversations as i32)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO messages (app_id, conversation_id, inputs, query, message, message_unit_price, \
         answer, answer_unit_price, currency, from_source, from_account_id, created_at, updated_at) \
         SELECT c.app_id, c.id, '{}', 'Question ' || g || ' about the order', '[]', 0, \
                repeat('A stand-in answer. ', 18), 0, 'USD', 'console', $2, \
                c.created_at + make_interval(secs => g), c.created_at + make_interval(secs => g) \
         FROM conversations c \
         CROSS JOIN generate_series(1, $3) AS g \
         WHERE c.app_id = $1 \
           AND (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) < g",
    )
    .bind(app)
    .bind(account)
    .bind(messages as i32)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `VACUUM ANALYZE` of the tables the routes read, so that neither the
/// planner's statistics nor an autovacuum woken by the new rows changes
/// under the first service measured.
pub async fn settle(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::raw_sql("VACUUM ANALYZE tenant_account_joins, apps, conversations, messages")
        .execute(pool)
        .await?;
    Ok(())
}
