"""The user's data is theirs: export it (JSON, vCard), import it, let it expire.

One module a job, each taking the session and the user explicitly:
- `document`: the export document's format and the rules its fields follow;
- `export`: the whole account as that document;
- `importing`: a document checked whole, then added to an account;
- `vcard`: an application's people for the phone's address book;
- `retention`: contact details erased when a closed application's time is up.

Deleting the whole account is an account operation: services/accounts.py.
The names below are the package's interface; callers use them as `portability.<name>`.
"""

from services.portability.document import MAX_FILE_BYTES, ImportRefused
from services.portability.export import export_account
from services.portability.importing import (
    EXISTING_CHOICES,
    AlreadyHere,
    ImportSummary,
    Preview,
    already_here,
    import_account,
    import_file,
    preview_import,
    read_document,
)
from services.portability.retention import (
    MAX_RETENTION_DAYS,
    erase_after,
    erase_expired_contact_details,
    set_retention,
)
from services.portability.vcard import vcards

__all__ = [
    "EXISTING_CHOICES",
    "MAX_FILE_BYTES",
    "MAX_RETENTION_DAYS",
    "AlreadyHere",
    "ImportRefused",
    "ImportSummary",
    "Preview",
    "already_here",
    "erase_after",
    "erase_expired_contact_details",
    "export_account",
    "import_account",
    "import_file",
    "preview_import",
    "read_document",
    "set_retention",
    "vcards",
]
