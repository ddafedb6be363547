"""One date format per language, everywhere (FORMAT_MODULE_PATH).

Dates are written with the month as a word so no reader in Canada can take 4 December for
12 April: English "4 Dec 2026", French "4 déc. 2026". Short and long forms are the same on
purpose, so ``|date``, ``|date:"SHORT_DATE_FORMAT"`` and ``{{ value }}`` all agree. Date
inputs stay ISO (HTML date inputs send YYYY-MM-DD whatever the language).
"""
