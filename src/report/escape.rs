//! Escaping of untrusted text (article text, titles, outlet names, URLs, lexicon terms) for
//! each output context. Every string from a corpus or lexicon goes through one of these.

/// Text inside an HTML element, or an SVG/XML text node.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab and newlines are invisible at best: drop them.
            c if c.is_control() && c != '\t' && c != '\n' && c != '\r' => {}
            // Bidi embeddings, overrides and isolates could reorder what follows on screen.
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The escaper askama uses for every value of the HTML template (`askama.toml`): [`html`], so
/// that template values and hand-built markup drop the same characters.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlEscaper;

impl askama::filters::Escaper for HtmlEscaper {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        dest.write_str(&html(s))
    }
}

/// A double-quoted HTML or XML attribute value (same escaping as text: quotes included).
pub fn attr(s: &str) -> String {
    html(s).replace(['\n', '\r'], " ")
}

/// A URL that may become a link: only `http://` and `https://` URLs without spaces or
/// quotes qualify; anything else (`javascript:`, `data:`) is shown as text, never linked.
pub fn safe_url(s: &str) -> Option<String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && t.len() > 8
        && !t.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
        });
    ok.then(|| attr(t))
}

/// A cell of a Markdown table: pipes, backslashes, HTML and emphasis characters escaped, line
/// breaks folded.
pub fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Explicit bidi formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI): in
/// untrusted text they can make evidence read differently on screen than in the data.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A CSV cell that a spreadsheet will not run as a formula: a leading `=`, `+`, `-`, `@`, tab
/// or carriage return gets a `'` in front; quoting is left to the CSV writer.
pub fn csv_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A string usable as an HTML id: letters, digits, `-` and `_` only.
pub fn id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings_are_inert() {
        assert_eq!(
            html("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(
            attr("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(
            safe_url("https://example.org/a?b=1&c=2").as_deref(),
            Some("https://example.org/a?b=1&amp;c=2")
        );
        assert_eq!(safe_url("https://x.org/\"onmouseover=alert(1)"), None);
        assert_eq!(
            markdown_cell("a|b <script> *c*"),
            "a\\|b &lt;script&gt; \\*c\\*"
        );
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("\r=1"), "'\r=1");
        assert_eq!(csv_cell("a=1"), "a=1");
        assert_eq!(html("a\u{202E}cba\u{202C} \u{2067}x\u{2069}"), "acba x");
        assert_eq!(markdown_cell("\u{202E}evil"), "evil");
        assert_eq!(id("a b/<c>"), "a_b__c_");
    }
}
