//! The core never panics and never loses text, whatever the string.

use newslens::{Unit, analyze};

fn check(text: &str) {
    let a = analyze(text).expect("analysis");
    for e in &a.entities {
        assert!(e.span.start < e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "quotes overlap");
    }
    // the export converts every offset without failing
    let x = a.export(text, Unit::Utf16);
    assert_eq!(x.entities.len(), a.entities.len());
}

#[test]
fn odd_strings_never_panic() {
    let long = "x".repeat(100_000);
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\u{0}\u{1}\u{2}",
        "“",
        "”",
        "\"",
        "“”",
        "“““““",
        "”””””",
        "\"\"\"\"",
        "“Never closed, said Zoë.\n\nNext.",
        "He said “‘nested’ quotes” fine.",
        "Rene\u{301}e 👍🏽 met 🇫🇷 Macron.",
        "مرحبا “ok” שלום",
        "CRLF\r\nlines\r\n“a,” he said.\r\n",
        "Mr. Mr. Mr.",
        "’s ’s ’s",
        "U.S.A.B.C.D.",
        "@@@ ### http://",
        "A\u{200D}B\u{FE0F}C",
        "\u{FEFF}BOM first",
        long.as_str(),
    ];
    for c in cases {
        check(c);
    }
}

#[test]
fn ten_thousand_quotes_in_one_text() {
    let text = "“Yes,” Smith said. ".repeat(10_000);
    let a = analyze(&text).unwrap();
    assert_eq!(a.quotes.len(), 10_000);
}

#[test]
fn a_text_of_only_quote_marks() {
    check(&"“”\"‘’".repeat(5_000));
}

#[test]
fn too_long_text_is_an_error_not_a_panic() {
    let text = "a ".repeat(newslens::MAX_TEXT_BYTES / 2 + 1);
    assert!(analyze(&text).is_err());
}

#[test]
fn random_bytes_as_lossy_text_never_panic() {
    let mut x = 0x1234_5678_9abc_def0u64;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..300)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 256) as u8
            })
            .collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}
