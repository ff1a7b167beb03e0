"""examples/explore.ipynb runs clean, top to bottom, and shows its tables and pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "explore.ipynb"


@pytest.mark.slow
def test_the_notebook_runs_and_shows_tables_and_pictures() -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), "commit it without outputs"
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(pictures) == 4  # timeline, map, network, the filtered map
    assert any("more</p>" in t for t in tables), "the event list is capped with a '... N more' line"
    assert any("<th>who</th>" in t for t in tables), "the README query shows as a table"
    path = outputs[-1]["data"]["text/plain"]
    assert path.startswith("'Houthis -> ") and path.endswith(" -> Islamic State'")
