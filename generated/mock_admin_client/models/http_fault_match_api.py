from enum import StrEnum


class HttpFaultMatchApi(StrEnum):
    AEPUBLISH = "aepublish"
    MONITOR_SERVER = "monitor_server"
    PRESERVICA = "preservica"

    def __str__(self) -> str:
        return str(self.value)
