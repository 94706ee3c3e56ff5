#!/usr/bin/env python3
"""Generate `handwritten-models`: dify-models' tables written by hand in plain Diesel.

Input: the output of `dify-db print-schema` (Diesel `table!`s and `joinable!`s),
the dify-models sources (only to name the structs and split them into the same
domain modules as the DSL), and the workspace Cargo.toml (dependency versions
and the dev profile).

Output: a crate with
  src/schema.rs          the print-schema output, verbatim
  src/models/<domain>.rs for each table: `Foo` (Queryable, Selectable,
                         Identifiable), `NewFoo` (Insertable, every column) and
                         `FooChanges` (AsChangeset, every non-key column as Option)
and, under --edit-dir, the two files that change when the `tags` table gains a
`note -> Nullable<Text>` column (schema.rs and models/tag.rs), for the rebuild
measurement.

Python 3.11 stdlib only.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CRATE = "handwritten-models"
DEPS = ["diesel", "uuid", "chrono", "serde_json", "bigdecimal"]

# Diesel SQL type -> (Rust type, import it needs or None)
SCALARS = {
    "Uuid": ("Uuid", "uuid::Uuid"),
    "Varchar": ("String", None),
    "Text": ("String", None),
    "Timestamp": ("NaiveDateTime", "chrono::NaiveDateTime"),
    "Json": ("serde_json::Value", None),
    "Jsonb": ("serde_json::Value", None),
    "Int2": ("i16", None),
    "Int4": ("i32", None),
    "Int8": ("i64", None),
    "Bool": ("bool", None),
    "Float4": ("f32", None),
    "Float8": ("f64", None),
    "Numeric": ("BigDecimal", "bigdecimal::BigDecimal"),
    "Bytea": ("Vec<u8>", None),
    "Date": ("NaiveDate", "chrono::NaiveDate"),
    "Time": ("NaiveTime", "chrono::NaiveTime"),
}


@dataclass
class Column:
    name: str
    sql: str
    attrs: list[str] = field(default_factory=list)


@dataclass
class Table:
    name: str
    key: list[str]
    columns: list[Column]


def rust_type(sql: str, imports: set[str]) -> tuple[str, bool]:
    """The Rust type of a Diesel SQL type, and whether it is nullable."""
    sql = sql.strip()
    m = re.fullmatch(r"(\w+)<(.*)>", sql)
    if m:
        outer, inner = m.group(1), m.group(2)
        inner_ty, _ = rust_type(inner, imports)
        if outer == "Nullable":
            return f"Option<{inner_ty}>", True
        if outer == "Array":
            return f"Vec<{inner_ty}>", False
        sys.exit(f"handwritten.py: unsupported SQL type {sql!r}")
    if sql not in SCALARS:
        sys.exit(f"handwritten.py: unsupported SQL type {sql!r}")
    ty, imp = SCALARS[sql]
    if imp:
        imports.add(imp)
    return ty, False


def parse_schema(text: str) -> tuple[list[Table], list[str]]:
    tables: list[Table] = []
    others: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "diesel::table! {":
            head = lines[i + 1].strip()
            m = re.fullmatch(r"(\w+)\s*\(([^)]*)\)\s*\{", head)
            if not m:
                sys.exit(f"handwritten.py: cannot parse table head {head!r}")
            t = Table(m.group(1), [k.strip() for k in m.group(2).split(",")], [])
            attrs: list[str] = []
            i += 2
            while lines[i].strip() != "}":
                s = lines[i].strip()
                if s.startswith("#["):
                    attrs.append(s)
                elif s:
                    cm = re.fullmatch(r"(\w+)\s*->\s*(.+),", s)
                    if not cm:
                        sys.exit(f"handwritten.py: cannot parse column {s!r}")
                    t.columns.append(Column(cm.group(1), cm.group(2), attrs))
                    attrs = []
                i += 1
            if lines[i + 1].strip() != "}":
                sys.exit(f"handwritten.py: table {t.name} is not closed as expected")
            tables.append(t)
            i += 2
            continue
        if line.strip():
            others.append(line.strip())
        i += 1
    return tables, others


def entity_names(models_src: Path) -> dict[str, tuple[str, str]]:
    """table name -> (domain module, struct name), from the `#[entity(table = ...)]` declarations."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(models_src.glob("*.rs")):
        src = path.read_text()
        for m in re.finditer(r'#\[entity\(\s*table\s*=\s*"(\w+)"', src):
            s = re.compile(r"pub struct (\w+)").search(src, m.end())
            if s:
                out[m.group(1)] = (path.stem, s.group(1))
    return out


