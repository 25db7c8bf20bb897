from django.shortcuts import get_object_or_404, redirect, render

from netcompanion.core.pages import posted
from netcompanion.stories.forms import StoryForm
from netcompanion.stories.models import Story


def story_list(request):
    return render(request, "stories/list.html", {"stories": Story.objects.published()})


def story_detail(request, code):
    story = get_object_or_404(Story.objects.published(), code=code)
    return render(request, "stories/detail.html", {"story": story})


def submit_story(request):
    form = StoryForm(posted(request))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("stories:thanks")
    return render(request, "stories/submit.html", {"form": form}, status=400 if form.errors else 200)


def thanks(request):
    return render(request, "stories/thanks.html")
