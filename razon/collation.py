"""Names in Dutch alphabetical order, the same on PostgreSQL, SQLite and in Python.

The order ignores case, accents and apostrophes, and reads a hyphen as a space: "ArtEZ",
"de Basis", "Ééndracht", "IJsselgroep", "'t Hooghe" and "Zuid-Limburg" sort as "artez",
"de basis", "eendracht", "ijsselgroep", "t hooghe" and "zuid limburg" (ij as i + j, as in the
Woordenlijst; "'t" and "'s-" stay where the letters put them, under t and s). The folded
name is then compared byte by byte (COLLATE "C" / BINARY), so the database's own collation,
which differs between machines, plays no part, and a space sorts before any letter ("de
Basis" before "Debora"). Ties keep the primary key's order (`by_name()`).

`DutchName("name")` is the database expression, `sort_key()` the same folding in Python
(on SQLite the expression calls it); tests/razon/test_collation.py checks that they agree on
both databases."""

from django.db.backends.signals import connection_created
from django.db.models import F, Func, TextField

# What the folding replaces: accented letters by their base letter (both cases, as SQLite's
# LOWER only folds ASCII), a hyphen by a space, apostrophes by nothing (one character each,
# for PostgreSQL's TRANSLATE), and the ĳ ligature by "ij".
SINGLE = {
    **dict.fromkeys("áàâäãåÁÀÂÄÃÅ", "a"),
    **dict.fromkeys("éèêëÉÈÊË", "e"),
    **dict.fromkeys("íìîïÍÌÎÏ", "i"),
    **dict.fromkeys("óòôöõøÓÒÔÖÕØ", "o"),
    **dict.fromkeys("úùûüÚÙÛÜ", "u"),
    **dict.fromkeys("ýÿÝ", "y"),
    **dict.fromkeys("çÇ", "c"),
    **dict.fromkeys("ñÑ", "n"),
    "-": " ",
}
DROPPED = "'’‘"
LIGATURES = {"ĳ": "ij", "Ĳ": "ij"}
_TABLE = str.maketrans({**SINGLE, **dict.fromkeys(DROPPED, ""), **LIGATURES})
SQLITE_FUNCTION = "razon_dutch_name"


def sort_key(name):
    """The name as the order compares it (see the module)."""
    folded = (name or "").translate(_TABLE)
    # ASCII letters only, as PostgreSQL's LOWER under "C" and SQLite's LOWER do.
    return "".join(char.lower() if char.isascii() else char for char in folded)


class DutchName(Func):
    """The expression of `sort_key()` on a text column, compared byte by byte: on
    PostgreSQL TRANSLATE, REPLACE and LOWER; on SQLite `sort_key()` itself, registered as a
    function on every connection (a nesting of REPLACEs overflows SQLite's parser)."""

    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(F(expression) if isinstance(expression, str) else expression, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "sqlite":
            return f"({SQLITE_FUNCTION}({sql}) COLLATE BINARY)", params
        folded = f"TRANSLATE({sql}, %s, %s)"
        params = (*params, "".join(SINGLE) + DROPPED, "".join(SINGLE.values()))
        for ligature, letters in LIGATURES.items():
            folded = f"REPLACE({folded}, %s, %s)"
            params = (*params, ligature, letters)
        # LOWER under "C" folds ASCII letters only; the result keeps "C": byte order.
        return f'LOWER(({folded}) COLLATE "C")', params


def by_name(field="name"):
    """`order_by(*by_name())`: Dutch order of the field, ties by primary key."""
    return [DutchName(field).asc(), "pk"]


def _register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, sort_key, deterministic=True)


connection_created.connect(_register_sqlite_function, dispatch_uid="razon.collation")
