//! Structure suite: fails when the code structure of `dify-schema` and
//! `dify-schema-macros` regresses. It reads their sources as text (std only,
//! no database) and checks that
//!
//! - the modules of each crate depend on each other in one direction, at the
//!   top level (`scope` vs `error`) and one level deeper (`scope::query` vs
//!   `scope::filter`);
//! - the macro crate's expanders (`src/expand/*`) are siblings that do not
//!   name each other, and none of them re-checks validated input with
//!   `expect("validated …")`;
//! - generated code names the runtime only through `::dify_schema::__private`,
//!   `schema!` only through `$crate::__private`, and `schema!` is the
//!   runtime's only exported macro.
//!
//! `cargo test -p dify-tests --test structure -- --nocapture` prints the
//! module graphs. The graph has an edge
//! `A -> B` when code (not comments or strings) of a file of module A names
//! `crate::B…`, `super::…` or `self::…` resolving into B (`use` groups
//! included), or when a module's own file names a child module by relative
//! path (`query::Select` in `scope/mod.rs`); a name the crate root re-exports
//! (`crate::Error`) counts as its defining module. Test code (`#[cfg(test)]
//! mod tests`, `tests.rs`, `tests/`) is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const RUNTIME_SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../dify-schema/src");
const MACROS_SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../dify-schema-macros/src");

/// How many edge sites a failure message shows per edge.
const SITES_SHOWN: usize = 3;

// ---------------------------------------------------------------------------
// The tests

