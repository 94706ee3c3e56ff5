//! System tables: the setup record and Celery's result backend.

use dify_schema::prelude::*;

/// Dify's `DifySetup` (`dify_setups`).
#[entity(table = "dify_setups", owner = global, visible = all, primary_key_name = "dify_setup_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct DifySetup {
    #[column(varchar(255), primary_key)]
    pub version: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0))]
    pub setup_at: NaiveDateTime,
}

/// Dify's `CeleryTask` (`celery_taskmeta`).
///
/// Celery result backend table; result is PickleType (bytea); PK/unique names from naming convention; task_id/status NOT NULL per Mapped[str] annotation.
#[entity(table = "celery_taskmeta", owner = global, visible = none)]
#[unique(
    name = "celery_taskmeta_task_id_key",
    columns(task_id),
    mysql_name = "task_id"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct CeleryTask {
    #[column(integer, primary_key, default = nextval("task_id_sequence"))]
    pub id: i32,
    #[column(varchar(155))]
    pub task_id: String,
    #[column(varchar(50))]
    pub status: String,
    #[column(bytea)]
    pub result: Option<Vec<u8>>,
    #[column(timestamp, client_default = now)]
    pub date_done: Option<NaiveDateTime>,
    #[column(text)]
    pub traceback: Option<String>,
    #[column(varchar(155))]
    pub name: Option<String>,
    #[column(bytea)]
    pub args: Option<Vec<u8>>,
    #[column(bytea)]
    pub kwargs: Option<Vec<u8>>,
    #[column(varchar(155))]
    pub worker: Option<String>,
    #[column(integer)]
    pub retries: Option<i32>,
    #[column(varchar(155))]
    pub queue: Option<String>,
}

/// Dify's `CeleryTaskSet` (`celery_tasksetmeta`).
///
/// Celery result backend table.
#[entity(table = "celery_tasksetmeta", owner = global, visible = none)]
#[unique(
    name = "celery_tasksetmeta_taskset_id_key",
    columns(taskset_id),
    mysql_name = "taskset_id"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct CeleryTaskSet {
    #[column(integer, primary_key, default = nextval("taskset_id_sequence"))]
    pub id: i32,
    #[column(varchar(155))]
    pub taskset_id: String,
    #[column(bytea)]
    pub result: Option<Vec<u8>>,
    #[column(timestamp, client_default = now)]
    pub date_done: Option<NaiveDateTime>,
}
