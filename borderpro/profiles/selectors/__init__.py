"""Reads of the security profile workspace. Every selector takes the tenant explicitly."""

from borderpro.profiles.selectors.profile import identifier_rows, profile_conflicts, profile_rows

__all__ = ["identifier_rows", "profile_conflicts", "profile_rows"]
