"""The activity verbs this app adds to ``organizations.activity.VERBS``, listed here so their
French translations live in this app's catalogue (the project catalogue is not ours to edit)."""

from django.utils.translation import gettext_noop

VERB_TEXTS = [
    gettext_noop("updated the carrier profile of %(name)s"),
    gettext_noop("saved “%(name)s” in the carrier profile"),
    gettext_noop("removed “%(name)s” from the carrier profile"),
    gettext_noop("chose the frameworks pursued: %(names)s"),
    gettext_noop("updated the response to %(ref)s"),
    gettext_noop("moved the response to %(ref)s to “%(state)s”"),
    gettext_noop("commented on %(ref)s"),
    gettext_noop("linked “%(title)s” to %(ref)s"),
    gettext_noop("unlinked “%(title)s” from %(ref)s"),
    gettext_noop("assigned %(category)s to %(owner)s"),
    gettext_noop("imported %(count)s responses from a spreadsheet"),
    gettext_noop("built the application package (%(language)s)"),
    gettext_noop("recorded a submission to %(agency)s"),
]
