"""Which day a digest run is for, in the follow's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.time_zones import find_zone, next_occurrence_day, occurrence_day

pytestmark = pytest.mark.unit


def test_a_late_run_is_for_the_day_it_was_scheduled_on() -> None:
    # 23:30 in Berlin (CET, UTC+1) on 10 March, run 50 minutes late: past local midnight.
    late = datetime(2026, 3, 10, 23, 20, tzinfo=UTC)
    assert occurrence_day("23:30", "Europe/Berlin", late) == "2026-03-10"
    on_time = datetime(2026, 3, 11, 22, 30, tzinfo=UTC)
    assert occurrence_day("23:30", "Europe/Berlin", on_time) == "2026-03-11"


def test_a_time_the_clocks_skip_is_still_that_days() -> None:
    # 02:30 does not exist in Berlin on 29 March 2026; APScheduler runs it at 03:30 CEST.
    shifted = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert occurrence_day("02:30", "Europe/Berlin", shifted) == "2026-03-29"


def test_the_next_occurrence_is_today_before_the_time_and_tomorrow_after_it() -> None:
    ten_in_kyiv = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)  # EEST, UTC+3
    assert next_occurrence_day("18:00", "Europe/Kyiv", ten_in_kyiv) == "2026-06-01"
    assert next_occurrence_day("08:00", "Europe/Kyiv", ten_in_kyiv) == "2026-06-02"


def test_a_folder_of_the_zone_database_is_no_zone() -> None:
    assert find_zone("Europe") is None and find_zone("Europe/Kyiv") is not None
