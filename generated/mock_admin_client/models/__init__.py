"""Contains all the data models used in inputs/outputs"""

from .aepublish_seed import AepublishSeed
from .clock import Clock
from .clock_change import ClockChange
from .fault_rule import FaultRule
from .health import Health
from .health_status import HealthStatus
from .message_status import MessageStatus
from .monitor import Monitor
from .monitor_advance import MonitorAdvance
from .monitor_category import MonitorCategory
from .monitor_server_seed import MonitorServerSeed
from .monitor_status import MonitorStatus
from .observation_definition import ObservationDefinition
from .preservica_seed import PreservicaSeed
from .problem import Problem
from .seed_account import SeedAccount
from .seed_context import SeedContext
from .seed_counts import SeedCounts
from .seed_counts_additional_property import SeedCountsAdditionalProperty
from .seed_document import SeedDocument
from .seed_message import SeedMessage
from .seed_metric import SeedMetric
from .seed_monitor import SeedMonitor
from .seed_session import SeedSession
from .seed_session_description import SeedSessionDescription
from .seed_timeseries_point import SeedTimeseriesPoint
from .seed_user import SeedUser

__all__ = (
    "AepublishSeed",
    "Clock",
    "ClockChange",
    "FaultRule",
    "Health",
    "HealthStatus",
    "MessageStatus",
    "Monitor",
    "MonitorAdvance",
    "MonitorCategory",
    "MonitorServerSeed",
    "MonitorStatus",
    "ObservationDefinition",
    "PreservicaSeed",
    "Problem",
    "SeedAccount",
    "SeedContext",
    "SeedCounts",
    "SeedCountsAdditionalProperty",
    "SeedDocument",
    "SeedMessage",
    "SeedMetric",
    "SeedMonitor",
    "SeedSession",
    "SeedSessionDescription",
    "SeedTimeseriesPoint",
    "SeedUser",
)
