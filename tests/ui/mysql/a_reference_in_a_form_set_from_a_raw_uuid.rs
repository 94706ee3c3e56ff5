//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/a_reference_in_a_form_set_from_a_raw_uuid.rs`):
//! A column that references a tenant-owned row takes an id of the scope in
//! every form: `workflows.app_id` (an app's or a snippet's, so an `AnyId`)
//! cannot name another workspace's app from a plain uuid.
//! `scope.lookup::<App>(uuid)` checks it first.

use dify_models::workflow::{NewWorkflow, Workflow, WorkflowType};
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn link(tenant: Uuid, account: Uuid, other_workspaces_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<Workflow>(NewWorkflow {
            id: None,
            app_id: other_workspaces_app,
            r#type: WorkflowType::Workflow,
            version: "draft".into(),
            marked_name: None,
            marked_comment: None,
            graph: "{}".into(),
            features: "{}".into(),
            environment_variables: None,
            conversation_variables: None,
            rag_pipeline_variables: None,
            kind: None,
        })?;
        Ok(())
    })
}

fn main() {}
