"""Jots as candidates really type them on a phone between interviews, plus people, jobs and
profiles to build panels of two to six from them. Data only."""

# (kind, body). Fragments, typos, shorthand, links, emoji, run-on sentences, lower case.
JOTS: tuple[tuple[str, str], ...] = (
    ("topic", "kafka migration"),
    ("topic", "Talked about the on-call rotation 😅"),
    ("topic", "how they do code review - 2 approvals, no self merge"),
    ("topic", "microservices vs. monolith debate"),
    ("topic", "She said the team is moving to rust next quarter. Big deal for perf"),
    ("topic", "discussed feature flags & gradual rollouts!!"),
    ("topic", "re: latency budget for checkout api"),
    ("topic", "the Q3 roadmap"),
    ("topic", "observability stack (grafana, tempo)"),
    ("topic", "convo abt remote work policy, 2 days in office"),
    ("their_work", "she leads the payments team"),
    ("their_work", "built the internal design system!!"),
    ("their_work", "her talk at PyCon on async https://youtu.be/abc123"),
    ("their_work", "Runs the data platform, been there 6 yrs 👏"),
    ("their_work", "he wrote the rate limiter that handles black friday traffic"),
    ("their_work", "maintains the open source SDK"),
    ("their_work", "rebuilt search ranking last year, cut p99 in half"),
    ("their_work", "mentors the junior devs every friday"),
    ("common_ground", "both from ohio"),
    ("common_ground", "we both love bouldering 🧗"),
    ("common_ground", "also has a corgi lol"),
    ("common_ground", "same uni (UW)"),
    ("common_ground", "huge fan of sourdough baking 🍞"),
    ("common_ground", "we both started in QA before moving to backend"),
    ("common_ground", "marathon runner, did Chicago last fall"),
    ("promise", "send link to my kafka talk https://youtu.be/xyz?t=30"),
    ("promise", "send her the repo github.com/samc/ratelimiter."),
    ("promise", "writeup on rate limiter design"),
    ("promise", "share portfolio https://samcarter.dev/work"),
    ("promise", "slides from my talk"),
    ("promise", "email the case study on payments retries"),
    ("question", "what's the onboarding like"),
    ("question", "ask abt team size?"),
    ("question", "ask if they sponsor visas"),
    ("question", "how does the team handle oncall??"),
    ("question", "Q: timeline for decision"),
    ("question", "who would i pair with first month"),
    ("wish_said", "wish i'd said i led the migration at acme"),
    ("wish_said", "forgot to mention 5 yrs of go"),
    ("wish_said", "fumbled the q on CAP theorem"),
    ("wish_said", "should've mentioned my AWS cert"),
    ("wish_said", "blanked on the sql window function question"),
    ("other", "the coffee was great lol"),
    ("other", "office has a rooftop garden 🌱"),
    ("other", "loved the team lunch, tacos"),
    ("topic", "the   the incident review process. really blameless which i liked"),
    ("their_work", "Dana built the whole CI pipeline from scratch, its super fast now"),
    (
        "topic",
        "long one: we went deep on how the ledger service stays consistent across regions "
        "when a write fails halfway through, they use an outbox table plus idempotency keys and "
        "a reconciliation job that runs nightly and pages someone if totals drift by a cent",
    ),
)

# Jots with nothing usable in them: the person still gets a polite, generic note.
EMPTY_JOTS: tuple[tuple[str, str], ...] = (
    ("topic", "   "),
    ("other", "👍👍"),
    ("topic", "..."),
)

# (name, role, email, interview title)
PEOPLE: tuple[tuple[str, str, str, str], ...] = (
    ("Dana Rivera", "interviewer", "dana@acme.example", "System design"),
    ("Dr. Priya Natarajan", "interviewer", "", "Coding: API design"),
    ("Lee Wong", "interviewer", "lee@acme.example", ""),
    ("Marcus Bell", "recruiter", "marcus@acme.example", ""),
    ("Sofia García", "interviewer", "sofia@acme.example", "Hiring manager chat"),
    ("Jo", "other", "", "Lunch"),
    ("Aisha Khan", "hr", "aisha@acme.example", ""),
    ("Tom O'Neill", "interviewer", "tom@acme.example", "Behavioural"),
)

JOBS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Acme",
        "Senior Backend Engineer",
        (
            "5 yrs building payments systems",
            "led a kafka migration at Shopify",
            "python + postgres",
        ),
    ),
    ("Northwind Health", "Staff Product Designer", ("design systems at scale",)),
    ("Globex", "Data Engineer", ()),
    ("Initech", "Engineering Manager role", ("grew a team from 3 to 12", "hiring & mentoring")),
)

# (name, signature, phone, portfolio, linkedin)
PROFILES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Sam Carter",
        "",
        "+1 555 0100",
        "https://samcarter.dev",
        "https://www.linkedin.com/in/samcarter",
    ),
    ("Ana Lima", "Ana Lima\nProduct Designer", "", "https://analima.design", ""),
    ("Kenji Watanabe", "", "", "", ""),
)

TONES = ("warm", "formal", "brief")
GREETING_STYLES = ("first_name", "honorific")
