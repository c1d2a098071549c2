"""HTTP side of the monitor-server mock: one method per operationId of
``specs/monitor_server.yaml``. The rules live in ``MonitorServerBackend``.

What is HTTP here is the real server's: the request is read as Flask reads it
(``flask_request``), a page holds ``prev_url`` / ``next_url`` built as its ``url_for``
builds them (``rules``), an empty page is a 204 with no body, and a page out of range is
flask-restx's 404 message, with its "did you mean" list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from connexion.context import receive, scope
from connexion.lifecycle import ConnexionResponse

from mock_server.core.errors import InvalidInput, NotFound
from mock_server.core.state import MockState
from mock_server.monitor_server.backend import (
    DEFAULT_RESOURCE_ELEMENTS,
    MonitorServerBackend,
    Page,
    PageNotFound,
    PageNumber,
    SessionFlags,
)
from mock_server.monitor_server.flask_request import FlaskRequest
from mock_server.monitor_server.rules import BY_RULE, V1, BuildError, did_you_mean

Answer: TypeAlias = tuple[Any, int] | ConnexionResponse

#: werkzeug's text for a 404, which flask-restx completes with its "did you mean".
NOT_FOUND_TEXT = (
    "The requested URL was not found on the server. If you entered the URL manually please "
    "check your spelling and try again."
)


def _no_content() -> ConnexionResponse:
    # The real server's 204 keeps its JSON content type and sends no body.
    return ConnexionResponse(status_code=204, content_type="application/json")


async def _request() -> FlaskRequest:
    """The request as Flask reads it; its body is read only where Flask would read it (a
    JSON content type)."""
    request = FlaskRequest.from_scope(scope._get_current_object())
    if not request.is_json:
        return request
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return request.with_body(b"".join(chunks))


class _Listing:
    """A paged route: the real server's rule, and how its page is written.

    Most pages are ``{items_name: [...]}`` (204 with no body when empty; absent links left
    out). A few are a record naming what is listed (``record``: component, pipeline...),
    always 200, their absent links null.
    """

    def __init__(self, rule: str, items_name: str, **record: Any) -> None:
        self.rule = BY_RULE[f"{V1}{rule}"]
        self.items_name = items_name
        self.record = record or None

    async def answer(
        self,
        list_page: Callable[[PageNumber], Page | None],
        request: FlaskRequest | None = None,
        **view_args: Any,
    ) -> Answer:
        """``view_args``: the path's values as the real server's router gives them, the
        rule's defaults included (they take part in its links)."""
        request = request or await _request()
        try:
            page = list_page(request.page())
        except PageNotFound as error:
            help_text = did_you_mean(request.path)
            message = f"{NOT_FOUND_TEXT[:-1]}. {help_text}" if help_text else NOT_FOUND_TEXT
            raise NotFound(error.detail, body={"message": message}) from error
        if page is None:  # the real server's early "nothing here" (SCM filters)
            return _no_content()
        links = self._links(page, view_args, request)
        if self.record is None:
            if not page.wire:
                return _no_content()
            return {self.items_name: page.wire, **links, "total_page": page.pages}, 200
        body = {**self.record, self.items_name: page.wire, "prev_url": None, "next_url": None}
        return {**body, **links, "total_page": page.pages}, 200

    def _links(
        self, page: Page, view_args: dict[str, Any], request: FlaskRequest
    ) -> dict[str, str]:
        """``prev_url`` / ``next_url`` as the real server's ``url_for`` writes them: the
        path's values, then the query's names (first values; a name may override a path
        value), the page set anew."""
        links: dict[str, str] = {}
        for name, number in (("prev_url", page.prev_page), ("next_url", page.next_page)):
            if number is None:
                continue
            try:
                links[name] = self.rule.build({**view_args, **request.args, "page": number})
            except BuildError as error:
                raise InvalidInput(
                    f"the page links cannot be built: {error} (the real server fails with a 500)"
                ) from error
        return links


