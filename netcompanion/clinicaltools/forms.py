"""The report explainer's form and the staff calculators, built on the engines' own contracts.

Combinations are the engines' to judge: a form turns the text typed into numbers, words and T, N and M
categories, and checks each number against the limits its engine's contract sets (``NUMBER_LIMITS``) only to
say, in plain words, what a number must be. What an engine refuses comes back as an error on the field it
names (``add_refusal``), so a value that gets past a form is still refused, with the reason next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, get_args

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.clinicaltools.reportline import MAX_LENGTH as LINE_MAX_LENGTH
from netcompanion.clinicaltools.reportline import read_line
from netcompanion.clinicaltools.tnm import Category, Unreadable, read_category
from netcompanion.contract import InvalidCase
from netcompanion.core.fields import DecimalNumberField
from netcompanion.core.plausible import not_before_birth, not_too_far_ahead
from netcompanion.explainer.texts import SITES as SITE_NAMES
from netcompanion.followup import case as followup_case
from netcompanion.grading.case import Site
from netcompanion.staging import INVASION_BY_SITE, METASTASIS_PLACES

SITES = get_args(Site)
STAGED_SITES = tuple(INVASION_BY_SITE)
NOT_STATED = ("", _("Not stated"))
YES_NO = {"yes": True, "no": False}

# Every invasion level any site allows, deepest last, in plain words (a test checks that none is missing).
INVASION_LABELS = {
    "confined_to_sphincter": _("Stays within the sphincter of Oddi (ampulla)"),
    "confined_to_pancreas": _("Stays within the pancreas"),
    "mucosa": _("Inner lining only (mucosa)"),
    "submucosa": _("Layer under the lining (submucosa)"),
    "muscularis_propria": _("Muscle layer (muscularis propria)"),
    "subserosa": _("Tissue under the outer lining (subserosa)"),
    "mesoappendix": _("The fold of tissue that holds the appendix (mesoappendix)"),
    "peripancreatic": _("Fat around the pancreas (peripancreatic), or into the pancreas from the duodenum or ampulla"),
    "duodenum_or_bile_duct": _("Into the duodenum or the bile duct (pancreas)"),
    "serosa": _("Through the outer lining (serosa or peritoneum)"),
    "adjacent_organs": _("Into nearby organs or structures"),
    "large_vessels": _("Into the wall of large blood vessels (pancreas)"),
}
METASTASIS_LABELS = {
    "liver": _("Liver"), "lung": _("Lung"), "bone": _("Bone"), "peritoneum": _("Lining of the tummy (peritoneum)"),
    "distant_nodes": _("Lymph nodes far from the tumour"), "brain": _("Brain"), "other": _("Somewhere else"),
}
MARGIN_CHOICES = [("", _("Not stated")), ("R0", _("R0: clear, no tumour cells at the edge")),
                  ("R1", _("R1: tumour cells seen at the edge under the microscope")),
                  ("R2", _("R2: some tumour was left that can be seen"))]
CATEGORY_LABELS = {"NET": _("NET (well differentiated)"), "NEC": _("NEC (poorly differentiated)"),
                   "typical_carcinoid": _("Typical carcinoid (lung)"),
                   "atypical_carcinoid": _("Atypical carcinoid (lung)"),
                   "high_grade": _("High grade (lung)")}


def _site_label(site: str) -> str:
    """The explainer's name for the site, capitalised, in the reader's language when the form is shown."""
    return capfirst(_(SITE_NAMES[site].text))


def site_field(sites: tuple[str, ...] = SITES) -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Where did the tumour start?"),
                             choices=[("", _("Choose a place")), *((s, _site_label(s)) for s in sites)],
                             error_messages={"required": _("Choose where the tumour started.")})


@dataclass(frozen=True)
class Limits:
    """A number's allowed range, from an engine contract, and what to say when a value falls outside it."""

    low: float
    low_included: bool
    high: float | None
    too_low: str
    too_high: str = ""


PERCENT_MESSAGE = _("Ki-67 is a percentage: enter a number from 0 to 100.")
PERCENT = Limits(0, True, 100, PERCENT_MESSAGE, PERCENT_MESSAGE)
NODES = Limits(0, True, 1000, _("The number of lymph nodes cannot be below 0."),
               _("Check the number: the most this takes is 1,000 lymph nodes."))
