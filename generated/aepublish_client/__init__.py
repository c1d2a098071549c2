"""A client library for accessing Alert Logic aepublish (with the AIMS calls its clients need)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
