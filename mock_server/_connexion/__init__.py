"""The connexion adaptation layer: what makes connexion 3.3 (on starlette) serve the mock.

The app factory (``mock_server.app``) hands connexion the specs and the handlers; the
modules here adapt connexion itself:

- ``routing``: every spec is mounted at the root, and connexion 3.3 reaches only the first
  and the last API mounted at one path: the mounts are chained again, a 405 names every
  method of the path, and a request tries only the routes its path can match.
- ``validation``, ``arguments``, ``security``, ``operations``: the work connexion redoes on
  every request (URI parsers, validators, signatures, decorators) done once per operation,
  with connexion's own checks and messages. ``operations`` also puts the middleware chain
  together and turns a handler's dict or list into a JSON response.
- ``fastlane``: a request that passes every check is answered with connexion's own pieces
  but without its middleware chain; any other goes to connexion whole.
- ``jsonify``: answers encoded with orjson. ``problems``: backend errors (and a body that
  is not UTF-8) as problem responses.
- ``server``: closing a client's connection without an answer (the ``disconnect`` fault),
  which ASGI cannot say: under uvicorn, through its request cycle's transport.

It is a package of its own because it is the one part of the mock that knows connexion's
and starlette's insides: it imports private names, subclasses twenty of their classes and
restates several of their methods, so an upgrade of either starts here. ``COUPLING.md``
beside this file lists every such symbol, why it is used and which test notices today when
it changes upstream. The domain (``mock_server.core``, the backends) knows nothing of it.
"""