OVER_100_CM = _("Check the size: it is over 100 cm. Is it in millimetres? 12 mm is 1.2 cm.")
# Each row copies the limits of the contract named, which stays the backstop: grading.case (Percent, PerArea),
# staging.inputs (Cm, Count, mesenteric_mass_cm) and followup.case (Percent, Centimetres). A test checks that
# form and engine take and refuse the same values.
NUMBER_LIMITS: dict[str, Limits] = {
    "ki67_percent": PERCENT,
    "mitoses_per_2mm2": Limits(0, True, None, _("The mitotic count cannot be below 0. Enter 0 if none were counted.")),
    "size_cm": Limits(0, False, 100, _("The size must be more than 0 cm."), OVER_100_CM),
    "nodes_positive": NODES,
    "nodes_examined": NODES,
    "mesenteric_mass_cm": Limits(0, True, 100, _("The size cannot be below 0 cm. Enter 0 if there is no lump."),
                                 OVER_100_CM),
}
# The follow-up engine sets no upper size.
FOLLOW_UP_SIZE = Limits(0, False, None, NUMBER_LIMITS["size_cm"].too_low)


def _within(limits: Limits):
    def check(value: float) -> None:
        if value < limits.low or (value == limits.low and not limits.low_included):
            raise forms.ValidationError(limits.too_low, code="too_low")
        if limits.high is not None and value > limits.high:
            raise forms.ValidationError(limits.too_high, code="too_high")
    return check


def number_field(label: str, help_text: str = "", integer: bool = False, limits: Limits | None = None) -> forms.Field:
    """A whole number, or a decimal read in the reader's language ("8,5" in Swedish; core.fields)."""
    validators = [_within(limits)] if limits else []
    if integer:
        return forms.IntegerField(label=label, required=False, help_text=help_text, validators=validators,
                                  error_messages={"invalid": _("Enter a whole number, for example 3.")})
    return DecimalNumberField(label=label, required=False, help_text=help_text, validators=validators)


def choice_field(label: str, choices: list[tuple[str, str]], help_text: str = "", radio: bool = True,
                 required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, required=required, help_text=help_text,
                             widget=forms.RadioSelect if radio else forms.Select,
                             error_messages={"required": _("Please choose one.")})


def tnm_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=40, help_text=help_text,
                           widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}))


def sentence(message: str) -> str:
    """An engine's message as a sentence on the page: capital first, full stop last."""
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


BOXES = {"t": "T", "n": "N", "m": "M"}


def _several_parts(axis: str, text: str) -> str:
    """A whole TNM code typed into one box ("pT3 pN1 (3/14) M1a" in the T box): which part goes in which box.

    Only says so; the boxes are not filled in for the person, so nothing is moved without them seeing it.
    """
    parts = [(BOXES[f.field], f.printed) for f in read_line(text).found if f.field in BOXES]
    if len(parts) < 2:
        return ""
    where = ", ".join(gettext("%(printed)s in the %(box)s box") % {"printed": printed, "box": box}
                      for box, printed in parts)
    return gettext("“%(text)s” holds more than the %(axis)s part. Put %(where)s; or paste the whole line from your "
                   "report in the one box at the start of this page.") % {"text": text, "axis": axis, "where": where}


class EngineForm(forms.Form):
    """A form whose answers go to an engine, and whose fields take back what the engine refuses."""

    # An engine field whose form field has another name; None sends its error to the top of the form.
    rename: dict[str, str | None] = {"T": "t", "N": "n", "M": "m"}

    def chosen(self, name: str) -> Any:
        """The cleaned value, with "not stated" as None and yes/no as True/False."""
        value = self.cleaned_data.get(name)
        if value in ("", [], None):
            return None
        if isinstance(value, Decimal):  # the engines' contracts take numbers as floats
            return float(value)
        return YES_NO.get(value, value) if isinstance(value, str) else value

    def add_refusal(self, refused: InvalidCase, rename: dict[str, str | None] | None = None) -> None:
        names = {**self.rename, **(rename or {})}
        for error in refused.errors:
            field = re.split(r"[\[.]", error.field)[0]
            field = names.get(field, field)
            message = error.wording.in_language(gettext) if error.wording else error.message
            if field in self.fields:
                self.add_error(field, sentence(message))
            else:
                self.add_error(None, sentence(f"{error.field}: {message}"))

    def _category(self, axis: str) -> Category | None:
        text = self.cleaned_data.get(axis.lower(), "").strip()
        if not text:
            return None
        try:
            return read_category(axis, text)
        except Unreadable as e:
            raise forms.ValidationError(_several_parts(axis, text) or e.in_language(gettext)) from None

    def clean_t(self):
        return self._category("T")

    def clean_n(self):
        return self._category("N")

    def clean_m(self):
        return self._category("M")

    def bound(self, names) -> list[forms.BoundField]:
        return [self[name] for name in names]

    def categories(self) -> dict[str, str]:
        return {axis: self.cleaned_data[axis.lower()].value for axis in "TNM" if self.cleaned_data.get(axis.lower())}


