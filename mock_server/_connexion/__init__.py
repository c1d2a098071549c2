"""The connexion adaptation layer: what makes connexion 3.3 (on starlette) serve the mock.

The app factory (``mock_server.app``) hands connexion the specs and the handlers; the
modules here put connexion together and adapt it, through its documented options wherever
it has one:

- ``apps``: one connexion app per spec (connexion 3.3 reaches only the first and the last
  of several APIs mounted at one path), either the mock's (``full_app``) or connexion as it
  comes (``stock_app``, what ``--no-fast-lane`` serves and the tests compare the mock with);
  ``dispatch`` hands each request to the app of its spec.
- ``limits``: what a request may be (target, query, headers, body) before anything parses
  it; refused at once otherwise.
- ``validation`` (``validator_map``, ``uri_parser_class``), ``security`` (``security_map``),
  ``jsonify`` (``jsonifier``), ``problems`` (the error handlers): connexion's checks and
  messages with the per-operation work done once, JSON read by
  ``mock_server.core.numbers``, refusals bounded; request validation that collects every
  contract violation for the APIs that report them or ``--strict``.
- ``fastlane`` (first in the middleware list), with ``routing`` and ``arguments``: a request
  that passes every check is answered with connexion's own pieces but without its
  middleware chain; any other goes to connexion whole, and so does a handler's error, to
  be answered by connexion's error middlewares.
- ``server``: closing a client's connection without an answer (the ``disconnect`` fault),
  which ASGI cannot say: under uvicorn, through its request cycle's transport;
  ``shutdown``: uvicorn's server ending the faults' latency waits on SIGTERM/SIGINT.

It is a package of its own because it is the one part of the mock that knows connexion's
and starlette's insides: it imports private names, subclasses some of their classes and
restates a few of their functions, so an upgrade of either starts here. ``COUPLING.md``
beside this file lists every such symbol, why it is used and the test that fails when it
changes upstream. The domain (``mock_server.core``, the backends) knows nothing of it.
"""
