use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Run]; }

#[entity(table = "runs", owner = tenant)]
#[partition(by = name, interval = month)]
pub struct Run {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
}

fn main() {}
