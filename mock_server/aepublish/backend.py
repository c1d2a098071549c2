"""Placeholder until the aepublish backend lands."""


class AepublishBackend:
    def __init__(self, clock, max_batch=1000):
        self.clock = clock

    def reset(self):
        pass

    def load_seed(self, section):
        return {}
