use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Run, Step]; }

#[entity(table = "runs", owner = tenant)]
#[retention(on = created_at, days = 30)]
#[index(name = "run_created_at_id_idx", columns(created_at, id))]
pub struct Run {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(timestamp)]
    pub created_at: NaiveDateTime,
}

// A purge finds a run's steps by run_id; with no index starting with it,
// every batch would scan all steps.
#[entity(table = "steps", owner = tenant)]
#[retention(with = run_id)]
pub struct Step {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Run)]
    pub run_id: Uuid,
}

fn main() {}
