"""The Preservica Process Monitor API, with pyPreservica's ``MonitorAPI`` surface.

Code written for ``pyPreservica.MonitorAPI`` runs unchanged: ``monitors(status=, category=)``,
``messages(monitor_id, status=)`` and ``timeseries(monitor_id)`` are generators of dicts
keyed as pyPreservica hands them out (``MonitorId``, ``MessageId``; typed as ``Monitor``,
``Message`` and ``TimeseriesPoint``), the enums have its member names (and ``Debug``), and
credentials come from arguments or the ``PRESERVICA_*`` variables. On top: filters take
several values (and ``subcategory``, ``name``), messages are fetched lazily a large page at
a time, errors are typed (``wrappers.errors``), and ``AsyncMonitorAPI`` is the asyncio form.

The methods are written once (``_api``) for both clients; which generated operation each
call makes and how its answer reads is in ``_calls``, where credentials come from in
``_credentials``.
"""

from wrappers.preservica._api import AsyncMonitorAPI, MonitorAPI
from wrappers.preservica._enums import (
    MessageStatus,
    MessageStatusFilter,
    MonitorCategory,
    MonitorCategoryFilter,
    MonitorStatus,
    MonitorStatusFilter,
)
from wrappers.preservica._records import Message, Monitor, TimeseriesPoint

__all__ = [
    "AsyncMonitorAPI",
    "Message",
    "MessageStatus",
    "MessageStatusFilter",
    "Monitor",
    "MonitorAPI",
    "MonitorCategory",
    "MonitorCategoryFilter",
    "MonitorStatus",
    "MonitorStatusFilter",
    "TimeseriesPoint",
]