class GradeFields(EngineForm):
    ki67_percent = number_field(_("Ki-67 index (%)"), _("For example 8 if the report says “Ki-67 8 %”."),
                                limits=NUMBER_LIMITS["ki67_percent"])
    mitoses_per_2mm2 = number_field(_("Mitotic count (mitoses per 2 mm²)"),
                                    _("How many dividing cells the pathologist counted in 2 mm²."),
                                    limits=NUMBER_LIMITS["mitoses_per_2mm2"])
    differentiation = choice_field(_("Differentiation"), [("well", _("Well differentiated")),
                                                          ("poor", _("Poorly differentiated")), NOT_STATED])
    necrosis = choice_field(_("Necrosis (lung only)"), [("yes", _("Yes, necrosis was found")),
                                                        ("no", _("No necrosis")), NOT_STATED],
                            _("Areas of dead tumour cells. Only lung tumours are graded with it."))

    GRADE_FIELDS = ("ki67_percent", "mitoses_per_2mm2", "differentiation", "necrosis")

    @property
    def grade_group(self) -> list[forms.BoundField]:
        return self.bound(self.GRADE_FIELDS)

    def has_grade_facts(self) -> bool:
        return any(self.chosen(name) is not None for name in self.GRADE_FIELDS)

    def grade_input(self) -> dict:
        facts = {name: self.chosen(name) for name in self.GRADE_FIELDS}
        return {"site": self.cleaned_data["site"], **{k: v for k, v in facts.items() if v is not None}}


