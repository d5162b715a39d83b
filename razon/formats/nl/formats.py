# Dutch: a point between hours and minutes (14.30), as the Taalunie and RA-ZON's own pages
# write it; Django's Dutch formats use a colon. Dates stay Django's.
TIME_FORMAT = "H.i"  # 14.30
DATETIME_FORMAT = "j F Y H.i"  # 20 januari 2009 14.30
SHORT_DATETIME_FORMAT = "j-n-Y H.i"  # 20-1-2009 14.30
