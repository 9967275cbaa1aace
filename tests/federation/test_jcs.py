"""RFC 8785 canonical JSON, checked against the RFC's own examples."""

from __future__ import annotations

import json
import struct

import pytest

from mekongx.federation.jcs import CanonicalError, canonical

# Section 3.2.2: the example input and its canonical form.
RFC_INPUT = r"""{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}"""
RFC_OUTPUT = (
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
    '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
)
# Section 3.2.3: member names sort by UTF-16 code units (the emoji before U+FB33).
SORT_INPUT = r"""{
  "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}"""
SORT_ORDER = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
# Appendix B: IEEE 754 bits and the canonical number.
NUMBERS = [
    ("0000000000000000", "0"), ("8000000000000000", "0"), ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"), ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"), ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"), ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"), ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"), ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"), ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"), ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]  # fmt: skip


def test_the_rfc_example() -> None:
    assert canonical(json.loads(RFC_INPUT)).decode() == RFC_OUTPUT


def test_member_names_sort_by_utf16_code_units() -> None:
    out = canonical(json.loads(SORT_INPUT)).decode()
    assert list(json.loads(out)) == SORT_ORDER
    # Python's own sort_keys orders by code point and puts the emoji last: not canonical.
    assert list(json.loads(json.dumps(json.loads(SORT_INPUT), sort_keys=True))) != SORT_ORDER


@pytest.mark.parametrize(("bits", "expected"), NUMBERS)
def test_numbers_as_ecmascript_writes_them(bits: str, expected: str) -> None:
    value = struct.unpack(">d", bytes.fromhex(bits))[0]
    assert canonical(value).decode() == expected
    assert canonical({"n": [value]}).decode() == '{"n":[' + expected + "]}"


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        float("inf"),
        -float("inf"),
        2**53 + 1,
        {1: "x"},
        {1: 2, "a": 3},
        {"a"},
        b"x",
        "\ud800",
    ],
)
def test_values_without_a_canonical_form_are_refused(value: object) -> None:
    with pytest.raises(CanonicalError):
        canonical(value)


def test_integers_and_text() -> None:
    assert canonical({"b": [1, -0.0, 2.0, "ก\n\u001f"], "a": None}) == (
        '{"a":null,"b":[1,0,2,"ก\\n\\u001f"]}'.encode()
    )


def test_the_fast_path_writes_what_the_general_one_does() -> None:
    """Plain values (dicts, lists, strings, booleans, null, safe integers) are written by the
    standard library's encoder; a tuple around them takes the general writer, member by member."""
    text = "".join(chr(c) for c in range(0x80)) + "ก่\u200b€\U0001f600\ufb33\u2028"
    values = [
        {"s": text, "n": [0, -1, 2**53, -(2**53)], "t": True, "f": False, "z": None},
        {"ก": 1, "\u20ac": {"b": [], "a": {}}, "\r": "x", "": ""},
        [text, [text, {"deep": [{"er": text}]}]],
        {"v": 2, "id": "0b8e", "payload_mac": "ab" * 32, "recipients": ["NNCC", "SMCC"]},
    ]
    for value in values:
        assert canonical((value,)) == b"[" + canonical(value) + b"]"
        assert json.loads(canonical(value)) == value
    # what the fast path must leave to the general one
    assert canonical({"\U0001f600": 1, "\ufb33": 2}) == '{"\U0001f600":1,"\ufb33":2}'.encode()
    assert canonical({"a": 1e21, "b": [1.5]}) == b'{"a":1e+21,"b":[1.5]}'
    with pytest.raises(CanonicalError):
        canonical({"a": [2**53 + 1]})
