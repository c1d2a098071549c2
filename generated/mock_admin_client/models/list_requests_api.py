from enum import StrEnum


class ListRequestsApi(StrEnum):
    AEPUBLISH = "aepublish"
    MONITOR_SERVER = "monitor_server"
    PRESERVICA = "preservica"

    def __str__(self) -> str:
        return str(self.value)
