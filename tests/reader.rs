//! Reader tests: every datum kind, spans, every error's kind and span, nesting
//! limits, garbage input, and the numeric syntax of `parse_number`.

use eshkol::syntax::number_literal::parse_number;
use eshkol::syntax::parser::MAX_NESTING;
use eshkol::syntax::*;
use num_bigint::BigInt;
use num_rational::BigRational;

const SRC: SourceId = SourceId(7);

fn read(text: &str) -> Vec<Datum> {
    parse_program(text, SRC).unwrap_or_else(|e| panic!("{text:?} failed: {e:?}"))
}

fn read1(text: &str) -> Datum {
    let mut data = read(text);
    assert_eq!(data.len(), 1, "{text:?} should read as one datum");
    data.pop().unwrap()
}

fn kind(text: &str) -> DatumKind {
    read1(text).kind
}

fn err(text: &str) -> ReadError {
    match parse_program(text, SRC) {
        Ok(data) => panic!("{text:?} should fail, read {data:?}"),
        Err(e) => e,
    }
}

/// Asserts the error's kind and span and returns it for message checks.
fn err_at(text: &str, kind: ReadErrorKind, start: u32, end: u32) -> ReadError {
    let e = err(text);
    assert_eq!(e.kind, kind, "{text:?}: {e:?}");
    assert_eq!((e.span.start, e.span.end), (start, end), "{text:?}: {e:?}");
    assert_eq!(e.span.source, SRC);
    e
}

fn sym(name: &str) -> DatumKind {
    DatumKind::Symbol(name.into())
}

fn int(n: i64) -> DatumKind {
    DatumKind::Number(NumberLiteral::Fixnum(n))
}

fn span(d: &Datum) -> (u32, u32) {
    (d.span.start, d.span.end)
}

fn list(d: &Datum) -> &[Datum] {
    match &d.kind {
        DatumKind::List(items) => items,
        other => panic!("expected a list, got {other:?}"),
    }
}

fn names(d: &Datum) -> Vec<&str> {
    list(d).iter().map(|x| x.as_symbol().unwrap()).collect()
}

fn ratio(n: i64, d: i64) -> NumberLiteral {
    NumberLiteral::Rational(BigRational::new(n.into(), d.into()))
}

fn num(text: &str) -> NumberLiteral {
    parse_number(text, 10).unwrap_or_else(|| panic!("{text:?} should be a number"))
}

fn real(text: &str) -> f64 {
    match num(text) {
        NumberLiteral::Real(x) => x,
        other => panic!("{text:?} should be real, got {other:?}"),
    }
}

/// Runs `f` on a thread with a large stack: dropping or walking data nested
/// 10 000 deep recurses once per level.
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

// ---------------------------------------------------------------- data kinds

#[test]
fn empty_and_whitespace_only_input() {
    assert!(read("").is_empty());
    assert!(read(" \t\r\n\x0c ; comment only\n").is_empty());
    assert!(read("#| block |#").is_empty());
}

#[test]
fn booleans() {
    let data = read("#t #f #true #false");
    let kinds: Vec<_> = data.into_iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        vec![
            DatumKind::Bool(true),
            DatumKind::Bool(false),
            DatumKind::Bool(true),
            DatumKind::Bool(false)
        ]
    );
    assert_eq!(span(&read("  #true")[0]), (2, 7));
}

#[test]
fn integers_and_bignums() {
    assert_eq!(kind("123"), int(123));
    assert_eq!(kind("-5"), int(-5));
    assert_eq!(kind("+7"), int(7));
    assert_eq!(kind("9223372036854775807"), int(i64::MAX));
    assert_eq!(kind("-9223372036854775808"), int(i64::MIN));
    let big: BigInt = "123456789012345678901234567890".parse().unwrap();
    assert_eq!(
        kind("123456789012345678901234567890"),
        DatumKind::Number(NumberLiteral::Bignum(big))
    );
    let just_over: BigInt = "9223372036854775808".parse().unwrap();
    assert_eq!(
        kind("9223372036854775808"),
        DatumKind::Number(NumberLiteral::Bignum(just_over))
    );
}

#[test]
fn rationals_are_normalised() {
    assert_eq!(kind("1/3"), DatumKind::Number(ratio(1, 3)));
    assert_eq!(kind("-6/4"), DatumKind::Number(ratio(-3, 2)));
    assert_eq!(kind("4/2"), int(2));
    assert_eq!(kind("0/5"), int(0));
}

