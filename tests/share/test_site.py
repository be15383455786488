"""The shared site in memory: pages, languages, ids never used as paths, headers, limits, code."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from typing import Any

import pytest

from sseref.report.render import escape
from sseref.search.engine import SearchEngine
from sseref.share.guard import Limits
from sseref.share.site import SECURITY_HEADERS, safe_next
from tests.share.conftest import SiteUnderTest, asgi_request

HREFS = re.compile(r'href="(/r/[^"]+)"')


def test_home_lists_counts_and_links_every_section(site: SiteUnderTest) -> None:
    reply = site.get("/")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    for link in ('href="/timeline"', 'href="/glossary"', 'src="/static/site.js"'):
        assert link in reply.text
    assert "Organizations: 2" in reply.text


def test_results_come_in_the_engines_order(site: SiteUnderTest, share_engine: SearchEngine) -> None:
    for query in ("cooperation", "alpha", "coop", "buenos aires 1978"):
        expected = [h.id for h in share_engine.search(query, limit=30, facets=False).hits]
        assert expected, query
        reply = site.get("/results", f"q={query}")
        shown = [h.removeprefix("/r/") for h in HREFS.findall(reply.text)]
        assert shown == expected, query
        # The page with ?q= shows the same list, and the query in the box, escaped.
        page = site.get("/", f"q={query}")
        assert [h.removeprefix("/r/") for h in HREFS.findall(page.text)] == expected


def test_a_typo_offers_the_correction(site: SiteUnderTest) -> None:
    reply = site.get("/results", "q=cooperativ+alfa+buenos+airez")
    assert reply.status == 200
    assert "result" in reply.text or "Did you mean" in reply.text


def test_markup_in_a_query_is_escaped(site: SiteUnderTest) -> None:
    reply = site.get("/", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E")
    assert reply.status == 200
    assert "<script>alert" not in reply.text
    assert escape('<script>alert(1)</script>">') in reply.text  # by the one escaper
    assert reply.text.count("<script") == 1  # only the site's own file


def test_a_record_page_has_fields_links_sources_and_the_pdf(site: SiteUnderTest) -> None:
    reply = site.get("/r/org/alpha")
    assert reply.status == 200
    text = reply.text
    assert "<h1>Alpha Cooperative Alliance</h1>" in text
    assert "Geneva, Switzerland" in text
    assert 'href="/r/org/beta-task-force"' in text  # relation as a link
    assert "<h2>Sources</h2>" in text
    assert 'href="/pdf/org/alpha?lang=en"' in text
    assert "style=" not in text  # the CSP forbids inline styles: none are needed


def test_pages_follow_the_browsers_language_and_the_switch(site: SiteUnderTest) -> None:
    spanish = site.get("/r/org/alpha", headers=[(b"accept-language", b"es-ES,es;q=0.9")])
    assert '<html lang="es">' in spanish.text
    assert "Alianza Cooperativa Alfa" in spanish.text
    assert "Descargar la ficha (PDF)" in spanish.text
    switched = site.get("/lang/fr", "next=/r/org/alpha")
    assert switched.status == 303
    assert switched.headers["location"] == "/r/org/alpha"
    cookie = switched.cookies[0].split(";")[0]
    assert cookie == "sseref_lang=fr"
    french = site.get(
        "/r/org/alpha", headers=[(b"cookie", cookie.encode()), (b"accept-language", b"es")]
    )
    assert '<html lang="fr">' in french.text
    assert "Alliance coopérative Alpha" in french.text


def test_timeline_and_glossary(site: SiteUnderTest) -> None:
    timeline = site.get("/timeline")
    assert timeline.status == 200
    assert "<h2>1970s</h2>" in timeline.text
    assert 'href="/r/event/1978-conference"' in timeline.text
    glossary = site.get("/glossary", headers=[(b"accept-language", b"es")])
    assert "cooperativa" in glossary.text
    assert "Una empresa de propiedad de sus miembros" in glossary.text


def test_the_pdf_comes_from_the_renderer_with_a_safe_name(site: SiteUnderTest) -> None:
    reply = site.get("/pdf/org/alpha", "lang=es")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/pdf"
    assert reply.body.startswith(b"%PDF")
    assert reply.headers["content-disposition"] == (
        'attachment; filename="sseref-org-alpha-es.pdf"'
    )
    site.get("/pdf/org/alpha", "lang=es")
    assert site.pdf.calls == [("org/alpha", "es")]  # the second came from the cache


@pytest.mark.parametrize(
    "path",
    [
        "/r/../../../../etc/passwd",
        "/r/..%2f..%2fpyproject.toml",
        "/r/org/alpha/../../../etc/passwd",
        "/pdf/../../etc/passwd",
        "/pdf/org/nope",
        "/static/../pyproject.toml",
        "/static/site.css/../../sseref.db",
        "/static/",
        "/static/page.html",
        "/r/" + "a" * 5000,
        "/etc/passwd",
        "/resources/generated/sseref.db",
        "/\x00",
    ],
)
def test_no_path_from_a_request_reaches_a_file(site: SiteUnderTest, path: str) -> None:
    reply = site.get(path)
    assert reply.status == 404
    assert b"root:" not in reply.body and b"SQLite" not in reply.body
    assert site.pdf.calls == []


def test_static_files_are_served_by_name_from_memory(site: SiteUnderTest) -> None:
    js = site.get("/static/site.js")
    assert js.status == 200 and js.headers["content-type"].startswith("text/javascript")
    assert b"fetch(" in js.body
    css = site.get("/static/site.css")
    assert css.status == 200 and b"@import" not in css.body and b"url(" not in css.body


def test_every_response_carries_the_security_headers(site: SiteUnderTest) -> None:
    for path in ("/", "/r/org/alpha", "/nope", "/static/site.js", "/pdf/org/alpha"):
        reply = site.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert reply.headers.get(name) == value, (path, name)
    csp = SECURITY_HEADERS["content-security-policy"]
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO", "POST"])
def test_odd_methods_are_refused(site: SiteUnderTest, method: str) -> None:
    reply = asgi_request(site.app, method, "/")
    assert reply.status == 405
    assert reply.headers["allow"] == "GET, HEAD"


def test_head_is_answered(site: SiteUnderTest) -> None:
    reply = asgi_request(site.app, "HEAD", "/r/org/alpha")  # the server drops the body
    assert reply.status == 200 and int(reply.headers["content-length"]) > 0


def test_a_flood_is_rate_limited_per_client(make_site: Callable[..., SiteUnderTest]) -> None:
    site = make_site(limits=Limits(rate=0.001, burst=10))
    statuses = [site.get("/static/site.css").status for _ in range(30)]
    assert statuses[:10] == [200] * 10
    assert set(statuses[10:]) == {429}
    assert site.get("/static/site.css", client="10.0.0.8").status == 200  # another phone


@pytest.mark.parametrize(
    "query",
    [
        b"q=%ff%fe%fd",
        b"q=\xff\xfe",
        b"q=" + b"%C3%28" * 50,
        b"q=" + b"x" * 100_000,
        b"q=%00%01%02",
        b"q=AND+OR+NOT+%22%22+*+%28%28%28",
        b"q=kind:+year:..+lang:zz",
        b"lang=../../etc&q=a",
    ],
)
def test_odd_queries_never_fail(site: SiteUnderTest, query: bytes) -> None:
    for path in ("/", "/results"):
        reply = asgi_request(site.app, "GET", path, query=query)
        assert reply.status == 200, (path, query[:40])


def test_odd_headers_never_fail(site: SiteUnderTest) -> None:
    headers = [
        (b"accept-language", b"\xff\xfe" * 1000),
        (b"cookie", b"sseref_lang=\xff; sseref_room=" + b"x" * 4000),
        (b"user-agent", b"\x00\x01"),
    ]
    assert site.get("/", headers=headers).status == 200


# --- the access code -------------------------------------------------------------------------


def _post_code(site: SiteUnderTest, body: bytes, client: str = "10.0.0.9") -> Any:
    return asgi_request(
        site.app,
        "POST",
        "/code",
        body=body,
        headers=[(b"content-type", b"application/x-www-form-urlencoded")],
        client=client,
    )


def test_with_a_code_every_page_asks_for_it_first(make_site: Callable[..., SiteUnderTest]) -> None:
    site = make_site(code="4711")
    reply = site.get("/r/org/alpha")
    assert reply.status == 303
    assert reply.headers["location"] == "/code?next=%2Fr%2Forg%2Falpha"
    assert site.get("/static/site.css").status == 200  # the form needs its style
    form = site.get("/code", "next=/r/org/alpha")
    assert form.status == 200 and 'name="code"' in form.text
    good = _post_code(site, b"code=4711&next=%2Fr%2Forg%2Falpha")
    assert good.status == 303 and good.headers["location"] == "/r/org/alpha"
    cookie = good.cookies[0].split(";")[0].encode()
    assert "httponly" in good.cookies[0].lower() and "samesite=strict" in good.cookies[0].lower()
    assert site.get("/r/org/alpha", headers=[(b"cookie", cookie)]).status == 200
    forged = b"sseref_room=" + b"0" * 64
    assert site.get("/r/org/alpha", headers=[(b"cookie", forged)]).status == 303


def test_wrong_codes_are_compared_in_constant_time_and_limited(
    make_site: Callable[..., SiteUnderTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(code="4711", limits=Limits(code_attempts=3))
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    statuses = [_post_code(site, f"code={c}".encode()).status for c in ("1", "47", "4712", "4711")]
    assert statuses == [403, 403, 403, 429]  # the right code is refused once over the limit
    assert compared and all(len(a) == len(b) == 32 for a, b in compared)  # digests
    assert _post_code(site, b"code=4711", client="10.0.0.10").status == 303


def test_the_code_form_refuses_odd_bodies(make_site: Callable[..., SiteUnderTest]) -> None:
    site = make_site(code="4711")
    big = _post_code(site, b"code=" + b"1" * 5000)
    assert big.status == 413
    wrong_type = asgi_request(
        site.app, "POST", "/code", body=b"{}", headers=[(b"content-type", b"application/json")]
    )
    assert wrong_type.status == 415
    odd = _post_code(site, b"code=%ff%fe&next=//evil.example/&a=1&b=2&c=3&d=4&e=5")
    assert odd.status in (400, 403)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/r/org/alpha", "/r/org/alpha"),
        ("/?q=a%20b", "/?q=a%20b"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        ("/a b", "/"),
        ("/a\r\nSet-Cookie: x=1", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_redirects_stay_on_the_site(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected


def test_without_a_renderer_there_is_no_pdf_link(make_site: Callable[..., SiteUnderTest]) -> None:
    site = make_site(pdf=False)
    assert "/pdf/" not in site.get("/r/org/alpha").text
    assert site.get("/pdf/org/alpha").status == 404


def test_a_server_that_is_not_started_opens_no_socket(
    fixture_db: Any, share_engine: SearchEngine
) -> None:
    """Sockets are blocked in this test (pytest-socket): making the server must not need one."""
    from sseref.share.service import make_server

    server = make_server(fixture_db, share_engine, port=0)
    assert not server.running and server.port == 0
    server.stop()  # stopping what never started is harmless


@pytest.mark.parametrize(
    ("host", "status"),
    [
        (b"192.168.43.1:8765", 200),
        (b"127.0.0.1", 200),
        (b"[fe80::1]:8765", 200),
        (b"localhost:8765", 200),
        (b"evil.example", 421),
        (b"evil.example:8765", 421),
        (b"192.168.43.1.nip.io", 421),
        (b"", 421),
    ],
)
def test_only_addresses_are_accepted_as_host(site: SiteUnderTest, host: bytes, status: int) -> None:
    """A page elsewhere cannot reach the site by a rebinding name (DNS rebinding)."""
    assert site.get("/", headers=[(b"host", host)]).status == status
