//! Splitting a SQL script into statements, so the runner can say which one
//! failed, and finding the indexes a script builds concurrently, so the
//! runner can clear what a failed build left behind. Understands quotes,
//! dollar quoting and comments, which is enough for generated migrations
//! and ordinary hand-written ones.

/// The statements of `script`, each without its trailing `;`, comments
/// kept with the statement that follows them; empty ones dropped.
pub fn split_statements(script: &str) -> Vec<String> {
    let bytes = script.as_bytes();
    let mut statements = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == quote {
                        if bytes.get(i + 1) == Some(&quote) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'$' => {
                // $tag$ ... $tag$
                if let Some(end) = script[i + 1..].find('$') {
                    let tag = &script[i..i + end + 2];
                    if tag[1..tag.len() - 1]
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_')
                    {
                        if let Some(close) = script[i + tag.len()..].find(tag) {
                            i += tag.len() + close + tag.len() - 1;
                        }
                    }
                }
            }
            b';' => {
                push(&mut statements, &script[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    push(&mut statements, &script[start.min(script.len())..]);
    statements
}

fn push(statements: &mut Vec<String>, text: &str) {
    let has_code = text
        .lines()
        .map(str::trim)
        .any(|line| !line.is_empty() && !line.starts_with("--"));
    if has_code {
        statements.push(text.trim().to_owned());
    }
}

/// An index a script builds with `CREATE [UNIQUE] INDEX CONCURRENTLY`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcurrentIndex {
    /// The index's name as PostgreSQL stores it (unquoted names folded to
    /// lower case). PostgreSQL takes no schema here: an index lives in its
    /// table's schema.
    pub name: String,
    /// The table as written, quotes and schema included, for `to_regclass`.
    pub table: String,
}

/// The named indexes `script` creates concurrently, in order. An index
/// built without a name (PostgreSQL picks one) cannot be found again and
/// is left out.
pub fn concurrent_indexes(script: &str) -> Vec<ConcurrentIndex> {
    split_statements(script)
        .iter()
        .filter_map(|statement| concurrent_index(statement))
        .collect()
}

/// `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table`.
fn concurrent_index(statement: &str) -> Option<ConcurrentIndex> {
    let mut tokens = Tokens::new(statement).peekable();
    let mut keyword = |word: &str, optional: bool| -> Option<bool> {
        match tokens.peek() {
            Some(Token::Word(found)) if found == word => {
                tokens.next();
                Some(true)
            }
            _ if optional => Some(false),
            _ => None,
        }
    };
    keyword("create", false)?;
    keyword("unique", true)?;
    keyword("index", false)?;
    keyword("concurrently", false)?;
    if keyword("if", true)? {
        keyword("not", false)?;
        keyword("exists", false)?;
    }
    let name = match tokens.next()? {
        // An unquoted ON is the keyword: the index has no name.
        Token::Word(word) if word == "on" => return None,
        Token::Word(word) | Token::Quoted(word) => word,
        Token::Other(_) => return None,
    };
    if tokens.next()? != Token::Word("on".into()) {
        return None;
    }
    if tokens.peek() == Some(&Token::Word("only".into())) {
        tokens.next();
    }
    let table = qualified_name(&mut tokens)?;
    Some(ConcurrentIndex { name, table })
}

/// `a.b.c`, written back with quotes where the source had them.
fn qualified_name(tokens: &mut std::iter::Peekable<Tokens<'_>>) -> Option<String> {
    let mut parts = Vec::new();
    loop {
        parts.push(match tokens.next()? {
            Token::Word(word) => word,
            Token::Quoted(name) => format!("\"{}\"", name.replace('"', "\"\"")),
            Token::Other(_) => return None,
        });
        if tokens.peek() != Some(&Token::Other('.')) {
            return Some(parts.join("."));
        }
        tokens.next();
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// An unquoted word, folded to lower case as PostgreSQL folds it.
    Word(String),
    /// A quoted identifier, unescaped.
    Quoted(String),
    /// Anything else, one character at a time (string literals are never
    /// reached: the tokens read stop at the table name).
    Other(char),
}

/// The tokens of a statement, comments and white space skipped.
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(statement: &'a str) -> Tokens<'a> {
        Tokens { rest: statement }
    }

    fn skip_space_and_comments(&mut self) {
        loop {
            let trimmed = self.rest.trim_start();
            if let Some(comment) = trimmed.strip_prefix("--") {
                self.rest = comment.find('\n').map_or("", |end| &comment[end..]);
            } else if let Some(comment) = trimmed.strip_prefix("/*") {
                self.rest = comment.find("*/").map_or("", |end| &comment[end + 2..]);
            } else {
                self.rest = trimmed;
                return;
            }
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.skip_space_and_comments();
        let first = self.rest.chars().next()?;
        if first == '"' {
            return Some(Token::Quoted(self.quoted()));
        }
        let word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
        if word_char(first) {
            let end = self.rest.find(|c| !word_char(c)).unwrap_or(self.rest.len());
            let word = self.rest[..end].to_ascii_lowercase();
            self.rest = &self.rest[end..];
            return Some(Token::Word(word));
        }
        self.rest = &self.rest[first.len_utf8()..];
        Some(Token::Other(first))
    }
}

impl Tokens<'_> {
    /// A `"quoted"` identifier at the start of `rest`, `""` meaning `"`.
    fn quoted(&mut self) -> String {
        let mut name = String::new();
        let mut chars = self.rest.char_indices().skip(1).peekable();
        while let Some((at, c)) = chars.next() {
            if c != '"' {
                name.push(c);
                continue;
            }
            if chars.peek().is_some_and(|&(_, next)| next == '"') {
                chars.next();
                name.push('"');
                continue;
            }
            self.rest = &self.rest[at + 1..];
            return name;
        }
        self.rest = "";
        name
    }
}

#[cfg(test)]
mod tests {
    use super::{concurrent_indexes, split_statements, ConcurrentIndex};

    #[test]
    fn statements_split_on_semicolons_outside_quotes_and_comments() {
        let script = "SET LOCAL lock_timeout = '10s';\n-- a comment; with a semicolon\nCREATE TABLE a (x text DEFAULT 'a;b');\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n";
        let statements = split_statements(script);
        assert_eq!(statements.len(), 3, "{statements:#?}");
        assert!(statements[1].starts_with("-- a comment; with a semicolon\nCREATE TABLE a"));
        assert!(statements[2].ends_with("LANGUAGE sql"));
    }

    #[test]
    fn a_script_of_comments_has_no_statements() {
        assert!(split_statements("-- nothing\n\n").is_empty());
    }

    fn index(name: &str, table: &str) -> ConcurrentIndex {
        ConcurrentIndex {
            name: name.into(),
            table: table.into(),
        }
    }

    #[test]
    fn concurrent_indexes_are_found_in_every_spelling() {
        let script = "SET lock_timeout = '1s';\n\
            -- built concurrently\n\
            CREATE INDEX CONCURRENTLY app_tenant_idx ON apps (tenant_id);\n\
            create unique index concurrently if not exists App_Name_Key on only public.apps (name);\n\
            CREATE INDEX CONCURRENTLY \"Odd \"\"Name\"\"\" ON \"My Schema\".\"Apps\" USING gin (tags);\n\
            CREATE /* a comment */ INDEX\n  CONCURRENTLY IF NOT EXISTS\tmessages_idx ON messages(id);\n";
        assert_eq!(
            concurrent_indexes(script),
            vec![
                index("app_tenant_idx", "apps"),
                index("app_name_key", "public.apps"),
                index("Odd \"Name\"", "\"My Schema\".\"Apps\""),
                index("messages_idx", "messages"),
            ]
        );
    }

    #[test]
    fn other_statements_and_unnamed_indexes_are_not_concurrent_indexes() {
        let script = "CREATE INDEX app_tenant_idx ON apps (tenant_id);\n\
            CREATE INDEX CONCURRENTLY ON apps (name);\n\
            DROP INDEX CONCURRENTLY IF EXISTS app_name_idx;\n\
            REINDEX INDEX CONCURRENTLY app_name_idx;\n\
            SELECT 'CREATE INDEX CONCURRENTLY fake ON apps (id)';\n\
            -- CREATE INDEX CONCURRENTLY commented ON apps (id);\n";
        assert!(
            concurrent_indexes(script).is_empty(),
            "{:?}",
            concurrent_indexes(script)
        );
    }
}
