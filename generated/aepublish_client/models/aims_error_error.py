from enum import StrEnum


class AimsErrorError(StrEnum):
    ACCOUNT_INACTIVE = "account_inactive"
    PASSWORD_EXPIRED = "password_expired"

    def __str__(self) -> str:
        return str(self.value)
