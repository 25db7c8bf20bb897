from django import forms

from netcompanion.guide.services import MAX_QUESTION_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Your question",
        strip=True,
        max_length=MAX_QUESTION_LENGTH,
        error_messages={
            "required": "Type a question or a few words, for example: what can't I eat before the urine test.",
            "max_length": f"Please shorten your question to {MAX_QUESTION_LENGTH} characters or fewer.",
        },
    )
