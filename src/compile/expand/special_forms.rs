//! The special forms, one row each: a keyword and the function that expands a
//! use of it in expression position.
//!
//! The table exists so that a keyword cannot be recognised without being
//! expandable, or expandable without being recognised: the expander, the
//! checker, the REPL's help, the library `(eshkol base)` and the
//! environments all read the keywords from here. Adding a special form is
//! one row plus the function it names.
//!
//! Some forms are also handled before expression expansion (`define`,
//! `define-syntax` and `begin` at top level and at the start of bodies,
//! `define-values` and `define-record-type` rewritten into definitions);
//! their rows say what happens when a use reaches expression position.

use super::*;

/// How a special form expands: given the expander, the keyword (the row's
/// name, for error messages shared by several rows), the whole form, and its
/// items (the keyword first).
type Expand = fn(&mut Expander<'_>, &'static str, &Datum, &[Datum]) -> Result<Core>;

/// A special form: its keyword and how a use of it expands.
pub(super) struct SpecialForm {
    pub(super) name: &'static str,
    expand: Expand,
}

impl SpecialForm {
    /// Expands `datum`, a use of this form whose items are `items`.
    pub(super) fn expand_use(
        &self,
        expander: &mut Expander<'_>,
        datum: &Datum,
        items: &[Datum],
    ) -> Result<Core> {
        (self.expand)(expander, self.name, datum, items)
    }
}

/// A table row.
const fn form(name: &'static str, expand: Expand) -> SpecialForm {
    SpecialForm { name, expand }
}

/// Every special form. The order is the one of the keyword list this table
/// replaced, kept because names are listed in it (the exports of
/// `(eshkol base)`, the candidates of a "did you mean").
#[rustfmt::skip] // one row a line, to read as a table
static SPECIAL_FORMS: &[SpecialForm] = &[
    form("quote", |e, _, datum, items| e.expand_quote(datum, items)),
    form("quasiquote", |e, _, datum, items| e.expand_quasiquote(datum, items)),
    form("unquote", unquote_outside_quasiquote),
    form("unquote-splicing", unquote_outside_quasiquote),
    form("lambda", |e, _, datum, _| e.expand_named(datum, None, None)),
    form("define", define_out_of_place),
    form("set!", |e, _, datum, items| e.expand_set(datum, items)),
    form("if", |e, _, datum, items| e.expand_if(datum, items)),
    form("begin", |e, _, datum, items| e.expand_begin(datum, items)),
    form("let", |e, _, datum, items| e.expand_let(datum, items)),
    form("let*", |e, _, datum, items| e.expand_let_star(datum, items)),
    form("letrec", |e, _, datum, items| e.expand_letrec(datum, items)),
    form("letrec*", |e, _, datum, items| e.expand_letrec(datum, items)),
    form("cond", |e, _, datum, items| e.expand_cond(&items[1..], datum.span)),
    form("case", |e, _, datum, items| e.expand_case(datum, items)),
    form("and", |e, _, datum, items| e.expand_and(datum, items)),
    form("or", |e, _, datum, items| e.expand_or(datum, items)),
    form("when", |e, head, datum, items| e.expand_when_unless(head, datum, items)),
    form("unless", |e, head, datum, items| e.expand_when_unless(head, datum, items)),
    form("delay", |e, head, datum, items| e.expand_delay(head, datum, items)),
    form("delay-force", |e, head, datum, items| e.expand_delay(head, datum, items)),
    form("make-promise-lazy", |e, head, datum, items| e.expand_delay(head, datum, items)),
    form("cons-stream", |e, _, datum, items| e.expand_cons_stream(datum, items)),
    form("guard", |e, _, datum, items| e.expand_guard(datum, items)),
    form("let-values", |e, _, datum, items| e.expand_let_values(datum, items, false)),
    form("let*-values", |e, _, datum, items| e.expand_let_values(datum, items, true)),
    form("parameterize", |e, _, datum, items| e.expand_parameterize(datum, items)),
    form("include", expand_include),
    form("include-ci", expand_include),
    form("define-values", definition_out_of_place),
    form("define-record-type", definition_out_of_place),
    form("define-syntax", definition_out_of_place),
    form("let-syntax", |e, _, datum, items| e.expand_let_syntax(datum, items, false)),
    form("letrec-syntax", |e, _, datum, items| e.expand_let_syntax(datum, items, true)),
    form("cond-expand", expand_cond_expand),
];

