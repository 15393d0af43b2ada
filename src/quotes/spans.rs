//! Finding quoted spans: text between double quotation marks (“…”, "…", or mixed), marks included;
//! in an article that quotes with single marks (‘…’, British style), between those.
//!
//! News conventions handled: a quote left open at the end of a paragraph continues when the next
//! paragraph opens with the same kind of mark (one span across the paragraphs, as PolNeAR derives
//! them); ‘…’ or a nested “…” inside a quote stays part of the outer quote; a mark that never
//! closes is dropped at the end of its paragraph, so it cannot swallow the rest of the article.
//! Whether a span is a quotation of someone's words is decided in `classify`, not here.

use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Curly,
    Straight,
}

/// A quoted stretch of text, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedSpan {
    pub span: Span,
    /// Spans more than one paragraph.
    pub multi_paragraph: bool,
}

fn is_space_or_none(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c))
}

/// All quoted spans of `text`, in order, never overlapping. An article quotes with one kind of
/// mark and nests the other inside: US style “…” (with ‘…’ nested, or as scare quotes and in
/// headlines), British style ‘…’ (with “…” nested). The style is the one whose opening curly
/// mark is more frequent; double marks win a tie. In British style, the single-quoted spans come
/// first and double-quoted spans count only outside them.
pub fn find(text: &str) -> Vec<QuotedSpan> {
    let double = find_double(text);
    let singles = text.matches('‘').count();
    let doubles = text.matches('“').count() + text.matches('"').count() / 2;
    if singles <= doubles {
        let mut all = double;
        let headline = headline_singles(text, &all);
        if !headline.is_empty() {
            all.extend(headline);
            all.sort_by_key(|q| q.span.start);
        }
        return all;
    }
    let mut all = find_single(text, &[]);
    let outside: Vec<QuotedSpan> = double
        .into_iter()
        .filter(|d| !all.iter().any(|s| s.span.overlaps(d.span)))
        .collect();
    all.extend(outside);
    all.sort_by_key(|q| q.span.start);
    all
}

/// A headline is the text's first line when it is short and a line break follows it.
const MAX_HEADLINE: usize = 200;

/// The end (byte) of the text's headline, if it has one: its first line, when a line break
/// follows within `MAX_HEADLINE` bytes. Looks at those bytes only.
pub fn headline_end(text: &str) -> Option<usize> {
    let head = &text.as_bytes()[..text.len().min(MAX_HEADLINE + 1)];
    head.iter().position(|&b| b == b'\n')
}

/// In double-mark (US) style, a headline quotes with single marks ("Mayor on flood: ‘We will
/// rebuild’"): the single-quoted spans of two or more words on the headline line. (A one-word
/// ‘…’ there is a scare quote, as in the body.)
fn headline_singles(text: &str, double: &[QuotedSpan]) -> Vec<QuotedSpan> {
    let Some(end) = headline_end(text) else {
        return Vec::new();
    };
    let line = &text[..end];
    if !line.contains(['‘', '\'']) {
        return Vec::new();
    }
    let inside: Vec<QuotedSpan> = double
        .iter()
        .filter(|d| d.span.end <= end)
        .cloned()
        .collect();
    find_single(line, &inside)
        .into_iter()
        .filter(|q| q.span.text(line).trim().contains(' '))
        .collect()
}

/// Spans between single marks, outside the double-quoted spans `double` (sorted): ‘…’ or '…',
/// within one paragraph. An apostrophe is never a mark: a closing mark needs no letter after it
/// ("don’t", "rock ’n’ roll" stay words), and "s’ " before a lower-case word is a plural
/// possessive ("the voters’ choice"), not the end of a quotation.
fn find_single(text: &str, double: &[QuotedSpan]) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Option<usize> = None;
    let mut d = 0; // next double span that may hold the current position
    for i in 0..chars.len() {
        let (b, c) = chars[i];
        while d < double.len() && double[d].span.end <= b {
            d += 1;
        }
        if double.get(d).is_some_and(|q| q.span.start <= b) {
            open = None; // a double-quoted span: its single marks are nested, handled there
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        if c == '\n' {
            open = None;
            continue;
        }
        match open {
            None => {
                if matches!(c, '‘' | '\'')
                    && opens_after(prev)
                    && next.is_some_and(char::is_alphanumeric)
                {
                    open = Some(b);
                }
            }
            Some(start) => {
                let candidate = matches!(c, '’' | '\'')
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| !n.is_alphanumeric());
                let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                    && next.is_some_and(char::is_whitespace)
                    && chars.get(i + 2).is_some_and(|x| x.1.is_lowercase());
                if candidate && !possessive {
                    out.push(QuotedSpan {
                        span: Span::new(start, b + c.len_utf8()),
                        multi_paragraph: false,
                    });
                    open = None;
                } else if matches!(c, '‘') && opens_after(prev) {
                    open = Some(b); // a fresh opening mark: the earlier one was an apostrophe
                }
            }
        }
    }
    out
}

