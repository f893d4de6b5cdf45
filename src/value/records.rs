//! Records and error objects.

use std::cell::RefCell;
use std::rc::Rc;

use super::drop;
use super::{ArenaObject, Owner, Value};
use crate::symbol::Symbol;
use crate::syntax::Span;

/// An error object, kept with everything needed to report it again when it is
/// re-raised (so an uncaught re-raise still points at the original place).
pub struct Condition {
    pub kind: crate::diagnostics::ErrorKind,
    /// The message alone (`error-object-message`).
    pub message: String,
    /// The message with its irritants, as reported.
    pub report: String,
    /// The irritants, as a list.
    pub irritants: Value,
    pub span: Option<Span>,
    pub help: Option<String>,
    pub labels: Vec<(Span, String)>,
    pub trace: crate::diagnostics::Trace,
}

/// A record type made by `define-record-type`.
pub struct RecordType {
    pub name: Symbol,
    pub fields: Vec<Symbol>,
}

/// A record instance.
pub struct Record {
    pub rtype: Rc<RecordType>,
    pub fields: RefCell<Vec<Value>>,
    /// The arena the record was copied into, if any.
    pub owner: Option<Owner>,
}

impl Drop for Record {
    fn drop(&mut self) {
        let fields = std::mem::take(self.fields.get_mut());
        if fields.iter().any(Value::is_container) {
            drop::release(fields);
        }
    }
}

impl ArenaObject for Record {
    fn release(&self) {
        let fields = std::mem::take(&mut *self.fields.borrow_mut());
        drop(fields);
    }
}
