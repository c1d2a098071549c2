"""Placeholder until the Preservica backend lands."""


class PreservicaBackend:
    def __init__(self, clock):
        self.clock = clock

    def reset(self):
        pass

    def load_seed(self, section):
        return {}
