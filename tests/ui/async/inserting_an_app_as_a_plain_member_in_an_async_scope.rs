//! An async scope writes only with the capability its entity declares:
//! an app needs `Editing`, which a scope gets from `require`.

use dify_models::app::{App, NewApp};
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error};

async fn create(pool: &AsyncPool, tenant: Uuid, account: Uuid, new: NewApp<'_>) -> Result<(), Error> {
    pool.with_tenant(tenant, account, async |scope| -> Result<(), Error> {
        scope.insert::<App>(new).await?;
        Ok(())
    })
    .await
}

fn main() {}
