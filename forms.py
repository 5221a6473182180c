"""WTForms for every page that takes input; messages are shown beside their fields."""

from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from models import (
    CONTACT_GREETINGS,
    CONTACT_ROLES,
    FOLLOWUP_DAYS_MAX,
    GREETINGS,
    INTERVIEW_FORMATS,
    LINKEDIN_LIMITS,
    PAPERS,
    POINT_KINDS,
    POINT_MAX,
    TONES,
)
from services import fields
from services.cleaning import clean_text
from services.passwords import MAX_LENGTH, password_problem
from services.schedule import parse_person

EMAIL_MESSAGE = "Enter an email address like name@example.com."
URL_MESSAGE = "Enter a full web address starting with https://, with no spaces."
LINKEDIN_MESSAGE = (
    "Enter their LinkedIn profile address, like https://www.linkedin.com/in/dana-rivera."
)


def _choices(labels: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


def _strip(value):
    return clean_text(value).strip() if isinstance(value, str) else value


def _one_line(value):
    """Names, titles and addresses of one line never carry line breaks (they go in headers)."""
    return " ".join(value.split()) if isinstance(value, str) else value


class StrippedForm(FlaskForm):
    """Text arrives cleaned: no control characters, trimmed, and one line where one is meant."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            field_class = unbound_field.field_class
            filters = unbound_field.kwargs.get("filters", ())
            # Passwords are taken exactly as typed.
            if not issubclass(field_class, PasswordField):
                if issubclass(field_class, StringField) and not issubclass(
                    field_class, TextAreaField
                ):
                    filters = (_one_line, *filters)
                filters = (_strip, *filters)
            options["filters"] = filters
            return unbound_field.bind(form=form, **options)


class Rule:
    """A rule of services/fields.py as a form validator, so a form accepts exactly what sync
    and import accept (and an account's own export always imports again)."""

    def __init__(self, rule: fields.Rule, message: str):
        self.rule = rule
        self.message = message

    def __call__(self, form, field):
        try:
            field.data = self.rule(field.data)
        except fields.FieldError as error:
            too_long = error.problem.startswith("is longer than")
            raise ValidationError(f"This {error.plain}." if too_long else self.message) from None


def _web_url(label: str, **kwargs) -> URLField:
    return URLField(
        label,
        validators=[Optional(), Rule(fields.link(500), URL_MESSAGE)],
        **kwargs,
    )


class RegisterForm(StrippedForm):
    email = EmailField(
        "Email",
        validators=[DataRequired(EMAIL_MESSAGE), Rule(fields.email, EMAIL_MESSAGE)],
        render_kw={"autocomplete": "email"},
    )
    password = PasswordField("Password", validators=[DataRequired("Choose a password.")])
    name = StringField(
        "Your name (optional)",
        validators=[Optional(), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    timezone = HiddenField()
    remember = BooleanField("Keep me signed in on this device for 30 days")

    def validate_password(self, field):
        problem = password_problem(field.data or "", (self.email.data or "", self.name.data or ""))
        if problem:
            raise ValidationError(problem)


class LoginForm(StrippedForm):
    email = EmailField(
        "Email",
        validators=[DataRequired(EMAIL_MESSAGE), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=MAX_LENGTH)]
    )
    remember = BooleanField("Keep me signed in for 30 days")


class ForgotPasswordForm(StrippedForm):
    email = EmailField(
        "Email",
        validators=[DataRequired(EMAIL_MESSAGE), Rule(fields.email, EMAIL_MESSAGE)],
        render_kw={"autocomplete": "email"},
    )


class ResetPasswordForm(StrippedForm):
    """A new password, judged against the account's own email and name (`context`)."""

    password = PasswordField(
        "New password",
        validators=[DataRequired("Choose a new password.")],
        render_kw={"autocomplete": "new-password"},
    )

    def __init__(self, *args, context: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self._context = context

    def validate_password(self, field):
        problem = password_problem(field.data or "", self._context)
        if problem:
            raise ValidationError(problem)


class ChangePasswordForm(ResetPasswordForm):
    current = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password."), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )


class ApplicationForm(StrippedForm):
    company = StringField(
        "Company", validators=[DataRequired("Enter the company's name."), Length(max=200)]
    )
    role = StringField(
        "Role", validators=[DataRequired("Enter the role you applied for."), Length(max=200)]
    )
    posting_url = _web_url("Job posting link (optional)")
    fit_points = TextAreaField(
        "Why I fit (one point a line, to restate in your notes)",
        validators=[Optional(), Length(max=2000)],
    )


INVITE_LABEL = "Calendar invite (.ics), optional"


class NewApplicationForm(ApplicationForm):
    invite = FileField(INVITE_LABEL)
    # Made when the form is shown: sending it twice creates one application.
    record_id = HiddenField()


class ScheduleForm(StrippedForm):
    day = DateField("Interview day", validators=[DataRequired("Pick the day of the interviews.")])
    text = TextAreaField(
        "Schedule, as you received it",
        validators=[Optional(), Length(max=20000)],
    )
    invite = FileField("Or a calendar invite (.ics)")


class InterviewForm(StrippedForm):
    title = StringField("What it was (optional)", validators=[Optional(), Length(max=200)])
    day = DateField("Day", validators=[DataRequired("Pick the day.")])
    start = TimeField("Starts", validators=[Optional()])
    end = TimeField("Ends (optional)", validators=[Optional()])
    format = SelectField("Format", choices=_choices(INTERVIEW_FORMATS))
    location = StringField("Where (optional)", validators=[Optional(), Length(max=300)])
    round = StringField("Round (optional)", validators=[Optional(), Length(max=100)])
    people = TextAreaField(
        "People in it (one a line: name, title)", validators=[Optional(), Length(max=4000)]
    )

    def validate_people(self, field):
        unread = [
            line.strip()
            for line in (field.data or "").splitlines()
            if line.strip() and parse_person(line) is None
        ]
        if unread:
            raise ValidationError("We could not read a name in: " + "; ".join(unread))

    def validate_end(self, field):
        if field.data and self.start.data and field.data <= self.start.data:
            raise ValidationError("The end must be after the start.")


class NewInterviewForm(InterviewForm):
    """Adding an interview asks for when it starts and who was in it: an empty form would
    otherwise make a 09:00 interview with no one."""

    start = TimeField("Starts", validators=[DataRequired("Enter when it starts, e.g. 10:00.")])
    # Made when the form is shown: sending it twice adds one interview.
    record_id = HiddenField()
    people = TextAreaField(
        "People in it (one a line: name, title)",
        validators=[
            DataRequired("Add at least one person you met: a name, then a comma and their role."),
            Length(max=4000),
        ],
    )


class QuickPersonForm(StrippedForm):
    person = StringField(
        "Add someone who was not on the schedule",
        validators=[DataRequired("Type a name, then a comma and their role."), Length(max=300)],
        render_kw={"placeholder": "Name, role (e.g. Ana Ortiz, Designer)"},
    )


class ContactForm(StrippedForm):
    name = StringField("Name", validators=[DataRequired("Enter their name."), Length(max=200)])
    title = StringField("Job title", validators=[Optional(), Length(max=200)])
    role = SelectField("Role in the process", choices=_choices(CONTACT_ROLES))
    email = EmailField("Email", validators=[Optional(), Rule(fields.email, EMAIL_MESSAGE)])
    phone = StringField("Phone", validators=[Optional(), Length(max=40)])
    # Only a linkedin.com address: "Open their profile" on the LinkedIn note opens it.
    linkedin_url = URLField(
        "LinkedIn profile",
        validators=[Optional(), Rule(fields.linkedin(500), LINKEDIN_MESSAGE)],
    )
    postal_address = TextAreaField("Postal address", validators=[Optional(), Length(max=500)])

    got_card = BooleanField("I have their business card")
    greeting_style = SelectField("How to greet them", choices=_choices(CONTACT_GREETINGS))


class ReadingForm(StrippedForm):
    reading = TextAreaField(
        "How the drafts say it",
        validators=[
            Optional(),
            Length(max=POINT_MAX, message=f"Keep it under {POINT_MAX:,} characters."),
        ],
    )


class PointForm(StrippedForm):
    kind = RadioField(
        "Kind",
        choices=_choices(POINT_KINDS),
        default="topic",
        validators=[DataRequired("Choose what kind of point this is.")],
    )
    body = TextAreaField(
        "Talking point",
        validators=[DataRequired("Type the point before saving.")],
        # No maxlength: a browser cuts a longer paste silently, mid-word. static/js/counter.js
        # counts instead, and the server refuses with the limit (the text stays in the box).
        render_kw={"data-limit": POINT_MAX},
    )
    interview_id = HiddenField()
    # The new point's id, made when the form is shown: a double submit, Back and resubmit, or
    # the offline fallback resending it all name the same point, which is saved once.
    point_id = HiddenField()

    def validate_body(self, field):
        if len(field.data or "") > POINT_MAX:
            raise ValidationError(
                f"Keep a point under {POINT_MAX:,} characters (now {len(field.data):,}). "
                "Nothing was saved; shorten it and save again."
            )


class ProfileForm(StrippedForm):
    name = StringField("Your name", validators=[DataRequired("Enter your name."), Length(max=120)])
    signature = StringField("Sign-off name (optional)", validators=[Optional(), Length(max=200)])
    phone = StringField("Phone", validators=[Optional(), Length(max=40)])
    portfolio_url = _web_url("Portfolio link")
    linkedin_url = _web_url("LinkedIn profile")
    postal_address = TextAreaField("Postal address", validators=[Optional(), Length(max=500)])
    tone = SelectField("Tone of your notes", choices=_choices(TONES))
    greeting_style = SelectField("Greeting", choices=_choices(GREETINGS))
    paper = SelectField("Paper for letters", choices=_choices(PAPERS))
    linkedin_note_limit = SelectField(
        "LinkedIn connection note limit",
        choices=[SelectChoice(value, label) for value, label in LINKEDIN_LIMITS.items()],
        coerce=int,
    )
    timezone = StringField(
        "Time zone", validators=[DataRequired("Enter a time zone."), Length(max=64)]
    )

    def validate_timezone(self, field):
        if field.data not in available_timezones():
            raise ValidationError("Enter a time zone like Europe/Berlin or America/New_York.")


class FollowupForm(StrippedForm):
    """How long to wait for a reply before the follow-up is due."""

    followup_days = IntegerField(
        "Follow up after this many days without a reply",
        validators=[
            DataRequired(f"Enter a number of days from 1 to {FOLLOWUP_DAYS_MAX}."),
            NumberRange(1, FOLLOWUP_DAYS_MAX, f"Choose from 1 to {FOLLOWUP_DAYS_MAX} days."),
        ],
        render_kw={"inputmode": "numeric", "min": 1, "max": FOLLOWUP_DAYS_MAX},
    )
