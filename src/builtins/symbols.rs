//! Builtins: symbols.

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::symbol::Symbol;
use crate::value::Value;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("symbol?", 1, 1, symbol_p, "(symbol? x): whether x is a symbol"),
    prim!("symbol->string", 1, 1, symbol_to_string, "(symbol->string sym): a new string of the symbol's name"),
    prim!("string->symbol", 1, 1, string_to_symbol, "(string->symbol str): the symbol named str"),
    prim!("symbol=?", 2, _, symbol_eq, "(symbol=? a b ...): whether the symbols are all the same"),
    prim!("gensym", 0, 1, gensym, "(gensym [prefix]): a fresh symbol that no program text can spell"),
];

/// `(symbol? x)`
fn symbol_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Symbol(_))))
}

/// `(symbol->string sym)`
fn symbol_to_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let symbol = args::symbol("symbol->string", &args[0])?;
    Ok(Value::string(&symbol.name()))
}

/// `(string->symbol str)`
fn string_to_symbol(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("string->symbol", &args[0])?;
    let name: String = s.chars.borrow().iter().collect();
    Ok(Value::Symbol(Symbol::intern(&name)))
}

/// `(symbol=? a b ...)`
fn symbol_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let first = args::symbol("symbol=?", &args[0])?;
    let mut same = true;
    for arg in &args[1..] {
        same &= args::symbol("symbol=?", arg)? == first;
    }
    Ok(Value::Bool(same))
}

/// `(gensym [prefix])`
fn gensym(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let prefix = match args.first() {
        None => String::from("g"),
        Some(Value::Symbol(s)) => s.name().to_string(),
        Some(v @ Value::Str(_)) => args::string("gensym", v)?.to_string(),
        Some(v) => return Err(Error::wrong_type("gensym", "a string or symbol prefix", v)),
    };
    Ok(Value::Symbol(Symbol::gensym(&prefix)))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;

    #[test]
    fn symbols() {
        let mut i = Interp::new_captured();
        let abc = string_to_symbol(&mut i, &[Value::string("abc")]).unwrap();
        assert!(abc.is_eq(&Value::symbol("abc")));
        let empty = string_to_symbol(&mut i, &[Value::string("")]).unwrap();
        assert!(empty.is_eq(&Value::symbol("")));
        let s = symbol_to_string(&mut i, &[abc.clone()]).unwrap();
        assert_eq!(crate::printer::write_string_lossy(&s), "\"abc\"");
        assert!(symbol_p(&mut i, &[abc.clone()]).unwrap().is_true());
        assert!(!symbol_p(&mut i, &[s.clone()]).unwrap().is_true());
        assert!(symbol_eq(&mut i, &[abc.clone(), abc.clone(), abc.clone()])
            .unwrap()
            .is_true());
        assert!(!symbol_eq(&mut i, &[abc.clone(), Value::symbol("x")])
            .unwrap()
            .is_true());
        assert_eq!(
            symbol_eq(&mut i, &[abc.clone(), s]).unwrap_err().kind(),
            ErrorKind::Type
        );
        let g1 = gensym(&mut i, &[]).unwrap();
        let g2 = gensym(&mut i, &[Value::string("tmp")]).unwrap();
        assert!(!g1.is_eq(&g2));
        assert!(matches!(g2, Value::Symbol(_)));
        assert_eq!(
            string_to_symbol(&mut i, &[Value::Int(1)])
                .unwrap_err()
                .kind(),
            ErrorKind::Type
        );
    }
}
