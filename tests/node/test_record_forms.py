"""Every form of a shareable record offers the same handling and distribution fields (one macro,
``sharing_fields``), translated, with its own hint."""

from __future__ import annotations

import pytest

from mekongx.i18n import translator

FORMS = {
    "/reports/new": "As a liaison officer you release the report to the agencies chosen here "
    "when you save.",
    "/fugitives/new": "The notice goes to them when a liaison officer publishes it.",
    "/wbe/campaigns/new": "Sharing beyond your agency needs the liaison officer role.",
}


@pytest.mark.parametrize("path", sorted(FORMS))
def test_sharing_fields_on_every_record_form(browser: object, path: str) -> None:
    browser.login("thai.liaison")  # type: ignore[attr-defined]
    page = browser.client.get(path)  # type: ignore[attr-defined]
    assert page.status_code == 200, page.text[:500]
    html = page.text
    for field in ('id="handling_code"', 'id="handling_note"', 'id="distribution"',
                  'name="recipients" value="NNCC"', 'id="sharing_group"', 'value="SAFE-MEKONG"'):  # fmt: skip
        assert field in html, (path, field)
    thai = translator("th").gettext
    assert thai(FORMS[path]) in html and thai(FORMS[path]) != FORMS[path]
    assert thai("Restrictions (required for H3)") in html
