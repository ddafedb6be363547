"""Template filters of the consulting pages: the shared confidence labels and colours."""

from django import template

from borderpro.common.confidence import confidence_class, confidence_label

register = template.Library()
register.filter("confidence_label", confidence_label)
register.filter("confidence_class", confidence_class)
