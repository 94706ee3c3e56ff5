//! What `generate` writes for typical declaration changes, as reviewed
//! snapshots of the up and down SQL.

use super::diff::{diff, unacknowledged, Diff};
use crate::migrate::snapshot::SchemaSnapshot;
use crate::schema::{
    Capability, Column, Default, Index, IndexColumn, IndexMethod, Ownership, PrimaryKey, Schema,
    SqlType, Table, Visibility,
};

fn column(name: &str, sql_type: SqlType, nullable: bool) -> Column {
    Column {
        name: name.to_owned().into(),
        field: name.to_owned().into(),
        sql_type,
        nullable,
        default: None,
        client_default: None,
        audit: None,
        string_enum: None,
        cross_tenant: false,
        insert_values: None,
        generated: None,
        mysql: crate::schema::MysqlColumn::NONE,
    }
}

fn apps() -> Table {
    Table {
        name: "apps".into(),
        entity: "App".into(),
        columns: vec![
            column("id", SqlType::Uuid, false),
            column("tenant_id", SqlType::Uuid, false),
            column("name", SqlType::Varchar(Some(255)), false),
            column("status", SqlType::Varchar(Some(255)), false),
            column("tracing", SqlType::Text, true),
        ]
        .into(),
        primary_key: PrimaryKey {
            name: "app_pkey".into(),
            columns: vec!["id".into()].into(),
        },
        indexes: vec![Index {
            name: "app_tenant_id_idx".into(),
            columns: vec![index_column("tenant_id")].into(),
            unique: false,
            method: IndexMethod::Btree,
            predicate: None,
            mysql: crate::schema::MysqlIndex::NONE,
        }]
        .into(),
        unique_constraints: vec![].into(),
        relations: vec![].into(),
        ownership: Ownership::Tenant {
            column: "tenant_id".into(),
        },
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: None,
        visibility: Visibility::Tenant,
        retention: None,
        partition: None,
    }
}

fn index_column(name: &str) -> IndexColumn {
    IndexColumn {
        name: name.to_owned().into(),
        descending: false,
    }
}

/// A schema of these tables, without row-level security (the snapshots
/// below are about tables, columns and indexes).
fn schema(tables: Vec<Table>) -> Schema {
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
    icon.default = Some(Default::Str("🤖".into()));
    changed.columns.to_mut().push(icon);
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert!(diff.unsafe_operations.is_empty());
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn adding_a_partial_index_builds_it_concurrently_outside_a_transaction() {
    let mut changed = apps();
    changed.indexes.to_mut().push(Index {
        name: "app_active_name_idx".into(),
        columns: vec![
            index_column("tenant_id"),
            IndexColumn {
                name: "name".into(),
                descending: true,
            },
        ]
        .into(),
        unique: true,
        method: IndexMethod::Btree,
        predicate: Some("status = 'normal'".into()),
        mysql: crate::schema::MysqlIndex::NONE,
    });
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    assert_eq!(diff.phases.len(), 1);
    assert!(!diff.phases[0].transactional);
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn dropping_an_index() {
    let mut changed = apps();
    changed.indexes.to_mut().clear();
    let diff = diff(&schema(vec![apps()]), &schema(vec![changed]));
    insta::assert_snapshot!(render(&diff));
}

#[test]
fn making_a_column_not_null_goes_through_a_validated_check() {
    let mut changed = apps();
    changed.columns.to_mut()[4].nullable = false;
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
    changed.columns.to_mut().retain(|c| c.name != "tracing");
    changed
        .columns
        .to_mut()
        .push(column("trace_config", SqlType::Text, true));
    changed.columns.to_mut()[2].sql_type = SqlType::Varchar(Some(100));
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

/// MySQL's diff of the same changes: one migration, flagged like
/// PostgreSQL's where it loses data, and a MySQL-only option changes
/// nothing on PostgreSQL.
#[test]
fn mysql_diffs_the_same_changes() {
    use crate::migrate::mysql::diff as mysql_diff;
    use crate::schema::{MysqlBuild, MysqlIndex};
    let old = schema(vec![apps()]);
    let mut changed = apps();
    changed
        .columns
        .to_mut()
        .push(column("icon", SqlType::Varchar(Some(255)), true));
    changed.columns.to_mut().retain(|c| c.name != "tracing");
    changed.indexes.to_mut().push(Index {
        name: "app_status_idx".into(),
        columns: vec![index_column("status")].into(),
        unique: false,
        method: IndexMethod::Btree,
        predicate: Some("status = 'normal'".into()),
        mysql: MysqlIndex {
            build: MysqlBuild::Whole,
            prefixes: vec![].into(),
        },
    });
    let new = schema(vec![changed.clone()]);
    let diff = mysql_diff(&old, &new);
    assert_eq!(
        diff.up,
        [
            "ALTER TABLE `apps` ADD COLUMN `icon` varchar(255);",
            "-- UNSAFE(drop-column): dropping `apps.tracing` loses what it holds. Review, then change UNSAFE to ACKNOWLEDGED.\nALTER TABLE `apps` DROP COLUMN `tracing`;",
            "CREATE INDEX `app_status_idx` ON `apps` (`status`);",
        ]
    );
    assert_eq!(
        diff.down,
        [
            "DROP INDEX `app_status_idx` ON `apps`;",
            "ALTER TABLE `apps` ADD COLUMN `tracing` longtext;",
            "ALTER TABLE `apps` DROP COLUMN `icon`;",
        ]
    );
    assert_eq!(diff.unsafe_operations.len(), 1);
    assert!(mysql_diff(&new, &new).is_empty());
    // Skipping the index on MySQL is a MySQL change only.
    let mut skipped = changed;
    skipped.indexes.to_mut()[1].mysql.build = MysqlBuild::Skip;
    let skipped = schema(vec![skipped]);
    assert_eq!(
        mysql_diff(&new, &skipped).up,
        ["DROP INDEX `app_status_idx` ON `apps`;"]
    );
    assert!(diff_is_empty(&new, &skipped));
}

fn diff_is_empty(old: &Schema, new: &Schema) -> bool {
    diff(old, new).is_empty()
}

#[test]
fn partitioning_an_existing_table_is_flagged_for_a_hand_written_migration() {
    let mut changed = apps();
    changed
        .columns
        .to_mut()
        .push(column("created_at", SqlType::Timestamp, false));
    let before = changed.clone();
    changed.partition = Some(crate::schema::Partition {
        column: "created_at".into(),
    });
    let diff = diff(&schema(vec![before]), &schema(vec![changed.clone()]));
    assert_eq!(
        diff.unsafe_operations.len(),
        1,
        "{:?}",
        diff.unsafe_operations
    );
    assert!(diff.unsafe_operations[0].contains("changes its partitioned layout"));
    let up = &diff.phases[0].up;
    assert_eq!(unacknowledged(up).len(), 1, "{up}");

    // A new partitioned table is created partitioned, with its months.
    let diff = diff_new(changed);
    assert!(diff.unsafe_operations.is_empty());
    let up = &diff.phases[0].up;
    assert!(up.contains("PRIMARY KEY (id, created_at)"), "{up}");
    assert!(up.contains(") PARTITION BY RANGE (created_at);"), "{up}");
    assert!(
        up.contains("CREATE TABLE IF NOT EXISTS %I PARTITION OF %I"),
        "{up}"
    );
}

fn diff_new(table: Table) -> Diff {
    diff(&schema(vec![]), &schema(vec![table]))
}
