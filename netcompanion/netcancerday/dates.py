import datetime as dt

MONTH, DAY = 11, 10  # 10 November, every year since INCA started the day


def next_net_cancer_day(today: dt.date) -> dt.date:
    """Today's date if it is NET Cancer Day, else the next 10 November."""
    this_year = dt.date(today.year, MONTH, DAY)
    return this_year if today <= this_year else dt.date(today.year + 1, MONTH, DAY)
