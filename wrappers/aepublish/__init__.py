"""Alert Logic aepublish: publish observations with typed outcomes, AIMS login and retries.

Mirrors almdrlib's ``client('aepublish').publish_observations(account_id=, data=)`` and adds
what users of the generated client ask for: the ``Outcome`` enum, one typed
``ObservationResult`` per observation, a lazy AIMS login renewed once when the token has
expired, and ``publish()``, which re-sends only the observations the service asked to retry.
Unlike a client made by ``almdrlib.client(...)``, which returns a 4xx/5xx answer, every
error status raises a typed ``wrappers.errors`` exception (AIMS' refusals to log in too).

The methods are written once (``_api``) for ``AepublishClient`` and
``AsyncAepublishClient``; the calls and their answers are in ``_answers``, ``publish()``'s
bookkeeping and retry policy in ``_publication``.
"""

from aepublish_client.models import Outcome

from wrappers.aepublish._answers import ObservationResult
from wrappers.aepublish._api import AepublishClient, AsyncAepublishClient

__all__ = ["AepublishClient", "AsyncAepublishClient", "ObservationResult", "Outcome"]
