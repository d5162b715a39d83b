"""One fault of `make faults` (deploy/faults.py) in the cluster tests, short enough for CI: an
app server killed under load costs no page, because nginx asks the other one (the whole
measurement with forms, PostgreSQL, Redis and the mail server is `make faults`)."""

import pytest

from tests.cluster.conftest import deployment
from tests.cluster.test_faults_report import faults

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("cluster")]


def test_a_killed_app_server_costs_no_page():
    # Pages only: the cluster tests keep production's rate limits for the forms.
    window = faults.run_fault("app", seconds=8, visitors=3, event_slug="", kinds=("page", "miss"))

    assert faults.broken_promises(window) == []
    # GET and HEAD are passed to the other server even when they were in flight.
    assert window.statuses() == {200: len(window.answers)}
    assert len([a for a in window.answers if a.started > window.injected]) > 10
    assert deployment.running()
