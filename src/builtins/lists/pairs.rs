//! Builtins: pairs — `cons`, `car`, `cdr`, their setters, and the `c[ad]r`
//! compositions up to four levels. Separate because they act on one pair (or a
//! fixed path of pairs), never on a whole list.

use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("cons", 2, 2, cons, "(cons a b): a new pair"),
    prim!("car", 1, 1, car, "(car pair): the first field of a pair"),
    prim!("cdr", 1, 1, cdr, "(cdr pair): the second field of a pair"),
    prim!("set-car!", 2, 2, set_car, "(set-car! pair x): replaces the car"),
    prim!("set-cdr!", 2, 2, set_cdr, "(set-cdr! pair x): replaces the cdr"),
    prim!("caar", 1, 1, caar, "(caar x): (car (car x))"),
    prim!("cadr", 1, 1, cadr, "(cadr x): (car (cdr x))"),
    prim!("cdar", 1, 1, cdar, "(cdar x): (cdr (car x))"),
    prim!("cddr", 1, 1, cddr, "(cddr x): (cdr (cdr x))"),
    prim!("caaar", 1, 1, caaar, "(caaar x): (car (car (car x)))"),
    prim!("caadr", 1, 1, caadr, "(caadr x): (car (car (cdr x)))"),
    prim!("cadar", 1, 1, cadar, "(cadar x): (car (cdr (car x)))"),
    prim!("caddr", 1, 1, caddr, "(caddr x): (car (cdr (cdr x)))"),
    prim!("cdaar", 1, 1, cdaar, "(cdaar x): (cdr (car (car x)))"),
    prim!("cdadr", 1, 1, cdadr, "(cdadr x): (cdr (car (cdr x)))"),
    prim!("cddar", 1, 1, cddar, "(cddar x): (cdr (cdr (car x)))"),
    prim!("cdddr", 1, 1, cdddr, "(cdddr x): (cdr (cdr (cdr x)))"),
    prim!("cadddr", 1, 1, cadddr, "(cadddr x): the fourth element of a list"),
    prim!("cddddr", 1, 1, cddddr, "(cddddr x): (cdr (cdr (cdr (cdr x))))"),
    prim!("caaaar", 1, 1, caaaar, "(caaaar x): a four-level car/cdr composition"),
    prim!("caaadr", 1, 1, caaadr, "(caaadr x): a four-level car/cdr composition"),
    prim!("caadar", 1, 1, caadar, "(caadar x): a four-level car/cdr composition"),
    prim!("caaddr", 1, 1, caaddr, "(caaddr x): a four-level car/cdr composition"),
    prim!("cadaar", 1, 1, cadaar, "(cadaar x): a four-level car/cdr composition"),
    prim!("cadadr", 1, 1, cadadr, "(cadadr x): a four-level car/cdr composition"),
    prim!("caddar", 1, 1, caddar, "(caddar x): a four-level car/cdr composition"),
    prim!("cdaaar", 1, 1, cdaaar, "(cdaaar x): a four-level car/cdr composition"),
    prim!("cdaadr", 1, 1, cdaadr, "(cdaadr x): a four-level car/cdr composition"),
    prim!("cdadar", 1, 1, cdadar, "(cdadar x): a four-level car/cdr composition"),
    prim!("cdaddr", 1, 1, cdaddr, "(cdaddr x): a four-level car/cdr composition"),
    prim!("cddaar", 1, 1, cddaar, "(cddaar x): a four-level car/cdr composition"),
    prim!("cddadr", 1, 1, cddadr, "(cddadr x): a four-level car/cdr composition"),
    prim!("cdddar", 1, 1, cdddar, "(cdddar x): a four-level car/cdr composition"),
];

// ---- pairs ----

/// `(cons a b)`
fn cons(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::cons(args[0].clone(), args[1].clone()))
}

/// `(car pair)`
pub(super) fn car(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(args::pair("car", &args[0])?.car())
}

/// `(cdr pair)`
fn cdr(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(args::pair("cdr", &args[0])?.cdr())
}

