from django.shortcuts import render

from netcompanion.supportgroups.forms import GroupFilterForm
from netcompanion.supportgroups.models import SupportGroup


def group_list(request):
    form = GroupFilterForm(request.GET or None)
    groups = SupportGroup.objects.listed().prefetch_related("languages")
    status = 200
    if form.is_bound:
        if form.is_valid():
            groups = form.apply(groups)
        else:
            status = 400
    return render(request, "supportgroups/list.html", {"form": form, "groups": groups}, status=status)
