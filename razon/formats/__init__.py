"""The site's date and time notation (FORMAT_MODULE_PATH), over Django's own per language:
Dutch writes 14.30, English the 24-hour 14:30. A time or a range of times shown to people goes
through `razon.templatetags.razon`'s `clock` and `clock_range`, which add "uur" in Dutch."""
