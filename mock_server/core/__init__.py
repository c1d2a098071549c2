"""The mock's domain infrastructure, shared by every API and free of HTTP: the clock every
backend reads time from (``clock``), one instance's settings (``config``), the errors a
backend raises to refuse a request (``errors``), the state holding the clock and one backend
per API (``state``), seed documents and the demo data set (``seed``, checked against the
admin spec's ``SeedDocument`` schema with connexion's JSON Schema validator), and the rule
that every number the mock takes in is finite (``numbers``). Nothing here imports the
connexion adaptation layer (``mock_server._connexion``) or the app.
"""
