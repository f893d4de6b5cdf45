//! Unit tests of ports: string, bytevector and file ports, decoding, `read`.

use super::*;

#[test]
fn string_input() {
    let p = Port::input_string("aλ\nline two\r\nend");
    assert!(p.is_input() && !p.is_output() && !p.is_binary());
    assert_eq!(p.peek_char("t").unwrap(), Some('a'));
    assert_eq!(p.read_char("t").unwrap(), Some('a'));
    assert_eq!(p.read_char("t").unwrap(), Some('λ'));
    assert_eq!(p.read_line("t").unwrap().as_deref(), Some(""));
    assert_eq!(p.read_line("t").unwrap().as_deref(), Some("line two"));
    assert_eq!(p.read_string("t", 2).unwrap().as_deref(), Some("en"));
    assert_eq!(p.read_string("t", 10).unwrap().as_deref(), Some("d"));
    assert_eq!(p.read_string("t", 10).unwrap(), None);
    assert_eq!(p.read_line("t").unwrap(), None);
    assert_eq!(p.read_char("t").unwrap(), None);
    assert!(p.ready("t").unwrap());
    p.close().unwrap();
    assert!(!p.is_open());
    assert_eq!(p.read_char("t").unwrap_err().kind(), ErrorKind::Io);
    p.close().unwrap();
    assert_eq!(p.describe(), "#<input-port (closed)>");
}

#[test]
fn reading_data() {
    let p = Port::input_string(" (a . b) 42 \"s\" #(1) ; done\n");
    let mut got = Vec::new();
    loop {
        let v = p.read_datum("read").unwrap();
        if matches!(v, Value::Eof) {
            break;
        }
        got.push(crate::printer::write_string_lossy(&v));
    }
    assert_eq!(got, ["(a . b)", "42", "\"s\"", "#(1)"]);
    let p = Port::input_string("abc (x\ny) tail");
    assert_eq!(
        crate::printer::write_string_lossy(&p.read_datum("r").unwrap()),
        "abc"
    );
    assert_eq!(p.read_char("r").unwrap(), Some(' '));
    assert_eq!(
        crate::printer::write_string_lossy(&p.read_datum("r").unwrap()),
        "(x y)"
    );
    assert_eq!(p.read_line("r").unwrap().as_deref(), Some(" tail"));
    let p = Port::input_string("1 2 )");
    assert!(matches!(p.read_datum("r").unwrap(), Value::Int(1)));
    assert!(matches!(p.read_datum("r").unwrap(), Value::Int(2)));
    assert_eq!(p.read_datum("r").unwrap_err().kind(), ErrorKind::Read);
    let p = Port::input_string("(1 2");
    assert_eq!(p.read_datum("r").unwrap_err().kind(), ErrorKind::Read);
}

#[test]
fn bytes() {
    let p = Port::input_bytes(vec![1, 2, 0xff, 4]);
    assert!(p.is_binary());
    assert_eq!(p.peek_u8("t").unwrap(), Some(1));
    assert_eq!(p.read_u8("t").unwrap(), Some(1));
    assert_eq!(p.read_bytes("t", 2).unwrap(), Some(vec![2, 0xff]));
    assert_eq!(p.read_bytes("t", 9).unwrap(), Some(vec![4]));
    assert_eq!(p.read_bytes("t", 9).unwrap(), None);
    assert_eq!(p.read_u8("t").unwrap(), None);
    let p = Port::input_bytes(vec![0xff, b'a']);
    assert_eq!(p.read_char("t").unwrap(), Some(char::REPLACEMENT_CHARACTER));
    assert_eq!(p.read_char("t").unwrap(), Some('a'));
}

#[test]
fn output() {
    let mut i = Io::new(Output::Captured(String::new()));
    let p = Port::output_memory(false);
    write(&mut i, &p, "t", "hé".as_bytes()).unwrap();
    write(&mut i, &p, "t", b"!").unwrap();
    assert_eq!(p.contents().unwrap(), "hé!".as_bytes());
    assert_eq!(p.describe(), "#<output-port>");
    p.close().unwrap();
    assert_eq!(
        write(&mut i, &p, "t", b"x").unwrap_err().kind(),
        ErrorKind::Io
    );
    let c = Port::console();
    write(&mut i, &c, "t", b"to console").unwrap();
    c.close().unwrap();
    assert!(c.is_open());
    assert_eq!(i.take_output(), "to console");
    let input = Port::input_string("x");
    assert_eq!(
        write(&mut i, &input, "t", b"x").unwrap_err().kind(),
        ErrorKind::Type
    );
    assert_eq!(
        Port::output_memory(false)
            .read_char("t")
            .unwrap_err()
            .kind(),
        ErrorKind::Type
    );
}

#[test]
fn files() {
    let path = std::env::temp_dir().join(format!("eshkol-port-unit-{}.txt", std::process::id()));
    let path = path.to_string_lossy().to_string();
    let mut i = Io::new(Output::Captured(String::new()));
    let out = Port::open_output_file(&path, false).unwrap();
    assert_eq!(out.describe(), format!("#<output-port {path:?}>"));
    write(&mut i, &out, "t", b"first\nsecond\n").unwrap();
    out.close().unwrap();
    let input = Port::open_input_file(&path, false).unwrap();
    assert_eq!(input.read_line("t").unwrap().as_deref(), Some("first"));
    assert_eq!(input.read_line("t").unwrap().as_deref(), Some("second"));
    assert_eq!(input.read_line("t").unwrap(), None);
    std::fs::remove_file(&path).unwrap();
    let e = Port::open_input_file(&path, false).err().unwrap();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(
        e.message().contains("No such file or directory"),
        "{}",
        e.message()
    );
    // A dropped output port flushes what it buffered.
    {
        let out = Port::open_output_file(&path, true).unwrap();
        write(&mut i, &out, "t", b"kept").unwrap();
    }
    assert_eq!(std::fs::read(&path).unwrap(), b"kept");
    std::fs::remove_file(&path).unwrap();
}
