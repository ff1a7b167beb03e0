"""``conflict-kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page, safe by default.

A Starlette application (:func:`create_app`) run by uvicorn (:func:`serve`).
Queries run in a :class:`~._guard.QueryPool` of child processes that open the
store read-only, so

- the time limit stops the work (the child is killed, the client gets 503),
- an ``ingest`` in another process can write the store meanwhile (each child
  reopens its view when the store's files change), and
- one slow query does not hold up the others (``workers`` run at once).

``/sparql`` speaks the SPARQL 1.1 Protocol: ``GET ?query=``, ``POST`` form
(``query=``) and ``POST application/sparql-query``, with ``default-graph-uri`` and
``named-graph-uri``; results as negotiated by ``Accept`` (SPARQL JSON, XML, CSV,
TSV; Turtle, N-Triples, JSON-LD, RDF/XML for CONSTRUCT and DESCRIBE); without a
query it returns a service description. Updates are refused with 403 however
they come (``update=``, ``application/sparql-update``, an update as ``query=``,
or any write method on any path). ``/`` is the query page (:mod:`._page`).

Examples
--------
>>> config = ServeConfig("conflict-kg-store", host="0.0.0.0")
>>> check_exposure(config)
Traceback (most recent call last):
...
conflict_kg.extract._exceptions.InputError: --host '0.0.0.0' lets other machines query the store; \
give an access token (--token, or $CONFLICT_KG_TOKEN) or pass --public to serve it to anyone
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from conflict_kg.extract import InputError

from ._errors import QueryError, StoreError
from ._formats import GRAPH_MEDIA_TYPES
from ._guard import (
    DEFAULT_LIMIT,
    NotAcceptableError,
    QueryPool,
    QueryRefusedError,
    QueryRequest,
    QuerySource,
    QueryTimeoutError,
    media_types,
)

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

__all__ = [
    "DEFAULT_PORT",
    "HEADER_MAX_ROWS",
    "HEADER_ROWS",
    "HEADER_TRUNCATED",
    "TOKEN_ENV",
    "ServeConfig",
    "check_exposure",
    "create_app",
    "serve",
    "service_description",
]

DEFAULT_PORT = 7878
#: The environment variable holding the access token (so it stays out of the process list).
TOKEN_ENV = "CONFLICT_KG_TOKEN"
#: Response headers: the row cap, the rows sent, and whether the result was cut at the cap.
HEADER_MAX_ROWS = "X-SPARQL-Max-Rows"
HEADER_ROWS = "X-SPARQL-Rows"
HEADER_TRUNCATED = "X-SPARQL-Truncated"
_READ_ONLY = "this endpoint is read-only: updates are refused; change the store with conflict-kg ingest/remove"


@dataclass(frozen=True)
class ServeConfig:
    """How ``conflict-kg serve`` serves a store; the defaults are the safe ones."""

    store: str
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    timeout: float = 30.0
    max_rows: int = DEFAULT_LIMIT
    cors: tuple[str, ...] = ()
    token: str | None = None
    public: bool = False
    max_request_bytes: int = 1_000_000
    workers: int = 2


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(config: ServeConfig) -> None:
    """Refuse to serve beyond loopback with neither an access token nor an explicit ``public``.

    Raises
    ------
    InputError
        Saying how to serve other machines.
    """
    if not _is_loopback(config.host) and not config.token and not config.public:
        raise InputError(
            f"--host {config.host!r} lets other machines query the store; give an access token "
            f"(--token, or ${TOKEN_ENV}) or pass --public to serve it to anyone"
        )


def service_description(endpoint: str, media_type: str = "text/turtle") -> bytes:
    """A SPARQL 1.1 Service Description of the endpoint at ``endpoint``, in a graph media type."""
    from rdflib import BNode, Graph, Namespace, URIRef
    from rdflib.namespace import RDF

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    graph = Graph()
    graph.bind("sd", sd)
    graph.bind("formats", formats)
    service = BNode("service")
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, URIRef(endpoint)))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    graph.add((service, sd.feature, sd.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV"):
        graph.add((service, sd.resultFormat, formats[name]))
    for name in ("Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        graph.add((service, sd.resultFormat, formats[name]))
    return graph.serialize(format=GRAPH_MEDIA_TYPES[media_type], encoding="utf-8")


def _text(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(" ".join(message.split()) + "\n", status_code=status, headers=headers)


class _TooLarge(Exception):
    pass


async def _body(request: Request, cap: int) -> bytes:
    """The request body, refusing more than ``cap`` bytes (declared or sent)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise _TooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _one(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise QueryError(f"give one {name!r} parameter, not {len(values)}")
    return values[0] if values else None


def create_app(config: ServeConfig, *, pool: QueryPool | None = None) -> Starlette:
    """The Starlette application serving ``config.store``; ``pool`` defaults to ``config.workers`` children.

    A pool given here is the caller's to close; one made here starts and ends with the application.
    """
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from ._page import EXAMPLES_PATH, OUTLINES_FILE, OUTLINES_PATH, STATIC_DIR, examples_json, page_html

    cap = config.max_request_bytes
    state: dict[str, QueryPool] = {}
    common = {HEADER_MAX_ROWS: str(config.max_rows)}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = pool or QueryPool(QuerySource(store=config.store), config.workers)
        try:
            yield
        finally:
            if pool is None:
                state["pool"].close()

    def authorized(request: Request) -> bool:
        if not config.token:
            return True
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), config.token.encode())

    async def sparql(request: Request) -> Response:
        if not authorized(request):
            return _text(
                401, "an access token is required: send 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"}
            )
        if len(request.url.query) > cap:
            return _text(414, f"the request is over the limit of {cap} bytes; send the query by POST")
        params = parse_qs(request.url.query, keep_blank_values=True)
        try:
            body = await _body(request, cap) if request.method == "POST" else b""
        except _TooLarge:
            return _text(413, f"the request is over the limit of {cap} bytes")
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        query: str | None
        try:
            if request.method == "POST" and content_type == "application/sparql-update":
                return _text(403, _READ_ONLY)
            if request.method == "POST" and content_type == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
                for name, values in form.items():
                    params.setdefault(name, []).extend(values)
                query = _one(params, "query")
            elif request.method == "POST" and content_type == "application/sparql-query":
                query = body.decode("utf-8")
            elif request.method == "POST":
                return _text(
                    415,
                    f"unsupported content type {content_type!r}; send application/sparql-query "
                    "or a form (application/x-www-form-urlencoded) with query=",
                )
            else:
                query = _one(params, "query")
            if "update" in params:
                return _text(403, _READ_ONLY)
            accept = media_types(request.headers.get("accept"))
            if query is None:
                endpoint = str(request.url.replace(query=""))
                media = next((m for m in accept if m in GRAPH_MEDIA_TYPES), "text/turtle")
                return Response(service_description(endpoint, media), media_type=media)
            job = QueryRequest(
                query,
                limit=config.max_rows,
                accept=accept,
                default_graphs=tuple(params.get("default-graph-uri", [])),
                named_graphs=tuple(params.get("named-graph-uri", [])),
            )
            answer = await run_in_threadpool(state["pool"].run, job, config.timeout)
        except UnicodeDecodeError:
            return _text(400, "the request is not UTF-8 text")
        except QueryRefusedError as exc:
            return _text(403, str(exc), common)
        except QueryTimeoutError as exc:
            return _text(503, str(exc), {**common, "Retry-After": "60"})
        except NotAcceptableError as exc:
            return _text(406, str(exc), common)
        except QueryError as exc:
            return _text(400, str(exc), common)
        except StoreError as exc:
            return _text(500, str(exc), common)
        headers = {**common, HEADER_ROWS: str(answer.rows), HEADER_TRUNCATED: str(answer.truncated).lower()}
        return Response(answer.body, media_type=answer.media_type, headers=headers)

    async def read_only(request: Request) -> Response:
        return _text(403, _READ_ONLY)

    async def page(request: Request) -> Response:
        from starlette.responses import HTMLResponse

        return HTMLResponse(page_html())

    async def examples(request: Request) -> Response:
        return Response(examples_json(), media_type="application/json")

    async def outlines(request: Request) -> Response:
        from starlette.responses import FileResponse

        if not OUTLINES_FILE.is_file():
            return _text(404, "no country outlines in this installation")
        return FileResponse(OUTLINES_FILE, media_type="application/geo+json")

    writes = ["PUT", "DELETE", "PATCH", "POST"]
    routes = [
        Route("/", page, methods=["GET", "HEAD"]),
        Route(EXAMPLES_PATH, examples, methods=["GET", "HEAD"]),
        Route(OUTLINES_PATH, outlines, methods=["GET", "HEAD"]),
        Route("/sparql", sparql, methods=["GET", "HEAD", "POST"]),
        Route("/sparql", read_only, methods=["PUT", "DELETE", "PATCH"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        Route("/{path:path}", read_only, methods=writes),
    ]
    middleware = []
    if config.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.cors),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "Accept"],
                expose_headers=[HEADER_MAX_ROWS, HEADER_ROWS, HEADER_TRUNCATED],
            )
        )
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(config: ServeConfig, **uvicorn_options: Any) -> None:
    """Serve ``config.store`` with uvicorn until interrupted (after :func:`check_exposure`)."""
    import uvicorn

    check_exposure(config)
    uvicorn.run(
        create_app(config),
        host=config.host,
        port=config.port,
        server_header=False,
        **{"log_level": "warning", **uvicorn_options},
    )
