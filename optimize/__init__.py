"""Exact optimisers the hub operations need, as a pure library (no Django; an import-linter contract).

- `optimize.selection`: which applications to fund within a programme's budget, caps and quotas.
- `optimize.schedule`: 1:1 meetings of a matchmaking day onto time slots and tables.
"""
