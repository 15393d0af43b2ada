//! Roles: what the text says an actor is, from title words before a mention ("Russian President
//! Vladimir Putin") or an appositive after it ("Salih Muslim, Syrian PYD leader,"). Also the
//! title-word list that other actor rules use to recognise person descriptions.

use crate::lexicon::TITLES;
use crate::text::normalise;
use crate::text::{Span, Tokenized};

/// Title words right before a mention ("Russian President Vladimir Putin") or an appositive
/// right after it ("Salih Muslim, Syrian PYD leader,").
pub fn role_of(text: &str, tok: &Tokenized, m: Span) -> Option<String> {
    let first = tok.tokens.partition_point(|t| t.span.start < m.start);
    let mut a = first;
    while a > 0 {
        let t = tok.tokens[a - 1];
        let w = t.span.text(text);
        let title = TITLES.contains(&normalise(w).as_str());
        let demonym = w.starts_with(char::is_uppercase)
            && (w.ends_with("an") || w.ends_with("ese") || w.ends_with("ish"));
        if (title || demonym) && w.starts_with(char::is_alphabetic) {
            a -= 1;
        } else {
            break;
        }
    }
    if a < first
        && tok.tokens[a..first].iter().any(|t| {
            TITLES.contains(&normalise(t.span.text(text)).as_str())
                && !matches!(
                    normalise(t.span.text(text)).as_str(),
                    "state" | "house" | "white" | "former" | "u.s." | "us"
                )
        })
    {
        return Some(text[tok.tokens[a].span.start..tok.tokens[first - 1].span.end].to_string());
    }
    // appositive
    let after = tok.tokens.partition_point(|t| t.span.start < m.end);
    if tok
        .tokens
        .get(after)
        .is_some_and(|t| t.span.text(text) == ",")
    {
        let s = after + 1;
        let mut e = s;
        while e < tok.tokens.len()
            && e - s < 9
            && !matches!(
                tok.tokens[e].span.text(text),
                "," | "." | ";" | "”" | "\"" | "(" | ")"
            )
        {
            e += 1;
        }
        let closes = tok
            .tokens
            .get(e)
            .is_some_and(|t| matches!(t.span.text(text), "," | "."));
        let has_title = tok.tokens[s..e]
            .iter()
            .any(|t| TITLES.contains(&normalise(t.span.text(text)).as_str()));
        if closes && e > s && has_title {
            let role = text[tok.tokens[s].span.start..tok.tokens[e - 1].span.end].to_string();
            let role = role
                .strip_prefix("the ")
                .or_else(|| role.strip_prefix("a "))
                .unwrap_or(&role)
                .to_string();
            return Some(role);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn role(t: &str, name: &str) -> Option<String> {
        let tok = analyze_text(t);
        let s = t.find(name).unwrap();
        role_of(t, &tok, Span::new(s, s + name.len()))
    }

    #[test]
    fn roles_from_titles_and_appositives() {
        let t = "Russian President Vladimir Putin spoke. Salih Muslim, Syrian PYD leader, replied.";
        assert_eq!(
            role(t, "Vladimir Putin").as_deref(),
            Some("Russian President")
        );
        assert_eq!(
            role(t, "Salih Muslim").as_deref(),
            Some("Syrian PYD leader")
        );
        assert_eq!(role("Then Vladimir Putin spoke.", "Vladimir Putin"), None);
    }
}