def camel(name: str) -> str:
    return "".join(p.capitalize() for p in name.split("_"))


def render_table_models(t: Table, struct: str, imports: set[str]) -> str:
    cols = [(c.name, *rust_type(c.sql, imports)) for c in t.columns]
    key = t.key
    pk_attr = "" if key == ["id"] else f"#[diesel(primary_key({', '.join(key)}))]\n"
    tn = f"#[diesel(table_name = {t.name})]\n"
    out = []
    out.append(f"/// A row of `{t.name}`.\n")
    out.append("#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable)]\n")
    out.append(tn + pk_attr)
    out.append("#[diesel(check_for_backend(diesel::pg::Pg))]\n")
    out.append(f"pub struct {struct} {{\n")
    out += [f"    pub {n}: {ty},\n" for n, ty, _ in cols]
    out.append("}\n\n")
    out.append(f"/// A new row of `{t.name}`.\n")
    out.append("#[derive(Debug, Clone, PartialEq, Insertable)]\n")
    out.append(tn)
    out.append(f"pub struct New{struct} {{\n")
    out += [f"    pub {n}: {ty},\n" for n, ty, _ in cols]
    out.append("}\n\n")
    changes = [(n, ty) for n, ty, _ in cols if n not in key]
    if changes:
        out.append(f"/// Changes to a row of `{t.name}`: each `Some` field is written.\n")
        out.append("#[derive(Debug, Clone, PartialEq, Default, AsChangeset)]\n")
        out.append(tn)
        out.append(f"pub struct {struct}Changes {{\n")
        out += [f"    pub {n}: Option<{ty}>,\n" for n, ty in changes]
        out.append("}\n\n")
    return "".join(out)


JOINABLE = re.compile(r"diesel::joinable!\((\w+)\s*->\s*(\w+)\s*\((\w+)\)\);")


def drop_ambiguous_joins(others: list[str]) -> tuple[list[str], list[str]]:
    """Drop the `joinable!`s of a table pair joined more than once, in either direction.

    `joinable!(a -> b (x))` implements `JoinTo` both ways, so a second one for
    the same pair (another foreign key, or `b -> a`) is a conflicting impl
    (E0119). Diesel CLI's print-schema leaves such pairs out for this reason;
    a hand-written schema has to as well.
    """
    pairs: dict[frozenset[str], int] = {}
    for o in others:
        m = JOINABLE.fullmatch(o)
        if m:
            k = frozenset((m.group(1), m.group(2)))
            pairs[k] = pairs.get(k, 0) + 1
    kept, dropped = [], []
    for o in others:
        m = JOINABLE.fullmatch(o)
        if m and pairs[frozenset((m.group(1), m.group(2)))] > 1:
            dropped.append(o)
        else:
            kept.append(o)
    return kept, dropped


def render_schema(tables: list[Table], others: list[str], dropped: list[str]) -> str:
    out = ["// @generated by `dify-db print-schema` (Diesel table! definitions).\n"]
    if dropped:
        out.append(
            "// Left out: the joinable!s of table pairs joined more than once, which\n"
            "// conflict (E0119), as Diesel CLI leaves them out:\n"
        )
        out += [f"//   {d}\n" for d in dropped]
    out.append("\n")
    for t in tables:
        out.append("diesel::table! {\n")
        out.append(f"    {t.name} ({', '.join(t.key)}) {{\n")
        for c in t.columns:
            for a in c.attrs:
                out.append(f"        {a}\n")
            out.append(f"        {c.name} -> {c.sql},\n")
        out.append("    }\n}\n\n")
    out += [o + "\n" for o in others]
    return "".join(out)


