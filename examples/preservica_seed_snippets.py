"""The pyPreservica Monitor API documentation's snippets, run against the local mock.

Each snippet is as pyPreservica's documentation has it; only the import line and the
connection arguments differ. Start the mock first (``make serve``: its demo data has the
user test / test of tenant TEST), then run::

    .venv/bin/python examples/preservica_seed_snippets.py

The credentials come from the ``PRESERVICA_*`` environment variables, as with pyPreservica;
unset ones default to the demo user at 127.0.0.1:8080 (``PRESERVICA_SERVER=127.0.0.1:9000``
for a mock on another port). The mock speaks plain HTTP, hence ``protocol="http"``.
"""

import os

from wrappers.preservica import MessageStatus, MonitorAPI, MonitorCategory, MonitorStatus

DEMO = {
    "PRESERVICA_USERNAME": "test",
    "PRESERVICA_PASSWORD": "test",
    "PRESERVICA_TENANT": "TEST",
    "PRESERVICA_SERVER": "127.0.0.1:8080",
}
for variable, value in DEMO.items():
    os.environ.setdefault(variable, value)

# The snippets stay as the documentation writes them, quotes included.
# fmt: off

print("== Monitors")

client = MonitorAPI(protocol="http")

for monitor in client.monitors():
    print(monitor)

print("\n== Monitors, filtered")

client = MonitorAPI(protocol="http")

for monitor in client.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.SUCCEEDED):
    print(monitor)

print("\n== Messages")

client = MonitorAPI(protocol="http")

for monitor in client.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.SUCCEEDED):
    print(monitor)
    for message in client.messages(monitor['MonitorId']):
        print(message)

print("\n== Messages, filtered")

client = MonitorAPI(protocol="http")

for monitor in client.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.SUCCEEDED):
    print(monitor)
    for message in client.messages(monitor['MonitorId'], status=MessageStatus.ERROR):
        print(message)

print("\n== Monitor Timeseries")

for monitor in client.monitors(category=MonitorCategory.INGEST, status=MonitorStatus.RUNNING):
    print(monitor)
    for series in client.timeseries(monitor['MonitorId']):
        print(series)
# fmt: on
