"""The shared site as a Starlette application: read-only routes behind a hardening middleware.

No route takes a file path: records are looked up by id in the database, the two static files
are held in memory by name, and fact sheets are rendered into memory by the callable the host
passes in. The middleware limits each client's rate, checks the access code, adds the security
headers and logs every request.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote

import anyio
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from sseref.core.db import Database
from sseref.core.i18n import LANGUAGES
from sseref.core.paths import resources_dir
from sseref.report.i18n import Translator
from sseref.share import languages
from sseref.share.guard import Guard
from sseref.share.pages import Pages, Searcher, clean_query

log = logging.getLogger("sseref.share")
PdfMaker = Callable[[str, str], bytes]  # (record id, language) → the fact sheet's PDF
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "sseref_room"
LANG_COOKIE = "sseref_lang"
PDF_TIMEOUT = 60.0
MAX_ID = 200
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
STATIC_FILES = {"site.css": "text/css; charset=utf-8", "site.js": "text/javascript; charset=utf-8"}
OPEN_PATHS = ("/code", "/static/", "/favicon.ico")  # reachable without the access code
_SAFE_FILE = re.compile(r"[^a-z0-9-]+")


@dataclass
class ShareOptions:
    """What the host chose: the access code (none: open to the room) and the site's title."""

    code: str = ""
    title: str = "SSE Ref"
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))


