"""What the outbox asks of any e-invoice provider, and the four ways a request can fail.
A provider is one module implementing ``Provider``; the outbox never sees its HTTP.

- ``issue`` sends an invoice (its key is the idempotency key) and returns the provider's
  answer; ``lookup`` asks whether an invoice with that key exists (None: it does not).
- ``resend_wait_s``: how long after a request whose outcome is unknown the provider may still
  create the invoice; a blind resend before then can make a second one."""

from dataclasses import dataclass
from typing import Protocol

from pos.documents.einvoice import Invoice


@dataclass(frozen=True)
class Answer:
    number: str  # the invoice number; '' while the provider is still numbering it
    tax_authority_code: str  # the tax authority's code (mã của cơ quan thuế)
    reservation_code: str  # the buyer's lookup code (mã tra cứu)


class ProviderProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AccountProblem(ProviderProblem):
    """Credentials, licence or quota: nothing can be sent until a person acts."""


class OrderProblem(ProviderProblem):
    """This invoice's data is refused: it waits for a manager, other symbols go on."""


class NotSent(ProviderProblem):
    """The request never reached the provider (no network, refused): safe to send again."""


class UnknownOutcome(ProviderProblem):
    """Sent, but no clear answer (a timeout, a server error): look the key up first."""


class Provider(Protocol):
    resend_wait_s: float

    def issue(self, invoice: Invoice, original: Answer | None) -> Answer: ...

    def lookup(self, key: str) -> Answer | None: ...
