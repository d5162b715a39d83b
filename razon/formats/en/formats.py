# English: the 24-hour clock with a colon (14:30) and day-month-year dates, the British
# notation, instead of Django's American "2:30 p.m." and "Jan. 20, 2009".
DATE_FORMAT = "j F Y"  # 20 January 2009
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y H:i"  # 20 January 2009 14:30
SHORT_DATE_FORMAT = "d/m/Y"  # 20/01/2009
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 20/01/2009 14:30
FIRST_DAY_OF_WEEK = 1  # Monday
