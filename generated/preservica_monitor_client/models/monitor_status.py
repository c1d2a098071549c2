from enum import StrEnum


class MonitorStatus(StrEnum):
    FAILED = "Failed"
    PENDING = "Pending"
    RECOVERABLE = "Recoverable"
    RUNNING = "Running"
    SUCCEEDED = "Succeeded"
    SUSPENDED = "Suspended"

    def __str__(self) -> str:
        return str(self.value)
