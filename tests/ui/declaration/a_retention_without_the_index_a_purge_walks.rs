use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Run]; }

// A purge walks expired rows in (created_at, id) order; without that
// index every batch would scan the table.
#[entity(table = "runs", owner = tenant)]
#[retention(on = created_at, days = 30)]
#[index(name = "run_created_at_idx", columns(created_at))]
pub struct Run {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(timestamp)]
    pub created_at: NaiveDateTime,
}

fn main() {}
