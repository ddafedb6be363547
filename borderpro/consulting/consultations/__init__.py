"""Individualized consultations: consultants publish weekly availability; clients and
prospects book a slot (in their own time zone, EN/FR, by video or in person), get a calendar
invitation and a private link to reschedule or cancel; notes and time go on the engagement."""
