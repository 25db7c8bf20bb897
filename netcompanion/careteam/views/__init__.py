"""The care team's pages: the patient list, a patient's record and assignments (``patients``), and the alert queue
(``alerts``)."""
