"""aepublish mock."""
