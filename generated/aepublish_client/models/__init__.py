"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .aims_error import AimsError
from .aims_error_error import AimsErrorError
from .authenticate_response import AuthenticateResponse
from .authentication import Authentication
from .observation import Observation
from .observation_data import ObservationData
from .observation_result import ObservationResult
from .outcome import Outcome
from .problem import Problem
from .publish_response import PublishResponse
from .publish_stats import PublishStats
from .role import Role
from .role_permissions import RolePermissions
from .token_info import TokenInfo
from .user import User

__all__ = (
    "Account",
    "AimsError",
    "AimsErrorError",
    "AuthenticateResponse",
    "Authentication",
    "Observation",
    "ObservationData",
    "ObservationResult",
    "Outcome",
    "Problem",
    "PublishResponse",
    "PublishStats",
    "Role",
    "RolePermissions",
    "TokenInfo",
    "User",
)
