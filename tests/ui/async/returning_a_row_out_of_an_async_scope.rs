//! A row (and so its branded ids) cannot leave the async scope it was read
//! in: return plain values (`row.id().get()`, the fields) instead.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error, Page};

async fn first_app(pool: &AsyncPool, tenant: Uuid, account: Uuid) -> Result<(), Error> {
    let apps = pool
        .with_tenant(tenant, account, async |scope| {
            scope.list::<App>(Page::first(1)).await
        })
        .await?;
    drop(apps);
    Ok(())
}

fn main() {}