_SESSIONS = _Listing("/sessions/", "sessions")
_SESSIONS_BY_PREFIX = _Listing("/sessions/<string:session_hash>", "sessions")


class MonitorServerHandlers:
    def __init__(self, state: MockState) -> None:
        self._state = state

    @property
    def _backend(self) -> MonitorServerBackend:
        return self._state.monitor_server

    async def _write(self, create: Callable[[Any], dict[str, Any]]) -> Answer:
        request = await _request()
        return create(request.json()), 201

    # ------------------------------------------------------------------ sessions

    async def create_session(self) -> Answer:
        return await self._write(self._backend.create_session)

    async def create_session_at(self, session_hash: str) -> Answer:
        return await self._write(lambda body: self._backend.create_session(body, session_hash))

    async def list_sessions(self) -> Answer:
        request = await _request()
        flags = _session_flags(request)
        return await _SESSIONS.answer(
            lambda page: self._backend.list_sessions(page=page, flags=flags),
            request,
            session_hash=None,
        )

    async def list_sessions_by_prefix(self, session_hash: str) -> Answer:
        request = await _request()
        flags = _session_flags(request)
        return await _SESSIONS_BY_PREFIX.answer(
            lambda page: self._backend.list_sessions(session_hash, page, flags),
            request,
            session_hash=session_hash,
        )

    async def count_sessions(self) -> Answer:
        return self._backend.count_sessions(), 200

    async def list_session_metrics(self, session_hash: str) -> Answer:
        return await _Listing("/sessions/<string:session_hash>/metrics", "metrics").answer(
            lambda page: self._backend.list_session_metrics(session_hash, page),
            session_hash=session_hash,
        )

    async def count_session_metrics(self, session_hash: str) -> Answer:
        return self._backend.count_session_metrics(session_hash), 200

    # ------------------------------------------------------------------ contexts

    async def create_context(self) -> Answer:
        return await self._write(self._backend.create_context)

    async def create_context_at(self, environ_hash: str) -> Answer:
        # The real server reads the hash from the body only.
        return await self._write(self._backend.create_context)

    async def list_contexts(self) -> Answer:
        return await _Listing("/contexts/", "contexts").answer(
            lambda page: self._backend.list_contexts(page=page), environ_hash=None
        )

    async def list_contexts_by_prefix(self, environ_hash: str) -> Answer:
        return await _Listing("/contexts/<string:environ_hash>", "contexts").answer(
            lambda page: self._backend.list_contexts(environ_hash, page),
            environ_hash=environ_hash,
        )

    async def count_contexts(self) -> Answer:
        return self._backend.count_contexts(), 200

    async def list_context_metrics(self, context_hash: str) -> Answer:
        return await _Listing("/contexts/<string:context_hash>/metrics", "metrics").answer(
            lambda page: self._backend.list_context_metrics(context_hash, page),
            context_hash=context_hash,
        )

    async def count_context_metrics(self, context_hash: str) -> Answer:
        return self._backend.count_context_metrics(context_hash), 200

    # ------------------------------------------------------------------ metrics

    async def create_metric(self) -> Answer:
        return await self._write(self._backend.create_metric)

    async def list_metrics(self) -> Answer:
        return await _Listing("/metrics/", "metrics").answer(self._backend.list_metrics)

    async def count_metrics(self) -> Answer:
        return self._backend.count_metrics(), 200

    # ------------------------------------------------------------------ items, variants

    async def list_item_metrics(self, item: str) -> Answer:
        return await _Listing("/items/<string:item>/metrics", "metrics").answer(
            lambda page: self._backend.list_item_metrics(item, page), item=item
        )

    async def count_item_metrics(self, item: str) -> Answer:
        return self._backend.count_item_metrics(item), 200

    async def list_item_metrics_like(self, item: str) -> Answer:
        return await _Listing("/items/like/<string:item>/metrics", "metrics").answer(
            lambda page: self._backend.list_item_metrics_like(item, page), item=item
        )

    async def list_variant_metrics(self, variant: str) -> Answer:
        return await _Listing("/variants/<string:variant>/metrics", "metrics").answer(
            lambda page: self._backend.list_variant_metrics(variant, page), variant=variant
        )

    async def count_variant_metrics(self, variant: str) -> Answer:
        return self._backend.count_variant_metrics(variant), 200

    async def list_variant_metrics_like(self, variant: str) -> Answer:
        return await _Listing("/variants/like/<string:variant>/metrics", "metrics").answer(
            lambda page: self._backend.list_variant_metrics_like(variant, page),
            variant=variant,
        )

    # ------------------------------------------------------------------ filters

    async def list_scope_metrics(self, scope: str) -> Answer:
        return await _Listing("/filters/scope/<string:scope>/metrics", "metrics").answer(
            lambda page: self._backend.list_scope_metrics(scope, page), scope=scope
        )

    async def count_scope_metrics(self, scope: str) -> Answer:
        return self._backend.count_scope_metrics(scope), 200

    async def list_scm_metrics(self, scm_id: str) -> Answer:
        return await _Listing("/filters/scm/<string:scm_id>/metrics", "metrics").answer(
            lambda page: self._backend.list_scm_metrics(scm_id, page), scm_id=scm_id
        )

    async def count_scm_metrics(self, scm: str) -> Answer:
        return self._backend.count_scm_metrics(scm), 200

    async def list_scm_sessions(self, scm_id: str) -> Answer:
        return await _Listing("/filters/scm/<string:scm_id>/sessions", "sessions").answer(
            lambda page: self._backend.list_scm_sessions(scm_id, page), scm_id=scm_id
        )

    # ------------------------------------------------------------------ components

    async def list_components(self) -> Answer:
        return await _Listing("/components/", "components").answer(
            lambda page: self._backend.list_components(page=page), component=None
        )

    async def list_components_by_prefix(self, component: str) -> Answer:
        return await _Listing("/components/<string:component>", "components").answer(
            lambda page: self._backend.list_components(component, page), component=component
        )

    async def count_components(self) -> Answer:
        return self._backend.count_components(), 200

    async def list_metrics_without_component(self) -> Answer:
        return await _Listing("/components/metrics", "metrics").answer(
            lambda page: self._backend.list_component_metrics("", page), component=None
        )

    async def list_component_metrics(self, component: str) -> Answer:
        return await _Listing("/components/<string:component>/metrics", "metrics").answer(
            lambda page: self._backend.list_component_metrics(component, page),
            component=component,
        )

    async def list_component_pipelines(self, component: str) -> Answer:
        listing = _Listing(
            "/components/<string:component>/pipelines", "pipelines", component=component
        )
        return await listing.answer(
            lambda page: self._backend.list_component_pipelines(component, page),
            component=component,
        )

    async def list_component_pipeline_builds(self, component: str, pipeline: str) -> Answer:
        listing = _Listing(
            "/components/<string:component>/pipelines/<string:pipeline>/builds",
            "builds",
            component=component,
            pipeline=pipeline,
        )
        return await listing.answer(
            lambda page: self._backend.list_component_builds(component, pipeline, page),
            component=component,
            pipeline=pipeline,
        )

    async def list_component_pipeline_build_sessions(
        self, component: str, pipeline: str, build_no: str
    ) -> Answer:
        listing = _Listing(
            "/components/<string:component>/pipelines/<string:pipeline>/builds/"
            "<string:build_no>/sessions",
            "sessions",
            component=component,
            pipeline=pipeline,
            build=build_no,
        )
        return await listing.answer(
            lambda page: self._backend.list_component_build_sessions(
                component, pipeline, build_no, page
            ),
            component=component,
            pipeline=pipeline,
            build_no=build_no,
        )

    async def list_item_metrics_without_component(self, item: str) -> Answer:
        return await _Listing("/components/items/<string:item>/metrics", "metrics").answer(
            lambda page: self._backend.list_component_item_metrics("", item, page),
            item=item,
            component=None,
        )

    async def list_component_item_metrics(self, component: str, item: str) -> Answer:
        rule = "/components/<string:component>/items/<string:item>/metrics"
        return await _Listing(rule, "metrics").answer(
            lambda page: self._backend.list_component_item_metrics(component, item, page),
            component=component,
            item=item,
        )

    async def list_variant_metrics_without_component(self, variant: str) -> Answer:
        rule = "/components/variants/<string:variant>/metrics"
        return await _Listing(rule, "metrics").answer(
            lambda page: self._backend.list_component_variant_metrics("", variant, page),
            variant=variant,
            component=None,
        )

    async def list_component_variant_metrics(self, component: str, variant: str) -> Answer:
        rule = "/components/<string:component>/variants/<string:variant>/metrics"
        return await _Listing(rule, "metrics").answer(
            lambda page: self._backend.list_component_variant_metrics(component, variant, page),
            component=component,
            variant=variant,
        )

    # ------------------------------------------------------------------ pipelines

    async def list_pipelines(self) -> Answer:
        pipelines = self._backend.list_pipelines()
        if not pipelines:
            return _no_content()
        return {"pipelines": pipelines}, 200

    async def list_pipeline_builds(self, pipeline: str) -> Answer:
        listing = _Listing("/pipelines/<string:pipeline>/builds", "builds", pipeline=pipeline)
        return await listing.answer(
            lambda page: self._backend.list_pipeline_builds(pipeline, page), pipeline=pipeline
        )

    async def list_pipeline_build_sessions(self, pipeline: str, build_no: str) -> Answer:
        listing = _Listing(
            "/pipelines/<string:pipeline>/builds/<string:build_no>/sessions",
            "sessions",
            pipeline=pipeline,
            build=build_no,
        )
        return await listing.answer(
            lambda page: self._backend.list_pipeline_build_sessions(pipeline, build_no, page),
            pipeline=pipeline,
            build_no=build_no,
        )

    # ------------------------------------------------------------------ resources

    # The sixteen head/tail routes: most or least, overall or by component, pipeline or
    # pipeline build (their path values), with a limit or 10 (see _resource_listing).
    async def _resources(self, resource: str, most: bool, max_element: Any, **scope: str) -> Answer:
        metrics = self._backend.resource_metrics(
            resource, most=most, limit=_element_count(max_element), **scope
        )
        return {"metrics": metrics, "prev_url": None, "next_url": None, "total_page": 1}, 200


