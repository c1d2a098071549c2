from enum import StrEnum


class MessageStatus(StrEnum):
    DEBUG = "Debug"
    ERROR = "Error"
    INFO = "Info"
    WARNING = "Warning"

    def __str__(self) -> str:
        return str(self.value)
