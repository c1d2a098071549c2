"""monitor_server mock."""
