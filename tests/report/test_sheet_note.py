"""A fact sheet can carry the user's own note (asked for; never by default), escaped."""

from __future__ import annotations

from sseref.report.compose import compose


def test_the_note_goes_on_its_sheet_only_when_given(fixture_db) -> None:  # type: ignore[no-untyped-def]
    note = "Ask about the <b>2025</b> strategy\nwith the focal point\n\nSecond & last"
    plain = compose(fixture_db, ["org/alpha", "org/beta-task-force"], "en").html()
    assert "My note" not in plain
    report = compose(
        fixture_db, ["org/alpha", "org/beta-task-force"], "fr", notes={"org/alpha": note}
    )
    sheets = report.sheet_parts()
    assert (
        "Ask about the &lt;b&gt;2025&lt;/b&gt; strategy<br/>with the focal point" in sheets[0].html
    )
    assert "Second &amp; last" in sheets[0].html and "<b>2025" not in sheets[0].html
    assert "Ask about" not in sheets[1].html
    assert "Ma note" in sheets[0].html  # the sheet's language
