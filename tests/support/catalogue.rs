//! A database's catalogue, read exactly as PostgreSQL prints it, and the
//! differences between two: what "the same schema" means in the tests that
//! hold the project's migrations against the database Dify's own migrations
//! build (`tests/reference/dify_upstream_schema.sql`).
//!
//! Compared: tables; columns (`format_type`, with `character varying`
//! shortened to `varchar` as the reference catalogue writes it;
//! nullability; `pg_get_expr` of the default); constraints (primary keys,
//! unique, foreign keys and checks, by name, with `pg_get_constraintdef`);
//! other indexes (`pg_indexes.indexdef`); sequences (type, start, step,
//! range, owner); functions outside extensions (name and arguments); and
//! the row-level-security state of each table with its policies.

use std::collections::{BTreeMap, BTreeSet};

use diesel::sql_types::Text;
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use serde_json::Value;

const CATALOGUE_SQL: &str = r#"
WITH cols AS (
  SELECT c.relname AS t, a.attname AS col,
         replace(format_type(a.atttypid, a.atttypmod), 'character varying', 'varchar') AS ty,
         NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS def, a.attgenerated = 's' AS generated
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r')
SELECT json_build_object(
 'tables', (SELECT coalesce(json_agg(json_build_object('t', c.relname, 'rls', c.relrowsecurity, 'force', c.relforcerowsecurity)), '[]')
            FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'),
 'columns', (SELECT coalesce(json_agg(json_build_object('t', t, 'c', col, 'ty', ty, 'null', nullable, 'def', def, 'generated', generated)), '[]') FROM cols),
 'constraints', (SELECT coalesce(json_agg(json_build_object('t', c.relname, 'name', k.conname, 'def', pg_get_constraintdef(k.oid))), '[]')
                 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                 WHERE c.relnamespace = current_schema()::regnamespace AND k.contype IN ('p', 'u', 'f', 'c')),
 'indexes', (SELECT coalesce(json_agg(json_build_object('t', i.tablename, 'name', i.indexname, 'def', replace(i.indexdef, ' ' || current_schema() || '.', ' '))), '[]')
             FROM pg_indexes i WHERE i.schemaname = current_schema()
             AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conname = i.indexname AND k.connamespace = current_schema()::regnamespace)),
 'sequences', (SELECT coalesce(json_agg(json_build_object('name', s.sequencename, 'def',
                 s.data_type::text || ' start ' || s.start_value || ' step ' || s.increment_by || ' from ' || s.min_value || ' to ' || s.max_value
                 || coalesce(' owned by ' || (SELECT c.relname || '.' || a.attname FROM pg_depend d JOIN pg_class c ON c.oid = d.refobjid
                                              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                              WHERE d.objid = (current_schema() || '.' || s.sequencename)::regclass AND d.deptype = 'a'), ''))), '[]')
               FROM pg_sequences s WHERE s.schemaname = current_schema()),
 'functions', (SELECT coalesce(json_agg(json_build_object('name', p.proname, 'args', pg_get_function_arguments(p.oid))), '[]')
               FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')),
 'policies', (SELECT coalesce(json_agg(json_build_object('t', c.relname, 'name', p.polname, 'def',
                 p.polcmd::text || ' ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '-') || ' / ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-')
                 || ' roles ' || array_to_string(ARRAY(SELECT coalesce(r.rolname, 'public') FROM unnest(p.polroles) o LEFT JOIN pg_roles r ON r.oid = o), ','))), '[]')
              FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = current_schema()::regnamespace)
)::text AS catalogue
"#;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    catalogue: String,
}

/// One database's catalogue: each object by its name, with its definition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    /// table -> "rls/force" state.
    pub tables: BTreeMap<String, String>,
    /// (table, column) -> "type | NULL/NOT NULL | default".
    pub columns: BTreeMap<(String, String), String>,
    /// (table, name) -> definition.
    pub constraints: BTreeMap<(String, String), String>,
    pub indexes: BTreeMap<(String, String), String>,
    pub policies: BTreeMap<(String, String), String>,
    /// name -> definition.
    pub sequences: BTreeMap<String, String>,
    /// "name(args)".
    pub functions: BTreeSet<String>,
}

