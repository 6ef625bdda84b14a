//! Saved web pages: the main text of an article page and its metadata.
//!
//! The main text is found by `dom_smoothie`, a port of Mozilla's Readability (the reader view
//! of Firefox): it scores the page's blocks by text and link density and keeps the article,
//! leaving out navigation, related links, comments and footers. Paragraphs come out one per
//! line, so that the rest of framelens sees them as it sees a plain-text article. Metadata comes
//! from the page: the title, `article:published_time` and the other date tags or JSON-LD
//! `datePublished` (else [`DATE_META`], else the first `<time datetime>`), the canonical URL (`<link
//! rel=canonical>`, else `og:url`, else the address the page was fetched from), `<html lang>`,
//! and the outlet from the canonical URL's host name ([`outlet_of_host`]).

/// Date tags read when Readability finds none (`dcterms.created`, which it lists, is not
/// matched in every spelling), in order of trust.
const DATE_META: &[&str] = &[
    "meta[property='article:published_time']",
    "meta[property='og:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='publish-date']",
    "meta[name='dcterms.created']",
    "meta[name='DC.date.issued']",
    "meta[name='dc.date']",
    "meta[name='date']",
];

/// An article page, extracted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's title.
    pub title: Option<String>,
    /// Publication date as the page writes it.
    pub date: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language the page declares.
    pub lang: Option<String>,
    /// Outlet from the URL's host name.
    pub outlet: Option<String>,
    /// Main text, one paragraph per line.
    pub text: String,
}

/// Second-level labels under which a country's registrations sit (`bbc.co.uk`, `aa.com.tr`).
const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "gov", "ac", "edu", "news"];

/// The outlet a host name stands for: its registered name without the top-level domain and
/// the country's second level (`www.presstv.ir` -> `presstv`, `english.alarabiya.net` ->
/// `alarabiya`, `www.bbc.co.uk` -> `bbc`, `tass.com` -> `tass`). A numeric or one-label host
/// is kept as it is.
pub fn outlet_of_host(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let numeric = labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit()));
    if labels.len() < 2 || numeric || host.contains(':') {
        return Some(host);
    }
    let mut rest = &labels[..labels.len() - 1];
    if rest.len() >= 2 && SECOND_LEVEL.contains(&rest[rest.len() - 1]) {
        rest = &rest[..rest.len() - 1];
    }
    rest.last().map(|l| l.to_string())
}

/// The host name of an absolute `http(s)` URL.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Extracts the article of `html`; `fetched_from` is the address the page was saved from, when
/// known (a WARC record's target URI). Err with the reason when the page has no main text.
pub fn extract(html: &str, fetched_from: Option<&str>) -> Result<Page, String> {
    let base = fetched_from.filter(|u| host_of(u).is_some());
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, base, Some(config))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let canonical = first_attr(&r.doc, "link[rel=canonical]", "href")
        .or_else(|| first_attr(&r.doc, "meta[property='og:url']", "content"))
        .filter(|u| host_of(u).is_some());
    let time = DATE_META
        .iter()
        .find_map(|sel| first_attr(&r.doc, sel, "content"))
        .or_else(|| first_attr(&r.doc, "time[datetime]", "datetime"));
    let article = r.parse().map_err(|e| {
        format!("no main text found in the page ({e}); save the article page itself, not an index or a search result")
    })?;
    let text = paragraphs(&article.text_content);
    if text.is_empty() {
        return Err("the page's main text is empty".into());
    }
    let url = canonical
        .or_else(|| article.url.clone().filter(|u| host_of(u).is_some()))
        .or_else(|| base.map(str::to_string));
    let outlet = url.as_deref().and_then(host_of).and_then(outlet_of_host);
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Page {
        title: nonempty(Some(article.title.clone())),
        date: nonempty(article.published_time.clone()).or(nonempty(time)),
        url,
        lang: nonempty(article.lang.clone()),
        outlet,
        text,
    })
}

fn first_attr(doc: &dom_query::Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The extracted text with each paragraph on one line: runs of spaces inside a line made one
/// space, blank lines dropped.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_name_their_outlet() {
        assert_eq!(outlet_of_host("www.presstv.ir").as_deref(), Some("presstv"));
        assert_eq!(
            outlet_of_host("english.alarabiya.net").as_deref(),
            Some("alarabiya")
        );
        assert_eq!(outlet_of_host("www.bbc.co.uk").as_deref(), Some("bbc"));
        assert_eq!(outlet_of_host("www.aa.com.tr").as_deref(), Some("aa"));
        assert_eq!(outlet_of_host("tass.com").as_deref(), Some("tass"));
        assert_eq!(outlet_of_host("localhost").as_deref(), Some("localhost"));
        assert_eq!(outlet_of_host("").as_deref(), None);
        assert_eq!(
            host_of("https://user@www.reuters.com:443/world/x?a=1"),
            Some("www.reuters.com")
        );
        assert_eq!(host_of("/world/x"), None);
    }
}
