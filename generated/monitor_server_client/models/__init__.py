"""Contains all the data models used in inputs/outputs"""

from .bad_description import BadDescription
from .component_page import ComponentPage
from .component_pipeline_build_sessions import ComponentPipelineBuildSessions
from .component_pipeline_builds import ComponentPipelineBuilds
from .component_pipelines import ComponentPipelines
from .context_page import ContextPage
from .count import Count
from .execution_context import ExecutionContext
from .execution_context_create import ExecutionContextCreate
from .message import Message
from .metric import Metric
from .metric_page import MetricPage
from .pipeline_build_sessions import PipelineBuildSessions
from .pipeline_builds import PipelineBuilds
from .pipeline_list import PipelineList
from .problem import Problem
from .resource import Resource
from .resource_metrics import ResourceMetrics
from .scm_session import ScmSession
from .scm_session_page import ScmSessionPage
from .session import Session
from .session_create import SessionCreate
from .session_create_at_hash import SessionCreateAtHash
from .session_description import SessionDescription
from .session_page import SessionPage
from .tag import Tag
from .validation_errors import ValidationErrors
from .validation_errors_errors import ValidationErrorsErrors

__all__ = (
    "BadDescription",
    "ComponentPage",
    "ComponentPipelineBuildSessions",
    "ComponentPipelineBuilds",
    "ComponentPipelines",
    "ContextPage",
    "Count",
    "ExecutionContext",
    "ExecutionContextCreate",
    "Message",
    "Metric",
    "MetricPage",
    "PipelineBuildSessions",
    "PipelineBuilds",
    "PipelineList",
    "Problem",
    "Resource",
    "ResourceMetrics",
    "ScmSession",
    "ScmSessionPage",
    "Session",
    "SessionCreate",
    "SessionCreateAtHash",
    "SessionDescription",
    "SessionPage",
    "Tag",
    "ValidationErrors",
    "ValidationErrorsErrors",
)