impl Catalogue {
    /// The catalogue of the connection's current schema.
    pub fn read(conn: &mut PgConnection) -> Catalogue {
        let row: Row = diesel::sql_query(CATALOGUE_SQL)
            .get_result(conn)
            .expect("the catalogue reads");
        let json: Value = serde_json::from_str(&row.catalogue).expect("the catalogue is JSON");
        let text = |value: &Value, key: &str| value[key].as_str().unwrap_or("").to_owned();
        let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
        let mut catalogue = Catalogue::default();
        for table in list("tables") {
            let state = format!(
                "rls {} force {}",
                table["rls"].as_bool().unwrap_or(false),
                table["force"].as_bool().unwrap_or(false)
            );
            catalogue.tables.insert(text(&table, "t"), state);
        }
        for column in list("columns") {
            let nullable = if column["null"].as_bool().unwrap_or(false) {
                "NULL"
            } else {
                "NOT NULL"
            };
            catalogue.columns.insert(
                (text(&column, "t"), text(&column, "c")),
                column_definition(
                    &text(&column, "ty"),
                    nullable,
                    column["def"].as_str(),
                    column["generated"].as_bool().unwrap_or(false),
                ),
            );
        }
        for (key, map) in [
            ("constraints", &mut catalogue.constraints),
            ("indexes", &mut catalogue.indexes),
            ("policies", &mut catalogue.policies),
        ] {
            for item in list(key) {
                map.insert((text(&item, "t"), text(&item, "name")), text(&item, "def"));
            }
        }
        for sequence in list("sequences") {
            catalogue
                .sequences
                .insert(text(&sequence, "name"), text(&sequence, "def"));
        }
        for function in list("functions") {
            catalogue.functions.insert(format!(
                "{}({})",
                text(&function, "name"),
                text(&function, "args")
            ));
        }
        catalogue
    }

    /// The catalogue recorded in `dify_upstream_catalogue.json`: the raw
    /// `pg_catalog` rows of the database Dify's migrations built, in the
    /// same terms as `read` (only tables, `r`; constraints and indexes by
    /// their definitions; functions outside extensions).
    pub fn from_reference(json: &Value) -> Catalogue {
        let text = |value: &Value, key: &str| value[key].as_str().unwrap_or("").to_owned();
        let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
        let mut catalogue = Catalogue::default();
        for table in list("tables") {
            if table["kind"] != "r" {
                continue;
            }
            let state = format!(
                "rls {} force {}",
                table["rls"].as_bool().unwrap_or(false),
                table["force_rls"].as_bool().unwrap_or(false)
            );
            catalogue.tables.insert(text(&table, "name"), state);
        }
        for column in list("columns") {
            let nullable = if column["notnull"].as_bool().unwrap_or(false) {
                "NOT NULL"
            } else {
                "NULL"
            };
            catalogue.columns.insert(
                (text(&column, "table"), text(&column, "name")),
                column_definition(
                    &text(&column, "type").replace("character varying", "varchar"),
                    nullable,
                    column["default"].as_str(),
                    column["generated"] == "s",
                ),
            );
        }
        for constraint in list("constraints") {
            catalogue.constraints.insert(
                (text(&constraint, "table"), text(&constraint, "name")),
                text(&constraint, "definition"),
            );
        }
        for index in list("indexes") {
            if !index["constraint"].is_null() {
                continue;
            }
            catalogue.indexes.insert(
                (text(&index, "table"), text(&index, "name")),
                text(&index, "definition").replace(" public.", " "),
            );
        }
        for sequence in list("sequences") {
            let owner = sequence["owned_by"]
                .as_str()
                .map(|owner| format!(" owned by {owner}"))
                .unwrap_or_default();
            catalogue.sequences.insert(
                text(&sequence, "name"),
                format!(
                    "{} start {} step {} from {} to {}{owner}",
                    text(&sequence, "type"),
                    sequence["start"],
                    sequence["increment"],
                    sequence["min"],
                    sequence["max"]
                ),
            );
        }
        for function in list("functions") {
            if function["extension"].is_null() {
                catalogue.functions.insert(format!(
                    "{}({})",
                    text(&function, "name"),
                    text(&function, "args")
                ));
            }
        }
        catalogue
    }

