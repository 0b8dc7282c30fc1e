"""What pages and questions say about the action, period and tool they concern."""

from __future__ import annotations

from datetime import date

import numpy as np

from knowledge.lexical import top_indices
from knowledge.page_facts import facts_of, fit, page_facts


def test_codes_names_and_project_numbers_name_actions() -> None:
    assert facts_of("Hvordan rapporterer vi et KA229-prosjekt?").actions == {"KA229"}
    assert facts_of("Deadline for our small-scale partnership?").actions == {"KA210"}
    project = facts_of("Prosjekt 2019-1-NO01-KA229-060123: når er fristen?")
    assert project.actions == {"KA229"} and project.old_period and not project.new_period
    assert facts_of("2023-1-NO01-KA210-SCH-000123456").new_period
    assert facts_of("Hva er fristen for sluttrapporten?").empty


def test_the_title_names_the_page_action_and_the_body_its_tool_and_state() -> None:
    page = page_facts(
        "Småskalapartnerskap (KA210): rapportering",
        ["Denne siden er arkivert.", "Rapporten leveres i Beneficiary Module, ikke som i KA229."],
        updated=date(2020, 3, 1),
    )

    assert page.actions == {"KA210"}
    assert page.archived and page.tools == {"Beneficiary Module"}
    assert page.updated == date(2020, 3, 1)


def test_fit_rewards_the_named_action_and_penalises_another() -> None:
    question = facts_of("sluttrapport for skoleutvekslingspartnerskap")
    own = page_facts("Skoleutvekslingspartnerskap", ["Mobility Tool+"], updated=None)
    other = page_facts("Samarbeidspartnerskap (KA220)", [], updated=None)
    silent = page_facts("Om Erasmus+", ["Generelt om programmet."], updated=None)

    assert fit(question, own) == 1
    assert fit(question, other) == -1
    assert fit(question, silent) == 0
    assert fit(facts_of("hva er fristen?"), other) == 0


def test_top_indices_picks_the_best_positive_scores_in_order() -> None:
    scores = np.array([0.0, 3.0, 1.0, 3.0, 2.0, 0.0, 5.0])

    assert top_indices(scores, 3).tolist() == [6, 1, 3]
    assert top_indices(scores, 10).tolist() == [6, 1, 3, 4, 2]
    assert top_indices(np.zeros(4), 2).tolist() == []
