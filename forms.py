"""WTForms for every page that takes input; messages are shown beside their fields."""

from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Email, Length, Optional, ValidationError

from models import (
    CONTACT_GREETINGS,
    CONTACT_ROLES,
    GREETINGS,
    INTERVIEW_FORMATS,
    PAPERS,
    POINT_KINDS,
    POINT_MAX,
    TONES,
)
from services.cleaning import clean_text
from services.passwords import MAX_LENGTH, password_problem
from services.schedule import parse_person

EMAIL_MESSAGE = "Enter an email address like name@example.com."
URL_MESSAGE = "Enter a full web address starting with https://"


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


def _web_url(label: str, **kwargs) -> URLField:
    return URLField(
        label,
        validators=[Optional(), URL(require_tld=True, message=URL_MESSAGE), Length(max=500)],
        **kwargs,
    )


class RegisterForm(StrippedForm):
    email = EmailField(
        "Email",
        validators=[DataRequired(EMAIL_MESSAGE), Email(EMAIL_MESSAGE), Length(max=254)],
        render_kw={"autocomplete": "email"},
    )
    password = PasswordField("Password", validators=[DataRequired("Choose a password.")])
    name = StringField(
        "Your name (optional)",
        validators=[Optional(), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    timezone = HiddenField()

    def validate_password(self, field):
        problem = password_problem(field.data or "")
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


class ScheduleForm(StrippedForm):
    day = DateField("Interview day", validators=[DataRequired("Pick the day of the interviews.")])
    text = TextAreaField(
        "Schedule, one line per slot",
        validators=[DataRequired("Paste at least one line of the schedule."), Length(max=20000)],
    )


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
    email = EmailField("Email", validators=[Optional(), Email(EMAIL_MESSAGE), Length(max=254)])
    phone = StringField("Phone", validators=[Optional(), Length(max=40)])
    linkedin_url = _web_url("LinkedIn profile")
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
        validators=[
            DataRequired("Type the point before saving."),
            Length(max=POINT_MAX, message=f"Keep a point under {POINT_MAX:,} characters."),
        ],
    )
    interview_id = HiddenField()


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
    timezone = StringField(
        "Time zone", validators=[DataRequired("Enter a time zone."), Length(max=64)]
    )

    def validate_timezone(self, field):
        if field.data not in available_timezones():
            raise ValidationError("Enter a time zone like Europe/Berlin or America/New_York.")
