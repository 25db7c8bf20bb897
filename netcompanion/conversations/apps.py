from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "netcompanion.conversations"
    label = "conversations"
    verbose_name = "Messages with the care team"

    def ready(self):
        from netcompanion.conversations import checks  # noqa: F401 - registers the check of MESSAGE_REPLY_TARGET
