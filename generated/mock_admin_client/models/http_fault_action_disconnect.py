from enum import StrEnum


class HttpFaultActionDisconnect(StrEnum):
    BEFORE_RESPONSE = "before_response"
    MID_BODY = "mid_body"

    def __str__(self) -> str:
        return str(self.value)
