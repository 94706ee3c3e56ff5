//! Splitting a SQL script into statements, so the runner can say which one
//! failed. Understands quotes, dollar quoting and comments, which is enough
//! for generated migrations and ordinary hand-written ones.

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

#[cfg(test)]
mod tests {
    use super::split_statements;

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
}
