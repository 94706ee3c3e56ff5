//! A future made inside the scope (a query not yet awaited) cannot be
//! returned out of it to be awaited later, when the scope's transaction
//! and connection are gone: it borrows the scope.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error};

async fn later(pool: &AsyncPool, tenant: Uuid, account: Uuid) -> Result<(), Error> {
    let pending = pool
        .with_tenant(tenant, account, async |scope| -> Result<_, Error> {
            Ok(scope.count::<App>())
        })
        .await?;
    pending.await?;
    Ok(())
}

fn main() {}
