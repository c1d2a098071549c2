"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .login_form import LoginForm
from .message import Message
from .message_page import MessagePage
from .message_page_response import MessagePageResponse
from .message_status import MessageStatus
from .monitor import Monitor
from .monitor_category import MonitorCategory
from .monitor_list import MonitorList
from .monitor_list_response import MonitorListResponse
from .monitor_paging import MonitorPaging
from .monitor_status import MonitorStatus
from .paging import Paging
from .problem import Problem
from .refresh_form import RefreshForm
from .timeseries import Timeseries
from .timeseries_point import TimeseriesPoint
from .timeseries_response import TimeseriesResponse
from .user_details import UserDetails

__all__ = (
    "AccessToken",
    "LoginForm",
    "Message",
    "MessagePage",
    "MessagePageResponse",
    "MessageStatus",
    "Monitor",
    "MonitorCategory",
    "MonitorList",
    "MonitorListResponse",
    "MonitorPaging",
    "MonitorStatus",
    "Paging",
    "Problem",
    "RefreshForm",
    "Timeseries",
    "TimeseriesPoint",
    "TimeseriesResponse",
    "UserDetails",
)
