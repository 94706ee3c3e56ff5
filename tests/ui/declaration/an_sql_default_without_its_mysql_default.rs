use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Provider]; }

// `sql(...)` is PostgreSQL's text; the declaration says MySQL's default.
#[entity(table = "providers", owner = tenant)]
pub struct Provider {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(bigint, default = sql("'-1'::integer"))]
    pub expires_at: i64,
}

fn main() {}
