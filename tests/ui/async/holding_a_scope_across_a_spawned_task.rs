//! A scope cannot be moved into a spawned task: the task may outlive the
//! scope's transaction (and run on another thread after the scope ended),
//! so `tokio::spawn`'s `'static` bound refuses the borrow.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error};

async fn in_the_background(pool: &AsyncPool, tenant: Uuid, account: Uuid) -> Result<(), Error> {
    pool.with_tenant(tenant, account, async |scope| -> Result<(), Error> {
        let task = tokio::spawn(async move { scope.count::<App>().await });
        task.await.unwrap()?;
        Ok(())
    })
    .await
}

fn main() {}
