use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Task]; }

// `celery_taskmeta_task_id_key` may be PostgreSQL's name for a constraint
// SQLAlchemy left unnamed (MySQL names it `task_id`) or a name Dify chose.
#[entity(table = "celery_taskmeta", owner = global, visible = none)]
#[unique(name = "celery_taskmeta_task_id_key", columns(task_id))]
pub struct Task {
    #[column(integer, primary_key)]
    pub id: i32,
    #[column(varchar(155))]
    pub task_id: Option<String>,
}

fn main() {}