#[test]
fn decimals() {
    let reals: Vec<f64> = read("1.5 .5 5. -0.0 1.5e3 1e-7 2E10 +inf.0 -inf.0")
        .into_iter()
        .map(|d| match d.kind {
            DatumKind::Number(NumberLiteral::Real(x)) => x,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        reals,
        vec![
            1.5,
            0.5,
            5.0,
            -0.0,
            1500.0,
            1e-7,
            2e10,
            f64::INFINITY,
            f64::NEG_INFINITY
        ]
    );
    assert!(reals[3].is_sign_negative());
    match kind("+nan.0") {
        DatumKind::Number(NumberLiteral::Real(x)) => assert!(x.is_nan()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn prefixed_numbers() {
    assert_eq!(kind("#x1F"), int(31));
    assert_eq!(kind("#b101"), int(5));
    assert_eq!(kind("#o17"), int(15));
    assert_eq!(kind("#d10"), int(10));
    assert_eq!(kind("#e1.5"), DatumKind::Number(ratio(3, 2)));
    assert_eq!(kind("#i1/4"), DatumKind::Number(NumberLiteral::Real(0.25)));
    assert_eq!(kind("#x#e10"), int(16));
    assert_eq!(kind("#e#x10"), int(16));
}

#[test]
fn peculiar_identifiers_and_near_numbers_are_symbols() {
    for text in [
        "+", "-", "...", "->x", "-x", "+x", "1+", "1a", "a.b", "..", "-.", "+.x",
    ] {
        assert_eq!(kind(text), sym(text), "{text}");
    }
}

#[test]
fn symbols() {
    let data = read("set-car! list->vector <=? a.b ... λ Straße ABC abc x1 * / &rest");
    let got: Vec<_> = data.iter().map(|d| d.as_symbol().unwrap()).collect();
    assert_eq!(
        got,
        [
            "set-car!",
            "list->vector",
            "<=?",
            "a.b",
            "...",
            "λ",
            "Straße",
            "ABC",
            "abc",
            "x1",
            "*",
            "/",
            "&rest"
        ]
    );
    assert_eq!(span(&data[5]), (34, 36), "λ is two bytes");
    assert_eq!(span(&data[6]), (37, 44), "ß is two bytes");
}

#[test]
fn pipe_symbols() {
    assert_eq!(kind("|with spaces|"), sym("with spaces"));
    assert_eq!(kind(r"|a\|b|"), sym("a|b"));
    assert_eq!(kind(r"|\x41;bc|"), sym("Abc"));
    assert_eq!(kind("||"), sym(""));
    let data = read("a|b c|d");
    let got: Vec<_> = data.iter().map(|d| d.as_symbol().unwrap()).collect();
    assert_eq!(got, ["a", "b c", "d"]);
    assert_eq!(span(&data[1]), (1, 6));
}

#[test]
fn strings_and_escapes() {
    assert_eq!(kind(r#""hello""#), DatumKind::String("hello".into()));
    assert_eq!(kind(r#""""#), DatumKind::String(String::new()));
    assert_eq!(
        kind(r#""\n\t\r\a\b\0\\\"\|""#),
        DatumKind::String("\n\t\r\u{7}\u{8}\0\\\"|".into())
    );
    assert_eq!(kind(r#""\x41;\x3bb;""#), DatumKind::String("Aλ".into()));
    assert_eq!(kind("\"a\\\n   b\""), DatumKind::String("ab".into()));
    assert_eq!(kind("\"a\\  \t\r\n\t b\""), DatumKind::String("ab".into()));
    assert_eq!(
        kind("\"multi\nline\""),
        DatumKind::String("multi\nline".into())
    );
    assert_eq!(span(&read1(r#"  "a\"b"  "#)), (2, 8));
}

#[test]
fn characters() {
    let cases = [
        (r"#\a", 'a'),
        (r"#\A", 'A'),
        (r"#\(", '('),
        (r"#\)", ')'),
        (r"#\;", ';'),
        (r"#\ ", ' '),
        (r"#\space", ' '),
        (r"#\newline", '\n'),
        (r"#\tab", '\t'),
        (r"#\nul", '\0'),
        (r"#\null", '\0'),
        (r"#\alarm", '\u{7}'),
        (r"#\backspace", '\u{8}'),
        (r"#\delete", '\u{7f}'),
        (r"#\escape", '\u{1b}'),
        (r"#\return", '\r'),
        (r"#\linefeed", '\n'),
        (r"#\x41", 'A'),
        (r"#\x3bb", 'λ'),
        (r"#\x", 'x'),
        (r"#\λ", 'λ'),
        (r"#\\", '\\'),
        (r"#\1", '1'),
    ];
    for (text, ch) in cases {
        assert_eq!(kind(text), DatumKind::Char(ch), "{text}");
        assert_eq!(span(&read1(text)), (0, text.len() as u32), "{text}");
    }
    let data = read(r"(#\a #\( #\))");
    assert_eq!(
        list(&data[0])
            .iter()
            .map(|d| d.kind.clone())
            .collect::<Vec<_>>(),
        vec![
            DatumKind::Char('a'),
            DatumKind::Char('('),
            DatumKind::Char(')')
        ]
    );
}

#[test]
fn lists_and_spans() {
    let d = read1("(a (b c))");
    assert_eq!(span(&d), (0, 9));
    let items = list(&d);
    assert_eq!(span(&items[0]), (1, 2));
    assert_eq!(span(&items[1]), (3, 8));
    assert_eq!(names(&items[1]), ["b", "c"]);
    assert_eq!(span(&list(&items[1])[1]), (6, 7));
    assert_eq!(kind("()"), DatumKind::List(vec![]));
    assert_eq!(kind("[]"), DatumKind::List(vec![]));
    let b = read1("[a [b]]");
    assert_eq!(span(&list(&b)[1]), (3, 6));
    assert_eq!(names(&read1("( a\tb\r\nc\x0c)")), ["a", "b", "c"]);
}

#[test]
fn dotted_lists() {
    let d = read1("(a b . c)");
    assert_eq!(span(&d), (0, 9));
    match &d.kind {
        DatumKind::DottedList(head, tail) => {
            assert_eq!(
                head.iter().map(|x| x.kind.clone()).collect::<Vec<_>>(),
                [sym("a"), sym("b")]
            );
            assert_eq!(tail.kind, sym("c"));
            assert_eq!(span(tail), (7, 8));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(kind("[a . (b)]"), DatumKind::DottedList(_, _)));
    assert!(matches!(kind("(a . #;x b #;y)"), DatumKind::DottedList(_, t) if t.kind == sym("b")));
}

#[test]
fn dot_prefixed_atoms_are_not_dots() {
    assert_eq!(names(&read1("(a .b)")), ["a", ".b"]);
    match kind("(.5 . .5)") {
        DatumKind::DottedList(head, tail) => {
            assert_eq!(head[0].kind, DatumKind::Number(NumberLiteral::Real(0.5)));
            assert_eq!(tail.kind, DatumKind::Number(NumberLiteral::Real(0.5)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn vectors_and_bytevectors() {
    let v = read1("#(1 a \"s\")");
    assert_eq!(span(&v), (0, 10));
    match &v.kind {
        DatumKind::Vector(items) => {
            assert_eq!(items.len(), 3);
            assert_eq!(span(&items[1]), (4, 5));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(kind("#()"), DatumKind::Vector(vec![]));
    assert_eq!(
        kind("#u8(0 1 255 #xff)"),
        DatumKind::Bytevector(vec![0, 1, 255, 255])
    );
    assert_eq!(kind("#u8()"), DatumKind::Bytevector(vec![]));
    assert_eq!(span(&read1(" #u8(1)")), (1, 7));
}

#[test]
fn abbreviations() {
    for (text, name, prefix_len) in [
        ("'x", "quote", 1),
        ("`x", "quasiquote", 1),
        (",x", "unquote", 1),
        (",@x", "unquote-splicing", 2),
    ] {
        let d = read1(text);
        assert_eq!(span(&d), (0, text.len() as u32));
        let items = list(&d);
        assert_eq!(items[0].kind, sym(name));
        assert_eq!(span(&items[0]), (0, prefix_len));
        assert_eq!(items[1].kind, sym("x"));
    }
    let d = read1("'(a b)");
    assert_eq!(span(&d), (0, 6));
    assert_eq!(span(&list(&d)[1]), (1, 6));
    let nested = read1("''a");
    assert_eq!(span(&list(&nested)[1]), (1, 3));
    let spaced = read1("' #;skip x");
    assert_eq!(span(&spaced), (0, 10));
    assert_eq!(list(&spaced)[1].kind, sym("x"));
}

#[test]
fn comments() {
    assert_eq!(names(&read1("(a ; comment\n b)")), ["a", "b"]);
    assert_eq!(
        names(&read1("(a #| block #| nested |# still |# b)")),
        ["a", "b"]
    );
    assert_eq!(names(&read1("(a #;(b (c)) d)")), ["a", "d"]);
    assert_eq!(names(&read1("(#; #; a b c)")), ["c"]);
    assert_eq!(names(&read1("(a #;b)")), ["a"]);
    assert_eq!(read("#;a").len(), 0);
    assert_eq!(read("#; #; a b c").len(), 1);
    assert_eq!(
        names(&read1("#!fold-case (a #!no-fold-case b)")),
        ["a", "b"]
    );
    assert_eq!(read1("x;comment").kind, sym("x"));
    assert_eq!(read1("#!/usr/bin/env eshkol\n42").kind, int(42));
    assert_eq!(span(&read1("#| |# x")), (6, 7));
}

#[test]
fn delimiters_split_atoms() {
    let data = read("a\"s\"b(c)d[e]f;g\nh");
    let got: Vec<_> = data.iter().map(|d| d.kind.clone()).collect();
    assert_eq!(got[0], sym("a"));
    assert_eq!(got[1], DatumKind::String("s".into()));
    assert_eq!(got[2], sym("b"));
    assert_eq!(got.len(), 8);
    assert_eq!(got[7], sym("h"));
}

#[test]
fn spans_carry_the_source_id() {
    let data = parse_program("(a)", SourceId(42)).unwrap();
    assert_eq!(data[0].span, Span::new(SourceId(42), 0, 3));
    assert_eq!(list(&data[0])[0].span.source, SourceId(42));
}

// ---------------------------------------------------------------- errors

#[test]
fn unclosed_openers_are_incomplete_at_the_innermost() {
    let e = err_at("(a b", ReadErrorKind::Incomplete, 0, 1);
    assert_eq!(e.message, "unclosed `(`: expected `)` before end of input");
    err_at("(a (b) (c", ReadErrorKind::Incomplete, 7, 8);
    err_at("(a [b", ReadErrorKind::Incomplete, 3, 4);
    let e = err_at("#(1 2", ReadErrorKind::Incomplete, 0, 2);
    assert!(e.message.contains("`#(`"), "{}", e.message);
    err_at("(x #u8(1 2", ReadErrorKind::Incomplete, 3, 7);
    let e = err_at("[a", ReadErrorKind::Incomplete, 0, 1);
    assert_eq!(e.message, "unclosed `[`: expected `]` before end of input");
    err_at("(a .", ReadErrorKind::Incomplete, 0, 1);
    err_at("(a . b", ReadErrorKind::Incomplete, 0, 1);
}

#[test]
fn stray_closers() {
    let e = err_at(")", ReadErrorKind::Invalid, 0, 1);
    assert_eq!(e.message, "unexpected `)` with no matching `(`");
    err_at("(a) b)", ReadErrorKind::Invalid, 5, 6);
    let e = err_at("a ]", ReadErrorKind::Invalid, 2, 3);
    assert_eq!(e.message, "unexpected `]` with no matching `[`");
    err_at("')", ReadErrorKind::Invalid, 1, 2);
}

#[test]
fn mismatched_closers() {
    let e = err_at("(a ]", ReadErrorKind::Invalid, 3, 4);
    assert!(e.message.contains("`]`"), "{}", e.message);
    assert!(e.help.as_deref().unwrap().contains("`(`"), "{e:?}");
    let e = err_at("[a)", ReadErrorKind::Invalid, 2, 3);
    assert!(e.help.as_deref().unwrap().contains("`[`"), "{e:?}");
    err_at("#(1]", ReadErrorKind::Invalid, 3, 4);
    err_at("(a\n [b\n  c)]", ReadErrorKind::Invalid, 10, 11);
}

#[test]
fn unterminated_strings_and_comments() {
    let e = err_at("\"abc", ReadErrorKind::Incomplete, 0, 1);
    assert_eq!(e.message, "unterminated string");
    err_at("(a \"b\\\"", ReadErrorKind::Incomplete, 3, 4);
    err_at("x \"\\", ReadErrorKind::Incomplete, 2, 3);
    err_at("\"\\x41", ReadErrorKind::Incomplete, 0, 1);
    err_at("|abc", ReadErrorKind::Incomplete, 0, 1);
    let e = err_at("a #| x #| y |#", ReadErrorKind::Incomplete, 2, 4);
    assert!(e.message.contains("block comment"), "{}", e.message);
}

#[test]
fn invalid_escapes_point_at_the_escape() {
    let e = err_at(r#""ab\qc""#, ReadErrorKind::Invalid, 3, 5);
    assert!(e.message.contains(r"\q"), "{}", e.message);
    err_at(r#""\x41""#, ReadErrorKind::Invalid, 1, 5);
    err_at(r#""\x;""#, ReadErrorKind::Invalid, 1, 4);
    err_at(r#""\xZ;""#, ReadErrorKind::Invalid, 1, 4);
    err_at(r#""\xD800;""#, ReadErrorKind::Invalid, 1, 8);
    err_at(r#""\xFFFFFFFFF;""#, ReadErrorKind::Invalid, 1, 13);
    err_at("\"a\\  b\"", ReadErrorKind::Invalid, 2, 5);
    err_at(r"|a\qb|", ReadErrorKind::Invalid, 2, 4);
}

#[test]
fn prefixes_at_end_of_input_are_incomplete() {
    for (text, start, end) in [
        ("'", 0, 1),
        ("`", 0, 1),
        (",", 0, 1),
        (",@", 0, 2),
        ("#;", 0, 2),
    ] {
        err_at(text, ReadErrorKind::Incomplete, start, end);
    }
    err_at("(a '", ReadErrorKind::Incomplete, 3, 4);
    err_at("x #; ", ReadErrorKind::Incomplete, 2, 4);
    err_at("#; #; a", ReadErrorKind::Incomplete, 0, 2);
}

#[test]
fn misplaced_dots() {
    err_at("(. a)", ReadErrorKind::Invalid, 1, 2);
    err_at("(#;x . a)", ReadErrorKind::Invalid, 5, 6);
    let e = err_at("(a . b c)", ReadErrorKind::Invalid, 7, 8);
    assert_eq!(e.message, "unexpected `c`, expected `)`");
    err_at("(a . b (c))", ReadErrorKind::Invalid, 7, 8);
    let e = err_at("(a .)", ReadErrorKind::Invalid, 3, 4);
    assert_eq!(e.message, "expected a datum after `.`");
    err_at("(a . . b)", ReadErrorKind::Invalid, 5, 6);
    let e = err_at(". a", ReadErrorKind::Invalid, 0, 1);
    assert_eq!(e.message, "unexpected `.`, expected a datum");
    let e = err_at("#(1 . 2)", ReadErrorKind::Invalid, 4, 5);
    assert_eq!(e.message, "unexpected `.`, expected a datum or `)`");
    err_at("'.", ReadErrorKind::Invalid, 1, 2);
}

#[test]
fn grammar_errors_have_readable_messages() {
    let e = err_at("(a ')", ReadErrorKind::Invalid, 4, 5);
    assert_eq!(e.message, "unexpected `)`, expected a datum");
    assert!(e.help.unwrap().contains('\''));
    let e = err_at("(a #;)", ReadErrorKind::Invalid, 5, 6);
    assert!(!e.message.contains('"'), "{}", e.message);
}

#[test]
fn bad_bytevector_elements() {
    let e = err_at("#u8(1 256)", ReadErrorKind::Invalid, 6, 9);
    assert!(e.message.contains("255"), "{}", e.message);
    err_at("#u8(-1)", ReadErrorKind::Invalid, 4, 6);
    err_at("#u8(1.0)", ReadErrorKind::Invalid, 4, 7);
    err_at("#u8(a)", ReadErrorKind::Invalid, 4, 5);
    err_at("#u8((1))", ReadErrorKind::Invalid, 4, 7);
}

#[test]
fn bad_hash_syntax_and_characters() {
    let e = err_at("(a #\\foo)", ReadErrorKind::Invalid, 3, 8);
    assert!(e.message.contains("#\\foo"), "{}", e.message);
    err_at("#\\xD800", ReadErrorKind::Invalid, 0, 7);
    err_at("#\\", ReadErrorKind::Invalid, 0, 2);
    err_at("#", ReadErrorKind::Invalid, 0, 1);
    err_at("a #foo b", ReadErrorKind::Invalid, 2, 6);
    err_at("#x", ReadErrorKind::Invalid, 0, 2);
    err_at("#e", ReadErrorKind::Invalid, 0, 2);
    err_at("#x1G", ReadErrorKind::Invalid, 0, 4);
    err_at("#e+inf.0", ReadErrorKind::Invalid, 0, 8);
    err_at("#u8", ReadErrorKind::Invalid, 0, 3);
    err_at("#!bogus", ReadErrorKind::Invalid, 0, 7);
}

#[test]
fn division_by_zero_in_literal() {
    let e = err_at("(a 1/0)", ReadErrorKind::Invalid, 3, 6);
    assert_eq!(e.message, "division by zero in literal");
    err_at("#x10/0", ReadErrorKind::Invalid, 0, 6);
}

#[test]
fn first_error_in_the_text_wins() {
    err_at("(a . b c) )", ReadErrorKind::Invalid, 7, 8);
    err_at("(. a) \"abc", ReadErrorKind::Invalid, 1, 2);
    err_at("#u8(300) (", ReadErrorKind::Invalid, 4, 7);
    err_at("(a \"abc", ReadErrorKind::Incomplete, 3, 4);
    err_at("(a ] \"abc", ReadErrorKind::Invalid, 3, 4);
}

// ---------------------------------------------------------------- nesting

fn nested(depth: usize) -> String {
    format!("{}x{}", "(".repeat(depth), ")".repeat(depth))
}

#[test]
fn nesting_at_the_limit_is_accepted() {
    assert_eq!(MAX_NESTING, 10_000);
    with_big_stack(|| {
        let data = read(&nested(MAX_NESTING));
        let mut d = &data[0];
        let mut depth = 0;
        while let DatumKind::List(items) = &d.kind {
            depth += 1;
            d = &items[0];
        }
        assert_eq!(depth, MAX_NESTING);
        assert_eq!(d.kind, sym("x"));
        assert_eq!(span(d), (10_000, 10_001));

        let quotes = format!("{}x", "'".repeat(MAX_NESTING));
        assert_eq!(read(&quotes).len(), 1);
        let mixed = format!(
            "{}x{}",
            "#(".repeat(MAX_NESTING / 2),
            ")".repeat(MAX_NESTING / 2)
        );
        assert_eq!(read(&mixed).len(), 1);
    });
}

#[test]
fn nesting_beyond_the_limit_is_rejected_at_the_opener() {
    let e = err_at(
        &nested(MAX_NESTING + 1),
        ReadErrorKind::Invalid,
        10_000,
        10_001,
    );
    assert_eq!(e.message, "nesting too deep (more than 10000 levels)");
    let quotes = format!("{}x", "'".repeat(MAX_NESTING + 1));
    err_at(&quotes, ReadErrorKind::Invalid, 10_000, 10_001);
    let vectors = format!("{}1", "#(".repeat(MAX_NESTING + 1));
    err_at(&vectors, ReadErrorKind::Invalid, 20_000, 20_002);
    let mixed = format!("{}{}x", "(".repeat(MAX_NESTING), "'");
    err_at(&mixed, ReadErrorKind::Invalid, 10_000, 10_001);
}

#[test]
fn huge_unclosed_input_fails_cleanly() {
    let e = err_at(&"(".repeat(100_000), ReadErrorKind::Invalid, 10_000, 10_001);
    assert!(e.message.contains("nesting too deep"));
    err_at(&"[".repeat(100_000), ReadErrorKind::Invalid, 10_000, 10_001);
    err_at(&"'".repeat(100_000), ReadErrorKind::Invalid, 10_000, 10_001);
    err_at(
        &"#;".repeat(100_000),
        ReadErrorKind::Invalid,
        20_000,
        20_002,
    );
    // Wide rather than deep is fine.
    let wide = "(a) ".repeat(100_000);
    assert_eq!(read(&wide).len(), 100_000);
    let deep_closers = ")".repeat(100_000);
    err_at(&deep_closers, ReadErrorKind::Invalid, 0, 1);
}

#[test]
fn incomplete_nesting_within_the_limit_points_at_the_innermost() {
    with_big_stack(|| {
        let text = "(".repeat(MAX_NESTING);
        err_at(&text, ReadErrorKind::Incomplete, 9_999, 10_000);
    });
}

// ---------------------------------------------------------------- garbage

#[test]
fn garbage_never_panics() {
    let fixed = [
        "#",
        "#\\",
        "#x",
        "#e",
        "#i",
        "#b2",
        "#o9",
        "#x#x1",
        "#e#e1",
        "\"\\x",
        "\"\\x;",
        "|abc",
        "|\\",
        "#|",
        "#|#",
        "|#",
        "#;",
        "#;)",
        ",@",
        "#u8(",
        "#u8",
        "#u",
        "#(",
        "#!",
        "#\\x",
        "#\\xffffffffffffffffffff",
        "#\\U+41",
        "1/0",
        "-1/0",
        "1/-2",
        "+.",
        "-.e1",
        "1e",
        "1e+",
        ".e1",
        "1.2.3",
        "#e1e99999999999999999999",
        "#i#x1/0",
        "#d#x1",
        "(#;)",
        "( . )",
        "(.)",
        "(a . b . c)",
        "[)",
        "(]",
        "#(]",
        "'#;",
        "\u{0}",
        "\u{feff}",
        "\u{a0}a\u{a0}",
        "#\\\u{0}",
        "λ\"",
        "\\",
        "\\x41;",
        "#t#f",
        "#true#false",
        "#tru",
        "1/2/3",
        "+inf.0x",
        "-nan.0/1",
    ];
    for text in fixed {
        let _ = parse_program(text, SRC);
    }
    let alphabet: Vec<char> =
        "()[]#\\\"|;'`,@.xue8abtf+-/0123456789 \n\t\u{c}λé\u{0}\u{7f}\u{2028}"
            .chars()
            .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| {
                let r = next();
                if r % 13 == 0 {
                    char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('?')
                } else {
                    alphabet[(r >> 8) as usize % alphabet.len()]
                }
            })
            .collect();
        if let Err(e) = parse_program(&text, SRC) {
            assert!(
                e.span.start <= e.span.end && e.span.end as usize <= text.len(),
                "{text:?}: {e:?}"
            );
            assert!(
                text.is_char_boundary(e.span.start as usize),
                "{text:?}: {e:?}"
            );
            assert!(!e.message.is_empty());
        }
    }
}

// ---------------------------------------------------------------- parse_number

#[test]
fn parse_number_radix_prefixes() {
    assert_eq!(num("#xff"), NumberLiteral::Fixnum(255));
    assert_eq!(num("#XFF"), NumberLiteral::Fixnum(255));
    assert_eq!(num("#x-1a"), NumberLiteral::Fixnum(-26));
    assert_eq!(num("#b-101"), NumberLiteral::Fixnum(-5));
    assert_eq!(num("#o777"), NumberLiteral::Fixnum(511));
    assert_eq!(num("#d99"), NumberLiteral::Fixnum(99));
    assert_eq!(num("#x1/a"), ratio(1, 10));
    assert_eq!(parse_number("ff", 16), Some(NumberLiteral::Fixnum(255)));
    assert_eq!(parse_number("101", 2), Some(NumberLiteral::Fixnum(5)));
    assert_eq!(parse_number("#d10", 16), Some(NumberLiteral::Fixnum(10)));
    assert_eq!(parse_number("12", 2), None);
    assert_eq!(parse_number("#b2", 10), None);
    assert_eq!(parse_number("#x1.5", 10), None);
    assert_eq!(parse_number("1e2", 16), Some(NumberLiteral::Fixnum(0x1e2)));
    assert_eq!(parse_number("#x#x1", 10), None);
    assert_eq!(parse_number("#e#i1", 10), None);
}

#[test]
fn parse_number_exactness() {
    assert_eq!(num("#e1.5"), ratio(3, 2));
    assert_eq!(num("#e-0.125"), ratio(-1, 8));
    assert_eq!(num("#e1.5e3"), NumberLiteral::Fixnum(1500));
    assert_eq!(num("#e1e-3"), ratio(1, 1000));
    assert_eq!(num("#e.5"), ratio(1, 2));
    assert_eq!(num("#e5."), NumberLiteral::Fixnum(5));
    assert_eq!(num("#x#e10"), NumberLiteral::Fixnum(16));
    assert_eq!(num("#i1/4"), NumberLiteral::Real(0.25));
    assert_eq!(num("#i3"), NumberLiteral::Real(3.0));
    assert_eq!(num("#i#xff"), NumberLiteral::Real(255.0));
    assert_eq!(num("#x#i10"), NumberLiteral::Real(16.0));
    assert_eq!(num("#i1/3"), NumberLiteral::Real(1.0 / 3.0));
    assert_eq!(num("#i-inf.0"), NumberLiteral::Real(f64::NEG_INFINITY));
    assert_eq!(parse_number("#e+inf.0", 10), None);
    assert_eq!(parse_number("#e+nan.0", 10), None);
}

#[test]
fn parse_number_reals() {
    assert_eq!(real("1.5"), 1.5);
    assert_eq!(real("0.1"), 0.1);
    assert_eq!(real("1e400"), f64::INFINITY);
    assert_eq!(real("-1e400"), f64::NEG_INFINITY);
    assert_eq!(real("1e-400"), 0.0);
    assert_eq!(real("1e99999999999999999999"), f64::INFINITY);
    assert_eq!(real("2.2250738585072014e-308"), f64::MIN_POSITIVE);
    assert_eq!(real("9007199254740993.0"), 9007199254740992.0);
    assert_eq!(real("9007199254740995.0"), 9007199254740996.0);
    assert!(real("-0.0").is_sign_negative());
    assert!(real("-0.").is_sign_negative());
    assert!(real("0.0").is_sign_positive());
    assert!(real("+nan.0").is_nan());
    assert!(real("-nan.0").is_nan());
    assert_eq!(real("+inf.0"), f64::INFINITY);
    assert_eq!(real("-INF.0"), f64::NEG_INFINITY);
    assert_eq!(real("1E3"), 1000.0);
    assert_eq!(real("1e+3"), 1000.0);
    assert_eq!(real("+.5"), 0.5);
}

#[test]
fn parse_number_integers_and_rationals() {
    assert_eq!(num("0"), NumberLiteral::Fixnum(0));
    assert_eq!(num("-0"), NumberLiteral::Fixnum(0));
    assert_eq!(num("007"), NumberLiteral::Fixnum(7));
    let big: BigInt = "-99999999999999999999999".parse().unwrap();
    assert_eq!(num("-99999999999999999999999"), NumberLiteral::Bignum(big));
    assert_eq!(
        num("#x10000000000000000"),
        NumberLiteral::Bignum(BigInt::from(1u128 << 64))
    );
    assert_eq!(num("-6/4"), ratio(-3, 2));
    assert_eq!(num("6/3"), NumberLiteral::Fixnum(2));
    assert_eq!(
        num("-18446744073709551616/2"),
        NumberLiteral::Fixnum(i64::MIN)
    );
    let big_ratio = BigRational::new(BigInt::from(1), "100000000000000000000".parse().unwrap());
    assert_eq!(
        num("1/100000000000000000000"),
        NumberLiteral::Rational(big_ratio)
    );
}

#[test]
fn parse_number_rejects_non_numbers() {
    for text in [
        "", "abc", "+", "-", ".", "...", "1/0", "-1/0", "1/", "/2", "1/-2", "1/2.0", "1.5/2", "1e",
        "1e+", "e1", ".e1", "1..2", "1.2.3", "+-1", "--1", "1+", "1a", "inf.0", "+inf", "+inf.00",
        "nan.0", "#", "#x", "#e", "#z1", "#x#", " 1", "1 ", "1_000", "0x10", "١", "+i", "1+2i",
    ] {
        assert_eq!(parse_number(text, 10), None, "{text:?}");
    }
}

#[test]
fn datum_labels() {
    let d = read1("#0=(a b . #0#)");
    assert_eq!(span(&d), (0, 14));
    let DatumKind::Label(0, inner) = &d.kind else {
        panic!("expected a label, got {:?}", d.kind);
    };
    assert_eq!(span(inner), (3, 14));
    let DatumKind::DottedList(items, tail) = &inner.kind else {
        panic!("expected a dotted list, got {:?}", inner.kind);
    };
    assert_eq!(items.len(), 2);
    assert_eq!(tail.kind, DatumKind::LabelRef(0));
    assert_eq!(span(tail), (10, 13));

    let d = read1("(#1=(x) #1#)");
    let items = list(&d);
    assert_eq!(span(&items[0]), (1, 7));
    assert!(matches!(&items[0].kind, DatumKind::Label(1, _)));
    assert_eq!(items[1].kind, DatumKind::LabelRef(1));
    assert_eq!(span(&items[1]), (8, 11));

    // A quote prefix and a label nest; atmosphere may follow `#n=`.
    let d = read1("'#12= #;x y");
    let quoted = &list(&d)[1];
    assert_eq!(span(quoted), (1, 11));
    let DatumKind::Label(12, inner) = &quoted.kind else {
        panic!("expected a label, got {:?}", quoted.kind);
    };
    assert_eq!(inner.kind, sym("y"));
    // Chained labels, vectors, a label used after its datum.
    assert!(matches!(kind("#0=#1=(a . #1#)"), DatumKind::Label(0, _)));
    assert!(matches!(kind("#0=#(1 #0#)"), DatumKind::Label(0, _)));
    assert_eq!(read("(#0=a #0#) (#0=b #0#)").len(), 2);
    assert_eq!(
        kind("#18446744073709551615=x"),
        kind("#18446744073709551615=x")
    );
    // Labels defined inside a datum comment serve references in it.
    assert_eq!(names(&read1("(a #;(#0=b #0#) c)")), ["a", "c"]);
}

#[test]
fn datum_label_errors() {
    let e = err_at("'(#3#)", ReadErrorKind::Invalid, 2, 5);
    assert_eq!(e.message, "undefined datum label `#3#`");
    // A reference before its definition.
    err_at("(#0# #0=a)", ReadErrorKind::Invalid, 1, 4);
    // Labels are scoped to one top-level datum.
    err_at("#0=(a) #0#", ReadErrorKind::Invalid, 7, 10);
    err_at("(#0=a) (#0#)", ReadErrorKind::Invalid, 8, 11);
    // A label defined only in a datum comment is not visible outside it.
    err_at("(#;#0=a #0#)", ReadErrorKind::Invalid, 8, 11);
    let e = err_at("(#0=a #0=b)", ReadErrorKind::Invalid, 6, 9);
    assert_eq!(e.message, "datum label `#0=` is defined twice");
    let e = err_at("#0=#0#", ReadErrorKind::Invalid, 3, 6);
    assert_eq!(e.message, "datum label `#0#` refers to itself");
    err_at("#0=#1=#0#", ReadErrorKind::Invalid, 6, 9);
    err_at("#0= #;x #0#", ReadErrorKind::Invalid, 8, 11);
    let e = err_at("#99999999999999999999=x", ReadErrorKind::Invalid, 0, 22);
    assert!(e.message.contains("too large"), "{e:?}");
    // A label waiting for its datum is incomplete, like a quote.
    let e = err_at("#0=", ReadErrorKind::Incomplete, 0, 3);
    assert_eq!(
        e.message,
        "expected a datum after `#0=` before end of input"
    );
    err_at("(a #5=", ReadErrorKind::Incomplete, 3, 6);
    err_at("'#0=(a . #0#", ReadErrorKind::Incomplete, 4, 5);
    let e = err_at("(#0=)", ReadErrorKind::Invalid, 4, 5);
    assert_eq!(e.help.as_deref(), Some("`#0=` must be followed by a datum"));
}

#[test]
fn fold_case_directives() {
    assert_eq!(kind("#!fold-case ABC"), sym("abc"));
    assert_eq!(
        names(&read1("(A #!fold-case B Ǆ #!no-fold-case C)")),
        ["A", "b", "ǆ", "C"]
    );
    // `|…|` symbols and strings keep their case; character names fold, single
    // characters do not.
    assert_eq!(kind("#!fold-case |ABC|"), sym("ABC"));
    assert_eq!(kind("#!fold-case \"ABC\""), DatumKind::String("ABC".into()));
    assert_eq!(kind("#!fold-case #\\SPACE"), DatumKind::Char(' '));
    assert_eq!(kind("#!fold-case #\\A"), DatumKind::Char('A'));
    assert_eq!(kind("#!fold-case #X1F"), int(31));
    err_at("#\\SPACE", ReadErrorKind::Invalid, 0, 7);
    // The directive lasts to the end of the text, across data.
    let data = read("#!fold-case A B");
    assert_eq!(data[1].kind, sym("b"));
    let parsed = parse_program_with("X #!fold-case Y", SRC, false).unwrap();
    assert_eq!(parsed.data[0].kind, sym("X"));
    assert_eq!(parsed.data[1].kind, sym("y"));
    assert_eq!(parsed.fold_changes, [(13, true)]);
    assert!(!parsed.fold_case_at(1, false));
    assert!(parsed.fold_case_at(15, false));
    // A reader can start with folding on.
    let parsed = parse_program_with("Q", SRC, true).unwrap();
    assert_eq!(parsed.data[0].kind, sym("q"));
}

/// A byte-order mark starts some files: it is skipped, and spans count from
/// after it (as the text `SourceMap::add` keeps does). Anywhere else U+FEFF is
/// an ordinary character.
#[test]
fn leading_byte_order_mark_is_skipped() {
    let d = read1("\u{feff}abc");
    assert_eq!(d.kind, sym("abc"));
    assert_eq!(span(&d), (0, 3));
    assert_eq!(read("\u{feff}").len(), 0);
    assert_eq!(span(&read("\u{feff}(a) b")[1]), (4, 5));
    err_at("\u{feff})", ReadErrorKind::Invalid, 0, 1);
    assert_eq!(kind("a\u{feff}"), sym("a\u{feff}"));
    let mut sources = eshkol::diagnostics::SourceMap::default();
    let id = sources.add("f.scm", "\u{feff}(car 5)");
    assert_eq!(sources.get(id).map(|s| &*s.text), Some("(car 5)"));
}
