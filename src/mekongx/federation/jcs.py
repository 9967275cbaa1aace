"""JSON Canonicalization Scheme (RFC 8785), the canonical form every signature covers.

* objects: members sorted by their names as arrays of UTF-16 code units (not code points: an
  emoji, U+1F600 = D83D DE00, sorts before U+FB33), no whitespace;
* strings: UTF-8, escaping only ``"``, ``\\`` and the control characters U+0000–U+001F (``\\b``,
  ``\\t``, ``\\n``, ``\\f``, ``\\r``, otherwise ``\\u00xx`` in lower case);
* numbers: IEEE 754 doubles written as ECMAScript's ``Number.prototype.toString`` writes them
  (``1e+21``, ``0.000001``, ``1e-7``, ``-0`` as ``0``); NaN and infinities are refused; integers
  beyond 2^53 are refused because a double cannot hold them exactly;
* ``true``, ``false``, ``null``.

tests/federation/test_jcs.py checks the RFC's own examples (section 3.2.2, 3.2.3, appendix B).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

MAX_SAFE_INTEGER = 2**53


class CanonicalError(ValueError):
    """A value that has no canonical JSON form (NaN, an infinity, a huge integer, a set…)."""


def canonical(value: Any) -> bytes:
    """The RFC 8785 canonical form of ``value`` as UTF-8 bytes."""
    if _plain(value):
        text = _dumps(value)
    else:
        parts: list[str] = []
        _write(value, parts.append)
        text = "".join(parts)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalError("a string holds a lone surrogate") from None


# For the values every envelope, receipt and keyed hash is made of, the standard library's
# encoder (in C) writes RFC 8785's form: members sorted by code point, no whitespace, strings
# escaped as below (see _string). It is used when _plain says so; otherwise _write.
_dumps = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False,
    check_circular=False,
).encode  # fmt: skip


def _plain(value: Any) -> bool:
    """Is ``value`` made only of dicts with string member names within the Basic Multilingual
    Plane (where code-point and UTF-16 order agree), lists, strings, booleans, None and integers
    within 2^53? Floats (written differently by ECMAScript), tuples, other mappings and anything
    else take the general path."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return bool(-MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER)
    if kind is dict:
        for name, item in value.items():
            if type(name) is not str or not (name.isascii() or _bmp(name)):
                return False
            if type(item) is not str and not _plain(item):
                return False
        return True
    if kind is list:
        return all(type(item) is str or _plain(item) for item in value)
    return False


def _bmp(name: str) -> bool:
    return max(name) <= "\uffff"


_ESCAPE = re.compile(r'[\x00-\x1f"\\]')


def _write(value: Any, out: Callable[[str], None]) -> None:
    # The common types first: this runs for every signature, keyed hash and receipt.
    if isinstance(value, str):
        out(_string(value))
    elif isinstance(value, Mapping):
        names = list(value)
        if not all(isinstance(n, str) for n in names):
            raise CanonicalError("object member names must be strings")
        names.sort()
        if not all(n.isascii() for n in names):
            names.sort(key=_utf16_key)  # code-point and UTF-16 order differ above U+FFFF
        out("{")
        for index, name in enumerate(names):
            if index:
                out(",")
            out(_string(name))
            out(":")
            _write(value[name], out)
        out("}")
    elif value is None:
        out("null")
    elif value is True:
        out("true")
    elif value is False:
        out("false")
    elif isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalError(f"integer {value} is beyond 2^53")
        out(str(value))
    elif isinstance(value, float):
        out(number(value))
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        out("[")
        for index, item in enumerate(value):
            if index:
                out(",")
            _write(item, out)
        out("]")
    else:
        raise CanonicalError(f"{type(value).__name__} is not a JSON value")


def _utf16_key(name: str) -> bytes:
    return name.encode("utf-16-be", "surrogatepass")


def _string(text: str) -> str:
    if _ESCAPE.search(text) is None:
        return '"' + text + '"'
    # json.dumps without ASCII escaping writes exactly RFC 8785's string form: \" \\ \b \f \n
    # \r \t, other control characters as lower-case \u00xx, everything else as itself.
    return json.dumps(text, ensure_ascii=False)


def number(value: float) -> str:
    """ECMAScript's shortest round-trip form of a double (RFC 8785 section 3.2.2.3)."""
    if math.isnan(value) or math.isinf(value):
        raise CanonicalError("NaN and infinities have no JSON form")
    if value == 0:
        return "0"  # also -0
    sign = "-" if value < 0 else ""
    # repr() gives the shortest digits that read back to the same double, as ECMAScript does.
    digits_tuple = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_tuple.digits)
    exponent = int(digits_tuple.exponent)
    k = len(digits)
    n = exponent + k  # the value is 0.digits × 10^n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return sign + text
