import re
import shutil
from pathlib import Path

import pytest

from workflows.definitions import PROCEDURES_DIR, Actor, load_procedure, load_procedures
from workflows.errors import ProcedureDefinitionError, UnknownProcedure, UnknownStep

KNOWLEDGE_PAGE = Path(__file__).parents[3] / "knowledge" / "docs" / "skoleutvekslingspartnerskap.md"


def _sections() -> set[str]:
    return {m.group(1).strip() for m in re.finditer(r"^## (.+)$", KNOWLEDGE_PAGE.read_text(), re.MULTILINE)}


def test_the_three_procedures_ship_and_load():
    catalog = load_procedures()
    assert [p.id for p in catalog] == ["budget-change", "final-report", "results-upload"]


def test_final_report_follows_hkdir_order_and_roles():
    final = load_procedures().get("final-report")
    actors = [(s.id, s.actor) for s in final.steps]
    assert actors[0] == ("qualitative-content", Actor.COORDINATOR)
    assert [a for _, a in actors].count(Actor.EACH_PARTNER) == 2
    assert actors[-1] == ("submit", Actor.COORDINATOR)
    assert final.deadline is not None and final.deadline.days_after_end == 60
    assert "Partnership Dashboard" in final.step("submit").text.en


def test_procedures_name_the_actions_whose_guidance_they_follow():
    catalog = load_procedures()
    final, upload = catalog.get("final-report"), catalog.get("results-upload")
    assert final.actions == ("KA229",) and catalog.get("budget-change").actions == ("KA229",)
    assert final.written_for("KA229") and final.written_for("ka229") and final.written_for(None)
    assert not final.written_for("KA210")
    assert upload.actions == () and upload.written_for("KA210")  # the results platform serves every action


def test_results_upload_is_for_coordinators_only_and_mentions_review():
    upload = load_procedures().get("results-upload")
    assert {s.actor for s in upload.steps} == {Actor.COORDINATOR}
    assert "Submit for Review" in upload.steps[-1].text.en
    assert "bilder av elever" in (upload.steps[-1].notes.hint.nb if upload.steps[-1].notes.hint else "")


def test_every_step_cites_a_real_section_of_the_knowledge_page():
    sections = _sections()
    for procedure in load_procedures():
        for step in procedure.steps:
            assert step.source.document == "hkdir-skoleutvekslingspartnerskap"
            assert step.source.section in sections, (procedure.id, step.id)
            assert step.source.url.startswith("https://erasmuspluss.no/")
            assert step.text.nb != step.text.en


def test_unknown_ids_raise_domain_errors_with_the_choices():
    catalog = load_procedures()
    with pytest.raises(UnknownProcedure) as procedure_error:
        catalog.get("tax-return")
    assert "final-report" in procedure_error.value.choices
    with pytest.raises(UnknownStep) as step_error:
        catalog.get("final-report").step("nope")
    assert "submit" in step_error.value.choices


def _broken(tmp_path: Path, old: str, new: str, name: str = "final-report") -> Path:
    path = tmp_path / f"{name}.yaml"
    text = (PROCEDURES_DIR / "final-report.yaml").read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("actor: coordinator", "actor: headmaster", "steps.0.actor"),
        ("  en: Final report in Mobility Tool+\n", "", "title.en"),
        ("id: qualitative-content", "id: Qualitative Content", "steps.0.id"),
        (
            "      url: https://erasmuspluss.no/skoleutvekslingspartnerskap",
            "      url: not a link",
            "steps.0.source.url",
        ),
        ("id: invoices", "id: qualitative-content", "steps"),
        ("actions: [KA229]", "actions: [school exchange]", "actions"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_field(tmp_path, old, new, field):
    path = _broken(tmp_path, old, new)
    with pytest.raises(ProcedureDefinitionError) as error:
        load_procedure(path)
    assert error.value.path == str(path)
    assert error.value.field == field
    assert str(path) in str(error.value) and field in str(error.value)


def test_yaml_syntax_errors_and_mismatched_ids_are_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n")
    with pytest.raises(ProcedureDefinitionError, match="<yaml>"):
        load_procedure(bad)
    renamed = tmp_path / "other-name.yaml"
    shutil.copy(PROCEDURES_DIR / "budget-change.yaml", renamed)
    with pytest.raises(ProcedureDefinitionError) as error:
        load_procedure(renamed)
    assert error.value.field == "id"


def test_adding_a_procedure_is_adding_a_file(tmp_path):
    for path in PROCEDURES_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path)
    text = (
        (PROCEDURES_DIR / "budget-change.yaml").read_text().replace("id: budget-change", "id: interim-report")
    )
    (tmp_path / "interim-report.yaml").write_text(text)
    assert "interim-report" in [p.id for p in load_procedures(tmp_path)]