class StageFields(EngineForm):
    t = tnm_field(_("T (the main tumour)"), _("As printed, for example pT3 or T1b."))
    n = tnm_field(_("N (lymph nodes)"), _("As printed, for example pN1 or pN1 (3/14): 3 of 14 nodes had tumour cells."))
    m = tnm_field(_("M (spread to distant organs)"),
                  _("As printed, for example M0 or M1a. If the report gives no M and no spread is listed below, the "
                    "stage counts it as no spread (M0)."))
    size_cm = number_field(_("Size of the tumour (cm)"), _("Its largest size. 12 mm is 1.2 cm."),
                           limits=NUMBER_LIMITS["size_cm"])
    invasion = choice_field(_("How deep it has grown"), [NOT_STATED, *INVASION_LABELS.items()], radio=False)
    nodes_positive = number_field(_("Lymph nodes with tumour cells"), integer=True,
                                  limits=NUMBER_LIMITS["nodes_positive"])
    nodes_examined = number_field(_("Lymph nodes examined"), integer=True, limits=NUMBER_LIMITS["nodes_examined"])
    mesenteric_mass_cm = number_field(_("Size of any lump in the mesentery (cm)"),
                                      _("Small intestine only: the tissue that holds the bowel. 0 if there is none."),
                                      limits=NUMBER_LIMITS["mesenteric_mass_cm"])
    metastases = forms.MultipleChoiceField(label=_("Where it has spread to (distant metastases)"), required=False,
                                           choices=[(p, METASTASIS_LABELS[p]) for p in METASTASIS_PLACES],
                                           widget=forms.CheckboxSelectMultiple)

    STAGE_FIELDS = ("t", "n", "m", "size_cm", "invasion", "nodes_positive", "nodes_examined", "mesenteric_mass_cm",
                    "metastases")
    # Asked for when the report gives no T, N and M.
    DETAIL_FIELDS = STAGE_FIELDS[3:]

    def clean(self):
        data = super().clean()
        n = data.get("n")
        if n and n.nodes_examined is not None:
            typed = (data.get("nodes_positive"), data.get("nodes_examined"))
            if typed != (None, None) and typed != (n.nodes_positive, n.nodes_examined):
                self.add_error("n", gettext("N says %(positive)s of %(examined)s lymph nodes, but the boxes below say "
                                            "%(typed_positive)s of %(typed_examined)s. Make them match, or empty the "
                                            "boxes.") % {"positive": n.nodes_positive, "examined": n.nodes_examined,
                                                         "typed_positive": typed[0], "typed_examined": typed[1]})
        return data

    @property
    def tnm_group(self) -> list[forms.BoundField]:
        return self.bound(("t", "n", "m"))

    @property
    def detail_group(self) -> list[forms.BoundField]:
        return self.bound(self.DETAIL_FIELDS)

    def details_given(self) -> bool:
        """Whether the details were filled in or need a change, so the page shows them open."""
        return any(self[name].errors or self[name].value() not in (None, "", []) for name in self.DETAIL_FIELDS)

    def has_stage_facts(self) -> bool:
        return any(self.chosen(name) is not None for name in self.STAGE_FIELDS)

    def m_assumed(self) -> bool:
        """No M and no place of spread given: the staging rules then take M0, which the page must say."""
        return self.chosen("m") is None and self.chosen("metastases") is None

    def nodes_from_n(self) -> bool:
        n = self.cleaned_data.get("n")
        return bool(n and n.nodes_examined is not None)

    def stage_input(self) -> dict:
        facts = {name: self.chosen(name) for name in
                 ("size_cm", "invasion", "nodes_positive", "nodes_examined", "mesenteric_mass_cm", "metastases")}
        if self.nodes_from_n():
            n = self.cleaned_data["n"]
            facts.update(nodes_positive=n.nodes_positive, nodes_examined=n.nodes_examined)
        facts.update(self.categories())
        return {"site": self.cleaned_data["site"], **{k: v for k, v in facts.items() if v is not None}}

    def stage_rename(self) -> dict[str, str | None]:
        """Node counts read from the N box go back to the N box."""
        return {"nodes_positive": "n", "nodes_examined": "n"} if self.nodes_from_n() else {}


