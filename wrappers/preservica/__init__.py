"""The Preservica Process Monitor API, with pyPreservica's ``MonitorAPI`` surface.

Code written for ``pyPreservica.MonitorAPI`` runs unchanged: ``monitors(status=, category=)``,
``messages(monitor_id, status=)`` and ``timeseries(monitor_id)`` are generators of dicts
keyed as pyPreservica hands them out (``MonitorId``, ``MessageId``; typed as ``Monitor``,
``Message`` and ``TimeseriesPoint``), the enums have its member names (and ``Debug``), and
credentials come from arguments or the ``PRESERVICA_*`` variables. On top: filters take
several values (and ``subcategory``, ``name``), messages are fetched lazily a large page at
a time, errors are typed (``wrappers.errors``), and ``AsyncMonitorAPI`` is the asyncio form.

Both clients share everything but the calls themselves: arguments, renaming and page
reading (``_calls``) and credentials and login state (``_session``) are written once;
``_sync`` and ``_async`` only say how a generated operation is called.
"""

from wrappers.preservica._async import AsyncMonitorAPI
from wrappers.preservica._enums import MessageStatus, MonitorCategory, MonitorStatus
from wrappers.preservica._records import Message, Monitor, TimeseriesPoint
from wrappers.preservica._sync import MonitorAPI

__all__ = [
    "AsyncMonitorAPI",
    "Message",
    "MessageStatus",
    "Monitor",
    "MonitorAPI",
    "MonitorCategory",
    "MonitorStatus",
    "TimeseriesPoint",
]
