"""Contains all the data models used in inputs/outputs"""

from .account_history import AccountHistory
from .account_history_markers_item import AccountHistoryMarkersItem
from .account_history_successes_item import AccountHistorySuccessesItem
from .account_history_unique_keys_item import AccountHistoryUniqueKeysItem
from .account_history_unique_keys_item_values import AccountHistoryUniqueKeysItemValues
from .aepublish_seed import AepublishSeed
from .clock import Clock
from .clock_change import ClockChange
from .clock_seed import ClockSeed
from .fault_rule import FaultRule
from .health import Health
from .health_status import HealthStatus
from .http_fault_action import HttpFaultAction
from .http_fault_action_disconnect import HttpFaultActionDisconnect
from .http_fault_action_headers import HttpFaultActionHeaders
from .http_fault_list import HttpFaultList
from .http_fault_match import HttpFaultMatch
from .http_fault_match_api import HttpFaultMatchApi
from .http_fault_rule import HttpFaultRule
from .journal import Journal
from .journal_entry import JournalEntry
from .journal_entry_fault_type_0 import JournalEntryFaultType0
from .journal_entry_headers import JournalEntryHeaders
from .journal_entry_query import JournalEntryQuery
from .list_requests_api import ListRequestsApi
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
from .seed_fault import SeedFault
from .seed_message import SeedMessage
from .seed_metric import SeedMetric
from .seed_monitor import SeedMonitor
from .seed_session import SeedSession
from .seed_session_description import SeedSessionDescription
from .seed_timeseries_point import SeedTimeseriesPoint
from .seed_user import SeedUser

__all__ = (
    "AccountHistory",
    "AccountHistoryMarkersItem",
    "AccountHistorySuccessesItem",
    "AccountHistoryUniqueKeysItem",
    "AccountHistoryUniqueKeysItemValues",
    "AepublishSeed",
    "Clock",
    "ClockChange",
    "ClockSeed",
    "FaultRule",
    "Health",
    "HealthStatus",
    "HttpFaultAction",
    "HttpFaultActionDisconnect",
    "HttpFaultActionHeaders",
    "HttpFaultList",
    "HttpFaultMatch",
    "HttpFaultMatchApi",
    "HttpFaultRule",
    "Journal",
    "JournalEntry",
    "JournalEntryFaultType0",
    "JournalEntryHeaders",
    "JournalEntryQuery",
    "ListRequestsApi",
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
    "SeedFault",
    "SeedMessage",
    "SeedMetric",
    "SeedMonitor",
    "SeedSession",
    "SeedSessionDescription",
    "SeedTimeseriesPoint",
    "SeedUser",
)
