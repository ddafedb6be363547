"""``PlainSelect`` writes the same HTML as Django's template-rendered ``Select``."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from borderpro.common.forms import PlainSelect

CHOICES = [
    ("", "—"),
    ("a", "Seal <checks> & logs"),
    ("Group", [("b", "Inside « b »"), ("c", 'Quote "c"')]),
    (3, "Three"),
]


@pytest.mark.parametrize("value", [None, "", "a", "c", 3])
def test_same_html_as_the_template_widget(value: object) -> None:
    attrs = {"id": "id_x", "class": "select", "aria-invalid": "true", "required": True}
    fast = PlainSelect(choices=CHOICES).render("x", value, attrs=attrs)
    slow = forms.Select(choices=CHOICES).render("x", value, attrs=attrs)
    assert parse_html(fast) == parse_html(slow)  # same elements, attributes and text
    assert "&lt;checks&gt; &amp; logs" in fast


def test_a_model_choice_field_renders_its_choices() -> None:
    field = forms.TypedChoiceField(choices=CHOICES, widget=PlainSelect, required=False)
    html = field.widget.render("x", "b")
    assert '<option value="b" selected>Inside « b »</option>' in html
