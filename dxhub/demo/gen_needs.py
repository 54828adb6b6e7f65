"""Writes a manufacturer's DX needs from scenario parts: realistic, varied, and the same for the same seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from dxhub.demo.josa import render
from dxhub.demo.scenarios import (
    ACCESS,
    BUDGETS,
    CLOSINGS,
    CONSTRAINTS,
    CONTEXTS,
    IMPACTS,
    INDUSTRY_CONSTRAINTS,
    LEGACY,
    NUMBERS,
    PLANTS,
    PRACTICE_ADDONS,
    SHIFTS,
    TIMELINES,
    VOLUMES,
    WANTS,
    Scenario,
    all_scenarios,
)
from dxhub.demo.specs import CompanySpec, NeedSpec
from dxhub.demo.vocab import HUB_PROFILES, INDUSTRIES, PLACES

STATUSES = (("published", 65), ("discussion", 12), ("draft", 13), ("closed", 10))
VISIBILITIES = (("hub", 45), ("hubs", 35), ("public", 20))
CLOSE_REASONS = (("solved", 35), ("elsewhere", 15), ("cancelled", 15), ("budget", 25), ("other", 10))


def weighted[T](rng: random.Random, pairs: Sequence[tuple[T, int]]) -> T:
    """One value of (value, weight) pairs."""
    return rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]


def slot_values(rng: random.Random, **named: Any) -> dict[str, Any]:
    """Values for every slot a phrase may use: one draw of each number, the shared words, then `named`."""
    values: dict[str, Any] = {key: rng.choice(options) for key, options in NUMBERS.items()}
    values["shift"] = rng.choice(SHIFTS)
    values["legacy"] = rng.choice(LEGACY)
    values["year"] = rng.randint(2015, 2024)
    values.update(named)
    return values


class NeedMaker:
    """Turns a manufacturer into 0..n needs. Each need picks one scenario and tells it its own way."""

    def __init__(self, seed: int, capability_names: dict[str, str]) -> None:
        self.rng = random.Random(f"dxhub-demo:{seed}:needs")
        self.capability_names = capability_names
        self.by_industry: dict[str, list[Scenario]] = {}
        for scenario in all_scenarios():
            self.by_industry.setdefault(scenario.industry, []).append(scenario)

    def make(self, company: CompanySpec, count: int, *, first_published: bool = False) -> list[NeedSpec]:
        if count <= 0:
            return []
        rng = self.rng
        pool = self.by_industry[company.industry]
        fitting = [s for s in pool if not s.products or company.product in s.products]
        others = [s for s in pool if s not in fitting]
        chosen = rng.sample(fitting, min(count, len(fitting)))
        chosen += rng.sample(others, min(count - len(chosen), len(others)))
        while len(chosen) < count:  # only when asked for more needs per firm than there are scenarios
            chosen.append(rng.choice(pool))
        titles: set[str] = set()
        needs = []
        for i, scenario in enumerate(chosen):
            need = self._need(company, scenario, titles, force_published=first_published and i == 0)
            titles.add(need.title)
            needs.append(need)
        return needs

    def _need(
        self, company: CompanySpec, scenario: Scenario, titles: set[str], *, force_published: bool
    ) -> NeedSpec:
        rng = self.rng
        industry = INDUSTRIES[scenario.industry]
        place = PLACES[company.region].name
        product = company.product
        if scenario.products and product not in scenario.products:
            product = rng.choice(scenario.products)
        plant = render(rng.choice(PLANTS), {"place": place})
        # Titles, symptoms and processes of a scenario are written in parallel: index i tells one story.
        i = rng.randrange(len(scenario.titles))
        processes = scenario.processes
        process = processes[i % len(processes)] if rng.random() < 0.7 else rng.choice(processes)
        values = slot_values(
            rng,
            place=place,
            site=f"{plant} {process}",
            plant=plant,
            product=product,
            process=process,
            customer=rng.choice(industry.customers),
            employees=company.employees if company.employees < 30 else f"약 {round(company.employees, -1):,}",
            founded=company.founded_year,
            industry_label=industry.label,
            hub_short=HUB_PROFILES[company.hub].short,
            cap=self.capability_names[scenario.caps[0]],
        )
        title = self._title(scenario, i, plant, process, titles)
        status = "published" if force_published else weighted(rng, STATUSES)
        age_days = rng.randint(1, 60) if status == "draft" else rng.randint(5, 300)
        reason = weighted(rng, CLOSE_REASONS) if status == "closed" else ""
        return NeedSpec(
            company_brn=company.brn,
            hub=company.hub,
            industry=scenario.industry,
            scenario=scenario.key,
            title=title,
            ksic=company.ksic_codes[0],
            site=values["site"],
            problem=self._problem(scenario, i, values),
            current_practice=self._practice(scenario, values),
            data_kinds=rng.choice(scenario.data_kinds),
            data_volume=render(rng.choice(VOLUMES[scenario.data_type]), values),
            data_access=", ".join(rng.sample(ACCESS, rng.choice((1, 1, 2)))),
            target_kpi=self._kpi(scenario, values),
            budget_min=(budget := self._budget(company.employees))[0],
            budget_max=budget[1],
            timeline_months=rng.choice(TIMELINES),
            required_capabilities=scenario.caps,
            status=status,
            visibility=weighted(rng, VISIBILITIES),
            age_days=age_days,
            published_after_days=None if status == "draft" else rng.randint(0, min(14, age_days - 1)),
            close_reason=reason,
            close_note=render(rng.choice(CLOSINGS[reason]), values) if reason else "",
        )

    def _title(self, scenario: Scenario, i: int, plant: str, process: str, taken: set[str]) -> str:
        rng = self.rng
        options = [scenario.titles[i], *(t for t in scenario.titles if t != scenario.titles[i])]
        options += [f"[{plant}] {t}" for t in scenario.titles] + [f"{process} — {t}" for t in scenario.titles]
        if rng.random() < 0.15:
            options.insert(0, f"[{plant}] {options[0]}")
        for title in options:
            if title not in taken:
                return title
        n = 2
        while f"{options[0]} ({n}차)" in taken:
            n += 1
        return f"{options[0]} ({n}차)"

    def _problem(self, scenario: Scenario, i: int, values: dict[str, Any]) -> str:
        """Context, symptom(s), impact, constraint and wish, each optional or reordered, so texts differ."""
        rng = self.rng
        context = render(rng.choice(CONTEXTS), values) if rng.random() < 0.85 else ""
        main = scenario.symptoms[i % len(scenario.symptoms)]
        symptoms = [main]
        if rng.random() < 0.35:
            symptoms.append(rng.choice([s for s in scenario.symptoms if s != main]))
        symptoms = [render(s, values) for s in symptoms]
        impact = render(rng.choice(IMPACTS), values) if rng.random() < 0.75 else ""
        constraint_pool = CONSTRAINTS + INDUSTRY_CONSTRAINTS[scenario.industry]
        constraint = render(rng.choice(constraint_pool), values) if rng.random() < 0.55 else ""
        want = render(rng.choice(WANTS), values) if rng.random() < 0.3 else ""
        if rng.random() < 0.7:
            parts = [context, *symptoms, impact, constraint, want]
        else:  # lead with the symptom
            parts = [symptoms[0], context, *symptoms[1:], impact, constraint, want]
        return " ".join(p for p in parts if p)

    def _practice(self, scenario: Scenario, values: dict[str, Any]) -> str:
        text = render(self.rng.choice(scenario.practices), values)
        if self.rng.random() < 0.5:
            text += " " + self.rng.choice(PRACTICE_ADDONS)
        return text

    def _kpi(self, scenario: Scenario, values: dict[str, Any]) -> str:
        kpis = self.rng.sample(scenario.kpis, 2 if self.rng.random() < 0.3 else 1)
        return ", ".join(render(k, values) for k in kpis)

    def _budget(self, employees: int) -> tuple[int | None, int | None]:
        if self.rng.random() < 0.08:
            return None, None  # "to be discussed"
        low, high = (
            (0, 3) if employees < 20 else (1, 5) if employees < 50 else (2, 6) if employees < 100 else (3, 8)
        )
        return BUDGETS[self.rng.randint(low, high)]
