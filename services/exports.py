"""Which text goes on which paper: drafts and profile to the PDF renderer's inputs."""

from sqlalchemy.orm import Session

from models import Application, Contact, Draft, User
from services import drafts, pdf

CARD_FORMATS = set(pdf.CARD_SIZES)
# The notes printed as letters; LinkedIn notes and follow-ups never go on paper.
LETTER_CHANNELS = ("email", "wrapup")


def _on_paper(draft: Draft, card: bool) -> bool:
    return draft.channel == "card" if card else draft.channel in LETTER_CHANNELS


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


def contact_note(session: Session, contact: Contact, user: User, *, card: bool) -> pdf.Note:
    """The card text (card=True) or the email/wrap-up text of one person, composing it if new."""
    for draft in drafts.ensure_drafts(session, contact.application, user):
        if draft.contact_id == contact.id and _on_paper(draft, card):
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
        if not _on_paper(draft, card):
            continue
        if interview_id and interview_id not in {i.id for i in contact.interviews}:
            continue
        notes.append(note_of(contact, draft))
    return notes
