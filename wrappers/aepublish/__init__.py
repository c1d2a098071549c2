"""Alert Logic aepublish: publish observations with typed outcomes, AIMS login and retries.

Mirrors almdrlib's ``client('aepublish').publish_observations(account_id=, data=)`` and adds
what users of the generated client ask for: the ``Outcome`` enum, one typed
``ObservationResult`` per observation, a lazy AIMS login renewed once when the token has
expired, and ``publish()``, which re-sends only the observations the service asked to retry.
Unlike a client made by ``almdrlib.client(...)``, which returns a 4xx/5xx answer, every
error status raises a typed ``wrappers.errors`` exception (AIMS' refusals to log in too).

``AepublishClient`` and ``AsyncAepublishClient`` share everything but the calls themselves:
reading answers (``_answers``), the retry policy (``_retries``) and the login state
(``_session``) are written once; ``_sync`` and ``_async`` only say how a generated operation
is called (``sync_detailed`` or ``await asyncio_detailed``).
"""

from aepublish_client.models import Outcome

from wrappers.aepublish._answers import ObservationResult
from wrappers.aepublish._async import AsyncAepublishClient
from wrappers.aepublish._sync import AepublishClient

__all__ = ["AepublishClient", "AsyncAepublishClient", "ObservationResult", "Outcome"]
