"""Hub programmes: calls, applications, evaluation, selection, agreements, the ledger and results."""

from dxhub.programmes.models.agreements import (
    Agreement,
    ChangeRequest,
    FollowUp,
    LedgerEntry,
    Milestone,
    ProjectResult,
)
from dxhub.programmes.models.calls import (
    Application,
    ApplicationDocument,
    ApplicationMember,
    BudgetLine,
    Call,
    CallQuota,
    RubricCriterion,
)
from dxhub.programmes.models.evaluation import Conflict, Panel, Review, SelectionRun

__all__ = [
    "Agreement",
    "Application",
    "ApplicationDocument",
    "ApplicationMember",
    "BudgetLine",
    "Call",
    "CallQuota",
    "ChangeRequest",
    "Conflict",
    "FollowUp",
    "LedgerEntry",
    "Milestone",
    "Panel",
    "ProjectResult",
    "Review",
    "RubricCriterion",
    "SelectionRun",
]