/// The spans between double marks only: what PolNeAR's quotes are derived from, and so what the
/// quote classifier and the speaker ranker are trained on.
pub fn find_double(text: &str) -> Vec<QuotedSpan> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // (start byte, kind, nesting depth, crossed a paragraph)
    let mut open: Option<(usize, Kind, u32, bool)> = None;
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        match open {
            None => {
                let kind = match c {
                    '“' | '„' => Some(Kind::Curly),
                    '"' if opens_after(prev) && !is_space_or_none(next) => Some(Kind::Straight),
                    // a closing mark typed where an opening one belongs: ”What is most ...”
                    '”' if opens_after(prev) && next.is_some_and(|n| n.is_alphanumeric()) => {
                        Some(Kind::Curly)
                    }
                    _ => None,
                };
                if let Some(k) = kind {
                    open = Some((b, k, 1, false));
                }
            }
            Some((start, kind, depth, multi)) => {
                if c == '\n' {
                    // paragraph end inside a quote: continue only if the next paragraph opens
                    // with the same kind of mark
                    let mut j = i;
                    while j < chars.len() && chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    let same = chars.get(j).is_some_and(|x| match kind {
                        Kind::Curly => matches!(x.1, '“' | '„' | '”'),
                        Kind::Straight => x.1 == '"',
                    });
                    if same {
                        open = Some((start, kind, 1, true));
                        i = j + 1;
                    } else {
                        open = None;
                        i = j;
                    }
                    continue;
                }
                let closes = match c {
                    '”' => true,
                    '"' => !is_space_or_none(prev) || is_space_or_none(next),
                    // “Mostly False.“ : an opening mark used as a closer
                    '“' => {
                        !is_space_or_none(prev)
                            && (is_space_or_none(next)
                                || next.is_some_and(|n| n.is_ascii_punctuation()))
                    }
                    _ => false,
                };
                let nests = !closes && matches!(c, '“' | '"') && opens_after(prev);
                if closes {
                    if depth <= 1 {
                        out.push(QuotedSpan {
                            span: Span::new(start, b + c.len_utf8()),
                            multi_paragraph: multi,
                        });
                        open = None;
                    } else {
                        open = Some((start, kind, depth - 1, multi));
                    }
                } else if nests {
                    open = Some((start, kind, depth + 1, multi));
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| q.span.text(text)).collect()
    }

    #[test]
    fn curly_straight_and_mixed_marks() {
        assert_eq!(quoted("“We won,” she said."), ["“We won,”"]);
        assert_eq!(quoted(r#"He said "no" twice."#), [r#""no""#]);
        assert_eq!(
            quoted("Mixed “marks\" here and \"there” too"),
            ["“marks\"", "\"there”"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quoted("“He called it ‘fake news,’ frankly,” she said."),
            ["“He called it ‘fake news,’ frankly,”"]
        );
    }

    #[test]
    fn nested_double_quotes_stay_inside() {
        assert_eq!(
            quoted("“They said “never” to us,” he said."),
            ["“They said “never” to us,”"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_span() {
        let t = "“First part.\n\n“Second part,” he said.\n\nAfter.";
        assert_eq!(quoted(t), ["“First part.\n\n“Second part,”"]);
        assert!(find(t)[0].multi_paragraph);
    }

    #[test]
    fn unclosed_quote_is_dropped_at_paragraph_end() {
        let t = "“Never closed.\nNext paragraph “is fine” here.";
        assert_eq!(quoted(t), ["“is fine”"]);
    }

    #[test]
    fn closing_mark_used_as_opener() {
        assert_eq!(
            quoted("Instagram.\n\n”What is most infuriating,” she wrote."),
            ["”What is most infuriating,”"]
        );
        assert_eq!(quoted("a book” and ” more"), Vec::<&str>::new());
    }

    #[test]
    fn opening_mark_used_as_closer() {
        assert_eq!(quoted("rated it “Mostly False.“ Then"), ["“Mostly False.“"]);
    }

    #[test]
    fn british_style_single_quotes() {
        let t = "The minister called the plan ‘a betrayal’ on Monday. ‘We will not back down,’ she told the BBC. ‘He said “never” twice.’";
        assert_eq!(
            quoted(t),
            [
                "‘a betrayal’",
                "‘We will not back down,’",
                "‘He said “never” twice.’"
            ]
        );
        // apostrophes are not marks
        let t = "‘It’s the voters’ choice,’ she said. ‘Don’t forget the ’90s.’";
        assert_eq!(
            quoted(t),
            ["‘It’s the voters’ choice,’", "‘Don’t forget the ’90s.’"]
        );
        // a stray opening mark ends at its paragraph
        assert_eq!(
            quoted("‘Open and never closed\n‘Closed,’ he said. ‘Yes.’"),
            ["‘Closed,’", "‘Yes.’"]
        );
    }

    #[test]
    fn us_style_keeps_single_marks_nested_or_as_scare_quotes() {
        // double marks are the style here: ‘…’ is nested or a scare quote, not a quotation
        assert_eq!(
            quoted("Lee called it ‘fake’. “He said ‘no’ twice,” she said. “Yes,” he said."),
            ["“He said ‘no’ twice,”", "“Yes,”"]
        );
    }

    #[test]
    fn a_us_style_headline_quotes_with_single_marks() {
        assert_eq!(
            quoted(
                "Mayor on flood: ‘We will rebuild’\n\n“Yes,” she said. “No,” he said. It was ‘fake’."
            ),
            ["‘We will rebuild’", "“Yes,”", "“No,”"]
        );
        assert_eq!(
            quoted("Trump on Clinton: 'She is a liar'\n\n\"Yes,\" he said."),
            ["'She is a liar'", "\"Yes,\""]
        );
        // one word in marks is a scare quote, and a body line is no headline
        assert_eq!(
            quoted("Lee’s ‘fake’ claim\n\n“Yes,” she said. “No.” He called it ‘a big lie’."),
            ["“Yes,”", "“No.”"]
        );
    }

    #[test]
    fn odd_texts_do_not_break() {
        assert!(quoted("").is_empty());
        assert!(quoted("”””").is_empty());
        assert!(find("“““").len() <= 1);
        let many = "“a” ".repeat(10_000);
        assert_eq!(find(&many).len(), 10_000);
    }
}
