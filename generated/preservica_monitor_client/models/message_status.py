from enum import StrEnum


class MessageStatus(StrEnum):
    ERROR = "Error"
    INFO = "Info"
    WARNING = "Warning"

    def __str__(self) -> str:
        return str(self.value)
