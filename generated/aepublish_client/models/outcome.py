from enum import StrEnum


class Outcome(StrEnum):
    DUPLICATE = "duplicate"
    ERROR = "error"
    RETRY = "retry"
    SUCCESS = "success"
    SUPPRESSED = "suppressed"
    THROTTLED = "throttled"

    def __str__(self) -> str:
        return str(self.value)
