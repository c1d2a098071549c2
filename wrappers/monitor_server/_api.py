"""The monitor-server client: every operation of the API, written once for both forms."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from functools import partial
from typing import Any, TypeVar, Unpack

from monitor_server_client import Client
from monitor_server_client.api.components import count_components
from monitor_server_client.api.contexts import (
    count_context_metrics,
    count_contexts,
    create_context,
)
from monitor_server_client.api.filters import count_scm_metrics, count_scope_metrics
from monitor_server_client.api.items import count_item_metrics
from monitor_server_client.api.metrics import count_metrics, create_metric
from monitor_server_client.api.sessions import (
    count_session_metrics,
    count_sessions,
    create_session,
)
from monitor_server_client.api.variants import count_variant_metrics

from wrappers._core.client import ClientCore, ClientSettings, SleepT
from wrappers._core.methods import AsyncioClient, BlockingClient, listing, operation
from wrappers._core.paging import walk
from wrappers._core.sides import AsyncSleep, BlockingSleep
from wrappers.monitor_server import _calls as calls
from wrappers.monitor_server._calls import FIRST_PAGE, Listing, ResourceScope, TagFilter
from wrappers.monitor_server._models import (
    ExecutionContext,
    ExecutionContextCreate,
    Metric,
    MonitorSession,
    Resource,
)

T = TypeVar("T")


class MonitorServerApi(ClientCore[SleepT]):
    """The methods of ``MonitorServerClient`` and ``AsyncMonitorServerClient``.

    ``base_url`` is the server's root (the routes add ``/api/v1``); ``settings`` are the
    keyword arguments of every client (``wrappers.ClientSettings``: ``timeout``,
    10 s by default, the most one call may take in all; ``attempts``; ``max_wait``;
    ``sleep``; ``httpx_args``). A GET failing in transport or answered 429, 502, 503 or
    504 is tried again, after the ``Retry-After`` asked for or a short backoff; a write is
    sent once. Error statuses raise ``wrappers.errors`` exceptions, and so does an answer
    the spec does not describe.
    """

    default_timeout = 10.0

    def __init__(self, base_url: str, **settings: Unpack[ClientSettings[SleepT]]) -> None:
        self._start(base_url, settings, generated=Client(base_url=base_url))

    def _pages(self, route: Listing[Any, T], **path: Any) -> AsyncIterator[T]:
        return walk(partial(self._page, route, path), FIRST_PAGE)

    async def _page(self, route: Listing[Any, T], path: Mapping[str, Any], page: int) -> Any:
        return await self._send(route.page_call(path, page))

    # ----------------------------------------------------------------------- sessions

    @listing
    def sessions(
        self, *, tags: TagFilter | None = None, match_all: bool = False
    ) -> AsyncIterator[MonitorSession]:
        """Every session, in the order they were stored, a page at a time as you iterate.

        ``tags`` keeps the sessions tagged so: ``{"pipeline_branch": "main"}`` that value,
        ``{"numpy": None}`` any non-empty one; one of the tags, or all with ``match_all``.
        """
        return self._pages(calls.SESSIONS, **calls.session_filter(tags, match_all))

    @listing
    def sessions_by_prefix(
        self, prefix: str, *, tags: TagFilter | None = None, match_all: bool = False
    ) -> AsyncIterator[MonitorSession]:
        """The sessions whose hash starts with ``prefix`` (SQL ``LIKE``: either case, ``_``
        and ``%`` wildcards); a full hash gives that one. ``tags`` as for ``sessions``."""
        flags = calls.session_filter(tags, match_all)
        return self._pages(calls.SESSIONS_BY_PREFIX, session_hash=prefix, **flags)

    @listing
    def scm_sessions(self, scm_prefix: str) -> AsyncIterator[MonitorSession]:
        """The sessions whose SCM reference starts with ``scm_prefix``."""
        return self._pages(calls.SCM_SESSIONS, scm_id=scm_prefix)

    @operation
    async def count_sessions(self) -> int:
        """How many sessions have an SCM reference: the server counts ``scm_ref`` values,
        so a session stored with ``scm_ref=None`` is not counted."""
        return await self._send(calls.count_call(count_sessions))

    @operation
    async def create_session(
        self,
        session_h: str,
        run_date: str | datetime,
        *,
        scm_ref: str | None = None,
        description: Mapping[str, Any] | None = None,
    ) -> MonitorSession:
        """Store a session as pytest-monitor does; ``description`` becomes its tags.

        Sent once, never again (it may have been stored). Raises ``ConflictError`` if the
        hash exists, ``BadRequestError`` if malformed.
        """
        body = calls.new_session(session_h, run_date, scm_ref, description)
        return await self._send(calls.create_call(create_session, body, calls.read_session))

    # ----------------------------------------------------------------------- contexts

    @listing
    def contexts(self) -> AsyncIterator[ExecutionContext]:
        """Every execution context, in the order they were stored."""
        return self._pages(calls.CONTEXTS)

    @listing
    def contexts_by_prefix(self, prefix: str) -> AsyncIterator[ExecutionContext]:
        """The execution contexts whose hash starts with ``prefix`` (SQL ``LIKE``)."""
        return self._pages(calls.CONTEXTS_BY_PREFIX, environ_hash=prefix)

    @operation
    async def count_contexts(self) -> int:
        """How many execution contexts the server holds."""
        return await self._send(calls.count_call(count_contexts))

    @operation
    async def create_context(self, context: ExecutionContextCreate) -> ExecutionContext:
        """Store an execution context (sent once); ``ConflictError`` if its hash exists."""
        return await self._send(calls.create_call(create_context, context, calls.read_context))

    # ----------------------------------------------------------------------- metrics

    @listing
    def metrics(self) -> AsyncIterator[Metric]:
        """Every metric, in the order they were stored."""
        return self._pages(calls.METRICS)

    @listing
    def session_metrics(self, session_h: str) -> AsyncIterator[Metric]:
        """The metrics of a session (none for an unknown session)."""
        return self._pages(calls.SESSION_METRICS, session_hash=session_h)

    @listing
    def context_metrics(self, context_h: str) -> AsyncIterator[Metric]:
        """The metrics measured in an execution context (none for an unknown one)."""
        return self._pages(calls.CONTEXT_METRICS, context_hash=context_h)

    @listing
    def item_metrics(self, item: str) -> AsyncIterator[Metric]:
        """The metrics of a test item, by its exact name (``test_solve``)."""
        return self._pages(calls.ITEM_METRICS, item=item)

    @listing
    def item_metrics_like(self, text: str) -> AsyncIterator[Metric]:
        """The metrics of the items whose name holds ``text`` (SQL ``LIKE '%text%'``)."""
        return self._pages(calls.ITEM_METRICS_LIKE, item=text)

    @listing
    def variant_metrics(self, variant: str) -> AsyncIterator[Metric]:
        """The metrics of an item variant, by its exact name (``test_solve[float64]``)."""
        return self._pages(calls.VARIANT_METRICS, variant=variant)

    @listing
    def variant_metrics_like(self, text: str) -> AsyncIterator[Metric]:
        """The metrics of the variants whose name holds ``text`` (SQL ``LIKE``)."""
        return self._pages(calls.VARIANT_METRICS_LIKE, variant=text)

    @listing
    def scope_metrics(self, scope: str) -> AsyncIterator[Metric]:
        """The metrics of one kind of item: ``function``, ``module``, ``package``..."""
        return self._pages(calls.SCOPE_METRICS, scope=scope)

    @listing
    def scm_metrics(self, scm_prefix: str) -> AsyncIterator[Metric]:
        """The metrics of the sessions whose SCM reference starts with ``scm_prefix``."""
        return self._pages(calls.SCM_METRICS, scm_id=scm_prefix)

    @operation
    async def count_metrics(self) -> int:
        """How many metrics the server holds."""
        return await self._send(calls.count_call(count_metrics))

    @operation
    async def count_session_metrics(self, session_h: str) -> int:
        """How many metrics a session has (0 for an unknown session)."""
        return await self._send(calls.count_call(count_session_metrics, session_hash=session_h))

    @operation
    async def count_context_metrics(self, context_h: str) -> int:
        """How many metrics were measured in an execution context."""
        return await self._send(calls.count_call(count_context_metrics, context_hash=context_h))

    @operation
    async def count_item_metrics(self, item: str) -> int:
        """How many metrics a test item has."""
        return await self._send(calls.count_call(count_item_metrics, item=item))

    @operation
    async def count_variant_metrics(self, variant: str) -> int:
        """How many metrics an item variant has."""
        return await self._send(calls.count_call(count_variant_metrics, variant=variant))

    @operation
    async def count_scope_metrics(self, scope: str) -> int:
        """How many metrics one kind of item has."""
        return await self._send(calls.count_call(count_scope_metrics, scope=scope))

    @operation
    async def count_scm_metrics(self, scm_prefix: str) -> int:
        """How many metrics the sessions whose SCM reference starts so have."""
        return await self._send(calls.count_call(count_scm_metrics, scm=scm_prefix))

    @operation
    async def create_metric(self, metric: Metric) -> Metric:
        """Store the metric of one test item (sent once; its session and context need not
        exist)."""
        return await self._send(calls.create_call(create_metric, metric, calls.read_metric))

    # ----------------------------------------------------------------------- components

    @listing
    def components(self) -> AsyncIterator[str | None]:
        """Every distinct component of the metrics, ``""`` (metrics with none) included."""
        return self._pages(calls.COMPONENTS)

    @listing
    def components_by_prefix(self, prefix: str) -> AsyncIterator[str | None]:
        """The distinct components that start with ``prefix`` (SQL ``LIKE``)."""
        return self._pages(calls.COMPONENTS_BY_PREFIX, component=prefix)

    @operation
    async def count_components(self) -> int:
        """How many distinct components there are (the empty one included)."""
        return await self._send(calls.count_call(count_components))

    @listing
    def component_metrics(self, component: str) -> AsyncIterator[Metric]:
        """The metrics of a component (SQL ``LIKE 'component'``: either case, wildcards)."""
        return self._pages(calls.COMPONENT_METRICS, component=component)

    @listing
    def metrics_without_component(self) -> AsyncIterator[Metric]:
        """The metrics that have no component (an empty one)."""
        return self._pages(calls.METRICS_WITHOUT_COMPONENT)

    @listing
    def component_item_metrics(self, component: str, item: str) -> AsyncIterator[Metric]:
        """The metrics of a test item in a component."""
        return self._pages(calls.COMPONENT_ITEM_METRICS, component=component, item=item)

    @listing
    def component_variant_metrics(self, component: str, variant: str) -> AsyncIterator[Metric]:
        """The metrics of an item variant in a component."""
        route = calls.COMPONENT_VARIANT_METRICS
        return self._pages(route, component=component, variant=variant)

    @listing
    def item_metrics_without_component(self, item: str) -> AsyncIterator[Metric]:
        """The metrics of a test item that have no component."""
        return self._pages(calls.ITEM_METRICS_WITHOUT_COMPONENT, item=item)

    @listing
    def variant_metrics_without_component(self, variant: str) -> AsyncIterator[Metric]:
        """The metrics of an item variant that have no component."""
        return self._pages(calls.VARIANT_METRICS_WITHOUT_COMPONENT, variant=variant)

    # ----------------------------------------------------------------------- pipelines

    @listing
    def component_pipelines(self, component: str) -> AsyncIterator[str | None]:
        """The pipelines (``pipeline_branch`` tags) of the sessions that measured a
        component, first metric first; None for a session without the tag."""
        return self._pages(calls.COMPONENT_PIPELINES, component=component)

    @listing
    def component_pipeline_builds(self, component: str, pipeline: str) -> AsyncIterator[str | None]:
        """The builds (``pipeline_build_no`` tags) of a pipeline that measured a component."""
        route = calls.COMPONENT_PIPELINE_BUILDS
        return self._pages(route, component=component, pipeline=pipeline)

    @listing
    def component_pipeline_build_sessions(
        self, component: str, pipeline: str, build: str
    ) -> AsyncIterator[str | None]:
        """The hashes of the sessions of a pipeline's build that measured a component."""
        path = {"component": component, "pipeline": pipeline, "build_no": build}
        return self._pages(calls.COMPONENT_PIPELINE_BUILD_SESSIONS, **path)

    @operation
    async def pipelines(self) -> list[str | None]:
        """Every pipeline (``pipeline_branch`` tag) the sessions name, first session first;
        one answer, not paged."""
        return await self._send(calls.pipelines_call())

    @listing
    def pipeline_builds(self, pipeline: str) -> AsyncIterator[str | None]:
        """The builds (``pipeline_build_no`` tags) of a pipeline's sessions."""
        return self._pages(calls.PIPELINE_BUILDS, pipeline=pipeline)

    @listing
    def pipeline_build_sessions(self, pipeline: str, build: str) -> AsyncIterator[str | None]:
        """The hashes of the sessions of a pipeline's build."""
        return self._pages(calls.PIPELINE_BUILD_SESSIONS, pipeline=pipeline, build_no=build)

    # ----------------------------------------------------------------------- resources

    @operation
    async def resource_head(
        self, resource: Resource, **scope: Unpack[ResourceScope]
    ) -> list[Metric]:
        """The metrics using most of ``resource``, most first: 10, or ``limit`` (the
        server gives 500 at most). Of every metric, or of a ``component``, a ``pipeline``
        or a pipeline's ``build`` (give the pipeline too). Not paged."""
        return await self._send(calls.resource_call(resource, most=True, **scope))

    @operation
    async def resource_tail(
        self, resource: Resource, **scope: Unpack[ResourceScope]
    ) -> list[Metric]:
        """The metrics using least of ``resource``, least first; as ``resource_head``."""
        return await self._send(calls.resource_call(resource, most=False, **scope))


class MonitorServerClient(MonitorServerApi[BlockingSleep], BlockingClient):
    """A monitor-server, e.g. ``MonitorServerClient("http://127.0.0.1:8080")``: listings
    are iterators that fetch pages as you go, the rest return their result. Use it as a
    context manager, or ``close()`` it. (Arguments: see ``MonitorServerApi``.)"""


class AsyncMonitorServerClient(MonitorServerApi[AsyncSleep], AsyncioClient):
    """The asyncio form of ``MonitorServerClient``: the same methods, awaited (the listings
    are async iterators). ``async with`` it, or ``await aclose()``."""
