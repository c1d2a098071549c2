from enum import StrEnum


class MonitorCategory(StrEnum):
    AUTOMATED = "Automated"
    DATAMANAGEMENT = "DataManagement"
    EXPORT = "Export"
    INGEST = "Ingest"

    def __str__(self) -> str:
        return str(self.value)