class _Cache:
    """A small thread-safe LRU of rendered pages and PDFs (the data does not change while open)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[str, ...], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def safe_next(target: str | None) -> str:
    """A redirect target on this site only: a path starting with one slash, else "/"."""
    if (
        not target
        or len(target) > 500
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
        or any(not c.isprintable() or c.isspace() for c in target)
    ):
        return "/"
    return target


def host_allowed(host: str | None) -> bool:
    """The Host header names this computer by address (what the QR code gives) or localhost.

    A name would let a page elsewhere reach the site through DNS rebinding; phones in the room
    use the address, so names are refused."""
    if host is None:  # HTTP/1.0 has none
        return True
    name = host.strip().lower()
    if name.startswith("["):  # [IPv6]:port
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "?"


class Site:
    """The routes and their state: pages, caches, the access code and the PDF renderer."""

    def __init__(
        self,
        db: Database,
        search: Searcher,
        guard: Guard,
        pdf_maker: PdfMaker | None = None,
        options: ShareOptions | None = None,
    ) -> None:
        self.db = db
        self.guard = guard
        self.pdf_maker = pdf_maker
        self.options = options or ShareOptions()
        self.pages = Pages(db, search, self.options.title, pdf=pdf_maker is not None)
        self.files = {
            name: (resources_dir() / "share" / name).read_bytes() for name in STATIC_FILES
        }
        self._pages = _Cache(512)
        self._pdfs = _Cache(32)
        self._limiters: dict[str, anyio.CapacityLimiter] = {}
        self._session = hmac.new(self.options.secret, b"room", hashlib.sha256).hexdigest()

    # --- helpers ----------------------------------------------------------------------------

    def _limiter(self, name: str) -> anyio.CapacityLimiter:
        """Made on first use, inside the event loop (anyio needs one to make it)."""
        limiter = self._limiters.get(name)
        if limiter is None:
            limits = self.guard.limits
            limiter = anyio.CapacityLimiter(limits.pdf_workers if name == "pdf" else limits.workers)
            self._limiters[name] = limiter
        return limiter

    async def _render(self, key: tuple[str, ...], render: Callable[[], str | None]) -> str | None:
        cached = self._pages.get(key)
        if cached is not None:
            return str(cached)
        html = await anyio.to_thread.run_sync(render, limiter=self._limiter("pages"))
        if html is not None:
            self._pages.put(key, html)
        return html

    @staticmethod
    def lang(request: Request) -> str:
        return languages.choose(
            request.cookies.get(LANG_COOKIE),
            request.query_params.get("lang"),
            request.headers.get("accept-language"),
        )

    def _page(self, html: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})

    def not_found(self, lang: str) -> HTMLResponse:
        tr = Translator.for_language(lang)
        return self._page(
            self.pages.message(lang, tr._("Not found"), tr._("There is no such page here.")), 404
        )

    # --- routes -----------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        lang = self.lang(request)
        query = clean_query(request.query_params.get("q"))
        html = await anyio.to_thread.run_sync(
            self.pages.home, lang, query, limiter=self._limiter("pages")
        )
        return self._page(html)

    async def results(self, request: Request) -> Response:
        lang = self.lang(request)
        query = clean_query(request.query_params.get("q"))
        html = await anyio.to_thread.run_sync(
            self.pages.results, lang, query, limiter=self._limiter("pages")
        )
        return self._page(html)

    async def record(self, request: Request) -> Response:
        lang = self.lang(request)
        record_id = str(request.path_params["record_id"])
        if len(record_id) > MAX_ID:
            return self.not_found(lang)
        html = await self._render(
            ("record", lang, record_id), lambda: self.pages.record(lang, record_id)
        )
        return self.not_found(lang) if html is None else self._page(html)

    async def timeline(self, request: Request) -> Response:
        lang = self.lang(request)
        html = await self._render(("timeline", lang), lambda: self.pages.timeline(lang))
        return self._page(html or "")

    async def glossary(self, request: Request) -> Response:
        lang = self.lang(request)
        html = await self._render(("glossary", lang), lambda: self.pages.glossary(lang))
        return self._page(html or "")

    async def pdf(self, request: Request) -> Response:
        record_id = str(request.path_params["record_id"])
        wanted = request.query_params.get("lang")
        lang = wanted if wanted in LANGUAGES else self.lang(request)
        maker = self.pdf_maker
        if maker is None or len(record_id) > MAX_ID or not self.db.exists(record_id):
            return self.not_found(lang)
        key = ("pdf", lang, record_id)
        data = self._pdfs.get(key)
        if data is None:
            with anyio.fail_after(PDF_TIMEOUT):
                data = await anyio.to_thread.run_sync(
                    maker, record_id, lang, limiter=self._limiter("pdf")
                )
            self._pdfs.put(key, data)
        name = _SAFE_FILE.sub("-", record_id.lower()).strip("-") or "record"
        return Response(
            data,
            media_type="application/pdf",
            headers={
                "content-disposition": f'attachment; filename="sseref-{name}-{lang}.pdf"',
                "cache-control": "no-store",
            },
        )

    async def static(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        data = self.files.get(name)
        if data is None:
            return self.not_found(self.lang(request))
        return Response(
            data, media_type=STATIC_FILES[name], headers={"cache-control": "max-age=3600"}
        )

    async def no_icon(self, _request: Request) -> Response:
        """Browsers ask for it on every first visit: an empty answer, not a logged 404."""
        return Response(status_code=204, headers={"cache-control": "max-age=86400"})

    async def switch_language(self, request: Request) -> Response:
        code = str(request.path_params["code"])
        target = safe_next(request.query_params.get("next"))
        response = RedirectResponse(target, status_code=303)
        if code in LANGUAGES:
            response.set_cookie(LANG_COOKIE, code, max_age=86400, httponly=True, samesite="lax")
        return response

    async def code(self, request: Request) -> Response:
        lang = self.lang(request)
        if request.method != "POST":
            target = safe_next(request.query_params.get("next"))
            return self._page(self.pages.code_form(lang, False, target))
        client = _client(request.scope)
        tr = Translator.for_language(lang)
        if not self.guard.allow_code_attempt(client):
            log.warning("share: %s refused: too many wrong access codes", client)
            return self._page(
                self.pages.message(
                    lang, tr._("Too many attempts"), tr._("Wait a minute, then try again.")
                ),
                429,
            )
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return PlainTextResponse("Unsupported form", status_code=415)
        body = await self._small_body(request)
        if body is None:
            return PlainTextResponse("Request body too large or too slow", status_code=413)
        try:
            form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=4)
        except ValueError:  # more fields than the form has
            return PlainTextResponse("Malformed form", status_code=400)
        given = (form.get("code") or [""])[0].strip()
        target = safe_next((form.get("next") or ["/"])[0])
        if self.code_matches(given):
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(SESSION_COOKIE, self._session, httponly=True, samesite="strict")
            log.info("share: %s entered the access code", client)
            return response
        self.guard.wrong_code(client)
        log.warning("share: %s gave a wrong access code", client)
        return self._page(self.pages.code_form(lang, True, target), 403)

    async def _small_body(self, request: Request) -> bytes | None:
        """The body, or None when it is larger than allowed or does not arrive in time."""
        limits = self.guard.limits
        chunks: list[bytes] = []
        size = 0
        with anyio.move_on_after(limits.body_timeout) as scope:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limits.max_body_bytes:
                    return None
                chunks.append(chunk)
        return None if scope.cancelled_caught else b"".join(chunks)

    # --- the access code ----------------------------------------------------------------------

    def code_matches(self, given: str) -> bool:
        """Constant-time comparison of fixed-length digests (the length of the code leaks too)."""
        expected = hashlib.sha256(self.options.code.encode("utf-8")).digest()
        actual = hashlib.sha256(given.encode("utf-8", "replace")).digest()
        return hmac.compare_digest(expected, actual)

    def has_session(self, scope: Scope) -> bool:
        if not self.options.code:
            return True
        cookies = Request(scope).cookies
        return hmac.compare_digest(cookies.get(SESSION_COOKIE, ""), self._session)

    def routes(self) -> list[Route]:
        return [
            Route("/", self.home, methods=["GET"]),
            Route("/results", self.results, methods=["GET"]),
            Route("/r/{record_id:path}", self.record, methods=["GET"]),
            Route("/pdf/{record_id:path}", self.pdf, methods=["GET"]),
            Route("/timeline", self.timeline, methods=["GET"]),
            Route("/glossary", self.glossary, methods=["GET"]),
            Route("/static/{name}", self.static, methods=["GET"]),
            Route("/lang/{code}", self.switch_language, methods=["GET"]),
            Route("/code", self.code, methods=["GET", "POST"]),
            Route("/favicon.ico", self.no_icon, methods=["GET"]),
        ]


class ShareMiddleware:
    """Rate limit, allowed methods, access code, security headers and a log line per request."""

    ALLOWED_METHODS = ("GET", "HEAD", "POST")

    def __init__(self, app: ASGIApp, site: Site) -> None:
        self.app = app
        self.site = site

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # no websockets, no lifespan
            return
        started = time.perf_counter()
        client = _client(scope)
        status = [0]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
            await send(message)

        reason = ""
        try:
            app = self._gate(scope, client)
            if isinstance(app, tuple):
                reason, app = app
            await app(scope, receive, send_with_headers)
        except Exception:  # noqa: BLE001 - one bad request must not stop the room's server
            log.exception("share: %s error on %s", client, _shown(scope))
            if status[0] == 0:
                await PlainTextResponse("Server error", status_code=500)(
                    scope, receive, send_with_headers
                )
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            level = logging.INFO if status[0] < 400 else logging.WARNING
            log.log(
                level,
                "share: %s %s %s -> %d (%.0f ms)%s",
                client,
                scope.get("method", "?"),
                _shown(scope),
                status[0],
                elapsed,
                f" {reason}" if reason else "",
            )

    def _gate(self, scope: Scope, client: str) -> ASGIApp | tuple[str, ASGIApp]:
        """The app to run, or (why, the refusal) for a request that is not served."""
        method = scope.get("method", "")
        path = str(scope.get("path", ""))
        if not self.site.guard.allow_request(client):
            return "rate limited", PlainTextResponse(
                "Too many requests", status_code=429, headers={"retry-after": "2"}
            )
        if not host_allowed(_header(scope, b"host")):
            return "host name refused", PlainTextResponse("Unknown host", status_code=421)
        if method not in self.ALLOWED_METHODS or (method == "POST" and path != "/code"):
            return "method not allowed", PlainTextResponse(
                "Method not allowed", status_code=405, headers={"allow": "GET, HEAD"}
            )
        if not path.startswith(OPEN_PATHS) and not self.site.has_session(scope):
            query = scope.get("query_string", b"").decode("latin-1")
            here = path + ("?" + query if query else "")
            target = "/code?next=" + quote(safe_next(here), safe="")
            return "access code needed", RedirectResponse(target, status_code=303)
        return self.app


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _shown(scope: Scope) -> str:
    """The request's path and query for the log: bounded, control characters escaped."""
    raw = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8", "replace")
    query = scope.get("query_string") or b""
    text = (bytes(raw) + (b"?" + bytes(query) if query else b"")).decode("latin-1")
    shown = text[:160].encode("unicode_escape").decode("ascii")
    return shown + (f"…(+{len(text) - 160} chars)" if len(text) > 160 else "")


def create_app(
    db: Database,
    search: Searcher,
    guard: Guard,
    pdf_maker: PdfMaker | None = None,
    options: ShareOptions | None = None,
) -> ShareMiddleware:
    """The whole site, wrapped in the hardening middleware."""
    site = Site(db, search, guard, pdf_maker, options)
    app = Starlette(routes=site.routes())

    async def fallback(request: Request, _exc: Exception) -> Response:
        return site.not_found(site.lang(request))

    app.add_exception_handler(404, fallback)
    app.add_exception_handler(405, _method_not_allowed)
    return ShareMiddleware(app, site)


async def _method_not_allowed(_request: Request, _exc: Exception) -> Response:
    return PlainTextResponse("Method not allowed", status_code=405, headers={"allow": "GET, HEAD"})
