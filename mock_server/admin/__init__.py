"""The mock's own control plane under /_mock/."""
