from enum import StrEnum


class Resource(StrEnum):
    CPU = "cpu"
    KERNEL_TIME = "kernel_time"
    MEMORY = "memory"
    TOTAL_TIME = "total_time"
    USER_TIME = "user_time"

    def __str__(self) -> str:
        return str(self.value)
