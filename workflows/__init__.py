"""Guided HK-dir procedures and shared checklists: definitions, runs and the service that advances them."""

from workflows.definitions import ProcedureCatalog, load_procedures
from workflows.service import WorkflowService

__all__ = ["ProcedureCatalog", "WorkflowService", "load_procedures"]
