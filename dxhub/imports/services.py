"""Imports of companies and needs: a dry run that lists every problem, then an all-or-nothing commit.

The check stores the uploaded bytes in an ImportJob, so the commit re-reads exactly the file the
operator saw checked, and re-validates it: the database may have changed in between. The commit
writes everything in one transaction or nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from dxhub.companies.rows import CompanyRow
from dxhub.companies.services import companies_bulk_write
from dxhub.core.bulk import Written
from dxhub.hubs.models import Hub
from dxhub.imports.cells import Scope
from dxhub.imports.columns import COMPANY_COLUMNS, COMPANY_REQUIRED, NEED_COLUMNS, NEED_IGNORED, NEED_REQUIRED
from dxhub.imports.lookups import Reference
from dxhub.imports.models import ImportJob
from dxhub.imports.parsing import RowError, parse
from dxhub.imports.validate_companies import validate_companies
from dxhub.imports.validate_needs import validate_needs
from dxhub.needs.rows import NeedRow
from dxhub.needs.services import needs_bulk_write

KINDS = tuple(ImportJob.Kind.values)
# The job page shows the first errors; a file with more has a systematic problem to fix first.
MAX_STORED_ERRORS = 1000


@dataclass
class ImportResult:
    """What a check found or a commit did: counts, every error, and the job holding the file."""

    kind: str
    filename: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    committed: bool = False
    job: ImportJob | None = None

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def summary(self) -> dict[str, Any]:
        """The JSON kept on the job, so that its page needs no re-validation."""
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_count": self.error_count,
            "errors": [[e.row, e.column, e.message] for e in self.errors[:MAX_STORED_ERRORS]],
            "ignored_columns": self.ignored_columns,
        }

    @classmethod
    def from_job(cls, job: ImportJob) -> ImportResult:
        s = job.summary or {}
        return cls(
            kind=job.kind,
            filename=job.filename,
            rows=s.get("rows", 0),
            created=s.get("created", 0),
            updated=s.get("updated", 0),
            unchanged=s.get("unchanged", 0),
            errors=[RowError(row, column, message) for row, column, message in s.get("errors", [])],
            error_count=s.get("error_count", 0),
            ignored_columns=s.get("ignored_columns", []),
            committed=job.status == ImportJob.Status.COMMITTED,
            job=job,
        )


@dataclass
class Plan:
    """A validated file: the rows to write and the problems that stop it."""

    result: ImportResult
    rows: list[CompanyRow] | list[NeedRow]
    ref: Reference


def _plan(*, kind: str, filename: str, content: bytes, scope: Scope) -> Plan:
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; one of {', '.join(KINDS)}")
    ref = Reference.load()
    rows: list[CompanyRow] | list[NeedRow]
    if kind == ImportJob.Kind.COMPANIES:
        sheet = parse(filename, content, columns=COMPANY_COLUMNS, required=COMPANY_REQUIRED)
        rows, errors = validate_companies(sheet, ref, scope)
    else:
        sheet = parse(filename, content, columns=NEED_COLUMNS, required=NEED_REQUIRED, ignored=NEED_IGNORED)
        rows, errors = validate_needs(sheet, ref, scope)
    errors.sort(key=lambda e: (e.row, e.column))
    result = ImportResult(
        kind=kind,
        filename=filename,
        rows=len(sheet.rows),
        errors=errors,
        error_count=len(errors),
        ignored_columns=sheet.ignored_columns,
    )
    result.created = sum(1 for r in rows if r.is_new)
    result.unchanged = sum(1 for r in rows if r.is_unchanged)
    result.updated = len(rows) - result.created - result.unchanged
    return Plan(result=result, rows=rows, ref=ref)


def _write(plan: Plan, *, user: Any, job: ImportJob) -> None:
    """The kind's bulk service writes the rows, their search text and audit entries, and announces once."""
    note = {"import_job": job.pk, "file": job.filename}
    rows, ref = plan.rows, plan.ref
    written: Written
    if job.kind == ImportJob.Kind.COMPANIES:
        written = companies_bulk_write(
            [r for r in rows if isinstance(r, CompanyRow)],
            actor=user,
            note=note,
            capabilities=ref.capability_by_id,
            ksic_names=ref.ksic,
        )
    else:
        written = needs_bulk_write(
            [r for r in rows if isinstance(r, NeedRow)],
            actor=user,
            note=note,
            capabilities=ref.capability_by_id,
        )
    plan.result.created, plan.result.updated = written.created, written.updated
    plan.result.unchanged, plan.result.committed = written.unchanged, True


def _conflict(result: ImportResult) -> ImportResult:
    """Another write to the same records (say, the same new business number) won the race."""
    message = _("The same records changed while importing, so nothing was written. Check the file again.")
    result.errors, result.error_count = [RowError(0, "", message)], 1
    return result


def _job_hub(user: Any, hub: Hub | None) -> Hub | None:
    return getattr(user, "hub", None) if getattr(user, "is_operator", False) else hub


def _uploader(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def import_check(
    *, kind: str, filename: str, content: bytes, user: Any, hub: Hub | None = None
) -> ImportResult:
    """Dry run: parse and validate, write nothing but the job that keeps the file for its commit.

    `hub` is where rows without 거점 go when ministry staff import; an operator's rows go to their hub.
    """
    plan = _plan(kind=kind, filename=filename, content=content, scope=Scope.for_user(user, hub))
    plan.result.job = ImportJob.objects.create(
        kind=kind,
        filename=filename[:200],
        content=content,
        uploaded_by=_uploader(user),
        hub=_job_hub(user, hub),
        summary=plan.result.summary(),
    )
    return plan.result


def import_commit(job: ImportJob, *, user: Any) -> ImportResult:
    """Re-validate the job's file and write all of it in one transaction, or nothing if any row fails.

    A second commit of the same job (a double click) changes nothing and reports the first.
    """
    try:
        with transaction.atomic():
            locked = ImportJob.objects.select_for_update().get(pk=job.pk)
            if locked.status == ImportJob.Status.COMMITTED:
                return ImportResult.from_job(locked)
            plan = _plan(
                kind=locked.kind,
                filename=locked.filename,
                content=bytes(locked.content),
                scope=Scope.for_user(user, locked.hub),
            )
            if plan.result.ok:
                _write(plan, user=user, job=locked)
                locked.status = ImportJob.Status.COMMITTED
            locked.summary = plan.result.summary()
            locked.save(update_fields=["status", "summary"])
    except IntegrityError:
        return _conflict(ImportResult(kind=job.kind, filename=job.filename, job=job))
    plan.result.job = locked
    return plan.result


def import_file(
    *,
    kind: str,
    filename: str,
    content: bytes,
    user: Any = None,
    hub: Hub | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Check and commit in one step (the console command). With errors or `dry_run`, writes nothing."""
    scope = Scope.for_user(user, hub)
    if dry_run:
        return _plan(kind=kind, filename=filename, content=content, scope=scope).result
    try:
        with transaction.atomic():
            plan = _plan(kind=kind, filename=filename, content=content, scope=scope)
            if not plan.result.ok:
                return plan.result
            job = ImportJob.objects.create(
                kind=kind,
                filename=filename[:200],
                content=content,
                uploaded_by=_uploader(user),
                hub=_job_hub(user, hub),
            )
            _write(plan, user=user, job=job)
            job.status = ImportJob.Status.COMMITTED
            job.summary = plan.result.summary()
            job.save(update_fields=["status", "summary"])
    except IntegrityError:
        return _conflict(ImportResult(kind=kind, filename=filename))
    plan.result.job = job
    return plan.result
