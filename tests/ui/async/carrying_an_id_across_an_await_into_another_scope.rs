//! An id read in one async scope, carried across `.await`s into a scope of
//! another workspace (a second `with_tenant` opened inside the first, as a
//! handler might to "also look in the other workspace"), does not compile:
//! each scope's ids are its own, async or not.

use dify_models::app::App;
use dify_models::conversation::Conversation;
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error};

async fn copy_across(
    pool_a: &AsyncPool,
    pool_b: &AsyncPool,
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_app: Uuid,
) -> Result<(), Error> {
    pool_a
        .with_tenant(tenant_a, account, async |scope_a| {
            let Some(app) = scope_a.lookup::<App>(raw_app).await? else {
                return Ok(());
            };
            let app_id = app.id();
            tokio::task::yield_now().await;
            pool_b
                .with_tenant(tenant_b, account, async |scope_b| {
                    scope_b.count::<Conversation>().await?;
                    scope_b.find(app_id).await?;
                    Ok(())
                })
                .await
        })
        .await
}

fn main() {}
