"""What happens to a request of a served API before and around its operation: the request
journal and the HTTP fault rules (``middleware``), and the routing of a request to its API
and operation from the specs (``routes``). The rules and the journal's entries are domain
state (``mock_server.core.faults``, ``mock_server.core.journal``); applying them is HTTP.
"""