class LineForm(forms.Form):
    """The first step of the report explainer: the report's summary line as printed, and where the tumour started."""

    line = forms.CharField(
        label=_("The line from your report"), max_length=LINE_MAX_LENGTH,
        help_text=_("Copy it as printed, for example “NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a”."),
        widget=forms.Textarea(attrs={"rows": 3, "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": _("Paste or type the line from your report."),
                        "max_length": _("This is longer than a report's summary line. Copy only the line with the "
                                        "grade and the TNM code (at most %(limit_value)d characters).")})
    site = forms.ChoiceField(label=_("Where did the tumour start?"), required=False,
                             help_text=_("You can also choose it on the next step."),
                             choices=[("", _("Choose a place")), *((s, _site_label(s)) for s in SITES)],
                             error_messages={"invalid_choice": _("Choose a place from the list.")})


class ReportForm(GradeFields, StageFields):
    """What a person copies from their pathology report, or confirms after pasting its summary line."""

    site = site_field()
    stated_grade = choice_field(_("Grade printed on the report"), [NOT_STATED, *((g, g) for g in ("G1", "G2", "G3"))],
                                _("As the report writes it, for example G2. The explanation works the grade out "
                                  "from the Ki-67 index and the mitotic count, and says if the two differ."),
                                radio=False)
    # The line pasted in the first step, carried to the care plan entry as its source.
    line = forms.CharField(required=False, max_length=LINE_MAX_LENGTH, widget=forms.HiddenInput)
    resected = choice_field(_("Was the tumour removed by surgery?"),
                            [("yes", _("Yes")), ("no", _("No")), ("", _("Not sure"))])
    margin = choice_field(_("If it was removed: were the edges clear (the margin)?"), MARGIN_CHOICES, radio=False)

    field_order = ["site", "stated_grade", *GradeFields.GRADE_FIELDS, *StageFields.STAGE_FIELDS, "resected", "margin"]
    # The follow-up engine reads results, not typed facts: its complaints about them go to the top.
    followup_rename = {"grade": None, "category": None, "stage": None}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not self.has_grade_facts() and not self.has_stage_facts():
            raise forms.ValidationError(_("Enter at least the Ki-67 index or the mitotic count, or T, N and M."))
        if data.get("site") == "lung" and self.has_stage_facts():
            first = next(name for name in self.STAGE_FIELDS if self.chosen(name) is not None)
            self.add_error(first, _("Lung tumours are staged with the TNM system for lung cancer, which this page "
                                    "does not cover. Leave the stage boxes empty; your care team can explain it."))
        return data

    def entered(self) -> list[tuple[str, str]]:
        """What the person typed, in their words, for the note saved to a care plan."""
        lines = []
        for name in self.field_order:
            field, value = self.fields[name], self.cleaned_data.get(name)
            if value in ("", [], None):
                continue
            if name in ("t", "n", "m"):
                shown = self.data.get(self.add_prefix(name), "").strip()
            elif isinstance(field, forms.MultipleChoiceField):
                shown = ", ".join(dict(field.choices)[v].lower() for v in value)
            elif isinstance(field, forms.ChoiceField):
                shown = str(dict(field.choices)[value])
            else:
                shown = number_format(value)
            lines.append((str(field.label).rstrip("?"), shown))
        return lines

    def followup_input(self, grade: dict | None, stage: dict | None) -> dict | None:
        """Follow-up needs to know whether the tumour was removed; without that answer there is none."""
        resected = self.chosen("resected")
        if resected is None:
            return None
        facts = {"site": self.cleaned_data["site"], "resected": resected, "margin": self.chosen("margin"),
                 "ki67_percent": self.chosen("ki67_percent"), "size_cm": self.chosen("size_cm")}
        if grade:
            facts.update(grade=grade["grade"], category=grade["category"])
        if stage:
            facts.update(stage=stage["stage"], T=stage["T"], N=stage["N"], M=stage["M"])
        return {k: v for k, v in facts.items() if v is not None}


# The sites as a pathology report names them, for staff (every site of the grading contract; a test checks).
STAFF_SITE_NAMES = {"stomach": _("Stomach"), "duodenum": _("Duodenum"), "ampulla": _("Ampulla of Vater"),
                    "jejunum_ileum": _("Jejunum/ileum (small intestine)"), "appendix": _("Appendix"),
                    "colon_rectum": _("Colon/rectum"), "pancreas": _("Pancreas"), "lung": _("Lung")}


def staff_site_choices(sites: tuple[str, ...] = SITES) -> list[tuple[str, Any]]:
    return [("", _("Choose the primary site")), *((s, STAFF_SITE_NAMES[s]) for s in sites)]


class SiteForm(forms.Form):
    """The primary site, chosen once on the calculators page and carried to all three tools (``?site=``)."""

    site = forms.ChoiceField(label=_("Primary site"), choices=staff_site_choices(),
                             error_messages={"invalid_choice": _("Choose a primary site from the list.")})


class StaffWording:
    """The calculators speak to clinicians: the report's own terms, where the explainer's boxes use plain words."""

    labels: dict[str, str] = {}
    help_texts: dict[str, str] = {}

    def __init__(self, *args, site: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in {"site": _("Primary site"), **self.labels}.items():
            self.fields[name].label = label
        site_field_ = self.fields["site"]
        site_field_.choices = staff_site_choices(tuple(value for value, _label in site_field_.choices if value))
        for name, help_text in self.help_texts.items():
            self.fields[name].help_text = help_text
        if site is not None:
            self.fields["site"].widget = forms.HiddenInput()
            self.fields["site"].initial = site


class GradeForm(StaffWording, GradeFields):
    site = site_field()
    field_order = ["site", *GradeFields.GRADE_FIELDS]
    labels = {"differentiation": _("Differentiation"), "necrosis": _("Necrosis (lung: typical vs atypical)")}
    help_texts = {"ki67_percent": "", "mitoses_per_2mm2": "",
                  "necrosis": _("Lung only (WHO 2021 thoracic); ignored for digestive sites.")}


class StageForm(StaffWording, StageFields):
    site = site_field(STAGED_SITES)
    field_order = ["site", *StageFields.STAGE_FIELDS]
    labels = {"t": _("pT / cT"), "n": _("pN / cN"), "m": _("M"), "size_cm": _("Tumour size (cm)"),
              "invasion": _("Depth of invasion"), "nodes_positive": _("Positive regional nodes"),
              "nodes_examined": _("Regional nodes examined"), "mesenteric_mass_cm": _("Mesenteric mass (cm)"),
              "metastases": _("Distant metastases")}
    help_texts = {"t": _("As printed, e.g. pT3, ypT2, T1b."), "n": _("As printed, e.g. pN1 (3/14)."),
                  "m": _("E.g. M0, M1a. Blank with no metastases ticked is taken as M0."), "size_cm": "",
                  "mesenteric_mass_cm": _("Jejunum/ileum only (N2); 0 if none.")}


def _choices(literal, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [NOT_STATED, *((v, (labels or {}).get(v, v)) for v in get_args(literal))]


# Follow-up counts from an operation or diagnosis that has happened, or an operation booked within months; a start
# further ahead is a slip in the year, and would add checks to a patient's appointments years from now.
FOLLOW_UP_START_YEARS_AHEAD = 1


class FollowUpForm(StaffWording, EngineForm):
    """The follow-up engine's facts for staff, and the day follow-up counts from (for the due dates)."""

    labels = {"resected": _("Resected?"), "grade": _("WHO grade (G1/G2/G3)"), "stage": _("Stage group (AJCC 8th)"),
              "t": _("pT / cT"), "n": _("pN / cN"), "m": _("M"), "functioning": _("Functioning (hormonal syndrome)?"),
              "rectum": _("Colorectal: rectum or colon?"), "adverse_features": _("Adverse histological features?"),
              "start": _("Follow-up interval counts from")}
    help_texts = {"start": _("Date of resection, or of diagnosis if not resected.")}

    site = site_field()
    resected = choice_field(_("Removed by surgery?"), [("yes", _("Yes")), ("no", _("No"))], required=True)
    margin = choice_field(_("Margin"), MARGIN_CHOICES, radio=False)
    grade = choice_field(_("Grade"), _choices(followup_case.Grade), radio=False)
    category = choice_field(_("Category"), _choices(followup_case.Category, CATEGORY_LABELS), radio=False)
    ki67_percent = number_field(_("Ki-67 index (%)"), limits=NUMBER_LIMITS["ki67_percent"])
    stage = choice_field(_("Stage group (AJCC 8th)"), _choices(followup_case.Stage), radio=False)
    t = tnm_field("T", _("For example pT3 or T1b."))
    n = tnm_field("N", _("For example pN1 or pN1 (3/14)."))
    m = tnm_field("M", _("For example M0 or M1a."))
    size_cm = number_field(_("Size (cm)"), limits=FOLLOW_UP_SIZE)
    functioning = choice_field(_("Makes hormones that cause symptoms (functioning)?"),
                               [("yes", _("Yes")), ("no", _("No")), ("", _("Not known"))], radio=False)
    rectum = choice_field(_("Colon or rectum: in the rectum?"),
                          [("yes", _("Rectum")), ("no", _("Colon")), ("", _("Not known"))], radio=False)
    adverse_features = choice_field(_("Adverse histological features named?"),
                                    [("yes", _("Yes")), ("no", _("No")), ("", _("Not known"))], radio=False)
    start = forms.DateField(label=_("Follow-up counts from"), help_text=_("The day of surgery, or of the diagnosis."),
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            error_messages={"required": _("Give the day follow-up counts from."),
                                            "invalid": _("Enter a date, for example 2026-03-31.")})

    ENGINE_FIELDS = ("site", "resected", "margin", "grade", "category", "ki67_percent", "stage", "size_cm",
                     "functioning", "rectum", "adverse_features")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"start": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean_start(self):
        """Not before 1900 (the calculator does not know whose year of birth), nor far ahead."""
        day = not_before_birth(self.cleaned_data["start"], None)
        return not_too_far_ahead(day, timezone.localdate(), FOLLOW_UP_START_YEARS_AHEAD)

    def followup_input(self) -> dict:
        facts = {name: self.chosen(name) for name in self.ENGINE_FIELDS}
        facts.update(self.categories())
        return {k: v for k, v in facts.items() if v is not None}