def _resource_listing(most: bool) -> Callable[..., Any]:
    """A head (``most``) or tail route; connexion passes the path's values by name."""

    async def listing(
        self: MonitorServerHandlers,
        resource: str,
        max_element: Any = DEFAULT_RESOURCE_ELEMENTS,
        **scope: str,
    ) -> Answer:
        return await self._resources(resource, most, max_element, **scope)

    return listing


for _end, _most in (("head", True), ("tail", False)):
    for _scope in ("", "component_", "pipeline_", "build_"):
        for _limited in ("", "_limited"):
            setattr(
                MonitorServerHandlers,
                f"list_{_scope}resource_{_end}{_limited}",
                _resource_listing(_most),
            )


def _element_count(max_element: Any) -> int:
    """werkzeug's ``int`` converter: any run of Unicode digits, read by ``int()``."""
    return int(str(max_element))


def _session_flags(request: FlaskRequest) -> SessionFlags | None:
    """``with_flags`` (description keys, comma-separated), ``restrict_flags`` (the values
    they must hold, in the same order; an empty or missing one: any non-empty value) and
    ``method`` (``match_any``, the default, or anything else for all)."""
    args = request.args
    if not args.get("with_flags", ""):
        return None
    keys = args["with_flags"].split(",")
    values = args.get("restrict_flags", "").split(",")
    values += [""] * (len(keys) - len(values))
    return SessionFlags(keys, values, match_all=args.get("method", "match_any") != "match_any")
