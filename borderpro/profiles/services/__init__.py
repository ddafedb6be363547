"""Writes of the security profile workspace, split by sub-domain."""