#[test]
fn modules_of_each_crate_depend_on_each_other_in_one_direction() {
    let mut failures = String::new();
    for krate in [
        Crate::load("dify-schema", RUNTIME_SRC),
        Crate::load("dify-schema-macros", MACROS_SRC),
    ] {
        for depth in [1, 2] {
            let graph = krate.module_graph(depth);
            println!(
                "{} modules (depth {depth}):\n{}",
                krate.name,
                graph.render()
            );
            for scc in graph.cycles() {
                failures.push_str(&graph.explain_cycle(&krate.name, depth, &scc));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "modules depend on each other in a loop; move code so that each pair \
         depends in one direction only (the edges with the fewest sites are \
         listed first: usually the ones to remove)\n{failures}"
    );
}

#[test]
fn macro_expanders_do_not_name_each_other() {
    let krate = Crate::load("dify-schema-macros", MACROS_SRC);
    let expanders = child_modules(&Path::new(MACROS_SRC).join("expand"));
    assert!(
        expanders.len() > 1,
        "found no expander modules in {MACROS_SRC}/expand"
    );
    let mut failures = String::new();
    for file in krate.files_in(&["expand"]) {
        let Some(me) = file.module.get(1) else {
            continue;
        }; // expand/mod.rs
        for (path, at) in file.named_paths() {
            let Some(abs) = absolute(&file.module, &path) else {
                continue;
            };
            if let [first, other, ..] = abs.as_slice() {
                if first == "expand" && other != me && expanders.contains(other) {
                    let _ = writeln!(
                        failures,
                        "  {}: `{}` names the expander `expand::{other}`",
                        file.site(at),
                        path.join("::"),
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "expanders ({}) are siblings: one must not name another; move what \
         they share to a module outside expand/ (tokens.rs, ir.rs, ...)\n{failures}",
        expanders.iter().cloned().collect::<Vec<_>>().join(", "),
    );
}

#[test]
fn macro_expanders_do_not_expect_validated_input() {
    let krate = Crate::load("dify-schema-macros", MACROS_SRC);
    let mut failures = String::new();
    for file in krate.files_in(&["expand"]) {
        for at in find_all(&file.code, "expect(") {
            let rest = file.code[at + "expect(".len()..].trim_start();
            if rest.starts_with("\"validated") {
                let _ = writeln!(failures, "  {}", file.site(at));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "an expander calls `expect(\"validated …\")`: validation (validate/) \
         should hand the expanders types that need no unwrapping\n{failures}"
    );
}

#[test]
fn generated_code_names_the_runtime_only_through_private() {
    let krate = Crate::load("dify-schema-macros", MACROS_SRC);
    let mut failures = String::new();
    for file in &krate.files {
        // `code` keeps strings: a path in a `parse_quote!`/`format!` string
        // is generated code too.
        for at in find_all(&file.code, "::") {
            let mut p = Cursor::new(&file.code, at + 2);
            if p.ident().as_deref() != Some("dify_schema") || !p.sep() {
                continue;
            }
            if p.ident().as_deref() != Some("__private") {
                let _ = writeln!(failures, "  {}", file.site(at));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "generated code must name the runtime as `::dify_schema::__private::…` \
         (re-export what it needs in dify-schema/src/lib.rs `__private`)\n{failures}"
    );
}

#[test]
fn schema_macro_reaches_the_runtime_only_through_private() {
    let krate = Crate::load("dify-schema", RUNTIME_SRC);
    let lib = krate.file(&[]);
    let start = find_all(&lib.bare, "macro_rules!")
        .into_iter()
        .find(|&at| {
            Cursor::new(&lib.bare, at + "macro_rules!".len())
                .ident()
                .as_deref()
                == Some("schema")
        })
        .expect("dify-schema/src/lib.rs defines `macro_rules! schema`");
    let open = start + lib.bare[start..].find('{').expect("`schema!` has a body");
    let close = matching_brace(&lib.bare, open).expect("`schema!` body is closed");
    let mut failures = String::new();
    for at in find_all(&lib.code[open..close], "$crate") {
        let at = open + at;
        let mut p = Cursor::new(&lib.code, at + "$crate".len());
        if !p.sep() || p.ident().as_deref() != Some("__private") {
            let _ = writeln!(failures, "  {}", lib.site(at));
        }
    }
    assert!(
        failures.is_empty(),
        "`schema!` must reach the runtime as `$crate::__private::…`\n{failures}"
    );
}

#[test]
fn the_runtime_exports_exactly_one_macro_schema() {
    let krate = Crate::load("dify-schema", RUNTIME_SRC);
    let mut exports = Vec::new();
    for file in &krate.files {
        for at in find_all(&file.bare, "macro_export") {
            let after = &file.bare[at..];
            let name = after
                .find("macro_rules!")
                .and_then(|m| Cursor::new(after, m + "macro_rules!".len()).ident());
            exports.push((file.site(at), name));
        }
    }
    let is_schema_only = matches!(exports.as_slice(), [(_, Some(name))] if name == "schema");
    assert!(
        is_schema_only,
        "dify-schema must have exactly one `#[macro_export]`, on `schema!` \
         (other macros belong in dify-schema-macros); found {}:\n{}",
        exports.len(),
        exports
            .iter()
            .map(|(site, name)| format!("  {site} (macro {})\n", name.as_deref().unwrap_or("?")))
            .collect::<String>(),
    );
}

// ---------------------------------------------------------------------------
// Sources

/// A crate's `src/`, without its test modules.
struct Crate {
    name: String,
    root: PathBuf,
    files: Vec<Source>,
    /// The modules `lib.rs` declares.
    top: BTreeSet<String>,
    /// Names the crate root re-exports, with the module defining them.
    reexports: BTreeMap<String, Vec<String>>,
}

/// One `.rs` file.
struct Source {
    /// `dify-schema/src/scope/query.rs`
    display: String,
    text: String,
    /// `["scope", "query"]`; empty for `lib.rs`.
    module: Vec<String>,
    /// The directory of its child modules, if it has any (`mod.rs`, or
    /// `foo.rs` next to `foo/`).
    children: Option<PathBuf>,
    /// Comments blanked (same byte offsets as `text`).
    code: String,
    /// Comments and the contents of string and char literals blanked.
    bare: String,
}

impl Crate {
    fn load(name: &str, src: &str) -> Crate {
        let root = PathBuf::from(src);
        let mut paths = Vec::new();
        walk(&root, &mut paths);
        paths.sort();
        let mut files = Vec::new();
        for path in paths {
            let rel = path.strip_prefix(&root).unwrap();
            let mut module: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            if module == ["lib"] {
                module.clear();
            }
            if module.iter().any(|m| m == "tests") {
                continue; // a test module's file
            }
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let (mut code, mut bare) = scrub(&text);
            drop_test_modules(&mut code, &mut bare);
            let children = if path.file_name().is_some_and(|f| f == "mod.rs") {
                path.parent().map(Path::to_path_buf)
            } else if !module.is_empty() {
                Some(path.with_extension("")).filter(|d| d.is_dir())
            } else {
                None
            };
            files.push(Source {
                display: format!("{name}/src/{}", rel.to_string_lossy().replace('\\', "/")),
                text,
                module,
                children,
                code,
                bare,
            });
        }
        let mut krate = Crate {
            name: name.to_owned(),
            root,
            files,
            top: BTreeSet::new(),
            reexports: BTreeMap::new(),
        };
        krate.read_root();
        krate
    }

    /// `mod x;` and `pub use x::…;` at the top level of `lib.rs`.
    fn read_root(&mut self) {
        let lib = self.file(&[]);
        let mut top = BTreeSet::new();
        let mut uses = Vec::new();
        let mut offset = 0;
        for line in lib.bare.split_inclusive('\n') {
            let decl = line
                .strip_prefix("pub(crate) ")
                .or_else(|| line.strip_prefix("pub "))
                .unwrap_or(line);
            if let Some(rest) = decl.strip_prefix("mod ") {
                let mut p = Cursor::new(rest, 0);
                if let Some(name) = p.ident() {
                    if p.punct(';') {
                        top.insert(name);
                    }
                }
            }
            if line.starts_with("pub use ") {
                uses.extend(Cursor::new(&lib.bare, offset + "pub use ".len()).use_tree());
            }
            offset += line.len();
        }
        self.top = top;
        for (path, alias, _) in uses {
            let path = path.strip_prefix(&["crate".to_owned()]).unwrap_or(&path);
            let Some(name) = alias.or_else(|| path.last().cloned()) else {
                continue;
            };
            if path.len() > 1 && self.top.contains(&path[0]) {
                let module = self.existing(&path[..path.len() - 1]);
                self.reexports.insert(name, module);
            }
        }
    }

    fn file(&self, module: &[&str]) -> &Source {
        self.files
            .iter()
            .find(|f| f.module == module)
            .unwrap_or_else(|| panic!("{}: no module {}", self.name, module.join("::")))
    }

    fn files_in<'a>(&'a self, prefix: &'a [&'a str]) -> impl Iterator<Item = &'a Source> + 'a {
        self.files
            .iter()
            .filter(move |f| f.module.len() >= prefix.len() && f.module[..prefix.len()] == *prefix)
    }

    /// The longest prefix of `path` (from the crate root) that is a module
    /// with a file or directory of its own.
    fn existing(&self, path: &[String]) -> Vec<String> {
        let mut module = vec![path[0].clone()];
        let mut dir = self.root.join(&path[0]);
        for seg in &path[1..] {
            if dir.join(format!("{seg}.rs")).is_file() || dir.join(seg).is_dir() {
                module.push(seg.clone());
                dir = dir.join(seg);
            } else {
                break;
            }
        }
        module
    }

    /// The module a path from the crate root lands in.
    fn resolve(&self, abs: &[String]) -> Option<Vec<String>> {
        let first = abs.first()?;
        if self.top.contains(first) {
            Some(self.existing(abs))
        } else {
            self.reexports.get(first).cloned()
        }
    }

    fn module_graph(&self, depth: usize) -> Graph {
        let clip = |m: &[String]| m[..m.len().min(depth)].join("::");
        let mut graph = Graph::default();
        for file in &self.files {
            if file.module.is_empty() {
                continue; // the crate root re-exports everything
            }
            let me = clip(&file.module);
            graph.nodes.insert(me.clone());
            let mut targets = Vec::new();
            for (path, at) in file.named_paths() {
                if let Some(module) =
                    absolute(&file.module, &path).and_then(|abs| self.resolve(&abs))
                {
                    targets.push((module, at));
                }
            }
            if let Some(dir) = &file.children {
                for child in child_modules(dir) {
                    for at in find_all(&file.bare, &format!("{child}::")) {
                        let before = file.bare[..at].chars().next_back();
                        if !before.is_some_and(|c| is_ident(c) || c == ':') {
                            let mut module = file.module.clone();
                            module.push(child.clone());
                            targets.push((module, at));
                        }
                    }
                }
            }
            for (module, at) in targets {
                let to = clip(&module);
                if to != me {
                    graph.nodes.insert(to.clone());
                    let sites = graph.edges.entry((me.clone(), to)).or_default();
                    let site = file.site(at);
                    if !sites.contains(&site) {
                        sites.push(site); // `use crate::a::{B, C}` names `a` once
                    }
                }
            }
        }
        graph
    }
}

impl Source {
    /// Every path in code that starts with `crate`, `super` or `self`, with
    /// `use` groups expanded, and the offset of each.
    fn named_paths(&self) -> Vec<(Vec<String>, usize)> {
        let mut out = Vec::new();
        for keyword in ["crate", "super", "self"] {
            for at in find_all(&self.bare, keyword) {
                let before = self.bare[..at].chars().next_back();
                let mut p = Cursor::new(&self.bare, at + keyword.len());
                if before.is_some_and(|c| is_ident(c) || c == ':') || !p.sep() {
                    continue; // part of a longer name or path, or no path
                }
                for (path, _, member) in Cursor::new(&self.bare, at).use_tree() {
                    out.push((path, member));
                }
            }
        }
        out
    }

    /// `dify-schema/src/error.rs:12: use crate::scope::Scope;`
    fn site(&self, at: usize) -> String {
        let line = self.text[..at].matches('\n').count() + 1;
        let text = self.text.lines().nth(line - 1).unwrap_or("").trim();
        format!("{}:{line}: {text}", self.display)
    }
}

/// `path` (starting with `crate`, `super` or `self`) named in `module`, from
/// the crate root.
fn absolute(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    let mut rest = rest;
    while let Some(("super", tail)) = rest.split_first().map(|(s, t)| (s.as_str(), t)) {
        base.pop()?;
        rest = tail;
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules with a file or directory in `dir`, except `mod` and `tests`.
fn child_modules(dir: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = if path.is_dir() {
            path.file_name()
        } else if path.extension().is_some_and(|e| e == "rs") {
            path.file_stem()
        } else {
            None
        };
        if let Some(name) = name.map(|n| n.to_string_lossy().into_owned()) {
            if name != "mod" && name != "tests" {
                names.insert(name);
            }
        }
    }
    names
}

// ---------------------------------------------------------------------------
// Lexing

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn find_all(haystack: &str, needle: &str) -> Vec<usize> {
    haystack.match_indices(needle).map(|(at, _)| at).collect()
}

/// Blanks comments (and, in the second copy, the contents of string and char
/// literals) with spaces, keeping newlines and byte offsets.
fn scrub(text: &str) -> (String, String) {
    let b = text.as_bytes();
    let mut code = b.to_vec();
    let mut bare = b.to_vec();
    let blank = |v: &mut Vec<u8>, from: usize, to: usize| {
        for byte in &mut v[from..to.min(b.len())] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    };
    let ident_before = |i: usize| i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n);
            blank(&mut code, i, end);
            blank(&mut bare, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0, i);
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut code, i, j);
            blank(&mut bare, i, j);
            i = j;
        } else if b[i] == b'r' && (!ident_before(i) || (b[i - 1] == b'b' && !ident_before(i - 1))) {
            // r"…", r#"…"#, br"…": no escapes, ends at `"` and as many `#`
            let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let open = i + 1 + hashes;
            let mut end = b.len();
            let mut j = open + 1;
            while j < b.len() {
                if b[j] == b'"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&c| c == b'#')
                        .count()
                        == hashes
                {
                    end = j;
                    break;
                }
                j += 1;
            }
            blank(&mut bare, open + 1, end);
            i = end + 1 + hashes;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut bare, i + 1, j);
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            let end = if b.get(i + 1) == Some(&b'\\') {
                b.get(i + 3..)
                    .and_then(|r| r.iter().position(|&c| c == b'\''))
                    .map(|n| i + 3 + n)
            } else {
                let len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                Some(i + 1 + len).filter(|&e| b.get(e) == Some(&b'\''))
            };
            match end {
                Some(end) => {
                    blank(&mut bare, i + 1, end);
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    let string = |v: Vec<u8>| String::from_utf8(v).expect("blanking keeps UTF-8");
    (string(code), string(bare))
}

/// Blanks `#[cfg(test)] mod tests { … }` and `#[cfg(test)] mod tests;`.
fn drop_test_modules(code: &mut String, bare: &mut String) {
    let mut ranges = Vec::new();
    for at in find_all(bare, "#[cfg(test)]") {
        let mut p = Cursor::new(bare, at + "#[cfg(test)]".len());
        p.keyword("pub");
        if !(p.keyword("mod") && p.ident().as_deref() == Some("tests")) {
            continue;
        }
        p.ws();
        let end = if p.punct(';') {
            Some(p.i)
        } else if bare[p.i..].starts_with('{') {
            matching_brace(bare, p.i).map(|close| close + 1)
        } else {
            None
        };
        ranges.extend(end.map(|end| (at, end)));
    }
    for (from, to) in ranges {
        for s in [&mut *code, &mut *bare] {
            let mut bytes = std::mem::take(s).into_bytes();
            for byte in &mut bytes[from..to] {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
            *s = String::from_utf8(bytes).expect("blanking keeps UTF-8");
        }
    }
}

/// The offset of the `}` closing the `{` at `open` in `bare` text.
fn matching_brace(bare: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in bare[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Reads paths and `use` trees from scrubbed text.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str, i: usize) -> Self {
        Cursor { s, i }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i.min(self.s.len())..]
    }

    fn ws(&mut self) {
        let rest = self.rest();
        self.i += rest.len() - rest.trim_start().len();
    }

    fn ident(&mut self) -> Option<String> {
        self.ws();
        let rest = self.rest();
        let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        (len > 0).then(|| {
            self.i += len;
            rest[..len].to_owned()
        })
    }

    fn keyword(&mut self, word: &str) -> bool {
        let save = self.i;
        if self.ident().as_deref() == Some(word) {
            return true;
        }
        self.i = save;
        false
    }

    fn punct(&mut self, c: char) -> bool {
        self.ws();
        if self.rest().starts_with(c) {
            self.i += c.len_utf8();
            return true;
        }
        false
    }

    /// `::`
    fn sep(&mut self) -> bool {
        self.ws();
        if self.rest().starts_with("::") {
            self.i += 2;
            return true;
        }
        false
    }

    /// The paths of a `use` tree (or a plain path) at the cursor:
    /// `crate::x::{a::b, c as d}` gives `crate::x::a::b` and `crate::x::c`
    /// (alias `d`), each with the offset where its last part starts.
    fn use_tree(&mut self) -> Vec<(Vec<String>, Option<String>, usize)> {
        let mut out = Vec::new();
        self.tree(Vec::new(), &mut out);
        out
    }

    fn tree(&mut self, mut path: Vec<String>, out: &mut Vec<(Vec<String>, Option<String>, usize)>) {
        self.ws();
        let start = self.i;
        let mut alias = None;
        loop {
            if self.punct('{') {
                while !self.punct('}') {
                    let before = self.i;
                    self.tree(path.clone(), out);
                    if !self.punct(',') && !self.rest().trim_start().starts_with('}')
                        || self.i == before
                    {
                        return; // not a use tree after all
                    }
                }
                return;
            }
            if self.punct('*') {
                break;
            }
            match self.ident() {
                Some(id) if id == "self" && !path.is_empty() => {}
                Some(id) => path.push(id),
                None => break,
            }
            if !self.sep() {
                let save = self.i;
                if self.keyword("as") {
                    alias = self.ident();
                } else {
                    self.i = save;
                }
                break;
            }
        }
        out.push((path, alias, start));
    }
}

// ---------------------------------------------------------------------------
// The graph

#[derive(Default)]
struct Graph {
    nodes: BTreeSet<String>,
    /// (from, to) with the sites that name `to` from `from`.
    edges: BTreeMap<(String, String), Vec<String>>,
}

impl Graph {
    fn successors<'a>(&'a self, node: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.edges
            .keys()
            .filter(move |(from, _)| from == node)
            .map(|(_, to)| to.as_str())
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for node in &self.nodes {
            let _ = writeln!(
                out,
                "  {node} -> {}",
                self.successors(node).collect::<Vec<_>>().join(", ")
            );
        }
        out
    }

    /// The strongly connected components with more than one module (Tarjan).
    fn cycles(&self) -> Vec<Vec<String>> {
        struct Tarjan<'g> {
            graph: &'g Graph,
            index: BTreeMap<&'g str, usize>,
            low: BTreeMap<&'g str, usize>,
            stack: Vec<&'g str>,
            sccs: Vec<Vec<String>>,
        }
        impl<'g> Tarjan<'g> {
            fn visit(&mut self, v: &'g str) {
                let n = self.index.len();
                self.index.insert(v, n);
                self.low.insert(v, n);
                self.stack.push(v);
                for w in self.graph.successors(v) {
                    if !self.index.contains_key(w) {
                        self.visit(w);
                        let low = self.low[v].min(self.low[w]);
                        self.low.insert(v, low);
                    } else if self.stack.contains(&w) {
                        let low = self.low[v].min(self.index[w]);
                        self.low.insert(v, low);
                    }
                }
                if self.low[v] == self.index[v] {
                    let mut scc = Vec::new();
                    while let Some(w) = self.stack.pop() {
                        scc.push(w.to_owned());
                        if w == v {
                            break;
                        }
                    }
                    if scc.len() > 1 {
                        scc.sort();
                        self.sccs.push(scc);
                    }
                }
            }
        }
        let mut t = Tarjan {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            sccs: Vec::new(),
        };
        for node in &self.nodes {
            if !t.index.contains_key(node.as_str()) {
                t.visit(node);
            }
        }
        t.sccs
    }

    /// A shortest loop through the first module of `scc`, and every edge
    /// inside it with the lines that create it.
    fn explain_cycle(&self, krate: &str, depth: usize, scc: &[String]) -> String {
        let inside = |n: &str| scc.iter().any(|s| s == n);
        let start = scc[0].as_str();
        let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = None;
        'bfs: while let Some(v) = queue.pop_front() {
            for w in self.successors(v).filter(|w| inside(w)) {
                if w == start {
                    last = Some(v);
                    break 'bfs;
                }
                if !parent.contains_key(w) {
                    parent.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
        let mut path = vec![start];
        let mut v = last.unwrap_or(start);
        while v != start {
            path.push(v);
            v = parent[v];
        }
        path.push(start);
        let end = path.len() - 1;
        path[1..end].reverse();

        let mut out = format!(
            "\n{krate} (depth {depth}): {} depend on each other, e.g. {}\n",
            scc.join(", "),
            path.join(" -> "),
        );
        let mut edges: Vec<_> = self
            .edges
            .iter()
            .filter(|((from, to), _)| inside(from) && inside(to))
            .collect();
        edges.sort_by_key(|(_, sites)| sites.len());
        for ((from, to), sites) in edges {
            let _ = writeln!(
                out,
                "  {from} -> {to} ({} site{}):",
                sites.len(),
                if sites.len() == 1 { "" } else { "s" }
            );
            for site in sites.iter().take(SITES_SHOWN) {
                let _ = writeln!(out, "    {site}");
            }
            if sites.len() > SITES_SHOWN {
                let _ = writeln!(out, "    … and {} more", sites.len() - SITES_SHOWN);
            }
        }
        out
    }
}
