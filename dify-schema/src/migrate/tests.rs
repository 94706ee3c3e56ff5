//! What `generate` writes for typical declaration changes, as reviewed
//! snapshots of the up and down SQL.

use super::diff::{diff, unacknowledged, Diff};
use crate::schema::snapshot::{ColumnSnapshot, IndexSnapshot, SchemaSnapshot, TableSnapshot};
use crate::schema::{Capability, IndexMethod, Schema, SqlType};

fn column(name: &str, sql_type: SqlType, nullable: bool) -> ColumnSnapshot {
    ColumnSnapshot {
        name: name.into(),
        field: name.into(),
        sql_type,
        nullable,
        default: None,
        client_default: None,
        audit: None,
        string_enum: None,
        cross_tenant: false,
        insert_values: None,
        generated: None,
    }
}

fn apps() -> TableSnapshot {
    TableSnapshot {
        name: "apps".into(),
        entity: "App".into(),
        columns: vec![
            column("id", SqlType::Uuid, false),
            column("tenant_id", SqlType::Uuid, false),
            column("name", SqlType::Varchar(Some(255)), false),
            column("status", SqlType::Varchar(Some(255)), false),
            column("tracing", SqlType::Text, true),
        ],
        primary_key: ("app_pkey".into(), vec!["id".into()]),
        indexes: vec![IndexSnapshot {
            name: "app_tenant_id_idx".into(),
            columns: vec![("tenant_id".into(), false)],
            unique: false,
            method: IndexMethod::Btree,
            predicate: None,
        }],
        unique_constraints: vec![],
        relations: vec![],
        ownership: crate::schema::snapshot::OwnershipSnapshot::Tenant {
            column: "tenant_id".into(),
        },
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: None,
        visibility: crate::schema::snapshot::VisibilitySnapshot::Tenant,
    }
}

/// A schema of these tables, without row-level security (the snapshots
/// below are about tables, columns and indexes).
fn schema(tables: Vec<TableSnapshot>) -> Schema {
    SchemaSnapshot {
        tables,
        row_level_security: None,
    }
    .into_schema()
}

fn render(diff: &Diff) -> String {
    let mut out = String::new();
    for note in &diff.notes {
        out.push_str(&format!("# note: {note}\n"));
    }
    for phase in &diff.phases {
        let kind = if phase.transactional {
            "in a transaction"
        } else {
            "outside a transaction"
        };
        out.push_str(&format!(
            "## migration `{}` ({kind})\n-- up.sql\n{}-- down.sql\n{}\n",
            phase.suffix, phase.up, phase.down
        ));
    }
    out
}

#[test]
fn adding_a_column() {
    let mut changed = apps();
    let mut icon = column("icon", SqlType::Varchar(Some(255)), true);
    icon.default = Some(crate::schema::snapshot::DefaultSnapshot::Str("🤖".into()));
    changed.columns.push(icon);
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert!(diff.unsafe_operations.is_empty());
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn adding_a_partial_index_builds_it_concurrently_outside_a_transaction() {
    let mut changed = apps();
    changed.indexes.push(IndexSnapshot {
        name: "app_active_name_idx".into(),
        columns: vec![("tenant_id".into(), false), ("name".into(), true)],
        unique: true,
        method: IndexMethod::Btree,
        predicate: Some("status = 'normal'".into()),
    });
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert_eq!(diff.phases.len(), 1);
    assert!(!diff.phases[0].transactional);
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn dropping_an_index() {
    let mut changed = apps();
    changed.indexes.clear();
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn making_a_column_not_null_goes_through_a_validated_check() {
    let mut changed = apps();
    changed.columns[4].nullable = false;
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert_eq!(
        diff.phases.len(),
        2,
        "NOT VALID now, VALIDATE in the next migration"
    );
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn dropping_a_column_and_narrowing_a_type_are_flagged_and_a_rename_is_proposed() {
    let mut changed = apps();
    changed.columns.retain(|c| c.name != "tracing");
    changed
        .columns
        .push(column("trace_config", SqlType::Text, true));
    changed.columns[2].sql_type = SqlType::Varchar(Some(100));
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert_eq!(
        diff.unsafe_operations.len(),
        2,
        "{:?}",
        diff.unsafe_operations
    );
    assert_eq!(unacknowledged(&diff.phases[0].up).len(), 2);
    assert!(
        diff.notes
            .iter()
            .any(|n| n.contains("RENAME COLUMN tracing TO trace_config")),
        "{:?}",
        diff.notes
    );
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn a_new_table_with_its_indexes_needs_no_concurrently() {
    let diff = diff(&schema(vec![]), &schema(vec![apps()]));
    assert_eq!(diff.phases.len(), 1);
    assert!(diff.phases[0].transactional);
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn no_change_no_migration() {
    assert!(diff(&schema(vec![apps()]), &schema(vec![apps()])).is_empty());
}