def render_domain(domain: str, items: list[tuple[Table, str]]) -> str:
    imports: set[str] = set()
    body = "".join(render_table_models(t, s, imports) for t, s in items)
    names = ", ".join(sorted(t.name for t, _ in items))
    head = [f"//! The `{domain}` tables.\n\n", "use diesel::prelude::*;\n\n"]
    if len(items) == 1:
        head.append(f"use crate::schema::{names};\n")
    else:
        head.append(f"use crate::schema::{{{names}}};\n")
    head += [f"use {i};\n" for i in sorted(imports)]
    return "".join(head) + "\n" + body


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def render_cargo_toml(workspace_toml: Path) -> str:
    ws = tomllib.loads(workspace_toml.read_text())
    deps = ws["workspace"]["dependencies"]
    dev = dict(ws.get("profile", {}).get("dev", {}))
    pkg_profiles = dev.pop("package", {})
    out = [
        "[package]\n",
        f'name = "{CRATE}"\n',
        'version = "0.1.0"\n',
        f'edition = "{ws["workspace"]["package"]["edition"]}"\n',
        "publish = false\n\n",
        "[dependencies]\n",
    ]
    for d in DEPS:
        out.append(f"{d} = {toml_value(deps[d])}\n")
    out.append("\n# The workspace's dev profile.\n[profile.dev]\n")
    out += [f"{k} = {toml_value(v)}\n" for k, v in dev.items()]
    for name, settings in pkg_profiles.items():
        out.append(f'\n[profile.dev.package."{name}"]\n')
        out += [f"{k} = {toml_value(v)}\n" for k, v in settings.items()]
    out.append("\n# Not part of any enclosing workspace.\n[workspace]\n")
    return "".join(out)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--schema", type=Path, required=True, help="print-schema output")
    ap.add_argument("--models-src", type=Path, required=True, help="dify-models/src")
    ap.add_argument("--workspace-toml", type=Path, required=True, help="the workspace Cargo.toml")
    ap.add_argument("--out", type=Path, required=True, help="crate directory to write")
    ap.add_argument("--edit-dir", type=Path, help="where to write the edited files (tags.note)")
    args = ap.parse_args()

    tables, others = parse_schema(args.schema.read_text())
    others, dropped = drop_ambiguous_joins(others)
    names = entity_names(args.models_src)
    domains: dict[str, list[tuple[Table, str]]] = {}
    for t in tables:
        domain, struct = names.get(t.name, ("other", camel(t.name)))
        domains.setdefault(domain, []).append((t, struct))

    out = args.out
    write(out / "Cargo.toml", render_cargo_toml(args.workspace_toml))
    write(
        out / "src/lib.rs",
        "//! dify-models' tables written by hand: Diesel `table!`s and derives.\n\n"
        "pub mod models;\npub mod schema;\n",
    )
    write(
        out / "src/models/mod.rs",
        "//! Row, insert and update structs, one module per domain.\n\n"
        + "".join(f"pub mod {d};\n" for d in sorted(domains)),
    )
    write(out / "src/schema.rs", render_schema(tables, others, dropped))
    for d, items in domains.items():
        write(out / f"src/models/{d}.rs", render_domain(d, items))

    if args.edit_dir:
        tag = next((t for t in tables if t.name == "tags"), None)
        if tag is None:
            sys.exit("handwritten.py: no `tags` table to edit")
        tag.columns.append(Column("note", "Nullable<Text>"))
        write(args.edit_dir / "src/schema.rs", render_schema(tables, others, dropped))
        domain = names.get("tags", ("other",))[0]
        write(args.edit_dir / f"src/models/{domain}.rs", render_domain(domain, domains[domain]))

    n_struct = sum(len(v) for v in domains.values())
    n_join = sum(1 for o in others if JOINABLE.fullmatch(o))
    print(
        f"handwritten.py: {len(tables)} tables, {n_struct} row structs in {len(domains)} "
        f"modules, {n_join} joinable! kept, {len(others) - n_join} other lines kept, "
        f"{len(dropped)} conflicting joinable! left out",
        file=sys.stderr,
    )
    for d in dropped:
        print(f"handwritten.py: left out (conflicting impl): {d}", file=sys.stderr)


if __name__ == "__main__":
    main()