/// `(set-car! pair x)`
fn set_car(_: &mut Interp, args: &[Value]) -> Result<Value> {
    args::pair("set-car!", &args[0])?.set_car(args[1].clone());
    Ok(Value::Unspecified)
}

/// `(set-cdr! pair x)`
fn set_cdr(_: &mut Interp, args: &[Value]) -> Result<Value> {
    args::pair("set-cdr!", &args[0])?.set_cdr(args[1].clone());
    Ok(Value::Unspecified)
}

/// Follows `path` (letters `a`/`d`, applied right to left) from `value`.
fn cxr(who: &str, path: &str, value: &Value) -> Result<Value> {
    let mut cur = value.clone();
    for step in path.bytes().rev() {
        let pair = match args::pair(who, &cur) {
            Ok(p) => p.clone(),
            Err(e) if e.kind() == ErrorKind::Type => {
                return Err(Error::wrong_type(
                    who,
                    &format!("a value with a c{path}r"),
                    value,
                ))
            }
            Err(e) => return Err(e),
        };
        cur = if step == b'a' { pair.car() } else { pair.cdr() };
    }
    Ok(cur)
}

macro_rules! cxr_fns {
    ($($fname:ident $path:literal),* $(,)?) => {
        $(
            #[doc = concat!("`(c", $path, "r x)`")]
            pub(super) fn $fname(_: &mut Interp, args: &[Value]) -> Result<Value> {
                cxr(concat!("c", $path, "r"), $path, &args[0])
            }
        )*
    };
}

cxr_fns!(
    caar "aa", cadr "ad", cdar "da", cddr "dd",
    caaar "aaa", caadr "aad", cadar "ada", caddr "add",
    cdaar "daa", cdadr "dad", cddar "dda", cdddr "ddd",
    cadddr "addd", cddddr "dddd",
    caaaar "aaaa",
    caaadr "aaad",
    caadar "aada",
    caaddr "aadd",
    cadaar "adaa",
    cadadr "adad",
    caddar "adda",
    cdaaar "daaa",
    cdaadr "daad",
    cdadar "dada",
    cdaddr "dadd",
    cddaar "ddaa",
    cddadr "ddad",
    cdddar "ddda",
);

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::test_util::*;
    use super::*;
    use crate::printer::write_string_lossy as w;

    #[test]
    fn pairs() {
        let p = call(cons, &[Value::Int(1), Value::Int(2)]).unwrap();
        assert_eq!(w(&p), "(1 . 2)");
        assert_eq!(ok(car, &[p.clone()]), "1");
        assert_eq!(ok(cdr, &[p.clone()]), "2");
        call(set_car, &[p.clone(), Value::Int(5)]).unwrap();
        call(set_cdr, &[p.clone(), Value::Null]).unwrap();
        assert_eq!(w(&p), "(5)");
        let e = call(car, &[Value::Int(5)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert_eq!(e.message(), "car: expected a pair, got 5");
        assert_eq!(kind(cdr, &[Value::Null]), ErrorKind::Type);
        let l = ints(&[1, 2, 3, 4, 5]);
        assert_eq!(ok(cadr, &[l.clone()]), "2");
        assert_eq!(ok(cddr, &[l.clone()]), "(3 4 5)");
        assert_eq!(ok(caddr, &[l.clone()]), "3");
        assert_eq!(ok(cdddr, &[l.clone()]), "(4 5)");
        assert_eq!(ok(cadddr, &[l.clone()]), "4");
        assert_eq!(ok(cddddr, &[l.clone()]), "(5)");
        let nested = Value::list(vec![ints(&[1, 2]), ints(&[3])]);
        assert_eq!(ok(caar, &[nested.clone()]), "1");
        assert_eq!(ok(cdar, &[nested.clone()]), "(2)");
        assert_eq!(ok(cadar, &[nested.clone()]), "2");
        assert_eq!(ok(caadr, &[nested.clone()]), "3");
        assert_eq!(kind(caddr, &[ints(&[1])]), ErrorKind::Type);
    }
}
