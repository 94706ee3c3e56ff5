//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/locking_an_app_as_a_plain_member.rs`):
//! A lock is the first half of a write: `lock` and `for_update` need the
//! capability a write of the entity needs. (Under row-level security
//! PostgreSQL applies the update policy to `SELECT ... FOR UPDATE`, so a
//! plain member's lock of an app would silently find nothing.)

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn lock_app(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let Some(app) = scope.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        scope.lock(app.id())?;
        scope.query::<App>().for_update().load()?;
        Ok(())
    })
}

fn main() {}
