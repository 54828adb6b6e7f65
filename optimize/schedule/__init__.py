"""1:1 meetings of a matchmaking day onto time slots and tables.

`Problem` (plain data) → `solve(problem)` → `Schedule` (meetings with slot and table, proven bound).
`greedy_place` is the first-come baseline, `violations` checks any schedule against every rule,
`read_instance`/`write_instance` the JSON format, `generate` the seeded benchmark instances.
"""

from optimize.schedule.engine import solve
from optimize.schedule.generate import MUST_MEET, WOULD_LIKE, generate
from optimize.schedule.greedy import greedy_place
from optimize.schedule.instance import from_dict, read_instance, to_dict, write_instance
from optimize.schedule.problem import (
    Locked,
    Meeting,
    Pair,
    Participant,
    ParticipantId,
    Problem,
    ProblemError,
    Request,
    Schedule,
    pair,
)
from optimize.schedule.refill import refill
from optimize.schedule.tables import assign_tables
from optimize.schedule.validate import violations

__all__ = [
    "MUST_MEET",
    "WOULD_LIKE",
    "Locked",
    "Meeting",
    "Pair",
    "Participant",
    "ParticipantId",
    "Problem",
    "ProblemError",
    "Request",
    "Schedule",
    "assign_tables",
    "from_dict",
    "generate",
    "greedy_place",
    "pair",
    "read_instance",
    "refill",
    "solve",
    "to_dict",
    "violations",
    "write_instance",
]
