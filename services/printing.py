"""Which text goes on which paper: drafts and profile to the PDF renderer's inputs."""

from sqlalchemy.orm import Session

from models import Application, Contact, Draft, User
from services import drafts, pdf
from services.composer import channels

CARD_FORMATS = set(pdf.CARD_SIZES)


def sender_of(user: User) -> pdf.Sender:
    return pdf.Sender(
        name=user.signature or user.name or user.display_name,
        email=user.email,
        phone=user.phone,
        postal_address=user.postal_address,
        linkedin_url=user.linkedin_url,
        portfolio_url=user.portfolio_url,
    )


def note_of(contact: Contact, draft: Draft) -> pdf.Note:
    version = draft.current
    return pdf.Note(
        contact_name=contact.name,
        contact_title=contact.title,
        company=contact.application.company,
        recipient_address=contact.postal_address,
        subject=version.subject if version else "",
        body=version.body if version else "",
    )


def _paper(card: bool) -> str:
    """Which channels' text prints here (services.composer.channels, `printed_as`)."""
    return "card" if card else "letter"


def contact_note(session: Session, contact: Contact, user: User, *, card: bool) -> pdf.Note:
    """The text of one person printed on a card (card=True) or a letter (their email or
    wrap-up), composing it if new: the first of their channels that prints there."""
    for draft in drafts.ensure_drafts(session, contact.application, user):
        if draft.contact_id == contact.id and channels.get(draft.channel).printed_as == _paper(
            card
        ):
            return note_of(contact, draft)
    raise LookupError(contact.id)


def batch_notes(
    session: Session, application: Application, user: User, fmt: str, interview_id: str | None
) -> list[pdf.Note]:
    """Every person's card (card formats) or letter (paper formats), optionally of one interview."""
    card = fmt in CARD_FORMATS
    notes = []
    for draft in drafts.ensure_drafts(session, application, user):
        contact = draft.contact
        if channels.get(draft.channel).printed_as != _paper(card):
            continue
        if interview_id and interview_id not in {i.id for i in contact.interviews}:
            continue
        notes.append(note_of(contact, draft))
    return notes
