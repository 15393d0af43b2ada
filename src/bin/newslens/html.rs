//! HTML to plain text for `newslens batch` over a folder of .html files: the text a reader sees,
//! one paragraph per line. Script, style and similar elements are dropped; block elements end a
//! line; the common character references are decoded. Not a full HTML parser: good enough for
//! saved news pages, and it never fails.

/// Elements whose content is not text a reader sees.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

/// Elements that start or end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "article",
    "section",
    "blockquote",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "aside",
    "main",
    "title",
    "hr",
    "pre",
];

pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<')
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = rest[1..end]
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let closing = rest[1..].starts_with('/');
            i += end;
            if !closing && SKIPPED.contains(&tag.as_str()) {
                // skip to the matching closing tag (or to the end)
                let close = format!("</{tag}");
                i = lower[i..].find(&close).map_or(html.len(), |e| i + e);
                continue;
            }
            if BLOCKS.contains(&tag.as_str()) && !out.ends_with('\n') {
                out.push('\n');
            }
            continue;
        }
        if rest.starts_with('&')
            && let Some((c, len)) = entity(rest)
        {
            out.push(c);
            i += len;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A character reference at the start of `s`: the character and the reference's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_scripts_vanish() {
        let h = "<html><head><title>T</title><style>p{}</style></head><body><h1>Vote &amp; count</h1>\
                 <p>“Yes,” she&nbsp;said.</p><script>alert(1)</script><p>Caf&#233; &#x1F389;<br>end</p></body></html>";
        assert_eq!(
            html_to_text(h),
            "Vote & count\n“Yes,” she said.\nCafé 🎉\nend"
        );
    }

    #[test]
    fn broken_markup_never_fails() {
        for h in [
            "<p",
            "a < b & c",
            "<script>never closed",
            "&#xZZ; &#99999999;",
            "<!-- open",
        ] {
            let _ = html_to_text(h);
        }
        assert_eq!(html_to_text("a < b &amp c"), "a < b &amp c");
    }
}
