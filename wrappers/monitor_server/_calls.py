"""Which generated operation each monitor-server call makes, with which arguments, and how
its answer reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from importlib import import_module
from types import ModuleType
from typing import Any, Generic, Protocol, TypedDict, TypeVar

import httpx
from monitor_server_client.api.components import (
    list_component_item_metrics,
    list_component_metrics,
    list_component_pipeline_build_sessions,
    list_component_pipeline_builds,
    list_component_pipelines,
    list_component_variant_metrics,
    list_components,
    list_components_by_prefix,
    list_item_metrics_without_component,
    list_metrics_without_component,
    list_variant_metrics_without_component,
)
from monitor_server_client.api.contexts import (
    list_context_metrics,
    list_contexts,
    list_contexts_by_prefix,
)
from monitor_server_client.api.filters import (
    list_scm_metrics,
    list_scm_sessions,
    list_scope_metrics,
)
from monitor_server_client.api.items import list_item_metrics, list_item_metrics_like
from monitor_server_client.api.metrics import list_metrics
from monitor_server_client.api.pipelines import (
    list_pipeline_build_sessions,
    list_pipeline_builds,
    list_pipelines,
)
from monitor_server_client.api.sessions import (
    list_session_metrics,
    list_sessions,
    list_sessions_by_prefix,
)
from monitor_server_client.api.variants import list_variant_metrics, list_variant_metrics_like
from monitor_server_client.models import (
    ComponentPage,
    ComponentPipelineBuilds,
    ComponentPipelineBuildSessions,
    ComponentPipelines,
    ContextPage,
    Count,
    ExecutionContext,
    Metric,
    MetricPage,
    PipelineBuilds,
    PipelineBuildSessions,
    PipelineList,
    Resource,
    ResourceMetrics,
    ScmSessionPage,
    Session,
    SessionCreate,
    SessionDescription,
    SessionPage,
)
from monitor_server_client.types import Unset

from wrappers._core import shapes
from wrappers._core.calls import Call, Malformed, Reply, expect
from wrappers._core.paging import Page
from wrappers.monitor_server._models import MonitorSession

T = TypeVar("T")
R = TypeVar("R")
M = TypeVar("M", bound="_Paged")

FIRST_PAGE = 1  # the server's pages are 1-based

#: A tag value sent in a session filter: the value it must have, or None for any.
TagFilter = Mapping[str, str | None]


class _Paged(Protocol):
    """What every page model has: where the next page is (absent or null on the last)."""

    @property
    def next_url(self) -> str | Unset | None: ...


# --------------------------------------------------------------------------- readers


def next_page(next_url: str | Unset | None, after: int) -> int | None:
    """The page ``next_url`` points at (its ``page`` query value); ``None`` when absent."""
    if next_url is None or isinstance(next_url, Unset):
        return None
    page = httpx.URL(next_url).params.get("page", "")
    # A next page that does not move forward would walk the same pages for ever.
    if not page.isdigit() or int(page) <= after:
        raise Malformed(f"next_url {next_url!r} does not point past page {after}")
    return int(page)


def checked(value: object, model: type[T]) -> T:
    """``value`` if it is a ``model`` whose fields hold the types the spec says."""
    typed = expect(value, model)
    shapes.check(typed)
    return typed


def read_count(reply: Reply) -> int:
    count = checked(reply.parsed, Count).count
    if count < 0:
        raise Malformed(f"the count {count!r} is not a number of things")
    return count


def read_session(reply: Reply) -> MonitorSession:
    return MonitorSession.from_model(checked(reply.parsed, Session))


def read_context(reply: Reply) -> ExecutionContext:
    return checked(reply.parsed, ExecutionContext)


def read_metric(reply: Reply) -> Metric:
    return checked(reply.parsed, Metric)


def read_resource_metrics(reply: Reply) -> list[Metric]:
    return checked(reply.parsed, ResourceMetrics).metrics


def read_pipelines(reply: Reply) -> list[str | None]:
    # An empty list answers 204 with no body.
    return [] if reply.parsed is None else checked(reply.parsed, PipelineList).pipelines


# --------------------------------------------------------------------------- listings


@dataclass(frozen=True)
class Listing(Generic[M, T]):
    """A paged route: its generated operation, its page model and the items of a page.

    Most pages answer an empty listing with 204 and no body. A ``record`` page (a
    component's pipelines, a pipeline's builds, a build's sessions) names what it lists
    and always answers 200.
    """

    operation: ModuleType
    model: type[M]
    items: Callable[[M], Sequence[T]]
    record: bool = False

    def page_call(self, path: Mapping[str, Any], page: int) -> Call[Page[T, int]]:
        """The call fetching ``page`` (the pager's cursor) of this route at ``path``."""
        read = partial(self._read, page)
        return Call(self.operation, {**path, "page": page}, read, empty_ok=not self.record)

    def _read(self, page: int, reply: Reply) -> Page[T, int]:
        if reply.parsed is None:  # 204: nothing to list
            return Page((), None)
        body = checked(reply.parsed, self.model)
        return Page(self.items(body), next_page(body.next_url, after=page))


def _sessions_of(page: SessionPage | ScmSessionPage) -> list[MonitorSession]:
    return [MonitorSession.from_model(session) for session in page.sessions]


def _contexts_of(page: ContextPage) -> list[ExecutionContext]:
    return page.contexts


def _metrics_of(page: MetricPage) -> list[Metric]:
    return page.metrics


def _components_of(page: ComponentPage) -> list[str | None]:
    return page.components


def _metric_listing(operation: ModuleType) -> Listing[MetricPage, Metric]:
    return Listing(operation, MetricPage, _metrics_of)


SESSIONS = Listing(list_sessions, SessionPage, _sessions_of)
SESSIONS_BY_PREFIX = Listing(list_sessions_by_prefix, SessionPage, _sessions_of)
SCM_SESSIONS = Listing(list_scm_sessions, ScmSessionPage, _sessions_of)
CONTEXTS = Listing(list_contexts, ContextPage, _contexts_of)
CONTEXTS_BY_PREFIX = Listing(list_contexts_by_prefix, ContextPage, _contexts_of)
COMPONENTS = Listing(list_components, ComponentPage, _components_of)
COMPONENTS_BY_PREFIX = Listing(list_components_by_prefix, ComponentPage, _components_of)

METRICS = _metric_listing(list_metrics)
SESSION_METRICS = _metric_listing(list_session_metrics)
CONTEXT_METRICS = _metric_listing(list_context_metrics)
ITEM_METRICS = _metric_listing(list_item_metrics)
ITEM_METRICS_LIKE = _metric_listing(list_item_metrics_like)
VARIANT_METRICS = _metric_listing(list_variant_metrics)
VARIANT_METRICS_LIKE = _metric_listing(list_variant_metrics_like)
SCOPE_METRICS = _metric_listing(list_scope_metrics)
SCM_METRICS = _metric_listing(list_scm_metrics)
COMPONENT_METRICS = _metric_listing(list_component_metrics)
METRICS_WITHOUT_COMPONENT = _metric_listing(list_metrics_without_component)
COMPONENT_ITEM_METRICS = _metric_listing(list_component_item_metrics)
COMPONENT_VARIANT_METRICS = _metric_listing(list_component_variant_metrics)
ITEM_METRICS_WITHOUT_COMPONENT = _metric_listing(list_item_metrics_without_component)
VARIANT_METRICS_WITHOUT_COMPONENT = _metric_listing(list_variant_metrics_without_component)

COMPONENT_PIPELINES = Listing(
    list_component_pipelines, ComponentPipelines, lambda page: page.pipelines, record=True
)
COMPONENT_PIPELINE_BUILDS = Listing(
    list_component_pipeline_builds, ComponentPipelineBuilds, lambda page: page.builds, record=True
)
COMPONENT_PIPELINE_BUILD_SESSIONS = Listing(
    list_component_pipeline_build_sessions,
    ComponentPipelineBuildSessions,
    lambda page: page.sessions,
    record=True,
)
PIPELINE_BUILDS = Listing(
    list_pipeline_builds, PipelineBuilds, lambda page: page.builds, record=True
)
PIPELINE_BUILD_SESSIONS = Listing(
    list_pipeline_build_sessions, PipelineBuildSessions, lambda page: page.sessions, record=True
)


def session_filter(tags: TagFilter | None, match_all: bool) -> dict[str, str]:
    """The ``with_flags`` query of a session listing: sessions tagged so (any non-empty
    value where the filter's is None); any one tag or, with ``match_all``, all of them."""
    if not tags:
        return {}
    for name, value in tags.items():
        # The server splits both lists on commas: a comma inside would shift them.
        if "," in name or (value is not None and "," in value):
            raise ValueError(f"a session tag filter cannot hold a comma: {name!r}: {value!r}")
    return {
        "with_flags": ",".join(tags),
        "restrict_flags": ",".join(value or "" for value in tags.values()),
        "method": "match_all" if match_all else "match_any",
    }


def pipelines_call() -> Call[list[str | None]]:
    """Every pipeline the sessions name (one answer: not paged)."""
    return Call(list_pipelines, {}, read_pipelines, empty_ok=True)


# --------------------------------------------------------------------------- resources


class ResourceScope(TypedDict, total=False):
    """Which metrics a head or tail listing ranks: every one, or those of a
    ``component``, a ``pipeline`` or a pipeline's ``build``; ``limit`` of them (10 if
    not given)."""

    component: str
    pipeline: str
    build: str
    limit: int


def resource_call(
    resource: Resource,
    *,
    most: bool,
    component: str | None = None,
    pipeline: str | None = None,
    build: str | None = None,
    limit: int | None = None,
) -> Call[list[Metric]]:
    """The head (``most``) or tail listing of ``resource``, over every metric or those of a
    component, a pipeline or a pipeline's build, 10 or ``limit`` of them."""
    resource = Resource(resource)  # an unknown name raises ValueError here, not a 404 later
    if component is not None and pipeline is not None:
        raise ValueError("give a component or a pipeline, not both")
    if build is not None and pipeline is None:
        raise ValueError("a build is a build of a pipeline: give the pipeline too")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must not be negative, not {limit}")
    scope: dict[str, Any] = {"resource": resource}
    prefix = ""
    if component is not None:
        prefix, scope["component"] = "component_", component
    elif build is not None:
        prefix, scope["pipeline"], scope["build"] = "build_", pipeline, build
    elif pipeline is not None:
        prefix, scope["pipeline"] = "pipeline_", pipeline
    suffix = ""
    if limit is not None:
        suffix, scope["max_element"] = "_limited", limit
    name = f"list_{prefix}resource_{'head' if most else 'tail'}{suffix}"
    operation = import_module(f"monitor_server_client.api.resources.{name}")
    return Call(operation, scope, read_resource_metrics)


# --------------------------------------------------------------------------- writes


def count_call(operation: ModuleType, **path: str) -> Call[int]:
    """A count route: ``{"count": N}`` read as ``N``."""
    return Call(operation, path, read_count)


def create_call(operation: ModuleType, body: object, read: Callable[[Reply], R]) -> Call[R]:
    """A create route; never sent twice (the first may have been stored)."""
    return Call(operation, {"body": body}, read, safe=False)


def new_session(
    session_h: str,
    run_date: str | datetime,
    scm_ref: str | None,
    description: Mapping[str, Any] | None,
) -> SessionCreate:
    """pytest-monitor's form of a new session (``description`` an object, not JSON text;
    ``scm_ref`` always sent, null when there is none, as the server requires)."""
    return SessionCreate(
        session_h=session_h,
        run_date=run_date.isoformat() if isinstance(run_date, datetime) else run_date,
        scm_ref=scm_ref,
        # The server requires a description; no tags is an empty one.
        description=SessionDescription.from_dict(dict(description or {})),
    )
