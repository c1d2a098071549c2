"""Contains all the data models used in inputs/outputs"""

from .context_page import ContextPage
from .count import Count
from .execution_context import ExecutionContext
from .execution_context_create import ExecutionContextCreate
from .metric import Metric
from .metric_page import MetricPage
from .problem import Problem
from .seed_session_create import SeedSessionCreate
from .session import Session
from .session_create import SessionCreate
from .session_description import SessionDescription
from .session_page import SessionPage
from .tag import Tag

__all__ = (
    "ContextPage",
    "Count",
    "ExecutionContext",
    "ExecutionContextCreate",
    "Metric",
    "MetricPage",
    "Problem",
    "SeedSessionCreate",
    "Session",
    "SessionCreate",
    "SessionDescription",
    "SessionPage",
    "Tag",
)
