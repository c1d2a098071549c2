"""preservica mock."""
