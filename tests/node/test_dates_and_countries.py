"""Impossible dates (31 February, 31 April, in either calendar the forms accept) and unknown
country codes are refused with a message naming the field; nationality comes from ISO 3166."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.domains.fugitives.schemas import NoticeInput, ScreenQuery
from mekongx.errors import ValidationFailed
from mekongx.i18n import countries, translator
from mekongx.validation import parse

NOTICE = {"names": [{"name": "Lan Weihong"}], "warrant_reference": "W-1",
          "warrant_authority": "Court", "charges": "Trafficking"}  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value"),
    [("birth_date", "1990-02-31"), ("birth_date", "2533-04-31"), ("warrant_date", "2567-02-30"),
     ("nationality", "XX"), ("nationality", "THA"), ("nationality", "EU")],
)  # fmt: skip
def test_refused_with_the_field_named(field: str, value: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        parse(NoticeInput, {**NOTICE, field: value})
    [problem] = refused.value.fields
    assert problem.field == field
    thai = translator("th")(problem.message, **problem.params)
    assert (thai != problem.message and value in thai) or field != "nationality" or value == "THA"


def test_possible_dates_and_iso_codes_pass() -> None:
    data = parse(NoticeInput, {**NOTICE, "birth_date": "2535-02-29", "nationality": "la"})
    assert (data.birth_date, data.nationality) == ("1992-02-29", "LA")
    assert parse(ScreenQuery, {"name": "x", "birth_date": "2000-02-29"}).birth_date == "2000-02-29"
    assert len(countries.codes()) == 249 and {"TH", "CN", "MM"} <= countries.codes()


def test_notice_form_offers_the_iso_list_in_the_users_language(browser: Any) -> None:
    browser.login("thai.analyst")  # Thai
    page = browser.client.get("/fugitives/new")
    assert '<option value="LA" >ลาว (LA)</option>' in page.text.replace("  ", " ")
    answer = browser.post("/fugitives/new", {"name_0": "Lan Weihong", "warrant_reference": "W",
                                              "warrant_authority": "C", "charges": "T",
                                              "birth_date": "1990-02-31"})  # fmt: skip
    assert answer.status_code == 422 and "1990-02-31" in answer.text