    /// Leaves out the tables named in `tables` (bookkeeping) and the
    /// functions whose names start with one of `functions`.
    pub fn without(mut self, tables: &[&str], functions: &[&str]) -> Catalogue {
        let keep = |table: &String| !tables.contains(&table.as_str());
        self.tables.retain(|table, _| keep(table));
        self.columns.retain(|(table, _), _| keep(table));
        self.constraints.retain(|(table, _), _| keep(table));
        self.indexes.retain(|(table, _), _| keep(table));
        self.policies.retain(|(table, _), _| keep(table));
        self.functions
            .retain(|function| !functions.iter().any(|prefix| function.starts_with(prefix)));
        self
    }

    /// Leaves out row-level security: the tables' state and their policies.
    pub fn without_security(mut self) -> Catalogue {
        for state in self.tables.values_mut() {
            *state = String::new();
        }
        self.policies.clear();
        self
    }

    /// Every difference from `other`, one line each (`A` is `self`).
    pub fn differences(&self, other: &Catalogue) -> Vec<String> {
        let mut out = Vec::new();
        diff_maps(&mut out, "table", &self.tables, &other.tables);
        diff_maps(&mut out, "column", &self.columns, &other.columns);
        diff_maps(
            &mut out,
            "constraint",
            &self.constraints,
            &other.constraints,
        );
        diff_maps(&mut out, "index", &self.indexes, &other.indexes);
        diff_maps(&mut out, "policy", &self.policies, &other.policies);
        diff_maps(&mut out, "sequence", &self.sequences, &other.sequences);
        for function in self.functions.symmetric_difference(&other.functions) {
            let side = if self.functions.contains(function) {
                "A"
            } else {
                "B"
            };
            out.push(format!("function {function} only in {side}"));
        }
        out
    }

    /// How many objects of each kind, for the printed figures.
    pub fn figures(&self) -> String {
        format!(
            "{} tables, {} columns, {} constraints, {} indexes, {} sequences, {} functions, {} policies",
            self.tables.len(),
            self.columns.len(),
            self.constraints.len(),
            self.indexes.len(),
            self.sequences.len(),
            self.functions.len(),
            self.policies.len()
        )
    }
}

/// A column in one line: type, nullability, and its default or generation
/// expression (told apart, since the same expression means different
/// things as one or the other).
fn column_definition(
    ty: &str,
    nullable: &str,
    expression: Option<&str>,
    generated: bool,
) -> String {
    match (expression, generated) {
        (Some(expression), true) => {
            format!("{ty} | {nullable} | GENERATED ALWAYS AS ({expression}) STORED")
        }
        (Some(expression), false) => format!("{ty} | {nullable} | {expression}"),
        (None, _) => format!("{ty} | {nullable} | no default"),
    }
}

fn diff_maps<K: Ord + std::fmt::Debug>(
    out: &mut Vec<String>,
    kind: &str,
    a: &BTreeMap<K, String>,
    b: &BTreeMap<K, String>,
) {
    for (key, value) in a {
        match b.get(key) {
            None => out.push(format!("{kind} {key:?} only in A: {value}")),
            Some(other) if other != value => {
                out.push(format!("{kind} {key:?} differs: A {value} / B {other}"))
            }
            Some(_) => {}
        }
    }
    for (key, value) in b {
        if !a.contains_key(key) {
            out.push(format!("{kind} {key:?} only in B: {value}"));
        }
    }
}
