"""A region's funnel hides the same figures whether or not it is split, so that comparing two
answers for the same period gives no hidden count away."""

from typing import Any

import httpx

from tests.conftest import World
from tests.reports.histories import at, history
from tests.reports.test_regional import APRIL, regional, viewer


def _pinned(whole: Any, parts: list[Any]) -> bool:
    """Whether `whole` and its shown `parts` give a single hidden part away exactly."""
    hidden = [p for p in parts if not isinstance(p, int)]
    return isinstance(whole, int) and len(hidden) == 1


async def test_the_split_and_unsplit_funnels_do_not_give_a_small_count_away(
    client: httpx.AsyncClient, world: World
) -> None:
    # Alpha: 5 enquiries from the website and 1 from social media; Beta: 5 from the website.
    for day in range(1, 6):
        await history(world, world.a, at(2026, 4, day), channel="website")
        await history(world, world.b, at(2026, 4, day), channel="website")
    await history(world, world.a, at(2026, 4, 9), channel="social_media")
    who = await viewer(world)

    plain = await regional(client, who, "funnel", **APRIL)
    split = await regional(client, who, "funnel", by="channel", **APRIL)
    by_referral = await regional(client, who, "funnel", by="referral", **APRIL)

    for answer in (plain, split, by_referral):
        # Each answer alone: Alpha's 6 is 5 + a hidden 1, so one of them is withheld.
        alpha = {c["council"]: c for c in answer["councils"]}["alpha"]
        assert alpha["cohort"]["enquiries"] == "withheld"
    groups = {s["key"]: s for s in split["splits"]}
    assert set(groups) == {"website", "social_media"}
    website = {c["council"]: c for c in groups["website"]["councils"]}
    social = {c["council"]: c for c in groups["social_media"]["councils"]}
    assert website["alpha"]["cohort"]["enquiries"] == 5
    assert social["alpha"]["cohort"]["enquiries"] == "fewer than 5"
    assert website["beta"]["cohort"]["enquiries"] == 5

    # Every figure of the unsplit answer against the split's parts: none is pinned.
    for unsplit in [*plain["councils"], plain["total"]]:
        name = unsplit["council"]
        parts = [
            next(c for c in [*g["councils"], g["total"]] if c["council"] == name)
            for g in split["splits"]
        ]
        whole = unsplit["cohort"]
        assert not _pinned(whole["enquiries"], [p["cohort"]["enquiries"] for p in parts])
        for i, stage in enumerate(whole["stages"]):
            assert not _pinned(
                stage["reached"], [p["cohort"]["stages"][i]["reached"] for p in parts]
            )
    # The referral split is one group (nobody was referred): the same figures as unsplit.
    (only,) = by_referral["splits"]
    assert only["key"] == "not_referred"
    assert only["total"]["cohort"] == by_referral["total"]["cohort"]
