"""The symptom navigator's engine: plain Python, no Django.

    from netcompanion.triage import assess
    assess({"person": {"diagnosed_net": True}, "symptoms": [{"code": "flushing"}]}).level
"""

from netcompanion.triage.engine import Assessment, assess
from netcompanion.triage.rules import RULESET_VERSION, Level

__all__ = ["Assessment", "Level", "RULESET_VERSION", "assess"]
