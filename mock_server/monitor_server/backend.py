"""Placeholder until the monitor-server backend lands."""


class MonitorServerBackend:
    def __init__(self, clock, page_size=500):
        self.clock = clock

    def reset(self):
        pass

    def load_seed(self, section):
        return {}