/// The special form named `name`, if there is one (whatever a program has
/// bound the name to: callers check for shadowing).
pub(super) fn special_form(name: &str) -> Option<&'static SpecialForm> {
    SPECIAL_FORMS.iter().find(|form| form.name == name)
}

/// The special-form keywords, in table order: for the modules that treat
/// keywords as names (lookup, suggestions, exports, help).
pub(crate) fn special_form_names() -> impl Iterator<Item = &'static str> {
    SPECIAL_FORMS.iter().map(|form| form.name)
}

/// Whether `name` is a special-form keyword.
pub(crate) fn is_special_form(name: &str) -> bool {
    special_form(name).is_some()
}

/// `unquote` or `unquote-splicing` outside a quasiquote template (inside
/// one, the quasiquote expander consumes them).
fn unquote_outside_quasiquote(
    _: &mut Expander<'_>,
    head: &'static str,
    datum: &Datum,
    _: &[Datum],
) -> Result<Core> {
    Err(syntax_error(
        datum.span,
        format!("{head}: only allowed inside a quasiquote"),
    ))
}

/// `define` in expression position: the error of any definition there, with
/// the alternatives.
fn define_out_of_place(
    e: &mut Expander<'_>,
    head: &'static str,
    datum: &Datum,
    items: &[Datum],
) -> Result<Core> {
    definition_out_of_place(e, head, datum, items).map_err(|error| {
        error.with_help("use set! to change an existing variable, or let to bind a new one")
    })
}

/// `define-syntax`, `define-values` or `define-record-type` in expression
/// position (top level and bodies handle them before).
fn definition_out_of_place(
    _: &mut Expander<'_>,
    head: &'static str,
    datum: &Datum,
    _: &[Datum],
) -> Result<Core> {
    Err(syntax_error(
        datum.span,
        format!("{head}: only allowed at top level or at the start of a body"),
    ))
}

/// `(include "file" ...)` or `(include-ci "file" ...)`: the files' forms, in
/// sequence.
fn expand_include(
    e: &mut Expander<'_>,
    _: &'static str,
    datum: &Datum,
    items: &[Datum],
) -> Result<Core> {
    let forms = e.include_forms(datum, items)?;
    Ok(seq(e.expand_all(&forms)?, datum.span))
}

/// `(cond-expand clause ...)`: the forms of the clause that applies, in
/// sequence.
fn expand_cond_expand(
    e: &mut Expander<'_>,
    _: &'static str,
    datum: &Datum,
    items: &[Datum],
) -> Result<Core> {
    let forms = e.cond_expand_forms(items)?;
    Ok(seq(e.expand_all(&forms)?, datum.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keywords as they were listed before the table existed: the move
    /// into the table lost none and added none (but for the derived forms
    /// that became macros in `stdlib/derived.scm`, `compile::env::CORE_SYNTAX`).
    const KEYWORDS_BEFORE_THE_TABLE: &[&str] = &[
        "quote",
        "quasiquote",
        "unquote",
        "unquote-splicing",
        "lambda",
        "define",
        "set!",
        "if",
        "begin",
        "let",
        "let*",
        "letrec",
        "letrec*",
        "cond",
        "case",
        "and",
        "or",
        "when",
        "unless",
        "delay",
        "delay-force",
        "make-promise-lazy",
        "cons-stream",
        "guard",
        "let-values",
        "let*-values",
        "parameterize",
        "include",
        "include-ci",
        "define-values",
        "define-record-type",
        "define-syntax",
        "let-syntax",
        "letrec-syntax",
        "cond-expand",
    ];

    #[test]
    fn names_are_the_keywords_of_before() {
        let names: Vec<&str> = special_form_names().collect();
        assert_eq!(names, KEYWORDS_BEFORE_THE_TABLE);
    }

    #[test]
    fn each_name_finds_its_own_row() {
        for (i, row) in SPECIAL_FORMS.iter().enumerate() {
            let found = special_form(row.name).expect(row.name);
            assert!(std::ptr::eq(found, row), "{} found another row", row.name);
            assert!(
                SPECIAL_FORMS[i + 1..].iter().all(|r| r.name != row.name),
                "{} has two rows",
                row.name
            );
            assert!(is_special_form(row.name));
        }
        assert!(special_form("import").is_none());
        assert!(!is_special_form("define-library"));
    }
}
