//! Tokens, sentences and paragraphs, with exact byte spans into the original text.
//!
//! The tokenizer is rule-based and made for what users paste: curly quotes and apostrophes,
//! possessive ’s split off (so an entity span excludes it), em dashes, URLs, @handles, numbers
//! with separators, abbreviations such as "U.S." and "Mr.". It also reads CoNLL's space-separated
//! text. It does not normalise anything: every token is a slice of the input.

use super::offsets::Span;
use super::words::normal;
use crate::hash::DocKey;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A quotation mark: " “ ” ‘ ’ (an apostrophe inside a word is part of the word).
    Quote,
    Url,
    Handle,
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A run of tokens: `tokens[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRange {
    pub start: usize,
    pub end: usize,
}

impl TokenRange {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A paragraph: its byte span (without surrounding newlines) and the sentences inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub tokens: TokenRange,
}

/// The text cut into tokens, sentences and paragraphs; every later stage reads this.
#[derive(Clone, Debug)]
pub struct Tokenized {
    pub tokens: Vec<Token>,
    pub sentences: Vec<TokenRange>,
    pub paragraphs: Vec<Paragraph>,
    /// The text's key for maps of its own words (`DocKey`).
    pub key: DocKey,
}

impl Tokenized {
    /// Token `i` as written.
    pub fn text_of<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.tokens[i].span.text(text)
    }
    /// Token `i` as the stages compare words (`normal`: curly marks to ASCII, digits to 0, lower
    /// case), borrowed from the text when already normal.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> Cow<'t, str> {
        normal(self.text_of(text, i))
    }
    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }
    /// The tokens that byte span `s` touches (empty where it touches none).
    pub fn tokens_of(&self, s: Span) -> TokenRange {
        let start = self.tokens.partition_point(|t| t.span.end <= s.start);
        let end = self.tokens.partition_point(|t| t.span.start < s.end);
        TokenRange {
            start,
            end: end.max(start),
        }
    }
    /// Index of the paragraph holding byte offset `b` (or the last one before it).
    pub fn paragraph_at(&self, b: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.span.end <= b)
            .min(self.paragraphs.len().saturating_sub(1))
    }
}

pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj",
    "Adm", "Cmdr", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "vs", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mt", "Ft", "No", "Pres", "Supt",
    "Atty", "Calif", "Fla", "Mass", "Penn", "Wash", "Ariz", "Colo", "Conn", "Del", "Ill", "Ind",
    "Kan", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "etc", "al", "approx", "est", "Ave", "Blvd",
    "Dept", "Univ",
];

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '„' | '«' | '»' | '\'')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{200C}')
}

/// Cut `text` into tokens. Never panics; every token span is non-empty and on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (ws_start, chunk) in whitespace_chunks(text) {
        split_chunk(chunk, ws_start, &mut out);
    }
    out
}

fn whitespace_chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut chunks = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunks.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunks.push((s, &text[s..]));
    }
    chunks.into_iter()
}

/// URLs, e-mail addresses, @handles and #hashtags: each one token, never part of a name (chunks
/// hold no whitespace, so the patterns need no whitespace class). The
/// `regex` crate states these token classes more clearly than hand-written scanning; it only
/// runs on chunks that hold '@', '#', "://" or "www.", so ordinary words never pay for it.
/// Compiled once; immutable afterwards.
static SPECIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
          (?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^<>"“”‘’]*[^<>"“”‘’.,;:!?)\]'] # URL
        | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}               # e-mail
        | [@\#][A-Za-z0-9_]+                                                              # handle, tag
        "#,
    )
    .expect("a valid pattern")
});

/// The titles `glued_title` cuts off.
const GLUED_TITLES: [&str; 14] = [
    "Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Rev", "Sgt", "Capt", "Lt", "Col",
];

/// "DoeSen." in a name list whose line breaks were lost ("Jane DoeSen. John Roe"): where the title
/// that starts the next name begins ("Doe" | "Sen."): a chunk ending in a title of `GLUED_TITLES`
/// and a full stop, after a lower-case ASCII letter (the pattern
/// `[a-z](Sen|Rep|…|Col)\.$`). Written out rather than as a regex: nearly every sentence's last
/// word is tried, and the page would otherwise compile a regex on its first analysis. No title
/// ends another (each has one capital, its first letter), so at most one matches.
fn glued_title(chunk: &str) -> Option<usize> {
    let body = chunk.strip_suffix('.')?;
    GLUED_TITLES.iter().find_map(|t| {
        let rest = body.strip_suffix(t)?;
        rest.as_bytes()
            .last()
            .is_some_and(u8::is_ascii_lowercase)
            .then_some(rest.len())
    })
}

/// Split one whitespace-free chunk into tokens.
fn split_chunk(chunk: &str, base: usize, out: &mut Vec<Token>) {
    let special = chunk.contains(['@', '#']) || chunk.contains("://") || chunk.contains("ww.");
    if !special {
        return split_glued(chunk, base, out);
    }
    let mut last = 0;
    for m in SPECIAL.find_iter(chunk) {
        split_glued(&chunk[last..m.start()], base + last, out);
        let kind = if m.as_str().starts_with(['@', '#']) {
            TokenKind::Handle
        } else {
            TokenKind::Url
        };
        out.push(Token {
            span: Span::new(base + m.start(), base + m.end()),
            kind,
        });
        last = m.end();
    }
    split_glued(&chunk[last..], base + last, out);
}

/// Split a chunk with no special token, cutting a glued title off first.
fn split_glued(chunk: &str, base: usize, out: &mut Vec<Token>) {
    if chunk.len() > 4
        && let Some(start) = glued_title(chunk)
    {
        split_words(&chunk[..start], base, out);
        return split_words(&chunk[start..], base + start, out);
    }
    split_words(chunk, base, out);
}

/// Split plain text (no whitespace) into words, numbers and punctuation.
fn split_words(chunk: &str, base: usize, out: &mut Vec<Token>) {
    let mut rest = chunk;
    let mut pos = base;
    while !rest.is_empty() {
        let (len, kind) = next_token(rest);
        let len = len.max(rest.chars().next().map_or(1, char::len_utf8));
        out.push(Token {
            span: Span::new(pos, pos + len),
            kind,
        });
        pos += len;
        rest = &rest[len..];
    }
}

/// Length in bytes and kind of the token at the start of `s` (non-empty, no whitespace).
fn next_token(s: &str) -> (usize, TokenKind) {
    let first = s.chars().next().unwrap_or(' ');
    if is_word_char(first) {
        return word_token(s);
    }
    if is_quote_char(first) {
        // An apostrophe starting a contraction or possessive: ’s ’re ’ll n’t handled in word_token;
        // here a leading ’s after a split word.
        if is_apostrophe(first) {
            let after = &s[first.len_utf8()..];
            let word_len = after
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len());
            let w = &after[..word_len];
            if matches!(
                w.to_lowercase().as_str(),
                "s" | "re" | "ll" | "ve" | "d" | "m" | "t"
            ) {
                return (first.len_utf8() + word_len, TokenKind::Word);
            }
        }
        return (first.len_utf8(), TokenKind::Quote);
    }
    // Runs of the same punctuation (..., --) stay together.
    let mut n = first.len_utf8();
    for c in s[n..].chars() {
        if c == first && !matches!(c, '(' | ')' | '[' | ']') {
            n += c.len_utf8();
        } else {
            break;
        }
    }
    let kind = if first.is_ascii_punctuation() || matches!(first, '—' | '–' | '…' | '•' | '·')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (n, kind)
}

/// A word or number: letters/digits joined by inner hyphens, periods (U.S., 3.5), commas in
/// numbers (1,000), apostrophes (O’Brien, don’t -> do + n’t, Clinton’s -> Clinton + ’s).
fn word_token(s: &str) -> (usize, TokenKind) {
    for clitic in ["n’t", "n't", "N’T", "N'T"] {
        if s.starts_with(clitic) && !s[clitic.len()..].starts_with(char::is_alphanumeric) {
            return (clitic.len(), TokenKind::Word);
        }
    }
    // `i` walks the token's chars by byte offset and stops at the one that ends it: reading
    // no further than that keeps "A/A/A/…" linear, and nothing is collected.
    let mut i = 0;
    let mut before: Option<char> = None;
    let mut all_digits = true;
    while let Some(c) = s[i..].chars().next() {
        let after = i + c.len_utf8();
        if is_word_char(c) {
            all_digits &= c.is_ascii_digit() || c == '.' || c == ',';
            before = Some(c);
            i = after;
            continue;
        }
        let next = s[after..].chars().next();
        let next_is_word = next.is_some_and(is_word_char);
        let joiner = match c {
            '-' | '&' => next_is_word,
            '.' => next.is_some_and(|n| n.is_alphanumeric()),
            ',' => all_digits && next.is_some_and(|n| n.is_ascii_digit()),
            _ if is_apostrophe(c) => next_is_word,
            _ => false,
        };
        if !joiner {
            break;
        }
        if is_apostrophe(c) {
            // split clitics: Clinton’s -> Clinton | ’s ; don’t -> do | n’t
            let tail: String = s[after..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let tail_l = tail.to_lowercase();
            if matches!(tail_l.as_str(), "s" | "re" | "ll" | "ve" | "d" | "m") {
                break;
            }
            if let Some(n @ ('n' | 'N')) = before
                && tail_l == "t"
            {
                i -= n.len_utf8();
                break;
            }
        }
        all_digits &= c == '.' || c == ',';
        before = Some(c);
        i = after;
    }
    // Abbreviation or initials with a final period: U.S. / Mr. / J.
    let mut end = i;
    let word = &s[..end];
    if s[i..].starts_with('.') {
        let initials = word.contains('.')
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
        if initials || ABBREVIATIONS.contains(&word) {
            end += 1;
        }
    }
    if end == 0 {
        end = s.chars().next().map_or(1, char::len_utf8);
    }
    let word = &s[..end];
    let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| !c.is_alphabetic() || c == 's' || c == 'm')
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// Sentences and paragraphs over `tokens`. A newline always ends a paragraph (pasted web text uses
/// single newlines between paragraphs; CoNLL text puts one sentence per line).
pub fn segment(text: &str, tokens: Vec<Token>) -> Tokenized {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut sent_start = 0;
    let mut para_start = 0;
    for i in 0..tokens.len() {
        let t = tokens[i];
        let next = tokens.get(i + 1);
        let newline_after = next.is_none_or(|n| text[t.span.end..n.span.start].contains('\n'));
        let end_sentence = newline_after || ends_sentence(text, &tokens, i);
        if end_sentence {
            sentences.push(TokenRange {
                start: sent_start,
                end: i + 1,
            });
            sent_start = i + 1;
        }
        if newline_after {
            let span = Span::new(tokens[para_start].span.start, t.span.end);
            paragraphs.push(Paragraph {
                span,
                tokens: TokenRange {
                    start: para_start,
                    end: i + 1,
                },
            });
            para_start = i + 1;
        }
    }
    Tokenized {
        tokens,
        sentences,
        paragraphs,
        key: DocKey::of(text),
    }
}

/// Does a sentence end after token `i` (same line)? After . ! ? (and any closing quotes or
/// brackets that follow them) when the next token starts with an uppercase letter, a digit or an
/// opening quote.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let s = t.span.text(text);
    let next = match tokens.get(i + 1) {
        Some(n) => n,
        None => return true,
    };
    let next_s = next.span.text(text);
    let closes = |s: &str| matches!(s, "”" | "\"" | "’" | ")" | "'");
    // a closing quote/bracket after a terminator: end after the quote, not before it
    let terminator = |s: &str| matches!(s, "." | "!" | "?" | "..." | "…" | "?!" | "!!" | "??");
    let is_end = if terminator(s) {
        !closes(next_s)
    } else if closes(s) && i > 0 {
        terminator(tokens[i - 1].span.text(text))
    } else {
        false
    };
    if !is_end {
        return false;
    }
    // no gap (e.g. "3.5" split oddly) means not a boundary
    if next.span.start == t.span.end && !closes(s) {
        return false;
    }
    next_s.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(' | '[' | '—')
    })
}

/// Tokenize and segment in one call.
pub fn analyze_text(text: &str) -> Tokenized {
    segment(text, tokenize(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's word is its normalised text, borrowed when already normal.
    #[test]
    fn a_token_s_word_is_its_normal_form() {
        let text = "O’Brien said 1999 was said.";
        let tok = analyze_text(text);
        let words: Vec<Cow<'_, str>> = (0..tok.tokens.len()).map(|i| tok.word(text, i)).collect();
        assert_eq!(words, ["o'brien", "said", "0000", "was", "said", "."]);
        assert!(matches!(words[1], Cow::Borrowed("said")));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(*w, crate::text::normalise(tok.text_of(text, i)));
        }
    }

    #[test]
    fn tokens_of_a_span_are_those_it_touches() {
        let text = "Ann said no.";
        let tk = analyze_text(text);
        let range = |a: usize, b: usize| {
            let r = tk.tokens_of(Span::new(a, b));
            (r.start, r.end)
        };
        assert_eq!(range(4, 8), (1, 2)); // "said"
        assert_eq!(range(5, 10), (1, 3)); // part of "said" and "no"
        assert_eq!(range(3, 4), (1, 1)); // the space: no token
        assert_eq!(range(12, 12), (4, 4)); // past the end
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn possessive_is_split_off_a_name() {
        assert_eq!(toks("Clinton’s team"), ["Clinton", "’s", "team"]);
        assert_eq!(toks("Putin's"), ["Putin", "'s"]);
    }

    #[test]
    fn curly_quotes_are_their_own_tokens() {
        assert_eq!(
            toks("“We won,” she said."),
            ["“", "We", "won", ",", "”", "she", "said", "."]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            toks("Mr. Obama left the U.S. on Jan. 5."),
            [
                "Mr.", "Obama", "left", "the", "U.S.", "on", "Jan.", "5", "."
            ]
        );
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    }

    #[test]
    fn urls_handles_numbers_dashes_keep_their_old_tokens() {
        assert_eq!(
            toks("See https://ex.com/a?b=1. @POTUS wrote—1,000 times 3.5%"),
            [
                "See",
                "https://ex.com/a?b=1",
                ".",
                "@POTUS",
                "wrote",
                "—",
                "1,000",
                "times",
                "3.5",
                "%"
            ]
        );
    }

    #[test]
    fn urls_emails_handles_and_tags_are_single_tokens_anywhere_in_a_chunk() {
        assert_eq!(
            toks("Write to awr.hawkins@breitbart.com or @AWRHawkins #MAGA."),
            [
                "Write",
                "to",
                "awr.hawkins@breitbart.com",
                "or",
                "@AWRHawkins",
                "#MAGA",
                "."
            ]
        );
        assert_eq!(
            toks("September 30th.https://t.co/hbaW pic"),
            ["September", "30th", ".", "https://t.co/hbaW", "pic"]
        );
        let t = "see www.example.org/a.";
        let k = tokenize(t);
        assert_eq!(k[1].kind, TokenKind::Url);
        assert_eq!(k[1].span.text(t), "www.example.org/a");
    }

    #[test]
    fn a_title_glued_to_the_previous_name_is_split_off() {
        assert_eq!(
            toks("Jane DoeSen. John RoeRep. Ann Poe"),
            ["Jane", "Doe", "Sen.", "John", "Roe", "Rep.", "Ann", "Poe"]
        );
        // a word that merely ends in those letters stays whole
        assert_eq!(toks("the Senate."), ["the", "Senate", "."]);
    }

    #[test]
    fn the_glued_title_check_matches_its_pattern() {
        let pattern =
            Regex::new(r"[a-z](Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Prof|Gen|Rev|Sgt|Capt|Lt|Col)\.$").unwrap();
        let mut words: Vec<String> = GLUED_TITLES.iter().map(|t| t.to_string()).collect();
        words.extend(["MRS", "mrs", "Senate", "Colx", "s", "M", "", "Mr.Mrs"].map(String::from));
        let mut tried = 0;
        for before in ["", "a", "Doe", "DOE", "é", "1", "z", "-", "aMr", "x.Lt"] {
            for w in &words {
                for after in [".", "", "..", ".x", ". "] {
                    let chunk = format!("{before}{w}{after}");
                    let want = pattern
                        .captures(&chunk)
                        .and_then(|c| c.get(1))
                        .map(|m| m.start());
                    assert_eq!(glued_title(&chunk), want, "{chunk:?}");
                    tried += usize::from(want.is_some());
                }
            }
        }
        assert!(tried > 40, "{tried} chunks with a glued title");
    }

    #[test]
    fn contractions_and_inner_apostrophes() {
        assert_eq!(toks("don’t O’Brien"), ["do", "n’t", "O’Brien"]);
    }

    /// The word walk steps by byte offset: letters of two and three bytes before, inside and
    /// after the joiners (apostrophes, hyphens, periods) split and join as ASCII ones do.
    #[test]
    fn joiners_between_letters_of_several_bytes() {
        assert_eq!(toks("Ñandú’s"), ["Ñandú", "’s"]);
        assert_eq!(toks("CAN’T"), ["CA", "N’T"]);
        assert_eq!(toks("l’État"), ["l’État"]);
        assert_eq!(toks("Łódź-based"), ["Łódź-based"]);
        assert_eq!(toks("São Paulo’s"), ["São", "Paulo", "’s"]);
        assert_eq!(toks("Müller."), ["Müller", "."]);
        assert_eq!(toks("É. Zola"), ["É.", "Zola"]);
        assert_eq!(toks("1,000,000.5 €"), ["1,000,000.5", "€"]);
    }

    #[test]
    fn emoji_before_a_name_keeps_offsets() {
        let t = "🎉Merkel won";
        let tk = tokenize(t);
        assert_eq!(tk[0].span.text(t), "🎉");
        assert_eq!(tk[1].span.text(t), "Merkel");
        assert_eq!(tk[1].span.start, 4);
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        assert_eq!(toks("Rene\u{301}e said"), ["Rene\u{301}e", "said"]);
    }

    #[test]
    fn sentences_split_after_terminators_and_quotes() {
        let t = "He left. “Go,” she said. Mr. Smith stayed.\nNew line";
        let tk = analyze_text(t);
        let sents: Vec<String> = tk
            .sentences
            .iter()
            .map(|r| t[tk.tokens[r.start].span.start..tk.tokens[r.end - 1].span.end].to_string())
            .collect();
        assert_eq!(
            sents,
            [
                "He left.",
                "“Go,” she said.",
                "Mr. Smith stayed.",
                "New line"
            ]
        );
        assert_eq!(tk.paragraphs.len(), 2);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            " ",
            "\u{0}",
            "’",
            "'s",
            "..",
            "@",
            "#",
            "-",
            "a-",
            "http://",
            "\u{301}",
            "\r\n\r\n",
            "“”“",
            "n’t",
        ] {
            let tk = analyze_text(t);
            for tok in &tk.tokens {
                assert!(!tok.span.is_empty());
                assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
            }
        }
    }
}
